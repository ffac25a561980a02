"""Commissioners and their geography: NHS England regions, STPs, ICBs, CCGs, sub-ICB
locations and sub-ICB reporting entities.

The July 2022 quirk, and how it is modelled: ODS did not close the CCG codes on 1 July
2022 nor record successors for them; it renamed them as sub-ICB locations (02P "NHS
BARNSLEY CCG" became "NHS SOUTH YORKSHIRE ICB - 02P") and gave the ICBs the STP codes
(QF7). A CCG was a statutory body and a sub-ICB location is "not a legally defined
organisational entity" (NHS Data Dictionary), so they are two entities sharing one ODS
code: ``ods/ccg/02p`` (dissolved 2022-07-01) and ``ods/sub-icb-location/02p`` (from
2022-07-01, part of the ICB). The ICB that replaced each CCG is read from the ONS April
2023 sub-ICB location -> ICB lookup, never from the STP code of April 2021: Bassetlaw
(02Q) was in the South Yorkshire and Bassetlaw STP (QF7) but passed to NHS Nottingham and
Nottinghamshire ICB (QT1).
"""

from __future__ import annotations

import datetime as dt

from nhsgraph.ingest.case import readable_case
from nhsgraph.ingest.ods_files import CsvRow, OdsRow
from nhsgraph.ingest.ods_inputs import (
    ICB_ESTABLISHMENT,
    ICB_START,
    LOOKUP_2021,
    ORG_TYPES,
    ROLE_COMMISSIONING_HUB,
    ROLE_REPORTING_ENTITY,
    ROLE_SUB_ICB_LOCATION,
    SICBL_DEFINITION,
    OdsInputs,
    after,
    document,
    not_defined,
    org_id,
)
from nhsgraph.ingest.records import RecordSet, iso, source

PART_OF = "part_of"
REPLACES = "replaces"
NHS_ENGLAND = "nhs-england"
"""The curated national body whose sub-divisions the regions are."""
REGIONS_PAGE = "ods-nhs-england-and-regions"
HEALTH_AND_CARE_ACT = "health-and-care-act-2022"
"""The curated Act that abolished CCGs and established ICBs (cited as ``by`` on each CCG -> ICB replacement)."""
AS_AT_2021 = "As at the ONS April 2021 lookup; earlier membership is not in the bundled files."


def _cite(row: OdsRow | CsvRow) -> dict[str, str]:
    return source(document(row.file), row.locator)


def _roles(row: OdsRow) -> set[str]:
    return {part for part in row.role.split("|") if part}


def add_organisations(records: RecordSet, inputs: OdsInputs) -> None:
    """Create the commissioning organisations (dates from the files; successions come later)."""
    _regions(records, inputs)
    _stps(records, inputs)
    _icbs(records, inputs)
    _ccgs_and_locations(records, inputs)


def _regions(records: RecordSet, inputs: OdsInputs) -> None:
    for rows, year in ((inputs.ccg21, "21"), (inputs.sicbl23, "23")):
        for row in rows:
            code, name = row[f"NHSER{year}CDH"], row[f"NHSER{year}NM"]
            oid = org_id("region", code)
            records.organisation(oid, f"NHS England {name} region", ORG_TYPES["region"], [_cite(row)],
                                 ods_code=code, ons_code=row[f"NHSER{year}CD"])
            records.alias(oid, code, row[f"NHSER{year}CD"])
            records.statement(oid, PART_OF, NHS_ENGLAND, [_cite(row), source(REGIONS_PAGE)],
                              note="NHS England's regions are sub-divisions of NHS England, not legal entities.")


def stp_label(name: str) -> str:
    """``South Yorkshire and Bassetlaw`` -> ``South Yorkshire and Bassetlaw STP``; names that
    already say what they are (``... Health and Care Partnership``, ``Frimley Health and Care ICS``) stay."""
    return name if ("Partnership" in name or name.endswith(" ICS")) else f"{name} STP"


