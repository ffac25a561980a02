"""``nhsgraph ingest ods DIR``: rebuild the generated reference layer from ODS/ONS files."""

from __future__ import annotations

from pathlib import Path

import click

from nhsgraph.cli.common import main
from nhsgraph.ingest.ods import ingest_ods
from nhsgraph.ingest.ods_files import SourceFileError

DEFAULT_OUT = Path("data/reference")


@main.group()
def ingest() -> None:
    """Generate reference records from published files (kept apart from curated YAML)."""


@ingest.command("ods")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_OUT,
              show_default=True, help="Folder for ods.jsonl (written atomically).")
def ods(folder: Path, out_dir: Path) -> None:
    """Read the NHS ODS and ONS files in FOLDER and write OUT/ods.jsonl.

    FOLDER holds the files listed in docs/reference-data.md (the bundled copies are in
    data/reference/ods). The output is sorted, so an unchanged input rebuilds byte for byte.
    """
    try:
        path, records = ingest_ods(folder, out_dir)
    except SourceFileError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{path}: {len(records.organisations)} organisations, {len(records.statements)} statements")
    for what, count in records.report.items():
        click.echo(f"  {count:6d}  {what}", err=True)
