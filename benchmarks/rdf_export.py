"""Benchmark: export a synthetic graph of N statements as RDF, pyoxigraph vs rdflib.

    python benchmarks/rdf_export.py                                   # 100,000 statements
    python benchmarks/rdf_export.py --statements 1000000 --curated 0.1

The dataset is built in memory (no YAML: this measures the RDF layer only). ``--curated`` is the
share of statements that are curated (each becomes a statement resource with a quoted citation,
and facts a change event: ~27 triples); the rest are reference-data organisations, each with the
derived ``instance_of`` edge the loader makes from ``org_type`` (~8 triples per body). The build
path is timed as ``nhsgraph build`` runs it (N-Triples streamed to a file, pyoxigraph rewriting
that file into the other formats), against the obvious alternative, rdflib's Turtle writer, timed
on a sample (it is too slow for the whole graph) and extrapolated linearly. Prints figures and
ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import rdflib

from nhsgraph.dataset import Dataset
from nhsgraph.model import Act, Document, Organisation, OrgType, SourceRef, Statement
from nhsgraph.ntriples import RdfExport
from nhsgraph.rdf import to_rdf
from nhsgraph.rdfformats import FORMATS, write_format

T = TypeVar("T")


def synthetic(statements: int, curated_share: float) -> Dataset:
    """Reference bodies of two types, and curated replacements between them (a quarter proposals)."""
    dataset = Dataset()
    doc = SourceRef.model_construct(document="doc", quote=None, locator=None)
    dataset.entities["doc"] = Document(id="doc", label="Synthetic source", document_type="report")
    dataset.entities["act"] = Act(id="act", label="Synthetic Act 2022", year=2022, chapter=99)
    for form in ("form-a", "form-b"):
        dataset.entities[form] = OrgType(id=form, label=form, sources=[doc])
    curated = int(statements * curated_share)
    bodies = max(2, statements - curated)
    for i in range(bodies):
        form = "form-a" if i % 2 else "form-b"
        dataset.entities[f"b{i}"] = Organisation.model_construct(
            id=f"b{i}", label=f"Body {i}", aliases=[], description=None, sources=[doc], notes=None, org_type=form,
            sector="nhs", ods_code=f"X{i}", ons_code=None, established=None, dissolved=None, url=None)
        dataset.add_statement(Statement(subject=f"b{i}", relation="instance_of", object=form, sources=[doc],
                                        derived_from=f"b{i}.org_type"))
    for i in range(curated):
        proposal = i % 4 == 0
        quote = SourceRef.model_construct(document="doc", quote=f"Body {i} was replaced.", locator=None)
        dataset.add_statement(Statement(
            subject=f"b{(i + 1) % bodies}", relation="replaces", object=f"b{i % bodies}",
            date=f"20{10 + i % 12}-0{1 + i % 9}-01", by=None if proposal else "act",
            status="proposed" if proposal else "fact", attributed_to=["b0"] if proposal else [], sources=[quote]))
    return dataset


def timed(label: str, function: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    value = function()
    seconds = time.perf_counter() - start
    print(f"{label:<52} {seconds:8.2f} s")
    return value, seconds


def _head(export: RdfExport, size: int) -> bytes:
    """The first ``size`` bytes of the N-Triples, without joining the whole export."""
    head = b""
    for lines in (export.asserted, export.claims):
        for block in lines.blocks():
            head += block[: size - len(head)]
            if len(head) >= size:
                return head
    return head


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--curated", type=float, default=0.1, help="share of curated statements (0..1)")
    parser.add_argument("--rdflib-sample", type=int, default=20_000, help="triples given to rdflib's Turtle writer")
    args = parser.parse_args()
    print(f"synthetic dataset: {args.statements:,} statements, {args.curated:.0%} curated")
    dataset, _ = timed("build dataset in memory (not part of the export)", lambda: synthetic(args.statements, args.curated))
    export, produce = timed("produce triples (nhsgraph.rdf.to_rdf)", lambda: to_rdf(dataset))
    triples = len(export)
    print(f"{triples:,} triples, {triples / produce:,.0f} triples/s")
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        nt, nq = Path(tmp) / "g.nt", Path(tmp) / "g.nq"
        with nt.open("wb") as out:
            _, seconds["ntriples"] = timed("write N-Triples (streamed)", lambda: export.write_ntriples(out))
        with nq.open("wb") as out:
            _, seconds["nquads (for TriG)"] = timed("write N-Quads (streamed, input for TriG)", lambda: export.write_nquads(out))
        for name in ("turtle", "jsonld", "trig"):
            path = Path(tmp) / f"g{FORMATS[name].suffix}"
            with path.open("wb") as out:
                source = nq if FORMATS[name].quads else nt
                _, seconds[name] = timed(f"pyoxigraph: {name}", lambda n=name, o=out, s=source: write_format(export, n, o, s))
            print(f"{'':<52} {path.stat().st_size / 2**20:8.1f} MiB, {triples / seconds[name]:,.0f} triples/s")
    sample = _head(export, 200 * args.rdflib_sample).rsplit(b"\n", 1)[0] + b"\n"
    graph = rdflib.Graph().parse(data=sample.decode("utf-8"), format="nt")
    _, rdflib_seconds = timed(f"rdflib: turtle ({len(graph):,} triple sample)", lambda: graph.serialize(io.BytesIO(), format="turtle"))
    rdflib_rate = len(graph) / rdflib_seconds
    oxi_rate = triples / seconds["turtle"]
    total = produce + sum(seconds.values())
    print(f"rdflib turtle: {rdflib_rate:,.0f} triples/s, {triples / rdflib_rate:,.0f} s extrapolated for this graph")
    print(f"ratio: pyoxigraph's Turtle writer is {oxi_rate / rdflib_rate:,.0f}x rdflib's")
    print(f"whole export (produce + every format): {total:.1f} s; peak memory (max RSS) "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10:,.0f} MiB")


if __name__ == "__main__":
    main()
