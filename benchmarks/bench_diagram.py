"""Benchmark: diagram layout quality and speed.

    python benchmarks/bench_diagram.py [--sizes 10,20,40,80] [--seeds 5] [--data data]

For synthetic lineages of N bars (merger trees: bodies that merge two or three at a time into
successors, over several generations, plus unrelated bodies alive at the same time), compares
the lane assignment (chain order, then local search) with the obvious alternative, one lane per
bar in order of start date: arrows drawn over other bars, total arrow length in lanes, and
time. Then times a full render (layout, label placement, drawing to PNG) of each preset on the
bundled data, and counts labels that had to become numbered notes. Times are CPU time (the
process's own), which a busy machine disturbs less than wall-clock time.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nhsgraph.diagram.layout import assign_lanes
from nhsgraph.diagram.model import Bar, Edge


def synthetic(size: int, seed: int) -> tuple[list[Bar], list[Edge]]:
    """A merger forest of about ``size`` bars, with a quarter of them unrelated bystanders."""
    rng = random.Random(seed)
    bars: list[Bar] = []
    edges: list[Edge] = []
    generation = [Bar(f"b{i}", f"b{i}", "organisation", "x", 1990.0, 2000.0) for i in range(max(2, size // 3))]
    bars += generation
    year = 2000.0
    while len(bars) < size * 3 // 4 and len(generation) > 1:
        successors = []
        rng.shuffle(generation)
        while generation:
            take = rng.choice((2, 3))
            group, generation = generation[:take], generation[take:]
            heir = Bar(f"b{len(bars)}", "", "organisation", "x", year, year + rng.choice((5.0, 8.0, 12.0)))
            bars.append(heir)
            successors.append(heir)
            edges += [Edge(f"e{len(edges)}-{g.id}", "merges_into", "merges into", g.id, heir.id, g.id, heir.id,
                           year, None, "") for g in group]
        generation, year = successors, min(b.end for b in successors)
        for bar in generation:
            bar.end = year
    while len(bars) < size:
        start = rng.uniform(1990, 2020)
        bars.append(Bar(f"b{len(bars)}", "", "organisation", "x", start, start + rng.uniform(3, 15)))
    return bars, edges


def quality(bars: list[Bar], edges: list[Edge], lanes: dict[str, int]) -> tuple[int, int]:
    """(arrows drawn over a bar, total arrow length in lanes)."""
    crossings = length = 0
    for edge in edges:
        low, high = sorted((lanes[edge.source], lanes[edge.target]))
        length += high - low
        crossings += sum(1 for b in bars if low < lanes[b.id] < high and b.start <= (edge.when or 0) <= b.end)
    return crossings, length


def bench_layout(sizes: list[int], seeds: int) -> None:
    print("lanes: chain order + local search vs one lane per bar in start order (median over seeds)")
    print(f"{'bars':>5} {'crossings':>10} {'(start order)':>14} {'length':>7} {'(start order)':>14} {'cpu ms':>8}")
    for size in sizes:
        rows = []
        for seed in range(seeds):
            bars, edges = synthetic(size, seed)
            began = time.process_time()
            lanes = assign_lanes(bars, edges)
            took = (time.process_time() - began) * 1000
            naive = {b.id: i for i, b in enumerate(sorted(bars, key=lambda b: (b.start, b.id)))}
            rows.append((*quality(bars, edges, lanes), *quality(bars, edges, naive), took))
        med = [statistics.median(col) for col in zip(*rows)]
        print(f"{size:>5} {med[0]:>10.0f} {med[2]:>14.0f} {med[1]:>7.0f} {med[3]:>14.0f} {med[4]:>8.1f}")


def bench_presets(data: Path) -> None:
    import nhsgraph
    from nhsgraph.diagram import diagram, preset_names
    from nhsgraph.diagram.render import draw, save

    dataset = nhsgraph.load(data)
    print(f"\npresets on {data}: full render to PNG (A4)")
    print(f"{'preset':<15} {'bars':>5} {'edges':>6} {'notes':>6} {'cpu s':>8}")
    for name in preset_names():
        began = time.process_time()
        picture = diagram(dataset, preset_name=name)
        rendered = draw(picture)
        save(rendered, io.BytesIO(), "png")  # type: ignore[arg-type]
        took = time.process_time() - began
        print(f"{name:<15} {len(picture.bars):>5} {len(picture.edges):>6} {len(rendered.notes):>6} {took:>8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,20,40,80")
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parent.parent / "data")
    args = parser.parse_args()
    bench_layout([int(s) for s in args.sizes.split(",")], args.seeds)
    bench_presets(args.data)


if __name__ == "__main__":
    main()
