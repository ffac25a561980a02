"""The model round trip: YAML → model → graph, names, dates, deterministic ids."""

from __future__ import annotations

import pytest

import nhsgraph
from nhsgraph.dates import DateError, PartialDate
from nhsgraph.names import AmbiguousName, UnknownName

FIXTURE = {"st.yaml": """\
    statements:
      - subject: new-form
        relation: replaces
        object: old-form
        date: 2022-07-01
        by: act-2022
        sources:
          - document: doc-a
            quote: "The new form replaces the old form."
      - subject: body-x
        relation: proposes
        object: new-form
        date: 2020-11
        status: proposed
        attributed_to: body-x
        sources: [doc-a]
    """}


def test_yaml_to_graph_keeps_statement_fields(write_data):
    dataset = nhsgraph.load(write_data(FIXTURE))
    graph = dataset.graph()
    assert graph.nodes["old-form"]["kind"] == "org_type"
    assert graph.nodes["old-form"]["label"] == "old form"
    (key, attrs), = graph["new-form"]["old-form"].items()
    assert attrs["relation"] == "replaces"
    assert str(attrs["date"]) == "2022-07-01"
    assert attrs["by"] == "act-2022"
    assert attrs["sources"][0].quote == "The new form replaces the old form."
    assert key.startswith("st-")


def test_proposal_keeps_status_and_attribution_on_the_edge(write_data):
    graph = nhsgraph.load(write_data(FIXTURE)).graph()
    attrs = next(iter(graph["body-x"]["new-form"].values()))
    assert attrs["status"] == "proposed" and attrs["attributed_to"] == ["body-x"]


def test_statement_ids_are_deterministic_across_loads(write_data):
    folder = write_data(FIXTURE)
    first = [s.id for s in nhsgraph.load(folder).statements]
    second = [s.id for s in nhsgraph.load(folder).statements]
    assert first == second and len(set(first)) == len(first)


def test_date_precision_is_kept():
    assert PartialDate.parse("2022").precision == "year"
    assert PartialDate.parse("2022-07").latest.isoformat() == "2022-07-31"
    assert str(PartialDate.parse(2022)) == "2022"
    with pytest.raises(DateError):
        PartialDate.parse("2022-13")


@pytest.mark.parametrize("name", ["OF", "ofs", "old forms", "Old Form", "old-form", "  the old   form "])
def test_names_resolve_case_and_plural_insensitively(write_data, name):
    assert nhsgraph.load(write_data({})).resolve(name).id == "old-form"


def test_unknown_name_suggests(write_data):
    with pytest.raises(UnknownName) as info:
        nhsgraph.load(write_data({})).resolve("old frm")
    assert info.value.suggestions == ["old form"]


def test_ambiguous_name_lists_candidates(write_data):
    folder = write_data({"x.yaml": "org_types:\n  - {id: other, label: Other, aliases: [OF], sources: [doc-a]}\n"})
    with pytest.raises(AmbiguousName) as info:
        nhsgraph.load(folder).resolve("OF")
    assert [c[0] for c in info.value.candidates] == ["old-form", "other"]


def test_bundled_data_validates(bundled):
    errors = [p for p in bundled.problems if p.severity == "error"]
    assert errors == []
