"""Each validation problem, planted in a small fixture, is reported at its exact file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

import nhsgraph
from nhsgraph.diagnostics import LoadError, Problem


def problems(folder: Path) -> list[Problem]:
    return [p for p in nhsgraph.load(folder, strict=False).problems if p.severity == "error"]


def only(folder: Path, code: str) -> Problem:
    found = [p for p in problems(folder) if p.code == code]
    assert len(found) == 1, [p.format() for p in problems(folder)]
    return found[0]


def test_clean_fixture_has_no_errors(write_data):
    assert problems(write_data({})) == []


def test_yaml_syntax_error_reports_file_line_and_column(write_data):
    folder = write_data({"bad.yaml": "org_types:\n  - id: x\n    label: [unclosed\n"})
    problem = only(folder, "yaml-syntax")
    assert problem.file.endswith("bad.yaml")
    assert problem.line == 4  # libyaml reports the end of input, where the list was still open


def test_unknown_field_points_at_the_key_and_suggests(write_data):
    folder = write_data({"x.yaml": """\
        org_types:
          - id: x-form
            label: x form
            establised: 2013
            sources: [doc-a]
        """})
    problem = only(folder, "unknown-field")
    assert (Path(problem.file).name, problem.line, problem.column) == ("x.yaml", 4, 5)
    assert problem.suggestion == "did you mean 'established'?"


def test_missing_required_field_points_at_the_record(write_data):
    folder = write_data({"x.yaml": """\
        acts:
          - id: no-year-act
            label: An Act without a year
        """})
    problem = only(folder, "missing-field")
    assert (problem.line, "year" in problem.message) == (2, True)


def test_duplicate_ids_name_both_places(write_data):
    folder = write_data({"dup.yaml": """\
        org_types:
          - id: new-form
            label: another new form
            sources: [doc-a]
        """})
    problem = only(folder, "duplicate-id")
    assert Path(problem.file).name == "dup.yaml" and problem.line == 2
    assert "base.yaml:24" in problem.message


def test_unknown_reference_suggests_the_close_id(write_data):
    folder = write_data({"st.yaml": """\
        statements:
          - subject: new-form
            relation: replaces
            object: old-from
            date: 2022-07-01
            by: act-2022
            sources: [doc-a]
        """})
    problem = only(folder, "unknown-reference")
    assert (problem.line, problem.column) == (4, 13)
    assert problem.suggestion == "did you mean 'old-form'?"


def test_a_reference_written_as_a_name_suggests_the_id_it_names(write_data):
    folder = write_data({"st.yaml": """\
        statements:
          - subject: new-form
            relation: replaces
            object: ofs
            date: 2022-07-01
            sources: [doc-a]
        """})
    problem = only(folder, "unknown-reference")
    assert problem.message.endswith("unknown id 'ofs'") and (problem.line, problem.column) == (4, 13)
    assert problem.suggestion == "did you mean 'old-form'? 'ofs' is a name of 'old form'; data refers by id"


def test_relation_with_forbidden_subject_kind_is_reported(write_data):
    folder = write_data({"st.yaml": """\
        statements:
          - subject: doc-a
            relation: merges_into
            object: body-x
            date: 2020
            sources: [doc-a]
        """})
    problem = only(folder, "wrong-kind")
    assert problem.line == 2 and "must be a organisation" in problem.message


def test_unknown_relation_suggests_vocabulary(write_data):
    folder = write_data({"st.yaml": """\
        statements:
          - subject: new-form
            relation: replace
            object: old-form
            sources: [doc-a]
        """})
    problem = only(folder, "unknown-relation")
    assert problem.line == 3 and problem.suggestion == "did you mean 'replaces'?"


def test_impossible_calendar_date_is_reported_at_the_value(write_data):
    folder = write_data({"x.yaml": """\
        org_types:
          - id: leap-form
            label: leap form
            established: 2022-02-30
            sources: [doc-a]
        """})
    problem = only(folder, "invalid-date")
    assert problem.line == 4 and "February 2022 has 28 days" in problem.message


def test_dissolved_before_established_is_reported(write_data):
    folder = write_data({"x.yaml": """\
        organisations:
          - id: backwards-body
            label: Backwards Body
            established: 2013-04
            dissolved: 2012
            sources: [doc-a]
        """})
    problem = only(folder, "impossible-date")
    assert problem.line == 5


def test_replacement_dated_before_successor_existed_is_reported(write_data):
    folder = write_data({"st.yaml": """\
        statements:
          - subject: new-form
            relation: replaces
            object: old-form
            date: 2021-04-01
            by: act-2022
            sources: [doc-a]
        """})
    problem = only(folder, "impossible-date")
    assert problem.line == 5 and "before its successor 'new form' existed" in problem.message


def test_fact_without_source_is_reported(write_data):
    folder = write_data({"st.yaml": """\
        statements:
          - subject: new-form
            relation: replaces
            object: old-form
            date: 2022-07-01
        """})
    assert only(folder, "missing-source").line == 3


def test_quote_longer_than_one_sentence_is_reported(write_data):
    folder = write_data({"st.yaml": """\
        statements:
          - subject: new-form
            relation: replaces
            object: old-form
            date: 2022-07-01
            sources:
              - document: doc-a
                quote: "The old form goes. The new form arrives."
        """})
    assert only(folder, "long-quote").line == 8


def test_one_sentence_quote_with_abbreviations_is_accepted(write_data):
    folder = write_data({"st.yaml": """\
        statements:
          - subject: new-form
            relation: replaces
            object: old-form
            date: 2022-07-01
            sources:
              - document: doc-a
                quote: "Dr. Smith said the new form, e.g. in s. 19, replaces the old one."
        """})
    assert problems(folder) == []


def test_proposal_without_attribution_is_reported(write_data):
    folder = write_data({"st.yaml": """\
        statements:
          - subject: body-x
            relation: abolishes
            object: old-form
            status: proposed
            sources: [doc-a]
        """})
    assert only(folder, "unattributed-claim").line == 5


def test_fact_brought_about_by_unenacted_proposal_is_reported(write_data):
    folder = write_data({"p.yaml": """\
        proposals:
          - id: idea
            label: An idea
            proposed_by: [body-x]
            sources: [doc-a]
        statements:
          - subject: new-form
            relation: replaces
            object: old-form
            date: 2022-07-01
            by: idea
            sources: [doc-a]
        """})
    assert only(folder, "proposal-as-fact").line == 11


def test_every_problem_is_reported_in_one_run(write_data):
    folder = write_data({
        "a.yaml": "org_types:\n  - id: a-form\n    label: a\n    colour: red\n    sources: [doc-a]\n",
        "b.yaml": "statements:\n  - subject: nowhere\n    relation: replaces\n    object: old-form\n    sources: [doc-a]\n",
        "c.yaml": "acts: [\n",
    })
    codes = {(Path(p.file).name, p.code) for p in problems(folder)}
    assert {("a.yaml", "unknown-field"), ("b.yaml", "unknown-reference"), ("c.yaml", "yaml-syntax")} <= codes


def test_strict_load_raises_with_all_problems(write_data):
    folder = write_data({"a.yaml": "org_types:\n  - id: BAD ID\n    label: x\n"})
    with pytest.raises(LoadError) as info:
        nhsgraph.load(folder)
    assert info.value.problems[0].code == "invalid-value"
    assert "lower-case" in info.value.problems[0].message


def test_alias_bomb_is_refused(write_data):
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]")
    folder = write_data({"bomb.yaml": "\n".join(lines) + "\n"}, base=False)
    problem = only(folder, "yaml-syntax")
    assert "alias bomb" in problem.message


def test_tags_are_not_constructed(write_data):
    folder = write_data({"tag.yaml": "org_types:\n  - !!python/object/apply:os.system ['true']\n"}, base=False)
    assert only(folder, "yaml-syntax").line == 2


def test_non_utf8_file_is_reported(write_data, tmp_path):
    folder = write_data({})
    (folder / "latin.yaml").write_bytes("org_types:\n  - id: caf\xe9\n".encode("latin-1"))
    problem = only(folder, "not-utf8")
    assert (problem.line, problem.column) == (2, 12)


def test_cycle_in_replacements_is_reported(write_data):
    folder = write_data({"st.yaml": """\
        statements:
          - {subject: new-form, relation: replaces, object: old-form, sources: [doc-a]}
          - {subject: old-form, relation: replaces, object: new-form, sources: [doc-a]}
        """})
    assert "cycle in replaces" in only(folder, "cycle").message
