"""An instrument's own text (its citation clause names it) does what it says; a form named with its body
("a special health authority, to be known as X") is not what is established."""

from __future__ import annotations

import pytest
from extract_fixtures import run, triples

ORDER = "This Order may be cited as the Monitor (Abolition) Order 2016 and shall come into force on 1st April 2016.\n\n"
ORDER_ID = "monitor-abolition-order-2016"


def test_an_order_citing_itself_abolishes_what_it_says_is_abolished(gaz) -> None:
    claims = triples(run(gaz, ORDER + "Monitor is hereby abolished."))
    assert (ORDER_ID, "abolishes", "monitor", "fact") in claims


def test_without_the_citation_clause_an_agentless_passive_has_no_doer(gaz) -> None:
    assert not any(r == "abolishes" for _, r, _, _ in triples(run(gaz, "Monitor is hereby abolished.")))


def test_the_body_named_after_its_form_is_what_is_established(gaz) -> None:
    text = ORDER + "There is hereby established a clinical commissioning group, to be known as the Northshire Health Authority."
    claims = triples(run(gaz, text))
    assert (ORDER_ID, "establishes", "clinical-commissioning-group", "fact") not in claims
    assert any(s == ORDER_ID and r == "establishes" and o == "northshire-health-authority" for s, r, o, _ in claims), claims


def test_an_existential_establishment_is_the_instruments_not_a_name_before_it(gaz) -> None:
    text = ORDER + "For each area named in the Health and Social Care Act 2012 there is established a clinical commissioning group."
    claims = triples(run(gaz, text))
    assert (ORDER_ID, "establishes", "clinical-commissioning-group", "fact") in claims
    assert not any(s == "health-and-social-care-act-2012" and r == "establishes" for s, r, _, _ in claims)


def test_a_term_the_interpretation_clause_defines_is_the_body(gaz) -> None:
    text = ORDER + "In this Order “the Regulator” means Monitor;\n\nThe Regulator is hereby abolished."
    result = run(gaz, text)
    assert (ORDER_ID, "abolishes", "monitor", "fact") in triples(result)
    assert [m.text for m in result.mentions if m.id == "monitor"] == ["the Regulator", "Monitor", "The Regulator"]


def test_a_definition_of_a_longer_name_is_not_the_body_it_begins_with(gaz) -> None:
    text = ORDER + "In this Order “the Order” means the Monitor (Establishment) Order 2004;\n\nThe Order is hereby revoked."
    assert not any(m.text == "The Order" and m.id == "monitor" for m in run(gaz, text).mentions)


def test_an_instrument_revoking_another_repeals_it(gaz) -> None:
    text = ORDER + "The Monitor (Establishment) Order 2004 is hereby revoked."
    assert (ORDER_ID, "repeals", "monitor-establishment-order-2004", "fact") in triples(run(gaz, text))


def test_a_footnote_number_glued_to_a_year_leaves_the_act_and_its_year() -> None:
    from nhsgraph.extract.mentions import tokenize

    words = [t.text for t in tokenize("powers under the National Health Service Act 19771 and 19771 beds")]
    assert words[6:9] == ["Act", "1977", "1"] and "19771" in words


def _by_explained_order(gaz, text: str) -> set[tuple[str, str, str]]:
    result = run(gaz, text)
    orders = {m.id for m in result.mentions if m.text.lower() in ("this order", "these regulations") and m.kind == "act"}
    return {(r, o, status) for s, r, o, status in triples(result) if s in orders}


def test_an_explanatory_notes_this_order_is_the_instrument_doing_what_it_says(gaz) -> None:
    text = "This Order establishes on 1st April 1999 Northshire Health Authority. This Order also abolishes Monitor."
    assert _by_explained_order(gaz, text) == {("establishes", "northshire-health-authority", "fact"), ("abolishes", "monitor", "fact")}
    result = run(gaz, text)
    orders = [m for m in result.mentions if m.text == "This Order"]
    assert len(orders) == 2 and len({m.id for m in orders}) == 1 and not orders[0].known  # one new instrument, said twice


def test_an_explanatory_notes_this_order_does_not_do_what_another_clause_tells_of(gaz) -> None:
    text = ("This Order amends the Order which established Northshire Health Authority. "
            "It makes amendments consequential on the establishment of clinical commissioning groups.")
    assert not _by_explained_order(gaz, text)


def test_this_order_said_late_in_a_debate_is_not_the_text_explaining_an_order(gaz) -> None:
    text = ("Mr Smith spoke first. He had doubts. Others agreed with him at length. "
            "This Order establishes Northshire Health Authority, and I oppose it.")
    assert not [m for m in run(gaz, text).mentions if m.text == "This Order"]


def test_a_body_provided_for_in_a_section_of_an_act_is_established_by_the_act(gaz) -> None:
    for text in ("Northshire Health Authority is provided for under section 5 of the Health and Social Care Act 2012.",
                 "It is a clinical commissioning group provided for in section 5 of the Health and Social Care Act 2012."):
        assert any(s == "health-and-social-care-act-2012" and r == "establishes" for s, r, _, _ in triples(run(gaz, text))), text


def test_in_names_a_doer_only_before_a_provision(gaz) -> None:
    claims = triples(run(gaz, "Monitor was established in Northshire Health Authority's offices in 2004."))
    assert not any(r == "establishes" for _, r, _, _ in claims)


def test_a_new_instruments_title_with_a_footnote_glued_to_its_year_is_found(gaz) -> None:
    text = "“the Agency” means Monitor established by the Monitor (Establishment and Constitution) Order 19992;"
    found = [(m.text, m.kind, m.known) for m in run(gaz, text).mentions if m.kind == "act"]
    assert found == [("Monitor (Establishment and Constitution) Order 1999", "act", False)]
    assert ("monitor-establishment-and-constitution-order-1999", "establishes", "monitor", "fact") in triples(run(gaz, text))


@pytest.mark.parametrize("text", ["These regulations abolish Monitor.", "1.Introduction. 2.This instrument abolishes Monitor."])
def test_a_memorandums_this_instrument_or_these_regulations_is_the_instrument(gaz, text) -> None:
    result = run(gaz, text)
    ids = {m.id for m in result.mentions if m.text.lower() in ("these regulations", "this instrument") and m.kind == "act"}
    assert {(r, o) for s, r, o, _ in triples(result) if s in ids} == {("abolishes", "monitor")}
