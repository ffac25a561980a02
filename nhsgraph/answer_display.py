"""Terminal rendering of answers: the answer first, then tables, then numbered sources.

Presentation only: everything shown comes from :class:`~nhsgraph.answers.Answer` fields,
so the terminal and ``--json`` forms can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from nhsgraph.answers import Answer, Lineage
from nhsgraph.dates import PartialDate
from nhsgraph.display import Footnotes

Column = tuple[str, Callable[[Answer], str]]


def human(date: str | None) -> str:
    return PartialDate.parse(date).human() if date else ""


def _names(refs: Sequence[dict[str, Any] | None]) -> str:
    return ", ".join(r["label"] for r in refs if r)


def _status(answer: Answer) -> str:
    return answer.status or "" if answer.is_fact else f"[yellow]{answer.status}[/yellow]"


WHEN: Column = ("when", lambda a: human(a.date))
BY: Column = ("by", lambda a: _names([a.by]))
WHOSE: Column = ("whose", lambda a: _names(a.attributed_to))
STATUS: Column = ("status", _status)


def table(answers: Sequence[Answer], columns: Sequence[Column], notes: Footnotes, title: str | None = None) -> Table:
    """A table of answers with the given columns and a final ``src`` column of footnote marks.

    A column empty in every row is left out: in 80 columns each blank column squeezes the
    names the reader came for into fragments.
    """
    rows = [[get(answer) for _, get in columns] for answer in answers]
    keep = [i for i in range(len(columns)) if i == 0 or any(row[i] for row in rows)]
    result = Table(title=title, title_justify="left", expand=False)
    for i in keep:
        result.add_column(columns[i][0], overflow="fold")
    result.add_column("src", overflow="fold")
    for answer, row in zip(answers, rows):
        result.add_row(*(row[i] for i in keep), notes.mark(answer.sources))
    return result


def _split(answers: Sequence[Answer]) -> tuple[list[Answer], list[Answer]]:
    return [a for a in answers if a.is_fact], [a for a in answers if not a.is_fact]


def _step(answer: Answer) -> str:
    via = f" (after {_names(answer.about)})" if answer.depth > 1 else ""
    return f"{answer.reads}{via}"


def print_succession(console: Console, subject: dict[str, str], answers: Sequence[Answer], direction: str) -> None:
    """``replaced-by`` / ``replaced``: a one-line answer, then enacted changes, then claims apart."""
    facts, claims = _split(answers)
    other = "successor" if direction == "after" else "predecessor"
    if facts:
        found = "; ".join(("then " if a.depth > 1 else "") + a.label + (f" ({human(a.date)})" if a.date else "")
                          for a in facts)
        verb = "was replaced by" if direction == "after" else "replaced"
        console.print(f"[bold]{subject['label']}[/bold] {verb}: {found}")
    else:
        console.print(f"[bold]{subject['label']}[/bold]: no recorded {other} as a fact")
    notes = Footnotes()
    if facts:
        console.print(table(facts, [(other, lambda a: a.label), ("how", _step), WHEN, BY], notes, "What happened"))
    if claims:
        console.print(table(claims, [(other, lambda a: a.label), ("how", _step), WHEN, STATUS, WHOSE,
                                     ("in / by", lambda a: _names([a.by]))], notes,
                            "Proposed, announced or reported (not facts)"))
    notes.print(console)


def _sentence(answer: Answer) -> str:
    """``<about> <reads> <answer>``: how the link reads, e.g. "CCG replaced by ICB"."""
    return f"{_names(answer.about)} {answer.reads} [bold]{answer.label}[/bold]"


def print_lineage(console: Console, lineage: Lineage) -> None:
    """Every body in the chain in order, each with its lifespan and the link that joins it."""
    console.print(f"[bold]Lineage of {lineage.entity['label']}[/bold]: "
                  f"{len(lineage.predecessors)} earlier link(s), {len(lineage.successors)} later link(s)")
    notes = Footnotes()
    steps = [*lineage.predecessors, *lineage.successors]
    if steps:
        console.print(table(steps, [("step", _sentence), WHEN, BY, STATUS], notes))
    if lineage.memberships:
        console.print(table(lineage.memberships, [("part of", _sentence), ("from", lambda a: human(a.date)),
                                                  ("until", lambda a: human(a.until)), STATUS], notes,
                            "Part of (context, not links in the chain)"))
    spans = Table(title="Lifespans", title_justify="left", expand=False)
    for header in ("body", "type", "established", "dissolved", "in the chain as"):
        spans.add_column(header, overflow="fold")
    for node in lineage.nodes:
        status = node["status"] if node["status"] == "fact" else f"[yellow]{node['status']}[/yellow]"
        spans.add_row(node["label"], _names(node["types"]) or node["kind"], human(node["established"]),
                      human(node["dissolved"]), status)
    console.print(spans)
    notes.print(console)


def print_positions(console: Console, subject: dict[str, str], answers: Sequence[Answer]) -> None:
    console.print(f"[bold]Positions on or by {subject['label']}[/bold]: {len(answers)} found")
    notes = Footnotes()
    if answers:
        console.print(table(answers, [("who", lambda a: a.label), ("stance", lambda a: a.reads or ""),
                                      ("on", lambda a: _names(a.about)), WHEN, STATUS], notes))
    notes.print(console)


def _outcome(answer: Answer) -> str:
    """The outcome's words, then its date and what settled it in brackets."""
    if not answer.outcome:
        return ""
    when = "; ".join(p for p in (human(answer.outcome.get("date")), _names([answer.by])) if p)
    text = answer.outcome.get("text") or ""
    return f"{text} ({when})" if text and when else text or when


