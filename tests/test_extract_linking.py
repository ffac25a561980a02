"""Linking names to the data where a name alone is not enough: Bills of the same name, names that are
common phrases, and page titles that are just the name of a form. Sentences written for the tests."""

from __future__ import annotations

import pytest
from extract_fixtures import gazetteer, run

from nhsgraph.extract import ArticleInfo, Extraction, Gazetteer, extract_text
from nhsgraph.extract.gazetteer import informal_names
from nhsgraph.extract.text import parse_article

EXTRA = """\
org_types:
  - id: integrated-care-system
    label: integrated care system
    aliases: [ICS]
    sources: [source-doc]
documents:
  - id: ics-explainer-page
    label: "Integrated care systems (ICSs) - who does what"
    document_type: web_page
"""


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return gazetteer(tmp_path_factory.mktemp("gaz"), EXTRA)


def _with_acts(acts: list[tuple[str, str, int]]) -> Gazetteer:
    gaz = Gazetteer()
    for act_id, label, year in acts:
        gaz.add(act_id, "act", label, label)
        for name in informal_names("act", label, year):
            gaz.add(act_id, "act", label, name, generated=True)
        gaz.years[act_id] = year
    return gaz


def _linked(result: Extraction, text: str) -> dict[str, str]:
    return {text[m.start:m.end]: m.id for m in result.mentions if m.known}


def _dated(gaz: Gazetteer, text: str, date: str | None) -> Extraction:
    info = ArticleInfo(document_id="test-article", title="Test article", date=date)
    return extract_text(parse_article(text, ".txt"), gaz, info)


def test_bill_named_like_several_acts_links_to_the_act_passed_soon_after_the_article(gaz: Gazetteer) -> None:
    text = "MPs debated the Health and Social Care Bill on Monday."
    assert _linked(_dated(gaz, text, "2011-02"), text)["Health and Social Care Bill"] == "health-and-social-care-act-2012"
    assert _linked(_dated(gaz, text, "2007"), text)["Health and Social Care Bill"] == "health-and-social-care-act-2008"


def test_bill_named_like_several_acts_stays_unlinked_long_before_them(gaz: Gazetteer) -> None:
    text = "MPs debated the Health and Social Care Bill on Monday."
    assert "Health and Social Care Bill" not in _linked(_dated(gaz, text, "1990"), text)


def test_undated_title_several_acts_bear_lists_them_all_and_guesses_the_latest_weakly(gaz: Gazetteer) -> None:
    """No date to tell which Act: still a mention of a known Act (not a new entity), with every Act of
    that title as a candidate and a confidence a reviewer will question."""
    text = "MPs debated the Health and Social Care Bill on Monday."
    mention = next(m for m in _dated(gaz, text, None).mentions if m.text == "Health and Social Care Bill")
    assert mention.known and mention.id == "health-and-social-care-act-2012"
    assert set(mention.candidates) == {"health-and-social-care-act-2012", "health-and-social-care-act-2008"}
    assert mention.confidence < 0.5


def test_act_title_without_year_is_the_latest_act_of_that_title_passed_by_the_articles_date(gaz: Gazetteer) -> None:
    text = "Under the Health and Social Care Act, commissioning changed."
    assert _linked(_dated(gaz, text, "2010"), text)["Health and Social Care Act"] == "health-and-social-care-act-2008"
    assert _linked(_dated(gaz, text, "2014"), text)["Health and Social Care Act"] == "health-and-social-care-act-2012"
    assert "Health and Social Care Act" not in _linked(_dated(gaz, text, "2005"), text)


def test_act_title_followed_by_another_year_is_not_the_act_of_that_title(gaz: Gazetteer) -> None:
    """"Health and Social Care Act 2001" when the data holds only the 2008 and 2012 Acts is a third Act."""
    text = "The Health and Social Care Act 2001 set up new trusts."
    mention = next(m for m in _dated(gaz, text, "2010").mentions if m.text.startswith("Health and Social Care Act"))
    assert (mention.text, mention.known) == ("Health and Social Care Act 2001", False)


def test_title_in_the_article_title_dates_the_article(gaz: Gazetteer) -> None:
    text = "MPs debated the Health and Social Care Bill on Monday."
    info = ArticleInfo(document_id="test-article", title="Health and Social Care Bill (Commons, 26 November 2007)")
    assert _linked(extract_text(parse_article(text, ".txt"), gaz, info), text)["Health and Social Care Bill"] == "health-and-social-care-act-2008"


