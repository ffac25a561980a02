"""Split text into sentences with character offsets.

Sentences end at ``.``, ``!`` or ``?`` followed by space and a capital (or an opening
quote), unless the word before is a common abbreviation; paragraph breaks and bullets
always end a sentence. Headings without a full stop are sentences of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"\n[ \t\r]*\n|\n[ \t]*(?=[•▪◦·*\-–]\s)|\n(?=[ \t]*\d+[.)]\s)")
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9•])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Sir|Rt|Hon|Co|Ltd|Inc|vs?|cf|ie|eg|etc|al|Sec|para|paras|pp?|ch|cl|art|reg|Sch|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"|\b[A-Z]|\b(?:i\.e|e\.g))\.$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[•▪◦·*\-–]\s+|^\d+[.)]\s+")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and where it is (``text[start:end] == sentence.text``)."""

    index: int
    start: int
    end: int
    text: str


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    cursor = 0
    for match in _PARAGRAPH.finditer(text):
        yield cursor, match.start()
        cursor = match.end()
    yield cursor, len(text)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, trimmed of surrounding space and bullet markers."""
    spans: list[tuple[int, int]] = []
    for start, end in _pieces(text):
        block = text[start:end]
        cursor = 0
        for match in _END.finditer(block):
            if _ABBREVIATION.search(block[: match.end()].rstrip("\"'”’)]")):
                continue
            spans.append((start + cursor, start + match.end()))
            cursor = match.end()
        spans.append((start + cursor, end))
    sentences: list[Sentence] = []
    for start, end in spans:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        start += lead
        bullet = _BULLET.match(text[start:end])
        if bullet:
            start += bullet.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences
