"""docs/rdf.md cannot drift: every relation, kind, field mapping and command option is documented."""

from __future__ import annotations

import click
import pytest
from rdf_fixtures import REPO

from nhsgraph.cli import main
from nhsgraph.ontology import inverse_curie
from nhsgraph.rdfterms import rdf_terms
from nhsgraph.vocabulary import vocabulary

DOC = (REPO / "docs" / "rdf.md").read_text("utf-8")


def test_every_relation_row_matches_the_vocabulary():
    terms = rdf_terms()
    for r in vocabulary().relations.values():
        spec = terms.change_events[r.change_event] if r.change_event else None
        also = ", ".join(f"`{e}`" for e in r.equivalent)
        event = f"`{spec.cls}` ({', '.join(f'{k}: {v}' for k, v in spec.roles.items())})" if spec else ""
        row = f"| `{r.name}` | `{r.iri}` | `{inverse_curie(r.inverse_label)}` | {also} | {event} |"
        assert row in DOC, f"docs/rdf.md is missing or has a stale row: {row}"


def test_every_kind_and_field_mapping_is_documented():
    for kind in vocabulary().kinds.values():
        assert f"| {kind.name} | `{kind.iri}` |" in DOC
    for kind, fields in rdf_terms().fields.items():
        for name, spec in fields.items():
            row = f"| {kind} | `{name}` | {', '.join(f'`{p}`' for p in spec.properties)} | {spec.kind} |"
            assert row in DOC, f"docs/rdf.md is missing or has a stale row: {row}"


@pytest.mark.parametrize("command", ["export", "sparql", "push", "serve"])
def test_every_option_of_the_rdf_commands_is_documented(command):
    cmd = main.commands[command]
    assert f"nhsgraph {command}" in DOC
    for param in cmd.params:
        if isinstance(param, click.Option) and param.name not in ("data_path", "help"):
            assert any(opt in DOC for opt in param.opts), f"{command} {param.opts} is not in docs/rdf.md"
