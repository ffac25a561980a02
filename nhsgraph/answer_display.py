"""Terminal rendering of answers: the answer first, then tables, then numbered sources.

Presentation only: everything shown comes from :class:`~nhsgraph.answers.Answer` fields,
so the terminal and ``--json`` forms can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from nhsgraph.answers import Answer, Lineage
from nhsgraph.dates import PartialDate
from nhsgraph.display import Footnotes
from nhsgraph.query_index import SUCCESSOR_END
from nhsgraph.terminal import Fitted
from nhsgraph.vocabulary import vocabulary

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


def _lines(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


STATUS_WHEN: Column = ("status, when", lambda a: _lines(_status(a), human(a.date)))
WHOSE_WHERE: Column = ("whose, where", lambda a: _lines(_names(a.attributed_to),
                                                         f"in {_names([a.by])}" if a.by else ""))


def table(answers: Sequence[Answer], columns: Sequence[Column], notes: Footnotes, title: str | None = None) -> Fitted:
    """A table of answers with the given columns and a final ``src`` column of footnote marks.

    A column empty in every row is left out: in 80 columns each blank column squeezes the
    names the reader came for into fragments. Widths are fitted at print time (:class:`Fitted`)
    so that words stay whole.
    """
    rows = [[get(answer) for _, get in columns] for answer in answers]
    keep = [i for i in range(len(columns)) if i == 0 or any(row[i] for row in rows)]
    result = Table(title=title, title_justify="left", expand=False)
    for i in keep:
        result.add_column(columns[i][0], overflow="fold")
    result.add_column("src", overflow="fold")
    for answer, row in zip(answers, rows):
        result.add_row(*(row[i] for i in keep), notes.mark(answer.sources, sep=" "))
    return Fitted(result)


def _split(answers: Sequence[Answer]) -> tuple[list[Answer], list[Answer]]:
    return [a for a in answers if a.is_fact], [a for a in answers if not a.is_fact]


def _step(answer: Answer) -> str:
    via = f" (after {_names(answer.about)})" if answer.depth > 1 else ""
    return f"{answer.reads}{via}"


def _succession_kinds() -> frozenset[str]:
    """Kinds that can replace, merge into or be renamed to one another (read from the vocabulary)."""
    relations = [r for r in vocabulary().relations.values() if r.change_event in SUCCESSOR_END]
    return frozenset(kind for r in relations for kind in (*r.subject_kinds, *r.object_kinds))


def _outside_succession(console: Console, subject: dict[str, str], command: str) -> bool:
    """For a name that cannot have successors (an Act, a person), say what the command covers and
    where to look instead, rather than a bare "no successor" that reads like an answer."""
    if subject["kind"] in _succession_kinds():
        return False
    kinds = " and ".join(sorted(vocabulary().kinds[k].label + "s" for k in _succession_kinds()))
    kind = vocabulary().kinds[subject["kind"]].label
    article = "an" if kind[:1] in "aeiou" else "a"
    console.print(f"{subject['label']} is {article} {kind}; {command} follows "
                  f"replacements, mergers and renamings of {kinds}. "
                  f"nhsgraph show \"{subject['label']}\" lists every statement about it.", markup=False)
    return True


def print_succession(console: Console, subject: dict[str, str], answers: Sequence[Answer], direction: str) -> None:
    """``replaced-by`` / ``replaced``: a one-line answer, then enacted changes, then claims apart."""
    if not answers and _outside_succession(console, subject, "replaced-by" if direction == "after" else "replaced"):
        return
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
        # Five columns, not seven: status and date, and whose claim and where it was made, are
        # read together ("proposed / 26 November 2020"; "NHS England / in Integrating Care"),
        # and seven columns in 80 characters cut every name into fragments.
        console.print(table(claims, [(other, lambda a: a.label), ("how", _step), STATUS_WHEN, WHOSE_WHERE],
                            notes, "Proposed, announced or reported (not facts)"))
    notes.print(console)


def _sentence(answer: Answer) -> str:
    """``<about> <reads> <answer>``: how the link reads, e.g. "CCG replaced by ICB"."""
    return f"{_names(answer.about)} {answer.reads} [bold]{answer.label}[/bold]"


def print_lineage(console: Console, lineage: Lineage) -> None:
    """Every body in the chain in order, each with its lifespan and the link that joins it."""
    if not (lineage.predecessors or lineage.successors or lineage.memberships) \
            and _outside_succession(console, lineage.entity, "lineage"):
        return
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
    console.print(Fitted(spans))
    notes.print(console)


def print_positions(console: Console, subject: dict[str, str], answers: Sequence[Answer]) -> None:
    # What every row shares is said once, above the table, rather than repeated in a column:
    # at 80 columns a repeated "Health and Care Act 2022" squeezed the holders' names to fragments.
    abouts = {_names(a.about) for a in answers}
    shared_on = next(iter(abouts)) if len(abouts) == 1 and subject["label"] not in abouts else ""
    all_facts = bool(answers) and all(a.is_fact for a in answers)
    found = ", ".join(part for part in (f"{len(answers)} found", f"all on {shared_on}" if shared_on else "",
                                        "all sourced facts" if all_facts else "") if part)
    console.print(f"[bold]Positions on or by {subject['label']}[/bold]: {found}")
    if not answers and subject["kind"] in _succession_kinds():
        # An empty answer to "who opposed X?" is rarely the end: positions are recorded on the
        # documents, proposals and Acts people argued over, which may not name X as a link.
        console.print("Positions are recorded on the documents, proposals and Acts people argued over; "
                      f"nhsgraph search \"{subject['label']}\" lists those by name, "
                      "then nhsgraph positions NAME asks about one.", highlight=False, markup=False)
    notes = Footnotes()
    if answers:
        # "on" earns its column only when positions are on different things other than NAME itself
        # (a proposal about it, or what a person or body took a stand on).
        differs = len(abouts) > 1 and any(about != subject["label"] for about in abouts)
        on: Column = ("on", lambda a: _names(a.about) if differs else "")
        status: Column = ("status", lambda a: "" if all_facts else _status(a))
        console.print(table(answers, [("who", lambda a: a.label), ("stance", lambda a: a.reads or ""),
                                      on, WHEN, status], notes))
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
        # a grid keeps a long title and its fields indented under the number
        block = Table.grid(padding=(0, 1))
        block.add_column(no_wrap=True)
        block.add_column()
        block.add_row(f"{number}.", Text.assemble((answer.label, "bold"), f"  {notes.mark(answer.sources)}"))
        fields = [("proposed by", _names(answer.attributed_to)), ("when", human(answer.date)),
                  ("status", answer.status or ""), ("about", _names(answer.about)), ("outcome", _outcome(answer))]
        for field, value in fields:
            if value:
                block.add_row("", Text(f"{field}: {value}"))
        console.print()
        console.print(block)
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
    """Matches, best first: each name with its id (and the alias or code matched) beneath it.

    Ids are what a user copies into the next command, so they are never broken across lines;
    under the name (not in a column of their own) they need no room beside it, and a long id
    no longer squeezes the names in 80 columns. The matched name is shown only when it is
    neither the name nor the id (an alias, a code).
    """
    console.print(f"[bold]{len(answers)} match(es) for {text!r}[/bold]")
    if not answers:
        return
    result = Table(expand=False)
    result.add_column("#")
    result.add_column("name, id", overflow="fold")
    result.add_column("kind", overflow="fold")
    for rank, answer in enumerate(answers, start=1):
        name = Text(answer.label, style="bold")
        name.append(f"\n{answer.id}")
        if answer.matched and answer.matched.casefold() not in (answer.label.casefold(), answer.id):
            name.append(f"\nmatched: {answer.matched}", style="dim")
        result.add_row(str(rank), name, answer.kind)
    console.print(Fitted(result))
