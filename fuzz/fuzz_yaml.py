"""Fuzz the curated YAML loader (parse, shape checks, cross-checks, graph). See docs/hardening.md.

    python fuzz/fuzz_yaml.py -max_total_time=600 .fuzz/yaml data tests/bad_inputs
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["nhsgraph", "loader_target"]):
    from loader_target import check_loader


def test_one_input(data: bytes) -> None:
    check_loader(data, jsonl=False)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
