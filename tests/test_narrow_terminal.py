"""Answers fit the terminal: at 80 and 120 columns no line runs past the edge and no word is cut.

A 7-column table in 80 columns used to print "integrate / d care / board" and
"Improvemen / t", and numbered notes ran to 300 characters for the terminal to fold mid-word.
"""

from __future__ import annotations

import io
import re

import pytest
from doc_examples import examples, run_on_bundled
from rich.console import Console
from rich.table import Table

from nhsgraph.terminal import Fitted, share_room, wrap_words

QUESTIONS = {"replaced-by", "replaced", "lineage", "positions", "proposals", "as-of", "search", "show"}
ASKED = [(where, argv) for where, argv in examples() if argv[0] in QUESTIONS and "--json" not in argv]
URL = re.compile(r"https?://\S+")


def overlong(output: str, width: int) -> list[str]:
    """Lines wider than ``width``, except a line holding one URL alone (cutting it would break it)."""
    return [line for line in output.splitlines() if len(line) > width and not URL.fullmatch(line.strip())]


def words(output: str) -> set[str]:
    return set(re.findall(r"[\w'’]+", output))


def test_every_documented_question_is_checked():
    assert {argv[0] for _, argv in ASKED} == QUESTIONS


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("argv", [argv for _, argv in ASKED], ids=[where for where, _ in ASKED])
def test_documented_question_fits_the_terminal(argv, width, bundled, monkeypatch):
    result = run_on_bundled(argv, bundled, monkeypatch, columns=width)
    assert result.exit_code == 0, result.output
    assert overlong(result.output, width) == []


def test_replaced_by_in_80_columns_keeps_names_dates_and_sources_whole(bundled, monkeypatch):
    output = run_on_bundled(["replaced-by", "CCGs"], bundled, monkeypatch, columns=80).output
    assert overlong(output, 80) == []
    # the enacted successor and the proposed one, with their words whole (not "integrate" / "d")
    assert {"integrated", "Improvement", "Integrating", "November", "proposed"} <= words(output)
    rows = [line for line in output.splitlines() if line.startswith("│")]
    assert any("1 July 2022" in row and "integrated care board" in row for row in rows)
    assert any("proposed" in row for row in rows) and any("26 November 2020" in row for row in rows)
    assert any("NHS England, NHS" in row for row in rows)
    # the claim table has five columns, not seven
    header = next(line for line in output.splitlines() if "whose" in line)
    assert header.count("┃") == 6
    # each source once, as a note whose URL is whole on one line
    assert "[1] Integrated care in your area (NHS England)" in output
    assert "https://www.england.nhs.uk/integratedcare/integrated-care-in-your-area/" in output.split()


def test_notes_wrap_under_their_number_and_keep_urls_whole():
    url = "https://example.org/" + "a-very-long-path-" * 6
    lines = wrap_words(f"[12] A title (2020): \"a quote of some length here\" {url}", 30, 5)
    assert lines[0].startswith("[12] A title") and all(line.startswith("     ") for line in lines[1:])
    assert lines[-1] == "     " + url  # alone on its line, whole, though wider than 30
    assert all(len(line) <= 30 for line in lines[:-1])


def test_short_columns_stay_whole_and_long_ones_share_the_rest():
    # a name, a date and footnote marks in 40 cells: the date and marks whole, the name wraps
    assert share_room(shortest=[10, 8, 3], widest=[60, 16, 7], room=40) == [17, 16, 7]
    # every column keeps at least its longest word, whatever the room
    widths = share_room(shortest=[13, 13, 8, 11], widest=[21, 56, 16, 66], room=64)
    assert sum(widths) <= 64 and all(w >= s for w, s in zip(widths, [13, 13, 8, 11]))


def test_a_fitted_table_never_cuts_a_word_that_can_fit():
    table = Table()
    for header in ("successor", "how", "when", "status", "whose", "in", "src"):
        table.add_column(header, overflow="fold")
    table.add_row("integrated care board", "would be replaced by", "26 November 2020", "proposed",
                  "NHS England, NHS Improvement", "Integrating Care option 2", "[3]")
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(Fitted(table))
    text = console.export_text()
    assert {"integrated", "Improvement", "Integrating", "November", "proposed"} <= words(text)
    assert all(len(line) <= 100 for line in text.splitlines())
