"""The read-only ``nhsgraph ...`` command lines shown in README.md and docs/*.md, and a way to
run one on the bundled data (loaded once per session) as a reader would type it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import REPO

import nhsgraph
from nhsgraph.cli import main
from nhsgraph.dataset import Dataset

READ_ONLY = {"replaced-by", "replaced", "lineage", "positions", "proposals", "as-of", "search", "show", "sparql",
             "validate"}
FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def examples() -> list[tuple[str, list[str]]]:
    """(where, argv) for each ``nhsgraph COMMAND ...`` line in a code block of the docs."""
    found = []
    for page in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        if page.name == "cli.md":  # generated usage text, not examples
            continue
        for block in FENCE.findall(page.read_text(encoding="utf-8")):
            for line in block.replace("\\\n", " ").splitlines():
                line = line.strip().removeprefix("$ ")
                if not line.startswith("nhsgraph ") or "[" in line.split("#")[0]:
                    continue
                argv = shlex.split(line.split(" | ")[0], comments=True)[1:]
                if argv and argv[0] in READ_ONLY:
                    found.append((f"{page.relative_to(REPO)}: {line}", argv))
    return found


def run_on_bundled(argv: list[str], bundled: Dataset, monkeypatch: pytest.MonkeyPatch, columns: int) -> Result:
    """Run ``nhsgraph ARGV`` from the repository root in a terminal ``columns`` wide, with the
    default ``--data data`` answered from the session's already-loaded bundled dataset."""
    monkeypatch.chdir(REPO)  # examples name files relative to the repository (ontology/queries/...)
    real_load = nhsgraph.load
    monkeypatch.setattr(nhsgraph, "load", lambda path, strict=True: bundled if Path(path) == Path("data")
                        else real_load(path, strict=strict))
    return CliRunner().invoke(main, argv, env={"COLUMNS": str(columns)})
