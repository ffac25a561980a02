"""What safe, positioned YAML reading costs, against libyaml's composer.

    python benchmarks/yaml_guards.py [--records 50000]

Generates curated-style YAML (50k records, about 6.8 MB) and times, best of 3:
  - compose only: ``yaml.compose`` with libyaml, building nodes with marks and nothing
    else (what a loader built on it pays first; it segfaults on deeply nested input);
  - parse events: libyaml's event parser alone (the floor for anything built on it);
  - parse_yaml: what the loader runs (events, depth and alias limits, plain values,
    a position for every value and key, text checks).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import yaml

from nhsgraph.yamlsource import _Loader, parse_yaml


def sample(records: int) -> str:
    lines = ["organisations:"]
    for i in range(records):
        lines.append(f"  - id: org-{i}\n    label: Organisation number {i}\n    aliases: [O{i}, org {i}]\n"
                     f"    established: 2013-04-01\n    sources: [doc-a]")
    return "\n".join(lines) + "\n"


def best(function: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=50_000)
    args = parser.parse_args()
    text = sample(args.records)
    compose = best(lambda: yaml.compose(text, Loader=_Loader))
    events = best(lambda: sum(1 for _ in yaml.parse(text, Loader=_Loader)))
    full = best(lambda: parse_yaml(text))
    print(f"{args.records} records, {len(text) / 1e6:.1f} MB")
    print(f"compose only (libyaml nodes)  {compose:6.2f} s")
    print(f"parse events (libyaml)        {events:6.2f} s")
    print(f"parse_yaml (the loader's)     {full:6.2f} s   {full / compose:4.2f}x compose only")


if __name__ == "__main__":
    main()
