"""The streamed GraphML (``nhsgraph build``) is the graph networkx would write, read back the same."""

from __future__ import annotations

import io

import networkx as nx

import nhsgraph
from nhsgraph.build import graphml_bytes
from nhsgraph.dataset import Dataset
from nhsgraph.graph import flat_graph

AWKWARD = {"awkward.yaml": """\
    people:
      - id: person-q
        label: "Quote \\"Q\\" <Smith> & Co"
        roles: ["Line one\\nline two", "tab\\there", "carriage\\rreturn"]
        sources: [doc-a]
    acts:
      - id: act-2012
        label: Example Act 2012
        year: 2012
        chapter: 7
        sources: [{document: doc-a, quote: "Café — naïve “quotes” & <tags>."}]
    statements:
      - subject: new-form
        relation: replaces
        object: old-form
        date: 2022-07
        by: act-2012
        note: "Two\\nlines, and a ]]> marker"
        sources: [doc-a]
      - subject: body-x
        relation: opposes
        object: new-form
        status: proposed
        attributed_to: [body-x, person-q]
        sources: [doc-a]
    """}


def _read(data: bytes) -> nx.MultiDiGraph:
    return nx.read_graphml(io.BytesIO(data), force_multigraph=True)


def _networkx_document(dataset: Dataset) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(flat_graph(dataset.graph()), buffer, encoding="utf-8")
    return buffer.getvalue().replace(b"\r", b"&#13;")


def _assert_same_graph(ours: nx.MultiDiGraph, reference: nx.MultiDiGraph) -> None:
    assert dict(ours.nodes(data=True)) == dict(reference.nodes(data=True))
    ours_edges = sorted((u, v, k, sorted(d.items())) for u, v, k, d in ours.edges(keys=True, data=True))
    reference_edges = sorted((u, v, k, sorted(d.items())) for u, v, k, d in reference.edges(keys=True, data=True))
    assert ours_edges == reference_edges


def test_streamed_graphml_reads_back_as_the_networkx_graph_of_the_bundled_data(bundled: Dataset) -> None:
    ours = _read(graphml_bytes(bundled))
    assert ours.number_of_nodes() == len(bundled.entities)
    assert ours.number_of_edges() == len(bundled.statements)
    _assert_same_graph(ours, _read(_networkx_document(bundled)))


def test_quotes_tags_newlines_tabs_and_carriage_returns_survive_the_round_trip(write_data) -> None:
    dataset = nhsgraph.load(write_data(AWKWARD))
    ours = _read(graphml_bytes(dataset))
    _assert_same_graph(ours, _read(_networkx_document(dataset)))
    person = ours.nodes["person-q"]
    assert person["label"] == 'Quote "Q" <Smith> & Co'
    assert '"carriage\\rreturn"' in person["roles"] and '"Line one\\nline two"' in person["roles"]
    (edge,) = ours["new-form"]["old-form"].values()
    assert edge["note"] == "Two\nlines, and a ]]> marker"
    assert edge["by"] == "act-2012"


def test_dates_are_written_as_iso_text_and_numbers_as_typed_values(write_data) -> None:
    dataset = nhsgraph.load(write_data(AWKWARD))
    ours = _read(graphml_bytes(dataset))
    (edge,) = ours["new-form"]["old-form"].values()
    assert edge["date"] == "2022-07"
    assert ours.nodes["old-form"]["established"] == "2013-04-01"
    assert ours.nodes["act-2012"]["chapter"] == 7 and ours.nodes["act-2012"]["year"] == 2012
    document = graphml_bytes(dataset).decode("utf-8")
    assert 'attr.name="chapter" attr.type="long"' in document
