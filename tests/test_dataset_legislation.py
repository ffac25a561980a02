"""The bundled data: Acts and organisation types, checked end to end.

Researchers rely on these answers: what replaced or abolished a form of NHS body, when,
under which Act, and on what source. Each test loads the real ``data/`` folder, finds the
entity by a name people actually type, and checks the statement and its source.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TypeVar

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

import nhsgraph
from nhsgraph.cli import main
from nhsgraph.dataset import Dataset
from nhsgraph.model import ENTITY_MODELS, Act, OrgType, Statement
from nhsgraph.vocabulary import vocabulary

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"

T = TypeVar("T")

AGREED_ACTS = {
    # id: (year, chapter, royal assent or None where not recorded)
    "national-health-service-act-1946": (1946, 81, "1946-11-06"),
    "national-health-service-reorganisation-act-1973": (1973, 32, "1973-07-05"),
    "health-services-act-1980": (1980, 53, "1980-08-08"),
    "national-health-service-and-community-care-act-1990": (1990, 19, "1990-06-29"),
    "health-authorities-act-1995": (1995, 17, "1995-06-28"),
    "health-act-1999": (1999, 8, "1999-06-30"),
    "nhs-reform-and-health-care-professions-act-2002": (2002, 17, "2002-06-25"),
    "health-and-social-care-community-health-and-standards-act-2003": (2003, 43, "2003-11-20"),
    "national-health-service-act-2006": (2006, 41, "2006-11-08"),
    "health-and-social-care-act-2008": (2008, 14, "2008-07-21"),
    "health-and-social-care-act-2012": (2012, 7, "2012-03-27"),
    "health-and-care-act-2022": (2022, 31, "2022-04-28"),
}


def incoming(dataset: Dataset, entity_id: str, relation: str) -> list[Statement]:
    """Facts ``X relation entity`` (the entity read as the object); proposals and claims are not counted."""
    return [s for s in dataset.statements if s.object == entity_id and s.relation == relation and s.status == "fact"]


def only(items: list[T]) -> T:
    assert len(items) == 1, items
    return items[0]


def test_bundled_data_has_no_errors_and_no_warnings() -> None:
    dataset = nhsgraph.load(DATA, strict=False)
    assert [p.format() for p in dataset.problems] == []


@pytest.mark.parametrize(
    ("name", "act", "when", "source"),
    [
        ("primary care trusts", "health-and-social-care-act-2012", "2013-04-01", "bma-structure-of-the-new-nhs"),
        ("SHAs", "health-and-social-care-act-2012", "2013-04-01", "health-and-social-care-act-2012"),
        ("CCGs", "health-and-care-act-2022", "2022-07-01", "nhse-integrated-care-in-your-area"),
        ("district health authorities", "health-authorities-act-1995", "1996-04-01", "health-authorities-act-1995-transitional-order-1996"),
        ("FHSAs", "health-authorities-act-1995", "1996-04-01", "health-authorities-act-1995-transitional-order-1996"),
        ("regional health authorities", "health-authorities-act-1995", "1996-04-01", "health-authorities-act-1995"),
        ("area health authorities", "health-services-act-1980", "1982-04-01", "navigator-dhas"),
        ("regional hospital boards", "national-health-service-reorganisation-act-1973", "1974-04", "aim25-se-metropolitan-rhb"),
    ],
)
def test_abolished_form_names_the_act_the_day_and_a_source(bundled: Dataset, name: str, act: str, when: str, source: str) -> None:
    form = bundled.resolve(name)
    st = only(incoming(bundled, form.id, "abolishes"))
    assert (st.subject, str(st.date), st.status) == (act, when, "fact")
    assert source in {s.document for s in st.sources}
    assert isinstance(form, OrgType) and str(form.dissolved) == when


@pytest.mark.parametrize(
    ("old", "new", "when", "by"),
    [
        ("regional hospital board", "regional-health-authority", "1974-04", "national-health-service-reorganisation-act-1973"),
        ("AHAs", "district-health-authority", "1982-04-01", "health-services-act-1980"),
        ("DHA", "health-authority", "1996-04-01", "health-authorities-act-1995"),
        ("family health services authorities", "health-authority", "1996-04-01", "health-authorities-act-1995"),
        ("PCTs", "clinical-commissioning-group", "2013-04-01", "health-and-social-care-act-2012"),
        ("clinical commissioning groups", "integrated-care-board", "2022-07-01", "health-and-care-act-2022"),
        ("ICS", "statutory-integrated-care-system", "2022-07-01", "health-and-care-act-2022"),
    ],
)
def test_replacement_is_dated_and_attributed_to_its_act(bundled: Dataset, old: str, new: str, when: str, by: str) -> None:
    st = only(incoming(bundled, bundled.resolve(old).id, "replaces"))
    assert (st.subject, str(st.date), st.by) == (new, when, by)
    assert st.sources and all(bundled.entities[s.document] for s in st.sources)


def test_health_authorities_were_renamed_strategic_health_authorities_on_1_october_2002(bundled: Dataset) -> None:
    st = only([s for s in bundled.statements_about("health-authority") if s.relation == "renamed_to"])
    assert (st.object, str(st.date), st.by) == ("strategic-health-authority", "2002-10-01", "nhs-reform-and-health-care-professions-act-2002")
    quotes = " ".join(s.quote or "" for s in st.sources)
    assert "known instead as Strategic Health Authorities" in quotes and "1st October 2002" in quotes


def test_gradual_changes_are_periods_not_invented_days(bundled: Dataset) -> None:
    st = only(incoming(bundled, bundled.resolve("PCGs").id, "replaces"))
    assert st.date is None and (str(st.from_), str(st.until)) == ("2000-04-01", "2002-04-01")
    stp = only(incoming(bundled, bundled.resolve("STPs").id, "replaces"))
    assert stp.subject == "integrated-care-system" and stp.by is None and stp.note


def predecessors(dataset: Dataset, form: str) -> set[str]:
    """Every form the given one replaced or was renamed from, transitively."""
    found: set[str] = set()
    todo = [form]
    while todo:
        current = todo.pop()
        for st in dataset.statements:
            if st.status != "fact":
                continue
            earlier = None
            if st.relation == "replaces" and st.subject == current:
                earlier = st.object
            elif st.relation == "renamed_to" and st.object == current:
                earlier = st.subject
            if earlier and earlier not in found:
                found.add(earlier)
                todo.append(earlier)
    return found


def test_commissioner_chain_runs_from_integrated_care_boards_back_to_1974(bundled: Dataset) -> None:
    """PCTs took over the health authorities' commissioning role in 2002, so the chain reaches 1974."""
    assert predecessors(bundled, "integrated-care-board") == {
        "clinical-commissioning-group", "primary-care-trust", "primary-care-group", "health-authority",
        "district-health-authority", "family-health-services-authority", "family-practitioner-committee",
        "area-health-authority", "hospital-management-committee",
    }


