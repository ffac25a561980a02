from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import nhsgraph
from nhsgraph.dataset import Dataset

# The Oxigraph server fixture is shared by the triple-store tests, the test gazetteer by the extraction tests.
pytest_plugins = ["store_fixtures", "extract_fixtures"]

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"

# A small, valid dataset that fixtures extend: two org types, an Act, a document.
BASE = {
    "base.yaml": """\
        documents:
          - id: doc-a
            label: Document A
            document_type: report
            date: 2020-11-26
        acts:
          - id: act-2022
            label: Example Act 2022
            year: 2022
            chapter: 31
            sources: [doc-a]
        organisations:
          - id: body-x
            label: Body X
            sector: think_tank
            sources: [doc-a]
        org_types:
          - id: old-form
            label: old form
            aliases: [OF, OFs, old forms]
            established: 2013-04-01
            dissolved: 2022-07-01
            sources: [doc-a]
          - id: new-form
            label: new form
            established: 2022-07-01
            sources: [doc-a]
        """,
}


@pytest.fixture
def write_data(tmp_path: Path) -> Callable[..., Path]:
    """Write YAML files (dedented) into a fresh data folder, on top of BASE."""

    def write(files: dict[str, str], base: bool = True) -> Path:
        folder = tmp_path / "data"
        folder.mkdir(exist_ok=True)
        for name, text in ({**BASE, **files} if base else files).items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return write


@pytest.fixture(scope="session")
def bundled() -> Dataset:
    return nhsgraph.load(DATA)
