"""A build output plugin for tests: writes ``blocking.txt`` atomically, and can stop mid-write.

Enabled with ``NHSGRAPH_OUTPUT_MODULES=blocking_output``. With ``NHSGRAPH_TEST_BLOCK=1``
it writes half its file, says so on stderr, and waits for input that never comes, so a
test can SIGKILL the build at a known point in the middle of a write.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from nhsgraph.atomic import atomic_open
from nhsgraph.build import output

MID_WRITE = "blocking_output: mid-write"


@output("blocking")
def write_blocking(dataset, out_dir: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    path = out_dir / "blocking.txt"
    lines = [f"{entity_id}\n" for entity_id in sorted(dataset.entities)]
    with atomic_open(path) as handle:
        handle.writelines(lines[: len(lines) // 2])
        handle.flush()
        if os.environ.get("NHSGRAPH_TEST_BLOCK"):
            print(MID_WRITE, file=sys.stderr, flush=True)
            sys.stdin.read()  # blocks until the test kills us
        handle.writelines(lines[len(lines) // 2:])
        handle.write("complete\n")
    return [path]
