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
