"""Hypothesis strategies for `nhsgraph ingest ods`: small, mutually consistent reference folders.

A generated folder holds all ten files in their published layouts (see docs/reference-data.md)
and is consistent by construction, the way one release of the files is: every CCG in the ONS
lookups is in ``ods_eccg.csv``, every ICB a lookup names is in ``ons_icb24_names_codes.csv``,
close dates follow open dates, successor rows name codes that were open on the day. Tests
then break one of those promises and check the ingest says so, or skips as documented.

Codes and names are invented (``0AX``, ``NHS AREA 0 CCG``), never real bodies.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

from nhsgraph.ingest.ods_inputs import (
    APPORTIONMENT,
    CCG20,
    CCG21,
    ECCG,
    ECT,
    ETR,
    ICB24,
    PARTNERS,
    ROLE_SUB_ICB_LOCATION,
    SICBL23,
    SUCC,
)

ODS_DATE = "%Y%m%d"
HEADERS = {
    CCG21: ["FID", "CCG21CD", "CCG21CDH", "CCG21NM", "STP21CD", "STP21CDH", "STP21NM", "NHSER21CD", "NHSER21CDH",
            "NHSER21NM"],
    CCG20: ["FID", "CCG20CD", "CCG20CDH", "CCG20NM"],
    SICBL23: ["SICBL23CD", "SICBL23CDH", "SICBL23NM", "ICB23CD", "ICB23CDH", "ICB23NM", "NHSER23CD", "NHSER23CDH",
              "NHSER23NM", "ObjectId"],
    ICB24: ["ICB24CD", "ICB24CDH", "ICB24NM", "ObjectId"],
    PARTNERS: ["NHS England Region", "ODS ICB Code", "ONS ICB Boundary Code", "ICB Name", "Sub ICB Locations",
               "ODS Sub ICB Code", "Local Authority", "ODS LA Code", "NHS Trusts", "ODS Trust Code"],
    APPORTIONMENT: ["NHS England Region", "ODS ICB Code", "ICB Name", "NHS Trusts", "ODS Trust Code"],
}
HEADERLESS = (SUCC, ECCG, ETR, ECT)


@dataclass
class Reference:
    """One release of the reference files as rows (header rows are added when written)."""

    rows: dict[str, list[list[str]]] = field(default_factory=lambda: {name: [] for name in (*HEADERLESS, *HEADERS)})

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        for name, rows in self.rows.items():
            buffer = io.StringIO(newline="")
            writer = csv.writer(buffer, quoting=csv.QUOTE_ALL if name in HEADERLESS else csv.QUOTE_MINIMAL,
                                lineterminator="\r\n")
            writer.writerows(([HEADERS[name]] if name in HEADERS else []) + rows)
            (folder / name).write_text(buffer.getvalue(), encoding="utf-8")
        return folder


def ods_row(code: str, name: str, region: str, geography: str, opened: dt.date, closed: dt.date | None,
            role: str = "") -> list[str]:
    """A row of the 27-column ODS layout (only the columns the ingest reads are filled)."""
    cells = [""] * 27
    cells[0], cells[1], cells[2], cells[3] = code, name, region, geography
    cells[10], cells[11] = opened.strftime(ODS_DATE), closed.strftime(ODS_DATE) if closed else ""
    cells[13] = role
    return cells


def succession(predecessor: str, successor: str, effective: dt.date) -> list[str]:
    return [predecessor, successor, "", effective.strftime(ODS_DATE), "0"]


CCG_START, MERGER = dt.date(2013, 4, 1), dt.date(2020, 4, 1)


def _letters(n: int) -> str:
    return chr(65 + n) * 2


@st.composite
def references(draw: st.DrawFn) -> Reference:
    """A consistent release: regions; ICBs (with the STP codes they took over); CCGs kept as
    sub-ICB locations in 2022, some of them formed in 2020 from CCGs that closed; trusts, some
    closed into an existing trust or a new one."""
    ref = Reference()
    rows = ref.rows
    regions = [(f"Y6{r}", f"E4000000{r}", f"Region {r}") for r in range(draw(st.integers(1, 2)))]
    icbs = []
    for i in range(draw(st.integers(1, 3))):
        icb = (f"Q{_letters(i)}", f"E5400000{i}", f"NHS Area {i} Integrated Care Board", draw(st.sampled_from(regions)))
        icbs.append(icb)
        rows[ICB24].append([icb[1], icb[0], icb[2], str(i + 1)])
    kept = [(f"0{chr(65 + c)}X", draw(st.sampled_from([CCG_START, MERGER]))) for c in range(draw(st.integers(1, 4)))]
    for c, (code, opened) in enumerate(kept):  # open until 1 July 2022, then a sub-ICB location of its ICB
        icb = draw(st.sampled_from(icbs))
        ons, region = f"E380000{c:02d}", icb[3]
        rows[ECCG].append(ods_row(code, f"NHS AREA {icb[0]} ICB - {code}", region[0], icb[0], opened, None,
                                  ROLE_SUB_ICB_LOCATION))
        rows[CCG21].append([str(c + 1), ons, code, f"NHS Area {c} CCG", icb[1], icb[0], f"Area {icb[0]}",
                            region[1], region[0], region[2]])
        rows[CCG20].append([str(c + 1), ons, code, f"NHS Area {c} CCG"])
        rows[SICBL23].append([ons, code, f"NHS Area {icb[0]} ICB - {code}", icb[1], icb[0], icb[2], region[1],
                              region[0], region[2], str(c + 1)])
        rows[PARTNERS].append([region[2], icb[0], icb[1], icb[2], f"NHS AREA ICB - {code}", code, "", "", "", ""])
    for c in range(draw(st.integers(0, 3))):  # closed on 31 March 2020, succeeded by a kept CCG
        code, icb = f"0{chr(65 + c)}M", draw(st.sampled_from(icbs))
        rows[ECCG].append(ods_row(code, f"NHS AREA {c} CCG", icb[3][0], icb[0], CCG_START, MERGER - dt.timedelta(days=1)))
        rows[SUCC].append(succession(code, draw(st.sampled_from(kept))[0], MERGER))
    first: tuple[str, dt.date] | None = None
    # The published file also lists codes never ingested (PCTs, SHAs, GP practices): skipped, counted.
    rows[SUCC].append(succession("5ZZ", "5ZY", dt.date(2006, 10, 1)))
    for t in range(draw(st.integers(1, 4))):
        code, icb = f"R{_letters(t)}", draw(st.sampled_from(icbs))
        opened = draw(st.dates(dt.date(1991, 4, 1), dt.date(2015, 1, 1)))
        kind = draw(st.sampled_from(["NHS TRUST", "NHS FOUNDATION TRUST"]))
        fate = draw(st.sampled_from(["open", "into an existing trust", "into a new trust"])) if t else "open"
        closed = draw(st.dates(opened, dt.date(2021, 1, 1))) if fate != "open" else None
        if fate == "into an existing trust" and (first is None or first[1] > closed):  # type: ignore[operator]
            fate, closed = "open", None
        rows[ETR].append(ods_row(code, f"AREA {t} {kind}", icb[3][0], icb[0], opened, closed))
        if closed is None:
            rows[APPORTIONMENT].append([icb[3][2], icb[0], icb[2], f"Area {t} trust", code])
            first = first or (code, opened)
            continue
        effective = closed + dt.timedelta(days=1)
        if fate == "into a new trust":
            heir = f"N{_letters(t)}"
            rows[ETR].append(ods_row(heir, f"AREA {t} NEW {kind}", icb[3][0], icb[0], effective, None))
            rows[APPORTIONMENT].append([icb[3][2], icb[0], icb[2], f"Area {t} new trust", heir])
        else:
            heir = first[0]  # type: ignore[index]
        rows[SUCC].append(succession(code, heir, effective))
    region = regions[0]
    rows[ECT].append(ods_row("TZZ", "AREA CARE NHS FOUNDATION TRUST", region[0], icbs[0][0], dt.date(2002, 4, 1), None))
    return ref
