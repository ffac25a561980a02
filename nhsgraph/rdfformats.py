"""Serialise an export as Turtle, N-Triples, JSON-LD or TriG, and register them as build outputs.

pyoxigraph writes every format in the order the triples are given, so the deterministic
order produced by :mod:`nhsgraph.rdf` gives byte-identical files for the same data.
"""

from __future__ import annotations

import io
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox

from nhsgraph.atomic import atomic_open, write_bytes
from nhsgraph.build import output
from nhsgraph.ntriples import RdfExport
from nhsgraph.rdf import to_rdf
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
    """One export in one format, as bytes (UTF-8)."""
    out = io.BytesIO()
    write_format(export, format_name, out)
    return out.getvalue()


def write_format(export: RdfExport, format_name: str, out: IO[bytes], source: Path | None = None) -> None:
    """Write one format to ``out``.

    N-Triples is written as produced. The other formats are pyoxigraph's rewriting of it, read
    from ``source`` (an N-Triples file of this export, or N-Quads for TriG) when given, so a large
    build streams from file to file instead of holding every format in memory at once.
    """
    fmt = FORMATS[format_name]
    if fmt.rdf_format == ox.RdfFormat.N_TRIPLES:
        export.write_ntriples(out)
        return
    parse_format = ox.RdfFormat.N_QUADS if fmt.quads else ox.RdfFormat.N_TRIPLES
    if source is not None:
        parsed = ox.parse(path=source, format=parse_format, lenient=True)
    else:
        parsed = ox.parse(export.nquads() if fmt.quads else export.ntriples(), format=parse_format, lenient=True)
    items = parsed if fmt.quads else (quad.triple for quad in parsed)
    if fmt.rdf_format == ox.RdfFormat.JSON_LD:
        # pyoxigraph writes expanded JSON-LD (an array of node objects); declare the prefixes in a
        # context around it, so consumers can compact, without re-reading a large document.
        out.write(b'{"@context":' + json.dumps(prefixes(), sort_keys=True).encode() + b',"@graph":')
        ox.serialize(items, out, ox.RdfFormat.JSON_LD)
        out.write(b"}\n")
    else:
        ox.serialize(items, out, fmt.rdf_format, prefixes=prefixes())


def export_rdf(dataset: Dataset, format_name: str = "turtle", base: str | None = None) -> bytes:
    """The dataset serialised in ``format_name`` (turtle, ntriples, jsonld or trig)."""
    return serialise(to_rdf(dataset, base), format_name)


@output("rdf")
def write_rdf(dataset: Dataset, out_dir: Path) -> list[Path]:
    """``nhsgraph build``: the graph in every RDF format, plus the ontology and SHACL shapes."""
    from nhsgraph.ontology import ontology_turtle, shapes_turtle

    export = to_rdf(dataset)
    written = []
    ntriples = out_dir / f"nhsgraph{FORMATS['ntriples'].suffix}"
    with atomic_open(ntriples, "wb") as handle:
        export.write_ntriples(handle)
    written.append(ntriples)
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".nquads-") as tmp:
        nquads_file = Path(tmp) / "nhsgraph.nq"
        with nquads_file.open("wb") as handle:
            export.write_nquads(handle)
        for fmt in FORMATS.values():
            if fmt.name == "ntriples":
                continue
            path = out_dir / f"nhsgraph{fmt.suffix}"
            with atomic_open(path, "wb") as handle:
                write_format(export, fmt.name, handle, nquads_file if fmt.quads else ntriples)
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
