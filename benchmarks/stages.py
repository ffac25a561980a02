"""The pipeline stages and their obvious alternatives, as plain functions.

Each returns what the next stage needs; pipeline.py times them. Where a stage of the
project is not available yet (``nhsgraph.rdf``, ``nhsgraph.queries``) the benchmark says
so in its notes and measures what exists.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from nhsgraph.dataset import Dataset
from nhsgraph.diagnostics import Problem
from nhsgraph.vocabulary import vocabulary

BASE = "https://w3id.org/nhsgraph/id/"
LATER = {"merges_into": False, "renamed_to": False, "replaces": True}
"""Relations a lineage walks forward in time; True when the later body is the subject."""


def load_records(folder: Path) -> tuple[Dataset, list[Problem]]:
    """Read and shape-check every record, then index them (``nhsgraph.load`` without the checks)."""
    from nhsgraph.loader import read_records

    problems: list[Problem] = []
    gc.disable()  # as nhsgraph.load does
    try:
        dataset = Dataset.from_records(read_records(folder, problems))
    finally:
        gc.enable()
    return dataset, problems


def validate(dataset: Dataset, problems: list[Problem]) -> list[Problem]:
    """The cross-record checks ``nhsgraph.load`` runs after reading."""
    from nhsgraph.checks import check

    gc.disable()
    try:
        found = problems + check(dataset)
    finally:
        gc.enable()
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise SystemExit(f"benchmark data does not validate: {errors[0].format()}")
    return found


# -- RDF ------------------------------------------------------------------------

def rdf_triples(dataset: Dataset) -> tuple[list[ox.Triple], str]:
    """The project's RDF export (``nhsgraph.rdf``) or, until it exists, a minimal mapping."""
    try:
        from nhsgraph.rdf import to_rdf
    except ImportError:
        return list(_minimal_triples(dataset)), "nhsgraph.rdf not available: minimal mapping (labels, types, fact edges)"
    return list(to_rdf(dataset).triples()), "nhsgraph.rdf"


def _minimal_triples(dataset: Dataset) -> Iterator[ox.Triple]:
    vocab = vocabulary()
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for entity in sorted(dataset.entities.values(), key=lambda e: e.id):
        node = ox.NamedNode(BASE + entity.id)
        yield ox.Triple(node, a, ox.NamedNode(vocab.expand(vocab.kinds[entity.kind].iri)))
        yield ox.Triple(node, label, ox.Literal(entity.label))
    for st in dataset.statements:
        if st.status == "fact" and st.relation in vocab.relations:
            predicate = ox.NamedNode(vocab.expand(vocab.relations[st.relation].iri))
            yield ox.Triple(ox.NamedNode(BASE + st.subject), predicate, ox.NamedNode(BASE + st.object))


def turtle_pyoxigraph(triples: list[ox.Triple]) -> bytes:
    try:
        from nhsgraph.rdfformats import prefixes
        declared = prefixes()
    except ImportError:
        declared = {"nhsg": "https://w3id.org/nhsgraph/ontology#"}
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=declared)
    assert data is not None  # serialize returns bytes when no output file is given
    return data


def turtle_rdflib(triples: list[ox.Triple]) -> bytes:
    """The alternative: the same triples through rdflib's own Turtle serialiser."""
    import rdflib

    graph = rdflib.Graph()
    for triple in triples:
        graph.add((_rdflib(triple.subject), _rdflib(triple.predicate), _rdflib(triple.object)))
    return graph.serialize(format="turtle", encoding="utf-8")


def _rdflib(term: Any) -> Any:
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


# -- lineage ----------------------------------------------------------------------

def succession_edges(dataset: Dataset) -> list[tuple[str, str]]:
    """(earlier, later) pairs from the facts a lineage walks."""
    edges = []
    for st in dataset.statements:
        if st.status == "fact" and st.relation in LATER:
            edges.append((st.object, st.subject) if LATER[st.relation] else (st.subject, st.object))
    return edges


class LineageIndex:
    """In-memory successor lists: a lineage is a breadth-first walk over them."""

    def __init__(self, edges: Iterable[tuple[str, str]]) -> None:
        self.later: dict[str, list[str]] = {}
        for earlier, later in edges:
            self.later.setdefault(earlier, []).append(later)

    def lineage(self, start: str) -> list[str]:
        seen, queue, order = {start}, deque([start]), []
        while queue:
            for nxt in self.later.get(queue.popleft(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    order.append(nxt)
                    queue.append(nxt)
        return order


def networkx_lineage(edges: list[tuple[str, str]]) -> Callable[[str], set[str]]:
    graph = nx.DiGraph(edges)
    return lambda start: nx.descendants(graph, start) if start in graph else set()


def sparql_store(edges: list[tuple[str, str]]) -> ox.Store:
    """An in-memory pyoxigraph store of the succession edges, as one predicate."""
    store = ox.Store()
    later = ox.NamedNode("https://w3id.org/nhsgraph/ontology#succeededBy")
    store.bulk_extend(ox.Quad(ox.NamedNode(BASE + a), later, ox.NamedNode(BASE + b), ox.DefaultGraph())
                      for a, b in edges)
    return store


def sparql_lineage(store: ox.Store) -> Callable[[str], list[str]]:
    def run(start: str) -> list[str]:
        query = f"SELECT ?later WHERE {{ <{BASE}{start}> <https://w3id.org/nhsgraph/ontology#succeededBy>+ ?later }}"
        return [solution["later"].value for solution in store.query(query)]  # type: ignore[union-attr,index]
    return run


def project_lineage(dataset: Dataset) -> tuple[Callable[[str], object] | None, str]:
    """``nhsgraph.queries.lineage`` when the query layer is present."""
    try:
        from nhsgraph.queries import lineage
    except ImportError:
        return None, "nhsgraph.queries not available"
    return (lambda start: lineage(dataset, start)), "nhsgraph.queries.lineage"
