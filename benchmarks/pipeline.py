"""Benchmark the whole pipeline: ingest, load, validate, graph, Turtle, lineage; then ``nhsgraph build``.

    python -m benchmarks.pipeline              # reference layer, then 10k and 100k synthetic statements
    python -m benchmarks.pipeline --million    # also 1M (about 15 more minutes, 2.2 GB of RAM)
    python -m benchmarks.pipeline --sizes 10000 --json results.json

Each target runs in a fresh Python process (so memory figures are its own); the parent
prints one table with wall time and peak memory per stage, the alternatives side by side
with their ratios, and how each stage's cost grows with size. Figures from a shared
machine are noisy: read them as orders of magnitude and ratios.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import stages, synth
from benchmarks.build_run import report_builds, run_build
from benchmarks.measure import Measurement, measure, median_seconds

REPO = Path(__file__).resolve().parent.parent
LINEAGE_SAMPLE = 300


def run_target(target: str, data: Path, rdflib_max: int, store_max: int) -> dict[str, Any]:
    """Run every stage for one target (``reference`` or a statement count) in this process."""
    rows: list[Measurement] = []
    with tempfile.TemporaryDirectory(prefix="nhsgraph-bench-") as tmp:
        folder = Path(tmp) / "data"
        if target == "reference":
            from nhsgraph.ingest.ods import ingest_ods

            shutil.copytree(data, folder)
            (folder / "reference" / "ods.jsonl").unlink()
            _, m = measure("ingest ODS/ONS -> JSONL", lambda: ingest_ods(data / "reference" / "ods", folder / "reference"))
            rows.append(m)
        else:
            _, m = measure("generate synthetic JSONL", lambda: synth.write(int(target), folder))
            rows.append(m)
        (dataset, problems), m = measure("load (read + shape-check)", lambda: stages.load_records(folder))
        rows.append(m)
        _, m = measure("validate (cross-checks)", lambda: stages.validate(dataset, problems))
        rows.append(m)
        graph, m = measure("build networkx graph", dataset.graph)
        rows.append(m)
        del graph  # as `nhsgraph build` does: the graph is not held while the RDF is written
        export, m = measure("RDF mapping (nhsgraph.rdf)", lambda: stages.rdf_export(dataset))
        rows.append(m)
        ntriples, turtle = Path(tmp) / "export.nt", Path(tmp) / "export.ttl"
        _, m = measure("N-Triples: write file", lambda: stages.write_ntriples(export, ntriples))
        rows.append(m)
        _, m = measure("Turtle: pyoxigraph", lambda: stages.turtle_pyoxigraph(export, ntriples, turtle))
        rows.append(m)
        if len(export) <= rdflib_max:
            triples = list(export.triples())
            _, m = measure("Turtle: rdflib (alternative)", lambda: stages.turtle_rdflib(triples))
            del triples
        else:
            m = Measurement("Turtle: rdflib (alternative)", math.nan, math.nan, math.nan, math.nan,
                            f"skipped: {len(export)} triples > --rdflib-max {rdflib_max}")
        rows.append(m)
        turtle_bytes = turtle.stat().st_size
        starts = _lineage_starts(target, dataset)
        full_store = ntriples if len(export) <= store_max else None
        medians = _lineage(dataset, starts, rows, full_store, len(export), store_max)
    return {"target": target, "statements": len(dataset.statements), "entities": len(dataset.entities),
            "triples": len(export), "turtle_bytes": turtle_bytes, "rows": [r.as_dict() for r in rows],
            "medians_ms": medians}


def _lineage_starts(target: str, dataset: Any) -> list[str]:
    if target == "reference":
        starts = sorted(e for e in dataset.entities if e.startswith("ods/ccg/"))
    else:
        starts = synth.chain_starts(int(target))
    step = max(1, len(starts) // LINEAGE_SAMPLE)
    return starts[::step][:LINEAGE_SAMPLE]


def _lineage(dataset: Any, starts: list[str], rows: list[Measurement], export_file: Path | None, triples: int,
             store_max: int) -> dict[str, float]:
    edges, m = measure("lineage: collect succession edges", lambda: stages.succession_edges(dataset))
    rows.append(m)
    index, m = measure("lineage: build in-memory index", lambda: stages.LineageIndex(edges))
    rows.append(m)
    walk, m = measure("lineage: build networkx DiGraph", lambda: stages.networkx_lineage(edges))
    rows.append(m)
    store, m = measure("lineage: load pyoxigraph store (edges)", lambda: stages.sparql_store(edges))
    rows.append(m)
    sparql = stages.sparql_lineage(store)
    medians = {
        "in-memory index": median_seconds(index.lineage, starts, repeat=3) * 1000,
        "networkx descendants": median_seconds(walk, starts, repeat=3) * 1000,
        "SPARQL property path, edges only": median_seconds(sparql, starts, repeat=3) * 1000,
    }
    if export_file is not None:
        full, m = measure("lineage: load pyoxigraph store (full RDF)", lambda: stages.export_store(export_file))
        medians["SPARQL property path, full RDF export"] = median_seconds(stages.export_lineage(full), starts, repeat=3) * 1000
        del full
    else:
        m = Measurement("lineage: load pyoxigraph store (full RDF)", math.nan, math.nan, math.nan, math.nan,
                        f"skipped: {triples} triples > --store-max {store_max}")
    rows.append(m)
    project = stages.project_lineage(dataset)
    _, m = measure("lineage: nhsgraph.queries first call", lambda: project(starts[0]), note="builds its index")
    rows.append(m)
    medians["nhsgraph.queries.lineage (full answer)"] = median_seconds(project, starts, repeat=3) * 1000
    return medians


# -- the parent: one process per target, then the table ----------------------------

def _child(target: str, args: argparse.Namespace, mode: str = "--child") -> dict[str, Any]:
    command = [sys.executable, "-m", "benchmarks.pipeline", mode, target, "--data", str(args.data),
               "--rdflib-max", str(args.rdflib_max), "--store-max", str(args.store_max),
               "--graphml-alt-max", str(args.graphml_alt_max)]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark {target} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def _label(result: dict[str, Any]) -> str:
    return "reference" if result["target"] == "reference" else f"synthetic {int(result['target']):,}"


def report(results: list[dict[str, Any]]) -> str:
    out = []
    for result in results:
        out.append(f"\n== {_label(result)}: {result['statements']:,} statements, {result['entities']:,} entities, "
                   f"{result['triples']:,} triples, Turtle {result['turtle_bytes'] / 2**20:.1f} MB")
        out.append(f"{'stage':40} {'wall s':>9} {'cpu s':>9} {'peak MB':>9} {'+MB':>8}  note")
        for row in result["rows"]:
            out.append(f"{row['stage']:40} {row['seconds']:9.3f} {row['cpu_seconds']:9.3f} {row['peak_mb']:9.0f} "
                       f"{row['growth_mb']:8.0f}  {row['note']}")
        out.append("lineage query, median over sampled starts (ms):")
        for name, ms in result["medians_ms"].items():
            out.append(f"  {name:38} {ms:9.4f}")
        out.extend(_ratios(result))
    out.extend(_scaling(results))
    return "\n".join(out)


def _seconds(result: dict[str, Any], stage: str) -> float:
    return next(r["seconds"] for r in result["rows"] if r["stage"] == stage)


def _cpu(result: dict[str, Any], stage: str) -> float:
    return next(r["cpu_seconds"] for r in result["rows"] if r["stage"] == stage)


def _ratios(result: dict[str, Any]) -> list[str]:
    lines = ["ratios:"]
    rdflib, oxi = _seconds(result, "Turtle: rdflib (alternative)"), _seconds(result, "Turtle: pyoxigraph")
    if not math.isnan(rdflib):
        lines.append(f"  Turtle rdflib / pyoxigraph: {rdflib / oxi:.0f}x")
    medians = result["medians_ms"]
    base = medians["in-memory index"]
    for name, ms in medians.items():
        if name != "in-memory index":
            lines.append(f"  lineage {name} / in-memory index: {ms / base:.1f}x")
    if result["target"] == "reference":
        pipeline = sum(_seconds(result, s) for s in ("ingest ODS/ONS -> JSONL", "load (read + shape-check)",
                       "validate (cross-checks)", "build networkx graph", "RDF mapping (nhsgraph.rdf)", "N-Triples: write file",
                       "Turtle: pyoxigraph"))
        lines.append(f"  ingest + load + validate + graph + N-Triples + Turtle: {pipeline:.2f} s (target < 3 s)")
    return lines


def _scaling(results: list[dict[str, Any]]) -> list[str]:
    synthetic = [r for r in results if r["target"] != "reference"]
    if len(synthetic) < 2:
        return []
    lines = ["\n== CPU cost per statement (microseconds) as size grows; linear cost keeps each row flat"]
    lines.append(f"{'stage':40} " + " ".join(f"{_label(r):>20}" for r in synthetic))
    for row in synthetic[0]["rows"]:
        stage = row["stage"]
        cells = [_cpu(r, stage) / r["statements"] * 1e6 for r in synthetic]
        lines.append(f"{stage:40} " + " ".join(f"{c:20.2f}" for c in cells))
    peaks = " ".join(f"{max(x['peak_mb'] for x in r['rows']):18.0f}MB" for r in synthetic)
    lines.append(f"{'peak RSS of the run':40} {peaks}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the nhsgraph pipeline.")
    parser.add_argument("--sizes", default="10000,100000", help="synthetic statement counts, comma-separated")
    parser.add_argument("--million", action="store_true", help="add the 1,000,000-statement run")
    parser.add_argument("--no-reference", action="store_true", help="skip the reference layer")
    parser.add_argument("--data", type=Path, default=REPO / "data", help="curated data folder (with reference/ods)")
    parser.add_argument("--rdflib-max", type=int, default=50_000,
                        help="skip rdflib's Turtle writer above this many triples (it writes about 10k triples/s)")
    parser.add_argument("--store-max", type=int, default=2_000_000,
                        help="skip loading the whole export into a pyoxigraph store above this many triples "
                             "(a lineage alternative, not part of the build: about 0.45 GB per million triples)")
    parser.add_argument("--graphml-alt-max", type=int, default=200_000,
                        help="skip networkx's GraphML writer (the alternative to the streamed one) above this many "
                             "statements (it holds the graph, a copy and an XML tree: about 5 KB a statement)")
    parser.add_argument("--no-build", action="store_true", help="skip the `nhsgraph build` runs")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-build", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_target(args.child, args.data, args.rdflib_max, args.store_max)))
        return
    if args.child_build:
        print(json.dumps(run_build(args.child_build, args.data, args.graphml_alt_max)))
        return
    targets = ([] if args.no_reference else ["reference"]) + [s for s in args.sizes.split(",") if s]
    if args.million:
        targets.append("1000000")
    results, builds = [], []
    for target in targets:
        print(f"running {target} ...", file=sys.stderr, flush=True)
        results.append(_child(target, args))
    for target in [] if args.no_build else targets:
        print(f"running nhsgraph build on {target} ...", file=sys.stderr, flush=True)
        builds.append(_child(target, args, "--child-build"))
    print(report(results) + "\n".join(["", *report_builds(builds)]))
    if args.json:
        args.json.write_text(json.dumps({"stages": results, "builds": builds}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
