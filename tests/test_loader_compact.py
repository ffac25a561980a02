"""Loaded records are stored compactly (shared field-name sets, computed JSON Lines positions)
without any change a user can see: positions in problems, and fields of each record."""

from __future__ import annotations

import json

import nhsgraph
from nhsgraph.diagnostics import Problem

LINES = [
    {"section": "organisations", "id": "body-a", "label": "Body A", "org_type": "old-form", "sources": ["doc-a"]},
    {"section": "statements", "subject": "body-a", "relation": "part_of", "object": "body-x", "sources": ["doc-a"]},
    {"section": "statements", "subject": "body-a", "relation": "part_of", "object": "body-zz", "sources": ["doc-a"]},
    {"section": "statements", "subject": "body-a", "relation": "part_of", "object": "body-x", "colour": "red"},
    {"section": "organisations", "id": "body-b", "label": "Body B", "org_type": "no-such-form"},
]


def _jsonl(write_data, lines: list[dict[str, object]]):
    folder = write_data({})
    (folder / "ref.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return folder


def _errors(folder) -> list[Problem]:
    return [p for p in nhsgraph.load(folder, strict=False).problems if p.severity == "error" and p.file.endswith(".jsonl")]


def test_json_lines_problems_name_the_line_of_their_record(write_data):
    found = {(p.code, p.line, p.column) for p in _errors(_jsonl(write_data, LINES))}
    assert ("unknown-reference", 3, 1) in found  # body-zz, a cross-check after loading
    assert ("unknown-field", 4, 1) in found  # colour, a shape check
    assert ("unknown-reference", 5, 1) in found  # no-such-form, on the statement derived from org_type


def test_assigning_a_field_of_one_record_leaves_records_with_the_same_fields_alone(write_data):
    dataset = nhsgraph.load(_jsonl(write_data, LINES[:2] + [{**LINES[1], "object": "old-form", "relation": "part_of"}]),
                            strict=False)
    first, second = (s for s in dataset.statements if s.subject == "body-a" and s.relation == "part_of")
    assert first.model_fields_set == second.model_fields_set
    before = second.model_dump(exclude_unset=True)
    first.note = "checked"
    assert "note" in first.model_fields_set and "note" not in second.model_fields_set
    assert second.model_dump(exclude_unset=True) == before
    assert first.model_dump(exclude_unset=True)["note"] == "checked"
