"""Choose what a diagram shows: which entities become bars and which statements become edges.

Everything comes from the graph. Bars are organisations, organisation types and proposals
(the entities that have a life span); edges are statements whose relation the spec names
(change events, checked against the vocabulary). Nothing here knows any particular entity.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from nhsgraph.build import summary
from nhsgraph.dataset import Dataset
from nhsgraph.dates import PartialDate
from nhsgraph.diagram.model import Bar, Diagram, Edge, year_of
from nhsgraph.diagram.presets import DiagramError, Selector, Spec, drawing
from nhsgraph.diagram.spans import bar_for, clip, first_fact
from nhsgraph.model import Entity, Organisation, OrgType, Proposal, Statement
from nhsgraph.queries import lineage
from nhsgraph.vocabulary import vocabulary

BAR_MODELS = (Organisation, OrgType, Proposal)
"""Entities with a life span (established..dissolved, or proposed..decided): drawn as bars."""


def select(dataset: Dataset, spec: Spec) -> Diagram:
    """The bars and edges of the diagram ``spec`` asks for, clipped to its period."""
    relations = set(spec.relations)
    chosen = _initial(dataset, spec)
    chosen = _expand(dataset, chosen, spec.depth, set(spec.follow))
    as_of = _as_of(dataset)
    bars: list[Bar] = []
    omitted: list[str] = []
    for entity_id in chosen:
        bar = bar_for(dataset, dataset.entities[entity_id], as_of)
        if bar is None:
            omitted.append(f"{dataset.label(entity_id)}: no dates recorded")
        else:
            bars.append(bar)
    if not bars:
        raise DiagramError("nothing to draw: " + "; ".join(omitted))
    start, end = _window(spec, bars, as_of)
    bars = [clip(b, start, end, first_fact(dataset, b.id)) for b in bars if b.end > start and b.start < end]
    if not bars:
        raise DiagramError(f"nothing to draw between {math.floor(start)} and {math.ceil(end) - 1}")
    bars.sort(key=lambda b: (b.start, b.end, b.id))
    edges, agents = _edges(dataset, bars, relations, start, end)
    title = spec.title or (_name_title(dataset.resolve(spec.name)) if spec.name else "")
    first = spec.start if spec.start is not None else min(b.start_date.year for b in bars if b.start_date) \
        if any(b.start_date for b in bars) else math.ceil(start)
    last = spec.end if spec.end is not None else (as_of.year if as_of else math.ceil(end) - 1)
    source = f"Source: nhsgraph, data as of {as_of.human()}" if as_of else "Source: nhsgraph"
    return Diagram(
        title=f"{title}, {max(first, math.ceil(start))}–{last}", bars=bars, edges=edges, start=start, end=end,
        as_of=as_of, relations=list(spec.relations), source_line=source, agents=agents, omitted=omitted,
    )


def _name_title(entity: Entity) -> str:
    if isinstance(entity, BAR_MODELS):
        return f"Lineage of {entity.label}"
    return f"Bodies reorganised by {entity.label}, with their lineage"


def _initial(dataset: Dataset, spec: Spec) -> list[str]:
    chosen: list[str] = []
    if spec.name:
        entity = dataset.resolve(spec.name)
        chosen.extend(_seeds(dataset, entity, set(spec.relations)))
    for selector in spec.include:
        for entity in dataset.entities.values():
            if entity.id not in chosen and _matches(dataset, entity, selector, chosen):
                chosen.append(entity.id)
    return chosen


def _seeds(dataset: Dataset, entity: Entity, relations: set[str]) -> list[str]:
    """The bars a name starts from: the entity itself, or (for an Act, document or person)
    every body its change statements touch."""
    if isinstance(entity, BAR_MODELS):
        return [entity.id]
    found: list[str] = []
    for st in dataset.statements_about(entity.id):
        if st.relation not in relations and st.by != entity.id:
            continue
        for other in (st.subject, st.object):
            if other not in found and isinstance(dataset.entities.get(other), BAR_MODELS):
                found.append(other)
    if not found:
        raise DiagramError(f"{entity.label!r} takes part in no change event to draw")
    return found


def _matches(dataset: Dataset, entity: Entity, selector: Selector, chosen: list[str]) -> bool:
    if not isinstance(entity, BAR_MODELS):
        return False
    if selector.kind and entity.kind != selector.kind:
        return False
    if selector.ids and entity.id not in selector.ids:
        return False
    if selector.levels and getattr(entity, "level", None) not in selector.levels:
        return False
    if selector.sectors and getattr(entity, "sector", None) not in selector.sectors:
        return False
    if selector.start is not None or selector.end is not None:
        years = [d.year for d in _dates(entity) if d is not None]
        if not years:
            return False
        if selector.start is not None and max(years) < selector.start:
            return False
        if selector.end is not None and min(years) > selector.end:
            return False
    if selector.related:
        linked = {x for st in dataset.statements_about(entity.id) for x in (st.subject, st.object, st.by, *st.attributed_to)}
        if not linked & set(chosen):
            return False
    return True


def _dates(entity: Entity) -> list[PartialDate | None]:
    if isinstance(entity, Proposal):
        return [entity.date, entity.outcome_date]
    if isinstance(entity, (Organisation, OrgType)):
        return [entity.established, entity.dissolved]
    return []


def _expand(dataset: Dataset, chosen: list[str], depth: int, kinds: set[str]) -> list[str]:
    """Add the predecessors and successors of each chosen bar up to ``depth`` generations away,
    as :func:`nhsgraph.queries.lineage` finds them, keeping entities of the given ``kinds``
    (any kind drawn as a bar if none are given)."""
    result = list(chosen)
    if depth <= 0:
        return result
    for entity_id in chosen:
        for node in lineage(dataset, entity_id).nodes:
            entity = dataset.entities.get(node["id"])
            if abs(node["generation"]) <= depth and node["id"] not in result \
                    and isinstance(entity, BAR_MODELS) and (not kinds or entity.kind in kinds):
                result.append(node["id"])
    return result


def _as_of(dataset: Dataset) -> PartialDate | None:
    """The latest dated source in the data (deterministic: the data, not the clock)."""
    latest = summary(dataset)["latest_source_date"]
    return PartialDate.parse(latest) if isinstance(latest, str) else None


def _window(spec: Spec, bars: list[Bar], as_of: PartialDate | None) -> tuple[float, float]:
    """The period shown: the spec's years, else from the first known start to just past "as of"."""
    known = [b.start for b in bars if math.isfinite(b.start)] + [b.end for b in bars]
    first = min(known) if known else (as_of.year if as_of else 2000)
    last = max([b.end for b in bars] + ([year_of(as_of.latest)] if as_of else [first + 1]))
    start = float(spec.start) if spec.start is not None else math.floor(first) - 1.0
    if spec.end is not None:
        end = float(spec.end) + 1.0
    else:
        end = last + max(1.0, 0.04 * (last - start))
    if end <= start:
        shown = f"--from {spec.start}" if spec.end is None else f"--to {spec.end}" if spec.start is None \
            else f"--from {spec.start} --to {spec.end}"
        raise DiagramError(f"{shown} leaves no years to draw (the bodies shown run from {math.floor(first)} "
                           f"to {math.floor(last)}); choose a period that overlaps them")
    return start, end


