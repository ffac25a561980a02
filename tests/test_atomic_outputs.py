"""A build killed mid-write (SIGKILL) leaves the previous outputs intact and no partial files."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from nhsgraph.atomic import atomic_open, remove_stale
from nhsgraph.cli import main

REPO = Path(__file__).resolve().parent.parent
PLUGINS = Path(__file__).resolve().parent / "plugins"
NEW_BODY = "organisations:\n  - {id: body-new, label: Body New, sources: [doc-a]}\n"


def blocking_build(data: Path, out: Path) -> subprocess.Popen[str]:
    """``nhsgraph build`` in a process of its own that stops in the middle of writing blocking.txt."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(PLUGINS)]),
           "NHSGRAPH_OUTPUT_MODULES": "blocking_output", "NHSGRAPH_TEST_BLOCK": "1"}
    return subprocess.Popen([sys.executable, "-m", "nhsgraph", "build", str(data), "--out", str(out)], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def build(data: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """A complete build, in this process (only the build that is killed needs a process of its
    own; starting Python and importing nhsgraph three more times cost the suite seconds)."""
    monkeypatch.syspath_prepend(str(PLUGINS))
    monkeypatch.setenv("NHSGRAPH_OUTPUT_MODULES", "blocking_output")
    monkeypatch.delenv("NHSGRAPH_TEST_BLOCK", raising=False)
    result = CliRunner().invoke(main, ["build", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_build_killed_mid_write_leaves_previous_outputs_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data, out = tmp_path / "data", tmp_path / "out"
    data.mkdir()
    shutil.copyfile(REPO / "tests" / "bad_inputs" / "base.yaml", data / "base.yaml")
    before = build(data, out, monkeypatch)
    assert before["blocking.txt"].endswith(b"complete\n")

    (data / "new.yaml").write_text(NEW_BODY, encoding="utf-8")
    after = build(data, tmp_path / "reference", monkeypatch)  # what a complete second build writes

    process = blocking_build(data, out)
    watchdog = threading.Timer(60, process.kill)
    watchdog.start()
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if "blocking_output: mid-write" in line:
                break
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        watchdog.cancel()
    assert process.returncode == -signal.SIGKILL

    visible = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    assert set(visible) == set(before)
    for name, content in visible.items():
        assert content in (before[name], after[name]), f"{name} is neither the old nor the new version"
    assert visible["blocking.txt"] == before["blocking.txt"]  # killed while writing it
    assert visible["summary.json"] == after["summary.json"] != before["summary.json"]  # finished before the kill
    [leftover] = out.glob(".*.tmp")  # the killed writer's temporary, hidden
    assert leftover.name.startswith(f".blocking.txt.{process.pid}.")

    assert build(data, out, monkeypatch) == after
    assert not list(out.glob(".*.tmp")), "the next build removes the killed writer's temporary"


def test_failed_write_keeps_the_old_file_and_removes_its_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_open(target) as handle:
        handle.write("half")
        raise RuntimeError("writer failed")
    assert target.read_text() == "old\n" and sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_remove_stale_keeps_temporaries_of_live_writers(tmp_path: Path) -> None:
    live = tmp_path / f".a.json.{os.getpid()}.x1.tmp"
    dead_pid = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True, capture_output=True, text=True).stdout.strip()
    dead = tmp_path / f".a.json.{dead_pid}.x2.tmp"
    other = tmp_path / ".notes.tmp"  # not ours: no pid in the name
    for path in (live, dead, other):
        path.write_text("x")
    assert remove_stale(tmp_path) == [dead]
    assert live.exists() and other.exists() and not dead.exists()


def test_atomic_write_follows_umask_for_new_files_and_keeps_existing_modes(tmp_path):
    import os

    from nhsgraph.atomic import write_text

    old = os.umask(0o022)
    try:
        new = tmp_path / "new.txt"
        write_text(new, "x")
        assert new.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.txt"
        kept.write_text("old")
        kept.chmod(0o640)
        write_text(kept, "new")
        assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_text() == "new"
    finally:
        os.umask(old)
