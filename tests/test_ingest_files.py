"""Readers of the ODS/ONS layouts, readable case, and the ``nhsgraph ingest ods`` command."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from nhsgraph.cli import main
from nhsgraph.ingest.case import readable_case
from nhsgraph.ingest.ods_files import SourceFileError, read_ods_organisations, read_successions, read_table

REPO = Path(__file__).resolve().parent.parent
FILES = REPO / "data" / "reference" / "ods"


def test_ods_reader_keeps_row_numbers_and_parses_dates() -> None:
    rows = read_ods_organisations(FILES / "ods_eccg.csv")
    darlington = rows[0]
    assert (darlington.code, darlington.row, darlington.locator) == ("00C", 1, "ods_eccg.csv row 1")
    assert (str(darlington.opened), str(darlington.closed)) == ("2013-04-01", "2020-03-31")
    assert (darlington.region, darlington.geography, darlington.role) == ("Y63", "QHM", "")


def test_ods_reader_rejects_a_row_with_the_wrong_column_count(tmp_path: Path) -> None:
    path = tmp_path / "ods_eccg.csv"
    good = ",".join(['"00A"'] + ['""'] * 26)
    path.write_text(f"{good}\n\"00C\",\"ONLY TWO\"\n", encoding="utf-8")
    with pytest.raises(SourceFileError, match=r"ods_eccg.csv row 2: expected 27 columns .*found 2"):
        read_ods_organisations(path)


def test_ods_reader_rejects_a_malformed_date(tmp_path: Path) -> None:
    cells = ['""'] * 27
    cells[0], cells[10] = '"00C"', '"2013-04-01"'
    path = tmp_path / "etr.csv"
    path.write_text(",".join(cells) + "\n", encoding="utf-8")
    with pytest.raises(SourceFileError, match=r"etr.csv row 1: expected a date like 20130401"):
        read_ods_organisations(path)


def test_successor_reader_reads_the_effective_date() -> None:
    rows = read_successions(FILES / "ods_succ.csv")
    assert len(rows) == 11537
    merger = next(r for r in rows if (r.predecessor, r.successor) == ("QMJ", "Z9B2Z"))
    assert str(merger.effective) == "2026-04-01"


def test_table_reader_ignores_the_byte_order_mark_and_checks_columns(tmp_path: Path) -> None:
    rows = read_table(FILES / "ons_ccg21_stp21_nhser21_lookup.csv", ("CCG21CDH",))
    assert rows[0]["CCG21CDH"] == "18C" and rows[0].row == 2
    with pytest.raises(SourceFileError, match="missing column"):
        read_table(FILES / "ons_icb24_names_codes.csv", ("NOPE",))


@pytest.mark.parametrize("upper, readable", [
    ("NHS HARTLEPOOL AND STOCKTON-ON-TEES CCG", "NHS Hartlepool and Stockton-on-Tees CCG"),
    ("NHS SOUTH YORKSHIRE ICB - 02P", "NHS South Yorkshire ICB - 02P"),
    ("THE NEWCASTLE UPON TYNE HOSPITALS NHS FOUNDATION TRUST", "The Newcastle upon Tyne Hospitals NHS Foundation Trust"),
    ("ALDER HEY CHILDREN'S NHS FOUNDATION TRUST", "Alder Hey Children's NHS Foundation Trust"),
    ("NEWHAM - SUB-ICB REPORTING ENTITY", "Newham - Sub-ICB Reporting Entity"),
])
def test_readable_case_keeps_acronyms_codes_and_joining_words(upper: str, readable: str) -> None:
    assert readable_case(upper) == readable


def test_readable_case_reproduces_the_ons_names_of_closed_ccgs() -> None:
    with (FILES / "ons_ccg20_names_codes.csv").open(encoding="utf-8-sig", newline="") as handle:
        ons = {row["CCG20CDH"]: row["CCG20NM"] for row in csv.DictReader(handle)}
    compared = 0
    for row in read_ods_organisations(FILES / "ods_eccg.csv"):
        if row.role == "" and row.code in ons:  # closed CCGs keep their CCG name in ODS
            assert readable_case(row.name) == ons[row.code]
            compared += 1
    assert compared == 38


def test_cli_ingest_writes_jsonl_and_reports_counts(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", "ods", str(FILES), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "765 organisations" in result.stdout
    assert (tmp_path / "ods.jsonl").read_bytes() == (REPO / "data" / "reference" / "ods.jsonl").read_bytes(), \
        "the committed reference layer is stale: run nhsgraph ingest ods data/reference/ods"


def test_cli_ingest_names_missing_files_in_one_line(tmp_path: Path) -> None:
    shutil.copy(FILES / "ods_succ.csv", tmp_path / "ods_succ.csv")
    result = CliRunner().invoke(main, ["ingest", "ods", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "missing reference file(s): ods_eccg.csv" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out" / "ods.jsonl").exists()
