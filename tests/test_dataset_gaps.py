"""Gaps in the bundled dataset that were closed with sources: what each fix must keep true.

The commissioning lineage must run unbroken from the 1974 authorities to integrated care
boards; renames must end the old name's period; start dates must keep the precision their
sources agree on. If one fails after an edit, re-read the sources named in the data first.
"""

from __future__ import annotations

from nhsgraph import queries
from nhsgraph.dataset import Dataset
from nhsgraph.model import Statement


def facts(dataset: Dataset, subject: str, relation: str, obj: str) -> list[Statement]:
    return [s for s in dataset.statements
            if (s.subject, s.relation, s.object, s.status) == (subject, relation, obj, "fact")]


def test_primary_care_trusts_took_over_commissioning_from_health_authorities_in_2002(bundled: Dataset) -> None:
    """The link that joined the 1974-2002 authorities to the 2000-2013 commissioners."""
    (link,) = facts(bundled, "primary-care-trust", "replaces", "health-authority")
    assert (str(link.from_), str(link.until), link.date) == ("2002-04-01", "2002-10-01", None)
    assert link.note and "commissioning role" in link.note
    quotes = " ".join(ref.quote or "" for ref in link.sources)
    assert "including commissioning" in quotes and "1 October 2002" in quotes and "1st April" in quotes
    # The health authorities themselves continued, renamed, so they are not recorded as replaced by PCTs alone.
    (rename,) = facts(bundled, "health-authority", "renamed_to", "strategic-health-authority")
    assert str(rename.date) == "2002-10-01"


def test_commissioning_lineage_runs_from_1974_to_integrated_care_boards(bundled: Dataset) -> None:
    chain = queries.lineage(bundled, "primary care trusts")
    earlier = {a.id for a in chain.predecessors if a.status == "fact"}
    later = {a.id for a in chain.successors if a.status == "fact"}
    assert {"health-authority", "district-health-authority", "area-health-authority",
            "family-health-services-authority", "family-practitioner-committee", "primary-care-group"} <= earlier
    assert {"clinical-commissioning-group", "integrated-care-board"} <= later
