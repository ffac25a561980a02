"""Press-release and statement wording, on sentences written for the tests: supporters introduced by
their posts ("Jane Smith CBE, Chief Executive, X, said:"), lists of posts, and local systems written
by place ("Example Vale ICS" for the reference layer's "Example Vale Health and Care Partnership")."""

from __future__ import annotations

import pytest
from extract_fixtures import gazetteer, leads, run

from nhsgraph.extract import Gazetteer
from nhsgraph.extract.gazetteer import informal_names

EXTRA = """\
organisations:
  - id: example-vale-partnership
    label: Example Vale (Health and Care Partnership)
    sources: [source-doc]
  - id: example-vale-icb
    label: NHS Example Vale ICB
    sources: [source-doc]
  - id: example-commissioning-board
    label: NHS Example Commissioning Board
    sources: [source-doc]
"""


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return gazetteer(tmp_path_factory.mktemp("gaz"), EXTRA)


def test_local_systems_get_their_place_names() -> None:
    assert informal_names("organisation", "Example Vale (Health and Care Partnership)") == [
        "Example Vale Health and Care Partnership", "Example Vale ICS"]
    assert informal_names("organisation", "NHS Example Vale ICB") == ["Example Vale ICB"]
    # a sub-location's label and a name without a place pattern give nothing
    assert informal_names("organisation", "NHS Example Vale ICB - 99X") == []
    assert informal_names("organisation", "NHS England") == ["National Health Service England"]  # only the long form


def test_place_names_link_to_the_local_body(gaz):
    text = "Example Vale ICS and Example Vale ICB met the Example Vale Health and Care Partnership."
    result = run(gaz, text)
    assert {text[m.start:m.end]: m.id for m in result.mentions if m.known} == {
        "Example Vale ICS": "example-vale-partnership", "Example Vale ICB": "example-vale-icb",
        "Example Vale Health and Care Partnership": "example-vale-partnership"}


@pytest.mark.parametrize("sentence", [
    "Jane Example CBE, Chief Executive, Example Vale ICS, said:",
    "Professor Jane Example, Example Vale ICS Lead, said:",
    "Jane Example, Example Vale ICS chair, said the plans were sound.",
    "Jane Example, director at NHS England and chair of Example Vale ICS, said so.",
])
def test_press_release_posts_lead_the_named_body(gaz, sentence):
    assert leads(run(gaz, sentence)) == {("jane-example", "example-vale-partnership")}


def test_new_people_with_honours_or_double_barrelled_names_are_found(gaz):
    for sentence, name in [("Sam Newperson OBE, Chief Executive, NHS Providers, said:", "Sam Newperson"),
                           ("I accepted the advice of Ann Wade-Newman, director at Monitor and chair of NHS Providers.",
                            "Ann Wade-Newman")]:
        result = run(gaz, sentence)
        assert [m.text for m in result.mentions if m.kind == "person" and not m.known] == [name]
        assert {c.object.id for c in result.claims if c.relation == "leads"} == {"nhs-providers"}


@pytest.mark.parametrize("sentence", [
    "Jane Example, Example Vale ICS Lead for cancer, said so.",        # a portfolio, not the body's head
    "Jane Example, chief executive, said Example Vale ICS was ready.",  # the body is not the post's
    "Jane Example, director at NHS England and former chair of NHS Providers, said so.",
])
def test_no_lead_from_a_portfolio_a_detached_body_or_a_past_post(gaz, sentence):
    assert leads(run(gaz, sentence)) == set()


QUOTED = "Jane Example, Chair of NHS Providers, said:\nIt is great to see NHS England at work. We are pleased with Monitor.\n"


def test_paragraph_after_a_said_line_is_the_speakers_words(gaz):
    result = run(gaz, QUOTED)
    stances = {(c.subject.id, c.object.id, c.status, tuple(p.id for p in c.attributed_to))
               for c in result.claims if c.relation == "supports"}
    assert stances == {("jane-example", "nhs-england", "reported", ("jane-example",)),
                       ("jane-example", "monitor", "reported", ("jane-example",))}


def test_speakers_words_end_with_their_paragraph(gaz):
    result = run(gaz, QUOTED + "We are pleased with NHS Providers.")
    assert ("sam-writer", "nhs-providers") in {(p.id, c.object.id) for c in result.claims if c.relation == "supports"
                                                for p in c.attributed_to}
    assert ("jane-example", "supports", "nhs-providers") not in {(c.subject.id, c.relation, c.object.id) for c in result.claims}


def test_a_colon_inside_a_line_introduces_no_paragraph(gaz):
    result = run(gaz, "Jane Example said: it works. We are pleased with Monitor.")
    assert {(c.subject.id, c.object.id) for c in result.claims if c.relation == "supports"} == {("test-article", "monitor")}


def test_a_post_alone_is_not_a_new_body(gaz):
    result = run(gaz, "Sam Newperson OBE, Chief Executive, NHS Providers, said:\nIt works.")
    assert not [m for m in result.mentions if m.kind == "organisation" and not m.known]


def test_long_names_link_in_lower_case_but_common_phrases_keep_their_capitals(gaz):
    text = "Staff will move to the NHS example commissioning board, unlike NHS providers."
    result = run(gaz, text)
    assert {text[m.start:m.end]: m.id for m in result.mentions if m.known} == {
        "NHS example commissioning board": "example-commissioning-board"}


def test_short_title_in_lower_case_is_a_common_phrase_not_the_document(gaz):
    text = "Big plan changes matter. The Big Plan says so."
    result = run(gaz, text)
    assert [(text[m.start:m.end], m.id) for m in result.mentions if m.known] == [("Big Plan", "big-plan-2030")]
