"""Triple stores: push the build to any SPARQL 1.1 Graph Store, or serve it locally with Oxigraph.

``push`` replaces one named graph with a single HTTP ``PUT`` (SPARQL 1.1 Graph Store HTTP
Protocol), which stores apply atomically: a failed push leaves the old graph as it was.
Credentials come only from environment variables, never from the command line or the URL
(both end up in shell history and process lists), and no message ever repeats them.
TLS certificates are always verified.
"""

from __future__ import annotations

import base64
import ctypes
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import sysconfig
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, quote_plus, urlencode, urlsplit, urlunsplit

ENV_USER = "NHSGRAPH_STORE_USER"
ENV_PASSWORD = "NHSGRAPH_STORE_PASSWORD"
ENV_TOKEN = "NHSGRAPH_STORE_TOKEN"
ENV_CA_BUNDLE = "NHSGRAPH_STORE_CA_BUNDLE"
DEFAULT_GRAPH = "https://w3id.org/nhsgraph/graph"
DEFAULT_TIMEOUT = 60.0
PR_SET_PDEATHSIG = 1  # linux/prctl.h


class StoreError(Exception):
    """A push or serve that failed, with a message that says what to do (and holds no secret)."""


@dataclass(frozen=True)
class PushResult:
    endpoint: str
    graph: str
    triples: int
    bytes: int
    status: int


def _secrets(env: Mapping[str, str]) -> list[str]:
    return [v for k in (ENV_PASSWORD, ENV_TOKEN) if (v := env.get(k))]


def _scrub(text: str, env: Mapping[str, str]) -> str:
    """Remove any credential from a message (servers sometimes echo request headers).

    Besides each secret itself: the credential exactly as the Authorization header sent it
    (base64 of ``user:password`` holds the password's base64 only when ``user:`` happens to
    be a multiple of three bytes), and the secret base64- or URL-encoded.
    """
    forms = {secret for value in _secrets(env)
             for secret in (value, base64.b64encode(value.encode()).decode(), quote(value), quote_plus(value))}
    if (auth := _auth_header(env)) is not None:
        forms.add(auth.partition(" ")[2])
    for form in sorted(forms, key=len, reverse=True):
        if form:
            text = text.replace(form, "***")
    return text


def _auth_header(env: Mapping[str, str]) -> str | None:
    if env.get(ENV_TOKEN):
        return f"Bearer {env[ENV_TOKEN]}"
    if env.get(ENV_USER) or env.get(ENV_PASSWORD):
        pair = f"{env.get(ENV_USER, '')}:{env.get(ENV_PASSWORD, '')}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")
    return None


def graph_url(endpoint: str, graph: str) -> str:
    """The Graph Store URL for one named graph: ``endpoint?graph=<IRI>`` (query string kept)."""
    parts = urlsplit(endpoint)
    query = "&".join(q for q in (parts.query, urlencode({"graph": graph})) if q)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def check_endpoint(endpoint: str) -> None:
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"--endpoint must be an http:// or https:// URL, such as http://localhost:7878/store; got {endpoint!r}")
    if parts.username or parts.password:
        raise StoreError(f"--endpoint must not contain credentials; set {ENV_USER} and {ENV_PASSWORD} "
                         f"(or {ENV_TOKEN}) in the environment instead")


def push(data: bytes, endpoint: str, graph: str = DEFAULT_GRAPH, *, triples: int = 0,
         timeout: float = DEFAULT_TIMEOUT, env: Mapping[str, str] | None = None) -> PushResult:
    """Replace ``graph`` at a Graph Store ``endpoint`` with ``data`` (N-Triples) in one PUT."""
    env = os.environ if env is None else env
    check_endpoint(endpoint)
    where = urlunsplit(urlsplit(endpoint)._replace(query="", fragment=""))
    request = urllib.request.Request(graph_url(endpoint, graph), data=data, method="PUT")
    request.add_header("Content-Type", "application/n-triples")
    if (auth := _auth_header(env)) is not None:
        request.add_header("Authorization", auth)
    context = _tls_context(env) if urlsplit(endpoint).scheme == "https" else None
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=context) as response:  # scheme checked above
            return PushResult(where, graph, triples, len(data), response.status)
    except urllib.error.HTTPError as exc:
        body = exc.read(300).decode("utf-8", "replace").strip()
        if exc.code in (401, 403):
            hint = (f"check {ENV_USER}/{ENV_PASSWORD} or {ENV_TOKEN}" if _auth_header(env)
                    else f"set {ENV_USER} and {ENV_PASSWORD} (or {ENV_TOKEN})")
            message = f"push to {where} refused: HTTP {exc.code} {exc.reason}; {hint}"
        else:
            message = f"push to {where} failed: HTTP {exc.code} {exc.reason}" + (f": {body}" if body else "")
        raise StoreError(_scrub(message, env)) from None
    except urllib.error.URLError as exc:
        raise StoreError(_scrub(_network_message(where, exc.reason, timeout), env)) from None
    except TimeoutError:
        raise StoreError(f"push to {where} failed: no answer within {timeout:g} s (raise --timeout?)") from None
    except OSError as exc:
        raise StoreError(_scrub(_network_message(where, exc, timeout), env)) from None