@pytest.mark.parametrize("text", [
    "The Local Government and Public Involvement in Social Care Act 2007 set up local involvement networks.",
    "Powers under the Health and Social Care Act passed in 2001 were used.",
])
def test_end_of_a_longer_act_title_is_not_the_act_with_that_shorter_title(text: str) -> None:
    """"Social Care Act" at the end of an Act title the data lacks is not the data's "Social Care Act 2014"."""
    gaz = _with_acts([("social-care-act-2014", "Social Care Act 2014", 2014)])
    assert "social-care-act-2014" not in {m.id for m in _dated(gaz, text, "2015").mentions}


def test_short_act_title_after_the_or_a_heading_line_still_links() -> None:
    gaz = _with_acts([("social-care-act-2014", "Social Care Act 2014", 2014)])
    for text in ["Under the Social Care Act, councils assess needs.", "Reform plans\nSocial Care Act: what changes"]:
        assert "social-care-act-2014" in {m.id for m in _dated(gaz, text, "2015").mentions}


def test_dateline_under_the_title_dates_the_article(gaz: Gazetteer) -> None:
    text = "Second reading\n\n1 February 2011\n\nMPs debated the Health and Social Care Bill on Monday."
    assert _linked(_dated(gaz, text, None), text)["Health and Social Care Bill"] == "health-and-social-care-act-2012"


def test_lower_case_common_phrase_is_not_the_organisation_of_that_name(gaz: Gazetteer) -> None:
    text = "Competition between NHS providers will end. NHS Providers welcomed this."
    linked = [(text[m.start:m.end], m.id) for m in run(gaz, text).mentions if m.known]
    assert linked == [("NHS Providers", "nhs-providers")]


def test_form_named_with_its_acronym_links_the_form_not_a_page_titled_after_it(gaz: Gazetteer) -> None:
    text = "Integrated care systems (ICSs) bring bodies together. See Integrated care systems (ICSs) - who does what."
    linked = [(text[m.start:m.end], m.id) for m in run(gaz, text).mentions if m.known]
    assert ("Integrated care systems", "integrated-care-system") in linked
    assert ("Integrated care systems (ICSs) - who does what", "ics-explainer-page") in linked
    assert all(i != "ics-explainer-page" for t, i in linked if not t.endswith("what"))


def test_an_acronym_ending_in_s_is_not_found_in_a_shorter_word() -> None:
    """"ACS" (accountable care system) would be "AC" in the singular; "AC" is another body's acronym."""
    gaz = Gazetteer()
    gaz.add("accountable-care-system", "org_type", "accountable care system", "ACS")
    gaz.add("clinical-commissioning-group", "org_type", "clinical commissioning group", "CCG")
    found = {m.text: m.id for m in gaz.find("The AC met. One ACS and two CCGs. NEW CCGS were formed.")}
    assert found == {"ACS": "accountable-care-system", "CCGs": "clinical-commissioning-group", "CCGS": "clinical-commissioning-group"}


def test_long_form_of_nhs_links_the_body_not_a_shorter_name_inside_it(gaz: Gazetteer) -> None:
    """Older Hansard and official texts spell out "National Health Service": "National Health Service
    Improvement" is NHS Improvement, not a mention of a shorter name inside it."""
    text = "The National Health Service Improvement board met."
    assert _linked(run(gaz, text), text) == {"National Health Service Improvement": "nhs-improvement"}


@pytest.mark.parametrize(("text", "linked"), [
    ("The Clinical Commissioning Group published its plan.", {}),  # one body, named by its form
    ("Clinical Commissioning Groups published plans.", {"Clinical Commissioning Groups": "clinical-commissioning-group"}),
    ("Each clinical commissioning group published a plan.", {"clinical commissioning group": "clinical-commissioning-group"}),
    ("It became a Clinical Commissioning Group.", {"Clinical Commissioning Group": "clinical-commissioning-group"}),
])
def test_a_forms_singular_capitalised_name_after_the_names_one_body_not_the_form(gaz: Gazetteer, text: str, linked: dict[str, str]) -> None:
    assert _linked(run(gaz, text), text) == linked


@pytest.mark.parametrize(("text", "title"), [
    ("That the draft Legislative Reform (Clinical Commissioning Groups) Order 2014 be approved.",
     "Legislative Reform (Clinical Commissioning Groups) Order 2014"),
    ("The Example (Transfer of Functions, Abolition and Transitional Provisions) Regulations 2023 were laid.",
     "Example (Transfer of Functions, Abolition and Transitional Provisions) Regulations 2023"),
    ("The National Health Service (Primary Care) Bill was debated.", "National Health Service (Primary Care) Bill"),
])
def test_an_instruments_or_bills_title_is_one_new_act_not_the_names_inside_it(gaz: Gazetteer, text: str, title: str) -> None:
    mentions = run(gaz, text).mentions
    assert [(m.text, m.kind, m.known) for m in mentions] == [(title, "act", False)]