def _stps(records: RecordSet, inputs: OdsInputs) -> None:
    for row in inputs.ccg21:
        code, name = row["STP21CDH"], row["STP21NM"]
        oid = org_id("stp", code)
        records.organisation(oid, stp_label(name), ORG_TYPES["stp"], [_cite(row)], ods_code=code,
                             ons_code=row["STP21CD"],
                             description=f"Sustainability and transformation partnership in the ONS April 2021 lookup. "
                                         f"ODS later used its code {code} for an integrated care board.")
        records.alias(oid, name, code, row["STP21CD"])


def _icbs(records: RecordSet, inputs: OdsInputs) -> None:
    official: dict[str, CsvRow] = {}
    for row in inputs.partners:
        official.setdefault(row["ODS ICB Code"], row)
    ons23 = {row["ICB23CDH"]: row for row in inputs.sicbl23}
    for row in inputs.icb24:
        code, name = row["ICB24CDH"], row["ICB24NM"]
        oid = org_id("icb", code)
        cites = [_cite(row), source(ICB_ESTABLISHMENT)]
        partner = official.get(code)
        if partner is not None:
            cites.append(_cite(partner))
        records.organisation(oid, name.replace("Integrated Care Board", "ICB"), ORG_TYPES["icb"], cites,
                             ods_code=code, ons_code=row["ICB24CD"], established=ICB_START.isoformat())
        earlier = ons23[code]["ICB23CD"] if code in ons23 else None
        records.alias(oid, name, partner["ICB Name"] if partner else None, code, row["ICB24CD"], earlier)
    named = {row["ICB24CDH"] for row in inputs.icb24}
    unknown = [row for row in inputs.partners if row["ODS ICB Code"] not in named]
    if unknown:  # the workbook only gives ICBs another name; one naming no known ICB adds nothing
        records.count("ICB partners rows naming an ICB not in ons_icb24_names_codes.csv", len(unknown))


def _ccgs_and_locations(records: RecordSet, inputs: OdsInputs) -> None:
    ons21 = {row["CCG21CDH"]: row for row in inputs.ccg21}
    ons20 = {row["CCG20CDH"]: row for row in inputs.ccg20}
    sicbl = {row["SICBL23CDH"]: row for row in inputs.sicbl23}
    for row in inputs.eccg:
        roles = _roles(row)
        if ROLE_COMMISSIONING_HUB in roles:
            records.count("commissioning hubs skipped (ods_eccg.csv)")
            continue
        if ROLE_REPORTING_ENTITY in roles:
            oid = org_id("sub-icb-reporting-entity", row.code)
            records.organisation(oid, readable_case(row.name), ORG_TYPES["sub-icb-reporting-entity"], [_cite(row)],
                                 ods_code=row.code, established=iso(row.opened), dissolved=iso(after(row.closed)))
            records.alias(oid, row.name, row.code)
            continue
        retained = ROLE_SUB_ICB_LOCATION in roles
        ons = ons21.get(row.code) or ons20.get(row.code)
        ccg = org_id("ccg", row.code)
        cites = [_cite(row)] + ([_cite(ons)] if ons else [])
        label = (ons["CCG21NM"] if row.code in ons21 else ons["CCG20NM"]) if ons else readable_case(row.name)
        ons_code = (ons["CCG21CD"] if row.code in ons21 else ons["CCG20CD"]) if ons else None
        records.organisation(ccg, label, ORG_TYPES["ccg"], cites + ([source(SICBL_DEFINITION)] if retained else []),
                             ods_code=row.code, ons_code=ons_code, established=iso(row.opened),
                             dissolved=iso(ICB_START if retained else after(row.closed)))
        records.alias(ccg, None if retained else row.name, row.code, ons_code)
        records.count("CCGs")
        if retained:
            _location(records, row, sicbl.get(row.code), label)


