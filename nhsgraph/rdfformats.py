"""Serialise an export as Turtle, N-Triples, JSON-LD or TriG, and register them as build outputs.

pyoxigraph writes every format in the order the triples are given, so the deterministic
order produced by :mod:`nhsgraph.rdf` gives byte-identical files for the same data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from nhsgraph.atomic import write_bytes
from nhsgraph.build import output
from nhsgraph.rdf import RdfExport, to_rdf
from nhsgraph.rdfterms import rdf_terms, to_bytes

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset


@dataclass(frozen=True)
class Format:
    name: str
    rdf_format: ox.RdfFormat
    suffix: str
    media_type: str
    quads: bool = False


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", ox.RdfFormat.TURTLE, ".ttl", "text/turtle"),
        Format("ntriples", ox.RdfFormat.N_TRIPLES, ".nt", "application/n-triples"),
        Format("jsonld", ox.RdfFormat.JSON_LD, ".jsonld", "application/ld+json"),
        Format("trig", ox.RdfFormat.TRIG, ".trig", "application/trig", quads=True),
    )
}


def prefixes() -> dict[str, str]:
    """The prefixes declared in Turtle, TriG and the JSON-LD context (sorted, so output is stable).

    Data IRIs (under ``--base`` and legislation.gov.uk) get no prefix: ids such as ``ods/02p``
    would need escaped local names (``id:ods\\/02p``), which some triple stores reject.
    """
    terms = rdf_terms()
    return {name: terms.prefixes[name] for name in sorted(terms.prefixes) if name not in ("leg", "sh", "vann", "nhsgsh")}


def serialise(export: RdfExport, format_name: str) -> bytes:
    """One export in one format, as bytes (UTF-8).

    N-Triples is written as produced; the other formats are pyoxigraph's rewriting of it.
    """
    fmt = FORMATS[format_name]
    if fmt.rdf_format == ox.RdfFormat.N_TRIPLES:
        return export.ntriples()
    if fmt.quads:
        return to_bytes(export.quads(), fmt.rdf_format, prefixes=prefixes())
    data = to_bytes(export.triples(), fmt.rdf_format, prefixes=prefixes())
    if fmt.rdf_format == ox.RdfFormat.JSON_LD:
        # pyoxigraph writes expanded JSON-LD (an array of node objects); declare the prefixes in a
        # context around it, so consumers can compact, without re-parsing a large document.
        context = json.dumps(prefixes(), sort_keys=True).encode()
        data = b'{"@context":' + context + b',"@graph":' + data.strip() + b"}\n"
    return data


def export_rdf(dataset: Dataset, format_name: str = "turtle", base: str | None = None) -> bytes:
    """The dataset serialised in ``format_name`` (turtle, ntriples, jsonld or trig)."""
    return serialise(to_rdf(dataset, base), format_name)


@output("rdf")
def write_rdf(dataset: Dataset, out_dir: Path) -> list[Path]:
    """``nhsgraph build``: the graph in every RDF format, plus the ontology and SHACL shapes."""
    from nhsgraph.ontology import ontology_turtle, shapes_turtle

    export = to_rdf(dataset)
    written = []
    for fmt in FORMATS.values():
        path = out_dir / f"nhsgraph{fmt.suffix}"
        write_bytes(path, serialise(export, fmt.name))
        written.append(path)
    for name, text in (("nhsgraph-ontology.ttl", ontology_turtle()), ("nhsgraph-shapes.ttl", shapes_turtle())):
        write_bytes(out_dir / name, text.encode("utf-8"))
        written.append(out_dir / name)
    return written


def store_payload(dataset: Dataset, base: str | None = None, ontology: bool = True) -> tuple[bytes, int]:
    """N-Triples for a triple store: the export and (by default) the ontology, and the triple count.

    The example queries read labels and notations from the ontology, so it travels with the data.
    """
    from nhsgraph.ontology import ontology_triples

    export = to_rdf(dataset, base)
    data = export.ntriples()
    count = len(export)
    if ontology:
        extra = ontology_triples()
        data += to_bytes(extra, ox.RdfFormat.N_TRIPLES)
        count += len(extra)
    return data, count


def nquads(dataset: Dataset, base: str | None = None) -> bytes:
    """N-Quads of the asserted and claims graphs plus the ontology in its own graph (for ``serve``)."""
    from nhsgraph.ontology import ontology_triples

    graph = ox.NamedNode(rdf_terms().ontology_iri)
    onto = to_bytes((ox.Quad(t.subject, t.predicate, t.object, graph) for t in ontology_triples()), ox.RdfFormat.N_QUADS)
    return to_rdf(dataset, base).nquads() + onto
