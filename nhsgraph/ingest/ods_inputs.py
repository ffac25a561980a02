"""The ODS/ONS input files, their curated documents, and the id and type scheme.

Every generated record cites its file through a curated ``document`` (in
``data/documents/reference.yaml``) whose id is the file name as a slug
(``ods_succ.csv`` -> ``ods-succ``), with the row as the locator.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from nhsgraph.ingest.ods_files import (
    CsvRow,
    OdsRow,
    SourceFileError,
    Succession,
    read_ods_organisations,
    read_successions,
    read_table,
)

SUCC = "ods_succ.csv"
ECCG = "ods_eccg.csv"
ETR = "ods_etr.csv"
ECT = "ods_ect_active_2023.csv"
PARTNERS = "ods_icb_partners_2023-08.csv"
APPORTIONMENT = "ods_icb_financial_apportionment_2023-08.csv"
CCG21 = "ons_ccg21_stp21_nhser21_lookup.csv"
CCG20 = "ons_ccg20_names_codes.csv"
SICBL23 = "ons_sicbl23_icb23_nhser23_lookup.csv"
ICB24 = "ons_icb24_names_codes.csv"
FILES = (SUCC, ECCG, ETR, ECT, PARTNERS, APPORTIONMENT, CCG21, CCG20, SICBL23, ICB24)

# Curated web pages (data/documents/reference.yaml) cited for facts the files imply but do not state.
SICBL_DEFINITION = "nhs-data-dictionary-sub-icb-location"
ICB_ESTABLISHMENT = "nhse-integrated-care-boards-in-england"

ICB_START = dt.date(2022, 7, 1)
"""1 July 2022: ICBs established, CCGs abolished, CCG codes kept for sub-ICB locations."""
LOOKUP_2021 = dt.date(2021, 4, 1)
"""The date of the ONS April 2021 CCG -> STP -> region lookups."""

# id role segment -> curated org type id. Trusts are typed by name (foundation trust or not).
ORG_TYPES = {
    "region": "nhs-england-region",
    "stp": "sustainability-and-transformation-partnership",
    "icb": "integrated-care-board",
    "ccg": "clinical-commissioning-group",
    "sub-icb-location": "sub-icb-location",
    "sub-icb-reporting-entity": "sub-icb-reporting-entity",
    "care-trust": "care-trust",
}
NHS_TRUST = "nhs-trust"
FOUNDATION_TRUST = "nhs-foundation-trust"

# Role codes in column 14 of ods_eccg.csv.
ROLE_SUB_ICB_LOCATION = "RO319"
ROLE_REPORTING_ENTITY = "RO327"
ROLE_COMMISSIONING_HUB = "RO218"


def document(file: str) -> str:
    """The curated document id for a reference file: ``ods_succ.csv`` -> ``ods-succ``."""
    return Path(file).stem.lower().replace("_", "-").replace(".", "-")


def org_id(role: str, code: str) -> str:
    """Reference organisation ids: ``ods/<role>/<ods code in lower case>``, e.g. ``ods/ccg/02p``.

    The role segment is needed because ODS reuses codes: 02P is NHS Barnsley CCG until
    30 June 2022 and a sub-ICB location after; QF7 is an STP code and then an ICB's.
    """
    return f"ods/{role}/{code.lower()}"


ROLE_NAMES = {"ccg": "CCG", "icb": "ICB", "stp": "STP", "sub-icb-location": "sub-ICB location",
              "sub-icb-reporting-entity": "sub-ICB reporting entity", "region": "NHS England region",
              "trust": "NHS trust", "care-trust": "care trust"}


def not_defined(oid: str, where: str) -> SourceFileError:
    """The error for a row (``where``) naming a body no other file defines: files from different
    releases, or one edited by hand. Said once, here, for every file that names another's codes."""
    _, role, code = oid.split("/")
    return SourceFileError(f"{where}: {ROLE_NAMES.get(role, role)} {code.upper()} is not in the other reference "
                           f"files; are they all from the same release? (docs/reference-data.md)")


def day_before(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=1)


def after(closed: dt.date | None) -> dt.date | None:
    """Our ``dissolved`` from an ODS close date: the day after the last open day."""
    return closed + dt.timedelta(days=1) if closed else None


@dataclass
class OdsInputs:
    """Every input file, read and shape-checked."""

    successions: list[Succession]
    eccg: list[OdsRow]
    etr: list[OdsRow]
    ect: list[OdsRow]
    partners: list[CsvRow]
    apportionment: list[CsvRow]
    ccg21: list[CsvRow]
    ccg20: list[CsvRow]
    sicbl23: list[CsvRow]
    icb24: list[CsvRow]

    @classmethod
    def read(cls, folder: Path) -> OdsInputs:
        missing = [name for name in FILES if not (folder / name).is_file()]
        if missing:
            raise SourceFileError(f"{folder}: missing reference file(s): {', '.join(missing)}")
        return cls(
            successions=read_successions(folder / SUCC),
            eccg=read_ods_organisations(folder / ECCG),
            etr=read_ods_organisations(folder / ETR),
            ect=read_ods_organisations(folder / ECT),
            partners=read_table(folder / PARTNERS, ("ODS ICB Code", "ICB Name", "ODS Sub ICB Code")),
            apportionment=read_table(folder / APPORTIONMENT, ("ODS ICB Code", "ODS Trust Code")),
            ccg21=read_table(folder / CCG21, ("CCG21CD", "CCG21CDH", "CCG21NM", "STP21CD", "STP21CDH", "STP21NM",
                                              "NHSER21CD", "NHSER21CDH", "NHSER21NM")),
            ccg20=read_table(folder / CCG20, ("CCG20CD", "CCG20CDH", "CCG20NM")),
            sicbl23=read_table(folder / SICBL23, ("SICBL23CD", "SICBL23CDH", "SICBL23NM", "ICB23CD", "ICB23CDH",
                                                  "ICB23NM", "NHSER23CD", "NHSER23CDH", "NHSER23NM")),
            icb24=read_table(folder / ICB24, ("ICB24CD", "ICB24CDH", "ICB24NM")),
        )
