"""validate, build, show."""

from __future__ import annotations

import sys
from pathlib import Path

import click

import nhsgraph
from nhsgraph.build import build as build_outputs
from nhsgraph.cli.common import console, data_option, echo_json, json_option, main
from nhsgraph.diagnostics import problems_json
from nhsgraph.display import ROWS_PER_RELATION, entity_json, show_entity


def _data_path(path: Path | None, data_path: Path) -> Path:
    """PATH or ``--data``, whichever was given: validate and build take the folder either way,
    like every other command, so ``nhsgraph build --data mydata`` does what it says."""
    if path is None:
        return data_path
    source = click.get_current_context().get_parameter_source("data_path")
    if source is click.core.ParameterSource.COMMANDLINE and data_path != path:
        raise click.UsageError(f"give the data folder once: PATH {path} or --data {data_path}, not both")
    return path


@main.command()
@click.argument("path", type=click.Path(path_type=Path), required=False)
@data_option
@json_option
@click.option("--strict-warnings", is_flag=True, help="Exit 1 on warnings too.")
def validate(path: Path | None, data_path: Path, as_json: bool, strict_warnings: bool) -> None:
    """Check the curated data at PATH (or --data) and report every problem as file:line:col."""
    path = _data_path(path, data_path)
    dataset = nhsgraph.load(path, strict=False)
    problems = dataset.problems
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    if as_json:
        click.echo(problems_json(problems))
    else:
        for problem in problems:
            click.echo(problem.format(), err=True)
    failed = bool(errors) or (strict_warnings and bool(warnings))
    if not as_json:
        if failed:
            click.echo(f"nhsgraph: {len(errors)} error(s), {len(warnings)} warning(s) in {path}", err=True)
        else:
            counts = ", ".join(f"{n} {kind}s" for kind, n in sorted(dataset.counts().items()))
            note = f"; {len(warnings)} warning(s)" if warnings else ""
            click.echo(f"{path}: ok: {counts}{note}")
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("path", type=click.Path(path_type=Path), required=False)
@data_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default="build", show_default=True,
              help="Folder for the outputs (created if missing; each file replaced atomically).")
def build(path: Path | None, data_path: Path, out_dir: Path) -> None:
    """Validate PATH (or --data) and write every output (GraphML, JSON summary, RDF ...) to --out."""
    dataset = nhsgraph.load(_data_path(path, data_path))
    if out_dir.exists() and not out_dir.is_dir():
        raise click.ClickException(f"--out {out_dir} is a file; give a folder")
    written = build_outputs(dataset, out_dir, progress=lambda name: click.echo(f"writing {name} ...", err=True))
    for file in written:
        click.echo(str(file))


@main.command()
@click.argument("name")
@data_option
@json_option
@click.option("--all", "show_all", is_flag=True, help="List every statement, even large groups (such as a form's instances).")
def show(name: str, data_path: Path, as_json: bool, show_all: bool) -> None:
    """Show one entity (any id, label or alias), with every statement about it and its sources."""
    dataset = nhsgraph.load(data_path)
    entity = dataset.resolve(name)
    if as_json:
        echo_json(entity_json(dataset, entity))
    else:
        show_entity(console(), dataset, entity, limit=None if show_all else ROWS_PER_RELATION)
