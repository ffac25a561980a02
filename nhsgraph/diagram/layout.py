"""Geometry without drawing: lanes that keep arrows short and off other bars, and label
positions that never overlap each other or the bars.

Both are pure functions of plain data so they can be tested (and reasoned about) apart
from matplotlib. The renderer measures text, offers candidate positions in preference
order, and takes what :func:`place_labels` chooses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from nhsgraph.diagram.model import Bar, Edge

CROSSING_WEIGHT = 10.0
"""An arrow drawn over a bar costs as much as ten lanes of extra arrow length."""
UPWARD_WEIGHT = 0.1


@dataclass(frozen=True)
class Box:
    """An axis-aligned box in display units (points or pixels; y grows upwards)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box, pad: float = 0.0) -> bool:
        return (self.x0 < other.x1 + pad and other.x0 < self.x1 + pad
                and self.y0 < other.y1 + pad and other.y0 < self.y1 + pad)

    def inside(self, other: Box) -> bool:
        return self.x0 >= other.x0 and self.x1 <= other.x1 and self.y0 >= other.y0 and self.y1 <= other.y1


# -- lanes ---------------------------------------------------------------------------

def assign_lanes(bars: Sequence[Bar], edges: Sequence[Edge], max_lanes: int | None = None) -> dict[str, int]:
    """Give every bar a lane (row 0 at the top), ordered to minimise arrows crossing bars.

    Bars start in chain order (each bar followed by its successors, chains from their first
    bar in order of start date), so a lineage reads down the page; then a bar moves to any lane position that
    lowers the cost, until no move helps (a deterministic local search). When
    there are more bars than ``max_lanes``, bars that do not overlap in time and are not
    joined by an arrow share a lane.
    """
    ordered = _chain_order(bars, edges)
    groups = _pack(ordered, edges) if max_lanes is not None and len(ordered) > max_lanes else [[b] for b in ordered]
    order = _improve(groups, edges)
    return {bar.id: lane for lane, group in enumerate(order) for bar in group}


def _when_known(bar: Bar) -> tuple[float, float, str]:
    """Sort key: a bar's start, or its end when the start is unknown or before the period."""
    return (bar.start if bar.start_known else bar.end, bar.end, bar.id)


def _chain_order(bars: Sequence[Bar], edges: Sequence[Edge]) -> list[Bar]:
    by_start = sorted(bars, key=_when_known)
    rank = {b.id: i for i, b in enumerate(by_start)}
    successors: dict[str, list[str]] = {}
    for edge in edges:
        if edge.arrow and edge.source in rank and edge.target in rank:
            successors.setdefault(edge.source, []).append(edge.target)
    by_id = {b.id: b for b in bars}
    order: list[Bar] = []
    seen: set[str] = set()

    def visit(bar_id: str) -> None:
        stack = [bar_id]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            order.append(by_id[current])
            stack.extend(sorted(set(successors.get(current, ())) - seen, key=lambda i: rank[i], reverse=True))

    targets = {t for ts in successors.values() for t in ts}
    for bar in [b for b in by_start if b.id not in targets] + by_start:  # chains from their roots first
        visit(bar.id)
    return order


def _pack(bars: list[Bar], edges: Sequence[Edge], gap: float = 1.0) -> list[list[Bar]]:
    joined = {(e.source, e.target) for e in edges if e.arrow} | {(e.target, e.source) for e in edges if e.arrow}
    lanes: list[list[Bar]] = []
    for bar in bars:
        for lane in lanes:
            if lane[-1].end + gap <= bar.start and not any((other.id, bar.id) in joined for other in lane):
                lane.append(bar)
                break
        else:
            lanes.append([bar])
    return lanes


def cost(order: Sequence[Sequence[Bar]], edges: Sequence[Edge]) -> float:
    """Arrows over bars (weighted), plus arrow lengths in lanes, a little for arrows pointing up
    (a lineage should read down the page) and less for leaving time order."""
    return _Scorer(order, edges)(order)


