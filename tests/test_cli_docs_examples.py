"""Every read-only command shown in README.md and docs/*.md runs, as written, on the bundled data.

A reader copies these lines first; one that fails (a name the data no longer resolves, an
option renamed) is the first thing they meet. Commands that write files, start servers or
talk to a store are left to their own tests.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

import nhsgraph
from nhsgraph.cli import main

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


EXAMPLES = examples()


def test_the_docs_show_read_only_examples_at_all():
    assert len(EXAMPLES) >= 20  # the question pages are full of them; none lost to a parsing slip


@pytest.mark.parametrize("argv", [argv for _, argv in EXAMPLES], ids=[where for where, _ in EXAMPLES])
def test_documented_example_runs_on_the_bundled_data(argv, bundled, monkeypatch):
    monkeypatch.chdir(REPO)  # examples name files relative to the repository (ontology/queries/...)
    real_load = nhsgraph.load
    monkeypatch.setattr(nhsgraph, "load", lambda path, strict=True: bundled if Path(path) == Path("data")
                        else real_load(path, strict=strict))
    result = CliRunner().invoke(main, argv, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert result.output.strip()
