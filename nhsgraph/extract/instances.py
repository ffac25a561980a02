"""What form a body takes, and what a body is made of, stated by how names are written together.

Orders and notes establish bodies of a form and name them: "a Special Health Authority, to be known
as the NHS Counter Fraud Authority", "Health Education England is established as a special health
authority", "two new special health authorities (the NHS Commissioning Board Authority and the Health
Research Authority)", "Local Health Partnerships NHS Trust, an NHS trust provided for in ...". Each
says the body is an instance of the form. A body followed by a bracketed list of bodies ("NHS
Improvement (Monitor and the NHS Trust Development Authority)") or by "comprising" a list is made of
them: each is part of it. No cue verb states these claims; the words are the lexicon's ``instances``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from nhsgraph.extract import clauses as cl
from nhsgraph.extract.claim import BASE_CONFIDENCE, NOUN, Claim, allowed
from nhsgraph.extract.cues import lexicon, lexicon_data
from nhsgraph.extract.mentions import Token
from nhsgraph.extract.roles import roles
from nhsgraph.extract.speakers import Party, SentenceView

# Written forms are plainer than verbs, but names standing side by side are easily misread.
INSTANCE_CONFIDENCE = BASE_CONFIDENCE[NOUN]
MAX_GAP = 12  # tokens between a form and the name it is "known as" ("which shall be known— (a) in English as")


@dataclass(frozen=True)
class Words:
    relations: dict[str, str]  # the kind of the whole ("org_type", "organisation") -> the relation of each member
    naming: frozenset[str]
    verbs: frozenset[str]
    adverbs: frozenset[str]
    copulas: frozenset[str]
    articles: frozenset[str]
    members: frozenset[str]
    modifiers: int


@cache
def words() -> Words:
    raw = lexicon_data().get("instances", {})
    return Words(dict(raw.get("relations", {})), frozenset(raw.get("naming", [])), frozenset(raw.get("verbs", [])),
                 frozenset(raw.get("adverbs", [])), frozenset(raw.get("copulas", [])), frozenset(raw.get("articles", [])), frozenset(raw.get("members", [])),
                 int(raw.get("modifiers", 2)))


def _article_then_form(keys: list[str], tokens: list[Token], i: int, form: cl.Span) -> bool:
    """Do "a"/"an" and at most a few modifier words ("a new", "an independent") run from ``i`` to the form?"""
    w = words()
    if i >= form.first or keys[i] not in w.articles:
        return False
    between = tokens[i + 1:form.first]
    return len(between) <= w.modifiers and all(t.text.isalpha() for t in between)


def _members(s: SentenceView, open_at: int, spans: list[cl.Span]) -> list[cl.Span]:
    """The bodies listed from ``open_at`` up to a closing bracket or the sentence's end: names, joined by
    commas, "and", "the". Nothing else may stand between them."""
    found: list[cl.Span] = []
    i = open_at
    while i < len(s.tokens):
        span = next((sp for sp in spans if sp.first == i), None)
        if span is not None:
            found.append(span)
            i = span.last
        elif s.tokens[i].key in (",", "and", "the", "both"):
            i += 1
        elif s.tokens[i].text in (")", ";", "."):
            break
        else:
            return []
    return found


def _pairs(s: SentenceView) -> list[tuple[cl.Span, cl.Span, int]]:
    """(member, whole, index of the words that say so) for every pattern in the sentence."""
    w = words()
    keys = [t.key for t in s.tokens]
    spans = sorted(s.spans, key=lambda sp: sp.first)
    found: list[tuple[cl.Span, cl.Span, int]] = []
    for a, b in pairwise(spans):
        gap = keys[a.last:b.first]
        if a.mention.kind == "org_type" and b.mention.kind != "org_type" and 0 < len(gap) <= MAX_GAP and w.naming & set(gap):
            found.append((b, a, a.last))  # "a Special Health Authority, to be known as X"
        elif b.mention.kind == "org_type" and a.mention.kind != "org_type" and "not" not in gap and not _form_is_modifier(keys, b):
            # "X is established as a special health authority", "X, an NHS trust provided for in ...", "X is a Y"
            for j in range(a.last, b.first):
                if _article_then_form(keys, s.tokens, j, b) and (
                        j > a.last and keys[j - 1] == "as" and _verb_phrase(keys[a.last:j - 1])
                        or j > a.last and all(k in w.copulas for k in keys[a.last:j])
                        or (keys[a.last:j] == [","] or _bracketed_then_comma(s.tokens, a.last, j)) and not _listed_on(keys, b, spans)):
                    found.append((a, b, j))
                    break
    for whole in spans:
        after = whole.last
        if after < len(s.tokens) and s.tokens[after].text == "(":
            after += 1
            if after < len(s.tokens) and keys[after] in w.members:
                after += 1
        elif after < len(s.tokens) and keys[after] == "," and after + 1 < len(s.tokens) and keys[after + 1] in w.members:
            after += 2
        elif after < len(s.tokens) and keys[after] in w.members:
            after += 1
        else:
            continue
        members = _members(s, after, spans)
        if len(members) >= (1 if whole.mention.kind == "org_type" else 2):
            found += [(m, whole, whole.last) for m in members]
    return found


def _form_is_modifier(keys: list[str], form: cl.Span) -> bool:
    """"a former SHA chair": the form names what a post is of, not what the body before it is."""
    spec = roles()
    return spec is not None and any(tuple(keys[form.last:form.last + len(t)]) == t for t in spec.after_body)


def _listed_on(keys: list[str], form: cl.Span, spans: list[cl.Span]) -> bool:
    """"the Secretary of State, a Strategic Health Authority, or a Primary Care Trust": the form is the next
    item of a list, not a description of the name before it."""
    after = keys[form.last:form.last + 3]
    return bool(after) and after[0] in (",", "or", "and") and (bool(set(after[1:]) & (words().articles | {"or", "and"}))
                                                              or any(sp.first in (form.last + 1, form.last + 2) for sp in spans))


def _verb_phrase(keys: list[str]) -> bool:
    """"is established", "launches today", "will be set up": one of the verbs, with only auxiliaries and adverbs."""
    w = words()
    return bool(w.verbs & set(keys)) and all(k in w.verbs or k in w.copulas or k in w.adverbs or k.endswith("ly") for k in keys)


_CLOSING = frozenset({")", "”", "’", '"', "'"})


def _bracketed_then_comma(tokens: list[Token], start: int, end: int) -> bool:
    """"X (“the new trust”), an NHS trust": a bracketed short name (or the end of one, when the short name
    is itself a mention), then the comma of an apposition."""
    if end - start < 2 or tokens[end - 1].text != "," or tokens[end - 2].text != ")":
        return False
    return tokens[start].text == "(" or all(t.text in _CLOSING for t in tokens[start:end - 1])


def instance_claims(s: SentenceView, attribution: list[Party], status: str) -> list[Claim]:
    """Claims that a body is of a form, or part of a body, from the patterns above; the status the
    sentence's modal words give (``status`` otherwise: the article's fact, or a quoted speaker's report)."""
    found: list[Claim] = []
    for member, whole, at in _pairs(s):
        relation = words().relations.get(whole.mention.kind)
        subject, obj = Party.of(member.mention), Party.of(whole.mention)
        if relation is None or subject.id == obj.id or not allowed(relation, subject, obj):
            continue
        modal = cl.modality(lexicon(), s.tokens, s.clauses, min(at, len(s.tokens) - 1))
        score = INSTANCE_CONFIDENCE - 0.1 * (not subject.known) - 0.1 * (not obj.known)
        start, end = s.tokens[min(member.first, whole.first)].start, s.tokens[max(member.last, whole.last) - 1].end
        cue = s.sentence.text[start - s.sentence.start:end - s.sentence.start]
        found.append(Claim(subject, relation, obj, modal or status, list(attribution), s.sentence, cue, start, end, "apposition",
                           round(score, 2)))
    return found


def named_bodies(s: SentenceView) -> dict[str, list[Party]]:
    """The bodies a sentence names right after a form: "a special health authority, to be known as X",
    "two special health authorities (X and Y)" (form id → bodies). What is created there is X (and Y),
    not the form: "There is established a special health authority to be known as X" establishes X."""
    named: dict[str, list[Party]] = {}
    for member, whole, at in _pairs(s):
        if whole.mention.kind == "org_type" and at == whole.last and member.first > whole.first:
            named.setdefault(whole.mention.id, []).append(Party.of(member.mention))
    return named
