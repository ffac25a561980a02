"""Lane assignment and label placement, as pure functions of plain data."""

from __future__ import annotations

import itertools

from nhsgraph.diagram.layout import Box, LabelRequest, assign_lanes, cost, place_labels
from nhsgraph.diagram.model import Bar, Edge


def bar(bar_id: str, start: float, end: float) -> Bar:
    return Bar(id=bar_id, label=bar_id, kind="org_type", category="local level", start=start, end=end)


def arrow(source: str, target: str, when: float) -> Edge:
    return Edge(id=f"{source}-{target}", relation="replaces", relation_label="replaces", subject=target,
                object=source, source=source, target=target, when=when, date=None, label="")


def crossings(lanes: dict[str, int], bars: list[Bar], edges: list[Edge]) -> int:
    count = 0
    for edge in edges:
        low, high = sorted((lanes[edge.source], lanes[edge.target]))
        count += sum(1 for b in bars if low < lanes[b.id] < high and b.start <= (edge.when or 0) <= b.end)
    return count


def test_successor_is_placed_next_to_its_predecessor_not_across_a_living_bar():
    # In start order the arrow old -> new would cross `other`, alive in year 10.
    bars = [bar("old", 0, 10), bar("other", 1, 30), bar("new", 10, 20)]
    edges = [arrow("old", "new", 10)]
    lanes = assign_lanes(bars, edges)
    assert crossings(lanes, bars, edges) == 0
    assert abs(lanes["old"] - lanes["new"]) == 1


def test_merger_of_two_bodies_draws_without_crossings():
    bars = [bar("a", 0, 10), bar("b", 0, 10), bar("c", 2, 30), bar("merged", 10, 30), bar("later", 30, 40)]
    edges = [arrow("a", "merged", 10), arrow("b", "merged", 10), arrow("merged", "later", 30)]
    lanes = assign_lanes(bars, edges)
    assert crossings(lanes, bars, edges) == 0
    assert sorted(lanes.values()) == list(range(5))


def test_local_search_never_leaves_a_worse_order_than_start_order():
    bars = [bar(f"b{i}", i, i + 8) for i in range(8)]
    edges = [arrow("b0", "b7", 7.5), arrow("b1", "b6", 7), arrow("b2", "b5", 6.5)]
    lanes = assign_lanes(bars, edges)
    chosen = [[b] for b in sorted(bars, key=lambda b: lanes[b.id])]
    assert cost(chosen, edges) <= cost([[b] for b in bars], edges)
    assert lanes == assign_lanes(list(reversed(bars)), edges)  # deterministic, whatever the input order


def test_bars_share_lanes_only_when_there_are_too_many_and_never_overlap_in_time():
    bars = [bar(f"x{i}", 10 * (i % 4), 10 * (i % 4) + 5) for i in range(12)]
    edges = [arrow("x0", "x1", 5)]
    lanes = assign_lanes(bars, edges, max_lanes=6)
    assert max(lanes.values()) + 1 < 12
    for a, b in itertools.combinations(bars, 2):
        if lanes[a.id] == lanes[b.id]:
            assert a.end < b.start or b.end < a.start
    assert lanes["x0"] != lanes["x1"]  # joined by an arrow: never one lane
    assert max(assign_lanes(bars, edges).values()) == 11  # enough room: one lane each


def test_labels_take_the_first_clear_candidate_and_never_overlap():
    bounds = Box(0, 0, 100, 100)
    hard = [Box(0, 40, 60, 50)]
    requests = [
        LabelRequest("inside", [Box(2, 42, 30, 48)], allowed={0}),
        LabelRequest("blocked-first", [Box(10, 41, 20, 49), Box(62, 41, 90, 49)]),
        LabelRequest("same-place", [Box(62, 41, 90, 49), Box(62, 52, 90, 60)]),
        LabelRequest("outside-bounds", [Box(90, 90, 120, 99)]),
    ]
    chosen = place_labels(requests, hard, [], bounds)
    assert chosen == {"inside": 0, "blocked-first": 1, "same-place": 1, "outside-bounds": None}


def test_labels_prefer_a_place_off_the_arrows():
    bounds = Box(0, 0, 100, 100)
    soft = [Box(49, 0, 51, 100)]
    chosen = place_labels([LabelRequest("x", [Box(40, 10, 60, 20), Box(55, 10, 75, 20)])], [], soft, bounds)
    assert chosen == {"x": 1}
    only = place_labels([LabelRequest("x", [Box(40, 10, 60, 20)])], [], soft, bounds)
    assert only == {"x": 0}  # crossing an arrow beats not being drawn