def _edges(dataset: Dataset, bars: list[Bar], relations: set[str], start: float, end: float
           ) -> tuple[list[Edge], dict[str, str]]:
    """Statements with a drawn relation: arrows between two bars, or marks on one bar naming
    the other party (an Act), as the ``drawing`` table says."""
    vocab = vocabulary()
    by_id = {b.id: b for b in bars}
    edges: list[Edge] = []
    agents: dict[str, str] = {}
    for st in dataset.statements:
        if st.relation not in relations:
            continue
        how = drawing(st.relation)
        when = year_of(st.when.earliest) if st.when else None
        other = st.object if how.mark == "subject" else st.subject
        as_mark = how.mark is not None and other not in by_id
        if as_mark:
            target_id, source_id = getattr(st, how.mark or ""), other
            if target_id not in by_id or source_id not in dataset.entities or when is None:
                continue
            agent: str | None = source_id
        elif how.mark:  # the agent (a proposal, a body) is in the picture: an arrow from it
            if st.subject not in by_id or st.object not in by_id:
                continue
            source_id, target_id = other, getattr(st, how.mark)
            when = when if when is not None else by_id[source_id].start
            agent = st.by
        else:
            if st.subject not in by_id or st.object not in by_id:
                continue
            source_id = getattr(st, how.arrow_from)
            target_id = st.object if source_id == st.subject else st.subject
            when = when if when is not None else by_id[source_id].end
            agent = st.by
        if not start <= when <= end:
            continue
        if as_mark and source_id not in by_id:
            agents[source_id] = dataset.label(source_id)
        proposed = st.status not in vocab.asserted_statuses
        edges.append(Edge(
            id=st.id or st.content_id(), relation=st.relation, relation_label=vocab.relations[st.relation].label,
            subject=st.subject, object=st.object, source=source_id, target=target_id, when=when, date=st.when,
            label=_edge_label(dataset, st, agent, proposed), proposed=proposed, arrow=not as_mark,
        ))
    edges.sort(key=lambda e: (e.when or 0.0, e.id))
    return edges, agents


def _edge_label(dataset: Dataset, st: Statement, agent: str | None, proposed: bool) -> str:
    """``Act, date`` for facts; ``<status> by <whose>, date`` for proposals and other claims."""
    when = st.when.human() if st.when else ""
    if proposed:
        whose = _names(dataset, st.attributed_to)
        return ", ".join(x for x in (f"{st.status} by {whose}" if whose else st.status, when) if x)
    name = dataset.label(agent) if agent else ""
    if st.when and st.when.precision == "year" and str(st.when.year) in name:
        when = ""  # "Health Act 1999, 1999" says the year twice
    return ", ".join(x for x in (name, when) if x)


def _names(dataset: Dataset, ids: Iterable[str]) -> str:
    labels = [dataset.label(i) for i in ids]
    return " and ".join(labels) if len(labels) <= 2 else f"{labels[0]} et al."
