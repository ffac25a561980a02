"""Pronouns and definite descriptions that stand for an entity named nearby.

"Through consultation on its paper, NHS England ...", "NHS Providers met ministers. It argues
that ...", "NHS Improvement was formed in 2016; the body was abolished in 2022": the claim's
party is named by a pronoun or a description, not by a name. Each such word becomes a mention
of the entity it stands for (rule ``pronoun`` or ``description``), at the offsets of the word
itself, so the claim says where its party was referred to. Only for claims: these mentions
are not listed as entities.

Resolution is deliberately narrow: a pronoun counts only where it serves a cue (a subject
right before a verb, a possessive before a name, a nominalisation or a document noun), and it
resolves to the most recent entity of a kind that cue allows, in the same sentence or the one
before. A possessive in a fronted phrase points forward to the subject after the comma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from nhsgraph.extract.clauses import is_passive
from nhsgraph.extract.cues import (
    AGENT_AFTER,
    AGENT_NOUN,
    BE_FORMS,
    BECOME,
    EVALUATION,
    NOUN,
    SPEECH,
    VERB,
    CueHit,
    lexicon,
    lexicon_data,
)
from nhsgraph.extract.mentions import Mention, Token, tokenize
from nhsgraph.vocabulary import vocabulary

PRONOUN, DESCRIPTION = "pronoun", "description"
RULES = frozenset({PRONOUN, DESCRIPTION})
SPEAKER_KINDS = ("person", "organisation", "document")
QUOTES = {"'", '"', "‘", "’", "“", "”"}
CONFIDENCE_DROP = 0.2
# A previous sentence's subject may have this many words before its name ("Measures in the Bill").
SUBJECT_LEAD = 3


@dataclass(frozen=True)
class Words:
    """The ``anaphora`` section of the lexicon, as word lists."""

    possessive: dict[str, tuple[str, ...]]
    subject: dict[str, tuple[str, ...]]
    determiners: frozenset[str]
    heads: dict[tuple[str, ...], str]
    owned: frozenset[str]
    auxiliaries: frozenset[str]
    fronted: frozenset[str]
    plural: frozenset[str]
    singular: frozenset[str]
    moved: frozenset[str]
    article_wide: frozenset[str]
    named_heads: frozenset[str]


@cache
def words() -> Words:
    raw = lexicon_data()["anaphora"]
    heads = {tuple(t.key for t in tokenize(head)): kind for kind, names in raw["descriptions"]["heads"].items() for head in names}
    return Words({k: tuple(v) for k, v in raw["possessive"].items()}, {k: tuple(v) for k, v in raw["subject"].items()},
                 frozenset(raw["descriptions"]["determiners"]), heads, frozenset(raw["owned"]),
                 frozenset(raw["auxiliaries"]), frozenset(raw["fronted"]), frozenset(raw["plural"]), frozenset(raw["singular"]),
                 frozenset(lexicon_data().get("transfer", {}).get("what", [])), frozenset(raw["descriptions"].get("article_wide", [])),
                 frozenset(raw["descriptions"].get("named_heads", [])))


def _role_kinds(hit: CueHit, tokens: list[Token], as_subject: bool) -> tuple[str, ...]:
    """The kinds a party before ``hit`` may have: a speaker, the doer, or (passive) the patient."""
    if hit.form.role == SPEECH:
        return SPEAKER_KINDS
    spec = vocabulary().relations[hit.form.relation or ""]
    doer_first = hit.form.role == BECOME or hit.form.role == VERB and not is_passive(hit, tokens)
    if hit.form.role in (NOUN, AGENT_NOUN):
        return tuple(spec.object_kinds)  # "their abolition", "its replacement by X"
    return tuple(spec.subject_kinds if doer_first == as_subject else spec.object_kinds)


def _next_cue(hits: list[CueHit], tokens: list[Token], i: int, allowed: frozenset[str]) -> CueHit | None:
    """The cue a subject pronoun at ``i`` serves: a verb after only auxiliaries ("it would replace"),
    or a passive participle after a form of be ("it was abolished"); never "it is time to abolish"."""
    j = i + 1
    saw_be = False
    while j < len(tokens):
        # an evaluation starts with its copula: "it was a step in the right direction" judges "it"
        judged = next((h for h in hits if h.first == j and h.form.role == EVALUATION), None)
        if judged is not None:
            return judged
        if not (tokens[j].key in allowed or tokens[j].key in BE_FORMS or tokens[j].key.endswith("ly")):
            break
        saw_be = saw_be or tokens[j].key in BE_FORMS
        j += 1
    hit = next((h for h in hits if h.first == j and h.form.role in (VERB, AGENT_AFTER, SPEECH, BECOME)), None)
    if hit is None or (saw_be and not (hit.form.participle and is_passive(hit, tokens))):
        return None
    return hit


def _wanted(tokens: list[Token], hits: list[CueHit], names: list[Mention], i: int) -> tuple[tuple[str, ...], bool] | None:
    """(kinds, may point forward) when the pronoun at ``i`` serves a cue; None when it serves none.
    Only a possessive may point forward (to the subject after a fronted phrase)."""
    w = words()
    key = tokens[i].key
    following = [j for j in range(i + 1, min(i + 4, len(tokens))) if tokens[j].key not in QUOTES][:2]
    if key in w.possessive:
        kinds = w.possessive[key]
        for j in following:
            name = next((m for m in names if m.start == tokens[j].start), None)
            if name is not None:
                relation = lexicon().possessive
                spec = vocabulary().relations.get(relation or "")
                owner = tuple(k for k in kinds if spec is not None and name.kind in spec.object_kinds and k in spec.subject_kinds)
                return (owner, True) if owner else None
            noun = next((h for h in hits if h.first == j and h.form.role in (NOUN, AGENT_NOUN)), None)
            if noun is not None:
                return tuple(k for k in kinds if k in _role_kinds(noun, tokens, as_subject=False)), True
            if tokens[j].key in w.owned:
                return tuple(k for k in kinds if k in SPEAKER_KINDS), True
            if tokens[j].key in w.moved:  # "their functions transferred to X": the body losing them
                return tuple(k for k in kinds if k in ("organisation", "org_type")), True
        return None
    if key in w.subject:
        hit = _next_cue(hits, tokens, i, w.auxiliaries)
        return (tuple(k for k in w.subject[key] if k in _role_kinds(hit, tokens, as_subject=True)), False) if hit else None
    return None


def _description(tokens: list[Token], i: int) -> tuple[int, str] | None:
    """(tokens it spans, kind) for "the body", "this Act", "the white paper" at ``i``; not "the body of ..."."""
    w = words()
    if tokens[i].key not in w.determiners:
        return None
    for head, kind in w.heads.items():
        end = i + 1 + len(head)
        if tuple(t.key for t in tokens[i + 1:end]) == head and (end >= len(tokens) or tokens[end].key not in ("of", "for", "to", "that")):
            return end - i, kind
    return None


def _fronted_subject(tokens: list[Token], i: int, names: list[Mention], kinds: tuple[str, ...]) -> Mention | None:
    """"Through consultation on its paper, NHS England ...": the first name after the fronted phrase's comma."""
    if not tokens or tokens[0].key not in words().fronted:
        return None
    comma = next((j for j in range(i + 1, len(tokens)) if tokens[j].text == ","), None)
    if comma is None or comma + 1 >= len(tokens):
        return None
    window = tokens[comma + 1: comma + 3]
    return next((m for m in names if m.kind in kinds and any(m.start == t.start for t in window)), None)


