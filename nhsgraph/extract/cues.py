"""The cue lexicon (``lexicon.yaml``): inflected forms, and matching cues in a token stream.

A cue is a word or phrase that signals a relation, reported speech, modality or negation.
Lemmas are inflected here so the lexicon stays short and readable; each form remembers
whether it can be a past participle, which is how passive voice is recognised.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from nhsgraph.extract.mentions import Token, tokenize

BE_FORMS = ("is", "are", "was", "were", "be", "been", "being", "am")
COPULAS = (*BE_FORMS, "seem", "seems", "seemed", "look", "looks", "looked", "appear", "appears", "appeared",
           "remain", "remains", "remained", "become", "becomes", "became", "prove", "proved", "proves")
# Cue roles: how the words around a cue become a claim.
VERB, AGENT_AFTER, NOUN, EVALUATION, NAMING, SPEECH, ATTRIBUTION = (
    "verb", "agent_after", "noun", "evaluation", "naming", "speech", "attribution")
# A nominalisation without "of" ("their abolition by X"); a verb whose subject undergoes the change
# ("X ceases to exist"); a transfer of functions ("the functions of X are transferred to Y").
AGENT_NOUN, UNDERGO, TRANSFER, BECOME = "agent_noun", "undergo", "transfer", "become"
GAIN = "gain"  # a verb whose subject gains another body's functions ("Y takes on the functions of X")
TARGET = "target"  # a verb whose object then target follow it: "merge X into Y"
_SECTIONS = {VERB: "verbs", AGENT_AFTER: "agent_after", NOUN: "nouns", EVALUATION: "evaluations", NAMING: "naming",
             AGENT_NOUN: "agent_nouns", UNDERGO: "undergo", TARGET: "target_verbs"}
_UNINFLECTED = (NOUN, NAMING, AGENT_NOUN)


@dataclass(frozen=True)
class CueForm:
    words: tuple[str, ...]
    role: str
    relation: str | None
    lemma: str
    participle: bool  # can be a past participle (passive voice)
    gerund: bool


@dataclass(frozen=True)
class CueHit:
    form: CueForm
    first: int  # token index of the first word
    last: int  # token index after the last word

    @property
    def text(self) -> str:
        return " ".join(self.form.words)


def _inflect(lemma: str, irregular: dict[str, list[str]]) -> list[tuple[str, bool, bool]]:
    """(form, is participle, is gerund) for the first word of ``lemma``."""
    if lemma in irregular:
        third, past, participle, gerund = irregular[lemma]
        forms = [(lemma, False, False), (third, False, False), (past, past == participle, False), (gerund, False, True)]
        if participle != past:
            forms.append((participle, True, False))
        return forms
    if lemma.endswith("e"):
        third, past, gerund = lemma + "s", lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third, past, gerund = lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        third, past, gerund = lemma + "es", lemma + "ed", lemma + "ing"
    else:
        third, past, gerund = lemma + "s", lemma + "ed", lemma + "ing"
    return [(lemma, False, False), (third, False, False), (past, True, False), (gerund, False, True)]


def _phrase_forms(phrase: str, role: str, relation: str | None, irregular: dict[str, list[str]]) -> list[CueForm]:
    if phrase.startswith("="):
        literal = tuple(t.key for t in tokenize(phrase[1:]))
        # a participle may be followed by its particle: "=provided for" is as passive as "=backed"
        participle = any(w.endswith("ed") for w in literal[-2:])
        return [CueForm(literal, role, relation, phrase[1:], participle, literal[-1].endswith("ing"))]
    words = [t.key for t in tokenize(phrase)]
    head, rest = words[0], tuple(words[1:])
    if head == "be":  # "is opposed to", "remains opposed to", "became part of"
        heads = [(w, False, w == "being") for w in COPULAS]
    else:
        heads = _inflect(head, irregular)
    return [CueForm((form, *rest), role, relation, phrase, participle, gerund) for form, participle, gerund in heads]


@dataclass(frozen=True)
class Lexicon:
    forms: tuple[CueForm, ...]
    modality: tuple[tuple[str, tuple[str, ...]], ...]
    negation: tuple[tuple[str, ...], ...]
    max_words: int
    announcing: frozenset[str] = frozenset()
    substitution: tuple[tuple[str, tuple[str, ...]], ...] = ()
    possessive: str | None = None

    def substitute_words(self, relation: str | None) -> tuple[str, ...]:
        """Prepositions that introduce the relation's subject after its object ("with" for replaces)."""
        return next((words for name, words in self.substitution if name == relation), ())

    def relations(self) -> set[str]:
        return {f.relation for f in self.forms if f.relation}

    def find(self, tokens: list[Token]) -> list[CueHit]:
        """Cues in ``tokens``, longest first at each position, never overlapping. Adverbs may stand
        inside a phrase ("remains strongly opposed to", "was formally renamed"): the hit spans them."""
        keys = [t.key for t in tokens]
        index = _index(self)
        hits: list[CueHit] = []
        i = 0
        while i < len(keys):
            # the words a phrase starting at i may use: i, then what follows, adverbs skipped
            words = [i] + [j for j in range(i + 1, min(len(keys), i + 2 * self.max_words)) if not _adverb(keys[j])]
            for length in range(min(self.max_words, len(words)), 0, -1):
                forms = index.get(tuple(keys[j] for j in words[:length]))
                if forms:
                    end = words[length - 1] + 1
                    hits.extend(CueHit(form, i, end) for form in forms)
                    i = end
                    break
            else:
                i += 1
        return hits


