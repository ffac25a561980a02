"""SPARQL in the embedded store: the example queries answer, user values are bound not spliced,
and "what replaced clinical commissioning groups?" tells the enacted replacement from proposals."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from rdf_fixtures import REPO, bundled_with, rdf_dataset, rdf_folder  # noqa: F401

from nhsgraph.cli import main
from nhsgraph.sparql import QueryError, compact, query_dataset

QUERIES = REPO / "ontology" / "queries"


def rows(dataset, name: str, **bindings: str) -> list[dict[str, str]]:
    results = query_dataset(dataset, (QUERIES / f"{name}.rq").read_text("utf-8"), bindings=bindings)
    return [{k: compact(v) for k, v in row.items()} for row in results.rows or []]


def test_what_replaced_lists_the_fact_first_then_the_attributed_proposal(rdf_dataset):
    found = rows(rdf_dataset, "what-replaced", target="old forms")
    assert [(r["replacement"], r["status"], r["date"], r["by"], r["attributedTo"]) for r in found] == [
        ("new form", "fact", "2022-07-01", "Example Act 2022", ""),
        ("Proposal X", "proposed", "2020-11", "", "Body X"),
        ("proposed form", "proposed", "2020-11", "", "Body X"),
    ]


def test_what_replaced_follows_mergers_from_the_merged_side(rdf_dataset):
    found = rows(rdf_dataset, "what-replaced", target="Old Body")
    assert [(r["replacement"], r["relation"]) for r in found] == [("New Body", "merges_into")]
    assert rows(rdf_dataset, "what-replaced", target="New Body") == []


def test_who_opposes_names_the_opponent_with_the_quote(rdf_dataset):
    found = rows(rdf_dataset, "who-opposes", target="new form")
    assert [(r["opponent"], r["status"], r["quote"]) for r in found] == [("Body X", "fact", "We oppose the new form.")]


def test_act_abolished_lists_what_ended_under_the_act(rdf_dataset):
    found = rows(rdf_dataset, "act-abolished", act="Example Act 2022")
    assert sorted((r["abolished"], r["change"], r["successor"]) for r in found) == [
        ("Renamed Body", "abolition", ""), ("Renamed Body", "replacement", "Body Y"),
        ("old form", "abolition", ""), ("old form", "replacement", "new form")]
    # the merger of Old Body had no Act as its legal basis, so it is not listed
    assert "Old Body" not in {r["abolished"] for r in found}


def test_every_example_query_is_tested():
    tested = {"what-replaced", "who-opposes", "act-abolished"}
    assert {p.stem for p in QUERIES.glob("*.rq")} == tested


def test_what_replaced_ccgs_distinguishes_the_enacted_replacement_from_proposals(tmp_path):
    # The bundled facts, plus one planted proposal (invented test data) to tell apart.
    folder = bundled_with(tmp_path, {"zz-test-proposal.yaml": """\
        documents:
          - id: test-article
            label: Test article
            document_type: article
            date: 2018-06
        organisations:
          - id: test-think-tank
            label: Test Think Tank
            sector: think_tank
            sources: [test-article]
        org_types:
          - id: test-trust-form
            label: test trust form
            proposed_only: true
            sources: [test-article]
        statements:
          - subject: test-trust-form
            relation: replaces
            object: clinical-commissioning-group
            status: proposed
            attributed_to: test-think-tank
            date: 2018-06
            sources: [test-article]
        """})
    result = CliRunner().invoke(main, ["sparql", "--data", str(folder), "--file", str(QUERIES / "what-replaced.rq"),
                                       "--bind", "target=clinical commissioning groups", "--format", "json"])
    assert result.exit_code == 0, result.output
    bindings = json.loads(result.stdout)["results"]["bindings"]
    answers = [{k: v["value"] for k, v in b.items()} for b in bindings]
    facts = [a for a in answers if a["status"] == "fact"]
    claims = [a for a in answers if a["status"] != "fact"]
    assert [(a["replacement"], a["date"], a["by"]) for a in facts] == [
        ("integrated care board", "2022-07-01", "Health and Care Act 2022")]
    # The planted proposal is there, as a proposal; every claim (planted or curated) says whose it is.
    assert ("test trust form", "proposed", "Test Think Tank") in [
        (a["replacement"], a["status"], a["attributedTo"]) for a in claims]
    assert all(a.get("attributedTo") for a in claims)
    assert answers.index(facts[0]) == 0  # the enacted replacement comes first


def test_sparql_command_prints_table_csv_and_json(rdf_folder):
    query = "SELECT ?new WHERE { ?new nhsg:replaces ?old } ORDER BY ?new"
    table = CliRunner().invoke(main, ["sparql", query, "--data", str(rdf_folder)])
    assert table.exit_code == 0 and "new-form" in table.stdout
    as_csv = CliRunner().invoke(main, ["sparql", query, "--data", str(rdf_folder), "--format", "csv"])
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [
        ["new"], ["https://w3id.org/nhsgraph/id/body-y"], ["https://w3id.org/nhsgraph/id/new-form"]]
    as_json = CliRunner().invoke(main, ["sparql", query, "--data", str(rdf_folder), "--format", "json"])
    assert json.loads(as_json.stdout)["head"]["vars"] == ["new"]
    ask = CliRunner().invoke(main, ["sparql", "ASK { ?x nhsg:replaces ?y }", "--data", str(rdf_folder)])
    assert ask.stdout.strip() == "true"


def test_bound_text_cannot_change_the_query(rdf_dataset):
    hostile = '" } ?s ?p ?o . FILTER(true) #'
    results = query_dataset(rdf_dataset, "SELECT ?s ?label WHERE { ?s skos:prefLabel ?label }",
                            text_bindings={"label": hostile})
    assert results.rows == []
    # the same binding with a real label finds exactly that entity
    results = query_dataset(rdf_dataset, "SELECT ?s ?label WHERE { ?s skos:prefLabel ?label }",
                            text_bindings={"label": "Body X"})
    assert results.rows == []  # labels are English-tagged, so a plain string does not match ...
    results = query_dataset(rdf_dataset, 'SELECT ?s ?label WHERE { ?s skos:prefLabel ?l FILTER(STR(?l) = ?label) }',
                            text_bindings={"label": "Body X"})
    assert [compact(r["s"]) for r in results.rows or []] == ["body-x"]  # ... but compares as text


def test_unknown_bound_name_and_bad_query_are_one_line_errors(rdf_folder):
    unknown = CliRunner().invoke(main, ["sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--data", str(rdf_folder),
                                        "--bind", "s=old frm"])
    assert unknown.exit_code == 1 and "old frm" in unknown.output and "Traceback" not in unknown.output
    bad = CliRunner().invoke(main, ["sparql", "SELECT WHERE {", "--data", str(rdf_folder)])
    assert bad.exit_code == 1 and "SPARQL syntax error" in bad.output
    neither = CliRunner().invoke(main, ["sparql", "--data", str(rdf_folder)])
    assert neither.exit_code == 2


def test_query_error_is_raised_for_bad_syntax_and_unselected_bindings(rdf_dataset):
    with pytest.raises(QueryError):
        query_dataset(rdf_dataset, "SELECT WHERE {")
    with pytest.raises(QueryError, match="must be selected"):
        query_dataset(rdf_dataset, "SELECT ?s WHERE { ?s ?p ?o }", text_bindings={"o": "x"})


def test_graph_clause_restricts_to_facts(rdf_dataset):
    query = """SELECT ?status WHERE { GRAPH <https://w3id.org/nhsgraph/id/graph/asserted> {
        ?st nhsg:status ?s } ?s skos:notation ?status } ORDER BY ?status"""
    statuses = {compact(r["status"]) for r in query_dataset(rdf_dataset, query).rows or []}
    assert statuses == {"fact"}




def test_what_replaced_ccgs_on_the_bundled_data_alone(bundled):
    found = rows(bundled, "what-replaced", target="clinical commissioning groups")
    facts = [(r["replacement"], r["date"], r["by"]) for r in found if r["status"] == "fact"]
    assert facts == [("integrated care board", "2022-07-01", "Health and Care Act 2022")]
    claims = [r for r in found if r["status"] != "fact"]
    assert claims, "the bundled data records proposals to replace CCGs"
    assert all(r["attributedTo"] for r in claims)
    assert found[0]["status"] == "fact"
