"""A push that fails midway leaves the store's old graph intact (a real Oxigraph server on loopback)."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest

from nhsgraph.triplestore import DEFAULT_GRAPH, StoreError, free_port, push, start_server

LINES = [f"<http://example.org/s{i}> <http://example.org/p> \"{i}\" .\n".encode() for i in range(50)]
# Half the triples, then a line no store can read: the failure comes after the store has read half.
BROKEN = b"".join(LINES[:25]) + b"<http://example.org/s> <http://example.org/p> this is not RDF .\n" + b"".join(LINES)


@pytest.fixture(scope="module")
def store() -> Iterator[str]:
    port = free_port()
    process = start_server(f"127.0.0.1:{port}")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def count(server: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{DEFAULT_GRAPH}> {{ ?s ?p ?o }} }}"
    request = urllib.request.Request(f"{server}/query", data=urllib.parse.urlencode({"query": query}).encode(), headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


def test_push_rejected_midway_leaves_the_old_graph(store: str) -> None:
    push(b"".join(LINES[:10]), f"{store}/store", env={}, timeout=30)
    before = count(store)
    assert before == 10
    with pytest.raises(StoreError, match="HTTP 400"):
        push(BROKEN, f"{store}/store", env={}, timeout=30)
    assert count(store) == before
