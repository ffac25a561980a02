"""Files a user names on the command line (articles, review files, queries): limits and messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from nhsgraph.userfiles import MAX_QUERY_BYTES, UserFileError, check_size, read_text


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


def test_a_file_of_exactly_the_limit_is_accepted_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    check_size(_sparse(tmp_path / "at-limit.rq", MAX_QUERY_BYTES), MAX_QUERY_BYTES, "query files")
    with pytest.raises(UserFileError, match=r"over\.rq: file is 1,048,577 bytes; query files are limited to 1 MB"):
        check_size(_sparse(tmp_path / "over.rq", MAX_QUERY_BYTES + 1), MAX_QUERY_BYTES, "query files")


def test_not_utf8_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "query.rq"
    path.write_bytes(b"SELECT ?x\nWHERE { ?x ?p \"caf\xe9\" }\n")
    with pytest.raises(UserFileError) as info:
        read_text(path, MAX_QUERY_BYTES, "query files")
    assert str(info.value).startswith(f"{path}:2:19: not UTF-8 text (byte 28 is 0xe9)")


def test_a_byte_order_mark_is_dropped_and_positions_still_count_it(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfok\n")
    assert read_text(path, MAX_QUERY_BYTES, "query files") == "ok\n"
    path.write_bytes(b"\xef\xbb\xbf\xff")
    with pytest.raises(UserFileError, match=r"bom\.txt:1:1: not UTF-8 text \(byte 3 is 0xff\)"):
        read_text(path, MAX_QUERY_BYTES, "query files")
