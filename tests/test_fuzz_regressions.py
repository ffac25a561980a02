"""Inputs that crashed (or would crash) the loader, replayed through the fuzz target's own checks.

``fuzz/loader_target.check_loader`` asserts what the fuzzer asserts: no exception, every
problem positioned in the file, printable as UTF-8. New crashing inputs found by
``make fuzz`` are added here, with the problem they exposed.
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "fuzz"))
from loader_target import check_loader

YAML_CASES: dict[str, tuple[bytes, str]] = {
    # libyaml's composer recursed until the interpreter segfaulted (not even an exception).
    "100000 nested block sequences": (b"- " * 100_000 + b"x\n", "nesting deeper than 64"),
    "100000 open flow brackets": (b"[" * 100_000, "nesting deeper than 64"),
    "100000 open flow mappings": (b"{a: " * 100_000, "nesting deeper than 64"),
    # the year 0 parsed, then crashed every date comparison (datetime has no year 0)
    "year 0000": (b"org_types:\n  - {id: f, label: f, established: 0000, dissolved: 0001}\n", "there is no year 0"),
    # an escaped control character reached GraphML, which no XML parser then read back
    "escaped control character": (b'documents: [{id: d, label: "a\\x01"}]\n', "U+0001 (a control character)"),
    "escaped non-character": (b'documents: [{id: d, label: "a\\uFFFE"}]\n', "U+FFFE (a non-character)"),
    # a reader error had no position
    "control character": (b"org_types:\n  - id: f\x01\n", "U+0001"),
    "quadratic sentence count": (b"documents: [{id: d, label: d}]\nacts:\n  - {id: a, label: a, year: 2000, sources: [{document: d, quote: '"
                                  + b"Ab. " * 50_000 + b"'}]}\n", "longer than one sentence"),
}
JSONL_CASES: dict[str, tuple[bytes, str]] = {
    # json.loads raised RecursionError, which is not a JSONDecodeError
    "deeply nested JSON": (b"[" * 100_000 + b"\n", "nested too deeply"),
    # "\ud800" decodes to half a character that no UTF-8 output can hold
    "lone surrogate escape": (b'{"section": "documents", "id": "d", "label": "\\ud800"}\n', "half a surrogate pair"),
    # an escaped control character reached GraphML, which no XML parser then read back
    "control character escape": (b'{"section": "documents", "id": "d", "label": "a\\u0001"}\n', "U+0001"),
    # found by fuzz_jsonl: the short escapes \f and \b also make control characters (GraphML broke)
    "form feed short escape": (b'{"section": "documents", "id": "d", "label": "a\\fb"}\n', "U+000C"),
    "backspace short escape": (b'{"section": "documents", "id": "d", "label": "a\\bb"}\n', "U+0008"),
    "fuzzer's crashing input": (base64.b64decode(
        "eyJzZWN0aW9uIjogImRvY3VtZW50cyIsICJpZCI6ICJkb2MtYSIsICJsYWJlbCI6ICJEb2N1bWVuXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxc"
        "XFxcXFxcXFxcXFxcXGZcXFxcXFxcXFxcdCBBIiwgImRhdGUiOiAiMjAyMC0xMS0yNiJ9Cnsic2VjdGlvbiI6ICJvcmdhbmlzYXRpb25zIiwg"
        "ImlkIjogInNwIiwgImxhYmVsIjogIk5IUyBCYXJuc2xwIiwgInNvdXJjZXMiOiBbImRvYy1hIl19Cg=="), "U+000C"),
    # str.splitlines() split inside a JSON string at U+2028 and misnumbered lines
    "U+2028 inside a string": ('{"section": "documents", "id": "d", "label": "a\u2028b"}\n{"section": 1}\n'.encode(), "line 2"),
}


@pytest.mark.parametrize("name", YAML_CASES)
def test_yaml_regression(name: str) -> None:
    data, expected = YAML_CASES[name]
    problems = check_loader(data, jsonl=False)
    assert any(expected in p.message for p in problems), [p.format() for p in problems]


@pytest.mark.parametrize("name", JSONL_CASES)
def test_jsonl_regression(name: str) -> None:
    data, expected = JSONL_CASES[name]
    problems = check_loader(data, jsonl=True)
    if expected == "line 2":
        assert [(p.line, p.code) for p in problems] == [(2, "not-a-record")]
    else:
        assert any(expected in p.message for p in problems), [p.format() for p in problems]


@pytest.mark.parametrize("seed", sorted((REPO / "fuzz" / "seeds").rglob("*.*")), ids=lambda p: p.name)
def test_fuzz_seeds_pass_the_target(seed: Path) -> None:
    check_loader(seed.read_bytes(), jsonl=seed.suffix == ".jsonl")  # asserts inside; seeds may hold planted errors
