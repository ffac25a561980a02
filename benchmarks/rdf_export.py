"""Benchmark: export a synthetic graph of N statements as RDF, pyoxigraph vs rdflib.

    python benchmarks/rdf_export.py                 # 100,000 statements
    python benchmarks/rdf_export.py --statements 1000000

Builds the dataset in memory (no YAML parsing: this measures the RDF layer only), then times
producing the triples, serialising them with pyoxigraph in every format, and the obvious
alternative, rdflib's Turtle writer, on a sample (it is too slow for the whole graph),
extrapolated linearly. Prints figures and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox
import rdflib

from nhsgraph.dataset import Dataset
from nhsgraph.model import Act, Document, Organisation, OrgType, SourceRef, Statement
from nhsgraph.rdf import to_rdf
from nhsgraph.rdfformats import FORMATS, serialise
from nhsgraph.rdfterms import to_bytes


def synthetic(statements: int) -> Dataset:
    """Bodies of two types, each replaced by the next; a quarter of statements are attributed proposals."""
    dataset = Dataset()
    dataset.entities["doc"] = Document(id="doc", label="Synthetic source", document_type="report")
    dataset.entities["act"] = Act(id="act", label="Synthetic Act 2022", year=2022, chapter=99)
    for form in ("form-a", "form-b"):
        dataset.entities[form] = OrgType(id=form, label=form, sources=[SourceRef(document="doc")])
    bodies = max(2, statements // 2)
    for i in range(bodies):
        dataset.entities[f"b{i}"] = Organisation(id=f"b{i}", label=f"Body {i}", org_type="form-a" if i % 2 else "form-b",
                                                 ods_code=f"X{i}", sources=[SourceRef(document="doc")])
    for i in range(statements):
        proposal = i % 4 == 0
        st = Statement(subject=f"b{(i + 1) % bodies}", relation="replaces", object=f"b{i % bodies}",
                       date=f"20{10 + i % 12}-0{1 + i % 9}-01", by=None if proposal else "act",
                       status="proposed" if proposal else "fact", attributed_to=["b0"] if proposal else [],
                       sources=[SourceRef(document="doc", quote=f"Body {i} was replaced.")])
        dataset.add_statement(st)
    return dataset


def timed(label: str, function):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = function()
    seconds = time.perf_counter() - start
    print(f"{label:<48} {seconds:8.2f} s")
    return value, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--rdflib-sample", type=int, default=20_000, help="triples given to rdflib's Turtle writer")
    args = parser.parse_args()
    print(f"synthetic dataset: {args.statements:,} statements")
    dataset, _ = timed("build dataset in memory", lambda: synthetic(args.statements))
    export, produce = timed("produce triples (nhsgraph.rdf.to_rdf)", lambda: to_rdf(dataset))
    triples = len(export)
    print(f"{triples:,} triples ({triples / produce:,.0f} triples/s produced)")
    seconds = {}
    for name in FORMATS:
        data, seconds[name] = timed(f"pyoxigraph serialise {name}", lambda n=name: serialise(export, n))
        print(f"{'':<48} {len(data) / 2**20:8.1f} MiB, {triples / seconds[name]:,.0f} triples/s")
    sample = list(export.triples())[: args.rdflib_sample]
    graph = rdflib.Graph()
    graph.parse(data=to_bytes(sample, ox.RdfFormat.N_TRIPLES).decode(), format="nt")
    _, rdflib_seconds = timed(f"rdflib serialise turtle ({len(sample):,} triple sample)",
                              lambda: graph.serialize(io.BytesIO(), format="turtle"))
    rdflib_rate = len(sample) / rdflib_seconds
    print(f"rdflib turtle: {rdflib_rate:,.0f} triples/s -> {triples / rdflib_rate:,.1f} s extrapolated for the whole graph")
    print(f"ratio: pyoxigraph turtle is {(triples / seconds['turtle']) / rdflib_rate:,.0f}x rdflib's")
    print(f"total export (produce + all four formats): {produce + sum(seconds.values()):.2f} s")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10:,.0f} MiB")


if __name__ == "__main__":
    main()
