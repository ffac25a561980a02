"""Fuzz claim extraction from articles (text, HTML, Markdown). See docs/hardening.md.

    python fuzz/fuzz_extract.py -max_total_time=600 .fuzz/extract/corpus fuzz/seeds/extract
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["nhsgraph", "extract_target"]):
    from extract_target import check_extract_bytes, gazetteer

gazetteer()  # load the bundled data before fuzzing starts


def test_one_input(data: bytes) -> None:
    check_extract_bytes(data)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
