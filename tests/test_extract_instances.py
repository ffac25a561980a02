"""A body's form, and what a body is made of, from names written together: "a special health authority,
to be known as X", "X is established as a Y", "X, an NHS trust", "Ys (A and B)", "Y (comprising A and B)".
Sentences written for the tests."""

from __future__ import annotations

import pytest
from extract_fixtures import run, triples

from nhsgraph.extract import ArticleInfo, Gazetteer, extract_text
from nhsgraph.extract.text import parse_article

CCG, ICB = "clinical-commissioning-group", "integrated-care-board"


def _relations(gaz: Gazetteer, text: str, relation: str) -> set[tuple[str, str, str]]:
    return {(s, o, status) for s, r, o, status in triples(run(gaz, text)) if r == relation}


@pytest.mark.parametrize("text", [
    "The order sets up an integrated care board, to be known as Monitor, from April.",
    "There shall be an integrated care board which shall be known as Monitor.",
    "Monitor is established as an integrated care board from 1 July.",
    "Monitor launches today as an integrated care board.",
    "Monitor, an integrated care board provided for in section 14, covers the county.",
    "Monitor (“the board”), an integrated care board, covers the county.",
    "Two new integrated care boards (Monitor and NHS Improvement) start work in July.",
])
def test_a_body_named_with_its_form_is_an_instance_of_it(gaz: Gazetteer, text: str) -> None:
    assert ("monitor", ICB, "fact") in _relations(gaz, text, "instance_of")


@pytest.mark.parametrize("text", [
    "Monitor, a former integrated care board chair, spoke.",  # the form names what a post is of
    "Functions pass to NHS England, an integrated care board, or a clinical commissioning group.",  # a list
    "Monitor is not an integrated care board.",
    "Monitor was abolished as an integrated care board would be.",  # not a verb of being set up
])
def test_names_side_by_side_that_do_not_state_a_form(gaz: Gazetteer, text: str) -> None:
    assert not {(s, o) for s, o, _ in _relations(gaz, text, "instance_of")} & {("monitor", ICB), ("nhs-england", ICB)}


def test_a_body_followed_by_a_bracketed_list_of_bodies_is_made_of_them(gaz: Gazetteer) -> None:
    text = "NHS England (comprising Monitor and NHS Improvement) will publish guidance."
    # what the body is made of is stated as fact; "will" is about the guidance
    assert _relations(gaz, text, "part_of") >= {("monitor", "nhs-england", "fact"), ("nhs-improvement", "nhs-england", "fact")}


def test_one_body_restated_in_brackets_is_not_a_part_of_it(gaz: Gazetteer) -> None:
    """"NHS England (Monitor)" restates or glosses one name; only a list of two or more is a make-up."""
    assert not _relations(gaz, "NHS England (Monitor) published guidance.", "part_of")


def test_a_joint_name_is_its_two_bodies_where_a_merger_is_spoken_of(gaz: Gazetteer) -> None:
    text = "The Bill brings together NHS England and NHS Improvement (comprising Monitor and NHS Improvement) into one body."
    linked = [m.id for m in run(gaz, text).mentions if m.known]
    assert linked[:2] == ["nhs-england", "nhs-improvement"]
    assert "nhse-i" not in linked


def test_a_joint_name_stays_the_joint_arrangement_elsewhere(gaz: Gazetteer) -> None:
    linked = [m.id for m in run(gaz, "NHS England and NHS Improvement published guidance.").mentions if m.known]
    assert linked == ["nhse-i"]


def test_a_joint_name_in_a_text_older_than_the_joint_body_is_its_two_bodies(gaz: Gazetteer) -> None:
    """In 2018 the two bodies announced they would work together; the joint arrangement began in 2019."""
    text = "NHS England and NHS Improvement published guidance."
    older = extract_text(parse_article(text), gaz, ArticleInfo(document_id="test-article", date="2018-03-26"))
    assert [m.id for m in older.mentions if m.known] == ["nhs-england", "nhs-improvement"]
    newer = extract_text(parse_article(text), gaz, ArticleInfo(document_id="test-article", date="2020-01-10"))
    assert [m.id for m in newer.mentions if m.known] == ["nhse-i"]


def test_a_form_to_be_known_as_a_name_is_a_body_named_not_a_form_renamed(gaz: Gazetteer) -> None:
    found = triples(run(gaz, "There shall be an integrated care board to be known as Monitor."))
    assert ("monitor", "instance_of", ICB, "fact") in found
    assert not any(r == "renamed_to" for _, r, _, _ in found)


def test_a_body_within_another_is_part_of_it(gaz: Gazetteer) -> None:
    assert ("monitor", "part_of", "nhs-england", "fact") in triples(run(gaz, "Monitor, within NHS England, will set prices."))


def test_a_fronted_within_names_no_part(gaz: Gazetteer) -> None:
    assert not _relations(gaz, "Within NHS England, Monitor sets prices.", "part_of")


@pytest.mark.parametrize("text", [
    "NHS England will performance manage integrated care boards.",
    "NHS England manages the performance of integrated care boards.",
    "Integrated care boards are overseen by NHS England.",
])
def test_a_body_overseeing_another_holds_it_to_account(gaz: Gazetteer, text: str) -> None:
    assert {(s, o) for s, o, _ in _relations(gaz, text, "accountable_to")} == {(ICB, "nhs-england")}


@pytest.mark.parametrize("text", ["Monitor has been created in NHS England.", "Monitor was set up within NHS England."])
def test_a_body_created_inside_another_is_part_of_it(gaz: Gazetteer, text: str) -> None:
    assert ("monitor", "nhs-england", "fact") in _relations(gaz, text, "part_of")


def test_created_in_a_year_is_no_part(gaz: Gazetteer) -> None:
    assert not _relations(gaz, "Monitor was created in 2004.", "part_of")
