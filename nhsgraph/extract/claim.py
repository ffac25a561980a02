"""A candidate claim, the record every extraction rule produces, and the checks all of them share."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from nhsgraph.extract.cues import (
    AGENT_AFTER,
    AGENT_NOUN,
    BECOME,
    EVALUATION,
    GAIN,
    NAMING,
    NOUN,
    TARGET,
    TRANSFER,
    UNDERGO,
    VERB,
    lexicon_data,
)
from nhsgraph.extract.sentences import Sentence
from nhsgraph.extract.speakers import Party
from nhsgraph.vocabulary import vocabulary

# A party named by a pronoun or description ("its paper", "the body") is less certain than a name.
RESOLVED_DROP = 0.15
BASE_CONFIDENCE = {VERB: 0.75, AGENT_AFTER: 0.7, NOUN: 0.6, EVALUATION: 0.55, NAMING: 0.6, AGENT_NOUN: 0.6, UNDERGO: 0.7,
                   TRANSFER: 0.65, GAIN: 0.65, BECOME: 0.6, TARGET: 0.7}


@dataclass
class Claim:
    subject: Party
    relation: str
    object: Party
    status: str
    attributed_to: list[Party]
    sentence: Sentence
    cue: str
    cue_start: int
    cue_end: int
    voice: str
    confidence: float
    negated: bool = False

    def key(self) -> tuple[str, str, str, str, bool]:
        return (self.subject.id, self.relation, self.object.id, self.status, self.negated)


def allowed(relation: str, subject: Party, obj: Party) -> bool:
    """Does the vocabulary allow this relation between these kinds (and not from a party to itself)? A
    relation the lexicon lists as ``same_kind`` (a renamed body is still a body, a renamed form a form)
    also needs both parties of one kind: "a special health authority, to be known as X" renames nothing."""
    spec = vocabulary().relations.get(relation)
    if spec is None or subject.id == obj.id or subject.kind not in spec.subject_kinds or obj.kind not in spec.object_kinds:
        return False
    return subject.kind == obj.kind or relation not in _same_kind()


@cache
def _same_kind() -> frozenset[str]:
    return frozenset(lexicon_data().get("same_kind", []))
