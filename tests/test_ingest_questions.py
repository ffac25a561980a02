"""The researchers' questions answered on the bundled reference layer, through the query layer."""

from __future__ import annotations

import pytest

from nhsgraph.dataset import Dataset

queries = pytest.importorskip("nhsgraph.queries")


def _count(bundled: Dataset, day: str, org_type: str) -> int:
    return len(queries.as_of(bundled, day, org_type=org_type))


def test_as_of_counts_ccgs_and_icbs_on_the_reform_dates(bundled: Dataset) -> None:
    assert _count(bundled, "2013-04-01", "CCG") == 211
    assert _count(bundled, "2022-06-30", "CCG") == 106
    assert _count(bundled, "2022-07-01", "CCG") == 0
    assert _count(bundled, "2022-07-01", "ICB") == 42


def test_replaced_by_barnsley_ccg_is_south_yorkshire_icb_from_1_july_2022(bundled: Dataset) -> None:
    facts = [a for a in queries.replaced_by(bundled, "NHS Barnsley CCG") if a.status == "fact"]
    assert [(a.label, a.date) for a in facts] == [("NHS South Yorkshire ICB", "2022-07-01")]
    locators = {s["locator"] for s in facts[0].sources}
    assert "ons_sicbl23_icb23_nhser23_lookup.csv row 104" in locators


def test_lineage_of_a_2013_ccg_walks_its_merger_to_its_icb(bundled: Dataset) -> None:
    lineage = queries.lineage(bundled, "NHS Leeds North CCG")
    assert [(a.label, a.date) for a in lineage.successors] == [
        ("NHS Leeds CCG", "2018-04-01"), ("NHS West Yorkshire ICB", "2022-07-01")]


def test_bassetlaw_ccg_is_replaced_by_nottinghamshire_icb_not_its_stp_successor(bundled: Dataset) -> None:
    labels = [a.label for a in queries.replaced_by(bundled, "NHS Bassetlaw CCG")]
    assert labels == ["NHS Nottingham and Nottinghamshire ICB"]
