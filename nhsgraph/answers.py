"""The shape of an answer: one entity, with the status, date, ``by``, attribution and sources
of the statement that makes it an answer.

Every question command returns :class:`Answer` objects (and ``lineage`` a :class:`Lineage`
of them), so the CLI, the notebook and other modules read the same fields, and the JSON
form (documented in docs/json.md) is the same for every command. Names, titles, URLs and
quotes come from :mod:`nhsgraph.citations`, the one place sources become user-facing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from nhsgraph.citations import ref_json, source_json
from nhsgraph.dates import PartialDate
from nhsgraph.model import Entity, Proposal, SourceRef, Statement

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset

Ref = dict[str, str]


@dataclass(frozen=True)
class Answer:
    """One answer. ``id``/``label``/``kind`` name the answering entity; the rest say why, when and whose."""

    id: str
    label: str
    kind: str
    status: str | None
    date: str | None
    by: Ref | None
    attributed_to: list[Ref]
    sources: list[dict[str, Any]]
    until: str | None = None
    relation: str | None = None
    reads: str | None = None
    statement: str | None = None
    about: list[Ref] = field(default_factory=list)
    depth: int = 1
    note: str | None = None
    matched: str | None = None
    outcome: dict[str, Any] | None = None
    when: PartialDate | None = field(default=None, repr=False, compare=False)

    @property
    def is_fact(self) -> bool:
        return self.status == "fact"

    def to_json(self) -> dict[str, Any]:
        """The stable JSON form: every field always present, ``null`` when it does not apply."""
        return {
            "id": self.id, "label": self.label, "kind": self.kind, "status": self.status,
            "date": self.date, "until": self.until, "by": self.by, "attributed_to": self.attributed_to,
            "sources": self.sources, "relation": self.relation, "reads": self.reads,
            "statement": self.statement, "about": self.about, "depth": self.depth, "note": self.note,
            "matched": self.matched, "outcome": self.outcome,
        }


def sources_json(dataset: Dataset, sources: list[SourceRef]) -> list[dict[str, Any]]:
    return [source_json(dataset, s) for s in sources]


def _ref(dataset: Dataset, entity_id: str) -> Ref:
    return ref_json(dataset, entity_id)  # type: ignore[return-value]


def _text(date: PartialDate | None) -> str | None:
    return str(date) if date else None


def from_statement(dataset: Dataset, entity_id: str, st: Statement, *, reads: str | None,
                   about: list[str], depth: int = 1, note: str | None = None, by: str | None = None,
                   when: PartialDate | None = None) -> Answer:
    """``entity_id`` answers the question because of statement ``st`` (``by``/``when`` override its own)."""
    ref = _ref(dataset, entity_id)
    when = when or st.when
    return Answer(
        id=entity_id, label=ref["label"], kind=ref["kind"], status=st.status, date=_text(when),
        until=_text(st.until), by=ref_json(dataset, by or st.by),
        attributed_to=[_ref(dataset, a) for a in st.attributed_to], sources=sources_json(dataset, st.sources),
        relation=st.relation, reads=reads, statement=st.id, about=[_ref(dataset, a) for a in about],
        depth=depth, note=note or st.note, when=when,
    )


def entity_status(entity: Entity) -> str:
    """``fact`` for what exists or existed; a proposal's own status; ``proposed`` for proposed-only forms."""
    if isinstance(entity, Proposal):
        return entity.status
    return "proposed" if getattr(entity, "proposed_only", False) else "fact"


def entity_date(entity: Entity) -> PartialDate | None:
    for name in ("established", "date", "royal_assent"):
        value = getattr(entity, name, None)
        if value is not None:
            return value  # type: ignore[no-any-return]
    return None


def from_entity(dataset: Dataset, entity: Entity, *, date: PartialDate | None = None,
                until: PartialDate | None = None, by: str | None = None, sources: list[SourceRef] | None = None,
                note: str | None = None, matched: str | None = None, depth: int = 0) -> Answer:
    """An entity that answers a question by being what it is (it existed, it matched a search)."""
    when = date if date is not None else entity_date(entity)
    return Answer(
        id=entity.id, label=entity.label, kind=entity.kind, status=entity_status(entity), date=_text(when),
        until=_text(until if until is not None else getattr(entity, "dissolved", None)), by=ref_json(dataset, by),
        attributed_to=[], sources=sources_json(dataset, entity.sources if sources is None else sources),
        depth=depth, note=note, matched=matched, when=when,
    )


@dataclass(frozen=True)
class Lineage:
    """An entity's predecessors and successors, each an :class:`Answer` naming the link.

    ``predecessors`` run from the oldest generation to the most recent, ``successors`` from
    the nearest to the furthest; within a generation, by date. Each answer's ``about`` is
    the neighbour it is linked to, so ``edges()`` gives the chain as a graph.
    ``memberships`` says what the bodies of the chain were part of, and what was part of the
    entity asked about (Monitor was part of NHS Improvement from 2016 before merging into
    NHS England): context for the chain, not links in it.
    """

    entity: Ref
    predecessors: list[Answer]
    successors: list[Answer]
    nodes: list[dict[str, Any]]
    memberships: list[Answer] = field(default_factory=list)

    def edges(self) -> list[tuple[str, str, Answer]]:
        """``(earlier id, later id, answer)`` for every link, oldest first."""
        before = [(a.id, a.about[0]["id"], a) for a in self.predecessors]
        after = [(a.about[0]["id"], a.id, a) for a in self.successors]
        return before + after

    def chain(self) -> list[str]:
        """The ids of every entity in the lineage, in order over time."""
        return [node["id"] for node in self.nodes]

    def to_json(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "nodes": self.nodes,
            "predecessors": [a.to_json() for a in self.predecessors],
            "successors": [a.to_json() for a in self.successors],
            "memberships": [a.to_json() for a in self.memberships],
        }
