"""``nhsgraph build``: validate, then write every registered output, each atomically.

Outputs are pluggable: a module registers a writer with :func:`output`, and the build
writes them all. Adding a format means adding a module to ``OUTPUT_MODULES``.
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from nhsgraph.atomic import atomic_open, remove_stale, write_text
from nhsgraph.graphml import write_graphml as stream_graphml

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset

Writer = Callable[["Dataset", Path], list[Path]]
WRITERS: dict[str, Writer] = {}
OUTPUT_MODULES: list[str] = ["nhsgraph.build", "nhsgraph.rdfformats"]
# Extra output plugins (comma-separated module names), imported after the built-in ones.
PLUGINS_ENV = "NHSGRAPH_OUTPUT_MODULES"


def output(name: str) -> Callable[[Writer], Writer]:
    """Register a build output under ``name``."""

    def register(writer: Writer) -> Writer:
        WRITERS[name] = writer
        return writer

    return register


def writers() -> dict[str, Writer]:
    """Every output writer: the built-in modules' and the plugins' named in ``$NHSGRAPH_OUTPUT_MODULES``."""
    extra = [m.strip() for m in os.environ.get(PLUGINS_ENV, "").split(",") if m.strip()]
    for module in [*OUTPUT_MODULES, *extra]:
        importlib.import_module(module)
    return WRITERS


def build(dataset: Dataset, out_dir: Path, progress: Callable[[str], None] | None = None) -> list[Path]:
    """Write every registered output into ``out_dir``; returns the files written."""
    outputs = writers()
    if out_dir.is_dir():
        remove_stale(out_dir)
    written: list[Path] = []
    for name, writer in outputs.items():
        if progress:
            progress(name)
        written.extend(writer(dataset, out_dir))
    return written


@output("graphml")
def write_graphml(dataset: Dataset, out_dir: Path) -> list[Path]:
    """The graph as GraphML, streamed (``nhsgraph.graphml``): no graph is held in memory."""
    path = out_dir / "nhsgraph.graphml"
    with atomic_open(path, "w", encoding="utf-8") as handle:
        stream_graphml(dataset, handle)
    return [path]


def graphml_bytes(dataset: Dataset) -> bytes:
    """The dataset as a GraphML document, in memory (for tests and small datasets)."""
    import io

    buffer = io.StringIO()
    stream_graphml(dataset, buffer)
    return buffer.getvalue().encode("utf-8")


@output("summary")
def write_summary(dataset: Dataset, out_dir: Path) -> list[Path]:
    path = out_dir / "summary.json"
    write_text(path, json.dumps(summary(dataset), indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return [path]


def summary(dataset: Dataset) -> dict[str, object]:
    """Counts per kind, relation and status, and the latest dated source (deterministic)."""
    relations: dict[str, int] = {}
    statuses: dict[str, int] = {}
    for st in dataset.statements:
        relations[st.relation] = relations.get(st.relation, 0) + 1
        statuses[st.status] = statuses.get(st.status, 0) + 1
    dates = [str(date) for e in dataset.of_kind("document") if (date := getattr(e, "date", None))]
    return {
        "entities": {k: v for k, v in sorted(dataset.counts().items()) if k != "statement"},
        "statements": len(dataset.statements),
        "relations": dict(sorted(relations.items())),
        "statuses": dict(sorted(statuses.items())),
        "latest_source_date": max(dates) if dates else None,
    }
