"""The loader fuzz target: bytes in, problems out, and never anything else.

One function, :func:`check_loader`, shared by the YAML and JSON Lines entry points
(``fuzz_yaml.py``, ``fuzz_jsonl.py``) and by ``tests/test_fuzz_regressions.py``, so a
crashing input found by the fuzzer replays in CI through exactly the same code.

What must hold for any bytes: reading and checking never raise; every problem names
the file and a line and column >= 1 (a position exists for anything inside a file)
and prints as UTF-8; a dataset without errors builds its graph, its GraphML parses back,
and its RDF (N-Triples) parses strictly with every triple.
"""

from __future__ import annotations

import io

import networkx as nx
import pyoxigraph as ox

from nhsgraph.build import graphml_bytes
from nhsgraph.checks import check
from nhsgraph.citations import statement_json
from nhsgraph.dataset import Dataset
from nhsgraph.diagnostics import Problem
from nhsgraph.loader import read_bytes
from nhsgraph.rdf import to_rdf
from nhsgraph.rdfformats import serialise


def check_loader(data: bytes, *, jsonl: bool) -> list[Problem]:
    """Load ``data`` as one file; assert the loader's promises; return the problems."""
    name = "fuzz.jsonl" if jsonl else "fuzz.yaml"
    problems: list[Problem] = []
    records = list(read_bytes(name, data, problems, jsonl=jsonl))
    dataset = Dataset.from_records(records)
    problems.extend(check(dataset))
    for problem in problems:
        assert problem.file == name, problem
        assert problem.line >= 1 and problem.column >= 1, problem
        problem.format().encode("utf-8")
    if not any(p.severity == "error" for p in problems):
        graph = dataset.graph()
        assert nx.read_graphml(io.BytesIO(graphml_bytes(dataset))).number_of_nodes() == graph.number_of_nodes()
        for statement in dataset.statements:
            statement_json(dataset, statement)
        export = to_rdf(dataset)
        triples = list(ox.parse(serialise(export, "ntriples"), format=ox.RdfFormat.N_TRIPLES))  # strict
        assert len(triples) == len(export)
    return problems
