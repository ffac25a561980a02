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


def _truncated(name: str) -> bytes:
    """The bundled file cut in the middle of its last row, as a download cut short leaves it."""
    raw = (REFERENCE / name).read_bytes().rstrip(b"\r\n")
    return raw[: raw.rfind(b"\n") + 1 + 12]


# A required file that is empty, cut short or of the wrong shape: each names the file and row.
INCOMPLETE = {
    "empty successor file": (SUCC, b"", "ods_succ.csv row 1: the file is empty"),
    "blank-lines-only ODS file": ("ods_etr.csv", b"\r\n\r\n", "ods_etr.csv row 1: the file is empty"),
    "empty CSV with a header": (ONS, b"", "ons_ccg20_names_codes.csv row 1: the file is empty"),
    "header only": (ONS, b"CCG20CD,CCG20CDH,CCG20NM\r\n", "ons_ccg20_names_codes.csv row 2: no rows after the header"),
    "successor file cut mid-row": (SUCC, _truncated(SUCC), "ods_succ.csv row 11537: expected 5 columns"),
    "ONS lookup cut mid-row": ("ons_icb24_names_codes.csv", _truncated("ons_icb24_names_codes.csv"),
                               "ons_icb24_names_codes.csv row 43: expected 4 columns (as in the header), found 2"),
    # Well-formed but inconsistent: the ONS lookups name CCGs the ODS file lacks (the first
    # to be read, the April 2021 lookup, is named; it once wrote statements about missing CCGs).
    "ODS file that does not match the ONS lookup": (
        "ods_eccg.csv", (REFERENCE / "ods_eccg.csv").read_bytes().split(b"\n")[0],
        "ons_ccg21_stp21_nhser21_lookup.csv row 2: CCG 18C is not in the other reference files"),
    "a row with an extra column": (ONS, b"CCG20CD,CCG20CDH,CCG20NM\nE38000001,00C,NHS Darlington CCG,extra\n",
                                   "ons_ccg20_names_codes.csv row 2: expected 3 columns (as in the header), found 4"),
}


@pytest.mark.parametrize("kind", INCOMPLETE)
def test_empty_or_truncated_reference_file_names_file_and_row_and_writes_nothing(kind: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(REFERENCE, folder)
    name, content, message = INCOMPLETE[kind]
    (folder / name).write_bytes(content)
    out = tmp_path / "out"
    out.mkdir()
    (out / "ods.jsonl").write_text("previous\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "ods", str(folder), "--out", str(out)])
    assert result.exit_code == 1 and message in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert (out / "ods.jsonl").read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in out.iterdir()) == ["ods.jsonl"]
