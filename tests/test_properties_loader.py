"""Properties of the loader: valid documents round-trip; mutated ones give positioned problems, never exceptions."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import documents, mutated

import nhsgraph
from nhsgraph.loader import _model_for
from nhsgraph.model import Statement

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def write_yaml(folder: Path, data: dict[str, list[dict[str, Any]]], files: int) -> list[Path]:
    """Spread the sections over ``files`` YAML files (the loader must not care how data is split)."""
    sections = list(data)
    written = []
    for n in range(files):
        part = {s: data[s] for i, s in enumerate(sections) if i % files == n}
        if part:
            path = folder / f"part-{n}.yaml"
            path.write_text(yaml.safe_dump(part, allow_unicode=True, sort_keys=False), encoding="utf-8")
            written.append(path)
    return written


def write_jsonl(folder: Path, data: dict[str, list[dict[str, Any]]]) -> list[Path]:
    path = folder / "records.jsonl"
    lines = [json.dumps({"section": section, **record}, ensure_ascii=False) for section, records in data.items() for record in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [path]


def expected_models(data: dict[str, list[dict[str, Any]]]) -> tuple[dict[str, Any], set[tuple[Any, ...]]]:
    """What the data means, validated record by record without the loader."""
    entities = {r["id"]: _model_for(s).model_validate(r) for s, records in data.items() if s != "statements" for r in records}
    statements = {statement_key(Statement.model_validate(r)) for r in data.get("statements", [])}
    return entities, statements


def statement_key(st_: Statement) -> tuple[Any, ...]:
    return (st_.subject, st_.relation, st_.object, st_.status, tuple(st_.attributed_to), st_.model_dump_json(include={"sources"}))


def assert_round_trip(folder: Path, data: dict[str, list[dict[str, Any]]]) -> None:
    dataset = nhsgraph.load(folder)  # raises LoadError if anything valid was refused
    entities, statements = expected_models(data)
    assert dataset.entities == entities
    assert {statement_key(s) for s in dataset.statements if not s.derived_from} == statements
    derived = {(s.subject, s.relation, s.object) for s in dataset.statements if s.derived_from}
    for organisation in data.get("organisations", []):
        assert (organisation["id"], "instance_of", organisation["org_type"]) in derived


@SETTINGS
@given(data=documents(), files=st.integers(1, 3))
def test_valid_yaml_round_trips(data: dict[str, list[dict[str, Any]]], files: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        write_yaml(Path(tmp), data, files)
        assert_round_trip(Path(tmp), data)


@SETTINGS
@given(data=documents())
def test_valid_json_lines_round_trip(data: dict[str, list[dict[str, Any]]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        write_jsonl(Path(tmp), data)
        assert_round_trip(Path(tmp), data)


@SETTINGS
@given(data=documents(), edits=st.data())
def test_mutated_yaml_gives_positioned_problems_never_exceptions(data: dict[str, list[dict[str, Any]]], edits: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        path = folder / "data.yaml"
        path.write_text(edits.draw(mutated(text)), encoding="utf-8")
        dataset = nhsgraph.load(folder, strict=False)
        for problem in dataset.problems:
            assert problem.file == str(path), problem
            assert problem.line >= 1 and problem.column >= 1, problem
            assert problem.line <= len(path.read_text("utf-8").split("\n")) + 1, problem
            problem.format().encode("utf-8")


@SETTINGS
@given(data=documents(), edits=st.data())
def test_mutated_json_lines_give_positioned_problems_never_exceptions(data: dict[str, list[dict[str, Any]]], edits: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        [path] = write_jsonl(folder, data)
        path.write_text(edits.draw(mutated(path.read_text("utf-8"))), encoding="utf-8")
        dataset = nhsgraph.load(folder, strict=False)
        lines = len(path.read_text("utf-8").split("\n"))
        for problem in dataset.problems:
            assert problem.file == str(path) and 1 <= problem.line <= lines and problem.column >= 1, problem


@SETTINGS
@given(label=st.text(min_size=1, max_size=40), description=st.text(max_size=40))
@example(label="x", description="\r")  # XML parsers read a raw carriage return as a newline
@example(label="x\x01", description="")  # no XML parser reads a control character
def test_any_text_is_refused_with_a_position_or_survives_into_graphml(label: str, description: str) -> None:
    """Text from any script, with any escapes, either loads and round-trips through GraphML or is refused."""
    import io

    import networkx as nx

    from nhsgraph.build import graphml_bytes

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.yaml"
        record = {"id": "doc-x", "label": label, "description": description}
        # Escaped (allow_unicode=False): written raw, NEL and U+2028/9 are YAML line breaks
        # and fold to spaces; raw letters of every script are covered by the round trips above.
        path.write_text(yaml.safe_dump({"documents": [record]}, allow_unicode=False), encoding="utf-8")
        dataset = nhsgraph.load(tmp, strict=False)
        errors = [p for p in dataset.problems if p.severity == "error"]
        if errors:
            assert all(p.code in ("yaml-syntax", "invalid-value") and p.line >= 1 for p in errors), errors
            return
        node = nx.read_graphml(io.BytesIO(graphml_bytes(dataset))).nodes["doc-x"]
        assert node["label"] == label and node.get("description", "") == description
