"""Write generated records as JSON Lines, atomically: a killed ingest leaves the old file."""

from __future__ import annotations

from pathlib import Path

from nhsgraph.atomic import atomic_open
from nhsgraph.ingest.records import RecordSet


def write_jsonl(records: RecordSet, path: Path) -> int:
    """Write ``records`` to ``path`` (sorted, so rebuilds are byte-identical); returns the line count."""
    count = 0
    with atomic_open(path, "w") as handle:
        for line in records.lines():
            handle.write(line + "\n")
            count += 1
    return count
