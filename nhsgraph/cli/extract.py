"""extract, review, accept: claims from articles, reviewed by a person, merged into the data."""

from __future__ import annotations

from pathlib import Path

import click

import nhsgraph
from nhsgraph import atomic
from nhsgraph.cli.common import data_option, echo_json, json_option, main
from nhsgraph.dates import DateError, PartialDate
from nhsgraph.extract import ArticleInfo, Gazetteer, extract_file
from nhsgraph.extract.accept import accept as accept_claims
from nhsgraph.extract.output import dump_yaml, results_json, review_records
from nhsgraph.extract.parse import ParserMissing
from nhsgraph.extract.review import EDITABLE, ReviewError, ReviewFile, describe
from nhsgraph.extract.text import ArticleError


def _partial_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse a date the data would refuse later ("2021-13", "March 2021"), before any file is written."""
    if value is None:
        return None
    try:
        return str(PartialDate.parse(value))
    except DateError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@json_option
@click.option("-o", "--output", "out", type=click.Path(path_type=Path, dir_okay=False), help="Write the claims to FILE (YAML), for nhsgraph review.")
@click.option("--document-id", help="Id of the article as a document (default: from the title or file name).")
@click.option("--title", help="The article's title.")
@click.option("--author", "authors", multiple=True, help="An author (name or id); repeat, or separate with 'and'.")
@click.option("--date", callback=_partial_date,
              help="Publication date, ISO 8601 at the precision known (2018-06).")
@click.option("--url", help="Where the article is published.")
@click.option("--no-parser", "no_parser", is_flag=True,
              help="Find new names by their shape alone, without the statistical English pipeline (faster; fewer new names).")
@data_option
def extract(files: tuple[Path, ...], as_json: bool, out: Path | None, document_id: str | None, title: str | None,
            authors: tuple[str, ...], date: str | None, url: str | None, no_parser: bool, data_path: Path) -> None:
    """Find entities and candidate claims in articles (text, Markdown or HTML), with offsets and attribution."""
    if len(files) > 1 and (document_id or title):
        raise click.ClickException("--document-id and --title describe one article; give one FILE with them")
    dataset = nhsgraph.load(data_path)
    gazetteer = Gazetteer.from_dataset(dataset)
    results = []
    for file in files:
        info = ArticleInfo(document_id, title, list(authors), date, url, str(file))
        try:
            results.append(extract_file(file, gazetteer, info, parser=not no_parser))
        except (ArticleError, ParserMissing) as exc:
            raise click.ClickException(str(exc)) from None
    if out:
        atomic.write_text(out, dump_yaml(review_records(results)))
        claims = sum(len([c for c in r.claims if not c.negated]) for r in results)
        click.echo(f"wrote {claims} candidate claim(s) to {out}; next: nhsgraph review {out}", err=True)
    if as_json:
        echo_json(results_json(results))
    elif not out:
        for result in results:
            _print(result)


def _print(result: object) -> None:
    from nhsgraph.extract.pipeline import Extraction

    assert isinstance(result, Extraction)
    click.echo(f"# {result.document.label} [{result.document.id}]")
    click.echo(f"entities ({len(result.mentions)}):")
    for m in result.mentions:
        flag = "" if m.known else "  (new)"
        click.echo(f"  {m.start}-{m.end}  {m.text!r} -> {m.id} [{m.kind}]{flag}")
    click.echo(f"claims ({len(result.claims)}):")
    for c in result.claims:
        negation = "  NEGATED" if c.negated else ""
        whose = ", ".join(p.id for p in c.attributed_to)
        click.echo(f"  {c.subject.id} --{c.relation}--> {c.object.id}  [{c.status}; {whose}; cue {c.cue!r}; "
                   f"{c.confidence}]{negation}")
        click.echo(f"      {c.sentence.start}-{c.sentence.end}: {c.sentence.text}")


@main.command()
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@data_option
def review(file: Path, data_path: Path) -> None:
    """Accept, reject or correct each pending claim in FILE; the file is saved after every decision."""
    try:
        sheet = ReviewFile.open(file)
    except ReviewError as exc:
        raise click.ClickException(str(exc)) from None
    labels = sheet.labels()
    if data_path.exists():  # labels make ids readable; the review works without the data too
        dataset = nhsgraph.load(data_path, strict=False)
        labels = {**{i: e.label for i, e in dataset.entities.items()}, **labels}
    pending = sheet.pending()
    if not pending:
        click.echo(f"no pending claims in {file}")
        return
    for number, index in enumerate(pending, start=1):
        while True:
            click.echo(f"\n[{number}/{len(pending)}] {describe(sheet.statements[index], labels)}")
            choice = click.prompt("(a)ccept, (r)eject, (e)dit, (s)kip, (q)uit",
                                  type=click.Choice(["a", "r", "e", "s", "q"]), show_choices=False)
            if choice == "q":
                _summary(sheet)
                return
            if choice == "s":
                break
            if choice in ("a", "r"):
                sheet.decide(index, "accepted" if choice == "a" else "rejected")
                break
            field = click.prompt("field to edit", type=click.Choice(list(EDITABLE)))
            value = click.prompt(f"new {field}", default=str(sheet.statements[index].get(field, "")))
            try:
                sheet.edit(index, field, value)
            except ReviewError as exc:
                click.echo(f"not changed: {exc}")
    _summary(sheet)


def _summary(sheet: ReviewFile) -> None:
    counts = ", ".join(f"{n} {state}" for state, n in sorted(sheet.counts().items()))
    click.echo(f"saved {sheet.path}: {counts}")


@main.command()
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--into", "--data", "into", type=click.Path(path_type=Path, file_okay=False, exists=True), default="data",
              envvar="NHSGRAPH_DATA", show_envvar=True, show_default=True,
              help="The curated data folder to merge into.")
def accept(file: Path, into: Path) -> None:
    """Merge FILE's accepted claims (and the new entities they need) into the data, as a new validated file."""
    try:
        result = accept_claims(file, into)
    except ReviewError as exc:
        raise click.ClickException(str(exc)) from None
    if result.path is None:
        click.echo(f"nothing to merge: {result.duplicates} accepted claim(s) already in {into}, "
                   f"{result.not_accepted} not accepted")
        return
    click.echo(f"wrote {result.path}: {result.statements} statement(s), {result.entities} new entit(ies); "
               f"{result.duplicates} already present, {result.not_accepted} not accepted")
