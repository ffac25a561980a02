"""Terminal rendering (rich tables) for entities and statements. Presentation only."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from nhsgraph.citations import citation, source_json, when_text
from nhsgraph.dates import PartialDate
from nhsgraph.terminal import Fitted, print_note
from nhsgraph.vocabulary import vocabulary

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset
    from nhsgraph.model import Entity, Statement


class Footnotes:
    """Sources as numbered notes under a table: cells carry ``[1]``, the notes say title, year, quote, URL.

    A table column full of titles and quotes squeezes everything else; numbered notes keep
    rows short and let one source cited by several rows appear once.
    """

    def __init__(self) -> None:
        self.notes: list[str] = []
        self._numbers: dict[tuple[str, str | None, str | None], int] = {}

    def mark(self, sources: list[dict[str, Any]], sep: str = "") -> str:
        """``[1][2]`` for these sources (source_json dicts), numbering new ones. In a table cell
        ``sep=" "`` lets a narrow column break between marks rather than inside one (``[1`` / ``2]``)."""
        marks = []
        for source in sources:
            key = (source["document"], source.get("quote"), source.get("locator"))
            if key not in self._numbers:
                self._numbers[key] = len(self.notes) + 1
                self.notes.append(_note_text(source))
            mark = f"[{self._numbers[key]}]"
            if mark not in marks:
                marks.append(mark)
        return sep.join(marks)

    def print(self, console: Console) -> None:
        """Each note wrapped to the terminal with a hanging indent (URLs kept whole)."""
        for number, note in enumerate(self.notes, start=1):
            print_note(console, f"[{number}]", note)


def _note_text(source: dict[str, Any]) -> str:
    year = f" ({source['date'][:4]})" if source.get("date") else ""
    parts = [f"{source['title']}{year}"]
    if source.get("locator"):
        parts.append(str(source["locator"]))
    text = ", ".join(parts)
    if source.get("quote"):
        text += f': "{source["quote"]}"'
    if source.get("url"):
        text += f" {source['url']}"
    return text


def entity_json(dataset: Dataset, entity: Entity) -> dict[str, Any]:
    from nhsgraph.citations import statement_json

    fields = entity.model_dump(mode="json", exclude_none=True, exclude={"sources"})
    return {
        "entity": {"kind": entity.kind, **fields, "sources": [source_json(dataset, s) for s in entity.sources]},
        "statements": [statement_json(dataset, s) for s in dataset.statements_about(entity.id)],
    }


def reads_as(dataset: Dataset, st: Statement, focus: str) -> tuple[str, str]:
    """How a statement reads from ``focus``'s side: (relation phrase, other party)."""
    relation = vocabulary().relations.get(st.relation)
    label = relation.label if relation else st.relation
    if st.subject == focus and st.object != focus:
        return label, dataset.label(st.object)
    if st.object == focus and st.subject != focus:
        return (relation.inverse_label if relation else f"{label} (inverse)"), dataset.label(st.subject)
    return f"{dataset.label(st.subject)} {label}", dataset.label(st.object)


ROWS_PER_RELATION = 8
"""Above this many statements of one kind (e.g. 248 CCGs "has instance"), ``show`` summarises them."""


def show_entity(console: Console, dataset: Dataset, entity: Entity, limit: int | None = ROWS_PER_RELATION) -> None:
    """Print an entity, its attributes and the statements about it.

    A form such as "clinical commissioning group" has hundreds of instances in the
    reference layer; listing them all would bury the few statements a reader wants,
    so groups larger than ``limit`` become one summary line (``limit=None`` lists all).
    """
    kind = vocabulary().kinds[entity.kind].label
    console.print(f"[bold]{entity.label}[/bold]  [dim]({kind}, id {entity.id})[/dim]")
    if entity.description:
        console.print(entity.description)
    notes = Footnotes()  # one numbering for the entity's own sources and its statements'
    attrs = Table(show_header=False, box=None, pad_edge=False)
    skip = {"id", "label", "description", "sources", "notes"}
    for name, value in entity.model_dump(exclude_none=True, by_alias=True).items():
        if name in skip or value in ([], "", False):
            continue
        attrs.add_row(f"[dim]{name.replace('_', ' ')}[/dim]", _attribute(dataset, value))
    if entity.sources:
        attrs.add_row("[dim]sources[/dim]", notes.mark([source_json(dataset, s) for s in entity.sources]))
    console.print(attrs)
    groups: dict[str, list[Statement]] = {}
    for st in dataset.statements_about(entity.id):
        groups.setdefault(reads_as(dataset, st, entity.id)[0], []).append(st)
    shown = [st for group in groups.values() if limit is None or len(group) <= limit for st in group]
    if shown:
        console.print(Fitted(statements_table(dataset, shown, entity.id, notes)))
    for phrase, group in groups.items():
        if limit is not None and len(group) > limit:
            examples = sorted(reads_as(dataset, st, entity.id)[1] for st in group)[:3]
            console.print(f"{phrase}: {len(group)} statements (e.g. {'; '.join(examples)}); "
                          "list them with --all, or use --json")
    notes.print(console)


_ISO_DATE = re.compile(r"\d{4}(-\d{2}){0,2}")


def _attribute(dataset: Dataset, value: Any) -> str:
    """An attribute as a reader says it: labels for ids, "1 April 2013" for dates, yes for true."""
    if isinstance(value, list):
        return ", ".join(_attribute(dataset, v) for v in value)
    if value is True:
        return "yes"
    if isinstance(value, PartialDate):
        return value.human()
    if isinstance(value, str) and value in dataset.entities:
        return dataset.label(value)
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return PartialDate.parse(value).human()
    return str(value)


def statements_table(dataset: Dataset, statements: list[Statement], focus: str,
                     notes: Footnotes | None = None) -> Table:
    """One row per statement, read from ``focus``'s side. With ``notes``, sources are footnote
    marks (``[1][2]``; the notes under the table give title, quote and URL), so the citations
    do not take half of an 80-column table; without, short citations."""
    rows = []
    for st in sorted(statements, key=lambda s: (str(s.when or ""), s.relation)):
        phrase, other = reads_as(dataset, st, focus)
        whose = ", ".join(dataset.label(a) for a in st.attributed_to)
        by = dataset.label(st.by) if st.by else ""
        if notes is not None:
            sources = notes.mark([source_json(dataset, s) for s in st.sources], sep=" ")
        else:
            sources = "; ".join(citation(dataset, s) for s in st.sources)
        status = st.status if st.status == "fact" else f"[yellow]{st.status}[/yellow]"
        rows.append([phrase, other, when_text(st), status, " / ".join(x for x in (by, whose) if x), sources])
    columns = ["relation", "with", "when", "status", "by / whose", "src" if notes is not None else "source"]
    keep = [i for i, _ in enumerate(columns) if i < 2 or any(row[i] for row in rows)]  # no blank columns
    table = Table(title=None, show_lines=False, expand=False)
    for i in keep:
        table.add_column(columns[i], overflow="fold")
    for row in rows:
        table.add_row(*(row[i] for i in keep))
    return table
