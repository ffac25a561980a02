"""A small gazetteer dataset for the extraction tests (names written for the tests, not real data)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import nhsgraph
from nhsgraph.extract import ArticleInfo, Extraction, Gazetteer, extract_text
from nhsgraph.extract.text import parse_article

GAZETTEER_DATA = """\
documents:
  - id: source-doc
    label: Source document
    document_type: report
  - id: big-plan-2030
    label: "The Big Plan: next steps for everyone"
    document_type: policy_paper
  - id: example-reform-paper
    label: Example reform paper
    document_type: policy_paper
proposals:
  - id: example-reform-option
    label: Example reform option
    document: example-reform-paper
    proposed_by: [nhs-england]
    sources: [example-reform-paper]
acts:
  - id: health-and-social-care-act-2012
    label: Health and Social Care Act 2012
    aliases: [the Lansley Act]
    year: 2012
    sources: [source-doc]
  - id: health-and-social-care-act-2008
    label: Health and Social Care Act 2008
    year: 2008
    sources: [source-doc]
organisations:
  - id: nhs-england
    label: NHS England
    aliases: [NHSE]
    sources: [source-doc]
  - id: nhs-improvement
    label: NHS Improvement
    sources: [source-doc]
  - id: nhs-providers
    label: NHS Providers
    sector: membership_body
    sources: [source-doc]
  - id: monitor
    label: Monitor
    sector: regulator
    sources: [source-doc]
  - id: nhse-i
    label: NHS England and NHS Improvement
    aliases: [NHSE/I]
    established: 2019
    sources: [source-doc]
org_types:
  - id: clinical-commissioning-group
    label: clinical commissioning group
    aliases: [CCG]
    sources: [source-doc]
  - id: integrated-care-board
    label: integrated care board
    aliases: [ICB]
    sources: [source-doc]
people:
  - id: jane-example
    label: Jane Example
    sources: [source-doc]
"""


def write_gazetteer_data(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "base.yaml").write_text(textwrap.dedent(GAZETTEER_DATA), encoding="utf-8")
    return folder


def gazetteer(tmp_path: Path, extra: str = "") -> Gazetteer:
    """The test gazetteer; ``extra`` is more curated YAML (dedented) written beside the base data."""
    folder = write_gazetteer_data(tmp_path / "data")
    if extra:
        (folder / "extra.yaml").write_text(textwrap.dedent(extra), encoding="utf-8")
    return Gazetteer.from_dataset(nhsgraph.load(folder))


def leads(result: Extraction) -> set[tuple[str, str]]:
    """(person, body) of every ``leads`` claim found."""
    return {(c.subject.id, c.object.id) for c in result.claims if c.relation == "leads"}


def leads_with_status(result: Extraction) -> set[tuple[str, str, str]]:
    """(person, body, status) of every ``leads`` claim found."""
    return {(c.subject.id, c.object.id, c.status) for c in result.claims if c.relation == "leads"}


def run(gaz: Gazetteer, text: str, suffix: str = ".txt", authors: tuple[str, ...] = ("Sam Writer",)) -> Extraction:
    info = ArticleInfo(document_id="test-article", title="Test article", authors=list(authors))
    return extract_text(parse_article(text, suffix), gaz, info)


def triples(result: Extraction, negated: bool = False) -> set[tuple[str, str, str, str]]:
    return {(c.subject.id, c.relation, c.object.id, c.status) for c in result.claims if c.negated == negated}


@pytest.fixture(scope="session")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """The test gazetteer, built once for every extraction test that reads it (none changes it)."""
    return gazetteer(tmp_path_factory.mktemp("gaz"))
