"""Label placement for the renderer: measure each text, offer candidate positions near what it
names, let :func:`layout.place_labels` choose, then draw the winners.

Bar labels go first (inside the bar when they fit, else beside or above it); then one label
per group of edges sharing a text and a date (one "Act, date" label serves every arrow of
the same reorganisation). What finds no clear place becomes a numbered note.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from matplotlib.patheffects import withStroke
from matplotlib.text import Text

from nhsgraph.diagram import style
from nhsgraph.diagram.layout import Box, LabelRequest, place_labels
from nhsgraph.diagram.model import Bar, Diagram, Edge

if TYPE_CHECKING:
    from nhsgraph.diagram.render import Rendered

Anchor = tuple[float, float, str]  # display x, display y (text centre line), horizontal alignment
WRAP_SHARE = 0.45
"""A bar caption wider than this share of the plot is wrapped onto more lines."""
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"  # the circled digits DejaVu Sans has; later notes use (11), (12) ...


@dataclass
class _Item:
    key: str
    text: str
    anchors: list[Anchor]
    fontsize: float
    colour: str
    style: str = "normal"
    weight: str = "normal"
    halo: bool = True
    allowed: set[int] = field(default_factory=set)
    edge_ids: list[str] = field(default_factory=list)
    bar_id: str | None = None
    note: str = ""


class Placer:
    """Collects obstacles and label candidates while the renderer draws, then places labels."""

    def __init__(self, rendered: Rendered, renderer: Any, fs: float, bar_h: float) -> None:
        self.rendered = rendered
        self.ax = rendered.axes
        self.renderer = renderer
        self.fs = fs
        self.bar_h = bar_h
        self.px = rendered.figure.dpi / 72  # display pixels per point
        self.hard: list[Box] = []
        self.soft: list[Box] = []
        self.bar_items: list[_Item] = []
        self.arrow_anchors: dict[str, list[Anchor]] = {}
        self.mark_anchors: dict[str, list[Anchor]] = {}
        self.notes: list[tuple[str, list[str], list[str]]] = []

    # -- geometry ------------------------------------------------------------------
    def _display(self, x: float, y: float) -> tuple[float, float]:
        px, py = self.ax.transData.transform((x, y))
        return float(px), float(py)

    def points_to_x(self, points: float) -> float:
        (x0, _), (x1, _) = self._display(0.0, 0.0), self._display(1.0, 0.0)
        return points * self.px / (x1 - x0)

    def _measure(self, item: _Item) -> tuple[float, float]:
        probe = Text(0, 0, item.text, fontsize=item.fontsize, fontstyle=item.style, fontweight=item.weight)
        probe.set_figure(self.rendered.figure)
        box = probe.get_window_extent(self.renderer)
        return box.width, box.height

    @staticmethod
    def _box(anchor: Anchor, w: float, h: float) -> Box:
        x, y, ha = anchor
        x0 = x - {"left": 0.0, "center": w / 2, "right": w}[ha]
        return Box(x0, y - h / 2, x0 + w, y + h / 2)

    # -- collecting ----------------------------------------------------------------
    def add_bar(self, bar: Bar, lane: int, x0: float, x1: float, colour: str) -> None:
        (ax0, ay0), (ax1, ay1) = self._display(x0, lane + self.bar_h / 2), self._display(x1, lane - self.bar_h / 2)
        box = Box(min(ax0, ax1), min(ay0, ay1), max(ax0, ax1), max(ay0, ay1))
        index = len(self.hard)
        self.hard.append(box)
        solid_end = self._display(bar.end, lane)[0]
        pad, cy, gap = 0.4 * self.fs * self.px, (box.y0 + box.y1) / 2, 2.5
        item = _Item(key=f"bar:{bar.id}", text=bar.caption, anchors=[], fontsize=self.fs, colour=style.TEXT,
                     style="italic" if bar.proposed else "normal", allowed={index}, bar_id=bar.id,
                     note=bar.caption)
        w, h = self._measure(item)
        widest = WRAP_SHARE * self.ax.get_window_extent(self.renderer).width
        if w > widest:  # a long caption (a proposal's) goes on two or more lines
            lines = math.ceil(w / widest)
            item.text = textwrap.fill(bar.caption, math.ceil(len(bar.caption) / lines) + 4, break_on_hyphens=False)
            w, h = self._measure(item)
        above, below = box.y1 + gap + h / 2, box.y0 - gap - h / 2
        inside = w + 2 * pad + 1.3 * self.fs * self.px <= solid_end - box.x0 and h <= box.y1 - box.y0
        if inside:
            item.anchors.append((box.x0 + pad, cy, "left"))
            item.anchors.append((box.x0 + pad + 1.3 * self.fs * self.px, cy, "left"))  # clear of a mark at the start
            item.colour = style.TEXT if bar.proposed else style.text_colour_on(colour)
            item.halo = False
        item.anchors += [(box.x1 + pad, cy, "left"), (box.x0 - pad, cy, "right"), (box.x0, above, "left"),
                         (box.x0, below, "left"), (box.x1, above, "right"), (box.x1, below, "right")]
        # Then above or below, slid along but always overlapping the bar, so it reads as its label.
        slide = [(box.x0 - f * w, "left") for f in (0.25, 0.5, 0.75)] + [(box.x1 + f * w, "right") for f in (0.25, 0.5)]
        item.anchors += [(x, y, ha) for x, ha in slide for y in (above, below)]
        self.bar_items.append(item)

    def add_arrow(self, edge: Edge, x0: float, y0: float, x1: float, y1: float) -> None:
        """An arrow is a soft obstacle; its label may go beside it at its middle, in the gaps
        between the lanes it passes, or near either end."""
        (px0, py0), (px1, py1) = self._display(x0, y0), self._display(x1, y1)
        lo, hi = min(py0, py1), max(py0, py1)
        self.soft.append(Box(min(px0, px1) - 3, lo, max(px0, px1) + 3, hi))
        pad = 0.45 * self.fs * self.px
        lane_px = abs(self._display(0, 0)[1] - self._display(0, 1)[1])
        ys = [(lo + hi) / 2]
        lane_lo, lane_hi = sorted((y0, y1))
        k = int(lane_lo + 0.5)
        while k + 0.5 < lane_hi:  # the gaps between lanes the arrow passes through
            ys.append(self._display(x0, k + 0.5)[1])
            k += 1
        ys += [lo + lane_px * 0.15, hi - lane_px * 0.15, hi + lane_px * 0.3, lo - lane_px * 0.3]

        def x_at(y: float) -> float:
            share = 0.0 if py1 == py0 else min(1.0, max(0.0, (y - py0) / (py1 - py0)))
            return px0 + share * (px1 - px0)

        self.arrow_anchors[edge.id] = [(x_at(y) + side * pad, y, "left" if side > 0 else "right")
                                       for y in ys for side in (1, -1)]

    def add_mark(self, edge: Edge, x: float, lane: int) -> None:
        px, py = self._display(x, lane)
        r = 0.5 * self.fs * self.px
        self.hard.append(Box(px - r, py - r, px + r, py + r))
        half = abs(self._display(0, 0)[1] - self._display(0, self.bar_h)[1]) / 2
        pad = 0.7 * self.fs * self.px
        self.mark_anchors[edge.id] = [
            (px + pad, py, "left"), (px + pad, py + half + pad, "left"), (px + pad, py - half - pad, "left"),
            (px - pad, py + half + pad, "right"), (px - pad, py - half - pad, "right"),
            (px + pad, py + 2 * half + pad, "left"), (px + pad, py - 2 * half - pad, "left"),
        ]

    # -- placing -------------------------------------------------------------------
    def _edge_items(self, diagram: Diagram) -> list[_Item]:
        groups: dict[tuple[str, float], list[Edge]] = {}
        for edge in diagram.edges:
            groups.setdefault((edge.label, round(edge.when or 0.0, 3)), []).append(edge)
        items = []
        for (text, _), edges in sorted(groups.items(), key=lambda g: (g[0][1], g[0][0])):
            anchors = [a for e in edges for a in (self.arrow_anchors.get(e.id) or self.mark_anchors.get(e.id, []))]
            proposed = all(e.proposed for e in edges)
            what = "; ".join(f"{diagram.label_of(e.source)} → {diagram.label_of(e.target)}" if e.arrow
                             else f"{diagram.label_of(e.target)}" for e in edges)
            items.append(_Item(key="edge:" + ",".join(e.id for e in edges), text=text, anchors=anchors,
                               fontsize=self.fs * 0.85, colour=style.MUTED_TEXT if proposed else style.TEXT,
                               style="italic" if proposed else "normal", edge_ids=[e.id for e in edges],
                               note=f"{what}: {text}"))
        return items

    def place(self, diagram: Diagram) -> None:
        """Place every bar label, then every edge label; footnote what does not fit."""
        items = self.bar_items + self._edge_items(diagram)
        bounds = Box(*self.ax.get_window_extent(self.renderer).extents)
        requests, sizes = [], []
        for item in items:
            w, h = self._measure(item)
            sizes.append((w, h))
            requests.append(LabelRequest(item.key, [self._box(a, w, h) for a in item.anchors], item.allowed))
        chosen = place_labels(requests, self.hard, self.soft, bounds)
        placed = [r.candidates[i] for r, i in ((r, chosen[r.key]) for r in requests) if i is not None]
        missing: list[_Item] = []
        for item in items:
            index = chosen[item.key]
            if index is None:
                missing.append(item)
                continue
            self._text(item, item.anchors[index], item.text)
        self._footnote(missing, bounds, placed)

    def _footnote(self, missing: Sequence[_Item], bounds: Box, placed: list[Box]) -> None:
        markers: list[_Item] = []
        for number, item in enumerate(missing, start=1):
            mark = CIRCLED[number - 1] if number <= len(CIRCLED) else f"({number})"
            self.notes.append((f"{mark} {item.note}", item.edge_ids, [item.bar_id] if item.bar_id else []))
            markers.append(_Item(key=f"marker:{number}", text=mark, anchors=item.anchors, fontsize=self.fs,
                                 colour=item.colour, weight="bold", allowed=item.allowed, halo=item.halo))
        requests = []
        for marker in markers:
            w, h = self._measure(marker)
            requests.append(LabelRequest(marker.key, [self._box(a, w, h) for a in marker.anchors], marker.allowed))
        chosen = place_labels(requests, self.hard + placed, self.soft, bounds)
        for marker in markers:
            index = chosen[marker.key]
            if index is not None:
                self._text(marker, marker.anchors[index], marker.text)

    def _text(self, item: _Item, anchor: Anchor, text: str) -> Text:
        x, y = self.ax.transData.inverted().transform((anchor[0], anchor[1]))
        artist = self.ax.text(x, y, text, ha=anchor[2], va="center", fontsize=item.fontsize, color=item.colour,
                              fontstyle=item.style, fontweight=item.weight, zorder=5, gid=f"label:{item.key}")
        if item.halo:
            artist.set_path_effects([withStroke(linewidth=2.4, foreground="white")])
        if item.bar_id and item.key.startswith("bar:"):
            self.rendered.bar_texts[item.bar_id] = artist
        for edge_id in item.edge_ids:
            self.rendered.edge_texts[edge_id] = artist
        return artist
