"""``nhsgraph diagram``: timeline diagrams of organisational change."""

from __future__ import annotations

from pathlib import Path

import click

import nhsgraph
from nhsgraph.cli.common import data_option, main
from nhsgraph.diagram import FORMATS, SIZES, TEXT_FORMATS, DiagramError, diagram, format_for, preset_names, text, write


@main.command("diagram")
@click.argument("name", required=False)
@click.option("--preset", "preset_name", type=click.Choice(preset_names()), help="A ready-made picture instead of NAME.")
@click.option("--from", "start", type=int, metavar="YEAR", help="First year shown.")
@click.option("--to", "end", type=int, metavar="YEAR", help="Last year shown.")
@click.option("--depth", type=int, metavar="N", help="Generations of the lineage either side of NAME (default 2).")
@click.option("--size", type=click.Choice(list(SIZES)), default="a4", show_default=True, help="A4 page or 16:9 slide.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Output format (default: from the -o extension).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File to write.")
@data_option
def diagram_command(name: str | None, preset_name: str | None, start: int | None, end: int | None, depth: int | None,
                    size: str, fmt: str | None, output: Path | None, data_path: Path) -> None:
    """Draw the lineage of NAME (or a --preset) as a timeline: PNG, SVG, PDF, Mermaid or DOT.

    Time runs left to right; each body is a bar over the years it existed; arrows show
    replacements, mergers and renamings, labelled with the Act and date. Mermaid and DOT
    print to stdout unless -o is given.
    """
    try:
        chosen = format_for(output, fmt) if output or fmt else None
        if chosen is None:
            raise DiagramError("give -o FILE (png, svg, pdf, mmd, dot) or --format mermaid|dot")
        dataset = nhsgraph.load(data_path)
        result = diagram(dataset, name, preset_name, start, end, depth)
        if output is None:
            if chosen not in TEXT_FORMATS:
                raise DiagramError(f"--format {chosen} is an image; give -o FILE")
            click.echo(text(result, chosen), nl=False)
            return
        write(result, output, chosen, size)
    except DiagramError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(str(output))
