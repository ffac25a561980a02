"""What a newcomer trips over: one way to name the data, one error style, help for every
option, and tables that leave room in 80 columns for the answer."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner
from reform_fixture import REFORM

from nhsgraph.cli import main
from nhsgraph.clidoc import _commands


@pytest.fixture
def data(write_data) -> str:
    return str(write_data(REFORM))


def run(*args: str, columns: int = 80):
    return CliRunner().invoke(main, list(args), env={"COLUMNS": str(columns)})


def test_validate_and_build_take_the_data_folder_as_data_like_every_other_command(data, tmp_path):
    checked = run("validate", "--data", data)
    assert checked.exit_code == 0, checked.output
    assert checked.output.startswith(f"{data}: ok:")
    built = run("build", "--data", data, "--out", str(tmp_path / "out"))
    assert built.exit_code == 0, built.output
    assert (tmp_path / "out" / "nhsgraph.graphml").exists()


def test_validate_still_takes_the_folder_as_path(data):
    assert run("validate", data).exit_code == 0


def test_path_and_a_different_data_together_is_a_usage_error(data):
    result = run("validate", data, "--data", "elsewhere")
    assert result.exit_code == 2
    assert "give the data folder once" in result.output


def test_a_command_refusing_prints_one_nhsgraph_line_not_clicks_error_prefix():
    result = run("diagram", "CCGs")
    assert result.exit_code == 1
    assert result.output == "nhsgraph: give -o FILE (png, svg, pdf, mmd, dot) or --format mermaid|dot\n"


def test_diagram_empty_period_names_the_option_given_not_none(data, tmp_path):
    result = run("diagram", "old form", "--from", "2090", "-o", str(tmp_path / "x.svg"), "--data", data)
    assert result.exit_code == 1
    assert "None" not in result.output
    assert result.output.startswith("nhsgraph: --from 2090 leaves no years to draw")


def test_every_option_of_every_command_says_what_it_does():
    undocumented = [f"{path} {param.opts[0]}" for path, command in _commands(main) for param in command.params
                    if isinstance(param, click.Option) and not param.help]
    assert undocumented == []


def test_as_of_table_in_80_columns_leaves_out_blank_and_single_valued_columns(data):
    result = run("as-of", "2013-04-01", "--type", "OF", "--data", data)
    assert result.exit_code == 0, result.output
    header = next(line for line in result.output.splitlines() if "name" in line)
    assert "established" in header and "dissolved" in header
    # every row is an organisation (--type) and none names a "by": no such columns
    assert "kind" not in header and " by " not in header
    assert "note" in header  # a column with something in it stays


def test_search_in_80_columns_never_breaks_an_id_across_lines(write_data):
    folder = write_data({"long.yaml": """\
        organisations:
          - id: a-rather-long-identifier-for-a-think-tank
            label: The Commission on the Future of Health and Social Care in England, Second Report Team
            sector: think_tank
            sources: [doc-a]
        """})
    result = run("search", "commission", "--data", str(folder))
    assert result.exit_code == 0, result.output
    assert "a-rather-long-identifier-for-a-think-tank" in result.output
    assert "matched" not in result.output  # the match is the name itself: no repeat column


def test_unknown_name_points_to_search_for_partial_names(data):
    result = run("show", "Integrating Care option 2", "--data", data)
    assert result.exit_code == 1
    assert result.output.endswith("(to find partial names: nhsgraph search 'Integrating Care option 2')\n")
    assert len(result.output.splitlines()) == 1


def test_version_prints_the_version_even_from_an_uninstalled_checkout():
    import nhsgraph

    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"nhsgraph, version {nhsgraph.__version__}\n"


@pytest.mark.parametrize("date", ["2021-13", "March 2021"])
def test_extract_refuses_an_impossible_date_before_writing_a_review_file(data, tmp_path, date):
    article = tmp_path / "article.txt"
    article.write_text("Body X opposes the old form.\n", encoding="utf-8")
    out = tmp_path / "review.yaml"
    result = run("extract", str(article), "--date", date, "-o", str(out), "--data", data)
    assert result.exit_code == 2
    assert "Invalid value for '--date'" in result.output
    assert not out.exists()


def test_exit_codes_are_2_for_command_line_mistakes_and_1_for_everything_else(data):
    # as docs/cli.md says: usage errors print the usage and exit 2 ...
    wrong_form = run("replaced-by", "old form", "--as-of", "2022-13-01", "--data", data)
    assert wrong_form.exit_code == 2 and "Usage:" in wrong_form.output
    # ... and any other error is one "nhsgraph:" line and exit 1
    unknown = run("replaced-by", "no such form", "--data", data)
    assert unknown.exit_code == 1 and unknown.output.startswith("nhsgraph: no entity called")
    missing = run("show", "old form", "--data", data + "-missing")
    assert missing.exit_code == 1 and missing.output.splitlines()[-1].startswith("nhsgraph: ")


def test_proposals_in_80_columns_keep_each_outcome_readable_as_a_sentence(data):
    result = run("proposals", "--by", "Body X", "--data", data)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "3 proposal(s) by Body X"
    # a block per proposal: numbered title, then indented fields, words never split
    assert any(line.startswith("1. ") for line in lines)
    assert any(line.startswith("   proposed by: Body X") for line in lines)
    assert any(line.startswith("   outcome: Not taken up.") for line in lines)
    assert all(len(line) <= 80 for line in lines if not line.startswith("["))


def test_show_in_80_columns_cites_by_footnote_and_says_dates_as_people_do(write_data):
    folder = write_data({"st.yaml": """\
        statements:
          - subject: new-form
            relation: replaces
            object: old-form
            date: 2022-07-01
            sources: [doc-a]
        """})
    result = run("show", "old form", "--data", str(folder))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.split() == ["established", "1", "April", "2013"] for line in lines)
    assert any(line.split() == ["sources", "[1]"] for line in lines)
    header = next(line for line in lines if "relation" in line)
    assert "src" in header and "by / whose" not in header  # no statement has a by: no blank column
    row = next(line for line in lines if "replaced by" in line)
    assert "Document A" not in row and "[1]" in row  # the title is in the note, once
    assert [line for line in lines if line.startswith("[1] ")] == ["[1] Document A (2020)"]


def test_sparql_says_which_word_it_took_for_the_query_when_a_bind_lacks_its_equals_sign(data, tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?target WHERE { }\n", encoding="utf-8")
    result = run("sparql", "--bind", "target", "CCGs", "--file", str(query), "--data", data)
    assert result.exit_code == 2
    assert "got both --file and a QUERY ('CCGs')" in result.output and "--bind VAR=NAME" in result.output
    neither = run("sparql", "--data", data)
    assert neither.exit_code == 2 and "give a QUERY (in quotes) or --file FILE" in neither.output


def test_data_help_names_the_environment_variable_it_reads(data):
    help_text = run("lineage", "--help", columns=200).output
    assert "env var: NHSGRAPH_DATA" in help_text
    from_env = CliRunner().invoke(main, ["lineage", "old form"], env={"NHSGRAPH_DATA": data})
    assert from_env.exit_code == 0, from_env.output


def test_positions_with_none_found_says_where_positions_are_recorded(write_data):
    result = run("positions", "new form", "--data", str(write_data({})), columns=200)
    assert result.exit_code == 0
    assert result.output.startswith("Positions on or by new form: 0 found\n")
    assert 'nhsgraph search "new form" lists those by name' in result.output


def test_accept_takes_the_data_folder_as_data_too(data, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Nothing of note happened.\n", encoding="utf-8")
    sheet = tmp_path / "review.yaml"
    assert run("extract", str(article), "-o", str(sheet), "--data", data).exit_code == 0
    result = run("accept", str(sheet), "--data", data)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("nothing to merge:") and f"already in {data}," in result.output


def test_succession_questions_about_an_act_say_what_they_cover_instead_of_no_successor(data):
    for command in ("replaced-by", "replaced", "lineage"):
        result = run(command, "Example Act 2022", "--data", data, columns=200)
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"Example Act 2022 is an act; {command} follows replacements, mergers "
                                        "and renamings of organisation types and organisations.")
        assert "no recorded" not in result.output and "Lifespans" not in result.output
    # a body with no successor still gets the plain answer
    assert "no recorded successor as a fact" in run("replaced-by", "new form", "--data", data).output


def test_positions_leave_out_the_on_column_when_every_position_is_on_name_itself(data):
    on_itself = run("positions", "prop-1", "--data", data)
    header = next(line for line in on_itself.output.splitlines() if "stance" in line)
    assert " on " not in header
    # positions all on one proposal about the old form: it is named once, above the table
    about_it = run("positions", "old form", "--data", data, columns=200)
    summary, *rest = about_it.output.splitlines()
    header = next(line for line in rest if "stance" in line)
    assert ", all on " in summary and " on " not in header


def test_positions_on_different_things_keep_the_on_column_and_say_once_that_all_are_facts():
    from conftest import DATA

    result = run("positions", "Tom Kibasi", "--data", str(DATA), columns=120)
    summary, *rest = result.output.splitlines()
    header = next(line for line in rest if "stance" in line)
    assert " on " in header and "all on" not in summary
    assert "all sourced facts" in summary and "status" not in header


def test_root_help_groups_every_command_with_its_whole_first_sentence():
    result = run("--help")
    assert result.exit_code == 0
    commands_part = result.output.split("Questions:")[1]
    assert not any(line.endswith("...") for line in commands_part.splitlines())  # no description cut short
    for section in ("Questions:", "Data:", "RDF and SPARQL:", "Diagrams:", "Claims from articles:"):
        assert section in result.output
    listed = {line.split()[0] for line in result.output.splitlines() if line.startswith("  ") and
              not line.startswith("   ") and not line.lstrip().startswith("-")}
    assert set(main.commands) <= listed
    assert "e.g. for YASGUI or a notebook" in " ".join(result.output.split())


def test_as_of_refuses_type_with_kind_org_type_instead_of_answering_zero(data):
    result = run("as-of", "2013-04-01", "--type", "old form", "--kind", "org_type", "--data", data)
    assert result.exit_code == 2
    assert "cannot be combined with --kind org_type" in result.output
    assert run("as-of", "2013-04-01", "--type", "old form", "--kind", "organisation", "--data", data).exit_code == 0


def test_search_in_a_narrow_terminal_still_shows_every_name(write_data):
    folder = write_data({"long.yaml": """\
        organisations:
          - id: a-rather-long-identifier-for-a-think-tank
            label: The Commission on the Future of Health and Social Care in England
            sector: think_tank
            sources: [doc-a]
        """})
    result = run("search", "commission", "--data", str(folder), columns=50)
    assert result.exit_code == 0, result.output
    assert all(len(line) <= 50 for line in result.output.splitlines())
    assert "Commission" in result.output  # ids give way (folded) before names vanish


def test_positions_show_a_status_column_when_a_stance_is_only_reported(write_data):
    reported = {"reported.yaml": """\
        statements:
          - subject: body-x
            relation: supports
            object: prop-1
            status: reported
            attributed_to: [person-p]
            sources: [{document: doc-b, quote: "Body X, we hear, backs the merger."}]
        """}
    result = run("positions", "prop-1", "--data", str(write_data({**REFORM, **reported})), columns=120)
    summary, *rest = result.output.splitlines()
    header = next(line for line in rest if "stance" in line)
    assert "all sourced facts" not in summary and "status" in header
    assert any("reported" in line for line in rest)
