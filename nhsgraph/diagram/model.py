"""What a diagram shows, before any geometry: bars (things that existed or were proposed) and
edges (dated change events between them).

The picture, the Mermaid text and the DOT text are all drawn from one :class:`Diagram`, so
the three cannot disagree about which nodes and edges there are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from nhsgraph.dates import PartialDate


def year_of(day: dt.date) -> float:
    """A date as a decimal year (1 July 2022 → 2022.496), the x coordinate of every drawing."""
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


@dataclass
class Bar:
    """One entity drawn as a horizontal bar from ``start`` to ``end`` (decimal years).

    ``open_end``: the body still exists (or a proposal is undecided); the bar runs to the
    data's "as of" date and fades out. ``start_known`` is false when the data gives no
    start date and the bar begins at the left edge of the window. ``proposed``: a proposal,
    or a form proposed but never created, drawn dashed and muted, captioned with its
    ``proposers`` and (for a proposal) its ``outcome``: its status and the year it was decided.
    """

    id: str
    label: str
    kind: str
    category: str
    start: float
    end: float
    start_date: PartialDate | None = None
    end_date: PartialDate | None = None
    open_end: bool = False
    start_known: bool = True
    proposed: bool = False
    proposers: list[str] = field(default_factory=list)
    outcome: str | None = None
    category_rank: int = 0

    @property
    def caption(self) -> str:
        """The text drawn beside the bar: its label, and for proposals who proposed it and when."""
        if not self.proposed:
            return self.label
        who = _join(self.proposers)
        when = str(self.start_date.year) if self.start_date else ""
        detail = ", ".join(x for x in (f"proposed by {who}" if who else "proposed", when) if x)
        return f"{self.label} ({detail}{'; ' + self.outcome if self.outcome else ''})"


@dataclass
class Edge:
    """A change event (one statement) drawn as an arrow between two bars, or as a mark on one bar.

    ``source`` → ``target`` follows time (older body → newer body), whatever the direction
    of the underlying statement; ``subject``/``object`` keep the statement's own direction.
    When ``source`` is not a bar (an Act abolishing a body) the edge is a mark on ``target``.
    """

    id: str
    relation: str
    relation_label: str
    subject: str
    object: str
    source: str
    target: str
    when: float | None
    date: PartialDate | None
    label: str
    proposed: bool = False
    arrow: bool = True


@dataclass
class Diagram:
    title: str
    bars: list[Bar]
    edges: list[Edge]
    start: float
    end: float
    as_of: PartialDate | None
    relations: list[str]
    source_line: str
    agents: dict[str, str] = field(default_factory=dict)
    omitted: list[str] = field(default_factory=list)

    def bar(self, entity_id: str) -> Bar:
        return next(b for b in self.bars if b.id == entity_id)

    @property
    def bar_ids(self) -> set[str]:
        return {b.id for b in self.bars}

    def label_of(self, node_id: str) -> str:
        """The text naming a node: a bar's label, or an agent's (an Act abolishing a body)."""
        for bar in self.bars:
            if bar.id == node_id:
                return bar.label
        return self.agents.get(node_id, node_id)

    def node_labels(self) -> dict[str, str]:
        """Every node a text rendering names: the bars, plus non-bar sources of marks (Acts)."""
        labels = {b.id: b.caption for b in self.bars}
        labels.update({e.source: self.agents[e.source] for e in self.edges if e.source in self.agents})
        return labels


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
