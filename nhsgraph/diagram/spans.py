"""When each bar begins and ends, what colour it takes and, for proposals, who proposed it.

Dates come from the entity (established/dissolved, a proposal's date and decision); where the
data leaves one out, from other facts, and say so: a body's end from the fact that ended it
(per the ``drawing`` table), a proposal's date from its document's, an unrecorded start as a
short stub that fades in. Nothing is guessed beyond what the data says.
"""

from __future__ import annotations

import math
import typing

from nhsgraph.dataset import DERIVED_FIELDS, Dataset
from nhsgraph.dates import PartialDate
from nhsgraph.diagram.model import Bar, year_of
from nhsgraph.diagram.presets import drawings
from nhsgraph.model import Entity, Organisation, OrgType, Proposal, Statement
from nhsgraph.vocabulary import vocabulary

PROPOSES = DERIVED_FIELDS[("proposal", "proposed_by")][0]
"""The relation that names a proposer (the one the loader derives from ``proposed_by``)."""


def bar_for(dataset: Dataset, entity: Entity, as_of: PartialDate | None) -> Bar | None:
    start_date, end_date, proposers = _span(dataset, entity)
    if start_date is None and end_date is None:
        return None
    category, rank = _category(entity)
    proposed = isinstance(entity, Proposal) or bool(getattr(entity, "proposed_only", False))
    start = year_of(start_date.earliest) if start_date else -math.inf
    if end_date is not None:
        end, open_end = year_of(end_date.earliest), False
    else:
        end, open_end = max(year_of(as_of.latest) if as_of else start, start), True
    outcome = None
    if isinstance(entity, Proposal) and entity.status != Proposal.model_fields["status"].default:
        outcome = f"{entity.status} {entity.outcome_date.year}" if entity.outcome_date else entity.status
    return Bar(id=entity.id, label=entity.label, kind=entity.kind, category=category, category_rank=rank,
               start=start, end=end,
               start_date=start_date, end_date=end_date, open_end=open_end, start_known=start_date is not None,
               proposed=proposed, proposers=proposers, outcome=outcome)


def _span(dataset: Dataset, entity: Entity) -> tuple[PartialDate | None, PartialDate | None, list[str]]:
    """(start, end, proposers). A proposal runs from its date (else its document's) to its
    decision. A proposed-only form runs from its first proposal (or the earliest dated source
    describing it) to the last decision on the proposals naming it (open while any is undecided)."""
    if isinstance(entity, Proposal):
        return _proposal_date(dataset, entity), entity.outcome_date, [dataset.label(p) for p in entity.proposed_by]
    if isinstance(entity, OrgType) and entity.proposed_only:
        about = dataset.statements_about(entity.id)
        proposals = [p for st in about if (p := _proposal_of(dataset, st)) is not None]
        starts = [d for d in [st.when for st in about] + [_proposal_date(dataset, p) for p in proposals]
                  + [_document_date(dataset, s.document) for s in entity.sources] if d is not None]
        outcomes = [p.outcome_date for p in proposals]
        end = max(outcomes) if outcomes and all(outcomes) else None  # type: ignore[type-var]
        people = _proposers(dataset, entity.id, about, proposals)
        return (min(starts) if starts else None), end, people
    if isinstance(entity, (Organisation, OrgType)):
        return entity.established, entity.dissolved or _ended_by_event(dataset, entity.id), []
    return None, None, []


def _document_date(dataset: Dataset, document_id: str | None) -> PartialDate | None:
    return getattr(dataset.entities.get(document_id or ""), "date", None)


def _proposal_date(dataset: Dataset, proposal: Proposal) -> PartialDate | None:
    """When a proposal was made: its own date, else the date of the document that made it."""
    return proposal.date or _document_date(dataset, proposal.document)


def _ended_by_event(dataset: Dataset, entity_id: str) -> PartialDate | None:
    """With no ``dissolved`` date: the first dated fact that ended the body (it was replaced,
    merged, renamed or abolished), per the ``drawing`` table of the presets file."""
    ends = {relation: how.ends for relation, how in drawings().items() if how.ends}
    asserted = vocabulary().asserted_statuses
    dates = [st.when for st in dataset.statements_about(entity_id)
             if st.relation in ends and st.status in asserted and st.when is not None
             and getattr(st, ends[st.relation]) == entity_id]
    return min(dates) if dates else None  # type: ignore[type-var]


def _proposal_of(dataset: Dataset, st: Statement) -> Proposal | None:
    for other in (st.subject, st.object, st.by):
        entity = dataset.entities.get(other or "")
        if isinstance(entity, Proposal):
            return entity
    return None


def _proposers(dataset: Dataset, entity_id: str, about: list[Statement], proposals: list[Proposal]) -> list[str]:
    ids: list[str] = []
    for st in sorted(about, key=lambda s: (str(s.when or ""), s.id or "")):
        if st.relation == PROPOSES and st.object == entity_id:
            ids.append(st.subject)
        ids.extend(st.attributed_to)
    for proposal in proposals:
        ids.extend(proposal.proposed_by)
    unique = [i for n, i in enumerate(ids) if i not in ids[:n] and i != entity_id]
    return [dataset.label(i) for i in unique]


LEVELS: tuple[str, ...] = typing.get_args(typing.get_args(OrgType.model_fields["level"].annotation)[0])
"""The org-type levels in the model's own order (national, regional, system, local, ...)."""


def _category(entity: Entity) -> tuple[str, int]:
    """What the bar's colour says: an org type's level, an organisation's sector, else its kind;
    with a stable rank (the level's or sector's place in the model or vocabulary), so a
    category keeps its colour from one diagram to the next."""
    vocab = vocabulary()
    level = getattr(entity, "level", None)
    if level in LEVELS:
        return f"{level} level", LEVELS.index(level)
    sector = getattr(entity, "sector", None)
    if sector and sector in vocab.sectors:
        first = vocab.sectors[sector].split(" (")[0].rstrip(".")
        for article in ("A ", "An "):
            first = first.removeprefix(article)
        return first, list(vocab.sectors).index(sector)
    return vocab.kinds[entity.kind].label, list(vocab.kinds).index(entity.kind)


UNRECORDED_START = 0.1
"""A bar with no start date is a fading stub this share of the period long, not a guess at a date."""


def first_fact(dataset: Dataset, entity_id: str) -> float | None:
    """The date of the earliest dated fact about an entity (it existed by then)."""
    asserted = vocabulary().asserted_statuses
    dates = [st.when for st in dataset.statements_about(entity_id) if st.when is not None and st.status in asserted]
    return year_of(min(dates).earliest) if dates else None


def clip(bar: Bar, start: float, end: float, first_known: float | None = None) -> Bar:
    """Fit a bar to the period shown (an unrecorded start becomes a stub back to ``first_known``)."""
    if not math.isfinite(bar.start):  # no start recorded: a stub, reaching back to the first fact about it
        stub = bar.end - UNRECORDED_START * (end - start)
        bar.start = max(start, min(stub, first_known) if first_known is not None else stub)
    if bar.start < start:
        bar.start, bar.start_known = start, False
    if bar.end > end:
        bar.end, bar.open_end = end, True
    return bar
