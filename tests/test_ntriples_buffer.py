"""An export's lines, held in compressed blocks, read back as exactly the lines written."""

from __future__ import annotations

import pytest

from nhsgraph import ntriples
from nhsgraph.ntriples import LineBuffer, RdfExport, literal

LINES = [f"<https://example.org/s{i}> <https://example.org/p> {literal(text)} .\n"
         for i, text in enumerate(["plain", "line\nbreak", "sep\u2028arator", "ünïcödé", 'quote " .', "x"] * 3)]


def test_lines_across_block_boundaries_read_back_byte_for_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ntriples, "CHUNK", 4)
    export = RdfExport()
    export.asserted.extend(LINES[:7])
    later = LineBuffer()
    later.extend(LINES[7:12])
    export.asserted.absorb(later)
    export.claims.extend(LINES[12:])
    assert len(export) == len(LINES) and len(later) == 0
    assert export.ntriples() == "".join(LINES).encode("utf-8")
    assert list(export.asserted) + list(export.claims) == LINES
    graphs = [export.minter.asserted_graph] * 12 + [export.minter.claims_graph] * (len(LINES) - 12)
    assert export.nquads() == "".join(line[:-3] + f" <{g}> .\n" for line, g in zip(LINES, graphs)).encode("utf-8")
    assert [t.object.value for t in export.triples()][:3] == ["plain", "line\nbreak", "sep\u2028arator"]
