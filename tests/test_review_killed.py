"""`review` killed (SIGKILL) between decisions keeps every decision already made, and the file stays whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
# A review file as `extract -o` writes it: pending statements about a small dataset.
REVIEW = """\
# Candidate claims extracted by `nhsgraph extract`.
statements:
  - {subject: new-form, relation: replaces, object: old-form, status: proposed, attributed_to: [body-x], sources: [doc-a], review: pending}
  - {subject: body-x, relation: abolishes, object: old-form, status: proposed, attributed_to: [body-x], sources: [doc-a], review: pending}
  - {subject: body-x, relation: establishes, object: new-form, status: proposed, attributed_to: [body-x], sources: [doc-a], review: pending}
"""


def read_until(process: subprocess.Popen[bytes], marker: bytes) -> bytes:
    """Read the process's output until ``marker`` appears (prompts end without a newline)."""
    assert process.stdout is not None
    seen = b""
    while marker not in seen:
        chunk = os.read(process.stdout.fileno(), 4096)
        if not chunk:
            raise AssertionError(f"output ended before {marker!r}: {seen.decode(errors='replace')}")
        seen += chunk
    return seen


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_review_killed_between_decisions_keeps_the_decisions_made(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "base.yaml").write_bytes((REPO / "tests" / "bad_inputs" / "base.yaml").read_bytes())
    review = tmp_path / "claims.yaml"
    review.write_text(REVIEW, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen([sys.executable, "-m", "nhsgraph", "review", str(review), "--data", str(data)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    watchdog = threading.Timer(60, process.kill)
    watchdog.start()
    try:
        assert process.stdin is not None
        read_until(process, b"(q)uit")
        process.stdin.write(b"a\n")
        process.stdin.flush()
        read_until(process, b"[2/3]")
        process.stdin.write(b"r\n")
        process.stdin.flush()
        read_until(process, b"[3/3]")  # two decisions made; the third prompt is waiting
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        watchdog.cancel()
    assert process.returncode == -signal.SIGKILL
    statements = yaml.safe_load(review.read_text(encoding="utf-8"))["statements"]
    assert [s["review"] for s in statements] == ["accepted", "rejected", "pending"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.yaml", "data"], "no temporary file left beside it"
