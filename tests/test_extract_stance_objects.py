"""A stance is on the body only when the body is what the stance words are about (read from the parse)."""

from __future__ import annotations

import pytest
from extract_fixtures import run, triples

from nhsgraph.extract import ArticleInfo, Gazetteer, extract_text
from nhsgraph.extract.claims import Voice, extract_claims
from nhsgraph.extract.mentions import Mention
from nhsgraph.extract.sentences import split_sentences
from nhsgraph.extract.speakers import Party
from nhsgraph.extract.text import parse_article

CCG, ICB = "clinical-commissioning-group", "integrated-care-board"


def stances(result: object) -> set[tuple[str, str, str]]:
    return {(s, r, o) for s, r, o, _ in triples(result) if r in ("supports", "opposes", "proposes")}  # type: ignore[arg-type]


@pytest.mark.parametrize("sentence", [
    "Monitor proposed a reduction in the number of clinical commissioning groups.",  # a reduction, not the CCGs
    "Monitor opposes the cuts in the budgets of integrated care boards.",  # the cuts
    "Monitor welcomed NHS England's proposals for the coming year.",  # the proposals, not NHS England
    "A new network was set up by Monitor to enable integrated care boards to share their data.",  # help, not a stance
    "Monitor will provide support to integrated care boards during the transition.",  # "support" as a noun
])
def test_a_body_named_inside_what_the_stance_is_on_gets_no_stance(gaz: Gazetteer, sentence: str) -> None:
    found = stances(run(gaz, sentence))
    assert not {t for t in found if t[2] in (CCG, ICB, "nhs-england")}, found


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Monitor supports integrated care boards.", ("monitor", "supports", ICB)),
    ("Monitor opposes clinical commissioning groups and integrated care boards.", ("monitor", "opposes", ICB)),
    ("Monitor has long called for integrated care boards.", ("monitor", "proposes", ICB)),
    # the rules of an Act are the Act: a stance on part of a policy stays a stance on the policy
    ("The rules of the 2012 Act get in the way of integration.", ("test-article", "opposes", "health-and-social-care-act-2012")),
])
def test_a_stance_whose_words_govern_the_party_is_kept(gaz: Gazetteer, sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in stances(run(gaz, sentence))


def test_without_the_parser_the_surface_reading_stands(gaz: Gazetteer) -> None:
    info = ArticleInfo(document_id="test-article", title="Test article", authors=["Sam Writer"])
    plain = extract_text(parse_article("Monitor supports integrated care boards.", ".txt"), gaz, info, parser=False)
    assert ("monitor", "supports", ICB) in stances(plain)


@pytest.mark.parametrize("sentence", [
    "The Act gives Monitor powers to act where integrated care boards fail to meet their duties.",  # "fail to": no judgement
    "Monitor pays for loss, damage or injury caused by integrated care boards.",  # "damage" as a noun
])
def test_an_evaluation_word_that_judges_nothing_gives_no_stance(gaz, sentence: str) -> None:
    assert not stances(run(gaz, sentence))


def test_an_act_holds_no_views() -> None:
    act = Party("example-act", "Example Act", "act", True)
    text = "Monitor opposes integrated care boards."
    mentions = [Mention(0, 7, "Monitor", "monitor", "organisation", "Monitor", True, "gazetteer", 0.9),
                Mention(17, 39, "integrated care boards", ICB, "org_type", "integrated care board", True, "gazetteer", 0.9)]
    claims, _ = extract_claims(text, split_sentences(text), mentions, Voice(act, performative=True))
    assert not claims
    said, _ = extract_claims(text, split_sentences(text), mentions, Voice(act, performative=False))
    assert [(c.subject.id, c.relation, c.object.id) for c in said] == [("monitor", "opposes", ICB)]


def test_a_speakers_own_call_to_enable_a_body_is_a_stance_on_it(gaz) -> None:
    found = stances(run(gaz, "We should enable integrated care boards to take on commissioning functions."))
    assert ("test-article", "supports", ICB) in found


def test_a_proposal_for_a_body_is_not_support_for_it(gaz) -> None:
    assert not stances(run(gaz, "Monitor published its plans for NHS England in May."))
