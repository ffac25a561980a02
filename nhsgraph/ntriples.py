"""N-Triples lines: the cheapest form in which Python can produce RDF, and the export container.

Terms are N-Triples strings (``<iri>``, ``"text"@en``, ``"2022"^^<...#gYear>``); one triple is one
line. pyoxigraph parses the lines (in Rust) whenever objects or another syntax are wanted.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

import pyoxigraph as ox

from nhsgraph.dates import PartialDate
from nhsgraph.rdfterms import Minter

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
CHUNK = 100_000  # lines per write: bounded memory without a syscall per triple
DATE_TYPES = {"year": XSD + "gYear", "month": XSD + "gYearMonth", "day": XSD + "date"}
# N-Triples string escapes (canonical form: ECHAR for these, UCHAR for other control characters).
_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t",
            ord("\b"): "\\b", ord("\f"): "\\f"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F) if c not in _ESCAPES})
_NEEDS_ESCAPE = re.compile('[\\x00-\\x1f\\x7f"\\\\]')


@dataclass
class RdfExport:
    """One export as N-Triples lines: ``asserted`` (entities, facts) and ``claims`` (non-fact statements).

    Lines are the cheapest form to produce in Python; pyoxigraph parses them (fast, in Rust)
    to write the other formats or to hand out triple objects.
    """

    asserted: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    minter: Minter = field(default_factory=Minter)

    def ntriples(self) -> bytes:
        out = io.BytesIO()
        self.write_ntriples(out)
        return out.getvalue()

    def nquads(self) -> bytes:
        """The same triples with their named graph (``<base>graph/asserted`` or ``<base>graph/claims``)."""
        out = io.BytesIO()
        self.write_nquads(out)
        return out.getvalue()

    def write_ntriples(self, out: IO[bytes]) -> None:
        for lines in (self.asserted, self.claims):
            for chunk in range(0, len(lines), CHUNK):
                out.write("".join(lines[chunk:chunk + CHUNK]).encode("utf-8"))

    def write_nquads(self, out: IO[bytes]) -> None:
        for lines, graph in ((self.asserted, self.minter.asserted_graph), (self.claims, self.minter.claims_graph)):
            suffix = f" <{graph}> .\n"
            for chunk in range(0, len(lines), CHUNK):
                out.write("".join(line[:-3] + suffix for line in lines[chunk:chunk + CHUNK]).encode("utf-8"))

    def triples(self) -> Iterator[ox.Triple]:
        """The triples as pyoxigraph objects (parsed, so every IRI and literal is checked)."""
        for quad in ox.parse(self.ntriples(), format=ox.RdfFormat.N_TRIPLES):
            yield quad.triple

    def quads(self) -> Iterator[ox.Quad]:
        return ox.parse(self.nquads(), format=ox.RdfFormat.N_QUADS)

    def __len__(self) -> int:
        return len(self.asserted) + len(self.claims)


class Node:
    """Collects one subject's triples (N-Triples terms), without duplicates, in the order added."""

    __slots__ = ("pairs", "subject")

    def __init__(self, subject: str):
        self.subject = subject
        self.pairs: dict[tuple[str, str], None] = {}

    def add(self, predicate: str, obj: str | None) -> None:
        if obj is not None:
            self.pairs[(predicate, obj)] = None

    def lines(self) -> Iterator[str]:
        subject = self.subject
        for predicate, obj in self.pairs:
            yield f"{subject} {predicate} {obj} .\n"


def literal(value: str, language: str | None = None, datatype: str | None = None) -> str:
    """An N-Triples literal, escaped."""
    text = '"' + (value.translate(_ESCAPES) if _NEEDS_ESCAPE.search(value) else value) + '"'
    if language:
        return f"{text}@{language}"
    if datatype:
        return f"{text}^^<{datatype}>"
    return text


def date_literal(date: PartialDate) -> str:
    """A date at its real precision: xsd:gYear, xsd:gYearMonth or xsd:date."""
    return literal(str(date), datatype=DATE_TYPES[date.precision])


def en(text: str) -> str:
    return literal(text, language="en")
