"""Fuzz the JSON Lines reader (generated reference data) and everything after it. See docs/hardening.md.

    python fuzz/fuzz_jsonl.py -max_total_time=600 .fuzz/jsonl fuzz/seeds/jsonl
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["nhsgraph", "loader_target"]):
    from loader_target import check_loader


def test_one_input(data: bytes) -> None:
    check_loader(data, jsonl=True)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
