"""Every read-only command shown in README.md and docs/*.md runs, as written, on the bundled data.

A reader copies these lines first; one that fails (a name the data no longer resolves, an
option renamed) is the first thing they meet. Commands that write files, start servers or
talk to a store are left to their own tests.
"""

from __future__ import annotations

import pytest
from doc_examples import examples, run_on_bundled

EXAMPLES = examples()


def test_the_docs_show_read_only_examples_at_all():
    assert len(EXAMPLES) >= 20  # the question pages are full of them; none lost to a parsing slip


@pytest.mark.parametrize("argv", [argv for _, argv in EXAMPLES], ids=[where for where, _ in EXAMPLES])
def test_documented_example_runs_on_the_bundled_data(argv, bundled, monkeypatch):
    result = run_on_bundled(argv, bundled, monkeypatch, columns=100)
    assert result.exit_code == 0, result.output
    assert result.output.strip()
