"""Claims stated by how names are written together, with no cue verb: roles ("Jane Smith, Chair of X",
"the Secretary of State for Health, Jane Smith"), possessives ("NHS England's Long Term Plan") and
novelty ("the new UK Health Security Agency", in the government's own voice)."""

from __future__ import annotations

from itertools import pairwise

from nhsgraph.extract import anaphora
from nhsgraph.extract.claim import BASE_CONFIDENCE, RESOLVED_DROP, Claim, allowed
from nhsgraph.extract.cues import NOUN, lexicon, lexicon_data
from nhsgraph.extract.roles import Role, roles
from nhsgraph.extract.speakers import Party, SentenceView, Voice

# A body called new is less certain than a verb saying it is set up.
NOVELTY_CONFIDENCE = 0.5


def role_claims(s: SentenceView, found: list[Role], attribution: list[Party], owner: Party | None = None) -> list[Claim]:
    """"Jane Smith, Chair of X": the person leads X, as the article (not a quoted speaker) says. A role with
    no body ("Richard Meddings, Chair", a line of a board's list of members) is in ``owner``, the one
    organisation that wrote the text, if there is one."""
    spec = roles()
    claims: list[Claim] = []
    for role in found:
        person = Party.of(role.person.mention)
        cue_start, cue_end = s.tokens[role.first].start, s.tokens[role.last - 1].end
        cue = s.sentence.text[cue_start - s.sentence.start:cue_end - s.sentence.start]
        bodies = [Party.of(body.mention) for body in role.bodies] or ([owner] if owner is not None else [])
        for obj in bodies:
            if spec is None or not allowed(spec.relation, person, obj):
                continue
            score = BASE_CONFIDENCE[NOUN] - 0.1 * (not person.known)
            claims.append(Claim(person, spec.relation, obj, role.status, list(attribution), s.sentence, cue, cue_start, cue_end, "role", round(score, 2)))
    return claims


def possessive_claims(s: SentenceView, attribution: list[Party], status: str) -> list[Claim]:
    """"NHS England's (new) Long Term Plan": the lexicon's possessive relation, when the kinds fit."""
    relation = lexicon().possessive
    ordered = sorted(s.spans, key=lambda sp: sp.first)
    found: list[Claim] = []
    for owner, owned in pairwise(ordered):
        gap = [t.key for t in s.tokens[owner.last:owned.first]]
        subject, obj = Party.of(owner.mention), Party.of(owned.mention)
        # "its 'Integrating Care' paper": a possessive pronoun standing for the owner, then the title
        pronoun = subject.resolved and s.tokens[owner.first].key in anaphora.words().possessive and len(
            [w for w in gap if w not in anaphora.QUOTES]) <= 1
        if relation and (pronoun or 2 <= len(gap) <= 3 and gap[:2] == ["'", "s"]) and allowed(relation, subject, obj):
            score = 0.5 - 0.1 * (not subject.known) - 0.1 * (not obj.known) - RESOLVED_DROP * subject.resolved
            start, end = (owner.mention.start, owner.mention.end) if pronoun else (s.tokens[owner.last].start, s.tokens[owner.last + 1].end)
            found.append(Claim(subject, relation, obj, status, attribution, s.sentence, s.sentence.text[start - s.sentence.start:end - s.sentence.start],
                               start, end, "possessive", round(score, 2)))
    return found


def novelty_claims(s: SentenceView, voice: Voice, attribution: list[Party]) -> list[Claim]:
    """"The new UK Health Security Agency will ...", "our new Office for X": in a government body's own
    voice (``voice.ministry``), a known body called new is one the government is setting up (announced);
    in a debate on a Bill not yet law, one the Bill would set up (proposed). The lexicon's ``novelty``."""
    spec = lexicon_data().get("novelty", {})
    relation = spec.get("relation")
    if relation is None:
        return []
    bill = s.bill if s.bill is not None and not voice.enacted else None
    doer = bill or voice.ministry
    if doer is None:
        return []
    status = "proposed" if bill is not None else "announced"
    words, before = set(spec.get("words", [])), set(spec.get("determiners", []))
    found: list[Claim] = []
    for span in s.spans:
        i = span.first - 1
        if i < 1 or s.tokens[i].key not in words or s.tokens[i - 1].key not in before:
            continue
        body = Party.of(span.mention)
        if span.mention.kind not in spec.get("kinds", []) or not body.known or not allowed(relation, doer, body):
            continue
        start, end = s.tokens[i].start, s.tokens[i].end
        found.append(Claim(doer, relation, body, status, attribution, s.sentence, s.sentence.text[start - s.sentence.start:end - s.sentence.start],
                           start, end, "novelty", NOVELTY_CONFIDENCE))
    return found
