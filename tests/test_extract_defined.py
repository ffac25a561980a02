"""Terms a text defines for a name in brackets: "... Authority (“the BSA”)", "... Forums (PPIfs)".
Sentences written for the tests."""

from __future__ import annotations

import pytest
from extract_fixtures import run

from nhsgraph.extract import Gazetteer
from nhsgraph.extract.defined import abbreviates


def test_a_defined_term_is_a_mention_of_the_body_it_was_defined_for(gaz: Gazetteer) -> None:
    text = "Functions pass from NHS Improvement (“the Regulator”) to others. NHS England replaced the Regulator."
    result = run(gaz, text)
    assert [(m.text, m.id) for m in result.mentions if m.rule == "defined-term"] == [
        ("the Regulator", "nhs-improvement"), ("the Regulator", "nhs-improvement")]
    assert any(c.relation == "replaces" and c.object.id == "nhs-improvement" for c in result.claims)


def test_a_term_not_defined_in_the_text_stays_unlinked(gaz: Gazetteer) -> None:
    text = "NHS Improvement published guidance. The Regulator is abolished."
    assert not any(m.rule == "defined-term" for m in run(gaz, text).mentions)


def test_a_defined_acronym_replaces_a_likely_new_name(gaz: Gazetteer) -> None:
    """"BSA" alone looks like a new body's acronym; defined for a known body, it is that body."""
    text = "Staff of Monitor (“MNTR”) moved. MNTR closed in 2016."
    mentions = [(m.text, m.id, m.known) for m in run(gaz, text).mentions if "MNTR" in m.text]
    assert mentions == [("MNTR", "monitor", True), ("MNTR", "monitor", True)]


def test_an_acronym_in_brackets_is_a_term_for_the_name_it_abbreviates(gaz: Gazetteer) -> None:
    """"Patient Liaison Panel (PLP)": unquoted, the acronym of the name before it is its term."""
    text = "Ministers created the Patient Liaison Panel (PLP) in 2003. The PLP was abolished in 2008."
    mentions = [(m.text, m.id) for m in run(gaz, text).mentions if m.text == "PLP"]
    assert mentions == [("PLP", "patient-liaison-panel"), ("PLP", "patient-liaison-panel")]


def test_a_bracketed_word_that_does_not_abbreviate_the_name_is_no_term(gaz: Gazetteer) -> None:
    text = "Monitor (Regulation) published guidance. Regulation was praised."
    assert not any(m.rule == "defined-term" for m in run(gaz, text).mentions)


def test_nhs_in_brackets_is_not_a_term_for_one_body(gaz: Gazetteer) -> None:
    """"The National Health Service (NHS)": NHS is a word of many names, not a term for one body."""
    text = "Ministers reviewed the National Health Service (NHS). The NHS will change."
    assert not any(m.rule == "defined-term" for m in run(gaz, text).mentions)


@pytest.mark.parametrize(("acronym", "name", "expected"), [
    ("PPIfs", "Patient and Public Involvement Forums", True),  # small words skipped, a plural s
    ("NHSBT", "NHS Blood and Transplant", True),  # a word given whole
    ("CQC", "Care Quality Commission", True),
    ("TDA", "NHS Trust Development Authority", False),  # a word left out
    ("Wales", "NHS Wales", False),
])
def test_an_acronym_is_made_of_the_starts_of_every_word_of_the_name(acronym: str, name: str, expected: bool) -> None:
    assert abbreviates(acronym, name) is expected