_LISTED = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|&)\s+)?(?:the\s+)?", re.IGNORECASE)


def _plural(mention: Mention) -> bool:
    """Named in the plural: "CCGs" for "clinical commissioning group" (not "NHS Providers", whose name ends in s)."""
    return mention.text.casefold().endswith("s") and not mention.label.casefold().endswith("s")


def _listed(text: str, names: list[Mention]) -> list[Mention]:
    """Mentions listed together ("Monitor and the NHS TDA"): together they are plural, for "their"."""
    ordered = sorted(names, key=lambda m: m.start)
    found: list[Mention] = []
    for a, b in pairwise(ordered):
        gap = text[a.end:b.start]
        if gap.strip() and _LISTED.fullmatch(gap):
            found += [a, b]
    return found


def _antecedent(before: list[Mention], kinds: tuple[str, ...], word: str, listed: list[Mention]) -> Mention | None:
    """The most recent fitting mention; "their"/"they" prefer one named in the plural or in a list,
    "its"/"it" refuse one named in the plural."""
    fitting = [m for m in reversed(before) if m.kind in kinds]
    if word in words().plural:
        return next((m for m in fitting if _plural(m) or any(m is x for x in listed)), fitting[0] if fitting else None)
    return next((m for m in fitting if not _plural(m) or word not in words().singular), None)


def _resolved(token_start: int, token_end: int, text: str, found: Mention, rule: str) -> Mention:
    # A pronoun keeps the words it stands for ("It" for "the bill"); a description is its own words.
    return Mention(token_start, token_end, text[token_start:token_end], found.id, found.kind, found.label, found.known, rule,
                   round(max(0.05, found.confidence - CONFIDENCE_DROP), 2), antecedent=found.written if rule == PRONOUN else None)


