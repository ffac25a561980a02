"""Mentions of entities in the text, and the token stream they are found in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A year with a footnote's number glued to it, as copies of legislation pages print them ("the National Health
# Service Act 19771", "Order 19873"): the year is a token of its own, so the instrument's name is found.
_FOOTNOTED_YEAR = r"(?:(?<=Act )|(?<=Order )|(?<=Regulations )|(?<=Rules )|(?<=Scheme ))(?:1[89]\d\d|20\d\d)(?=\d{1,2}\b)"
_TOKEN = re.compile(rf"{_FOOTNOTED_YEAR}|\w+|[^\w\s]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        """The word as names and cues are looked up: case and quote style folded, "&" read as "and"
        ("Brighton & Sussex University Hospitals NHS Trust" is the reference data's "... and Sussex ...")."""
        return "and" if self.text == "&" else self.text.translate(_QUOTES).casefold()


def phrase_end(keys: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> int | None:
    """The index after the first of ``phrases`` (token keys) that starts at ``i``, if one does."""
    return next((i + len(p) for p in phrases if tuple(keys[i:i + len(p)]) == p), None)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]``, with offsets into ``text``."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


@dataclass
class Mention:
    """A span of text naming an entity: a known one (``known``) or a likely new one."""

    start: int
    end: int
    text: str
    id: str
    kind: str
    label: str
    known: bool
    rule: str
    confidence: float
    candidates: list[str] = field(default_factory=list)
    # For a pronoun or description: the words of the name it stands for ("the bill" for "It").
    antecedent: str | None = None

    @property
    def written(self) -> str:
        """The words that named the entity here, through any pronoun: "Health and Care Bill", not "it"."""
        return self.antecedent or self.text

    def overlaps(self, other: Mention) -> bool:
        return self.meets(other.start, other.end)

    def meets(self, start: int, end: int) -> bool:
        """Does the mention share a character with the text span [start, end)?"""
        return self.start < end and start < self.end


def slug(text: str) -> str:
    """A lower-case hyphenated id for a new entity's name: ``"Carnall Farrar"`` → ``carnall-farrar``."""
    value = text.translate(_QUOTES).casefold()
    value = re.sub(r"^(the|a|an)\s+", "", value)
    value = re.sub(r"(\w)'(\w)", r"\1\2", value)  # King's Fund -> kings-fund
    value = re.sub(r"[^a-z0-9]+", "-", value).strip("-")
    return value[:80].rstrip("-") or "unnamed"
