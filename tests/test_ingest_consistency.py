"""`ingest ods` across files: what one file says about another is checked, never trusted blindly.

Each property starts from a generated, consistent release (tests/ods_strategies.py), breaks
one cross-file promise, and pins the outcome: the same graph (rows in another order, a row
given twice), a documented skip that is counted (a successor row naming a code no file
defines, or dated before its predecessor opened), or one error naming the file and row (a
lookup naming an ICB or CCG the other files lack, a close date before the open date). Never
a traceback, never a graph that points at organisations it does not define.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ods_strategies import Reference, references, succession

from nhsgraph.cli import main
from nhsgraph.ingest.ods import build_records
from nhsgraph.ingest.ods_files import SourceFileError
from nhsgraph.ingest.ods_inputs import APPORTIONMENT, CCG21, ECCG, ECT, ETR, PARTNERS, SICBL23, SUCC
from nhsgraph.ingest.records import RecordSet

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SKIPPED = "successor rows skipped: a code not ingested (or not open that day)"
ROW_ERROR = re.compile(r"^(?P<file>[\w.-]+\.csv) row (?P<row>\d+): ")


def ingest(reference: Reference) -> RecordSet:
    with tempfile.TemporaryDirectory() as folder:
        return build_records(reference.write(Path(folder)))


def graph(records: RecordSet) -> dict[str, Any]:
    """What the records say, without which rows say it (sources) or in what order (aliases)."""
    organisations = {oid: {k: sorted(v) if k == "aliases" else v for k, v in record.items() if k != "sources"}
                     for oid, record in records.organisations.items()}
    statements = {key: {k: v for k, v in record.items() if k != "sources"} for key, record in records.statements.items()}
    return {"organisations": organisations, "statements": statements}


def assert_consistent(records: RecordSet) -> None:
    """Every generated id a statement names is defined; every span ends after it starts."""
    for record in records.statements.values():
        for end in (record["subject"], record["object"]):
            assert not end.startswith("ods/") or end in records.organisations, f"{end} is named but not defined"
        if "from" in record and "until" in record:
            assert record["from"] < record["until"], record
    for record in records.organisations.values():
        if "established" in record and "dissolved" in record:
            assert record["established"] < record["dissolved"], record


def error_row(reference: Reference) -> tuple[str, int, str]:
    """The (file, row, message) of the one error the ingest must raise for ``reference``."""
    with pytest.raises(SourceFileError) as raised:
        ingest(reference)
    message = str(raised.value)
    match = ROW_ERROR.match(message)
    assert match, f"the error does not start with 'file row N: ': {message}"
    return match["file"], int(match["row"]), message


@SETTINGS
@given(references())
def test_a_consistent_release_ingests_into_a_consistent_graph(reference):
    records = ingest(reference)
    assert_consistent(records)
    for row in reference.rows[ECCG]:
        assert f"ods/ccg/{row[0].lower()}" in records.organisations


@SETTINGS
@given(references(), st.randoms(use_true_random=False))
def test_rows_in_any_order_give_the_same_graph(reference, random):
    before = graph(ingest(reference))
    for rows in reference.rows.values():
        random.shuffle(rows)
    assert graph(ingest(reference)) == before


@pytest.mark.parametrize("name", sorted(Reference().rows))
@settings(SETTINGS, max_examples=10)
@given(reference=references(), data=st.data())
def test_a_row_given_twice_gives_the_same_graph(name, reference, data):
    before = graph(ingest(reference))
    rows = reference.rows[name]
    if not rows:
        return  # nothing in this file to repeat in this release
    row = data.draw(st.sampled_from(rows), label="row")
    rows.insert(data.draw(st.integers(0, len(rows)), label="at"), list(row))
    assert graph(ingest(reference)) == before


@SETTINGS
@given(references(), st.booleans(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)))
def test_a_successor_row_naming_a_code_no_file_defines_is_skipped_and_counted(reference, unknown_first, day):
    records = ingest(reference)
    known = reference.rows[ECCG][0][0]
    reference.rows[SUCC].append(succession("9ZZ", known, day) if unknown_first else succession(known, "9ZZ", day))
    after = ingest(reference)
    assert graph(after) == graph(records)
    assert after.report[SKIPPED] == records.report.get(SKIPPED, 0) + 1


@SETTINGS
@given(references(), st.data())
def test_a_successor_row_dated_before_its_predecessor_opened_is_skipped_and_counted(reference, data):
    opened = {row[0]: dt.datetime.strptime(row[10], "%Y%m%d").date() for row in (*reference.rows[ECCG],
                                                                                 *reference.rows[ETR])}
    rows = [row for row in reference.rows[SUCC] if row[0] in opened]
    if not rows:
        return  # this release has no succession between ingested codes
    records = ingest(reference)
    row = data.draw(st.sampled_from(rows), label="row")
    row[3] = (opened[row[0]] - dt.timedelta(days=data.draw(st.integers(1, 3000)))).strftime("%Y%m%d")
    after = ingest(reference)
    assert after.report[SKIPPED] == records.report.get(SKIPPED, 0) + 1
    number = reference.rows[SUCC].index(row) + 1
    assert not [s for s in after.statements.values()
                if any(c.get("locator") == f"{SUCC} row {number}" for c in s["sources"])]
    assert_consistent(after)


@pytest.mark.parametrize(("name", "column", "skip"), [
    (APPORTIONMENT, 1, "apportionment rows naming a code not ingested"),
    (PARTNERS, 1, "ICB partners rows naming an ICB not in ons_icb24_names_codes.csv"),
])
@settings(SETTINGS, max_examples=10)
@given(reference=references(), data=st.data())
def test_a_workbook_row_naming_an_icb_no_file_defines_is_skipped_and_counted(name, column, skip, reference, data):
    rows = reference.rows[name]
    if not rows:
        return
    records = ingest(reference)
    row = list(data.draw(st.sampled_from(rows), label="row"))
    row[column] = "QZZ"
    rows.append(row)
    after = ingest(reference)
    assert graph(after) == graph(records)
    assert after.report[skip] == records.report.get(skip, 0) + 1


@SETTINGS
@given(references(), st.data())
def test_a_lookup_naming_an_icb_no_file_defines_is_an_error_naming_its_row(reference, data):
    rows = reference.rows[SICBL23]
    index = data.draw(st.integers(0, len(rows) - 1), label="row")
    rows[index][4] = "QZZ"
    assert error_row(reference)[:2] == (SICBL23, index + 2)  # row 1 is the header


@SETTINGS
@given(references(), st.data())
def test_a_lookup_naming_a_ccg_no_file_defines_is_an_error_naming_its_row(reference, data):
    rows = reference.rows[CCG21]
    index = data.draw(st.integers(0, len(rows) - 1), label="row")
    rows[index][2] = "9ZZ"
    file, row, message = error_row(reference)
    assert (file, row) == (CCG21, index + 2)
    assert "CCG 9ZZ is not in the other reference files" in message


@SETTINGS
@given(references(), st.sampled_from([ECCG, ETR, ECT]), st.data())
def test_a_close_date_before_the_open_date_is_an_error_naming_its_row(reference, name, data):
    rows = reference.rows[name]
    index = data.draw(st.integers(0, len(rows) - 1), label="row")
    opened = dt.datetime.strptime(rows[index][10], "%Y%m%d").date()
    rows[index][11] = (opened - dt.timedelta(days=data.draw(st.integers(1, 5000)))).strftime("%Y%m%d")
    file, row, message = error_row(reference)
    assert (file, row) == (name, index + 1)  # headerless: row 1 is the first record
    assert f"closes on {rows[index][11][:4]}" in message and f"opens on {opened.year}" in message


@settings(max_examples=3, deadline=None)
@given(references())
def test_an_inconsistent_release_through_the_cli_is_one_line_and_writes_nothing(reference):
    reference.rows[CCG21][0][2] = "9ZZ"
    with tempfile.TemporaryDirectory() as temporary:
        folder, out = reference.write(Path(temporary) / "in"), Path(temporary) / "out"
        result = CliRunner().invoke(main, ["ingest", "ods", str(folder), "--out", str(out)])
        assert result.exit_code == 1
        assert result.output.startswith(f"nhsgraph: {CCG21} row 2: CCG 9ZZ is not in the other reference files")
        assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
        assert not out.exists()
