"""A push that fails midway leaves the store's old graph intact (a real Oxigraph server on loopback)."""

from __future__ import annotations

import pytest
from store_fixtures import count

from nhsgraph.triplestore import StoreError, push

LINES = [f"<http://example.org/s{i}> <http://example.org/p> \"{i}\" .\n".encode() for i in range(50)]
# Half the triples, then a line no store can read: the failure comes after the store has read half.
BROKEN = b"".join(LINES[:25]) + b"<http://example.org/s> <http://example.org/p> this is not RDF .\n" + b"".join(LINES)


def test_push_rejected_midway_leaves_the_old_graph(oxigraph: str) -> None:
    push(b"".join(LINES[:10]), f"{oxigraph}/store", env={}, timeout=30)
    before = count(oxigraph)
    assert before == 10
    with pytest.raises(StoreError, match="HTTP 400"):
        push(BROKEN, f"{oxigraph}/store", env={}, timeout=30)
    assert count(oxigraph) == before
