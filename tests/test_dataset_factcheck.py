"""Facts in the bundled legislation and org-type data that were checked against their sources.

Each test pins a fact that a future edit could plausibly get wrong: a statutory instrument's
number or made date, the day a change took effect (not the day of royal assent), the
"first day it no longer existed" convention for ``dissolved``, quotes that were corrected to
the source's wording, and dates deliberately kept at the precision the sources agree on.
If a test here fails after an edit, re-check the source before changing the expected value.
"""

from __future__ import annotations

import calendar

import pytest

from nhsgraph.dataset import Dataset
from nhsgraph.dates import PartialDate
from nhsgraph.model import Act, OrgType, Statement
from nhsgraph.vocabulary import vocabulary


def statement(dataset: Dataset, subject: str, relation: str, obj: str) -> Statement:
    found = [s for s in dataset.statements if (s.subject, s.relation, s.object) == (subject, relation, obj)]
    assert len(found) == 1, found
    return found[0]


def quotes(st: Statement, document: str) -> list[str]:
    return [s.quote or "" for s in st.sources if s.document == document]


@pytest.mark.parametrize(
    ("si_id", "year", "number", "made"),
    [
        ("hsca-2012-commencement-no-4-order-2013", 2013, 160, "2013-01-28"),
        ("local-authority-public-health-hwb-regulations-2013", 2013, 218, "2013-01-31"),
        ("hca-2022-consequential-regulations", 2022, 634, "2022-06-09"),
        ("hca-2022-commencement-no-2-regulations", 2022, 734, "2022-06-30"),
        ("health-authorities-act-1995-transitional-order-1996", 1996, 709, "1996-03-11"),
        ("health-authorities-establishment-and-abolition-england-order-2002", 2002, 553, "2002-03-10"),
        ("nhs-reform-2002-supplementary-regulations-2002", 2002, 2469, None),
        ("hillingdon-pct-establishment-order-2000", 2000, 209, None),
    ],
)
def test_statutory_instrument_has_its_verified_number_and_made_date(
    bundled: Dataset, si_id: str, year: int, number: int, made: str | None
) -> None:
    si = bundled.entities[si_id]
    assert isinstance(si, Act) and si.legislation_type == "uksi"
    assert (si.year, si.number) == (year, number)
    assert (str(si.made) if si.made else None) == made


def test_nhs_act_2006_and_its_companion_received_royal_assent_on_8_november_2006(bundled: Dataset) -> None:
    for act_id, chapter in [("national-health-service-act-2006", 41), ("nhs-consequential-provisions-act-2006", 43)]:
        act = bundled.entities[act_id]
        assert isinstance(act, Act) and (act.chapter, str(act.royal_assent)) == (chapter, "2006-11-08")


def test_no_structural_change_takes_effect_before_the_royal_assent_of_its_act(bundled: Dataset) -> None:
    """An Act cannot change anything before it is passed; catches an effective date typed with the wrong year."""
    change_relations = {name for name, rel in vocabulary().relations.items() if rel.change_event}
    checked = 0
    for st in bundled.statements:
        when = st.date or st.from_
        if st.relation not in change_relations or when is None:
            continue
        for act_id in {st.by, st.subject} - {None}:
            act = bundled.entities.get(act_id)  # type: ignore[arg-type]
            if isinstance(act, Act) and act.royal_assent is not None:
                assert not when.certainly_before(act.royal_assent), (st.subject, st.relation, st.object, str(when))
                checked += 1
    assert checked >= 20


def mentions_day(quote: str, day: PartialDate) -> bool:
    """True when a quote names the day: '1 April', '1st April' or the legislation.gov.uk form '1.4.2013'."""
    month = calendar.month_name[day.month or 0]
    forms = [f"{day.day}{suffix} {month}" for suffix in ("", "st", "nd", "rd", "th")]
    forms.append(f"{day.day}.{day.month}.{day.year}")
    return any(form in quote for form in forms)


