"""Triple stores: push to a real Oxigraph server (loopback, started and stopped here), query it
over HTTP, replace rather than duplicate, fail clearly without leaking credentials, and serve."""

from __future__ import annotations

import base64
import contextlib
import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from select import POLLIN, poll

import pytest
from click.testing import CliRunner
from rdf_fixtures import ACT_IRI, NHSG, RDF_DATA, rdf_folder  # noqa: F401
from store_fixtures import count, select

from nhsgraph.cli import main
from nhsgraph.triplestore import DEFAULT_GRAPH, ENV_PASSWORD, ENV_USER, free_port

SECRET = "s3cret-Pa55word-for-tests"


def push(folder, endpoint: str, *extra: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["push", "--data", str(folder), "--endpoint", endpoint, *extra], env=env)


REPLACED = f"""PREFIX nhsg: <{NHSG}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?new ?status WHERE {{ GRAPH <{DEFAULT_GRAPH}> {{
  ?st rdf:predicate nhsg:replaces ; rdf:object <https://w3id.org/nhsgraph/id/old-form> ;
      rdf:subject/skos:prefLabel ?new ; nhsg:status/skos:notation ?status }} }} ORDER BY ?status"""


def test_push_then_query_over_http(oxigraph, rdf_folder):
    result = push(rdf_folder, f"{oxigraph}/store")
    assert result.exit_code == 0, result.output
    assert "pushed" in result.output and DEFAULT_GRAPH in result.output
    answers = select(oxigraph, REPLACED)
    assert [(a["new"], a["status"]) for a in answers] == [("new form", "fact"), ("proposed form", "proposed")]
    plain = select(oxigraph, f"PREFIX nhsg: <{NHSG}> SELECT ?new WHERE {{ GRAPH <{DEFAULT_GRAPH}> {{ "
                             "?new nhsg:replaces <https://w3id.org/nhsgraph/id/old-form> } }")
    assert [a["new"] for a in plain] == ["https://w3id.org/nhsgraph/id/new-form"]


def test_second_push_replaces_rather_than_duplicates(oxigraph, rdf_folder, write_data):
    assert push(rdf_folder, f"{oxigraph}/store").exit_code == 0
    first = count(oxigraph)
    assert push(rdf_folder, f"{oxigraph}/store").exit_code == 0
    assert count(oxigraph) == first
    # Pushing smaller data replaces the graph: what is gone from the data is gone from the store.
    smaller = write_data({"rdf.yaml": RDF_DATA["rdf.yaml"].split("    statements:")[0]})
    assert push(smaller, f"{oxigraph}/store").exit_code == 0
    assert count(oxigraph) < first and select(oxigraph, REPLACED) == []


def test_push_to_another_graph_leaves_the_default_graph_alone(oxigraph, rdf_folder):
    assert push(rdf_folder, f"{oxigraph}/store").exit_code == 0
    before = count(oxigraph)
    other = "https://example.org/graphs/test"
    assert push(rdf_folder, f"{oxigraph}/store", "--graph", other, "--no-ontology").exit_code == 0
    assert count(oxigraph) == before and 0 < count(oxigraph, other) < before


def test_push_to_a_dead_port_fails_clearly_without_leaking_the_password(rdf_folder):
    port = free_port()
    result = push(rdf_folder, f"http://127.0.0.1:{port}/store", env={ENV_USER: "alice", ENV_PASSWORD: SECRET})
    assert result.exit_code == 1
    assert f"cannot connect to http://127.0.0.1:{port}/store: connection refused" in result.output
    assert SECRET not in result.output and "Traceback" not in result.output


class _Refuses(http.server.BaseHTTPRequestHandler):
    """A store that refuses every request and, carelessly, echoes the Authorization header."""

    def do_PUT(self) -> None:  # http.server's naming
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = f"bad credentials: {self.headers.get('Authorization')}".encode()
        self.send_response(401, "Unauthorized")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_refused_credentials_are_reported_without_the_password(rdf_folder):
    server = http.server.HTTPServer(("127.0.0.1", 0), _Refuses)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        endpoint = f"http://127.0.0.1:{server.server_address[1]}/store"
        result = push(rdf_folder, endpoint, env={ENV_USER: "alice", ENV_PASSWORD: SECRET})
    finally:
        server.shutdown()
    assert result.exit_code == 1
    assert "HTTP 401 Unauthorized" in result.output and ENV_PASSWORD in result.output
    assert SECRET not in result.output
    assert base64.b64encode(f"alice:{SECRET}".encode()).decode() not in result.output


def test_credentials_in_the_url_are_refused_without_echoing_them(rdf_folder):
    result = push(rdf_folder, f"http://alice:{SECRET}@127.0.0.1:1/store")
    assert result.exit_code == 1
    assert "must not contain credentials" in result.output and SECRET not in result.output


def test_serve_answers_sparql_and_stops_with_its_server(rdf_folder):
    port = free_port()
    command = [sys.executable, "-m", "nhsgraph", "serve", "--data", str(rdf_folder), "--port", str(port)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert f"http://127.0.0.1:{port}/query" in line, line
        answers = select(f"http://127.0.0.1:{port}", f"PREFIX nhsg: <{NHSG}> SELECT ?act WHERE {{ ?e nhsg:legalBasis ?act }}")
        assert {a["act"] for a in answers} == {ACT_IRI}
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert process.returncode == 0
    with pytest.raises(OSError):  # the Oxigraph server went with it
        urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=5)


def test_a_store_that_never_answers_times_out_clearly(rdf_folder):
    with socket.socket() as silent:  # accepts connections (kernel backlog) but never replies
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        endpoint = f"http://127.0.0.1:{silent.getsockname()[1]}/store"
        result = push(rdf_folder, endpoint, "--timeout", "0.2")
    assert result.exit_code == 1
    assert f"push to {endpoint} failed: no answer within 0.2 s" in result.output


@pytest.mark.skipif(sys.platform != "linux", reason="parent-death signal is Linux-only")
def test_server_never_outlives_a_killed_parent():
    code = ("import sys; from nhsgraph.triplestore import free_port, start_server; "
            "p = start_server(f'127.0.0.1:{free_port()}'); print(p.pid, flush=True); sys.stdin.read()")
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    server = int(parent.stdout.readline())
    watch = os.pidfd_open(server)  # becomes readable when the server exits: no polling loop
    try:
        parent.kill()
        parent.wait()
        poller = poll()
        poller.register(watch, POLLIN)
        assert poller.poll(10_000), "the Oxigraph server kept running after its parent was killed"
    finally:
        os.close(watch)
        with contextlib.suppress(ProcessLookupError):
            os.kill(server, signal.SIGTERM)  # only matters when the test fails: leave nothing behind
