"""Run every fuzz target for a while, in parallel, and print executions and crashes.

    python fuzz/run.py --seconds 600        # what `make fuzz FUZZ_SECONDS=600` runs

Each target's working corpus and any crashing inputs go under ``.fuzz/<target>/``
(ignored by git). A crashing input should become a regression case in
``tests/test_fuzz_regressions.py`` once the bug is fixed.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TARGETS: dict[str, list[Path]] = {
    "yaml": [HERE / "seeds" / "yaml", REPO / "data", REPO / "tests" / "bad_inputs"],
    "jsonl": [HERE / "seeds" / "jsonl"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=600, help="time per target (they run in parallel)")
    parser.add_argument("--targets", nargs="*", default=[*TARGETS, *extra_targets()], help="which targets to run")
    args = parser.parse_args()
    running = {}
    for name in args.targets:
        work = REPO / ".fuzz" / name
        (work / "corpus").mkdir(parents=True, exist_ok=True)
        (work / "crashes").mkdir(exist_ok=True)
        seeds = [str(p) for p in TARGETS.get(name, [HERE / "seeds" / name]) if p.exists()]
        command = [
            sys.executable, str(HERE / f"fuzz_{name}.py"), f"-max_total_time={args.seconds}",
            "-timeout=10", "-rss_limit_mb=3072", f"-dict={HERE / 'nhsgraph.dict'}",
            f"-artifact_prefix={work / 'crashes'}/", str(work / "corpus"), *seeds,
        ]
        log = open(work / "log.txt", "w")  # noqa: SIM115 - closed when the process ends
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(HERE)])}
        running[name] = (subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env), log, work)
    failed = 0
    for name, (process, log, work) in running.items():
        code = process.wait()
        log.close()
        text = (work / "log.txt").read_text(errors="replace")
        runs = re.findall(r"#(\d+)\s", text)
        crashes = sorted(p.name for p in (work / "crashes").iterdir())
        print(f"{name}: {runs[-1] if runs else '?'} executions, exit {code}, "
              f"crashing inputs: {len(crashes)}{' in ' + str(work / 'crashes') if crashes else ''}")
        failed |= code != 0
    return 1 if failed else 0


def extra_targets() -> list[str]:
    """Targets beyond the loader's (e.g. extraction), found by file name."""
    return [p.stem.removeprefix("fuzz_") for p in sorted(HERE.glob("fuzz_*.py")) if p.stem.removeprefix("fuzz_") not in TARGETS]


if __name__ == "__main__":
    raise SystemExit(main())
