"""`ingest ods` given a bad reference file: one clear line, exit 1, no traceback, nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from nhsgraph.cli import main

REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference" / "ods"
BAD = {
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8 text"),
    "Latin-1": ("CODE,NAME\n01,caf\xe9\n".encode("latin-1"), "not UTF-8 text (line 2"),
    "NUL byte": (b"a,b\n1,\x002\n", "expected 5 columns"),
}


@pytest.mark.parametrize("kind", BAD)
def test_bad_reference_file_is_one_line_and_writes_nothing(kind: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(REFERENCE, folder)
    content, message = BAD[kind]
    (folder / "ods_succ.csv").write_bytes(content)
    result = CliRunner().invoke(main, ["ingest", "ods", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and message in result.output, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert not (tmp_path / "out" / "ods.jsonl").exists()
