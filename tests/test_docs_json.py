"""docs/json.md is the JSON schema of every --json output; this test keeps the page and the code in step.

Every command is run on a fixture; each printed object is checked against the documented
type: every key printed must be documented, every documented field must be printed (the
page promises they are always present), and values must have the documented type. Every
documented object type must be met at least once, so nested tables are checked too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from reform_fixture import REFORM

from nhsgraph.cli import main
from nhsgraph.model import ENTITY_MODELS

DOC = Path(__file__).resolve().parent.parent / "docs" / "json.md"
HEADING = re.compile(r"^#{2,4} (.+)$")
ROW = re.compile(r"^\| `([^`]+)` \| ([^|]+) \|")
ELSEWHERE = "## Commands whose JSON is documented elsewhere"
SCALARS = {"string": str, "integer": int, "boolean": bool, "any": object}


def documented() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """(object types: name -> {field: type}, commands: command name -> its top-level type name)."""
    types: dict[str, dict[str, str]] = {}
    commands: dict[str, str] = {}
    current = None
    schemas_here = DOC.read_text(encoding="utf-8").split(ELSEWHERE, 1)[0]
    for line in schemas_here.splitlines():
        heading = HEADING.match(line)
        if heading:
            title = heading.group(1).strip()
            command = re.fullmatch(r"`nhsgraph ([a-z-]+)[^`]*--json`", title)
            current = f"<{command.group(1)}>" if command else title
            if command:
                commands[command.group(1)] = current
            continue
        row = ROW.match(line)
        if row and current:
            types.setdefault(current, {})[row.group(1)] = row.group(2).strip()
    return types, commands


TYPES, COMMANDS = documented()
ENTITY_FIELDS = {info.alias or name for model in ENTITY_MODELS.values() for name, info in model.model_fields.items()}


class Checker:
    def __init__(self) -> None:
        self.met: set[str] = set()

    def value(self, value: Any, spec: str, where: str) -> None:
        nullable = spec.endswith(" or null")
        spec = spec.removesuffix(" or null")
        if value is None:
            assert nullable, f"{where}: null, but documented as {spec!r}"
            return
        if spec.startswith("list of "):
            assert isinstance(value, list), f"{where}: expected a list"
            for i, item in enumerate(value):
                self.value(item, spec.removeprefix("list of "), f"{where}[{i}]")
        elif spec in SCALARS:
            assert isinstance(value, SCALARS[spec]), f"{where}: expected {spec}, got {value!r}"
            assert spec != "integer" or not isinstance(value, bool), f"{where}: expected an integer"
        else:
            self.object(value, spec, where)

    def object(self, value: Any, name: str, where: str) -> None:
        assert name in TYPES, f"{where}: type {name!r} is not documented in docs/json.md"
        assert isinstance(value, dict), f"{where}: expected a {name} object"
        self.met.add(name)
        fields = TYPES[name]
        missing = set(fields) - set(value) - {"*"}
        assert not missing, f"{where}: documented {name} fields not printed: {sorted(missing)}"
        for key, item in value.items():
            if key in fields:
                self.value(item, fields[key], f"{where}.{key}")
            else:
                assert "*" in fields and key in ENTITY_FIELDS, f"{where}: printed field {key!r} is not documented in {name}"


RUNS = [
    ("replaced-by", ["replaced-by", "old form", "--transitive"]),
    ("replaced-by", ["replaced-by", "org-b", "--as-of", "2022-07-01"]),
    ("replaced", ["replaced", "new form", "--transitive"]),
    ("lineage", ["lineage", "old form"]),
    ("lineage", ["lineage", "Org A"]),
    ("positions", ["positions", "prop-1"]),
    ("proposals", ["proposals"]),
    ("proposals", ["proposals", "--by", "Body X", "--about", "old form"]),
    ("as-of", ["as-of", "2013-04-01", "--type", "OF"]),
    ("as-of", ["as-of", "2022-07-01", "--kind", "org_type"]),
    ("search", ["search", "form"]),
    ("show", ["show", "prop-1"]),
    ("show", ["show", "old form"]),
]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> list[tuple[str, Any]]:
    import textwrap

    from conftest import BASE

    folder = tmp_path_factory.mktemp("data")
    for name, text in {**BASE, **REFORM}.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    bad = tmp_path_factory.mktemp("bad")
    (bad / "x.yaml").write_text("org_types:\n  - id: x\n    label: x\n    colour: red\n", encoding="utf-8")
    found = []
    for command, args in RUNS:
        result = CliRunner().invoke(main, [*args, "--data", str(folder), "--json"])
        assert result.exit_code == 0, result.output
        found.append((command, json.loads(result.output)))
    result = CliRunner().invoke(main, ["validate", str(bad), "--json"])
    found.append(("validate", json.loads(result.output)))
    return found


def elsewhere() -> dict[str, Path]:
    """Commands listed under "documented elsewhere": command -> the page with their schema."""
    text = DOC.read_text(encoding="utf-8").split(ELSEWHERE, 1)[1]
    rows = re.findall(r"^\| `nhsgraph ([a-z-]+)[^`]*` \| \[[^]]*\]\(([^)#]+)[^)]*\)[^|]*\|", text, flags=re.MULTILINE)
    return {command: DOC.parent / page for command, page in rows}


def test_every_json_command_is_documented_and_every_documented_command_is_run(outputs):
    from nhsgraph.cli.common import main as group

    with_json = {name for name, cmd in group.commands.items() if any(p.name == "as_json" for p in cmd.params)}
    assert with_json - set(elsewhere()) == set(COMMANDS) == {command for command, _ in outputs}
    for command, page in elsewhere().items():
        assert command in with_json, f"{command} is listed as documented elsewhere but has no --json"
        assert page.is_file() and f"nhsgraph {command}" in page.read_text(encoding="utf-8"), page


def test_json_output_matches_docs_field_for_field(outputs):
    checker = Checker()
    for command, value in outputs:
        checker.object(value, COMMANDS[command], command)
    never_met = set(TYPES) - checker.met
    assert not never_met, f"documented types never printed by any run: {sorted(never_met)}"


def examples() -> list[tuple[str, str]]:
    """(command, JSON text) for every ```json example, by the command section it sits in."""
    found, command = [], None
    for part in re.split(r"(```json\n.*?```)", DOC.read_text(encoding="utf-8"), flags=re.DOTALL):
        if part.startswith("```json"):
            found.append((command, part.removeprefix("```json\n").removesuffix("```")))
            continue
        for line in part.splitlines():
            heading = re.match(r"^#{2,3} `nhsgraph ([a-z-]+)", line)
            if heading:
                command = heading.group(1)
    return found


def test_docs_examples_follow_the_documented_schema():
    found = examples()
    assert found
    for command, text in found:
        assert command in COMMANDS, "an example must sit under a command's section"
        Checker().object(json.loads(text), COMMANDS[command], f"example for {command}")
