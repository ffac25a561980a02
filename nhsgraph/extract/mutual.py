"""A merger that names the two bodies merging and no body they merge into.

"Monitor and the NHS Trust Development Authority merged in 2016", "the merger of X and Y will take place
by April 2008", "the Bill formally merges X and Y": neither body is named as the one the other joins, so
each merges into the other, as the curated data and its annotators record such mergers (the review
shows the sentence). Only a pair is read this way: with three or more bodies and no target named,
who joins whom is not said.
"""

from __future__ import annotations

from functools import cache

from nhsgraph.extract import clauses as cl
from nhsgraph.extract.cues import CueHit, lexicon_data
from nhsgraph.extract.speakers import Party, SentenceView

# Words that may stand between the pair and the cue: "X and Y were formally merged", "the merger of the X and Y".
_BRIDGE = frozenset({"the", "were", "was", "will", "would", "be", "been", "have", "had", "formally", "now", "to", "should"})
# A word after the pair that names where they go, or continues the list: not a bare pair.
_ONWARD = frozenset({"into", "with", "to", "and", ",", "as", "under"})


@cache
def _relations() -> frozenset[str]:
    return frozenset(lexicon_data().get("mutual", []))


def _pair_from(s: SentenceView, start: int, step: int) -> list[cl.Span]:
    """Two names joined by "and", the nearer one beginning (step 1) or ending (step -1) at ``start``
    or past a few bridging words."""
    i = start
    while 0 <= i < len(s.tokens) and s.tokens[i].key in _BRIDGE:
        i += step
    if step > 0:
        first = next((sp for sp in s.spans if sp.first == i), None)
        second = next((sp for sp in s.spans if first is not None and sp.first in (first.last + 1, first.last + 2)), None)
    else:
        second = next((sp for sp in s.spans if sp.last == i + 1), None)
        first = next((sp for sp in s.spans if second is not None and sp.last in (second.first - 1, second.first - 2)), None)
    if first is None or second is None or first.mention.id == second.mention.id:
        return []
    joining = [t.key for t in s.tokens[first.last:second.first]]
    if joining not in (["and"], ["and", "the"]):
        return []
    j = first.first - 1
    if j >= 0 and s.tokens[j].key == "the":
        j -= 1
    before = s.tokens[j].key if j >= 0 else ""
    after = s.tokens[second.last].key if second.last < len(s.tokens) else ""
    if before in (",", "and") or after in _ONWARD and step > 0 or step < 0 and after == "and":
        return []
    return [first, second]


def mutual_parties(s: SentenceView, hit: CueHit) -> list[Party]:
    """The two bodies a target-less merger names, or nothing."""
    if hit.form.relation not in _relations():
        return []
    if any(t.key in ("into", "with", "form", "create") for t in s.tokens[hit.first:]):
        return []  # "merge X and Y into Z", "merged with Z", "merged to form Z": the target rules read it
    pair = _pair_from(s, hit.last, 1) or _pair_from(s, hit.first - 1, -1)
    return s.parties(pair)
