"""`ingest ods` given a bad reference file: one clear line, exit 1, no traceback, nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from nhsgraph.cli import main

REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference" / "ods"
SUCC, ONS = "ods_succ.csv", "ons_ccg20_names_codes.csv"
BAD = {
    "binary": (SUCC, b"\x89PNG\r\n\x1a\n\x00\x00", "ods_succ.csv:1:1: not UTF-8 text (byte 0 is 0x89)"),
    "Latin-1": (SUCC, "CODE,NAME\n01,caf\xe9\n".encode("latin-1"), "ods_succ.csv:2:7: not UTF-8 text (byte 16 is 0xe9)"),
    "Latin-1 in a CSV with a header": (ONS, "CCG20CD,CCG20CDH,CCG20NM\nE1,00C,Caf\xe9\n".encode("latin-1"),
                                       "ons_ccg20_names_codes.csv:2:11: not UTF-8 text (byte 35 is 0xe9)"),
    "NUL byte": (SUCC, b"a,b\n1,\x002\n", "expected 5 columns"),
}


@pytest.mark.parametrize("kind", BAD)
def test_bad_reference_file_is_one_line_and_writes_nothing(kind: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(REFERENCE, folder)
    name, content, message = BAD[kind]
    (folder / name).write_bytes(content)
    result = CliRunner().invoke(main, ["ingest", "ods", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and message in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert not (tmp_path / "out" / "ods.jsonl").exists()
