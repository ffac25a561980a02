"""Org-change diagrams: timelines of who replaced whom, drawn from the graph.

    >>> from nhsgraph.diagram import diagram, write
    >>> d = diagram(dataset, preset="commissioning")
    >>> write(d, "commissioning.png")

``select`` chooses bars and edges, ``layout`` assigns lanes and label places, ``render``
draws with matplotlib, ``text`` writes Mermaid and DOT. The CLI is ``nhsgraph diagram``.
"""

from __future__ import annotations

from pathlib import Path

from nhsgraph.atomic import atomic_open
from nhsgraph.dataset import Dataset
from nhsgraph.diagram.model import Bar, Diagram, Edge
from nhsgraph.diagram.presets import DiagramError, lineage_spec, preset, preset_names
from nhsgraph.diagram.select import select
from nhsgraph.diagram.style import SIZES

IMAGE_FORMATS = ("png", "svg", "pdf")
TEXT_FORMATS = ("mermaid", "dot")
FORMATS = IMAGE_FORMATS + TEXT_FORMATS
EXTENSIONS = {"png": "png", "svg": "svg", "pdf": "pdf", "mmd": "mermaid", "mermaid": "mermaid", "dot": "dot", "gv": "dot"}

__all__ = [
    "FORMATS",
    "SIZES",
    "TEXT_FORMATS",
    "Bar",
    "Diagram",
    "DiagramError",
    "Edge",
    "diagram",
    "format_for",
    "preset_names",
    "text",
    "write",
]


def diagram(dataset: Dataset, name: str | None = None, preset_name: str | None = None, start: int | None = None,
            end: int | None = None, depth: int | None = None) -> Diagram:
    """The diagram for one entity ``name`` (its lineage), or for a preset."""
    if (name is None) == (preset_name is None):
        raise DiagramError("give a NAME or a --preset (one of them)")
    if start is not None and end is not None and end < start:
        raise DiagramError(f"--to {end} is before --from {start}")
    if depth is not None and depth < 0:
        raise DiagramError("--depth must be 0 or more")
    spec = preset(preset_name, start, end, depth) if preset_name else lineage_spec(name or "", start, end, depth)
    return select(dataset, spec)


def format_for(path: str | Path | None, fmt: str | None) -> str:
    """The output format: as given, else from the file extension."""
    if fmt:
        return fmt
    if path is None:
        raise DiagramError("give -o FILE, or --format mermaid|dot to print text")
    suffix = Path(path).suffix.lstrip(".").lower()
    if suffix not in EXTENSIONS:
        raise DiagramError(f"cannot tell the format from {str(path)!r}; use .png, .svg, .pdf, .mmd or .dot, or --format")
    return EXTENSIONS[suffix]


def text(d: Diagram, fmt: str) -> str:
    from nhsgraph.diagram.text import to_dot, to_mermaid

    return to_mermaid(d) if fmt == "mermaid" else to_dot(d)


def write(d: Diagram, path: str | Path, fmt: str | None = None, size: str = "a4") -> Path:
    """Write ``d`` to ``path`` atomically, as an image or as Mermaid/DOT text."""
    fmt = format_for(path, fmt)
    if fmt in TEXT_FORMATS:
        with atomic_open(path, "w") as handle:
            handle.write(text(d, fmt))
        return Path(path)
    from nhsgraph.diagram.render import draw, save

    rendered = draw(d, size)
    with atomic_open(path, "wb") as handle:
        save(rendered, handle, fmt)  # type: ignore[arg-type]
    return Path(path)
