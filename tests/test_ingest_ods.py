"""The generated ODS/ONS reference layer: counts, quirks and provenance, on the committed files.

These tests read only files in the repository (data/reference/ods/*.csv and the
committed data/reference/ods.jsonl), never anything outside it.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from nhsgraph.dataset import Dataset
from nhsgraph.ingest.ods import build_records
from nhsgraph.ingest.records import RecordSet

REPO = Path(__file__).resolve().parent.parent
FILES = REPO / "data" / "reference" / "ods"

CCG, ICB, SICBL = "clinical-commissioning-group", "integrated-care-board", "sub-icb-location"


@pytest.fixture(scope="module")
def records() -> RecordSet:
    return build_records(FILES)


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def existing(records: RecordSet, org_type: str, day: dt.date) -> list[dict[str, Any]]:
    """Organisations of ``org_type`` that existed on ``day`` (established <= day < dissolved)."""
    found = []
    for org in records.organisations.values():
        if org["org_type"] != org_type:
            continue
        start, end = _day(org.get("established")), _day(org.get("dissolved"))
        if (start is None or start <= day) and (end is None or day < end):
            found.append(org)
    return found


def statements(records: RecordSet, **match: str) -> list[dict[str, Any]]:
    return [s for s in records.statements.values() if all(s.get(k) == v for k, v in match.items())]


# -- counts ------------------------------------------------------------------

def test_211_ccgs_existed_on_1_april_2013(records: RecordSet) -> None:
    assert len(existing(records, CCG, dt.date(2013, 4, 1))) == 211


def test_106_ccgs_existed_on_30_june_2022_and_none_the_next_day(records: RecordSet) -> None:
    assert len(existing(records, CCG, dt.date(2022, 6, 30))) == 106
    assert existing(records, CCG, dt.date(2022, 7, 1)) == []


def test_42_icbs_and_106_sub_icb_locations_existed_on_1_july_2022(records: RecordSet) -> None:
    assert len(existing(records, ICB, dt.date(2022, 7, 1))) == 42
    assert len(existing(records, SICBL, dt.date(2022, 7, 1))) == 106
    assert existing(records, ICB, dt.date(2022, 6, 30)) == []


def test_april_2026_mergers_leave_36_icbs(records: RecordSet) -> None:
    # 12 ICBs close on 2026-04-01; 6 new codes open and QRL (existing) takes part of Frimley.
    assert len(existing(records, ICB, dt.date(2026, 3, 31))) == 42
    assert len(existing(records, ICB, dt.date(2026, 4, 1))) == 36


# -- the July 2022 quirk -------------------------------------------------------

def test_barnsley_ccg_is_replaced_by_south_yorkshire_icb_on_1_july_2022(records: RecordSet) -> None:
    ccg = records.organisations["ods/ccg/02p"]
    assert ccg["label"] == "NHS Barnsley CCG"
    assert ccg["dissolved"] == "2022-07-01"
    [replacement] = statements(records, relation="replaces", object="ods/ccg/02p")
    assert replacement["subject"] == "ods/icb/qf7"
    assert records.organisations["ods/icb/qf7"]["label"] == "NHS South Yorkshire ICB"
    assert replacement["date"] == "2022-07-01"
    # Derived from the ONS lookup: the successor file has no row for 02P.
    cited = {s["document"] for s in replacement["sources"]}
    assert "ons-sicbl23-icb23-nhser23-lookup" in cited
    with (FILES / "ods_succ.csv").open(newline="") as handle:
        assert not [row for row in csv.reader(handle) if row[0] == "02P"]


def test_ccg_and_sub_icb_location_sharing_code_02p_are_two_entities(records: RecordSet) -> None:
    location = records.organisations["ods/sub-icb-location/02p"]
    assert location["ods_code"] == records.organisations["ods/ccg/02p"]["ods_code"] == "02P"
    assert location["label"] == "NHS South Yorkshire ICB - 02P"
    assert location["established"] == "2022-07-01"
    [link] = statements(records, subject="ods/sub-icb-location/02p", relation="part_of")
    assert (link["object"], link["from"]) == ("ods/icb/qf7", "2022-07-01")


def test_qf7_is_an_stp_code_before_it_is_an_icb_code(records: RecordSet) -> None:
    stp = records.organisations["ods/stp/qf7"]
    assert stp["org_type"] == "sustainability-and-transformation-partnership"
    assert stp["label"] == "South Yorkshire and Bassetlaw STP"
    assert stp["ons_code"] == "E54000009"
    assert records.organisations["ods/icb/qf7"]["ons_code"] == "E54000061"


def test_ods_and_ons_agree_on_the_icb_of_every_sub_icb_location(records: RecordSet) -> None:
    # The CCG -> ICB replacement reads the ONS lookup; column 4 of ods_eccg.csv is the cross-check.
    assert records.report["CCG -> ICB replacements (ONS lookup)"] == 106
    assert not [key for key in records.report if "differs" in key or "without a CCG" in key]
    for link in statements(records, relation="part_of"):
        if link["subject"].startswith("ods/sub-icb-location/"):
            assert {s["document"] for s in link["sources"]} == {"ons-sicbl23-icb23-nhser23-lookup", "ods-eccg"}


def test_bassetlaw_ccg_passes_from_south_yorkshire_stp_to_nottinghamshire_icb(records: RecordSet) -> None:
    [stp] = statements(records, subject="ods/ccg/02q", relation="part_of")
    assert (stp["object"], stp["until"]) == ("ods/stp/qf7", "2022-07-01")
    [replacement] = statements(records, relation="replaces", object="ods/ccg/02q")
    assert replacement["subject"] == "ods/icb/qt1"
    assert records.organisations["ods/icb/qt1"]["label"] == "NHS Nottingham and Nottinghamshire ICB"


def test_every_ccg_open_on_30_june_2022_is_replaced_by_one_icb(records: RecordSet) -> None:
    for ccg in existing(records, CCG, dt.date(2022, 6, 30)):
        found = statements(records, relation="replaces", object=ccg["id"])
        assert [records.organisations[s["subject"]]["org_type"] for s in found] == [ICB], ccg["id"]


# -- mergers and successions ----------------------------------------------------

def test_three_leeds_ccgs_merge_into_nhs_leeds_ccg_on_1_april_2018(records: RecordSet) -> None:
    [leeds] = [o for o in records.organisations.values() if o["label"] == "NHS Leeds CCG"]
    merged = statements(records, relation="merges_into", object=leeds["id"])
    assert sorted(records.organisations[s["subject"]]["label"] for s in merged) == [
        "NHS Leeds North CCG", "NHS Leeds South and East CCG", "NHS Leeds West CCG"]
    assert {s["date"] for s in merged} == {"2018-04-01"} == {leeds["established"]}
    [icb] = statements(records, relation="replaces", object=leeds["id"])
    assert records.organisations[icb["subject"]]["label"] == "NHS West Yorkshire ICB"


def test_all_142_ccg_successor_rows_become_statements(records: RecordSet) -> None:
    ccgs = {o["id"] for o in records.organisations.values() if o["org_type"] == CCG}
    cited_rows = {src["locator"] for s in records.statements.values()
                  if s["relation"] in ("merges_into", "replaces") and {s["subject"], s["object"]} <= ccgs
                  for src in s["sources"] if src["document"] == "ods-succ"}
    assert len(cited_rows) == 142
    for ccg in records.organisations.values():
        if ccg["org_type"] == CCG and ccg["dissolved"] < "2022-07-01":
            successors = statements(records, subject=ccg["id"], relation="merges_into") + \
                statements(records, object=ccg["id"], relation="replaces")
            assert successors, f"{ccg['id']} closed without a successor"


def test_icb_mergers_of_april_2026_come_from_the_successor_file(records: RecordSet) -> None:
    for code in ("qmj", "qrv"):
        assert records.organisations[f"ods/icb/{code}"]["dissolved"] == "2026-04-01"
        [merger] = statements(records, subject=f"ods/icb/{code}", relation="merges_into")
        assert (merger["object"], merger["date"]) == ("ods/icb/z9b2z", "2026-04-01")
    new = records.organisations["ods/icb/z9b2z"]
    assert (new["label"], new["established"]) == ("ICB Z9B2Z", "2026-04-01")
    # Frimley (QNQ) splits three ways, one part going to the existing Hampshire and Isle of Wight ICB.
    frimley = {s["object"] for s in statements(records, subject="ods/icb/qnq", relation="merges_into")}
    assert frimley == {"ods/icb/s0e4d", "ods/icb/s9b9j", "ods/icb/qrl"}


def test_ods_close_date_becomes_dissolved_on_the_next_day(records: RecordSet) -> None:
    # ods_eccg.csv: 00C NHS Darlington CCG closed 20200331.
    darlington = records.organisations["ods/ccg/00c"]
    assert (darlington["label"], darlington["dissolved"]) == ("NHS Darlington CCG", "2020-04-01")
    assert "NHS DARLINGTON CCG" in darlington["aliases"]


def test_care_trust_taf_closes_by_the_successor_file_after_the_2023_extract(records: RecordSet) -> None:
    taf = records.organisations["ods/care-trust/taf"]
    assert taf["org_type"] == "care-trust" and taf["dissolved"] == "2024-11-01"
    [merger] = statements(records, subject="ods/care-trust/taf", relation="merges_into")
    assert merger["object"] == "ods/trust/g6v2s"


# -- trusts and reporting entities ---------------------------------------------

def test_trust_rhq_belongs_to_south_yorkshire_icb(records: RecordSet) -> None:
    rhq = records.organisations["ods/trust/rhq"]
    assert (rhq["label"], rhq["org_type"]) == ("Sheffield Teaching Hospitals NHS Foundation Trust", "nhs-foundation-trust")
    [link] = statements(records, subject="ods/trust/rhq", relation="part_of")
    assert (link["object"], link["from"]) == ("ods/icb/qf7", "2022-07-01")
    assert link["sources"][0]["document"] == "ods-icb-financial-apportionment-2023-08"


def test_trust_icb_comes_from_the_apportionment_not_ods_geography(records: RecordSet) -> None:
    # RX7 North West Ambulance Service: geography column says QOP, the principal ICB is QE1.
    [link] = statements(records, subject="ods/trust/rx7", relation="part_of")
    assert link["object"] == "ods/icb/qe1"


def test_reporting_entities_from_2024_are_apart_from_sub_icb_locations(records: RecordSet) -> None:
    entities = [o for o in records.organisations.values() if o["org_type"] == "sub-icb-reporting-entity"]
    assert len(entities) == 37
    london = [e for e in entities if e["established"] == "2024-04-01"]
    frimley = [e for e in entities if e["established"] == "2024-07-24"]
    assert (len(london), len(frimley)) == (32, 5)
    for entity in frimley:
        [link] = statements(records, subject=entity["id"], relation="part_of")
        assert link["object"] == "ods/icb/qnq"
    assert len(existing(records, SICBL, dt.date(2024, 8, 1))) == 106


def test_commissioning_hubs_are_skipped(records: RecordSet) -> None:
    assert records.report["commissioning hubs skipped (ods_eccg.csv)"] == 35
    assert "ods/ccg/13q" not in records.organisations


# -- provenance and output -----------------------------------------------------

def _file_rows(name: str) -> list[list[str]]:
    with (FILES / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_every_record_cites_a_row_that_holds_its_code(records: RecordSet) -> None:
    rows = {path.name: _file_rows(path.name) for path in FILES.glob("*.csv")}
    for org in records.organisations.values():
        located = [s for s in org["sources"] if "locator" in s]
        assert located, org["id"]
        for cited in located:
            file, _, number = cited["locator"].rpartition(" row ")
            row = rows[file][int(number) - 1]
            assert org["ods_code"] in row, (org["id"], cited["locator"])
    for st in records.statements.values():
        assert any("locator" in s for s in st["sources"]), st


def test_partner_rows_count_records_not_lines() -> None:
    # Notes cells hold line breaks; row 72 is the first NHS South Yorkshire ICB record.
    with (FILES / "ods_icb_partners_2023-08.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[72 - 1][1] == "QF7" and table[71 - 1][1] != "QF7"


# That `nhsgraph ingest ods` rebuilds the committed file byte for byte is pinned once, through
# the command itself: tests/test_ingest_files.py::test_cli_ingest_writes_jsonl_and_reports_counts.


def test_output_is_sorted_json_lines(records: RecordSet) -> None:
    lines = [json.loads(line) for line in records.lines()]
    sections = [line["section"] for line in lines]
    assert sections == sorted(sections)
    ids = [line["id"] for line in lines if line["section"] == "organisations"]
    assert ids == sorted(ids)


# -- validation through the loader, with the curated data -----------------------

def test_bundled_data_with_the_reference_layer_loads_and_resolves_names(bundled: Dataset) -> None:
    assert bundled.resolve("NHS Barnsley CCG").id == "ods/ccg/02p"
    assert bundled.resolve("NHS South Yorkshire Integrated Care Board").id == "ods/icb/qf7"
    assert bundled.resolve("RHQ").id == "ods/trust/rhq"
    # Every generated organisation is an instance of a curated org type.
    types = {s.subject: s.object for s in bundled.statements if s.relation == "instance_of"}
    for entity in bundled.entities.values():
        if entity.id.startswith("ods/"):
            assert bundled.entities[types[entity.id]].kind == "org_type", entity.id


def test_curated_facts_may_refer_to_reference_organisations_by_id(tmp_path: Path) -> None:
    import shutil

    import nhsgraph

    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    # A fixture, not a fact in the dataset: a curated statement naming two reference ids.
    (folder / "curated-example.yaml").write_text(
        "documents:\n"
        "  - {id: fixture-doc, label: Fixture document}\n"
        "statements:\n"
        "  - subject: ods/icb/qf7\n"
        "    relation: commissions\n"
        "    object: ods/trust/rhq\n"
        "    from: 2022-07-01\n"
        "    sources: [fixture-doc]\n", encoding="utf-8")
    dataset = nhsgraph.load(folder)
    [curated] = [s for s in dataset.statements if s.relation == "commissions" and s.subject == "ods/icb/qf7"]
    assert (dataset.label(curated.subject), dataset.label(curated.object)) == (
        "NHS South Yorkshire ICB", "Sheffield Teaching Hospitals NHS Foundation Trust")
