"""Terms a text defines for a name in brackets and quotation marks: "... Authority (“the BSA”)".
Sentences written for the tests."""

from __future__ import annotations

from extract_fixtures import run

from nhsgraph.extract import Gazetteer


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