def _adverb(key: str) -> bool:
    return len(key) > 4 and key.endswith("ly")


@cache
def _index(lexicon: Lexicon) -> dict[tuple[str, ...], list[CueForm]]:
    index: dict[tuple[str, ...], list[CueForm]] = {}
    for form in lexicon.forms:
        bucket = index.setdefault(form.words, [])
        if all(f.role != form.role or f.relation != form.relation for f in bucket):
            bucket.append(form)
    return index


@cache
def lexicon_data() -> dict[str, Any]:
    """``lexicon.yaml`` as parsed YAML, for the sections other modules read (anaphora, nominals)."""
    data: dict[str, Any] = yaml.safe_load(resources.files("nhsgraph.extract").joinpath("lexicon.yaml").read_text("utf-8"))
    return data


@cache
def provisions() -> frozenset[str]:
    """Words naming a provision of an Act or Bill ("section", "clause"): the lexicon's ``provisions``."""
    return frozenset(lexicon_data().get("provisions", []))


@cache
def lexicon() -> Lexicon:
    """The packaged cue lexicon, parsed and inflected once per process."""
    raw = lexicon_data()
    irregular = raw.get("irregular", {})
    forms: list[CueForm] = []
    for relation, spec in raw["relations"].items():
        for role, section in _SECTIONS.items():
            for phrase in spec.get(section, []):
                if role in _UNINFLECTED:
                    forms.append(CueForm(tuple(t.key for t in tokenize(phrase)), role, relation, phrase, False, False))
                else:
                    forms.extend(_phrase_forms(phrase, role, relation, irregular))
    for phrase in raw.get("becoming", {}).get("verbs", []):  # the relation is chosen by kinds; renamed_to finds the parties
        forms.extend(_phrase_forms(phrase, BECOME, "renamed_to", irregular))
    transfer = raw.get("transfer", {})
    for phrase in transfer.get("verbs", []):
        forms.extend(_phrase_forms(phrase, TRANSFER, transfer["relation"], irregular))
    for phrase in transfer.get("gaining_verbs", []):
        forms.extend(_phrase_forms(phrase, GAIN, transfer["relation"], irregular))
    for phrase in transfer.get("nouns", []):
        forms.append(CueForm(tuple(t.key for t in tokenize(phrase)), TRANSFER, transfer["relation"], phrase, False, False))
    for phrase in raw["speech"]:
        forms.extend(_phrase_forms(phrase, SPEECH, None, irregular))
    for phrase in raw.get("announcing", []):
        forms.extend(_phrase_forms(phrase, SPEECH, None, irregular))
    for phrase in raw["attribution"]:
        forms.append(CueForm(tuple(t.key for t in tokenize(phrase)), ATTRIBUTION, None, phrase, False, False))
    modality = tuple((status, tuple(p.casefold() for p in phrases)) for status, phrases in raw["modality"].items())
    negation = tuple(tuple(t.key for t in tokenize(p)) for p in raw["negation"])
    substitution = tuple((name, tuple(words)) for name, words in raw.get("substitution", {}).items())
    return Lexicon(tuple(forms), modality, negation, max(len(f.words) for f in forms),
                   frozenset(raw.get("announcing", [])), substitution, raw.get("possessive"))
