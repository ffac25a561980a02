"""Where a claim's party is referred to without its name: "the Bill", "this Act", "the Department".

A claim whose party the sentence names only by a description or a post ("The Bill abolishes
primary care trusts", in a debate whose title names the Bill) has that party at the span of the
description. A reviewer reading the entity list should see that span too, as a mention of the
entity it stands for: otherwise an article that never spells out the Bill's name appears not to
mention the Bill at all. Descriptions said of one entity all through a text ("the Bill" for the
Bill under debate, "this Act" in its explanatory notes, "the Department" for the department last
named) are listed wherever they are said, as the claims' reading resolves them
(``extract_claims``); others ("the body", "the report") only where a claim's party stands on
them, here. "The Government" said in passing is not resolved to anything (too many
readings), and pronouns ("it") are left to the claim they serve.
"""

from __future__ import annotations

from collections.abc import Iterable

from nhsgraph.extract.anaphora import CONFIDENCE_DROP, DESCRIPTION, words
from nhsgraph.extract.claim import Claim
from nhsgraph.extract.mentions import Mention, tokenize
from nhsgraph.extract.speakers import Party


def _pronoun(text: str) -> bool:
    """A single pronoun ("it", "its", "they"): the lexicon's anaphora pronouns."""
    w = words()
    keys = [t.key for t in tokenize(text)]
    return len(keys) == 1 and (keys[0] in w.possessive or keys[0] in w.subject)


def _parties(claim: Claim) -> Iterable[Party]:
    yield claim.subject
    yield claim.object
    yield from claim.attributed_to


def claim_groundings(text: str, claims: list[Claim], mentions: list[Mention], posts: list[Mention]) -> list[Mention]:
    """Mentions for the descriptions that claims' parties stand on, where no mention covers them yet.
    A party's span counts only inside the claim's own sentence (a department found from a post
    elsewhere in the text is not referred to in this sentence). ``posts`` ("the Secretary of State
    for Health") stand for their department in a role but are not mentions of it
    (nhsgraph.extract.posts), so they are not listed here either."""
    found: list[Mention] = []
    for claim in claims:
        for party in _parties(claim):
            if party.start is None or party.end is None or not party.known:
                continue
            if not (claim.sentence.start <= party.start and party.end <= claim.sentence.end):
                continue
            written = text[party.start:party.end]
            if _pronoun(written) or any(m.meets(party.start, party.end) for m in [*mentions, *posts, *found]):
                continue
            found.append(Mention(party.start, party.end, written, party.id, party.kind, party.label, True, DESCRIPTION,
                                 round(max(0.05, claim.confidence - CONFIDENCE_DROP), 2), antecedent=party.written or None))
    return found

