"""NHS trusts and care trusts, and the ICB each trust belongs to.

Which ICB a trust belongs to is read from the "ICB Financial Apportionment" sheet of the
ODS ICB partners workbook (August 2023): NHS England's assignment of each trust to one
principal ICB. Column 4 of ``ods_etr.csv`` is not used for this: ODS links every code to
an ICB by geography (even trusts closed in 2006 carry an ICB code there), which is where a
trust's headquarters is, not which ICB it answers to (they differ for 13 trusts, mostly
ambulance trusts).
"""

from __future__ import annotations

import datetime as dt

from nhsgraph.ingest.case import readable_case
from nhsgraph.ingest.ods_files import OdsRow
from nhsgraph.ingest.ods_inputs import (
    FOUNDATION_TRUST,
    ICB_START,
    NHS_TRUST,
    ORG_TYPES,
    OdsInputs,
    after,
    document,
    org_id,
)
from nhsgraph.ingest.records import RecordSet, iso, source

APPORTIONED = "Principal ICB for financial and planning purposes (ODS ICB partners workbook, August 2023)."


def trust_type(name: str) -> str:
    """The org type from the name in the extract: foundation trusts say so in their name.

    ODS files hold each trust's latest name, so a trust that became a foundation trust is
    typed as one for its whole life (the extract does not date the change).
    """
    return FOUNDATION_TRUST if "FOUNDATION TRUST" in name.upper() else NHS_TRUST


def _add(records: RecordSet, row: OdsRow, role: str, org_type: str) -> None:
    oid = org_id(role, row.code)
    records.organisation(oid, readable_case(row.name), org_type, [source(document(row.file), row.locator)],
                         ods_code=row.code, established=iso(row.opened), dissolved=iso(after(row.closed)))
    records.alias(oid, row.name, row.code)


def add_organisations(records: RecordSet, inputs: OdsInputs) -> None:
    for row in inputs.etr:
        _add(records, row, "trust", trust_type(row.name))
        records.count("NHS trusts")
    for row in inputs.ect:
        _add(records, row, "care-trust", ORG_TYPES["care-trust"])
        records.count("care trusts")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def add_relations(records: RecordSet, inputs: OdsInputs) -> None:
    """Trust -> ICB, from the day both existed (at the earliest 1 July 2022) to the first end."""
    for row in inputs.apportionment:
        code = row["ODS Trust Code"]
        trust = next((oid for oid in (org_id("trust", code), org_id("care-trust", code))
                      if oid in records.organisations), None)
        icb = org_id("icb", row["ODS ICB Code"])
        if trust is None or icb not in records.organisations:
            records.count("apportionment rows naming a code not ingested")
            continue
        trust_record, icb_record = records.organisations[trust], records.organisations[icb]
        start = max(d for d in (ICB_START, _date(trust_record.get("established"))) if d is not None)
        ends = [d for d in (_date(trust_record.get("dissolved")), _date(icb_record.get("dissolved"))) if d]
        until = min(ends) if ends else None
        if until is not None and until <= start:
            records.count("apportionment rows for a trust gone before its ICB began")
            continue
        records.statement(trust, "part_of", icb, [source(document(row.file), row.locator)], start=start,
                          until=until, note=APPORTIONED)
        records.count("trust -> ICB links")
