"""SPARQL over the built graph in an embedded pyoxigraph store: no server, standard results.

The store holds three named graphs (asserted facts and entities, non-fact claims, and the
ontology) and queries see their union by default, so ``GRAPH <.../graph/asserted>`` restricts
a query to what happened. Values a user supplies are never pasted into query text: they are
bound to variables (SPARQL 1.1 substitution, as ``VALUES`` would), so no input can change a
query's meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from nhsgraph.ontology import ontology_triples
from nhsgraph.rdf import to_rdf
from nhsgraph.rdfformats import prefixes
from nhsgraph.rdfterms import DEFAULT_BASE, Minter, rdf_terms, to_bytes
from nhsgraph.sparql_errors import syntax_message
from nhsgraph.userfiles import MAX_QUERY_BYTES, UserFileError, read_text

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV}


class QueryError(ValueError):
    """A query that cannot be run (syntax error, unknown variable to bind, unreadable query file)."""


def read_query_file(path: Path) -> str:
    """The text of a query file, refused by size before reading and named in every error."""
    try:
        return read_text(path, MAX_QUERY_BYTES, "query files")
    except UserFileError as exc:
        raise QueryError(str(exc)) from None


@dataclass
class Results:
    """A query's answer: ``variables`` and ``rows`` (SELECT), ``boolean`` (ASK) or ``triples`` (CONSTRUCT).

    ``text`` holds the answer serialised in a standard format when one was asked for (SPARQL
    results JSON or CSV; Turtle for triples), written by pyoxigraph itself.
    """

    variables: list[str]
    rows: list[dict[str, Term | None]] | None = None
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None
    text: str | None = None


def load_store(dataset: Dataset, base: str = DEFAULT_BASE, ontology: bool = True) -> ox.Store:
    """An in-memory store with the dataset (asserted and claims graphs) and, by default, the ontology."""
    store = ox.Store()
    store.load(to_rdf(dataset, base).nquads(), format=ox.RdfFormat.N_QUADS)
    if ontology:
        graph = ox.NamedNode(rdf_terms().ontology_iri)
        store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in ontology_triples())
    return store


def entity_term(dataset: Dataset, name: str, base: str = DEFAULT_BASE) -> ox.NamedNode:
    """The IRI of the entity a user names (id, label or alias), for binding to a query variable."""
    entity = dataset.resolve(name)
    legislation = getattr(entity, "legislation_id", None)
    return ox.NamedNode(Minter(base).entity(entity.id, legislation))


def run_query(store: ox.Store, query: str, bindings: dict[str, Term] | None = None,
              format_name: str = "table") -> Results:
    """Run ``query`` with ``bindings`` substituted for variables (never spliced into the text).

    ``format_name`` ``json`` or ``csv`` also fills ``Results.text`` with standard SPARQL results.
    """
    try:
        substitutions = {ox.Variable(name): value for name, value in (bindings or {}).items()}
    except ValueError as exc:
        raise QueryError(f"invalid variable name to bind: {exc}") from None
    try:
        result = store.query(query, prefixes=prefixes(), use_default_graph_as_union=True,
                             substitutions=substitutions or None)
    except SyntaxError as exc:
        raise QueryError(syntax_message(str(exc), query, prefixes())) from None
    except RuntimeError as exc:
        message = str(exc)
        if "SELECT projection" in message:
            message += " (a bound variable must be selected, e.g. SELECT ?target ... or SELECT *)"
        raise QueryError(f"SPARQL query failed: {message}") from None
    if isinstance(result, ox.QueryTriples):
        triples = list(result)
        turtle = to_bytes(triples, ox.RdfFormat.TURTLE, prefixes=prefixes()).decode("utf-8")
        return Results([], triples=triples, text=turtle)
    if format_name in RESULT_FORMATS:
        text = result.serialize(format=RESULT_FORMATS[format_name])
        assert text is not None
        return Results([], text=text.decode("utf-8"))
    if isinstance(result, ox.QueryBoolean):
        return Results([], boolean=bool(result))
    variables = [v.value for v in result.variables]
    rows = [{v: solution[v] for v in variables} for solution in result]
    return Results(variables, rows=rows)


def query_dataset(dataset: Dataset, query: str, bindings: dict[str, str] | None = None,
                  text_bindings: dict[str, str] | None = None, base: str = DEFAULT_BASE,
                  format_name: str = "table") -> Results:
    """Query a dataset: ``bindings`` name entities (resolved like ``show``), ``text_bindings`` are plain strings."""
    values: dict[str, Term] = {k: entity_term(dataset, v, base) for k, v in (bindings or {}).items()}
    values.update({k: ox.Literal(v) for k, v in (text_bindings or {}).items()})
    return run_query(load_store(dataset, base), query, values, format_name)


def compact(term: Term | None, base: str = DEFAULT_BASE) -> str:
    """A short display form: prefixed names for vocabulary IRIs, ids for our entities, values for literals."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        iri = term.value
        if iri.startswith(base):
            return iri[len(base):]
        for name, namespace in prefixes().items():
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{name}:{iri[len(namespace):]}"
        return iri
    return str(term)
