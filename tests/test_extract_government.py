"""The government's voice and changes of membership, on sentences written for the tests: a minister
speaking on his own Bill ("we will abolish X" is the Bill's content) and a body that becomes part of
another body (a merger, not a component)."""

from __future__ import annotations

import pytest
from extract_fixtures import gazetteer, run, triples

from nhsgraph.extract import Gazetteer

ICB, CCG = "integrated-care-board", "clinical-commissioning-group"
ACT_2012 = "health-and-social-care-act-2012"
BILL = "The Lansley Act was a Bill in 2011. I will explain what the Bill does. "



@pytest.mark.parametrize("sentence", [
    "That is why we will abolish CCGs and establish integrated care boards.",
    "We will also abolish CCGs, and we are going to establish integrated care boards.",
    "I intend to abolish CCGs; I will establish integrated care boards.",
])
def test_ministers_we_will_is_what_the_named_bill_proposes(gaz, sentence):
    assert triples(run(gaz, BILL + sentence)) == {(ACT_2012, "abolishes", CCG, "proposed"), (ACT_2012, "establishes", ICB, "proposed")}


def test_we_will_without_a_bill_named_stays_the_articles_forecast(gaz):
    # no Bill in the text: nothing to give the change to but the article, as before
    assert triples(run(gaz, "We will abolish CCGs.")) == {("test-article", "abolishes", CCG, "predicted")}


def test_we_will_after_the_bill_became_law_is_not_given_to_it(gaz):
    text = "The Lansley Act was a Bill in 2011. The Bill received Royal Assent. We will abolish CCGs."
    assert not {t for t in triples(run(gaz, text)) if t[0] == ACT_2012}


@pytest.mark.parametrize("sentence", [
    "We will encourage NHS England to set up integrated care boards.",  # NHS England would do it, not the Bill
    "Monitor said that we will abolish CCGs.",                          # a quoted speaker's "we"
    "We will support integrated care boards.",                          # a stance is the speaker's, not the Bill's
])
def test_we_that_does_not_do_the_change_gives_the_bill_nothing(gaz, sentence):
    assert not {t for t in triples(run(gaz, BILL + sentence)) if t[0] == ACT_2012}


def test_body_becoming_part_of_another_body_merges_into_it(gaz):
    result = run(gaz, "Monitor and NHS Improvement will become part of NHS England.")
    assert triples(result) == {("monitor", "merges_into", "nhs-england", "predicted"),
                               ("nhs-improvement", "merges_into", "nhs-england", "predicted")}


def test_being_part_of_a_body_is_not_a_merger(gaz):
    result = run(gaz, "Monitor is part of NHS England.")
    assert triples(result) == {("monitor", "part_of", "nhs-england", "fact")}


def test_form_becoming_part_of_a_form_stays_part_of(gaz):
    result = run(gaz, "Clinical commissioning groups became part of integrated care boards.")
    assert {t[1] for t in triples(result)} == {"part_of"}


@pytest.mark.parametrize("sentence", [
    "NHS England blocked reforms such as commissioning support units for Monitor.",
    "Monitor asked for funding support for NHS England.",
])
def test_bare_verb_after_an_ing_word_is_a_noun_not_a_stance(gaz, sentence):
    assert not {t for t in triples(run(gaz, sentence)) if t[1] == "supports"}


def test_bare_verb_after_a_modal_or_a_name_is_still_a_stance(gaz):
    assert triples(run(gaz, "Monitor will always support NHS England.")) == {("monitor", "supports", "nhs-england", "predicted")}
    assert triples(run(gaz, "Monitor and NHS Providers support NHS England.")) == {
        ("monitor", "supports", "nhs-england", "fact"), ("nhs-providers", "supports", "nhs-england", "fact")}
    assert ("nhs-providers", "supports", ICB, "fact") in triples(run(gaz, "NHS Providers, being keen, support integrated care boards."))


def test_agentless_forecast_in_a_debate_on_a_bill_is_what_the_bill_will_do(gaz):
    # the patient is found before the relative clause, and the speaker's "will" stays a forecast
    text = BILL + "CCGs, which cover smaller areas than integrated care boards, will be abolished next year."
    assert triples(run(gaz, text)) == {(ACT_2012, "abolishes", CCG, "predicted")}


def test_agentless_forecast_without_a_bill_named_gives_no_claim(gaz):
    assert triples(run(gaz, "CCGs, which cover smaller areas than integrated care boards, will be abolished next year.")) == set()


def test_passive_with_a_named_doer_takes_its_patient_before_the_relative_clause(gaz):
    text = "CCGs, which Monitor oversaw for years, were abolished by NHS England."
    assert ("nhs-england", "abolishes", CCG, "fact") in triples(run(gaz, text))


DEPARTMENT = """\
organisations:
  - id: example-department
    label: Department of Widgets
    sector: government
    sources: [source-doc]
  - id: example-parliament
    label: Example Parliament
    sector: parliament
    sources: [source-doc]
"""


