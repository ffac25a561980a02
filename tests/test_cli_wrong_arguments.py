"""A wrong argument gets one message in the user's words that says what to do instead.

Every command is found by introspecting the CLI, so a command added later is covered too.
"""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from nhsgraph.cli import main


def commands() -> list[list[str]]:
    """The command path of every command and subcommand (``["ingest", "ods"]``)."""
    found: list[list[str]] = []

    def walk(group: click.Group, path: list[str]) -> None:
        for name, command in sorted(group.commands.items()):
            found.append([*path, name])
            if isinstance(command, click.Group):
                walk(command, [*path, name])

    walk(main, [])
    return found


COMMANDS = commands()


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": "200"}, prog_name="nhsgraph")
    return result.exit_code, result.output


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_help_and_names_an_unknown_option_with_where_to_look(path):
    code, output = run(*path, "--help")
    assert code == 0 and output.startswith(f"Usage: nhsgraph {' '.join(path)} ")
    code, output = run(*path, "--no-such-option")
    assert code == 2, output
    assert "No such option '--no-such-option'" in output and f"Try 'nhsgraph {' '.join(path)} --help'" in output
    assert "Traceback" not in output


def test_sparql_query_cut_short_says_where_and_what_was_left_open(write_data):
    code, output = run("sparql", "SELECT ?x WHERE { ?x", "--data", str(write_data({})))
    assert code == 1 and len(output.strip().splitlines()) == 1, output
    assert "SPARQL syntax error at line 1, column 21, the end of the query: expected" in output
    assert "(is a { or ( left open?)" in output
    assert "\\u{" not in output and "..=" not in output  # no grammar character classes


def test_sparql_unknown_prefix_lists_the_predeclared_ones_and_how_to_declare_it(write_data):
    code, output = run("sparql", "SELECT ?x WHERE { ?x a bogus:Thing }", "--data", str(write_data({})))
    assert code == 1 and len(output.strip().splitlines()) == 1, output
    assert "unknown prefix bogus:;" in output and "nhsg, org" in output
    assert "declare another with PREFIX bogus: <IRI>" in output


def test_sparql_given_the_query_in_pieces_says_to_quote_it_and_how_to_bind(write_data):
    data = str(write_data({}))
    code, output = run("sparql", "--bind", "target", "CCGs", "SELECT * WHERE { ?s ?p ?o }", "--data", data)
    assert code == 2
    assert "got 2 QUERY arguments ('CCGs', 'SELECT * WHERE { ?s ?p ?o }')" in output
    assert "give the query as one argument, in quotes" in output and "--bind VAR=NAME" in output
    code, output = run("sparql", "SELECT", "*", "WHERE", "{", "?s", "?p", "?o", "}", "--data", data)
    assert code == 2 and "got 8 QUERY arguments ('SELECT', '*', 'WHERE', ...)" in output


def test_push_refuses_a_timeout_of_zero_before_connecting():
    code, output = run("push", "--endpoint", "http://127.0.0.1:9/store", "--timeout", "0")
    assert code == 2 and "Invalid value for '--timeout'" in output and "x>0" in output
    assert "Errno" not in output
