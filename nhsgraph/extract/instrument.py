"""An instrument's own text: "This Order may be cited as the X Order 1985" makes the text X itself.

Every Act and statutory instrument names itself in a citation clause. A text that does so is that
instrument, whatever page or file it came from: what it says, it does ("The Council is hereby
abolished" is the Order abolishing the Council), so it is read in the performative voice with the
instrument it cites as the doer. The article (the page the text was taken from) stays the source.

An instrument's explanatory note opens by saying what "This Order" (or "These Regulations") does, and
often never gives its title: "This Order establishes South Devon Health Care NHS Trust". The note is
not the Order, but what it says the Order does, the Order does; so "This Order" there is a mention of
the instrument: the one the text's title names, else a new one, named for the note.
"""

from __future__ import annotations

import re
from functools import cache

from nhsgraph.extract.clauses import MONTHS
from nhsgraph.extract.cues import lexicon_data
from nhsgraph.extract.mentions import Mention, slug, tokenize
from nhsgraph.extract.sentences import Sentence
from nhsgraph.extract.speakers import Party
from nhsgraph.names import singular

# How far after the citation phrase the instrument's name may begin ("the", a quotation mark, a space).
_LEAD = 6
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)?")  # a day or year in a date: "on 1st April 2001"
_NUMBERED = re.compile(r"(?:\d+\.\s*)?")  # a numbered paragraph: "2.This instrument transfers ..."
EXPLAINED_RULE = "explained-instrument"
EXPLAINED_CONFIDENCE = 0.7
# How many sentences of a note may come before the one opening "This Order ...": a heading, "(This note is
# not part of the Order)".
_OPENING_SENTENCES = 3


@cache
def _citation() -> re.Pattern[str]:
    spec = lexicon_data()["self_citation"]
    nouns = "|".join(re.escape(n) for n in spec["nouns"])
    phrases = "|".join(re.escape(p) for p in spec["phrases"])
    return re.compile(rf"\b(?:this|these)\s+(?:{nouns})\s+(?:{phrases})\s+", re.IGNORECASE)


def own_instrument(text: str, mentions: list[Mention]) -> Mention | None:
    """The instrument the text cites as itself, when its name is a mention of an Act or instrument."""
    kinds = frozenset(lexicon_data()["self_citation"]["kinds"])
    for match in _citation().finditer(text):
        named = [m for m in mentions if match.end() <= m.start <= match.end() + _LEAD and m.kind in kinds]
        if named:
            return min(named, key=lambda m: m.start)
    return None


def _after_number(text: str, start: int) -> int:
    """Where a sentence's words begin after its paragraph number ("2.This instrument ...")."""
    numbered = _NUMBERED.match(text, start)
    return numbered.end() if numbered else start


@cache
def _self_reference() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in lexicon_data()["self_citation"]["nouns"])
    # "This Order", "this Order", "These regulations" (a capital on the determiner or on the noun); not "this order"
    return re.compile(rf"\b(?:(?:This|These|this|these)\s+(?:{nouns.title()}|{nouns.upper()})|(?:This|These)\s+(?:{nouns}))\b")


def explained_instrument(text: str, sentences: list[Sentence], titled: Party | None, note: Party) -> list[Mention]:
    """Every "This Order" (capitalised noun) in a text one of whose opening sentences begins with it: an
    explanatory note's, as mentions of the instrument it explains (``titled``, the one its title names, if
    an instrument of that word; else a new one named for ``note``). None when the text does not open so, or
    when its title names an instrument of another word (an Act's notes speak of some other Order)."""
    opening = _self_reference()
    if not any(opening.match(text, _after_number(text, s.start)) for s in sentences[:_OPENING_SENTENCES]):
        return []
    kinds = lexicon_data()["self_citation"]["kinds"]
    found = list(opening.finditer(text))
    noun = singular(found[0].group(0).split()[-1].lower()) if found else ""
    if titled is not None and titled.kind in kinds:
        if noun not in {singular(t.key) for t in tokenize(f"{titled.label} {titled.written}")}:
            return []  # the title names another instrument ("This Order" in an Act's notes): not the one explained
        ident, label, known = titled.id, titled.label, titled.known
    else:
        label = f"{found[0].group(0).split()[-1]} explained in {note.label}" if found else note.label
        ident, known = slug(f"{note.id} instrument"), False
    return [Mention(m.start(), m.end(), m.group(0), ident, kinds[0], label, known, EXPLAINED_RULE, EXPLAINED_CONFIDENCE)
            for m in found]


def says_itself(text: str, subject_end: int, cue_start: int) -> bool:
    """Is the verb at ``cue_start`` the explained instrument's own ("This Order establishes X"), with only the
    lexicon's ``self_citation: between`` words, numbers and month names between it and "This Order"?"""
    allowed = frozenset(lexicon_data()["self_citation"].get("between", []))
    return subject_end <= cue_start and all(t.key in allowed or _ORDINAL.fullmatch(t.key) or t.key in MONTHS
                                            for t in tokenize(text, subject_end, cue_start))
