"""Stances on changes: "X opposes the abolition of Y" states X's position, not that X abolishes Y.

A stance verb (oppose, support, welcome, reject, call for ...) followed closely by a change cue
(a nominalisation, "the abolition of", "the creation of"; a gerund, "replacing"; or an infinitive,
"plans to abolish") governs it: the change is what the stance is about, so the change must never be
read as a deed of the stance holder. The stance then takes the change's participants as its object.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from nhsgraph.extract.arguments import creates
from nhsgraph.extract.clauses import Span, is_passive
from nhsgraph.extract.cues import AGENT_NOUN, EVALUATION, NOUN, VERB, CueHit, lexicon_data
from nhsgraph.extract.mentions import Token, tokenize

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Token as Word

    from nhsgraph.extract.speakers import Party, SentenceView

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


# What may stand between the stance cue and the party in the parse, besides the words of names (the party's
# own, another's in a list) and of a cue that creates: a preposition ("calls for X", "proposals for X"), a
# conjunction, a determiner, punctuation. A noun or verb there is what the stance is on instead.
_BETWEEN = ("ADP", "CCONJ", "DET", "PUNCT")
# The parse is asked at most this many steps up from the object's head word.
_REACH = 8
# A verb cue the parser reads as a noun or adjective in a noun's or adjective's place ("the proposed new
# authorities", "provide support to X") is not a verb.
_NOT_A_VERB = ("NOUN", "ADJ", "PROPN")
_NOUN_PLACES = ("amod", "dobj", "pobj", "nsubj", "nsubjpass", "compound", "attr", "conj")
# Only a stance on a body is read this way: a stance on part of a policy ("the rules of the 2012 Act get in
# the way") is a stance on the policy, but one on part of a body ("the number of PCTs", "NHS England's
# proposals") is not a stance on the body.
_BODIES = ("organisation", "org_type")


def _head(doc: Doc, start: int, end: int) -> Word | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _helps(verb: Word) -> bool:
    """A verb of help rather than of stance: the purpose of another deed or thing ("a network set up to
    support X", "provisions to enable the CQC to rate ICSs"). A stance's own verb stands in its clause
    ("we should enable STPs to take on commissioning" is the speaker's position on STPs)."""
    return verb.dep_ in ("advcl", "acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def stance_beside(s: SentenceView, hit: CueHit, party: Party) -> bool:
    """Is the stance the cue expresses about something other than ``party``, by the parse?

    "NHS England's proposals are welcome", "proposed a reduction in the number of PCTs", "to enable
    the CQC to rate ICSs", "opposes the plans to impose polyclinics in every PCT": the body is named
    inside the phrase the stance is on (someone's proposals, a reduction, a rating, a plan), or is the
    doer of another verb, so the stance is not on the body. A verb cue the parser reads as a noun or
    an adjective ("provide support to", "the proposed authorities") expresses no stance at all.
    Without a parse the surface reading stands (False).
    """
    doc = s.doc
    if doc is None:
        return False
    cue_words = {t.i for t in doc.char_span(s.tokens[hit.first].start, s.tokens[hit.last - 1].end, alignment_mode="expand") or []}
    if not cue_words:
        return False
    first = doc[min(cue_words)]
    if hit.form.role in (VERB, EVALUATION) and hit.last - hit.first == 1 and first.pos_ in _NOT_A_VERB and first.dep_ in _NOUN_PLACES:
        return True  # "provide support to X", "loss, damage or injury"
    if hit.form.role == EVALUATION and hit.last < len(s.tokens) and s.tokens[hit.last].key == "to":
        return True  # "where providers fail to meet standards": a verb taking an infinitive, not a judgement
    if party.kind not in _BODIES:
        return False
    if hit.form.role == VERB and _helps(first):
        return True
    named_here = [sp for sp in s.spans if sp.mention.id == party.id]
    if not named_here:
        return False  # a party the sentence does not name (the speaker, the article): the surface rules decide
    span = min(named_here, key=lambda sp: abs(sp.first - hit.first))
    named = [(sp.mention.start, sp.mention.end) for sp in s.spans]
    # "proposed ... establishing ICSs on a statutory footing": a stance on creating X is a stance on X
    creating = [(s.tokens[h.first].start, s.tokens[h.last - 1].end) for h in s.hits if h.form.relation and creates(h.form.relation)]
    token = _head(doc, span.mention.start, span.mention.end)
    for _ in range(_REACH):
        if token is None:
            return False
        if token.i in cue_words:
            return False
        inside_a_name = any(start <= token.idx < end for start, end in [*named, *creating])
        if not inside_a_name and token.pos_ not in _BETWEEN:
            return True  # another noun or verb stands between the cue and the party
        if token.head is token:
            return False  # the parse never meets the cue (it misread the sentence): the surface rules decide
        token = token.head
    return False