def test_the_bill_alone_is_a_reference_not_a_title(gaz: Gazetteer) -> None:
    assert not any(m.kind == "act" for m in run(gaz, "The Bill was debated. This Bill would abolish them.").mentions)


def test_an_ampersand_names_what_and_names(gaz):
    result = run(gaz, "The Health & Social Care Act 2012 abolished primary care trusts.")
    assert ("Health & Social Care Act 2012", "health-and-social-care-act-2012") in [(m.text, m.id) for m in result.mentions]


def test_a_trust_is_found_by_the_legal_name_its_establishment_order_uses():
    from nhsgraph.extract.gazetteer import informal_names

    assert "Isle of Wight National Health Service Trust" in informal_names("organisation", "Isle of Wight NHS Trust")
    assert "Example National Health Service Foundation Trust" in informal_names("organisation", "Example NHS Foundation Trust")


def test_an_act_titled_national_health_service_is_also_found_by_its_nhs_short_form() -> None:
    gaz = _with_acts([("nhs-act-1977", "National Health Service Act 1977", 1977),
                      ("nhs-act-2006", "National Health Service Act 2006", 2006),
                      ("reform-act-2002", "National Health Service Reform and Health Care Professions Act 2002", 2002)])
    text = "The NHS Reform and Health Care Professions Bill amends the NHS Act."
    assert _linked(_dated(gaz, text, "2001-11-01"), text) == {
        "NHS Reform and Health Care Professions Bill": "reform-act-2002", "NHS Act": "nhs-act-1977"}
    assert _linked(_dated(gaz, "Section 14Z of the NHS Act.", "2012-05-01"), "Section 14Z of the NHS Act.") == {
        "NHS Act": "nhs-act-2006"}


def test_a_plural_possessive_name_is_found_without_its_apostrophe() -> None:
    assert "patients forum" in informal_names("org_type", "patients’ forum")
    assert "Patients Association" in informal_names("organisation", "Patients' Association")
    assert not any("Georges" in name for name in informal_names("organisation", "St George's Hospital"))  # not a plural


TRUSTS = """\
organisations:
  - {id: ods/trust/aa1, label: Riverside Hospitals NHS Foundation Trust, sources: [source-doc]}
  - {id: ods/trust/bb2, label: Hillside NHS Foundation Trust, sources: [source-doc]}
  - {id: ods/trust/bb9, label: Hillside NHS Trust, sources: [source-doc]}
"""


def test_a_foundation_trust_is_found_by_its_name_as_an_nhs_trust_unless_another_body_bears_it(tmp_path) -> None:
    gaz = gazetteer(tmp_path, TRUSTS)
    text = "Riverside Hospitals NHS Trust and Hillside NHS Trust merged."
    assert _linked(run(gaz, text), text) == {"Riverside Hospitals NHS Trust": "ods/trust/aa1", "Hillside NHS Trust": "ods/trust/bb9"}


def test_a_new_trust_name_holding_a_known_place_names_one_new_trust_not_the_place(tmp_path) -> None:
    gaz = gazetteer(tmp_path, """\
organisations:
  - {id: devon-stp, label: Devon STP, aliases: [Devon], sources: [source-doc]}
org_types:
  - {id: nhs-trust, label: NHS trust, sources: [source-doc]}
""")
    text = "Ministers established South Devon Health Care NHS Trust."
    result = run(gaz, text)
    assert "devon-stp" not in _linked(result, text).values()
    assert [m.text for m in result.mentions if not m.known] == ["South Devon Health Care NHS Trust"]
    assert _linked(run(gaz, "Devon agreed the plan."), "Devon agreed the plan.") == {"Devon": "devon-stp"}


def test_a_long_instrument_title_with_a_welsh_name_in_brackets_is_found() -> None:
    title = "NHS Blood and Transplant (Gwaed a Thrawsblaniadau'r GIG) (Establishment and Constitution) Order 2005"
    gaz = _with_acts([("nhsbt-order-2005", f"The {title}", 2005)])
    text = f"“NHSBT” means NHS Blood and Transplant established by the {title}."
    assert _linked(_dated(gaz, text, None), text).get(title) == "nhsbt-order-2005"