def _previous_subject(text: str, previous: list[Mention], previous_start: int | None, kinds: tuple[str, ...]) -> Mention | None:
    """The subject of the sentence before, when it is a name of a fitting kind at its start ("The bill
    gives effect ...", "Measures in the Bill would ..."). A pronoun opening a sentence continues that
    subject ("It would abolish X") rather than the last name the sentence happened to mention."""
    if previous_start is None:
        return None
    first = next((m for m in sorted(previous, key=lambda m: m.start) if m.start >= previous_start), None)
    if first is None or first.kind not in kinds:
        return None
    lead = tokenize(text, previous_start, first.start)
    if len(lead) > SUBJECT_LEAD or lexicon().find(lead):
        return None  # "The report criticised NHS England.": a verb before the name makes it an object
    return first


def _names_title(head: list[Token], kind: str, titled: Mention | None) -> bool:
    """Does a description's head ("Bill" in "the Bill") name the text's titled Bill or Act: the same kind,
    a kind any earlier mention may stand for, and the head's words among the title's words for it?"""
    if titled is None or titled.kind != kind or kind not in words().article_wide:
        return False
    return {t.key for t in head} <= {t.key for t in tokenize(titled.written)}


def _named_head(head: list[Token]) -> frozenset[str]:
    """The words of a description's head that its antecedent's name must contain ("department"), if any."""
    return frozenset(t.key for t in head) & words().named_heads


def listed_kind(mention: Mention) -> bool:
    """Is a resolved description one to list among the text's mentions? "The Bill", "this Act" (kinds
    that reach across the article) and "the Department" (a head the name must contain) are said of
    one entity all through a text; "the body", "the report" are too loose to list unless a claim
    stands on them."""
    return mention.rule == DESCRIPTION and (mention.kind in words().article_wide or bool(_named_head(tokenize(mention.text))))


def _opens_sentence(tokens: list[Token], i: int) -> bool:
    """Is the pronoun at ``i`` its sentence's subject: first, after at most a conjunction ("And it ...")?"""
    return i == 0 or (i == 1 and tokens[0].key in ("and", "but", "so"))


def resolve(text: str, tokens: list[Token], hits: list[CueHit], names: list[Mention], previous: list[Mention],
            before: list[Mention] | None = None, descriptions: bool = True, previous_start: int | None = None,
            titled: Mention | None = None, home: Mention | None = None) -> list[Mention]:
    """Mentions for the pronouns and descriptions of one sentence that serve a cue, resolved to
    entities named earlier in it, in ``previous`` (the sentence before), or, fronted, just after.
    A description of a kind the lexicon lets reach further ("the Bill") may use ``before``: every
    mention in the article before this sentence. Without ``descriptions`` (an Act's own text, where
    "this Act" is the text itself and "the Authority" a defined term), only pronouns are resolved.
    ``previous_start``: where the sentence before begins, so that a pronoun opening this sentence can
    continue that sentence's subject. ``titled``: the Bill or Act the text's title names, which "the
    Bill" (or "the Act", if the title says Act) stands for wherever it is said: the Bill under debate,
    the Act an explanatory note explains, even just after another Act is named. ``home``: the department
    "the Department" stands for when the text has named none before it (the health department of its year)."""
    found: list[Mention] = []
    taken = [(m.start, m.end) for m in names]
    listed = _listed(text, previous) + _listed(text, names)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if any(s <= token.start < e for s, e in taken):
            i += 1
            continue
        # names, and pronouns already resolved, before this word: "It was abolished, and its functions ..."
        earlier = [*previous, *sorted([*(m for m in names if m.end <= token.start), *(m for m in found if m.end <= token.start)],
                                      key=lambda m: m.start)]
        described = _description(tokens, i) if descriptions else None
        if described is not None:
            length, kind = described
            head = tokens[i + 1:i + length]
            named = _named_head(head)
            pool = [*(before or []), *earlier] if kind in words().article_wide or named else earlier
            if named:
                pool = [m for m in pool if named <= {t.key for t in tokenize(m.label)}] or [m for m in [home] if m is not None]
            antecedent = (titled if _names_title(head, kind, titled) else None) or _antecedent(pool, (kind,), "", listed)
            if antecedent is not None:
                found.append(_resolved(token.start, tokens[i + length - 1].end, text, antecedent, DESCRIPTION))
            i += length
            continue
        wanted = _wanted(tokens, hits, names, i)
        if wanted is not None and wanted[0]:
            kinds, may_point_forward = wanted
            target = ((_fronted_subject(tokens, i, names, kinds) if may_point_forward else None)
                      or (_previous_subject(text, previous, previous_start, kinds)
                          if token.key in words().subject and token.key in words().singular and _opens_sentence(tokens, i) else None)
                      or _antecedent(earlier, kinds, token.key, listed))
            if target is not None:
                found.append(_resolved(token.start, token.end, text, target, PRONOUN))
        i += 1
    return found
