"""push verifies TLS certificates by default: an untrusted store never receives the data.

A real HTTPS Graph Store on loopback (stdlib http.server wrapped in ssl) with a certificate
from a certificate authority made at test time (trustme), so nothing is committed and no
network is used. Trusting that authority through NHSGRAPH_STORE_CA_BUNDLE makes the same
push go through, which proves the refusal was about trust and nothing else.
"""

from __future__ import annotations

import http.server
import shutil
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
import trustme
from click.testing import CliRunner

from nhsgraph.cli import main
from nhsgraph.triplestore import ENV_CA_BUNDLE, ENV_PASSWORD, ENV_USER

BASE = Path(__file__).resolve().parent / "bad_inputs" / "base.yaml"
PASSWORD = "s3cret-tls-pw"


class _Store(http.server.BaseHTTPRequestHandler):
    """Records every body it is sent and answers 204, as a Graph Store does for a PUT."""

    received: ClassVar[list[bytes]] = []

    def do_PUT(self) -> None:  # http.server's naming
        type(self).received.append(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def https_store(ca: trustme.CA) -> Iterator[str]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Store)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    # A client that refuses the certificate makes accept() fail in the server's thread;
    # socketserver drops that connection and keeps serving.
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"https://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(BASE, folder / "base.yaml")
    return folder


def _push(endpoint: str, data: Path, env: dict[str, str | None]) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["push", "--endpoint", f"{endpoint}/store", "--data", str(data), "--timeout", "10"],
                                env={ENV_USER: "alice", ENV_PASSWORD: PASSWORD, **env})
    return result.exit_code, result.output


def test_push_to_an_untrusted_certificate_fails_clearly_and_sends_nothing(https_store: str, data: Path) -> None:
    _Store.received.clear()
    code, output = _push(https_store, data, {ENV_CA_BUNDLE: None, "SSL_CERT_FILE": None, "SSL_CERT_DIR": None})
    assert code == 1, output
    [line] = output.strip().splitlines()
    assert line.startswith(f"nhsgraph: cannot connect to {https_store}/store: TLS certificate not trusted ("), line
    assert line.endswith(f"); for a private CA set {ENV_CA_BUNDLE} to its certificate file"), line
    assert _Store.received == []
    assert PASSWORD not in output and "Traceback" not in output


def test_trusting_the_ca_through_the_environment_makes_the_push_reach_the_store(
        https_store: str, data: Path, ca: trustme.CA, tmp_path: Path) -> None:
    _Store.received.clear()
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    code, output = _push(https_store, data, {ENV_CA_BUNDLE: str(bundle)})
    assert code == 0, output
    assert f"to graph <https://w3id.org/nhsgraph/graph> at {https_store}/store (HTTP 204)" in output
    assert len(_Store.received) == 1
    assert b"<https://w3id.org/nhsgraph/" in _Store.received[0] and _Store.received[0].endswith(b" .\n")



@pytest.mark.parametrize(("name", "content"), [("missing.pem", None), ("not-a-cert.pem", b"hello\n")])
def test_an_unusable_ca_bundle_is_one_line_naming_the_variable_and_file(
        https_store: str, data: Path, tmp_path: Path, name: str, content: bytes | None) -> None:
    _Store.received.clear()
    if content is not None:
        (tmp_path / name).write_bytes(content)
    code, output = _push(https_store, data, {ENV_CA_BUNDLE: str(tmp_path / name)})
    assert code == 1 and "Traceback" not in output, output
    [line] = output.strip().splitlines()
    assert line.startswith(f"nhsgraph: {ENV_CA_BUNDLE}={tmp_path / name}: cannot read it as CA certificates ("), line
    assert _Store.received == []