def test_authority_chain_runs_from_strategic_health_authorities_back_to_1974(bundled: Dataset) -> None:
    assert {
        "health-authority", "district-health-authority", "family-health-services-authority",
        "family-practitioner-committee", "area-health-authority",
    } <= predecessors(bundled, "strategic-health-authority")
    assert predecessors(bundled, "regional-health-authority") == {"regional-hospital-board"}


def test_system_chain_runs_from_statutory_ics_back_to_stps(bundled: Dataset) -> None:
    assert predecessors(bundled, "statutory-integrated-care-system") == {
        "integrated-care-system", "sustainability-and-transformation-partnership",
    }
    parts = {s.subject for s in incoming(bundled, "statutory-integrated-care-system", "part_of")}
    assert parts == {"integrated-care-board", "integrated-care-partnership"}


def test_a_replaced_form_ends_the_day_its_successor_takes_over(bundled: Dataset) -> None:
    """Periods and replacement statements must agree: dissolved = replacement date, successor established by then."""
    checked = 0
    for st in bundled.statements:
        old, new = bundled.entities.get(st.object), bundled.entities.get(st.subject)
        if st.relation != "replaces" or not isinstance(old, OrgType) or not isinstance(new, OrgType):
            continue
        end = st.date or st.until
        assert end is not None, st
        assert old.dissolved == end, (old.id, old.dissolved, end)
        if new.established is not None:
            assert not end.certainly_before(new.established), (new.id, new.established, end)
        checked += 1
    assert checked >= 9


