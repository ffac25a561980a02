"""Cross-record checks: duplicates, references, kinds, dates, sources, quotes, cycles.

Every rule reads the vocabulary rather than naming relations or kinds itself, except
where a rule is about one relation's meaning (a replacement cannot predate its successor).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import networkx as nx

from nhsgraph.diagnostics import Problem
from nhsgraph.model import Act, Document, Entity, Organisation, OrgType, Proposal, Statement, sentence_count
from nhsgraph.names import suggest
from nhsgraph.vocabulary import vocabulary

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset
    from nhsgraph.loader import Origin

# Which kinds each reference field may point to.
ENTITY_REFERENCES: dict[str, tuple[str, ...]] = {
    "org_type": ("org_type",),
    "publisher": ("organisation",),
    "authors": ("person", "organisation"),
    "proposed_by": ("organisation", "person", "document"),
    "document": ("document",),
    "outcome_by": ("act", "document", "organisation", "proposal"),
}
STATEMENT_REFERENCES: dict[str, tuple[str, ...]] = {
    "attributed_to": ("organisation", "person", "document"),
    "by": ("act", "proposal", "document", "organisation"),
}
ACYCLIC_RELATIONS = ("replaces", "merges_into", "renamed_to", "part_of")
SELF_FORBIDDEN = ("replaces", "abolishes", "establishes", "merges_into", "renamed_to", "part_of", "repeals", "amends")


def check(dataset: Dataset) -> list[Problem]:
    problems: list[Problem] = []
    for rule in RULES:
        problems.extend(rule(dataset))
    return problems


def _origin(dataset: Dataset, key: str | None) -> Origin | None:
    return dataset.origins.get(key) if key else None


def _at(dataset: Dataset, key: str | None, code: str, message: str, *sub: str | int, **kw: object) -> Iterator[Problem]:
    origin = _origin(dataset, key)
    if origin is not None:
        yield origin.problem(code, message, *sub, **kw)  # type: ignore[arg-type]
    else:
        yield Problem("<generated>", 0, 0, code, message)


def _duplicates(dataset: Dataset) -> Iterator[Problem]:
    for model, origin in dataset.duplicates:
        key = model.id or ""
        first = dataset.origins.get(key)
        where = f"{first.file}:{first.mark().line}" if first else "elsewhere"
        if isinstance(model, Entity):
            yield origin.problem("duplicate-id", f"duplicate id {key!r}: already defined at {where}", "id")
        else:
            yield origin.problem("duplicate-statement", f"the same statement is already stated at {where}")


def _id_of_name(dataset: Dataset, name: str) -> str | None:
    """A hint when a reference is written as a name ("CCG") rather than the entity's id.

    Every command accepts names, so writing one in the data is an easy slip; the name index
    is built only when a reference is unknown.
    """
    found = dataset.names.candidates(name)
    if len(found) != 1:
        return None
    (entity_id,) = found
    return f"did you mean {entity_id!r}? {name!r} is a name of {dataset.label(entity_id)!r}; data refers by id"


def _check_ref(dataset: Dataset, owner: str | None, value: str, allowed: tuple[str, ...], sub: tuple[str | int, ...],
               what: str) -> Iterator[Problem]:
    target = dataset.entities.get(value)
    if target is None:
        hint = _id_of_name(dataset, value) or suggest(value, dataset.entities)
        yield from _at(dataset, owner, "unknown-reference", f"{what}: unknown id {value!r}", *sub, suggestion=hint)
    elif target.kind not in allowed:
        yield from _at(dataset, owner, "wrong-kind",
                       f"{what}: {target.label!r} is a {target.kind}, but this must be a {' or '.join(allowed)}", *sub)


def _entity_rules(dataset: Dataset) -> Iterator[Problem]:
    vocab = vocabulary()
    for entity in dataset.entities.values():
        eid = entity.id
        for field_name, allowed in ENTITY_REFERENCES.items():
            if field_name not in type(entity).model_fields:
                continue
            value = getattr(entity, field_name)
            if isinstance(value, str):
                yield from _check_ref(dataset, eid, value, allowed, (field_name,), field_name)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    yield from _check_ref(dataset, eid, item, allowed, (field_name, i), field_name)
        yield from _sources(dataset, eid, entity.sources, required=False)
        enums: list[tuple[str, str, dict[str, str]]] = []
        if isinstance(entity, Organisation):
            enums.append(("sector", entity.sector, vocab.sectors))
        if isinstance(entity, Document):
            enums.append(("document_type", entity.document_type, vocab.document_types))
        if isinstance(entity, Proposal):
            enums.append(("status", entity.status, vocab.proposal_statuses))
            if entity.status == "enacted" and not entity.outcome_by:
                yield from _at(dataset, eid, "missing-outcome", "an enacted proposal names the Act or order in 'outcome_by'", "status")
        if isinstance(entity, Act):
            enums.append(("legislation_type", entity.legislation_type, vocab.legislation_types))
            if entity.royal_assent and entity.royal_assent.year != entity.year:
                yield from _at(dataset, eid, "impossible-date",
                               f"royal assent {entity.royal_assent} is not in the Act's year {entity.year}", "royal_assent")
        for field_name, value, allowed_values in enums:
            if value not in allowed_values:
                yield from _at(dataset, eid, "unknown-value", f"{field_name}: unknown value {value!r}", field_name,
                               suggestion=suggest(value, allowed_values) or f"one of: {', '.join(allowed_values)}")
        if (isinstance(entity, (Organisation, OrgType)) and entity.established and entity.dissolved
                and entity.dissolved.certainly_before(entity.established)):
            yield from _at(dataset, eid, "impossible-date",
                           f"dissolved {entity.dissolved} before it was established {entity.established}", "dissolved")
        if isinstance(entity, OrgType) and entity.proposed_only and entity.established:
            yield from _at(dataset, eid, "impossible-date", "a proposed-only form was never established; remove 'established'", "established")


def _sources(dataset: Dataset, owner: str | None, sources: list, required: bool, base: tuple[str | int, ...] = ()) -> Iterator[Problem]:
    for i, source in enumerate(sources):
        target = dataset.entities.get(source.document)
        if target is None:
            yield from _at(dataset, owner, "unknown-reference", f"sources: unknown document {source.document!r}",
                           *base, "sources", i, suggestion=suggest(source.document, [e.id for e in dataset.of_kind("document")]))
        elif target.kind not in ("document", "act"):
            yield from _at(dataset, owner, "wrong-kind", f"sources: {target.label!r} is a {target.kind}, not a document", *base, "sources", i)
        if source.quote is not None and sentence_count(source.quote) > 1:
            yield from _at(dataset, owner, "long-quote",
                           "quote is longer than one sentence; quote a single sentence", *base, "sources", i, "quote")


def _statement_rules(dataset: Dataset) -> Iterator[Problem]:
    vocab = vocabulary()
    for st in dataset.statements:
        sid = st.id
        relation = vocab.relations.get(st.relation)
        if relation is None:
            yield from _at(dataset, sid, "unknown-relation", f"unknown relation {st.relation!r}", "relation",
                           suggestion=suggest(st.relation, vocab.relations) or f"one of: {', '.join(vocab.relations)}")
        for role in ("subject", "object"):
            value = getattr(st, role)
            allowed = (relation.subject_kinds if role == "subject" else relation.object_kinds) if relation else tuple(vocab.kinds)
            what = f"{role} of {st.relation!r}" if relation else role
            yield from _check_ref(dataset, sid, value, allowed, () if st.derived_from else (role,), what)
        for field_name, allowed in STATEMENT_REFERENCES.items():
            value = getattr(st, field_name)
            for i, item in enumerate([value] if isinstance(value, str) else value or []):
                sub = (field_name,) if isinstance(value, str) else (field_name, i)
                yield from _check_ref(dataset, sid, item, allowed, sub, field_name)
        status = vocab.statuses.get(st.status)
        if status is None:
            yield from _at(dataset, sid, "unknown-value", f"status: unknown value {st.status!r}", "status",
                           suggestion=suggest(st.status, vocab.statuses) or f"one of: {', '.join(vocab.statuses)}")
        elif not status.asserted and not st.attributed_to:
            yield from _at(dataset, sid, "unattributed-claim",
                           f"a {st.status} statement must say whose it is in 'attributed_to'", "status")
        if st.subject == st.object and st.relation in SELF_FORBIDDEN:
            yield from _at(dataset, sid, "self-reference",
                           f"{dataset.label(st.subject)!r} is both subject and object of {st.relation!r}; "
                           "an entity cannot be related to itself this way", "object")
        if st.date and (st.from_ or st.until):
            yield from _at(dataset, sid, "invalid-date", "give either 'date' or 'from'/'until', not both", "date")
        if st.from_ and st.until and st.until.certainly_before(st.from_):
            yield from _at(dataset, sid, "impossible-date", f"'until' {st.until} is before 'from' {st.from_}", "until")
        if not st.derived_from:
            required = st.status == "fact"
            if required and not st.sources and st.review is None:
                yield from _at(dataset, sid, "missing-source", "a fact needs at least one source (document id and quote)", "relation")
            yield from _sources(dataset, sid, st.sources, required)
        yield from _dates_against_entities(dataset, st)
        if st.by and st.status == "fact":
            by = dataset.entities.get(st.by)
            if isinstance(by, Proposal) and by.status not in ("adopted", "enacted"):
                yield from _at(dataset, sid, "proposal-as-fact",
                               f"a fact cannot be brought about by {by.label!r}, a proposal with status {by.status!r}; "
                               "mark the statement 'proposed' or record the Act that enacted it", "by")


def _dates_against_entities(dataset: Dataset, st: Statement) -> Iterator[Problem]:
    when = st.when
    if when is None or st.status != "fact":
        return
    if st.relation in ("replaces", "merges_into", "renamed_to"):
        successor_id = st.subject if st.relation == "replaces" else st.object
        successor = dataset.entities.get(successor_id)
        established = getattr(successor, "established", None)
        if established and when.certainly_before(established):
            yield from _at(dataset, st.id, "impossible-date",
                           f"dated {when}, before its successor {successor.label!r} existed (established {established})",  # type: ignore[union-attr]
                           "date" if st.date else "from")


def _cycles(dataset: Dataset) -> Iterator[Problem]:
    for relation in ACYCLIC_RELATIONS:
        graph = nx.DiGraph()
        for st in dataset.statements:
            if st.relation == relation and st.status == "fact" and st.subject != st.object:
                graph.add_edge(st.subject, st.object, id=st.id)
        for component in nx.strongly_connected_components(graph):
            if len(component) < 2:
                continue
            cycle = nx.find_cycle(graph.subgraph(component))
            names = " -> ".join(dataset.label(a) for a, _ in cycle) + f" -> {dataset.label(cycle[0][0])}"
            first = graph.edges[cycle[0][0], cycle[0][1]]["id"]
            yield from _at(dataset, first, "cycle", f"cycle in {relation}: {names}", "object")


def _unsourced_entities(dataset: Dataset) -> Iterator[Problem]:
    for entity in dataset.entities.values():
        if entity.kind not in ("document",) and not entity.sources:
            yield from _at(dataset, entity.id, "missing-source", f"{entity.kind} {entity.label!r} has no sources",
                           "id", severity="warning")


RULES: list[Callable[[Dataset], Iterator[Problem]]] = [
    _duplicates, _entity_rules, _statement_rules, _cycles, _unsourced_entities,
]
