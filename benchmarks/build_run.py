"""``nhsgraph build`` as a user runs it, stage by stage, in a process of its own.

The pipeline benchmark (``benchmarks.pipeline``) times the stages one by one, with the
alternatives beside them; this measures the command itself: ``nhsgraph.load`` (reading
and every check), then each registered output writer in turn, into a real folder. Its
peak memory is the figure for the target "1M statements build and export within 2 GB".
The alternative beside it is the GraphML writer the build used before
(``networkx.write_graphml`` of the flattened ``Dataset.graph()``), which needs the whole
graph, a copy and an XML tree at once; it is skipped above ``--graphml-alt-max``
statements.
"""

from __future__ import annotations

import io
import math
import shutil
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx

import nhsgraph
from benchmarks import synth
from benchmarks.measure import Measurement, measure
from nhsgraph import build as nhsgraph_build
from nhsgraph.graph import flat_graph

LOAD = "build: load + validate (nhsgraph.load)"
ALTERNATIVE = "GraphML: networkx write_graphml (alternative)"


def run_build(target: str, data: Path, graphml_alt_max: int) -> dict[str, Any]:
    """Load and build every output for one target; rows per stage, then the alternative."""
    rows: list[Measurement] = []
    with tempfile.TemporaryDirectory(prefix="nhsgraph-build-") as tmp:
        folder, out = Path(tmp) / "data", Path(tmp) / "build"
        if target == "reference":
            shutil.copytree(data, folder)
        else:
            synth.write(int(target), folder)
        dataset, m = measure(LOAD, lambda: nhsgraph.load(folder))
        rows.append(m)
        out.mkdir()
        for name, writer in nhsgraph_build.writers().items():
            _, m = measure(f"build: write {name}", lambda writer=writer: writer(dataset, out))  # type: ignore[misc]
            rows.append(m)
        build_peak = max(row.peak_mb for row in rows)
        if len(dataset.statements) <= graphml_alt_max:
            _, m = measure(ALTERNATIVE, lambda: _networkx_graphml(dataset))
        else:
            m = Measurement(ALTERNATIVE, math.nan, math.nan, math.nan, math.nan,
                            f"skipped: {len(dataset.statements)} statements > --graphml-alt-max {graphml_alt_max}")
        rows.append(m)
    return {"target": target, "statements": len(dataset.statements), "build_peak_mb": build_peak,
            "rows": [r.as_dict() for r in rows]}


def _networkx_graphml(dataset: Any) -> int:
    buffer = io.BytesIO()
    nx.write_graphml(flat_graph(dataset.graph()), buffer, encoding="utf-8", prettyprint=True)
    return len(buffer.getvalue())


def report_builds(results: list[dict[str, Any]]) -> list[str]:
    """The build table: one column per target, peak RSS (MB) per stage, and the GraphML ratio."""
    if not results:
        return []
    labels = [("reference" if r["target"] == "reference" else f"{int(r['target']):,}") for r in results]
    lines = ["\n== nhsgraph build, as run by a user: peak RSS (MB) / CPU s per stage, each target in a fresh process"]
    lines.append(f"{'stage':48} " + " ".join(f"{label:>20}" for label in labels))
    for index, row in enumerate(results[0]["rows"]):
        cells = []
        for result in results:
            other = result["rows"][index]
            cells.append("skipped" if math.isnan(other["peak_mb"]) else f"{other['peak_mb']:.0f} / {other['cpu_seconds']:.1f}")
        lines.append(f"{row['stage']:48} " + " ".join(f"{c:>20}" for c in cells))
    lines.append(f"{'peak RSS of the whole build (MB)':48} " + " ".join(f"{r['build_peak_mb']:20.0f}" for r in results))
    for result, label in zip(results, labels, strict=True):
        rows = {row["stage"]: row for row in result["rows"]}
        ours, alt = rows["build: write graphml"], rows[ALTERNATIVE]
        if not math.isnan(alt["peak_mb"]):
            lines.append(f"  {label}: GraphML growth, networkx / streamed: {alt['growth_mb']:.0f} MB / "
                         f"{ours['growth_mb']:.0f} MB; CPU {alt['cpu_seconds'] / max(ours['cpu_seconds'], 1e-9):.1f}x")
    return lines
