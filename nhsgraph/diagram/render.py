"""Draw a :class:`Diagram` with matplotlib, headless (the Agg canvas; no screen, no pyplot state).

Time runs left to right; each lane holds a bar. Layout happens in two steps: lanes from
:func:`layout.assign_lanes`, then labels: the renderer measures each text, offers candidate
positions in order of preference and :func:`layout.place_labels` picks the first that is
clear. A label with no clear place becomes a numbered note under the legend, so labels
never overlap, however crowded the data gets.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field
from typing import Any

from matplotlib import rc_context
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Polygon, Rectangle
from matplotlib.text import Text
from matplotlib.ticker import FixedLocator, MultipleLocator

from nhsgraph.diagram import legend, style
from nhsgraph.diagram.labels import Placer
from nhsgraph.diagram.layout import assign_lanes
from nhsgraph.diagram.model import Bar, Diagram

RC: dict[Any, Any] = {"font.family": style.FONT_FAMILY, "svg.hashsalt": "nhsgraph", "pdf.fonttype": 42, "svg.fonttype": "path"}
DPI = 100
MIN_LANE, MAX_LANE = 2.9, 6.5
"""Lane height in units of the font size: below the minimum the page grows taller; above the
maximum an A4 figure shrinks (a slide keeps its 16:9 shape)."""


@dataclass
class Rendered:
    """The figure and the artists that stand for each bar and edge (for saving and for tests)."""

    figure: Figure
    axes: Axes
    lanes: dict[str, int]
    bar_patches: dict[str, Rectangle] = field(default_factory=dict)
    bar_texts: dict[str, Text] = field(default_factory=dict)
    edge_artists: dict[str, Artist] = field(default_factory=dict)
    edge_texts: dict[str, Text] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    note_lines: int = 0


def draw(diagram: Diagram, size: str = "a4") -> Rendered:
    """Lay out and draw ``diagram`` on a page of ``size`` (a4 or slide).

    Drawing is repeated (at most a few times) until the lanes fit: first the text in the lanes
    shrinks (down to the page's smallest font), then bars that never meet share lanes; an A4
    figure with few lanes gets shorter. Then until the space kept for notes holds every note.
    """
    page = style.SIZES[size]
    with rc_context(RC):
        height, reserve, fs = page.height, 0, page.font
        cache: dict[int, dict[str, int]] = {}
        for _ in range(8):
            rendered, wanted, wanted_fs = _draw(diagram, page, height, reserve, fs, cache)
            if wanted_fs < fs - 0.01:
                fs = wanted_fs
                continue
            if abs(wanted - height) > 0.01:
                height = wanted
                continue
            if rendered.note_lines <= reserve:
                return rendered
            reserve = rendered.note_lines
        return rendered


def save(rendered: Rendered, path: str, fmt: str) -> None:
    """Write the figure; metadata that changes on each run (dates, versions) is left out."""
    metadata: dict[str, Any] = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}[fmt]
    with rc_context(RC):
        rendered.figure.savefig(path, format=fmt, dpi=200 if fmt == "png" else DPI, metadata=metadata)


def _draw(diagram: Diagram, page: style.Size, height: float, reserve: int, fs: float,
          cache: dict[int, dict[str, int]]) -> tuple[Rendered, float, float]:
    """One attempt at ``height`` inches with lane text of ``fs`` points: the rendering, the height
    it would like and the lane font size it would like."""
    fig = Figure(figsize=(page.width, height), dpi=DPI)
    FigureCanvasAgg(fig)
    fig.patch.set_facecolor("white")
    margin = 0.35
    fills = style.assign_preferred([(b.category, b.category_rank) for b in diagram.bars if not b.proposed],
                                   style.BAR_COLOURS)
    arrows = style.assign(list(diagram.relations), style.ARROW_COLOURS)

    fig.text(margin / page.width, 1 - 0.22 / height, diagram.title, ha="left", va="top",
             fontsize=page.font * 1.6, fontweight="bold", color=style.TEXT, gid="title")
    source = fig.text(margin / page.width, 0.15 / height,
                      f"{diagram.source_line}. Labels give the Act or order (or the proposer) and the date a change took effect.",
                      ha="left", va="bottom", fontsize=page.font * 0.8, color=style.MUTED_TEXT, gid="source")
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    line_h = source.get_window_extent(renderer).height / DPI
    notes_top = 0.15 + line_h + 0.06 + reserve * line_h * 1.25
    key = _legend(fig, legend.entries(diagram, fills, arrows), page, margin, notes_top / height)
    legend_h = key.get_window_extent(renderer).height / DPI
    bottom = notes_top + legend_h + 0.12 + page.font * 2.4 / 72
    top = 0.22 + page.font * 1.6 * 1.5 / 72 + 0.15
    room = (page.height - bottom - top) * 72  # points for the lanes on the page as designed
    wanted_fs = max(page.min_font, min(fs, room / (len(diagram.bars) * MIN_LANE)))
    lanes = _lanes(diagram, int(room / (fs * MIN_LANE)), cache)
    count = max(lanes.values()) + 1
    fixed = bottom + top
    wanted = max(fixed + count * MIN_LANE * fs / 72,
                 page.height if page.fixed else min(page.height, fixed + count * MAX_LANE * fs / 72))
    ax = fig.add_axes((margin / page.width, bottom / height, 1 - 2 * margin / page.width, (height - bottom - top) / height))
    _axes(ax, diagram, count, page.font)
    lane_pt = (height - bottom - top) * 72 / count
    bar_h = min(0.55, fs * 2.2 / lane_pt)
    rendered = Rendered(fig, ax, lanes)
    placer = Placer(rendered, renderer, fs, bar_h)
    for bar in diagram.bars:
        colour = fills.get(bar.category, style.PROPOSAL_FILL)
        _bar(ax, bar, lanes[bar.id], bar_h, colour, diagram, rendered, placer)
    _edges(ax, diagram, lanes, bar_h, arrows, rendered, placer)
    placer.place(diagram)
    _notes(fig, rendered, placer, diagram, page, height, margin, line_h, page.font)
    return rendered, wanted, wanted_fs


def _lanes(diagram: Diagram, max_lanes: int, cache: dict[int, dict[str, int]]) -> dict[str, int]:
    """Lanes, computed once per lane limit (drawing may be repeated to fit the page)."""
    if max_lanes not in cache:
        cache[max_lanes] = assign_lanes(diagram.bars, diagram.edges, max_lanes=max_lanes)
    return cache[max_lanes]


def _legend(fig: Figure, items: list[tuple[Any, str]], page: style.Size, margin: float, y: float) -> Any:
    """The legend with as many columns (up to three) as fit the page width."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    limit = (page.width - 2 * margin) * DPI
    handles, labels = [h for h, _ in items], [t for _, t in items]
    for ncols in range(min(3, len(items)), 0, -1):
        key = fig.legend(handles, labels, loc="lower left", frameon=False, ncols=ncols,
                         bbox_to_anchor=(margin / page.width, y), fontsize=page.font * 0.9,
                         handler_map=legend.HANDLERS, handlelength=2.4, columnspacing=2.0, borderaxespad=0)
        if ncols == 1 or key.get_window_extent(renderer).width <= limit:
            return key
        key.remove()
    raise AssertionError("unreachable: one column always fits")


def _axes(ax: Axes, diagram: Diagram, count: int, fs: float) -> None:
    ax.set_xlim(diagram.start, diagram.end)
    ax.set_ylim(count - 0.5, -0.5)
    span = diagram.end - diagram.start
    step = next(s for s in (1, 2, 5, 10, 20, 50) if span / s <= 14)
    years = [y for y in range(math.ceil(diagram.start), math.floor(diagram.end) + 1) if y % step == 0]
    ax.xaxis.set_major_locator(FixedLocator(years))
    ax.set_xticklabels([str(y) for y in years])
    if step > 1 and span <= 80:
        ax.xaxis.set_minor_locator(MultipleLocator(1))
    ax.tick_params(axis="x", labelsize=fs * 0.9, colors=style.MUTED_TEXT, length=3)
    ax.tick_params(axis="x", which="minor", length=1.5, colors="#BBBBBB")
    ax.set_yticks([])
    for name, spine in ax.spines.items():
        spine.set_visible(name == "bottom")
        spine.set_color("#BBBBBB")
    for year in years:
        ax.axvline(year, color=style.GRID, linewidth=0.6, zorder=0)


def _bar(ax: Axes, bar: Bar, lane: int, bar_h: float, colour: str, diagram: Diagram, rendered: Rendered,
         placer: Placer) -> None:
    y = lane - bar_h / 2
    ls: Any
    if bar.proposed:
        face, edge, ls = to_rgba(style.PROPOSAL_FILL, style.PROPOSAL_ALPHA), style.PROPOSAL_EDGE, style.PROPOSAL_LINESTYLE
    else:
        face, edge, ls = to_rgba(colour), "none", "-"
    patch = Rectangle((bar.start, y), bar.end - bar.start, bar_h, facecolor=face, edgecolor=edge, linestyle=ls,
                      linewidth=0.9, zorder=2, gid=f"bar:{bar.id}")
    ax.add_patch(patch)
    rendered.bar_patches[bar.id] = patch
    right = bar.end
    span = diagram.end - diagram.start
    if bar.open_end:
        tail = max(0.0, min(0.025 * span, diagram.end - bar.end - 0.008 * span))
        step = tail / legend.FADE_STEPS
        for i in range(legend.FADE_STEPS):
            alpha = face[3] * (1 - (i + 1) / (legend.FADE_STEPS + 1))
            ax.add_patch(Rectangle((bar.end + i * step, y), step, bar_h, facecolor=to_rgba(face[:3], alpha),
                                   edgecolor="none", zorder=2, gid=f"fade:{bar.id}"))
        right = bar.end + tail
        head = 0.008 * span
        ax.add_patch(Polygon([(right, y), (right + head, lane), (right, y + bar_h)], closed=True, zorder=2,
                             facecolor=style.darker(style.PROPOSAL_EDGE if bar.proposed else colour), edgecolor="none",
                             gid=f"open:{bar.id}"))
        right += head
    if not bar.start_known:
        width = min(0.03 * span, (bar.end - bar.start) / 2)
        step = width / legend.FADE_STEPS
        for i in range(legend.FADE_STEPS):
            ax.add_patch(Rectangle((bar.start + i * step, y), step, bar_h, zorder=2.1, edgecolor="none",
                                   facecolor=to_rgba("white", 1 - (i + 1) / (legend.FADE_STEPS + 1)),
                                   gid=f"fadein:{bar.id}"))
    placer.add_bar(bar, lane, bar.start, right, colour)


def _edges(ax: Axes, diagram: Diagram, lanes: dict[str, int], bar_h: float, arrows: dict[str, str],
           rendered: Rendered, placer: Placer) -> None:
    """Arrows between bars (side by side when several share a date), marks on a bar's end."""
    slots = _slots(diagram, lanes)
    nudge = placer.points_to_x(4.0)
    for edge in diagram.edges:
        colour = style.PROPOSAL_EDGE if edge.proposed else arrows[edge.relation]
        alpha = 0.85 if edge.proposed else 1.0
        when = edge.when if edge.when is not None else 0.0
        if edge.arrow:
            x = when + slots[edge.id] * nudge
            # Each end on its own bar: a proposal made before the body it would create existed
            # points forward to that body's start (a slanted arrow), never into empty space.
            source, target = diagram.bar(edge.source), diagram.bar(edge.target)
            slack = 3 * abs(nudge)  # arrows set side by side may stand just off a bar's end

            def onto(bar: Bar, x: float = x, slack: float = slack) -> float:
                return x if bar.start - slack <= x <= bar.end + slack else min(max(x, bar.start), bar.end)

            x0, x1 = onto(source), onto(target)
            a, b = lanes[edge.source], lanes[edge.target]
            sign = 1 if b > a else -1
            y0, y1 = a + sign * bar_h / 2, b - sign * bar_h / 2
            artist: Artist = FancyArrowPatch((x0, y0), (x1, y1), arrowstyle="-|>", mutation_scale=placer.fs * 1.1,
                                             color=colour, alpha=alpha, linewidth=1.1, shrinkA=0, shrinkB=0,
                                             linestyle=style.PROPOSAL_LINESTYLE if edge.proposed else "-",
                                             zorder=3, gid=f"edge:{edge.id}")
            ax.add_patch(artist)  # type: ignore[arg-type]
            placer.add_arrow(edge, x0, y0, x1, y1)
        else:
            lane = lanes[edge.target]
            (artist,) = ax.plot([when], [lane], marker=legend.marker(diagram, edge.relation), linestyle="none",
                                markersize=placer.fs * 1.0, color=colour, alpha=alpha, markeredgecolor="white",
                                markeredgewidth=0.6, zorder=4, gid=f"edge:{edge.id}")
            placer.add_mark(edge, when, lane)
        rendered.edge_artists[edge.id] = artist


def _slots(diagram: Diagram, lanes: dict[str, int]) -> dict[str, float]:
    """Side-by-side offsets for arrows on the same date whose lane spans overlap. Arrows into
    the same bar share one line (a merger of many reads as one bracket into its successor)."""
    slots: dict[str, float] = {}
    by_date: dict[float, list[Any]] = {}
    for edge in diagram.edges:
        if edge.arrow:
            by_date.setdefault(round(edge.when or 0.0, 3), []).append(edge)
    for group in by_date.values():
        taken: list[list[tuple[int, int, str]]] = []
        chosen: dict[str, int] = {}
        for edge in sorted(group, key=lambda e: (min(lanes[e.source], lanes[e.target]), e.id)):
            low, high = sorted((lanes[edge.source], lanes[edge.target]))
            for k, items in enumerate(taken):
                if all(high < a or low > b or target == edge.target for a, b, target in items):
                    items.append((low, high, edge.target))
                    chosen[edge.id] = k
                    break
            else:
                taken.append([(low, high, edge.target)])
                chosen[edge.id] = len(taken) - 1
        centre = (len(taken) - 1) / 2
        slots.update({eid: k - centre for eid, k in chosen.items()})
    return slots


def _notes(fig: Figure, rendered: Rendered, placer: Placer, diagram: Diagram, page: style.Size, height: float,
           margin: float, line_h: float, fs: float) -> None:
    """Numbered notes for labels that found no clear place, and what could not be drawn."""
    notes = list(placer.notes)
    if diagram.omitted:
        notes.append(("Not drawn: " + "; ".join(diagram.omitted), [], []))
    rendered.notes = [line for line, _, _ in notes]
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    limit = (page.width - 2 * margin) * DPI
    y = 0.15 + line_h + 0.06
    for line, edge_ids, bar_ids in reversed(notes):
        text = fig.text(margin / page.width, y / height, line, ha="left", va="bottom", fontsize=fs * 0.8,
                        color=style.TEXT, gid="note", linespacing=1.25)
        width = text.get_window_extent(renderer).width
        if width > limit:  # wrap long notes to the page width, indented under their number
            chars = max(20, int(len(line) * limit / width) - 2)
            text.set_text(textwrap.fill(line, chars, subsequent_indent="     ", break_on_hyphens=False))
        lines = text.get_text().count("\n") + 1
        rendered.note_lines += lines
        rendered.edge_texts.update({e: text for e in edge_ids})
        rendered.bar_texts.update({b: text for b in bar_ids})
        y += line_h * 1.25 * lines
