"""Claims stated by how names are written together, with no cue verb: roles ("Jane Smith, Chair of X",
"the Secretary of State for Health, Jane Smith") and possessives ("NHS England's Long Term Plan")."""

from __future__ import annotations

from itertools import pairwise

from nhsgraph.extract import anaphora
from nhsgraph.extract.claim import BASE_CONFIDENCE, RESOLVED_DROP, Claim, allowed
from nhsgraph.extract.cues import NOUN, lexicon
from nhsgraph.extract.roles import Role, roles
from nhsgraph.extract.speakers import Party, SentenceView


def role_claims(s: SentenceView, found: list[Role], attribution: list[Party]) -> list[Claim]:
    """"Jane Smith, Chair of X": the person leads X, as the article (not a quoted speaker) says."""
    spec = roles()
    claims: list[Claim] = []
    for role in found:
        person = Party.of(role.person.mention)
        cue_start, cue_end = s.tokens[role.first].start, s.tokens[role.last - 1].end
        cue = s.sentence.text[cue_start - s.sentence.start:cue_end - s.sentence.start]
        for body in role.bodies:
            obj = Party.of(body.mention)
            if spec is None or not allowed(spec.relation, person, obj):
                continue
            score = BASE_CONFIDENCE[NOUN] - 0.1 * (not person.known)
            claims.append(Claim(person, spec.relation, obj, "fact", list(attribution), s.sentence, cue, cue_start, cue_end, "role", round(score, 2)))
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
