"""Gaps in the bundled dataset that were closed with sources: what each fix must keep true.

The commissioning lineage must run unbroken from the 1974 authorities to integrated care
boards; renames must end the old name's period; start dates must keep the precision their
sources agree on. If one fails after an edit, re-read the sources named in the data first.
"""

from __future__ import annotations

import networkx as nx

from nhsgraph import queries
from nhsgraph.dataset import Dataset
from nhsgraph.diagram import diagram
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


def test_hscic_period_ends_at_its_rename_and_nhs_digital_carries_the_2023_merger(bundled: Dataset) -> None:
    """renamed_to means the subject continued under the object's name: the two names must not overlap."""
    hscic = bundled.entities["health-and-social-care-information-centre"]
    digital = bundled.entities["nhs-digital"]
    (rename,) = facts(bundled, "health-and-social-care-information-centre", "renamed_to", "nhs-digital")
    assert str(rename.date) == "2016" == str(hscic.dissolved) == str(digital.established)  # type: ignore[attr-defined]
    assert str(hscic.established) == "2013-04-01" and str(digital.dissolved) == "2023-02-01"  # type: ignore[attr-defined]
    assert [s.object for s in bundled.statements if s.relation == "merges_into" and s.status == "fact"
            and s.subject == hscic.id] == []
    (merger,) = facts(bundled, "nhs-digital", "merges_into", "nhs-england")
    assert str(merger.date) == "2023-02-01"


def test_no_renamed_body_outlives_its_rename(bundled: Dataset) -> None:
    """Whoever is renamed stops existing under the old name on the day of the rename (NICE, DH, HSCIC...)."""
    checked = 0
    for st in bundled.statements:
        if st.relation != "renamed_to" or st.status != "fact" or st.date is None:
            continue
        old, new = bundled.entities[st.subject], bundled.entities[st.object]
        dissolved, established = getattr(old, "dissolved", None), getattr(new, "established", None)
        if dissolved is not None:
            assert dissolved == st.date, (old.id, str(dissolved), str(st.date))
        if established is not None:
            assert established == st.date, (new.id, str(established), str(st.date))
        checked += 1
    assert checked >= 5


def test_family_practitioner_committees_ran_from_1974_until_their_1990_rename(bundled: Dataset) -> None:
    fpc = bundled.entities["family-practitioner-committee"]
    assert (str(fpc.established), str(fpc.dissolved)) == ("1974", "1990")  # type: ignore[attr-defined]
    assert fpc.established.precision == "year"  # type: ignore[attr-defined]  # no source gives the month
    assert any("1974" in (ref.quote or "") for ref in fpc.sources)
    assert any("established by each area health authority" in (ref.quote or "") for ref in fpc.sources)


def test_nhsx_ran_from_july_2019_into_2022_without_invented_days(bundled: Dataset) -> None:
    """Sources give two launch days (month kept) and only the month its name was retired (year kept)."""
    nhsx = bundled.entities["nhsx"]
    assert str(nhsx.established) == "2019-07" and nhsx.established.precision == "month"  # type: ignore[attr-defined]
    assert str(nhsx.dissolved) == "2022" and nhsx.dissolved.precision == "year"  # type: ignore[attr-defined]
    quotes = " ".join(ref.quote or "" for ref in nhsx.sources)
    assert "1 July" in quotes and "3 July" in quotes and "disbanded in January" in quotes
    (merger,) = facts(bundled, "nhsx", "merges_into", "nhs-england")
    assert str(merger.date) == "2022" and merger.by is None  # not done by legislation
    assert any("Transformation Directorate" in (ref.quote or "") for ref in merger.sources)


def test_commissioning_diagram_joins_every_bar_into_one_chain(bundled: Dataset) -> None:
    """No commissioning form floats alone: each bar is joined to the others by a drawn arrow."""
    picture = diagram(bundled, preset_name="commissioning")
    graph = nx.Graph()
    graph.add_nodes_from(picture.bar_ids)
    graph.add_edges_from((e.source, e.target) for e in picture.edges if e.arrow and not e.proposed)
    assert nx.number_connected_components(graph) == 1, list(nx.connected_components(graph))
    arrows = {(e.source, e.target) for e in picture.edges if e.arrow}
    assert ("health-authority", "primary-care-trust") in arrows
    fpc = picture.bar("family-practitioner-committee")
    assert fpc.start_known and int(fpc.start) == 1974


def test_long_term_plan_is_dated_7_january_2019_from_parliaments_own_record(bundled: Dataset) -> None:
    """The day rests on the Commons Library and the same-day Hansard statement, both quoted."""
    plan = bundled.entities["nhs-long-term-plan"]
    assert str(plan.date) == "2019-01-07" and plan.date.precision == "day"  # type: ignore[attr-defined]
    quotes = {ref.document: ref.quote or "" for ref in plan.sources if ref.quote}
    assert "launched on 7 January 2019" in quotes["commons-library-nhs-long-term-plan-2019"]
    urls = {getattr(bundled.entities[ref.document], "url", "") for ref in plan.sources}
    assert any(url.startswith("https://hansard.parliament.uk/commons/2019-01-07/") for url in urls)
