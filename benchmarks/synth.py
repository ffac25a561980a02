"""Synthetic datasets of a given number of statements, shaped like the reference layer.

Organisations come in succession chains (each body merges into, or is replaced by, the
next one, as CCGs merged and were replaced by ICBs), each is ``part_of`` a region and of
a system for a dated interval, and each has an org type (the loader derives
``instance_of``). So every statement the benchmark counts is one the loader validates, the
graph holds and the RDF export writes. Output: ``base.yaml`` (curated: a document, types,
regions) and ``synthetic-NNN.jsonl`` (generated, the fast format; 200k lines a file), in a folder that
``nhsgraph.load`` reads like ``data/``.

    python -m benchmarks.synth 100000 /tmp/syn100k
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from nhsgraph.atomic import atomic_open

CHAIN = 10
"""Bodies per succession chain: lineage queries walk up to 10 steps."""
REGIONS = 7
SYSTEMS_PER_REGION = 6
SHARD_LINES = 200_000
"""Lines per JSONL file: the loader refuses files over 50 MB."""
STATEMENTS_PER_BODY = 4  # instance_of (derived), part_of region, part_of system, one succession (most bodies)

BASE_YAML = """\
documents:
  - id: syn-doc
    label: Synthetic source
    document_type: dataset
org_types:
  - {id: syn-body, label: synthetic body, sources: [syn-doc]}
  - {id: syn-region, label: synthetic region, sources: [syn-doc]}
  - {id: syn-system, label: synthetic system, sources: [syn-doc]}
"""


def bodies_for(statements: int) -> int:
    """Bodies needed for about ``statements`` statements: whole chains only."""
    per_chain = STATEMENTS_PER_BODY * CHAIN - 1
    return max(1, round(statements / per_chain)) * CHAIN


def _line(section: str, record: Mapping[str, object]) -> str:
    return json.dumps({"section": section, **record}, separators=(",", ":"))


def _source(row: int) -> list[dict[str, str]]:
    return [{"document": "syn-doc", "locator": f"synthetic row {row}"}]


def records(statements: int) -> Iterator[str]:
    """JSON lines for about ``statements`` statements (derived ``instance_of`` included)."""
    for r in range(REGIONS):
        yield _line("organisations", {"id": f"syn/r{r}", "label": f"Synthetic region {r}", "org_type": "syn-region",
                                      "sources": _source(r)})
        for s in range(SYSTEMS_PER_REGION):
            yield _line("organisations", {"id": f"syn/s{r}-{s}", "label": f"Synthetic system {r}-{s}",
                                          "org_type": "syn-system", "sources": _source(r)})
    for i in range(bodies_for(statements)):
        step = i % CHAIN
        year = 1990 + step
        body = {"id": f"syn/b{i}", "label": f"Synthetic body {i}", "org_type": "syn-body",
                "established": f"{year}-04-01", "sources": _source(i)}
        if step < CHAIN - 1:
            body["dissolved"] = f"{year + 1}-04-01"
        yield _line("organisations", body)
        region = (i // CHAIN) % REGIONS
        system = (i // CHAIN) % SYSTEMS_PER_REGION
        yield _line("statements", {"subject": f"syn/b{i}", "relation": "part_of", "object": f"syn/r{region}",
                                   "from": f"{year}-04-01", "sources": _source(i)})
        yield _line("statements", {"subject": f"syn/b{i}", "relation": "part_of", "object": f"syn/s{region}-{system}",
                                   "from": f"{year}-04-01", "until": f"{year + 1}-04-01", "sources": _source(i)})
        if step < CHAIN - 1:
            # Alternate the two succession forms the reference layer uses.
            if step % 2 == 0:
                yield _line("statements", {"subject": f"syn/b{i}", "relation": "merges_into", "object": f"syn/b{i + 1}",
                                           "date": f"{year + 1}-04-01", "sources": _source(i)})
            else:
                yield _line("statements", {"subject": f"syn/b{i + 1}", "relation": "replaces", "object": f"syn/b{i}",
                                           "date": f"{year + 1}-04-01", "sources": _source(i)})


def chain_starts(statements: int) -> list[str]:
    """Ids of the first body of each chain (the longest lineages)."""
    return [f"syn/b{i}" for i in range(0, bodies_for(statements), CHAIN)]


def write(statements: int, folder: Path) -> Path:
    """Write a synthetic data folder with about ``statements`` statements; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "base.yaml").write_text(BASE_YAML, encoding="utf-8")
    lines = records(statements)
    shard = 0
    while True:
        chunk = list(itertools.islice(lines, SHARD_LINES))
        if not chunk:
            return folder
        with atomic_open(folder / f"synthetic-{shard:03d}.jsonl") as handle:
            handle.write("\n".join(chunk) + "\n")
        shard += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("statements", type=int)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    write(args.statements, args.folder)
    print(args.folder)


if __name__ == "__main__":
    main()
