"""The CLI: exit codes, file:line:col lines, JSON, atomic build outputs."""

from __future__ import annotations

import json

from click.testing import CliRunner

from nhsgraph.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_validate_clean_data_prints_summary_and_exits_0(write_data):
    result = run("validate", str(write_data({})))
    assert result.exit_code == 0
    assert "ok: 1 acts, 1 documents, 2 org_types, 1 organisations" in result.output


def test_validate_reports_errors_as_file_line_col_and_exits_1(write_data):
    folder = write_data({"x.yaml": "org_types:\n  - id: x\n    label: x\n    colour: red\n"})
    result = run("validate", str(folder))
    assert result.exit_code == 1
    assert f"{folder / 'x.yaml'}:4:5: error: unknown field 'colour'" in result.output


def test_validate_json_lists_problems_as_data(write_data):
    folder = write_data({"x.yaml": "org_types:\n  - id: x\n    label: x\n    colour: red\n"})
    result = run("validate", str(folder), "--json")
    problems = json.loads(result.output)["problems"]
    assert result.exit_code == 1
    assert {"file", "line", "column", "severity", "code", "message", "suggestion"} <= set(problems[0])


def test_show_prints_entity_with_sources(write_data):
    folder = write_data({"st.yaml": """\
        statements:
          - subject: new-form
            relation: replaces
            object: old-form
            date: 2022-07-01
            by: act-2022
            sources: [doc-a]
        """})
    result = run("show", "old forms", "--data", str(folder))
    assert result.exit_code == 0, result.output
    assert "replaced by" in result.output and "new form" in result.output and "Document A" in result.output


def test_show_json_is_stable(write_data):
    folder = write_data({})
    first = run("show", "OF", "--data", str(folder), "--json").output
    assert first == run("show", "OF", "--data", str(folder), "--json").output
    assert json.loads(first)["entity"]["id"] == "old-form"


def test_show_unknown_name_says_did_you_mean(write_data):
    result = run("show", "old frm", "--data", str(write_data({})))
    assert result.exit_code == 1 and "did you mean 'old form'?" in result.output


def test_build_writes_graphml_and_summary(write_data, tmp_path):
    out = tmp_path / "out"
    result = run("build", str(write_data({})), "--out", str(out))
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["entities"]["org_type"] == 2
    assert (out / "nhsgraph.graphml").read_text().startswith("<?xml")
    assert not list(out.glob(".*.tmp"))


def test_build_refuses_invalid_data_and_writes_nothing(write_data, tmp_path):
    out = tmp_path / "out"
    result = run("build", str(write_data({"x.yaml": "acts: [\n"})), "--out", str(out))
    assert result.exit_code == 1 and not out.exists()


def test_show_summarises_large_groups_and_lists_them_with_all(write_data):
    bodies = "".join(
        f"  - {{id: body-{i}, label: Body {i}, org_type: old-form, sources: [doc-a]}}\n" for i in range(12)
    )
    folder = write_data({"many.yaml": "organisations:\n" + bodies})
    short = run("show", "old form", "--data", str(folder))
    assert short.exit_code == 0, short.output
    assert "has instance: 12 statements (e.g. Body 0; Body 1; Body 10)" in short.output
    assert "Body 7" not in short.output
    full = run("show", "old form", "--data", str(folder), "--all")
    assert all(f"Body {i}" in full.output for i in range(12))
