"""No command prints a traceback on any data file of the bad-input corpus.

Commands are found by introspecting the CLI, so commands added later are covered too:
every command that reads curated data (a ``--data`` option or a ``PATH`` argument) is
run, with arguments that get it as far as reading the data, on every corpus case whose
data is invalid, and must exit 1 naming the problem in one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from test_bad_inputs import CASES, prepare

from nhsgraph.cli import main
from nhsgraph.diagnostics import Problem

# Commands that talk to servers or keep running; their failure modes are tested where they are defined.
SKIP = {"serve", "push"}
# Arguments that get each command as far as reading the data ("CCG" for any other argument).
ARGUMENTS = {
    "as-of": ["2020-01-01"],
    "extract": ["{tmp}/article.txt"],
    "review": ["{tmp}/claims.yaml"],
    "sparql": ["SELECT * WHERE { ?s ?p ?o } LIMIT 1"],
}
OPTIONS = {"diagram": ["--format", "mermaid"]}
# Commands for which the data is optional, read leniently (labels only).
LENIENT = {"review"}
ARTICLE = "Integrated care boards replaced clinical commissioning groups.\n"
CLAIMS = "statements:\n  - {subject: a, relation: replaces, object: b, sources: [d], review: pending}\n"
BAD_DATA = [c for c in CASES if c.get("files") and c["exit"] == 1 and c.get("args") is None and not c.get("env")]


def data_commands() -> dict[str, list[str]]:
    """For each command that loads curated data: its arguments, with ``{data}`` where the data goes."""
    found = {}
    for name, command in sorted(main.commands.items()):
        if name in SKIP or isinstance(command, click.Group):
            continue
        params = {p.name: p for p in command.params}
        args: list[str] = [name]
        for param in command.params:
            if isinstance(param, click.Argument) and param.name == "path":
                args.append("{data}")
            elif isinstance(param, click.Argument) and name in ARGUMENTS:
                args.extend(ARGUMENTS[name])
            elif isinstance(param, click.Argument) and param.required:
                args.extend(["CCG"] * (param.nargs if param.nargs > 0 else 1))
        if "data_path" in params:
            args += ["--data", "{data}"]
        args += OPTIONS.get(name, [])
        if "{data}" in args:
            found[name] = args
    return found


COMMANDS = data_commands()


def test_the_core_commands_are_found() -> None:
    assert {"validate", "build", "show"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", BAD_DATA, ids=[c["name"] for c in BAD_DATA])
def test_command_on_bad_data_exits_cleanly(command: str, case: dict[str, Any], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # commands with default output paths write here
    args, _ = prepare({**case, "args": COMMANDS[command]}, tmp_path)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    result = CliRunner().invoke(main, args, input="q\n")
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output
    if command not in LENIENT:
        assert result.exit_code == 1 and case["message"] in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


@pytest.mark.parametrize("case", BAD_DATA, ids=[c["name"] for c in BAD_DATA])
def test_validate_json_on_bad_data_is_json_with_positions(case: dict[str, Any], tmp_path: Path) -> None:
    import json

    args, data = prepare({**case, "args": ["validate", "{data}", "--json"]}, tmp_path)
    result = CliRunner().invoke(main, args)
    problems = json.loads(result.stdout)["problems"]
    errors = [p for p in problems if p["severity"] == "error"]
    assert result.exit_code == 1 and errors, result.output
    lines = [Problem(**p).format() for p in errors]  # the same problems as the text lines
    assert any(case["message"] in line for line in lines), lines
    for problem in errors:
        assert problem["file"].startswith(str(data)) and problem["line"] >= 1 and problem["column"] >= 1, problem
