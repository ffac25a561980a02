"""Shared fixtures for the RDF tests: a small dataset with every kind of statement the export maps.

Names are invented test data (old form, new form, Body X ...), never claims about real bodies.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

import nhsgraph
from nhsgraph.dataset import Dataset
from nhsgraph.ntriples import RdfExport
from nhsgraph.rdf import to_rdf
from nhsgraph.rdfterms import DEFAULT_BASE

NHSG = "https://w3id.org/nhsgraph/ontology#"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
ACT_IRI = "http://www.legislation.gov.uk/id/ukpga/2022/31"
REPO = Path(__file__).resolve().parent.parent

RDF_DATA = {"rdf.yaml": """\
    organisations:
      - id: body-old
        label: Old Body
        org_type: old-form
        established: 2013-04-01
        dissolved: 2022-07-01
        sources: [doc-a]
      - id: body-new
        label: New Body
        org_type: new-form
        established: 2022-07-01
        sources: [doc-a]
      - id: body-renamed
        label: Renamed Body
        sector: nhs
        sources: [doc-a]
      - id: body-y
        label: Body Y
        sources: [doc-a]
    org_types:
      - id: proposed-form
        label: proposed form
        proposed_only: true
        sources: [doc-a]
      - id: sub-form
        label: sub form
        sources: [doc-a]
    people:
      - id: person-p
        label: Person P
        roles: [Chair of New Body]
        sources: [doc-a]
    proposals:
      - id: proposal-x
        label: Proposal X
        proposed_by: [body-x]
        date: 2020-11
        document: doc-a
        status: enacted
        outcome_by: act-2022
        sources: [doc-a]
    statements:
      - subject: new-form
        relation: replaces
        object: old-form
        date: 2022-07-01
        by: act-2022
        sources:
          - document: doc-a
            quote: "The new form replaces the old form."
            locator: section 1
      - subject: proposed-form
        relation: replaces
        object: old-form
        date: 2020-11
        status: proposed
        attributed_to: body-x
        sources: [doc-a]
      - subject: proposal-x
        relation: abolishes
        object: old-form
        date: 2020-11
        status: proposed
        attributed_to: body-x
        sources: [doc-a]
      - subject: act-2022
        relation: abolishes
        object: old-form
        date: 2022-07-01
        sources: [doc-a]
      - subject: act-2022
        relation: establishes
        object: new-form
        date: 2022-07-01
        sources: [doc-a]
      - subject: body-old
        relation: merges_into
        object: body-new
        date: 2022-07-01
        sources: [doc-a]
      - subject: body-x
        relation: renamed_to
        object: body-renamed
        date: 2019
        sources: [doc-a]
      - subject: body-y
        relation: replaces
        object: body-renamed
        date: 2021-04
        by: act-2022
        sources: [doc-a]
      - subject: act-2022
        relation: abolishes
        object: body-renamed
        date: 2021-04
        sources: [doc-a]
      - subject: body-x
        relation: opposes
        object: new-form
        date: 2020-11
        sources:
          - document: doc-a
            quote: "We oppose the new form."
      - subject: person-p
        relation: leads
        object: body-new
        from: 2022-07
        sources: [doc-a]
      - subject: sub-form
        relation: part_of
        object: new-form
        sources: [doc-a]
    """}


@pytest.fixture
def rdf_folder(write_data: Callable[..., Path]) -> Path:
    return write_data(RDF_DATA)


@pytest.fixture
def rdf_dataset(rdf_folder: Path) -> Dataset:
    return nhsgraph.load(rdf_folder)


@pytest.fixture
def rdf_export(rdf_dataset: Dataset) -> RdfExport:
    return to_rdf(rdf_dataset)


def store_of(export: RdfExport) -> ox.Store:
    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in export.triples())
    return store


def iri(entity_id: str) -> str:
    return f"<{DEFAULT_BASE}{entity_id}>"


def ask(export: RdfExport, pattern: str) -> bool:
    query = f"PREFIX nhsg: <{NHSG}> PREFIX org: <{ORG}> PREFIX prov: <{PROV}> PREFIX rdf: <{RDF}> ASK {{ {pattern} }}"
    return bool(store_of(export).query(query))


def bundled_with(tmp_path: Path, extra: dict[str, str]) -> Path:
    """A copy of the bundled data plus extra files (for planting a proposal next to real facts)."""
    folder = tmp_path / "bundled"
    shutil.copytree(REPO / "data", folder)
    for name, text in extra.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder
