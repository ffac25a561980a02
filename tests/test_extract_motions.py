"""Motions and stances on an aspect of a body, on sentences written for the tests: a motion's text
("That this House ... declines to support X") states the mover's own position, in the record's voice;
"supports the founding principles of X" is a stance on the principles, not on X."""

from __future__ import annotations

import pytest
from extract_fixtures import run, triples, write_gazetteer_data

import nhsgraph
from nhsgraph.extract import Gazetteer


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return Gazetteer.from_dataset(nhsgraph.load(write_gazetteer_data(tmp_path_factory.mktemp("gaz") / "data")))


@pytest.mark.parametrize("text", [
    "That this House notes the concerns of staff; and declines to support the Health and Social Care Act 2012.",
    "That this House calls on the Government to drop the Health and Social Care Act 2012.",
    "That this House regrets the delay and refuses to support the Health and Social Care Act 2012.",
])
def test_a_motion_opposes_what_it_declines_to_support(gazetteer: Gazetteer, text: str) -> None:
    found = triples(run(gazetteer, text))
    assert ("test-article", "opposes", "health-and-social-care-act-2012", "fact") in found


def test_declining_to_support_outside_a_motion_needs_a_named_holder(gazetteer: Gazetteer) -> None:
    # nobody is named as declining: the article does not take the position itself
    assert not any(c.relation == "opposes" for c in run(gazetteer, "The amendment declines to support the Health and Social Care Act 2012.").claims
                   if c.subject.id == "test-article")
    found = triples(run(gazetteer, "NHS Providers declined to support the Health and Social Care Act 2012."))
    assert ("nhs-providers", "opposes", "health-and-social-care-act-2012", "fact") in found


@pytest.mark.parametrize("text", [
    "That this House supports the founding principles of NHS England.",
    "NHS Providers welcomed the staff of NHS England.",
])
def test_a_stance_on_an_aspect_of_a_body_is_not_a_stance_on_the_body(gazetteer: Gazetteer, text: str) -> None:
    assert not {t for t in triples(run(gazetteer, text)) if t[2] == "nhs-england"}


def test_a_motion_supporting_a_body_itself_still_does(gazetteer: Gazetteer) -> None:
    found = triples(run(gazetteer, "That this House supports NHS England."))
    assert ("test-article", "supports", "nhs-england", "fact") in found


@pytest.mark.parametrize("text", [
    "I am today informing NHS Providers of the abolition of Monitor.",
    "I want to update NHS Providers on the abolition of Monitor.",
])
def test_an_addressee_is_not_the_doer_of_a_change_it_is_told_of(gazetteer: Gazetteer, text: str) -> None:
    assert not any(c.relation == "abolishes" and c.subject.id == "nhs-providers" for c in run(gazetteer, text).claims)


def test_a_name_before_a_nominal_still_does_it_when_not_addressed(gazetteer: Gazetteer) -> None:
    found = triples(run(gazetteer, "NHS England oversaw the abolition of Monitor."))
    assert any(t[:3] == ("nhs-england", "abolishes", "monitor") for t in found)


def test_proposing_to_abolish_a_body_is_not_proposing_the_body(gazetteer: Gazetteer) -> None:
    found = triples(run(gazetteer, "As I am proposing to abolish clinical commissioning groups, the problem will no longer apply."))
    assert not any(t[1] == "proposes" and t[2] == "clinical-commissioning-group" for t in found)
    found = triples(run(gazetteer, "NHS Providers proposes the creation of integrated care boards."))
    assert ("nhs-providers", "proposes", "integrated-care-board", "fact") in found


def _supports(result) -> set[tuple[str, str]]:
    return {(c.subject.id, c.object.id) for c in result.claims if c.relation == "supports" and not c.negated}


@pytest.mark.parametrize("text", [
    # a member's contribution (a speaker line with a constituency and party), moving a Bill's second reading
    ("The Health and Social Care Act 2012 was then a Bill.\n\nJane Example (Anytown) (Con)\n\n"
    "I beg to move, That the Bill be now read a Second time."),
    # the Lords' form of a second reading, the Bill named before it
    ("The Health and Social Care Act 2012 was then a Bill.\n\nJane Example (Anytown) (Con)\n\n"
    "My Lords, I beg to move that this Bill be now read a second time."),
    # a Lords motion, its mover named on the line before; the instrument named in the motion
    "Moved by Jane Example\n\nThat the draft Health and Social Care Act 2012 be approved.",
])
def test_moving_a_second_reading_or_an_approval_supports_the_bill_or_instrument(gazetteer: Gazetteer, text: str) -> None:
    assert ("jane-example", "health-and-social-care-act-2012") in _supports(run(gazetteer, text))


@pytest.mark.parametrize("text", [
    # nobody is named as moving it
    "That the draft Health and Social Care Act 2012 be approved.",
    # an approval reported, not moved: no motion's opening
    "Jane Example said the Health and Social Care Act 2012 should be approved.",
])
def test_an_approval_with_no_named_mover_or_no_motion_states_no_stance(gazetteer: Gazetteer, text: str) -> None:
    assert ("jane-example", "health-and-social-care-act-2012") not in _supports(run(gazetteer, text))
    assert not any(c.cue.lower().startswith("that the") for c in run(gazetteer, text).claims)