def test_every_change_of_form_dated_to_a_day_has_a_quote_that_names_that_day(bundled: Dataset) -> None:
    """A day-precision effective date must be readable in a source, not inferred from an Act or section number.

    Scope: changes to organisation types (the legislation and org-type data this check covered).
    """
    change_relations = {name for name, rel in vocabulary().relations.items() if rel.change_event}
    checked = 0
    for st in bundled.statements:
        if st.relation not in change_relations or st.status != "fact":
            continue
        if not isinstance(bundled.entities.get(st.object), OrgType):
            continue
        if st.date is None or st.date.precision != "day":
            continue
        assert any(mentions_day(ref.quote or "", st.date) for ref in st.sources), (
            st.subject,
            st.relation,
            st.object,
            str(st.date),
        )
        checked += 1
    assert checked >= 25


@pytest.mark.parametrize(
    ("act", "relation", "form", "effective"),
    [
        ("national-health-service-and-community-care-act-1990", "establishes", "nhs-trust", "1991-04-01"),
        ("health-services-act-1980", "establishes", "district-health-authority", "1982-04-01"),
        ("health-authorities-act-1995", "establishes", "health-authority", "1996-04-01"),
        ("health-act-1999", "establishes", "primary-care-trust", "2000-04-01"),
        (
            "health-and-social-care-community-health-and-standards-act-2003",
            "establishes",
            "nhs-foundation-trust",
            "2004-04-01",
        ),
        ("health-and-social-care-act-2012", "establishes", "clinical-commissioning-group", "2013-04-01"),
        ("health-and-social-care-act-2012", "establishes", "health-and-wellbeing-board", "2013-04-01"),
        ("health-and-social-care-act-2012", "abolishes", "strategic-health-authority", "2013-04-01"),
        ("health-and-care-act-2022", "establishes", "integrated-care-board", "2022-07-01"),
        ("health-and-care-act-2022", "establishes", "integrated-care-partnership", "2022-07-01"),
        ("health-and-care-act-2022", "establishes", "statutory-integrated-care-system", "2022-07-01"),
    ],
)
def test_change_is_dated_to_the_day_it_took_effect_not_royal_assent(
    bundled: Dataset, act: str, relation: str, form: str, effective: str
) -> None:
    st = statement(bundled, act, relation, form)
    assent = bundled.entities[act]
    assert isinstance(assent, Act) and assent.royal_assent is not None
    assert str(st.date) == effective != str(assent.royal_assent)
    assert (st.by, st.status) == (act, "fact") and st.sources


@pytest.mark.parametrize(
    ("form", "dissolved"),
    [
        ("area-health-authority", "1982-04-01"),
        ("regional-health-authority", "1996-04-01"),
        ("district-health-authority", "1996-04-01"),
        ("family-health-services-authority", "1996-04-01"),
        ("primary-care-group", "2002-04-01"),
        ("health-authority", "2002-10-01"),
        ("primary-care-trust", "2013-04-01"),
        ("strategic-health-authority", "2013-04-01"),
        ("sustainability-and-transformation-partnership", "2021-04-01"),
        ("clinical-commissioning-group", "2022-07-01"),
        ("integrated-care-system", "2022-07-01"),
    ],
)
def test_dissolved_is_the_first_day_the_form_no_longer_existed(bundled: Dataset, form: str, dissolved: str) -> None:
    """PCTs existed on 31 March 2013 and not on 1 April 2013, so ``dissolved`` is 2013-04-01, never 2013-03-31."""
    entity = bundled.entities[form]
    assert isinstance(entity, OrgType) and str(entity.dissolved) == dissolved


def test_every_dissolved_form_has_a_change_statement_ending_it_that_day(bundled: Dataset) -> None:
    """A ``dissolved`` date with no abolition, replacement or rename on the same day is an unsupported date."""
    ending = {"abolishes", "replaces", "renamed_to"}
    for form in bundled.of_kind("org_type"):
        if not isinstance(form, OrgType) or form.dissolved is None:
            continue
        ends = [
            st.date or st.until
            for st in bundled.statements
            if st.relation in ending
            and st.status == "fact"
            and (
                (st.relation == "renamed_to" and st.subject == form.id)
                or (st.relation != "renamed_to" and st.object == form.id)
            )
        ]
        assert form.dissolved in ends, (form.id, str(form.dissolved), [str(e) for e in ends])


