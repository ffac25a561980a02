"""A motion to approve: "I beg to move, That the Bill be now read a Second time", "That the draft X Order
2014 ... be approved". In a debate record the member who moves it argues for the Bill or instrument:
that is their stance (the lexicon's ``approval_motions``), whatever else the sentence says. The mover is
the member whose contribution it is, or the person a "Moved by Jane Smith" line names just before it.
"""

from __future__ import annotations

import re
from functools import cache

from nhsgraph.extract.claim import BASE_CONFIDENCE, Claim, allowed
from nhsgraph.extract.cues import NOUN, lexicon_data
from nhsgraph.extract.mentions import Mention, phrase_end, tokenize
from nhsgraph.extract.speakers import Party, SentenceView, Voice

# Words a motion uses for the Bill or instrument under debate when it does not name it.
INSTRUMENTS = frozenset({"bill", "regulations", "order", "instrument", "rules"})
# How far back (characters) a "Moved by Jane Smith" line may stand before the motion's text.
MOVED_BY_REACH = 120
_MOVED_BY = re.compile(r"\bmoved by\s+$", re.IGNORECASE)


@cache
def _spec() -> tuple[str | None, tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    raw = lexicon_data().get("approval_motions") or {}
    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(t.key for t in tokenize(p)) for p in raw.get(key, []))
    return raw.get("relation"), phrases("openings"), phrases("endings")


def _first_end(keys: list[str], phrases: tuple[tuple[str, ...], ...]) -> int | None:
    """The index after the first of ``phrases`` found anywhere in ``keys``."""
    return next((end for i in range(len(keys)) if (end := phrase_end(keys, i, phrases)) is not None), None)


def _mover(text: str, s: SentenceView, voice: Voice, mentions: list[Mention]) -> Party | None:
    if voice.turn is not None:
        return voice.turn
    start = s.sentence.start
    for m in mentions:  # "Moved by Lord Example" on the line before
        if m.kind == "person" and start - MOVED_BY_REACH <= m.start < start and _MOVED_BY.search(text[max(0, m.start - 20):m.start]):
            return Party.of(m)
    return None


def approval_claims(text: str, s: SentenceView, voice: Voice, mentions: list[Mention]) -> list[Claim]:
    """The mover's support for the Bill or instrument their motion would have the House approve."""
    relation, openings, endings = _spec()
    keys = [t.key for t in s.tokens]
    opening, ending = _first_end(keys, openings), _first_end(keys, endings)
    if relation is None or opening is None or ending is None:
        return []
    named = [sp for sp in s.spans if opening <= sp.first < ending and sp.mention.kind in ("act", "document")]
    earlier = [m for m in mentions if m.end <= s.sentence.start and m.kind == "act"]
    if named:
        target: Party | None = Party.of(named[0].mention)
    elif set(keys[opening - 1:ending]) & INSTRUMENTS:  # "that this Bill", "That the Bill"
        # "That the Bill be now read a Second time", "That the draft Regulations ... be approved": the
        # Bill or instrument under debate, the last one named before, else the one the title names
        target = Party.of(earlier[-1]) if earlier else s.bill or voice.titled
    else:
        target = None
    if target is None:
        return []
    mover = _mover(text, s, voice, mentions)
    if mover is None or not allowed(relation, mover, target):
        return []
    first, last = s.tokens[opening - 1], s.tokens[ending - 1]
    cue = text[first.start:last.end]
    return [Claim(mover, relation, target, "fact", [mover], s.sentence, cue, first.start, last.end, "motion",
                  round(BASE_CONFIDENCE[NOUN], 2))]