@pytest.fixture(scope="module")
def gaz_with_department(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return gazetteer(tmp_path_factory.mktemp("gaz"), DEPARTMENT)


def test_a_departments_own_text_says_we_for_the_department(gaz_with_department):
    result = run(gaz_with_department, "We have established integrated care boards.", authors=("Department of Widgets",))
    assert triples(result) == {("example-department", "establishes", ICB, "fact")}


def test_parliament_is_not_government_so_its_we_is_not_a_department(gaz_with_department):
    result = run(gaz_with_department, "We have established integrated care boards.", authors=("Example Parliament",))
    assert not {t for t in triples(result) if t[0] == "example-parliament"}


def test_the_secretary_of_state_alone_is_the_department_the_text_names(gaz_with_department):
    text = ("The Secretary of State for Widgets made a statement. "
            "Integrated care boards will be established by the Secretary of State.")
    found = {t[:3] for t in triples(run(gaz_with_department, text))}
    assert ("example-department", "establishes", ICB) in found


def test_the_secretary_of_state_alone_is_nobody_when_no_department_is_named(gaz_with_department):
    assert triples(run(gaz_with_department, "Integrated care boards will be established by the Secretary of State.")) == set()


def test_the_bare_post_is_no_mention_of_the_department(gaz_with_department):
    text = "The Secretary of State for Widgets spoke. The Secretary of State agreed."
    assert [m.id for m in run(gaz_with_department, text).mentions if m.known] == []


def test_a_body_called_new_in_a_departments_own_text_is_one_it_is_setting_up(gaz_with_department):
    result = run(gaz_with_department, "The new NHS Improvement will support trusts.", authors=("Department of Widgets",))
    assert ("example-department", "establishes", "nhs-improvement", "announced") in triples(result)


def test_a_body_called_new_in_a_debate_on_a_bill_is_what_the_bill_would_set_up(gaz):
    assert (ACT_2012, "establishes", "nhs-improvement", "proposed") in triples(run(gaz, BILL + "The new NHS Improvement will support trusts."))


def test_a_body_called_new_in_an_ordinary_article_is_no_claim(gaz):
    assert not {t for t in triples(run(gaz, "The new NHS Improvement will support trusts.")) if t[1] == "establishes"}


def test_a_clause_heading_is_what_the_bill_would_do_even_before_the_bill_is_named(gaz):
    text = "Clause 7 - Abolition of Monitor\n\nHealth and Social Care Bill - in a Public Bill Committee on 21 September 2011.\n"
    assert (ACT_2012, "abolishes", "monitor", "proposed") in triples(run(gaz, text))


def test_an_abolition_without_a_doer_outside_a_heading_is_no_claim_of_the_bill(gaz):
    text = "The Lansley Act was a Bill in 2011. The abolition of Monitor was discussed."
    assert not {t for t in triples(run(gaz, text)) if t[0] == ACT_2012}


MINISTER_SPEAKS = """HC Deb 10 May 2031 vol 999 cc1-9
The Secretary of State for Widgets (Mrs. Jane Roe)

I announced to the House last week my intention to abolish clinical commissioning groups.

Mr. Tom Other (Anytown)

I propose to abolish clinical commissioning groups too.
"""


def test_a_ministers_own_announced_change_in_a_debate_is_the_departments(gaz_with_department):
    result = triples(run(gaz_with_department, MINISTER_SPEAKS))
    assert ("jane-roe", "leads", "example-department", "fact") in result
    assert ("example-department", "abolishes", CCG, "announced") in result
    # another member's "I propose" is not the department's, nor the record's
    assert not [t for t in result if t[1] == "abolishes" and t[0] != "example-department"]


DEPARTMENTS_OF_HEALTH = """\
organisations:
  - {id: dhss, label: Department of Health and Social Security, sector: government, established: 1968-11, dissolved: 1988-07-25, sources: [source-doc]}
  - {id: dh, label: Department of Health, sector: government, established: 1988-07-25, dissolved: 2018-01-08, sources: [source-doc]}
  - {id: dhsc, label: Department of Health and Social Care, sector: government, established: 2018-01-08, sources: [source-doc]}
"""


@pytest.mark.parametrize(("date", "department"), [("1985-06-01", "dhss"), ("1988-11-01", "dh"), ("2001-07-01", "dh"), ("2021-02-11", "dhsc")])
def test_the_department_in_a_text_naming_none_is_the_health_department_of_its_year(tmp_path, date, department):
    from nhsgraph.extract import ArticleInfo, extract_text
    from nhsgraph.extract.text import parse_article

    gaz = gazetteer(tmp_path, DEPARTMENTS_OF_HEALTH)
    text = "The Department announced the abolition of CCGs."
    result = extract_text(parse_article(text), gaz, ArticleInfo(document_id="test-article", date=date))
    assert ("The Department", department) in [(m.text, m.id) for m in result.mentions]
    assert (department, "abolishes", CCG) in {(s, r, o) for s, r, o, _ in triples(result)}


def test_the_department_of_an_undated_text_naming_none_stays_unresolved(tmp_path):
    gaz = gazetteer(tmp_path, DEPARTMENTS_OF_HEALTH)
    assert not [m for m in run(gaz, "The Department announced the abolition of CCGs.").mentions if m.known and m.text == "The Department"]


def test_a_body_outside_government_announcing_a_change_is_not_its_doer(tmp_path):
    gaz = gazetteer(tmp_path, DEPARTMENTS_OF_HEALTH)
    assert not {t for t in triples(run(gaz, "NHS Providers announced the abolition of CCGs.")) if t[0] == "nhs-providers"}
    assert ("dh", "abolishes", CCG, "announced") in triples(run(gaz, "The Department of Health announced the abolition of CCGs."))
