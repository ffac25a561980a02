"""Readers for the ODS and ONS files, one small function per layout.

The files come in three shapes: the ODS headerless 27-column layout (``eccg``, ``etr``,
``ect``), the ODS headerless successor file (5 columns) and CSVs with a header row (ONS
lookups, which start with a UTF-8 byte-order mark, and the ICB partners workbook sheets).
Every row keeps its 1-based line number so each generated record can cite it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from nhsgraph.userfiles import UserFileError, decode_utf8

ODS_COLUMNS = 27


class SourceFileError(ValueError):
    """A reference file that does not have the layout the ingest expects (names file and row)."""


@dataclass(frozen=True)
class _Row:
    """Where a record came from: the file and its row, cited as the record's provenance."""

    file: str
    row: int

    @property
    def locator(self) -> str:
        return f"{self.file} row {self.row}"


@dataclass(frozen=True)
class OdsRow(_Row):
    """One record of the ODS 27-column layout (only the columns the ingest uses)."""

    code: str
    name: str
    region: str
    """Column 3, National Grouping: the NHS England region code, e.g. ``Y63``."""
    geography: str
    """Column 4, High Level Health Geography: the ICB code (earlier the STP code)."""
    opened: dt.date | None
    closed: dt.date | None
    """Column 12: the last day the record was open (ODS close dates are inclusive)."""
    role: str
    """Column 14: role codes in ``ods_eccg.csv`` (``RO319`` ...) or sub-type elsewhere."""


@dataclass(frozen=True)
class Succession(_Row):
    """One row of the ODS successor file: ``predecessor`` was succeeded by ``successor``."""

    predecessor: str
    successor: str
    effective: dt.date
    """The legal date the succession took effect: the first day of the successor's role."""


@dataclass(frozen=True)
class CsvRow(_Row):
    """One data row of a CSV with a header; ``row`` is the record number, the header being row 1."""

    values: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.values[key].strip()


def ods_date(value: str, where: str) -> dt.date | None:
    """Parse an ODS ``YYYYMMDD`` date; empty means "not set"."""
    value = value.strip()
    if not value:
        return None
    try:
        return dt.datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        raise SourceFileError(f"{where}: expected a date like 20130401, got {value!r}") from None


def _text(path: Path) -> io.StringIO:
    """The file as UTF-8 text for the csv module; any other encoding names the file, line and column
    (decoding inside the csv reader raised a bare UnicodeDecodeError that named no file)."""
    try:
        return io.StringIO(decode_utf8(path, path.read_bytes()), newline="")
    except UserFileError as exc:
        raise SourceFileError(str(exc)) from None


def _rows(path: Path) -> list[list[str]]:
    """Every row of a required file; an empty file is an error, not an ingest of nothing
    (an empty ``ods_succ.csv`` silently dropped every succession)."""
    rows = list(csv.reader(_text(path)))
    if not any(rows):
        raise SourceFileError(f"{path.name} row 1: the file is empty; re-download it (docs/reference-data.md)")
    return rows


def read_ods_organisations(path: Path) -> list[OdsRow]:
    """Read a headerless ODS organisation file (27 quoted columns, ``YYYYMMDD`` dates)."""
    rows: list[OdsRow] = []
    for number, cells in enumerate(_rows(path), start=1):
        where = f"{path.name} row {number}"
        if not cells:
            continue
        if len(cells) != ODS_COLUMNS:
            raise SourceFileError(f"{where}: expected {ODS_COLUMNS} columns (ODS layout), found {len(cells)}")
        opened, closed = ods_date(cells[10], where), ods_date(cells[11], where)
        if opened and closed and closed < opened:  # the close date is the last open day: never before the first
            raise SourceFileError(f"{where}: {cells[0].strip()} closes on {closed.isoformat()} before it opens on "
                                  f"{opened.isoformat()} (columns 12 and 11)")
        rows.append(OdsRow(
            file=path.name, row=number, code=cells[0].strip(), name=" ".join(cells[1].split()),
            region=cells[2].strip(), geography=cells[3].strip(), opened=opened, closed=closed,
            role=cells[13].strip(),
        ))
    return rows


def read_successions(path: Path) -> list[Succession]:
    """Read the headerless ODS successor file: predecessor, successor, reason, date, flag."""
    found: list[Succession] = []
    for number, cells in enumerate(_rows(path), start=1):
        where = f"{path.name} row {number}"
        if not cells:
            continue
        if len(cells) != 5:
            raise SourceFileError(f"{where}: expected 5 columns (ODS successor layout), found {len(cells)}")
        effective = ods_date(cells[3], where)
        if effective is None:
            raise SourceFileError(f"{where}: the successor row has no effective date")
        found.append(Succession(path.name, number, cells[0].strip(), cells[1].strip(), effective))
    return found


def read_table(path: Path, required: tuple[str, ...]) -> list[CsvRow]:
    """Read a CSV with a header row (a leading byte-order mark is ignored); check its columns.

    Every row must have as many cells as the header: a truncated last line (a download cut
    short) or a stray comma would otherwise read as missing or shifted values.
    """
    header, *records = _rows(path)
    missing = [name for name in required if name not in header]
    if missing:
        raise SourceFileError(f"{path.name} row 1: missing column(s) {', '.join(missing)}")
    # Rows are counted as records, as a spreadsheet shows them (header = row 1), not as
    # physical lines: quoted cells in the converted workbook sheets hold line breaks.
    cells_by_row = [cells for cells in records if cells]
    if not cells_by_row:
        raise SourceFileError(f"{path.name} row 2: no rows after the header; re-download it (docs/reference-data.md)")
    rows: list[CsvRow] = []
    for number, cells in enumerate(cells_by_row, start=2):
        if len(cells) != len(header):
            raise SourceFileError(f"{path.name} row {number}: expected {len(header)} columns (as in the header), "
                                  f"found {len(cells)}")
        rows.append(CsvRow(path.name, number, dict(zip(header, cells))))
    return rows
