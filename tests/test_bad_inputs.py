"""Every case of the bad-input corpus (tests/bad_inputs/cases.yaml) through the real CLI.

A user may give nhsgraph any file, folder or name; each case pins the exit code, a
message and the file:line it names, and that no traceback (or "internal error", our
last-resort message for a bug) is ever printed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from nhsgraph.cli import main

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
REPO = CORPUS.parent.parent
CASES: list[dict[str, Any]] = yaml.safe_load((CORPUS / "cases.yaml").read_text("utf-8"))["cases"]


def prepare(case: dict[str, Any], tmp_path: Path) -> tuple[list[str], Path]:
    """Lay out the case's data folder and return its command line with paths filled in."""
    data = tmp_path / "data"
    data.mkdir()
    for name in (["base.yaml"] if case.get("base", True) else []) + case.get("files", []):
        shutil.copyfile(CORPUS / name, data / name)
    for name in case.get("dirs", []):
        (data / name).mkdir()
    for name, spec in case.get("generate", {}).items():
        (data / name).write_text(spec["text"] * spec["times"] + "\n", encoding="utf-8")
    for name, size in case.get("sparse", {}).items():
        with open(data / name, "wb") as handle:
            handle.truncate(size)
    args = case.get("args", ["validate", "{data}"])
    return [arg.replace("{data}", str(data)).replace("{tmp}", str(tmp_path)) for arg in args], data


def run(args: list[str], in_subprocess: bool, extra_env: dict[str, str] | None = None,
        stdin: str | None = None) -> tuple[int, str]:
    if in_subprocess or extra_env:
        env = {**os.environ, "PYTHONPATH": str(REPO), **(extra_env or {})}
        done = subprocess.run([sys.executable, "-m", "nhsgraph", *args], check=False, capture_output=True, text=True,
                              env=env, timeout=60, input=stdin)
        return done.returncode, done.stdout + done.stderr
    result = CliRunner().invoke(main, args, input=stdin)
    return result.exit_code, result.output


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input_gives_its_message_and_exit_code(case: dict[str, Any], tmp_path: Path) -> None:
    args, data = prepare(case, tmp_path)
    code, output = run(args, case.get("subprocess", False), case.get("env"), case.get("input"))
    assert "Traceback" not in output and "internal error" not in output, output
    assert code == case["exit"], output
    assert case["message"] in output, output
    if "at" in case:
        assert f"{data / case['at']}" in output, output
    if code != 0:
        assert not list(tmp_path.rglob("*.tmp")), "a failed command left a temporary file"


def test_every_corpus_file_is_used_by_a_case() -> None:
    used = {"base.yaml", "cases.yaml"} | {name for case in CASES for name in case.get("files", [])}
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(used)


def test_unwritable_output_folder_is_one_clear_line(tmp_path: Path) -> None:
    args, _ = prepare({"args": ["build", "{data}", "--out", "{tmp}/locked/out"]}, tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running with privileges that ignore folder permissions (root)")
        code, output = run(args, in_subprocess=False)
    finally:
        locked.chmod(0o700)
    assert (code, "Traceback" in output) == (1, False), output
    assert "Permission denied" in output and "locked" in output, output
