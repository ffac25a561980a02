"""Fitting answers to the terminal's width: table columns that keep words whole, wrapped notes.

rich shrinks an over-wide table by narrowing its widest columns evenly, whatever they hold, so
in 80 columns "integrated care board" came out as "integrate / d care / board" while a column
of short dates kept room to spare. :class:`Fitted` lays a table out the way browsers lay out
HTML tables instead: every column first gets its longest word, and the room left is shared in
proportion to how much more each column would like. Words are split only when even their
longest words cannot fit side by side.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text


class Fitted:
    """A rich table whose column widths are chosen, at render time, to keep words whole."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        fit_columns(self.table, console, options.max_width)
        yield self.table


def fit_columns(table: Table, console: Console, width: int) -> None:
    """Set each column's width so the table fits ``width`` without splitting a word, if it can.

    When the columns' longest words alone are wider than ``width``, widths are left to rich
    (which then folds words): no layout can keep them whole.
    """
    columns = table.columns
    for column in columns:
        column.width = None  # a table rendered again at another width is measured afresh
    options = console.options.update_width(width)
    shortest, widest = [], []
    for column in columns:
        cells = [column.header, *column.cells] if table.show_header else list(column.cells)
        sizes = [Measurement.get(console, options, cell) for cell in cells] or [Measurement(1, 1)]
        shortest.append(max(1, max(m.minimum for m in sizes)))
        widest.append(max(1, max(m.maximum for m in sizes)))
    _top, right, _bottom, left = table.padding
    padding = (left + right) * len(columns) - (0 if table.pad_edge else left + right)
    borders = len(columns) + 1 if table.box and table.show_edge else len(columns) - 1 if table.box else 0
    room = width - padding - borders
    if sum(widest) <= room or sum(shortest) > room:
        return
    for column, size in zip(columns, share_room(shortest, widest, room)):
        column.width = size


SHORT = 1.25
"""A column is kept whole if it needs at most this many equal shares of the room left."""


def share_room(shortest: list[int], widest: list[int], room: int) -> list[int]:
    """Column widths within ``room`` (which must hold every ``shortest``).

    Short columns (a date, a status, footnote marks) get their whole width first, narrowest
    first, as long as it is not much more than an equal share of what is left, so that "1 July 2022" is never broken to give a long title
    two more characters. The long columns then share what is left, each beyond its longest
    word in proportion to how much more it would like.
    """
    widths = list(shortest)
    open_ = set(range(len(widths)))
    budget = room
    for i in sorted(open_, key=lambda i: widest[i]):
        others = sum(shortest[j] for j in open_ if j != i)
        if widest[i] > SHORT * budget / len(open_) or budget - widest[i] < others:
            break
        widths[i] = widest[i]
        budget -= widest[i]
        open_.discard(i)
    spare = budget - sum(shortest[i] for i in open_)
    wants = {i: widest[i] - shortest[i] for i in open_}
    total = sum(wants.values()) or 1
    extra = {i: spare * wants[i] // total for i in open_}
    # the remainder of the integer division goes to the columns still short of the most
    for i in sorted(open_, key=lambda i: wants[i] - extra[i], reverse=True)[:spare - sum(extra.values())]:
        extra[i] += 1
    for i in open_:
        widths[i] = min(widest[i], shortest[i] + extra[i])
    return widths


def wrap_words(text: str, width: int, indent: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, later lines indented by ``indent`` spaces.

    A word is never split: a URL longer than the line gets a line of its own and runs past the
    edge, since a URL cut in two can no longer be clicked or copied.
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else (" " * indent if lines else "") + word
        if line and cell_len(candidate) > width:
            lines.append(line)
            line = " " * indent + word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def print_note(console: Console, mark: str, text: str) -> None:
    """A numbered note (``[3] Title (2020): "quote" URL``) wrapped with a hanging indent."""
    lines = wrap_words(f"{mark} {text}", console.width, cell_len(mark) + 1)
    for number, line in enumerate(lines):
        rendered = Text(line)
        if number == 0:
            rendered.stylize("dim", 0, len(mark))
        console.print(rendered, soft_wrap=True)
