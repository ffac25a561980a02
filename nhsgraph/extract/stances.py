"""Stances on changes: "X opposes the abolition of Y" states X's position, not that X abolishes Y.

A stance verb (oppose, support, welcome, reject, call for ...) followed closely by a change cue
(a nominalisation, "the abolition of", "the creation of"; a gerund, "replacing"; or an infinitive,
"plans to abolish") governs it: the change is what the stance is about, so the change must never be
read as a deed of the stance holder. The stance then takes the change's participants as its object.
"""

from __future__ import annotations

from functools import cache

from nhsgraph.extract.clauses import Span, is_passive
from nhsgraph.extract.cues import AGENT_NOUN, NOUN, VERB, CueHit, lexicon_data
from nhsgraph.extract.mentions import Token, tokenize

# At most this many words between the stance verb and the change cue ("the government's plans to").
MAX_GAP = 6
# Words that end the stance's reach: a new coordinated verb or clause ("X welcomed the report and abolished Y").
BREAKS = {"and", "or", "but", ",", "then", "while", "whereas", "because", "after", "before", "when", "so"}


@cache
def _motion_openings() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(t.key for t in tokenize(o)) for o in lexicon_data().get("motions", []))


def motion(tokens: list[Token]) -> bool:
    """Is the sentence a motion's text ("That this House ... declines to support the Bill")? Its stances are
    the mover's own, spoken in the record's voice, as "we" would be."""
    keys = tuple(t.key for t in tokens)
    return any(keys[:len(o)] == o for o in _motion_openings())


@cache
def _aspects() -> frozenset[str]:
    return frozenset(lexicon_data().get("stance_aspects", []))


def of_an_aspect(tokens: list[Token], spans: list[Span], hit: CueHit, party_id: str) -> bool:
    """Is the party named after the stance cue only as the owner of an aspect ("supports the founding
    principles of X", "praised the staff of X")? The stance is about the aspect, not about X."""
    for span in spans:
        if span.first <= hit.first or span.mention.id != party_id:
            continue
        i = span.first - 1
        if i >= 0 and tokens[i].key == "the":
            i -= 1
        return i >= 1 and tokens[i].key == "of" and tokens[i - 1].key in _aspects()
    return False


def _names_a_change(hit: CueHit, tokens: list[Token]) -> bool:
    """A change named rather than done: a nominalisation, a gerund or an infinitive ("plans to abolish").

    A finite verb or a participle ("a report published by X") keeps its own doer.
    """
    to_infinitive = hit.first > 0 and tokens[hit.first - 1].key == "to" and hit.form.words[0] == hit.form.lemma.split()[0]
    return hit.form.role in (NOUN, AGENT_NOUN) or hit.form.gerund or to_infinitive


def governed_changes(tokens: list[Token], clauses: list[int], spans: list[Span], hits: list[CueHit],
                     stance: tuple[str, ...]) -> dict[int, CueHit]:
    """For each change cue that an active stance verb governs, the stance hit (keyed by the change cue's first token).

    Governing means: same clause, the stance verb first, nothing between them but a few words that are
    neither a mention, another cue, nor a break (so "X supports Y, which abolished Z" keeps its reading).
    """
    governed: dict[int, CueHit] = {}
    for i, stance_hit in enumerate(hits):
        if stance_hit.form.relation not in stance or stance_hit.form.role != VERB or is_passive(stance_hit, tokens):
            continue
        following = next((h for h in hits[i + 1:] if h.first >= stance_hit.last), None)
        if following is None or following.form.relation is None or following.form.relation in stance:
            continue
        if not _names_a_change(following, tokens):
            continue
        gap = range(stance_hit.last, following.first)
        if (len(gap) > MAX_GAP or clauses[stance_hit.first] != clauses[following.first]
                or any(tokens[j].key in BREAKS for j in gap)
                or any(sp.first < following.first and sp.last > stance_hit.last and sp.mention.rule != "pronoun" for sp in spans)):
            continue
        for change in hits[i + 1:]:
            if change.first == following.first:  # every reading of the same words ("abolition of")
                governed[change.first] = stance_hit
    return governed
