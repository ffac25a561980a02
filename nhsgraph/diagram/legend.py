"""The legend: one entry for every kind of mark the figure uses, and only those.

Legend keys for arrows and fades are drawn by small handlers (matplotlib's legend knows
only lines and patches), so the key looks exactly like the mark it explains.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from matplotlib.colors import to_rgba
from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch, Polygon, Rectangle

from nhsgraph.diagram import style
from nhsgraph.diagram.model import Diagram
from nhsgraph.vocabulary import vocabulary

FADE_STEPS = 8


@dataclass(frozen=True)
class ArrowKey:
    colour: str
    linestyle: str = "-"
    alpha: float = 1.0


@dataclass(frozen=True)
class FadeKey:
    colour: str
    outward: bool  # True: fades out to the right (still exists); False: fades in from the left


class _ArrowHandler(HandlerBase):
    def create_artists(self, legend: Any, key: Any, x0: float, y0: float, width: float, height: float,
                       fontsize: float, trans: Any) -> list[Any]:
        arrow = FancyArrowPatch((x0, y0 + height / 2), (x0 + width, y0 + height / 2), arrowstyle="-|>",
                                mutation_scale=fontsize * 1.1, color=key.colour, linestyle=key.linestyle,
                                alpha=key.alpha, linewidth=1.1, shrinkA=0, shrinkB=0, transform=trans)
        return [arrow]


class _FadeHandler(HandlerBase):
    def create_artists(self, legend: Any, key: Any, x0: float, y0: float, width: float, height: float,
                       fontsize: float, trans: Any) -> list[Any]:
        solid = width * 0.45
        artists: list[Any] = []
        step = (width - solid) / FADE_STEPS
        for i in range(FADE_STEPS):
            alpha = 1 - (i + 1) / (FADE_STEPS + 1)
            x = x0 + solid + i * step if key.outward else x0 + width - solid - (i + 1) * step
            artists.append(Rectangle((x, y0), step, height, facecolor=to_rgba(key.colour, alpha),
                                     edgecolor="none", transform=trans))
        base = x0 if key.outward else x0 + width - solid
        artists.append(Rectangle((base, y0), solid, height, facecolor=key.colour, edgecolor="none", transform=trans))
        if key.outward:
            tip = x0 + width
            artists.append(Polygon([(tip - height * 0.6, y0), (tip, y0 + height / 2), (tip - height * 0.6, y0 + height)],
                                   closed=True, facecolor=style.darker(key.colour), edgecolor="none", transform=trans))
        return artists


HANDLERS = {ArrowKey: _ArrowHandler(), FadeKey: _FadeHandler()}


def marker(diagram: Diagram, relation: str) -> str:
    """The marker shape for a relation drawn as a mark, in order of the diagram's relations."""
    marked = [r for r in diagram.relations if any(e.relation == r and not e.arrow for e in diagram.edges)]
    return style.assign(marked, style.MARKERS)[relation]


def entries(diagram: Diagram, fills: dict[str, str], arrows: dict[str, str]) -> list[tuple[Any, str]]:
    """(key, text) pairs for the marks this diagram actually draws."""
    vocab = vocabulary()
    items: list[tuple[Any, str]] = []
    for category, colour in fills.items():
        if any(b.category == category and not b.proposed for b in diagram.bars):
            items.append((Patch(facecolor=colour, edgecolor="none"), category[:1].upper() + category[1:]))
    if any(b.proposed for b in diagram.bars):
        items.append((Patch(facecolor=to_rgba(style.PROPOSAL_FILL, style.PROPOSAL_ALPHA), edgecolor=style.PROPOSAL_EDGE,
                            linestyle=style.PROPOSAL_LINESTYLE), "Proposal, or a form proposed but never created"))
    grey = "#888888"
    if any(b.open_end for b in diagram.bars):
        as_of = f" as of {diagram.as_of.human()}" if diagram.as_of else ""
        items.append((FadeKey(grey, True), f"Still exists (or undecided){as_of}"))
    if any(not b.start_known for b in diagram.bars):
        items.append((FadeKey(grey, False), "Began before the period shown, or start not recorded"))
    seen: set[tuple[str, bool, bool]] = set()
    for edge in sorted(diagram.edges, key=lambda e: diagram.relations.index(e.relation)):
        relation = vocab.relations[edge.relation]
        forward = edge.source == edge.subject
        key = (edge.relation, forward, edge.arrow)
        if edge.proposed or key in seen:
            continue
        seen.add(key)
        if edge.arrow:
            phrase = relation.label if forward else relation.inverse_label
            items.append((ArrowKey(arrows[edge.relation]), f"{phrase[:1].upper()}{phrase[1:]} (arrow points forward in time)"))
        else:
            items.append((Line2D([], [], marker=marker(diagram, edge.relation), linestyle="none", color=arrows[edge.relation],
                                 markeredgecolor="white", markersize=8),
                          f"{relation.inverse_label[:1].upper()}{relation.inverse_label[1:]} the Act or body named beside it"))
    if any(e.proposed for e in diagram.edges):
        items.append((ArrowKey(style.PROPOSAL_EDGE, style.PROPOSAL_LINESTYLE, 0.8),
                      "Proposed change, never enacted (label names the proposer)"))
    return items
