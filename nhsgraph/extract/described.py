"""Bodies described, not named: "Health Education England, NHS Digital and NHS England have merged into
a single organisation".

A description with content ("a single NHS headquarters") may name a body that does not exist yet, and
stays a new entity. One made only of generic words ("a single organisation", "a new body") names
nothing by itself: it stands for the body the article later (or earlier) calls "this new NHS England"
or "the enlarged X", when the article names exactly one such body, and otherwise for nothing, so no
new entity and no claim is made from it.
"""

from __future__ import annotations

from functools import cache

from nhsgraph.extract.anaphora import CONFIDENCE_DROP, DESCRIPTION
from nhsgraph.extract.cues import lexicon_data
from nhsgraph.extract.mentions import Mention, tokenize

DESCRIBED_RULE = "described-body"
_DETERMINERS = frozenset({"a", "an", "one", "the"})


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    spec = lexicon_data().get("described_bodies", {})
    return frozenset(spec.get("generic", [])), frozenset(spec.get("survivor", []))


def generic(mention: Mention) -> bool:
    """A described body whose words, but for its head noun, are all generic ("single organisation")."""
    if mention.rule != DESCRIBED_RULE:
        return False
    keys = [t.key for t in tokenize(mention.text)]
    return len(keys) >= 1 and all(k in _words()[0] or k in _DETERMINERS for k in keys[:-1])


def survivor(text: str, mentions: list[Mention]) -> Mention | None:
    """The one known body the article calls "the new X", "this enlarged X" (None if none or several)."""
    found: dict[str, Mention] = {}
    for mention in mentions:
        if not mention.known or mention.kind != "organisation":
            continue
        before = [t.key for t in tokenize(text, max(0, mention.start - 30), mention.start)][-2:]
        if len(before) == 2 and before[0] in ("the", "this") and before[1] in _words()[1]:
            found.setdefault(mention.id, mention)
    return next(iter(found.values())) if len(found) == 1 else None


def stand_ins(text: str, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """(mentions without generic descriptions, what those descriptions stand for, as description mentions)."""
    kept = [m for m in mentions if not generic(m)]
    dropped = [m for m in mentions if generic(m)]
    body = survivor(text, kept) if dropped else None
    if body is None:
        return kept, []
    return kept, [Mention(m.start, m.end, m.text, body.id, body.kind, body.label, True, DESCRIPTION,
                          round(max(0.05, body.confidence - CONFIDENCE_DROP), 2)) for m in dropped]
