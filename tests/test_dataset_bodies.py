"""End-to-end checks on the bundled data: national bodies, policy proposals and positions.

These pin the facts researchers come for (who merged into whom, when, by what) and the
line between what happened (facts) and what someone wanted or announced (claims).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from click.testing import CliRunner

from nhsgraph.cli import main
from nhsgraph.dataset import Dataset
from nhsgraph.dates import PartialDate
from nhsgraph.model import Organisation, OrgType, Proposal, Statement
from nhsgraph.vocabulary import vocabulary

DATA = Path(__file__).resolve().parent.parent / "data"
JULY_2022 = PartialDate.parse("2022-07-01")
T = TypeVar("T")


def facts(dataset: Dataset, subject: str, relation: str) -> list[Statement]:
    return [s for s in dataset.statements if s.subject == subject and s.relation == relation and s.status == "fact"]


def only(items: list[T]) -> T:
    assert len(items) == 1, items
    return items[0]


def exists_on(body: Organisation, day: str) -> bool:
    """A body exists on day d iff established <= d < dissolved (dissolved = first day gone)."""
    when = PartialDate.parse(day)
    if body.established and when.certainly_before(body.established):
        return False
    return not (body.dissolved and not when.certainly_before(body.dissolved))


def test_monitor_and_tda_worked_as_nhs_improvement_then_merged_into_nhs_england(bundled: Dataset) -> None:
    for body in ("monitor", "nhs-trust-development-authority"):
        part = only(facts(bundled, body, "part_of"))
        assert (part.object, str(part.from_), str(part.until)) == ("nhs-improvement", "2016-04-01", "2022-07-01")
        merger = only(facts(bundled, body, "merges_into"))
        assert (merger.object, merger.date, merger.by) == ("nhs-england", JULY_2022, "health-and-care-act-2022")
        assert merger.sources and all(source.quote for source in merger.sources)
    nhsi = only(facts(bundled, "nhs-improvement", "merges_into"))
    assert (nhsi.object, nhsi.date, nhsi.by) == ("nhs-england", JULY_2022, "health-and-care-act-2022")
    abolished = {s.object for s in facts(bundled, "health-and-care-act-2022", "abolishes")}
    assert {"monitor", "nhs-trust-development-authority"} <= abolished


def test_nhs_improvement_is_described_as_not_a_statutory_body(bundled: Dataset) -> None:
    nhsi = bundled.resolve("NHSI")
    assert nhsi.id == "nhs-improvement"
    assert "not itself a statutory body" in (nhsi.description or "")


def test_monitor_existed_on_its_last_day_and_not_on_1_july_2022(bundled: Dataset) -> None:
    monitor = bundled.entities["monitor"]
    assert isinstance(monitor, Organisation)
    assert exists_on(monitor, "2022-06-30") and not exists_on(monitor, "2022-07-01")


def test_public_health_england_replaced_by_ukhsa_and_ohid_on_1_october_2021(bundled: Dataset) -> None:
    replaced_by = {s.subject: s for s in bundled.statements
                   if s.relation == "replaces" and s.object == "public-health-england" and s.status == "fact"}
    assert set(replaced_by) == {"uk-health-security-agency", "office-for-health-improvement-and-disparities"}
    assert {str(s.date) for s in replaced_by.values()} == {"2021-10-01"}
    phe = bundled.entities["public-health-england"]
    assert isinstance(phe, Organisation) and str(phe.dissolved) == "2021-10-01"


def test_2025_abolition_of_nhs_england_is_an_announcement_not_a_fact(bundled: Dataset) -> None:
    change_relations = {name for name, rel in vocabulary().relations.items() if rel.change_event}
    ending_nhs_england = [s for s in bundled.statements
                          if s.relation in change_relations
                          and (s.object == "nhs-england" and s.relation == "abolishes"
                               or s.subject == "nhs-england" and s.relation in ("merges_into", "renamed_to"))]
    assert ending_nhs_england, "the 2025 announcement should be recorded"
    assert all(s.status == "announced" for s in ending_nhs_england)
    assert all("keir-starmer" in s.attributed_to for s in ending_nhs_england)
    nhs_england = bundled.entities["nhs-england"]
    assert isinstance(nhs_england, Organisation) and nhs_england.dissolved is None
    proposal = bundled.entities["abolish-nhs-england-2025"]
    assert isinstance(proposal, Proposal) and proposal.status != "enacted" and proposal.outcome_by is None
    gov_uk = bundled.entities["pm-remarks-reform-of-the-state-2025"]
    assert getattr(gov_uk, "url", "").startswith("https://www.gov.uk/")


def test_integrating_care_options_are_proposals_of_nhs_england_and_nhs_improvement(bundled: Dataset) -> None:
    options = [bundled.entities[i] for i in ("ics-option-1-statutory-committee", "ics-option-2-statutory-nhs-body")]
    assert all(isinstance(option, Proposal) for option in options)
    proposals = [option for option in options if isinstance(option, Proposal)]
    for option in proposals:
        assert option.document == "integrating-care-2020" and str(option.date) == "2020-11-26"
        proposers = {s.subject for s in bundled.statements if s.relation == "proposes" and s.object == option.id}
        assert proposers == {"nhs-england", "nhs-improvement"}
    first, second = proposals
    assert first.status == "rejected"
    assert (second.status, second.outcome_by) == ("enacted", "health-and-care-act-2022")
    content = [s for s in bundled.statements if s.subject == second.id and s.relation in ("abolishes", "establishes")]
    assert content and all(s.status == "proposed" and s.attributed_to for s in content)


def test_each_corpus_article_records_a_quoted_position_of_its_authors(bundled: Dataset) -> None:
    kibasi = [s for s in bundled.statements
              if s.subject == "kibasi-lambert-five-changes-2018" and s.relation == "opposes"
              and s.object == "health-and-social-care-act-2012"]
    strategy_unit = [s for s in bundled.statements
                     if s.subject == "strategy-unit-integrating-care" and s.relation == "supports"
                     and s.object == "integrating-care-2020"]
    assert set(only(kibasi).attributed_to) == {"tom-kibasi", "toby-lambert"}
    assert only(strategy_unit).attributed_to == ["strategy-unit-integrating-care"]
    for position in (only(kibasi), only(strategy_unit)):
        assert position.status == "fact"
        assert any(source.document == position.subject and source.quote for source in position.sources)


def test_kibasi_and_lambert_five_changes_are_all_recorded_as_unenacted_proposals(bundled: Dataset) -> None:
    five = [e for e in bundled.of_kind("proposal") if isinstance(e, Proposal)
            and e.document == "kibasi-lambert-five-changes-2018"]
    assert len(five) == 5
    assert all(p.status == "proposed" and set(p.proposed_by) == {"tom-kibasi", "toby-lambert"} for p in five)


def test_every_support_or_opposition_is_a_fact_attributed_to_its_holder_with_a_quote(bundled: Dataset) -> None:
    # That the holder took the position is a fact (docs/extraction.md, "The status of a stance").
    positions = [s for s in bundled.statements if s.relation in ("supports", "opposes")]
    assert len({s.subject for s in positions}) >= 10
    for position in positions:
        assert position.status == "fact" and position.attributed_to, position
        assert any(source.quote for source in position.sources), position


def test_proposed_only_forms_are_never_established_as_fact(bundled: Dataset) -> None:
    for form_id in ("integrated-care-trust", "health-and-care-authority"):
        form = bundled.entities[form_id]
        assert isinstance(form, OrgType) and form.proposed_only and form.established is None
        establishing = [s for s in bundled.statements if s.object == form_id and s.relation == "establishes"]
        assert establishing and all(s.status == "proposed" for s in establishing)


def test_informal_names_and_former_names_resolve(bundled: Dataset) -> None:
    expected = {
        "NHSE/I": "nhs-england-and-nhs-improvement",
        "NHS Commissioning Board": "nhs-england",
        "PHE": "public-health-england",
        "HSCIC": "health-and-social-care-information-centre",
        "DHSC": "department-of-health-and-social-care",
        "NICE": "national-institute-for-health-and-care-excellence",
        "Healthcare Commission": "healthcare-commission",
        "the 2021 white paper": "integration-and-innovation-white-paper-2021",
    }
    assert {name: bundled.resolve(name).id for name in expected} == expected


def test_show_monitor_json_gives_merger_date_act_and_source() -> None:
    result = CliRunner().invoke(main, ["show", "Monitor", "--data", str(DATA), "--json"])
    assert result.exit_code == 0, result.output
    statements = json.loads(result.output)["statements"]
    merger = only([s for s in statements if s["relation"] == "merges_into"])
    assert (merger["object"]["id"], merger["date"], merger["by"]["id"]) == ("nhs-england", "2022-07-01",
                                                                             "health-and-care-act-2022")
    assert any(source["quote"] for source in merger["sources"])
