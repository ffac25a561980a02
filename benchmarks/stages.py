"""The pipeline stages and their obvious alternatives, as plain functions.

Each returns what the next stage needs; pipeline.py times them. The alternatives are
measured on the same input as the project's own code: the same triples for both Turtle
writers, the same succession facts for every lineage method.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from nhsgraph.dataset import Dataset
from nhsgraph.diagnostics import Problem
from nhsgraph.ntriples import RdfExport
from nhsgraph.queries import lineage
from nhsgraph.rdf import to_rdf
from nhsgraph.rdfformats import write_format
from nhsgraph.rdfterms import DEFAULT_BASE
from nhsgraph.vocabulary import vocabulary

BASE = DEFAULT_BASE
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

def rdf_export(dataset: Dataset) -> RdfExport:
    """The project's RDF mapping (``nhsgraph.rdf``): N-Triples lines in compressed blocks."""
    return to_rdf(dataset)


def write_ntriples(export: RdfExport, path: Path) -> None:
    """The N-Triples file, as ``nhsgraph build`` writes it (streamed, block by block)."""
    with path.open("wb") as handle:
        export.write_ntriples(handle)


def turtle_pyoxigraph(export: RdfExport, ntriples: Path, path: Path) -> None:
    """Turtle as ``nhsgraph build`` writes it: pyoxigraph rewrites the N-Triples file, streaming."""
    with path.open("wb") as handle:
        write_format(export, "turtle", handle, ntriples)


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


def export_store(ntriples: Path) -> ox.Store:
    """An in-memory pyoxigraph store of the whole RDF export (as ``nhsgraph serve`` would hold it)."""
    store = ox.Store()
    store.bulk_load(path=ntriples, format=ox.RdfFormat.N_TRIPLES)
    return store


def export_lineage(store: ox.Store) -> Callable[[str], list[str]]:
    """Later bodies by a SPARQL property path over the export's plain fact edges."""
    vocab = vocabulary()
    steps = "|".join(("^" if later_is_subject else "") + f"<{vocab.expand(vocab.relations[name].iri)}>"
                     for name, later_is_subject in LATER.items())

    def run(start: str) -> list[str]:
        query = f"SELECT DISTINCT ?later WHERE {{ <{DEFAULT_BASE}{start}> ({steps})+ ?later }}"
        return [solution["later"].value for solution in store.query(query)]  # type: ignore[union-attr,index]
    return run


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


def project_lineage(dataset: Dataset) -> Callable[[str], object]:
    """The project's own answer: ``nhsgraph.queries.lineage`` (chain, context and lifespans)."""
    return lambda start: lineage(dataset, start)