def _tls_context(env: Mapping[str, str]) -> ssl.SSLContext:
    """Certificates verified against the system's authorities, or only ``$NHSGRAPH_STORE_CA_BUNDLE``'s.

    A bundle that is missing or holds no certificate is named with its variable: the bare
    'No such file or directory' it gave before named neither.
    """
    bundle = env.get(ENV_CA_BUNDLE) or None
    try:
        return ssl.create_default_context(cafile=bundle)
    except OSError as exc:  # ssl.SSLError is an OSError too
        reason = exc.strerror if isinstance(exc, FileNotFoundError) else getattr(exc, "reason", None) or exc
        raise StoreError(f"{ENV_CA_BUNDLE}={bundle}: cannot read it as CA certificates ({reason}); "
                         f"set it to a PEM file of the store's certificate authority") from None


def _network_message(where: str, reason: object, timeout: float) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return f"cannot connect to {where}: connection refused (is the triple store running on that port?)"
    if isinstance(reason, TimeoutError):
        return f"push to {where} failed: no answer within {timeout:g} s (raise --timeout?)"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return (f"cannot connect to {where}: TLS certificate not trusted ({reason.verify_message}); "
                f"for a private CA set {ENV_CA_BUNDLE} to its certificate file")
    if isinstance(reason, socket.gaierror):
        return f"cannot connect to {where}: unknown host"
    return f"cannot connect to {where}: {reason}"


# -- serve ------------------------------------------------------------------------------------
def oxigraph_binary() -> str:
    """The ``oxigraph`` server executable installed beside this Python (or on PATH)."""
    scripts = Path(sysconfig.get_path("scripts"))
    for candidate in (scripts / "oxigraph", scripts / "oxigraph.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("oxigraph")
    if found is None:
        raise StoreError("the Oxigraph server is not installed: pip install 'nhsgraph[serve]' (or pip install oxigraph)")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> Callable[[], object] | None:
    """On Linux, a pre-exec hook asking the kernel to stop the child if its parent dies.

    libc is loaded here, in the parent, so the hook run between fork and exec only makes one
    C call (no import, no allocation that could deadlock in a threaded parent).
    """
    if sys.platform != "linux":
        return None
    try:
        prctl = ctypes.CDLL("libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return lambda: prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start_server(bind: str, location: Path | None = None, read_only: bool = False) -> subprocess.Popen[str]:
    """Start an Oxigraph server and return once it listens (it says so on stderr).

    The server never outlives us: on Linux the kernel stops it if this process dies, and if
    anything (Ctrl-C included) interrupts the start, it is stopped before the error propagates.
    """
    command = [oxigraph_binary(), "serve-read-only" if read_only else "serve", "--bind", bind]
    if location is not None:
        command += ["--location", str(location)]
    if read_only:
        command += ["--union-default-graph", "--cors"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                               preexec_fn=_die_with_parent())  # noqa: PLW1509 - one C call, see above
    assert process.stderr is not None
    try:
        for line in process.stderr:
            if "Listening" in line:
                # Keep draining its log so a chatty server never blocks on a full pipe.
                threading.Thread(target=process.stderr.read, daemon=True).start()
                return process
    except BaseException:
        process.kill()
        process.wait()
        raise
    process.wait()
    raise StoreError(f"the Oxigraph server did not start on {bind} (exit code {process.returncode}); is the port in use?")


def serve(nquads: bytes, host: str, port: int, announce: Callable[[str], None]) -> int:
    """Load the build into a temporary Oxigraph database and serve it read-only until interrupted."""
    binary = oxigraph_binary()
    with tempfile.TemporaryDirectory(prefix="nhsgraph-serve-") as tmp:
        data, location = Path(tmp) / "nhsgraph.nq", Path(tmp) / "db"
        data.write_bytes(nquads)
        loaded = subprocess.run([binary, "load", "--location", str(location), "--file", str(data)],
                                capture_output=True, text=True, check=False)
        if loaded.returncode != 0:
            raise StoreError(f"oxigraph load failed: {loaded.stderr.strip()[:300]}")
        # Stop the server with us, whether by Ctrl-C or by SIGTERM (never leave it running orphaned).
        previous = signal.signal(signal.SIGTERM, _interrupt)
        process = None
        try:
            process = start_server(f"{host}:{port}", location, read_only=True)
            announce(f"SPARQL endpoint: http://{host}:{port}/query (Ctrl-C to stop)")
            return process.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            signal.signal(signal.SIGTERM, previous)
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=10)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
