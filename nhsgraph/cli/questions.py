"""Researchers' questions: replaced-by, replaced, lineage, positions, proposals, as-of, search.

Each command parses its arguments, calls one function of :mod:`nhsgraph.queries` and prints
the answers (tables, or ``--json`` in the schema documented in docs/json.md).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

import nhsgraph
from nhsgraph import answer_display as show
from nhsgraph import queries
from nhsgraph.answers import Answer
from nhsgraph.citations import ref_json
from nhsgraph.cli.common import console, data_option, echo_json, json_option, main
from nhsgraph.dataset import Dataset
from nhsgraph.dates import DateError, parse_day


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_day(value)
    except DateError as exc:
        raise click.BadParameter(str(exc)) from None


def _entity(dataset: Dataset, name: str) -> dict[str, str]:
    return ref_json(dataset, queries.resolve(dataset, name).id)  # type: ignore[return-value]


def _emit(query: dict[str, Any], answers: list[Answer], **extra: Any) -> None:
    echo_json({"query": query, **extra, "answers": [a.to_json() for a in answers]})


@main.command("replaced-by")
@click.argument("name")
@click.option("--as-of", "as_of", callback=_day, metavar="DATE", help="Only changes in effect by this day (YYYY-MM-DD).")
@click.option("--transitive", is_flag=True, help="Follow chains of replacements (facts only).")
@data_option
@json_option
def replaced_by(name: str, as_of: dt.date | None, transitive: bool, data_path: Path, as_json: bool) -> None:
    """What replaced NAME (an organisation type or organisation): facts first, proposals apart."""
    dataset = nhsgraph.load(data_path)
    answers = queries.replaced_by(dataset, name, as_of=as_of, transitive=transitive)
    entity = _entity(dataset, name)
    if as_json:
        _emit({"command": "replaced-by", "name": name, "entity": entity,
               "as_of": str(as_of) if as_of else None, "transitive": transitive}, answers)
    else:
        show.print_succession(console(), entity, answers, "after")


@main.command()
@click.argument("name")
@click.option("--transitive", is_flag=True, help="Follow chains back (facts only).")
@data_option
@json_option
def replaced(name: str, transitive: bool, data_path: Path, as_json: bool) -> None:
    """What NAME replaced (its predecessors)."""
    dataset = nhsgraph.load(data_path)
    answers = queries.replaced(dataset, name, transitive=transitive)
    entity = _entity(dataset, name)
    if as_json:
        _emit({"command": "replaced", "name": name, "entity": entity, "transitive": transitive}, answers)
    else:
        show.print_succession(console(), entity, answers, "before")


@main.command()
@click.argument("name")
@data_option
@json_option
def lineage(name: str, data_path: Path, as_json: bool) -> None:
    """The whole chain of predecessors and successors of NAME, in order over time."""
    dataset = nhsgraph.load(data_path)
    result = queries.lineage(dataset, name)
    if as_json:
        echo_json({"query": {"command": "lineage", "name": name, "entity": result.entity}, **result.to_json()})
    else:
        show.print_lineage(console(), result)


@main.command()
@click.argument("name")
@data_option
@json_option
def positions(name: str, data_path: Path, as_json: bool) -> None:
    """Who supports or opposes NAME, or (for a person, body or document) what NAME supports or opposes."""
    dataset = nhsgraph.load(data_path)
    answers = queries.positions(dataset, name)
    entity = _entity(dataset, name)
    if as_json:
        _emit({"command": "positions", "name": name, "entity": entity}, answers)
    else:
        show.print_positions(console(), entity, answers)


@main.command()
@click.option("--by", "by", metavar="NAME", help="Only proposals by this person, body or document.")
@click.option("--about", "about", metavar="NAME", help="Only proposals concerning this entity.")
@data_option
@json_option
def proposals(by: str | None, about: str | None, data_path: Path, as_json: bool) -> None:
    """Proposals, their proposers, status and outcome."""
    dataset = nhsgraph.load(data_path)
    answers = queries.proposals(dataset, by=by, about=about)
    by_ref = _entity(dataset, by) if by else None
    about_ref = _entity(dataset, about) if about else None
    if as_json:
        _emit({"command": "proposals", "by": by_ref, "about": about_ref}, answers)
    else:
        filters = "".join(f" {w} {r['label']}" for w, r in (("by", by_ref), ("about", about_ref)) if r)
        show.print_proposals(console(), answers, filters)


@main.command("as-of")
@click.argument("date", callback=_day)
@click.option("--kind", type=click.Choice(["org_type", "organisation"]), help="Only this kind of entity.")
@click.option("--type", "org_type", metavar="NAME", help="Only organisations of this type (e.g. CCG).")
@data_option
@json_option
def as_of(date: dt.date, kind: str | None, org_type: str | None, data_path: Path, as_json: bool) -> None:
    """What existed on DATE (YYYY-MM-DD): established <= DATE < dissolved."""
    if org_type and kind == "org_type":  # an empty list would read like an answer
        raise click.UsageError("--type keeps organisations of that type; it cannot be combined with --kind org_type")
    dataset = nhsgraph.load(data_path)
    try:
        answers = queries.as_of(dataset, date, kind=kind, org_type=org_type)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    type_ref = _entity(dataset, org_type) if org_type else None
    if as_json:
        _emit({"command": "as-of", "date": str(date), "kind": kind, "type": type_ref}, answers, count=len(answers))
    else:
        what = f"{type_ref['label']} bodies" if type_ref else {"org_type": "organisation types",
                                                               "organisation": "organisations"}.get(kind or "", "entities")
        show.print_as_of(console(), date, answers, what)


@main.command()
@click.argument("text")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000), help="Most matches to show.")
@data_option
@json_option
def search(text: str, limit: int, data_path: Path, as_json: bool) -> None:
    """Find entities by partial name or alias, best match first."""
    dataset = nhsgraph.load(data_path)
    answers = queries.search(dataset, text, limit=limit)
    if as_json:
        _emit({"command": "search", "text": text, "limit": limit}, answers)
    else:
        show.print_search(console(), text, answers)
