"""Colours, sizes and line styles: one place, colour-blind safe.

Fills and arrows use the Okabe-Ito palette (Okabe and Ito, "Color Universal Design", 2008),
which stays distinguishable under the common colour-vision deficiencies. Colours are given
to categories and relations in order of first appearance, so no entity or relation is
named here and a new one gets the next colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

# Okabe-Ito: blue, bluish green, orange, sky blue, yellow, reddish purple (fills, by category
# rank: national, regional, system, local ... for org types; the vocabulary's sector order for
# organisations); for arrows and marks, in the order of the drawn relations: black, reddish
# purple, orange, vermillion (replaces, merges into, renamed to, the abolition cross), chosen
# to stand out against the fills they meet.
BAR_COLOURS = ("#0072B2", "#009E73", "#E69F00", "#56B4E9", "#F0E442", "#CC79A7")
ARROW_COLOURS = ("#000000", "#CC79A7", "#E69F00", "#D55E00", "#000000", "#0072B2")
MARKERS = ("X", "P", "D", "s")  # marks on a bar, one shape per relation (abolition first: a cross)
PROPOSAL_FILL = "#BBBBBB"
PROPOSAL_EDGE = "#666666"
PROPOSAL_ALPHA = 0.45
PROPOSAL_LINESTYLE: Final = "--"
TEXT = "#1A1A1A"
MUTED_TEXT = "#555555"
GRID = "#E4E4E4"
FONT_FAMILY = "DejaVu Sans"  # ships with matplotlib: the same glyphs on every machine


@dataclass(frozen=True)
class Size:
    """A page: width and height in inches, the base font size in points, whether the height is
    fixed (a slide keeps 16:9) or at most (an A4 figure with few lanes is shorter), and the
    smallest font the lanes may shrink to before bars share lanes."""

    name: str
    width: float
    height: float
    font: float
    fixed: bool
    min_font: float


SIZES = {
    "a4": Size("a4", 11.69, 8.27, 8.0, fixed=False, min_font=6.5),       # A4 landscape
    "slide": Size("slide", 13.333, 7.5, 10.0, fixed=True, min_font=8.0),  # 16:9 slide
}


def assign_preferred(keys: list[tuple[str, int]], palette: tuple[str, ...]) -> dict[str, str]:
    """Colours for ``(key, preferred index)`` pairs: each key takes its preferred colour (so it
    looks the same in every diagram) unless an earlier key in this diagram has it; then the
    next free one."""
    chosen: dict[str, str] = {}
    for key, preferred in sorted(set(keys), key=lambda k: (k[1], k[0])):
        taken = set(chosen.values())
        free = [palette[(preferred + i) % len(palette)] for i in range(len(palette))]
        chosen[key] = next((c for c in free if c not in taken), free[0])
    return chosen


def assign(keys: list[str], palette: tuple[str, ...]) -> dict[str, str]:
    """Colours for ``keys`` in order of first appearance (cycling if there are more keys than colours)."""
    unique = list(dict.fromkeys(keys))
    return {key: palette[i % len(palette)] for i, key in enumerate(unique)}


def text_colour_on(fill: str) -> str:
    """Dark text on light fills, white on dark ones (WCAG relative luminance)."""
    r, g, b = (int(fill[i:i + 2], 16) / 255 for i in (1, 3, 5))

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return TEXT if luminance > 0.18 else "#FFFFFF"


def darker(colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02X}{:02X}{:02X}".format(*(int(c * factor) for c in (r, g, b)))