def print_proposals(console: Console, answers: Sequence[Answer], filters: str) -> None:
    """One block per proposal, not a table: an outcome is a sentence or two, and seven columns
    in 80 characters cut every word of it (and the proposal's title) into fragments."""
    console.print(f"[bold]{len(answers)} proposal(s)[/bold]{filters}")
    notes = Footnotes()
    for number, answer in enumerate(answers, start=1):
        console.print(Text.assemble(f"\n{number}. ", (answer.label, "bold"), f"  {notes.mark(answer.sources)}"))
        fields = [("proposed by", _names(answer.attributed_to)), ("when", human(answer.date)),
                  ("status", answer.status or ""), ("about", _names(answer.about)), ("outcome", _outcome(answer))]
        for field, value in fields:
            if value:
                console.print(Padding(Text(f"{field}: {value}"), (0, 0, 0, 3), expand=False))
    notes.print(console)


def print_as_of(console: Console, day: dt.date, answers: Sequence[Answer], what: str) -> None:
    console.print(f"[bold]{len(answers)} {what} existed on {day.day} {day:%B %Y}[/bold]")
    notes = Footnotes()
    if answers:
        # The kind is worth a column only when the list mixes kinds (not with --kind or --type).
        kind: Column = ("kind", lambda a: a.kind if len({b.kind for b in answers}) > 1 else "")
        console.print(table(answers, [("name", lambda a: a.label), kind,
                                      ("established", lambda a: human(a.date)), ("dissolved", lambda a: human(a.until)),
                                      BY, ("note", lambda a: a.note or "")], notes))
    notes.print(console)


def print_search(console: Console, text: str, answers: Sequence[Answer]) -> None:
    console.print(f"[bold]{len(answers)} match(es) for {text!r}[/bold]")
    if answers:
        # Ids are what a user copies into the next command: never broken across lines. The
        # matched name is shown only when it is neither the name nor the id (an alias, a code).
        matched = [a.matched if a.matched and a.matched.casefold() not in (a.label.casefold(), a.id) else ""
                   for a in answers]
        result = Table(expand=False)
        result.add_column("#")
        result.add_column("name", overflow="fold")
        result.add_column("kind", no_wrap=True)
        result.add_column("id", no_wrap=True, min_width=min(40, max(len(a.id) for a in answers)))
        if any(matched):
            result.add_column("matched", overflow="fold")
        for rank, (answer, alias) in enumerate(zip(answers, matched), start=1):
            result.add_row(str(rank), answer.label, answer.kind, answer.id, *([alias] if any(matched) else []))
        console.print(result)