@pytest.mark.parametrize("act_id", sorted(AGREED_ACTS))
def test_agreed_act_has_its_chapter_assent_and_legislation_gov_uk_address(bundled: Dataset, act_id: str) -> None:
    year, chapter, assent = AGREED_ACTS[act_id]
    act = bundled.entities[act_id]
    assert isinstance(act, Act) and (act.year, act.chapter, act.legislation_type) == (year, chapter, "ukpga")
    assert (str(act.royal_assent) if act.royal_assent else None) == assent
    expected = "https://www.legislation.gov.uk/ukpga/Geo6/9-10/81" if year == 1946 else f"https://www.legislation.gov.uk/ukpga/{year}/{chapter}"
    assert act.url == expected and act.sources


def test_statutory_instruments_are_acts_with_number_and_address(bundled: Dataset) -> None:
    instruments = [a for a in bundled.of_kind("act") if isinstance(a, Act) and a.legislation_type == "uksi"]
    assert {"hca-2022-consequential-regulations", "hsca-2012-commencement-no-4-order-2013"} <= {a.id for a in instruments}
    for si in instruments:
        assert si.number is not None and si.url == f"https://www.legislation.gov.uk/uksi/{si.year}/{si.number}/made"


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("the Lansley Act", "health-and-social-care-act-2012"),
        ("HCA 2022", "health-and-care-act-2022"),
        ("ICBs", "integrated-care-board"),
        ("statutory ICS", "statutory-integrated-care-system"),
        ("accountable care systems", "integrated-care-system"),
        ("Strategic Health Authorities", "strategic-health-authority"),
        ("NHS foundation trusts", "nhs-foundation-trust"),
        ("PCNs", "primary-care-network"),
    ],
)
def test_names_people_type_find_the_entity(bundled: Dataset, name: str, entity_id: str) -> None:
    assert bundled.resolve(name).id == entity_id


def test_show_primary_care_trusts_prints_abolition_date_act_and_source() -> None:
    result = CliRunner(env={"COLUMNS": "400"}).invoke(main, ["show", "primary care trusts", "--data", str(DATA)])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if "abolished by" in line]
    assert len(rows) == 1
    row = re.sub(r"\s+", " ", rows[0])
    assert "Health and Social Care Act 2012" in row and "1 April 2013" in row
    marks = re.findall(r"\[(\d+)\]", row)
    notes = [line for line in result.output.splitlines() if re.match(r"\[(\d+)\] ", line)]
    cited = [note for note in notes if note.split("]")[0].lstrip("[") in marks]
    assert any("The structure of the new NHS (British Medical Association)" in note for note in cited)


def test_show_json_gives_the_abolition_as_data() -> None:
    result = CliRunner().invoke(main, ["show", "PCT", "--data", str(DATA), "--json"])
    assert result.exit_code == 0, result.output
    statements = json.loads(result.output)["statements"]
    abolition = only([s for s in statements if s["relation"] == "abolishes"])
    assert (abolition["date"], abolition["by"]["id"]) == ("2013-04-01", "health-and-social-care-act-2012")
    assert any(s["url"] and s["quote"] for s in abolition["sources"])


def test_data_readme_documents_every_field_and_vocabulary_term() -> None:
    """The format reference cannot silently fall behind the model or the vocabulary."""
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    vocab = vocabulary()
    names: set[str] = set()
    models: list[type[BaseModel]] = [*ENTITY_MODELS.values(), Statement]
    for model in models:
        names |= {info.alias or name for name, info in model.model_fields.items()}
    names |= set(vocab.relations) | set(vocab.statuses) | set(vocab.sectors)
    names |= set(vocab.document_types) | set(vocab.proposal_statuses) | set(vocab.legislation_types)
    names |= {k.section for k in vocab.kinds.values()}
    missing = sorted(n for n in names if f"`{n}`" not in readme)
    assert missing == []