def test_uncertain_dates_keep_only_the_precision_the_sources_agree_on(bundled: Dataset) -> None:
    """No invented days: 1974 is 1 or 5 April depending on the source; the FHSA appointed day is unconfirmed."""
    for form in ("regional-health-authority", "area-health-authority"):
        entity = bundled.entities[form]
        assert isinstance(entity, OrgType) and entity.established is not None
        assert (str(entity.established), entity.established.precision) == ("1974-04", "month")
    fhsa = bundled.entities["family-health-services-authority"]
    assert isinstance(fhsa, OrgType) and fhsa.established is not None and fhsa.established.precision == "year"
    rename = statement(bundled, "family-practitioner-committee", "renamed_to", "family-health-services-authority")
    assert rename.date is not None and rename.date.precision == "year"
    # The first wave of ICSs (shadow ACSs from June 2017) was formally designated for 2018-19: year only.
    ics = bundled.entities["integrated-care-system"]
    assert isinstance(ics, OrgType) and ics.established is not None
    assert (str(ics.established), ics.established.precision) == ("2018", "year")


def test_section_33_quote_is_the_enacted_wording(bundled: Dataset) -> None:
    st = statement(bundled, "health-and-social-care-act-2012", "abolishes", "strategic-health-authority")
    (ref,) = [s for s in st.sources if s.document == "health-and-social-care-act-2012"]
    assert ref.locator == "section 33(1)"
    assert ref.quote == (
        "The Strategic Health Authorities continued in existence or established under section 13 "
        "of the National Health Service Act 2006 are abolished."
    )


def test_kings_fund_quotes_use_the_pages_wording(bundled: Dataset) -> None:
    """Two quotes were paraphrased ('(and before them STPs)', a dash for a comma); they now match the page."""
    all_quotes = [ref.quote or "" for entity in bundled.entities.values() for ref in entity.sources]
    all_quotes += [ref.quote or "" for st in bundled.statements for ref in st.sources]
    assert not any("(and before them STPs)" in q or "(STPs) –" in q for q in all_quotes)
    stp = bundled.entities["sustainability-and-transformation-partnership"]
    assert (
        "Despite being effectively mandated by NHS England and NHS Improvement, ICSs and STPs are currently "
        "voluntary partnerships as they have no basis in legislation and no formal powers or accountabilities."
    ) in [ref.quote for ref in stp.sources if ref.document == "kingsfund-ics-explained"]


def test_district_health_authorities_order_is_si_1981_1838(bundled: Dataset) -> None:
    st = statement(bundled, "health-services-act-1980", "establishes", "district-health-authority")
    assert st.note is not None and "S.I. 1981/1838" in st.note
    (quote,) = quotes(st, "hansard-1982-02-18-nhs-orders")
    assert "(S.I., 1981, No. 1838), dated 21st December 1981" in quote


def test_nhs_england_is_a_source_for_ccgs_replacing_pcts_on_1_april_2013(bundled: Dataset) -> None:
    st = statement(bundled, "clinical-commissioning-group", "replaces", "primary-care-trust")
    assert str(st.date) == "2013-04-01"
    assert any("replaced primary care trusts on 1 April 2013" in q for q in quotes(st, "nhse-ccgs-and-icss"))


def test_commissioning_support_units_started_work_on_1_april_2013(bundled: Dataset) -> None:
    csu = bundled.entities["commissioning-support-unit"]
    assert isinstance(csu, OrgType) and str(csu.established) == "2013-04-01"
    assert any("started work on 1 April" in (ref.quote or "") for ref in csu.sources)


def test_every_day_precision_period_of_a_form_is_named_in_a_quote_about_it(bundled: Dataset) -> None:
    """``established``/``dissolved`` to the day must be readable in a quote on the form or a statement about it."""
    checked = 0
    for form in bundled.of_kind("org_type"):
        assert isinstance(form, OrgType)
        quotes = [ref.quote or "" for ref in form.sources]
        quotes += [ref.quote or "" for st in bundled.statements_about(form.id) for ref in st.sources]
        for day in (form.established, form.dissolved):
            if day is not None and day.precision == "day":
                assert any(mentions_day(q, day) for q in quotes), (form.id, str(day))
                checked += 1
    assert checked >= 20
