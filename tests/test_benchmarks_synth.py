"""The synthetic benchmark data is valid data of the size asked for (no timing here)."""

from __future__ import annotations

from pathlib import Path

import nhsgraph
from benchmarks import stages, synth


def test_synthetic_dataset_validates_and_has_about_the_requested_statements(tmp_path: Path) -> None:
    folder = synth.write(2000, tmp_path / "syn")
    dataset = nhsgraph.load(folder)
    assert abs(len(dataset.statements) - 2000) <= 2000 * 0.05
    relations = {s.relation for s in dataset.statements}
    assert {"instance_of", "part_of", "merges_into", "replaces"} <= relations


def test_lineage_alternatives_agree_on_a_synthetic_chain(tmp_path: Path) -> None:
    dataset = nhsgraph.load(synth.write(500, tmp_path / "syn"))
    edges = stages.succession_edges(dataset)
    start = synth.chain_starts(500)[0]
    expected = [f"syn/b{i}" for i in range(1, synth.CHAIN)]
    assert stages.LineageIndex(edges).lineage(start) == expected
    assert stages.networkx_lineage(edges)(start) == set(expected)
    assert sorted(stages.sparql_lineage(stages.sparql_store(edges))(start)) == sorted(
        stages.BASE + e for e in expected)


def test_sparql_over_the_rdf_export_finds_the_same_lineage(tmp_path: Path) -> None:
    dataset = nhsgraph.load(synth.write(500, tmp_path / "syn"))
    ntriples = tmp_path / "export.nt"
    stages.write_ntriples(stages.rdf_export(dataset), ntriples)
    start = synth.chain_starts(500)[0]
    later = stages.export_lineage(stages.export_store(ntriples))(start)
    assert sorted(iri.rsplit("/", 1)[-1] for iri in later) == sorted(f"b{i}" for i in range(1, synth.CHAIN))


def test_benchmark_turtle_is_the_build_turtle(tmp_path: Path) -> None:
    from nhsgraph.rdfformats import export_rdf

    dataset = nhsgraph.load(synth.write(300, tmp_path / "syn"))
    export, ntriples, turtle = stages.rdf_export(dataset), tmp_path / "export.nt", tmp_path / "export.ttl"
    stages.write_ntriples(export, ntriples)
    stages.turtle_pyoxigraph(export, ntriples, turtle)
    assert turtle.read_bytes() == export_rdf(dataset, "turtle")
