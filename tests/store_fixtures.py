"""A real Oxigraph server on loopback and small SPARQL-over-HTTP helpers, shared by the store tests."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest

from nhsgraph.triplestore import DEFAULT_GRAPH, free_port, start_server


@pytest.fixture(scope="module")
def oxigraph() -> Iterator[str]:
    """A real Oxigraph server, in memory, on a free loopback port; yields its base URL."""
    port = free_port()
    process = start_server(f"127.0.0.1:{port}")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def select(server: str, query: str) -> list[dict[str, str]]:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(f"{server}/query", data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        bindings = json.load(response)["results"]["bindings"]
    return [{k: v["value"] for k, v in b.items()} for b in bindings]


def count(server: str, graph: str = DEFAULT_GRAPH) -> int:
    return int(select(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")[0]["n"])