class _Scorer:
    """:func:`cost` with what does not depend on the order worked out once (the local search
    calls it thousands of times)."""

    def __init__(self, groups: Sequence[Sequence[Bar]], edges: Sequence[Edge]) -> None:
        bars = [bar for group in groups for bar in group]
        self.arrows = []
        for edge in edges:
            if edge.arrow:
                x = edge.when if edge.when is not None else 0.0
                alive = tuple(b.id for b in bars if b.start <= x <= b.end and b.id not in (edge.source, edge.target))
                self.arrows.append((edge.source, edge.target, alive))
        ranked = sorted(groups, key=lambda g: _when_known(g[0]))
        self.rank = {group[0].id: i for i, group in enumerate(ranked)}

    def __call__(self, order: Sequence[Sequence[Bar]]) -> float:
        lane_of = {bar.id: i for i, group in enumerate(order) for bar in group}
        total = 0.0
        for source, target, alive in self.arrows:
            if source not in lane_of or target not in lane_of:
                continue
            a, b = sorted((lane_of[source], lane_of[target]))
            total += b - a + (UPWARD_WEIGHT if lane_of[source] > lane_of[target] else 0.0)
            crossed = {lane_of[i] for i in alive if a < lane_of[i] < b}
            total += CROSSING_WEIGHT * len(crossed)
        displaced = sum(abs(pos - self.rank[group[0].id]) for pos, group in enumerate(order))
        total += 0.1 * displaced / max(1, len(order)) ** 2  # a tie-break: under 0.1 in all
        return total


def _improve(groups: list[list[Bar]], edges: Sequence[Edge], max_passes: int = 30, reach: int = 12
             ) -> list[list[Bar]]:
    """Local search: move each block of one to three adjacent lanes to the position (within
    ``reach`` lanes) that lowers the cost most; repeat until a full pass improves nothing."""
    score = _Scorer(groups, edges)
    order = list(groups)
    best = score(order)
    floor = len(score.arrows)  # every arrow one lane long, none over a bar, none upwards
    for _ in range(max_passes):
        if best - floor < 0.5:
            break  # only the tie-break on time order could still improve: not worth a search
        improved = False
        for size in (1, 2, 3):
            i = 0
            while i + size <= len(order):
                block, rest = order[i:i + size], order[:i] + order[i + size:]
                choice, value = None, best
                for j in range(max(0, i - reach), min(len(rest), i + reach) + 1):
                    if j == i:
                        continue
                    trial = rest[:j] + block + rest[j:]
                    trial_cost = score(trial)
                    if trial_cost < value - 1e-9:
                        choice, value = trial, trial_cost
                if choice is not None:
                    order, best, improved = choice, value, True
                i += 1
        if not improved:
            break
    return order


# -- labels ----------------------------------------------------------------------------

@dataclass
class LabelRequest:
    """A label to place: candidate boxes in preference order; obstacles it may overlap (its own bar)."""

    key: str
    candidates: list[Box]
    allowed: set[int] = field(default_factory=set)


def place_labels(requests: Sequence[LabelRequest], hard: Sequence[Box], soft: Sequence[Box], bounds: Box,
                 pad: float = 1.5) -> dict[str, int | None]:
    """Choose a candidate for each request, in order: inside ``bounds``, clear of every hard
    obstacle (bars) and every label placed so far; among those, the first that touches the
    fewest soft obstacles (arrows). ``None`` when no candidate fits (the caller footnotes it).
    """
    placed: list[Box] = []
    chosen: dict[str, int | None] = {}
    for request in requests:
        best: tuple[int, int] | None = None
        for index, box in enumerate(request.candidates):
            if not box.inside(bounds):
                continue
            if any(i not in request.allowed and box.overlaps(h, pad) for i, h in enumerate(hard)):
                continue
            if any(box.overlaps(p, pad) for p in placed):
                continue
            touches = sum(box.overlaps(s) for s in soft)
            if best is None or touches < best[0]:
                best = (touches, index)
                if touches == 0:
                    break
        chosen[request.key] = best[1] if best else None
        if best:
            placed.append(request.candidates[best[1]])
    return chosen
