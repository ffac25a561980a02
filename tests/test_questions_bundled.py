"""Answers to researchers' questions on the bundled, curated data, pinned.

If a curated fact changes, these say which answer a researcher would now get differently.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from nhsgraph import queries
from nhsgraph.cli import main

KIBASI = "kibasi-lambert-five-changes-2018"
STRATEGY_UNIT = "strategy-unit-integrating-care"


def facts(answers) -> list[tuple[str, str | None, str | None]]:
    return [(a.id, a.date, a.by["id"] if a.by else None) for a in answers if a.is_fact]


def test_commissioning_bodies_pcg_pct_ccg_icb(bundled):
    assert facts(queries.replaced_by(bundled, "primary care groups", transitive=True)) == [
        ("primary-care-trust", "2000-04-01", "health-act-1999"),
        ("clinical-commissioning-group", "2013-04-01", "health-and-social-care-act-2012"),
        ("integrated-care-board", "2022-07-01", "health-and-care-act-2022"),
    ]
    # Since 2002 PCTs also replace health authorities (as commissioners), so the chain reaches back to 1948.
    assert queries.lineage(bundled, "CCG").chain() == [
        "hospital-management-committee", "family-practitioner-committee", "area-health-authority",
        "district-health-authority", "family-health-services-authority", "health-authority",
        "primary-care-group", "primary-care-trust", "clinical-commissioning-group", "integrated-care-board"]


def test_what_replaced_ccgs_keeps_the_act_apart_from_the_integrating_care_option(bundled):
    answers = queries.replaced_by(bundled, "CCGs")
    assert facts(answers) == [("integrated-care-board", "2022-07-01", "health-and-care-act-2022")]
    assert all(s["quote"] for s in answers[0].sources)
    (option,) = [a for a in answers if not a.is_fact]
    assert (option.id, option.status, option.date, option.by["id"]) == (
        "integrated-care-board", "proposed", "2020-11-26", "ics-option-2-statutory-nhs-body")
    assert {p["id"] for p in option.attributed_to} == {"nhs-england", "nhs-improvement"}


def test_ccgs_existed_from_april_2013_until_the_day_before_icbs(bundled):
    def types(day: str) -> list[str]:
        return [a.id for a in queries.as_of(bundled, day, kind="org_type")]

    assert "primary-care-trust" in types("2013-03-31") and "clinical-commissioning-group" not in types("2013-03-31")
    assert "clinical-commissioning-group" in types("2015-01-01") and "primary-care-trust" not in types("2015-01-01")
    assert "clinical-commissioning-group" in types("2022-06-30") and "clinical-commissioning-group" not in types("2022-07-01")
    assert "integrated-care-board" in types("2022-07-01")


def test_health_authorities_back_to_1974(bundled):
    assert [(a.id, a.date) for a in queries.replaced(bundled, "health authorities", transitive=True)] == [
        ("district-health-authority", "1996-04-01"), ("family-health-services-authority", "1996-04-01"),
        ("area-health-authority", "1982-04-01"), ("family-practitioner-committee", "1990"),
        ("hospital-management-committee", "1974-04"),
    ]


def test_monitor_and_the_tda_went_into_nhs_improvement_and_then_nhs_england(bundled):
    for body in ("Monitor", "NHS TDA"):
        result = queries.lineage(bundled, body)
        assert facts(result.successors) == [("nhs-england", "2022-07-01", "health-and-care-act-2022")]
        membership = [(m.id, m.date, m.until) for m in result.memberships if m.about[0]["id"] == result.entity["id"]]
        assert membership == [("nhs-improvement", "2016-04-01", "2022-07-01")]
    improvement = queries.lineage(bundled, "NHS Improvement")
    assert facts(improvement.successors) == [("nhs-england", "2022-07-01", "health-and-care-act-2022")]
    assert {(m.id, m.reads) for m in improvement.memberships if m.reads == "has part"} == {
        ("monitor", "has part"), ("nhs-trust-development-authority", "has part")}


def test_what_nhs_england_absorbed(bundled):
    assert facts(queries.replaced(bundled, "NHS England")) == [
        ("nhs-commissioning-board-authority", "2012-10-01", None),
        ("nhsx", "2022", None),
        ("monitor", "2022-07-01", "health-and-care-act-2022"),
        ("nhs-improvement", "2022-07-01", "health-and-care-act-2022"),
        ("nhs-trust-development-authority", "2022-07-01", "health-and-care-act-2022"),
        ("nhs-digital", "2023-02-01", None),
        ("health-education-england", "2023-04-01", "hee-transfer-of-functions-regulations-2023"),
    ]
    (future,) = [a for a in queries.replaced_by(bundled, "NHS England") if not a.is_fact]
    assert (future.id, future.status) == ("department-of-health-and-social-care", "announced")


def test_public_health_england_into_ukhsa_and_ohid(bundled):
    assert sorted(facts(queries.replaced_by(bundled, "PHE"))) == [
        ("office-for-health-improvement-and-disparities", "2021-10-01", None),
        ("uk-health-security-agency", "2021-10-01", None),
    ]
    assert [a.id for a in queries.as_of(bundled, "2021-09-30", kind="organisation") if a.id == "public-health-england"]
    assert not [a.id for a in queries.as_of(bundled, "2021-10-01", kind="organisation") if a.id == "public-health-england"]


def test_kibasi_and_lambert_five_changes(bundled):
    proposed = queries.proposals(bundled, by=KIBASI)
    assert [a.id for a in proposed] == [
        "kibasi-lambert-integrated-care-trusts", "kibasi-lambert-commissioning-under-one-roof",
        "kibasi-lambert-stps-as-commissioners", "kibasi-lambert-health-and-care-authorities",
        "kibasi-lambert-single-nhs-headquarters"]
    assert all(a.status == "proposed" and {p["id"] for p in a.attributed_to} == {"tom-kibasi", "toby-lambert"}
               for a in proposed)
    assert [a.id for a in queries.proposals(bundled, by="Tom Kibasi")] == [a.id for a in proposed]
    assert [(a.relation, a.about[0]["id"]) for a in queries.positions(bundled, KIBASI)] == [
        ("opposes", "health-and-social-care-act-2012"), ("supports", "kibasi-lambert-integrated-care-trusts"),
        ("supports", "kibasi-lambert-single-nhs-headquarters")]
    assert all(a.sources[0]["document"] == KIBASI and a.sources[0]["quote"] for a in queries.positions(bundled, KIBASI))


def test_strategy_unit_on_integrating_care(bundled):
    assert [a.id for a in queries.proposals(bundled, by=STRATEGY_UNIT)] == ["strategy-unit-greater-localism"]
    assert [(a.relation, a.about[0]["id"], a.status) for a in queries.positions(bundled, STRATEGY_UNIT)] == [
        ("opposes", "health-and-social-care-act-2012", "fact"), ("supports", "integrating-care-2020", "fact")]


def test_integrated_care_trusts_were_proposed_by_ippr_and_by_kibasi_and_lambert(bundled):
    assert [a.id for a in queries.proposals(bundled, about="integrated care trusts")] == [
        "ippr-2018-integrated-care-trusts", "kibasi-lambert-integrated-care-trusts"]
    assert [(a.id, a.relation) for a in queries.positions(bundled, "integrated care trusts")] == [
        (KIBASI, "supports")]


def test_cli_replaced_by_ccgs_answers_first_in_text_and_json():
    runner = CliRunner(env={"COLUMNS": "200"})
    text = runner.invoke(main, ["replaced-by", "CCGs"])
    assert text.exit_code == 0
    assert text.output.startswith("clinical commissioning group was replaced by: integrated care board (1 July 2022)")
    assert "Integrating Care option 2" in text.output and "NHS England, NHS Improvement" in text.output
    out = json.loads(runner.invoke(main, ["replaced-by", "CCGs", "--json"]).output)
    assert [(a["id"], a["status"]) for a in out["answers"]] == [
        ("integrated-care-board", "fact"), ("integrated-care-board", "proposed")]
