"""Likely new entities found by the parser's named-entity recogniser.

The rules in ``nhsgraph.extract.newentities`` find new names by their shape (an organisation word at
the end, a quoted title, "Act" and a year); the recogniser also finds people named without a title,
bodies without an organisation word and documents without quotes. It is noisy on parliamentary text
("House", "Bill" as a person, "State for Health" cut out of a post), so only multi-word proper names
in title case are taken, and never one overlapping a name already found or a ministerial post.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from nhsgraph.extract.cues import lexicon_data
from nhsgraph.extract.mentions import Mention, slug
from nhsgraph.extract.roles import roles
from nhsgraph.extract.shortnames import honorifics
from nhsgraph.extract.turns import post_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

RULE = "parsed-name"
CONFIDENCE = 0.45
# A name is at least this many words: one word alone is too often a common noun written with a capital.
MIN_WORDS = 2


@cache
def _kinds() -> dict[str, str]:
    kinds: dict[str, str] = lexicon_data().get("parsed_names", {})
    return kinds


def _proper(entity: Span) -> bool:
    """A multi-word proper name on one line, its words capitalised (small words aside), with no word of
    a post in it ("Parliamentary Under" cut from "Parliamentary Under-Secretary of State")."""
    words = [t for t in entity if t.is_alpha]
    posts = post_words()
    return (len(words) >= MIN_WORDS and entity.root.pos_ == "PROPN" and "\n" not in entity.text
            and all(t.is_title or t.is_upper or t.is_stop for t in words)
            and not any(t.text in posts or t.text.split("-")[0] in posts for t in entity)
            and not (entity.end < len(entity.doc) and entity.doc[entity.end].text == "-"))


def _label(text: str) -> str:
    for article in ("the ", "The "):
        if text.startswith(article):
            return text[len(article):]
    return text


def _person_span(entity: Span) -> tuple[int, int] | None:
    """A name opening with an honorific ("Mr Meddings", tagged a body by the recogniser) is a person's;
    honours and a possessive after it ("Richard Meddings CBE's") are not part of the name. The span
    without them, when the entity is a person's name."""
    spec = roles()
    honours = spec.honours if spec is not None else frozenset()
    words = list(entity)
    while len(words) > 1 and (words[-1].text in ("'s", "’s", "'", "’") or words[-1].text.casefold() in honours):
        words = words[:-1]
    if entity.label_ != "PERSON" and words[0].text.rstrip(".") not in honorifics():
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def parsed_names(doc: Doc, taken: list[Mention]) -> list[Mention]:
    """New-entity mentions from the recogniser, none overlapping ``taken`` (names found, posts)."""
    found: list[Mention] = []
    for entity in doc.ents:
        kind = _kinds().get(entity.label_)
        if kind is None or not _proper(entity):
            continue
        start, end = entity.start_char, entity.end_char
        person = _person_span(entity)
        if person is not None:
            (start, end), kind = person, "person"
        if any(m.meets(start, end) for m in taken):
            continue
        text = doc.text[start:end]
        label = _label(text)
        found.append(Mention(start, end, text, slug(label), kind, label, False, RULE, CONFIDENCE))
    return found
