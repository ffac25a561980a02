"""Successions from the ODS successor file: closures, mergers and replacements.

Each row says a predecessor code was succeeded by a successor code on a legal effective
date (the successor's first day). A code names different bodies over time (02P is a CCG
until 30 June 2022, then a sub-ICB location), so each code is resolved to the ingested
organisation that held it on the day: the predecessor on the day before, the successor on
the day itself. Rows naming codes that were not ingested (PCTs, SHAs, CSUs, GP codes, trusts
missing from the trust extract) are counted and skipped.

How a row becomes a statement:
- the successor already existed, or took over several predecessors that day:
  ``predecessor merges_into successor``;
- otherwise (one predecessor, a new successor): ``successor replaces predecessor``.

A predecessor the extract shows as open gets ``dissolved`` = the effective date (the ICBs
merging on 1 April 2026; care trust TAF, merged on 1 November 2024 after the 2023 extract).
Successor ICBs whose codes the bundled files do not name (the April 2026 mergers create
D7T5G, S0E4D, S1Y5D, S9B9J, T6Y0W and Z9B2Z) are added as ICBs labelled by code.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from nhsgraph.ingest.ods_files import Succession
from nhsgraph.ingest.ods_inputs import ORG_TYPES, OdsInputs, day_before, document, org_id
from nhsgraph.ingest.records import RecordSet, source

_FAR_PAST = dt.date.min
_FAR_FUTURE = dt.date.max


class CodeIndex:
    """Which ingested organisation held an ODS code on a given day."""

    def __init__(self, records: RecordSet) -> None:
        self.by_code: dict[str, list[tuple[dt.date, dt.date, str]]] = {}
        for oid, record in records.organisations.items():
            code = record.get("ods_code")
            if not code:
                continue
            start = dt.date.fromisoformat(record["established"]) if record.get("established") else _FAR_PAST
            end = dt.date.fromisoformat(record["dissolved"]) if record.get("dissolved") else _FAR_FUTURE
            self.by_code.setdefault(code, []).append((start, end, oid))

    def at(self, code: str, day: dt.date) -> str | None:
        """The holder of ``code`` on ``day``; when an undated record (an STP) and a dated one
        (the ICB given the same code) both match, the dated, more recent one wins."""
        holders = sorted((start, oid) for start, end, oid in self.by_code.get(code, ()) if start <= day < end)
        return holders[-1][1] if holders else None


def _cite(row: Succession) -> dict[str, str]:
    return source(document(row.file), row.locator)


def _placeholders(records: RecordSet, rows: list[Succession]) -> None:
    index = CodeIndex(records)
    icb_type = ORG_TYPES["icb"]
    for row in rows:
        predecessor = index.at(row.predecessor, day_before(row.effective))
        if predecessor is None or records.organisations[predecessor]["org_type"] != icb_type:
            continue
        if index.at(row.successor, row.effective) is not None:
            continue
        oid = org_id("icb", row.successor)
        if oid in records.organisations:
            continue
        records.organisation(oid, f"ICB {row.successor}", icb_type, [_cite(row)], ods_code=row.successor,
                             established=row.effective.isoformat(),
                             description=f"Integrated care board formed on {row.effective:%-d %B %Y} (ODS successor file); "
                                         "its name is not in the bundled reference files.")
        records.alias(oid, row.successor)
        records.count("successor ICBs named only by code")
        index = CodeIndex(records)


def _closures(records: RecordSet, rows: list[Succession]) -> None:
    index = CodeIndex(records)
    for row in rows:
        predecessor = index.at(row.predecessor, day_before(row.effective))
        if predecessor is None or index.at(row.successor, row.effective) is None:
            continue  # a row naming a code not ingested is skipped whole: it closes nothing either
        record = records.organisations[predecessor]
        if "dissolved" not in record:
            record["dissolved"] = row.effective.isoformat()
            records.organisation(predecessor, record["label"], record["org_type"], [_cite(row)])
            records.count("closures taken from the successor file")
        elif record["dissolved"] != row.effective.isoformat():
            records.count("successor rows dated unlike the predecessor's close date")


def add_successions(records: RecordSet, inputs: OdsInputs) -> None:
    rows = sorted(inputs.successions, key=lambda r: r.row)
    _placeholders(records, rows)
    _closures(records, rows)
    index = CodeIndex(records)
    resolved: list[tuple[Succession, str, str]] = []
    for row in rows:
        predecessor = index.at(row.predecessor, day_before(row.effective))
        successor = index.at(row.successor, row.effective)
        if predecessor is None or successor is None:
            records.count("successor rows skipped: a code not ingested (or not open that day)")
            continue
        resolved.append((row, predecessor, successor))
    # Bodies taken in by each successor that day, each counted once however many rows say so
    # (a row given twice made a one-to-one replacement read as a merger).
    intake = Counter((successor, effective) for _, successor, effective in
                     {(predecessor, successor, row.effective) for row, predecessor, successor in resolved})
    for row, predecessor, successor in resolved:
        established = records.organisations[successor].get("established")
        existed = established is None or established < row.effective.isoformat()
        if existed or intake[(successor, row.effective)] > 1:
            records.statement(predecessor, "merges_into", successor, [_cite(row)], date=row.effective)
            records.count("merges_into from the successor file")
        else:
            records.statement(successor, "replaces", predecessor, [_cite(row)], date=row.effective)
            records.count("replaces from the successor file")
