"""A body named by its place and its form in lower case: "the Yorkshire regional health authority",
"Bradford district health authority".

Parliamentary answers and older texts write a local body's form in lower case after its place. The
gazetteer finds the form ("regional health authority") and would link the body's name to the form
itself; the place before it makes it one body of that form, a likely new organisation. Only a
singular form with one to three capitalised place words before it is read so: "English regional
health authorities" and "the new district health authority" are the form, not a body.
"""

from __future__ import annotations

from functools import cache

from nhsgraph.extract.cues import lexicon_data
from nhsgraph.extract.mentions import Mention, slug, tokenize

RULE = "place-form"
CONFIDENCE = 0.6
MAX_PLACE_WORDS = 3


@cache
def _not_places() -> frozenset[str]:
    return frozenset(lexicon_data()["place_forms"]["not_places"])


def place_form_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """A likely new body for each lower-case singular form with a place written before it."""
    found: list[Mention] = []
    for form in mentions:
        if form.kind != "org_type" or not form.text[:1].islower() or form.text.endswith("s"):
            continue
        before = tokenize(text, max(0, form.start - 80), form.start)
        place: list[str] = []
        start = form.start
        for token in reversed(before):
            if len(place) == MAX_PLACE_WORDS or not (token.text[:1].isupper() and token.text[1:].islower()):
                break
            if token.text in _not_places() or any(m.meets(token.start, token.end) for m in mentions):
                break
            place.insert(0, token.text)
            start = token.start
        if not place:
            continue
        name = text[start:form.end]
        found.append(Mention(start, form.end, name, slug(name), "organisation", name, False, RULE, CONFIDENCE))
    return found