def _location(records: RecordSet, row: OdsRow, ons: CsvRow | None, ccg_label: str) -> None:
    oid = org_id("sub-icb-location", row.code)
    label = ons["SICBL23NM"] if ons else readable_case(row.name)
    cites = [_cite(row), source(SICBL_DEFINITION)] + ([_cite(ons)] if ons else [])
    records.organisation(oid, label, ORG_TYPES["sub-icb-location"], cites, ods_code=row.code,
                         ons_code=ons["SICBL23CD"] if ons else None,
                         established=ICB_START.isoformat(), dissolved=iso(after(row.closed)),
                         description=f"Sub-ICB location. ODS kept the code {row.code} of {ccg_label} for it "
                                     f"from 1 July 2022.")
    records.alias(oid, row.name, row.code)
    records.count("sub-ICB locations")


def _dissolved(records: RecordSet, oid: str, where: str) -> dt.date | None:
    """``oid``'s dissolution; a row (``where``) naming a body no other file defines is an error
    naming that row (files from different releases ended in an internal KeyError)."""
    if oid not in records.organisations:
        raise not_defined(oid, where)
    value = records.organisations[oid].get("dissolved")
    return dt.date.fromisoformat(value) if value else None


def _until(records: RecordSet, where: str, *oids: str) -> dt.date | None:
    """The first dissolution among ``oids``: a membership ends when either side ends."""
    days = [d for d in (_dissolved(records, o, where) for o in oids) if d is not None]
    return min(days) if days else None


def add_relations(records: RecordSet, inputs: OdsInputs) -> None:
    """part_of links and the CCG -> ICB replacements (after successions set the ICBs' ends)."""
    for row in inputs.ccg21:
        ccg, stp = org_id("ccg", row["CCG21CDH"]), org_id("stp", row["STP21CDH"])
        if ccg not in records.organisations:  # a CCG of the April 2021 lookup that ods_eccg.csv lacks
            raise not_defined(ccg, row.locator)
        records.statement(ccg, PART_OF, stp, [_cite(row)], start=LOOKUP_2021, until=ICB_START, note=AS_AT_2021)
        records.statement(stp, PART_OF, org_id("region", row["NHSER21CDH"]), [_cite(row)], start=LOOKUP_2021,
                          note=AS_AT_2021)
    eccg = {row.code: row for row in inputs.eccg}
    for row in inputs.sicbl23:
        _location_relations(records, row, eccg.get(row["SICBL23CDH"]))
    for ods_row in inputs.eccg:
        if ROLE_REPORTING_ENTITY in _roles(ods_row):
            entity, icb = org_id("sub-icb-reporting-entity", ods_row.code), org_id("icb", ods_row.geography)
            records.statement(entity, PART_OF, icb, [_cite(ods_row)], start=ods_row.opened,
                              until=_until(records, ods_row.locator, entity, icb))


def _location_relations(records: RecordSet, row: CsvRow, ods_row: OdsRow | None) -> None:
    """One ONS 2023 lookup row: sub-ICB location -> ICB -> region, and ICB replaces the CCG."""
    code, icb_code = row["SICBL23CDH"], row["ICB23CDH"]
    icb, location, ccg = org_id("icb", icb_code), org_id("sub-icb-location", code), org_id("ccg", code)
    cites = [_cite(row)]
    if ods_row is not None and ods_row.geography == icb_code:
        cites.append(_cite(ods_row))
    else:
        records.count("sub-ICB locations whose ods_eccg.csv ICB differs from the ONS 2023 lookup")
    records.statement(location, PART_OF, icb, cites, start=ICB_START, until=_until(records, row.locator, location, icb))
    records.statement(icb, PART_OF, org_id("region", row["NHSER23CDH"]), [_cite(row)], start=ICB_START,
                      until=_dissolved(records, icb, row.locator))
    if ods_row is None or ccg not in records.organisations:
        records.count("ONS 2023 sub-ICB locations without a CCG in ods_eccg.csv")
        return
    records.statement(icb, REPLACES, ccg, [_cite(row), _cite(ods_row), source(SICBL_DEFINITION)], date=ICB_START,
                      by=HEALTH_AND_CARE_ACT, note=f"ODS kept code {code} for the sub-ICB location {row['SICBL23NM']}; the ICB "
                           f"is taken from the ONS April 2023 sub-ICB location to ICB lookup.")
    records.count("CCG -> ICB replacements (ONS lookup)")
