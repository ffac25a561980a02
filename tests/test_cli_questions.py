"""The question commands: text answers first with footnoted sources, stable JSON, clear errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from reform_fixture import REFORM

from nhsgraph.cli import main


@pytest.fixture
def data(write_data) -> str:
    return str(write_data(REFORM))


def run(*args: str):
    return CliRunner().invoke(main, list(args), env={"COLUMNS": "160"})


def test_replaced_by_text_answers_first_and_separates_proposals(data):
    result = run("replaced-by", "OFs", "--data", data)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "old form was replaced by: new form (1 July 2022)"
    facts, claims = result.output.index("What happened"), result.output.index("Proposed, announced or reported")
    assert facts < result.output.index("Example Act 2022") < claims < result.output.index("Body X")
    assert '[2] Article B (2018): "An idea form should replace the old form." https://example.org/article-b' in lines


def test_replaced_by_json_carries_the_stable_answer_fields(data):
    result = run("replaced-by", "old form", "--data", data, "--json", "--as-of", "2022-07-01", "--transitive")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["query"] == {"command": "replaced-by", "name": "old form",
                            "entity": {"id": "old-form", "label": "old form", "kind": "org_type"},
                            "as_of": "2022-07-01", "transitive": True}
    first = out["answers"][0]
    assert {k: first[k] for k in ("id", "status", "date", "by")} == {
        "id": "new-form", "status": "fact", "date": "2022-07-01",
        "by": {"id": "act-2022", "label": "Example Act 2022", "kind": "act"}}
    assert first["sources"][0]["quote"] == "The new form replaces the old form."


def test_replaced_by_with_no_successor_says_so(data):
    result = run("replaced-by", "new form", "--data", data)
    assert result.exit_code == 0 and result.output.startswith("new form: no recorded successor as a fact")


def test_replaced_text_and_json(data):
    assert "new form replaced: old form (1 July 2022)" in run("replaced", "new-form", "--data", data).output
    out = json.loads(run("replaced", "new-form", "--transitive", "--data", data, "--json").output)
    assert [a["id"] for a in out["answers"]] == ["old-form", "middle-form", "first-form"]


def test_lineage_text_shows_steps_in_order_and_lifespans(data):
    output = run("lineage", "old form", "--data", data).output
    order = [output.index(s) for s in ("middle form replaces first form", "old form replaces middle form",
                                       "old form replaced by new form", "Lifespans")]
    assert order == sorted(order)
    assert "1 April 1990" in output


def test_lineage_json_has_nodes_and_both_directions(data):
    out = json.loads(run("lineage", "org-b", "--data", data, "--json").output)
    assert out["entity"]["id"] == "org-b"
    assert [a["id"] for a in out["predecessors"]] == ["org-a"]
    assert [n["id"] for n in out["nodes"]][:2] == ["org-a", "org-b"]


def test_positions_text_and_json(data):
    output = run("positions", "prop-1", "--data", data).output
    assert "Body X" in output and "opposes" in output and '"Body X opposes the merger."' in output
    out = json.loads(run("positions", "prop-1", "--data", data, "--json").output)
    assert [(a["id"], a["relation"]) for a in out["answers"]] == [("body-x", "opposes"), ("person-p", "supports")]


def test_proposals_text_and_json_with_filters(data):
    output = run("proposals", "--by", "Body X", "--about", "old form", "--data", data).output
    assert output.startswith("2 proposal(s) by Body X about old form")
    assert "Not taken up." in output
    out = json.loads(run("proposals", "--by", "Pat Example", "--data", data, "--json").output)
    assert out["query"]["by"]["id"] == "person-p" and [a["id"] for a in out["answers"]] == ["idea-form"]


def test_as_of_text_counts_and_json(data):
    output = run("as-of", "2013-04-01", "--type", "OF", "--data", data).output
    assert output.startswith("3 old form bodies existed on 1 April 2013")
    out = json.loads(run("as-of", "2022-07-01", "--kind", "org_type", "--data", data, "--json").output)
    assert out["count"] == 1 and out["answers"][0]["id"] == "new-form"


def test_as_of_rejects_a_partial_date_and_a_type_that_is_not_a_type(data):
    partial = run("as-of", "2015-01", "--data", data)
    assert partial.exit_code == 2 and "expected a full date like 2022-07-01" in partial.output
    wrong = run("as-of", "2015-01-01", "--type", "Org A", "--data", data)
    assert wrong.exit_code == 1 and "'Org A' is not an organisation type (it is a kind of organisation)" in wrong.output


def test_search_text_and_json(data):
    output = run("search", "form", "--limit", "2", "--data", data).output
    assert output.startswith("2 match(es) for 'form'") and "new form" in output
    out = json.loads(run("search", "pat", "--data", data, "--json").output)
    assert [(a["id"], a["matched"]) for a in out["answers"]] == [("person-p", "Pat Example")]


@pytest.mark.parametrize("command", ["replaced-by", "replaced", "lineage", "positions"])
def test_unknown_name_exits_1_with_did_you_mean(data, command):
    result = run(command, "Pat Exampel", "--data", data)
    assert result.exit_code == 1
    assert result.output.strip() == ("nhsgraph: no entity called 'Pat Exampel'; did you mean 'Pat Example'? "
                                    "(to find partial names: nhsgraph search 'Pat Exampel')")


def test_ambiguous_name_exits_1_listing_candidates(data):
    result = run("replaced-by", "Twin", "--data", data)
    assert result.exit_code == 1
    assert "could mean several entities: Org B [org-b]; Org D [org-d]; use an id to choose" in result.output
