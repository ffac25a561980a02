"""Matching cue phrases: adverbs inside them, copulas, and names that only modify a noun."""

from __future__ import annotations

import pytest
from extract_fixtures import run, triples

from nhsgraph.extract.cues import lexicon
from nhsgraph.extract.mentions import tokenize

ACT = "health-and-social-care-act-2012"



def test_an_adverb_inside_a_phrase_is_part_of_the_cue(gaz):
    text = "NHS Providers remains strongly opposed to the Lansley Act."
    result = run(gaz, text)
    assert triples(result) == {("nhs-providers", "opposes", ACT, "fact")}
    assert result.claims[0].cue == "remains strongly opposed to"


def test_an_adverb_never_starts_a_cue():
    hits = lexicon().find(tokenize("It was formally renamed."))
    assert [(h.first, h.last, h.form.relation) for h in hits] == [(1, 4, "renamed_to")]


@pytest.mark.parametrize("sentence", [
    "NHS Providers is broadly supportive of the Lansley Act.",
    "NHS Providers became supportive of the Lansley Act.",
])
def test_supportive_of_with_any_copula(gaz, sentence):
    assert triples(run(gaz, sentence)) == {("nhs-providers", "supports", ACT, "fact")}


def test_a_name_modifying_a_document_noun_is_not_the_party(gaz):
    assert triples(run(gaz, "We believe the NHS England paper represents a positive step.")) == set()
    # a document's own name before "paper" is the document
    assert triples(run(gaz, "We believe the Big Plan: next steps for everyone paper represents a positive step.")) == {
        ("test-article", "supports", "big-plan-2030", "fact")}


def test_relations_the_lexicon_chooses_by_context_exist_in_the_vocabulary():
    from nhsgraph.extract.cues import lexicon_data
    from nhsgraph.vocabulary import vocabulary

    raw = lexicon_data()
    chosen = {raw["transfer"]["relation"], raw["transfer"]["whole"], *raw["becoming"]["relations"].values(),
              *raw["nominal_targets"], *raw["substitution"], raw["possessive"]}
    assert chosen <= set(vocabulary().relations)
    kinds = {k for pair in raw["becoming"]["relations"] for k in pair.split()}
    kinds |= set(raw["anaphora"]["descriptions"]["heads"]) | set(raw["anaphora"]["descriptions"]["article_wide"])
    kinds |= {k for group in ("possessive", "subject") for ks in raw["anaphora"][group].values() for k in ks}
    assert kinds <= set(vocabulary().kinds)


@pytest.mark.parametrize(("sentence", "expected", "by"), [
    # a position the speaker wants someone else to take: proposed, the speaker's
    ("NHS Providers should oppose the Lansley Act.", ("nhs-providers", "opposes", ACT, "proposed"), ["sam-writer"]),
    ("Jane Example said NHS Providers should support the Lansley Act.", ("nhs-providers", "supports", ACT, "proposed"), ["jane-example"]),
    # the speaker's own position, even put as an obligation: a fact about the speaker
    ("We should oppose the Lansley Act.", ("test-article", "opposes", ACT, "fact"), ["sam-writer"]),
    ("NHS Providers argues that it must oppose the Lansley Act.", ("nhs-providers", "opposes", ACT, "reported"), ["nhs-providers"]),
    # a hedged position: predicted
    ("NHS Providers would oppose the Lansley Act.", ("nhs-providers", "opposes", ACT, "predicted"), ["sam-writer"]),
])
def test_status_of_a_stance(gaz, sentence, expected, by):
    result = run(gaz, sentence)
    assert triples(result) == {expected}
    assert [p.id for p in result.claims[0].attributed_to] == by
