"""Benchmark: question answering on synthetic reference-sized datasets.

    python benchmarks/bench_queries.py [--sizes 1000,10000,100000] [--repeat 200]

For each size (number of organisations), builds a dataset shaped like the reference layer
(every body an instance of a type, part of a parent, and most merged or replaced in chains
of up to five), then times: building the query index once, a ``lineage`` query (median
over random bodies), ``replaced_by --transitive`` and ``as_of`` with a type. The obvious
alternative, walking the chain by scanning every statement at each step (what a query
without an index does), is timed on the same bodies, and the ratio printed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nhsgraph import queries
from nhsgraph.dataset import Dataset
from nhsgraph.model import Document, Organisation, OrgType, SourceRef, Statement
from nhsgraph.query_index import SUCCESSOR_END, index_for
from nhsgraph.vocabulary import vocabulary


def synthetic(size: int, seed: int = 1) -> Dataset:
    rng = random.Random(seed)
    dataset = Dataset()
    doc = Document(id="doc", label="Synthetic source")
    dataset.entities[doc.id] = doc
    for t in ("type-a", "type-b", "region"):
        dataset.entities[t] = OrgType(id=t, label=t.replace("-", " "), established="2000-04-01")
    regions = [f"region-{i}" for i in range(max(1, size // 1000))]
    for region in regions:
        dataset.entities[region] = Organisation(id=region, label=f"Region {region}", established="2000-04-01")
    source = [SourceRef(document="doc")]
    for i in range(size):
        year = 2000 + (i % 5) * 4
        body = Organisation(id=f"org-{i}", label=f"Body {i}", aliases=[f"B{i:06d}"], org_type="type-a",
                            established=f"{year}-04-01", dissolved=f"{year + 4}-04-01" if i % 5 != 4 else None,
                            sources=source)
        dataset.entities[body.id] = body
        dataset.add_statement(Statement(subject=body.id, relation="instance_of", object="type-a", sources=source))
        dataset.add_statement(Statement(subject=body.id, relation="part_of", object=rng.choice(regions), sources=source))
        if i % 5 != 4:  # chains of five: each body merges into or is replaced by the next
            relation = "merges_into" if i % 2 else "replaces"
            subject, obj = (body.id, f"org-{i + 1}") if relation == "merges_into" else (f"org-{i + 1}", body.id)
            dataset.add_statement(Statement(subject=subject, relation=relation, object=obj,
                                            date=f"{year + 4}-04-01", sources=source))
    return dataset


def scan_lineage(dataset: Dataset, start: str) -> set[str]:
    """The obvious alternative: breadth-first, scanning every statement at every step."""
    events = {name: SUCCESSOR_END[r.change_event] for name, r in vocabulary().relations.items()
              if r.change_event in SUCCESSOR_END}
    seen, frontier = {start}, [start]
    while frontier:
        node = frontier.pop()
        for st in dataset.statements:
            if st.relation in events and node in (st.subject, st.object):
                other = st.object if st.subject == node else st.subject
                if other not in seen:
                    seen.add(other)
                    frontier.append(other)
    return seen


def median_ms(function: Callable[[str], object], names: list[str]) -> float:
    times = []
    for name in names:
        start = time.perf_counter()
        function(name)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    print(f"{'bodies':>8} {'statements':>10} {'index s':>8} {'lineage ms':>10} {'scan ms':>9} {'ratio':>7} "
          f"{'repl-by ms':>10} {'as-of ms':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        measure(size, args.repeat)


def measure(size: int, repeat: int) -> None:
    dataset = synthetic(size)
    start = time.perf_counter()
    index_for(dataset)
    built = time.perf_counter() - start
    rng = random.Random(2)
    names = [f"org-{rng.randrange(size)}" for _ in range(repeat)]
    lineage = median_ms(lambda n: queries.lineage(dataset, n), names)
    scan = median_ms(lambda n: scan_lineage(dataset, n), names[: max(3, repeat // 20)])
    replaced = median_ms(lambda n: queries.replaced_by(dataset, n, transitive=True), names)
    as_of = median_ms(lambda d: queries.as_of(dataset, d, org_type="type-a"), ["2013-04-01"] * 5)
    print(f"{size:>8} {len(dataset.statements):>10} {built:>8.2f} {lineage:>10.3f} {scan:>9.2f} "
          f"{scan / lineage:>6.0f}x {replaced:>10.3f} {as_of:>9.1f}")

if __name__ == "__main__":
    main()
