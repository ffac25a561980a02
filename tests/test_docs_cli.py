"""docs/cli.md is generated from the commands themselves; a stale copy fails here (run `make docs`)."""

from __future__ import annotations

from pathlib import Path

from nhsgraph.cli import main
from nhsgraph.clidoc import render

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def test_command_reference_is_current():
    assert DOC.read_text(encoding="utf-8") == render(), "docs/cli.md is stale: run `make docs`"


def test_every_command_and_option_is_in_the_reference():
    text = DOC.read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"## `nhsgraph {name}`" in text
        for param in command.params:
            for option in getattr(param, "opts", []):
                if option.startswith("-"):
                    assert option in text, f"{name} {option} undocumented"
