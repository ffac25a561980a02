"""A failing push never shows the password, in any form a server might echo it back in."""

from __future__ import annotations

import base64
import http.server
import threading
import urllib.parse
from collections.abc import Iterator

import pytest

from nhsgraph.triplestore import ENV_PASSWORD, ENV_TOKEN, ENV_USER, StoreError, push

PASSWORD = 'pa:ss "wörd" %41{}'
TOKEN = "tok-3f9a+/="


def forms(secret: str, user: str = "alice") -> list[str]:
    """The password as sent and as a careless server might echo it."""
    return [secret, base64.b64encode(f"{user}:{secret}".encode()).decode(), base64.b64encode(secret.encode()).decode(),
            urllib.parse.quote(secret), urllib.parse.quote_plus(secret)]


class _Echoes(http.server.BaseHTTPRequestHandler):
    """A store that fails with the status in the path and echoes the request's Authorization header."""

    def do_PUT(self) -> None:  # http.server's naming
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        status = int(self.path.split("/")[1])
        body = f"error; you sent Authorization: {self.headers.get('Authorization')}".encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def store() -> Iterator[str]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Echoes)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("status", [400, 401, 403, 500, 502])
# User names of every length modulo 3: base64 of "user:password" contains base64 of the
# password only when "user:" is a multiple of three bytes long.
@pytest.mark.parametrize("user", ["alice", "bob", "carol"])
def test_failing_push_message_holds_no_form_of_the_password(store: str, status: int, user: str) -> None:
    with pytest.raises(StoreError) as info:
        push(b"", f"{store}/{status}/store", env={ENV_USER: user, ENV_PASSWORD: PASSWORD}, timeout=10)
    message = str(info.value)
    assert f"HTTP {status}" in message
    for form in forms(PASSWORD, user):
        assert form not in message, (form, message)


@pytest.mark.parametrize("status", [400, 500])
def test_failing_push_message_holds_no_token(store: str, status: int) -> None:
    with pytest.raises(StoreError) as info:
        push(b"", f"{store}/{status}/store", env={ENV_TOKEN: TOKEN}, timeout=10)
    assert TOKEN not in str(info.value) and f"HTTP {status}" in str(info.value)
