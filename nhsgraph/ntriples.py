"""N-Triples lines: the cheapest form in which Python can produce RDF, and the export container.

Terms are N-Triples strings (``<iri>``, ``"text"@en``, ``"2022"^^<...#gYear>``); one triple is one
line. pyoxigraph parses the lines (in Rust) whenever objects or another syntax are wanted.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

import pyoxigraph as ox

from nhsgraph.dates import PartialDate
from nhsgraph.rdfterms import Minter

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
CHUNK = 10_000
"""Lines per block: about 1 MB of text, so joining and compressing a block stays small (with
100k-line blocks the export's peak at 100k statements was 44 MB higher) and still no syscall per triple."""
DATE_TYPES = {"year": XSD + "gYear", "month": XSD + "gYearMonth", "day": XSD + "date"}
# N-Triples string escapes (canonical form: ECHAR for these, UCHAR for other control characters).
_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t",
            ord("\b"): "\\b", ord("\f"): "\\f"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F) if c not in _ESCAPES})
_NEEDS_ESCAPE = re.compile('[\\x00-\\x1f\\x7f"\\\\]')


class LineBuffer:
    """N-Triples lines, held as zlib-compressed blocks of UTF-8 (``CHUNK`` lines a block).

    A million statements make about 18 million lines; as Python strings they took 1.2 GB
    per 100k statements, compressed (level 1, about 230 MB/s) they take a fifteenth of that
    (see benchmarks/README.md). Blocks hold whole lines, so reading them back in order gives
    the very bytes that were added.
    """

    __slots__ = ("_blocks", "_pending", "_sealed")

    def __init__(self) -> None:
        self._blocks: list[bytes] = []
        self._pending: list[str] = []
        self._sealed = 0

    def extend(self, lines: Iterable[str]) -> None:
        """Add lines, each ending with a newline."""
        self._pending.extend(lines)
        if len(self._pending) >= CHUNK:
            self._seal()

    def absorb(self, other: LineBuffer) -> None:
        """Move ``other``'s lines to the end of this buffer (without recompressing them)."""
        self._seal()
        other._seal()
        self._blocks.extend(other._blocks)
        self._sealed += other._sealed
        other._blocks, other._sealed = [], 0

    def _seal(self) -> None:
        if self._pending:
            self._blocks.append(zlib.compress("".join(self._pending).encode("utf-8"), 1))
            self._sealed += len(self._pending)
            self._pending = []

    def blocks(self) -> Iterator[bytes]:
        """The lines as UTF-8, in order, one block (of whole lines) at a time."""
        for block in self._blocks:
            yield zlib.decompress(block)
        if self._pending:
            yield "".join(self._pending).encode("utf-8")

    def __iter__(self) -> Iterator[str]:
        for block in self.blocks():
            for line in block.decode("utf-8").split("\n")[:-1]:
                yield line + "\n"

    def __len__(self) -> int:
        return self._sealed + len(self._pending)


@dataclass
class RdfExport:
    """One export as N-Triples lines: ``asserted`` (entities, facts) and ``claims`` (non-fact statements).

    Lines are the cheapest form to produce in Python; pyoxigraph parses them (fast, in Rust)
    to write the other formats or to hand out triple objects.
    """

    asserted: LineBuffer = field(default_factory=LineBuffer)
    claims: LineBuffer = field(default_factory=LineBuffer)
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
            for block in lines.blocks():
                out.write(block)

    def write_nquads(self, out: IO[bytes]) -> None:
        for lines, graph in ((self.asserted, self.minter.asserted_graph), (self.claims, self.minter.claims_graph)):
            # Every line ends with " .\n", and only there: literals escape newlines.
            suffix = f" <{graph}> .\n".encode()
            for block in lines.blocks():
                out.write(block.replace(b" .\n", suffix))

    def triples(self) -> Iterator[ox.Triple]:
        """The triples as pyoxigraph objects (parsed, so every IRI and literal is checked).

        Parsed a block at a time (N-Triples lines stand alone), so a large export is never
        held as one byte string.
        """
        for lines in (self.asserted, self.claims):
            for block in lines.blocks():
                for quad in ox.parse(block, format=ox.RdfFormat.N_TRIPLES):
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
