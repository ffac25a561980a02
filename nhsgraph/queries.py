"""Researchers' questions, answered from the statements: the one query layer.

The CLI, the notebook and other modules call these functions; none computes answers
itself. Every answer keeps what happened (status ``fact``) apart from what someone
proposed, announced or predicted (any other status, with ``attributed_to``), and cites
its sources. Questions read a per-dataset index (:mod:`nhsgraph.query_index`), so each
walks a few short lists instead of every statement.

    >>> import nhsgraph
    >>> from nhsgraph import queries
    >>> dataset = nhsgraph.load("data")
    >>> [a.label for a in queries.replaced_by(dataset, "CCGs") if a.is_fact]
    ['integrated care board']
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from typing import TYPE_CHECKING, Literal

from nhsgraph.answers import Answer, Lineage, _ref, from_statement
from nhsgraph.dates import parse_day
from nhsgraph.existence import as_of
from nhsgraph.proposals import proposals
from nhsgraph.query_index import AUTHORSHIP, PART_OF, POSITION_RELATIONS, Link, QueryIndex, index_for
from nhsgraph.search import resolve, search
from nhsgraph.vocabulary import vocabulary

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset
    from nhsgraph.model import Statement

Direction = Literal["after", "before"]


def reads(st: Statement, focus: str) -> str:
    """The relation as read from ``focus``'s side: ``replaced by`` when focus is the object."""
    relation = vocabulary().relations.get(st.relation)
    if relation is None:
        return st.relation
    return relation.label if st.subject == focus else relation.inverse_label


def _day(date: str | dt.date | None) -> dt.date | None:
    if date is None or isinstance(date, dt.date):
        return date
    return parse_day(date)


def _in_effect(link: Link, day: dt.date) -> bool:
    """True when the step had certainly taken effect (or been proposed) by ``day``."""
    return link.when is not None and link.when.latest <= day


def _answer(dataset: Dataset, link: Link, node: str, other: str, depth: int) -> Answer:
    st = link.statement
    if link.proposal is None:
        return from_statement(dataset, other, st, reads=reads(st, node), about=[node], depth=depth)
    verb = "would be replaced by" if node == link.earlier else "would replace"
    note = f"{dataset.label(link.proposal)}: would abolish {dataset.label(link.earlier)} and establish {dataset.label(link.later)}"
    note += f". {st.note}" if st.note else ""
    return from_statement(dataset, other, st, reads=verb, about=[node], depth=depth, note=note,
                          by=link.proposal, when=link.when)


def _walk(dataset: Dataset, start: str, direction: Direction, transitive: bool,
          by_day: dt.date | None = None) -> list[Answer]:
    """Successors (``after``) or predecessors (``before``) of ``start``, breadth first.

    Chains continue only through facts: a proposed successor is reported but not followed,
    so a proposal never becomes a link in someone's history.
    """
    index = index_for(dataset)
    asserted = vocabulary().asserted_statuses
    links: dict[str, list[Link]] = index.successors if direction == "after" else index.predecessors
    seen: set[str] = {start}
    emitted: set[tuple[str | None, str, str]] = set()
    queue: deque[tuple[str, int]] = deque([(start, 0)])
    answers: list[Answer] = []
    while queue:
        node, depth = queue.popleft()
        for link in links.get(node, ()):
            st = link.statement
            key = (st.id, link.earlier, link.later)
            if key in emitted or (by_day is not None and not _in_effect(link, by_day)):
                continue
            emitted.add(key)
            other = link.later if direction == "after" else link.earlier
            answers.append(_answer(dataset, link, node, other, depth + 1))
            if transitive and st.status in asserted and other not in seen:
                seen.add(other)
                queue.append((other, depth + 1))
    return answers


def _by_status_then_date(answer: Answer) -> tuple[bool, int, dt.date, str]:
    when = answer.when.earliest if answer.when else dt.date.max
    return (not answer.is_fact, answer.depth, when, answer.label)


def replaced_by(dataset: Dataset, name: str, as_of: str | dt.date | None = None,
                transitive: bool = False) -> list[Answer]:
    """What replaced ``name`` (via replaces, merges_into, renamed_to): facts first, then claims.

    Proposals count too, as claims: a proposal that would abolish ``name`` and establish
    something else proposes that as its successor (``by`` is the proposal).

    ``as_of`` keeps only changes that had certainly taken effect (or been proposed) by that
    day; ``transitive`` follows chains of facts (health authority -> PCT -> CCG -> ICB).
    """
    entity = resolve(dataset, name)
    answers = _walk(dataset, entity.id, "after", transitive, _day(as_of))
    return sorted(answers, key=_by_status_then_date)


def replaced(dataset: Dataset, name: str, transitive: bool = False) -> list[Answer]:
    """What ``name`` replaced (its predecessors): facts first, then claims."""
    entity = resolve(dataset, name)
    return sorted(_walk(dataset, entity.id, "before", transitive), key=_by_status_then_date)


def _node(dataset: Dataset, index: QueryIndex, entity_id: str, generation: int, status: str) -> dict[str, object]:
    span = index.lifespan(entity_id)
    return {
        **_ref(dataset, entity_id),
        "generation": generation,
        "status": status,
        "established": str(span.established) if span and span.established else None,
        "dissolved": str(span.dissolved) if span and span.dissolved else None,
        "types": [_ref(dataset, t) for t in index.types.get(entity_id, [])],
    }


def lineage(dataset: Dataset, name: str) -> Lineage:
    """Every predecessor and successor of ``name``, over time, with each link's date, ``by`` and sources.

    Follows replaces, merges_into and renamed_to between organisation types (type level)
    and between organisations (instance level); ``nodes`` gives each body's lifespan and
    its types, so an instance's chain can be read against the type-level reform.
    """
    entity = resolve(dataset, name)
    index = index_for(dataset)
    before = sorted(_walk(dataset, entity.id, "before", True),
                    key=lambda a: (-a.depth, a.when.earliest if a.when else dt.date.min, a.label))
    after = sorted(_walk(dataset, entity.id, "after", True),
                   key=lambda a: (a.depth, a.when.earliest if a.when else dt.date.max, a.label))
    generations: dict[str, int] = {entity.id: 0}
    statuses: dict[str, str] = {entity.id: "fact"}
    for answer, sign in [*((a, -1) for a in before), *((a, 1) for a in after)]:
        generations.setdefault(answer.id, sign * answer.depth)
        if statuses.get(answer.id) != "fact":  # in the chain as a fact if any link to it is one
            statuses[answer.id] = answer.status or ""
    nodes = [_node(dataset, index, i, g, statuses[i]) for i, g in generations.items()]
    nodes.sort(key=lambda n: (n["generation"], n["established"] or "", n["label"]))  # type: ignore[arg-type, return-value]
    return Lineage(_ref(dataset, entity.id), before, after, nodes, _memberships(dataset, index, entity.id, generations))


def _memberships(dataset: Dataset, index: QueryIndex, entity_id: str, chain: dict[str, int]) -> list[Answer]:
    """What each body of the chain was part of, and what was part of the entity asked about."""
    answers = [from_statement(dataset, st.object, st, reads=reads(st, node), about=[node], depth=0)
               for node in chain for st in index.by_subject.get(node, []) if st.relation == PART_OF]
    answers += [from_statement(dataset, st.subject, st, reads=reads(st, entity_id), about=[entity_id], depth=0)
                for st in index.by_object.get(entity_id, []) if st.relation == PART_OF]
    return sorted(answers, key=lambda a: (a.when.earliest if a.when else dt.date.max, a.about[0]["label"], a.label))


def _holders(dataset: Dataset, index: QueryIndex, entity_id: str) -> set[str]:
    """The entity and the documents it wrote or published: where its positions are recorded."""
    return {entity_id, *(st.object for st in index.by_subject.get(entity_id, []) if st.relation in AUTHORSHIP)}


def _topics_concerning(dataset: Dataset, index: QueryIndex, entity_id: str) -> set[str]:
    """What a position about the entity may be recorded on, besides the entity itself.

    Proposals whose content involves it (what they would establish, abolish or change), the
    documents those proposals were made in, and the Acts, orders and documents that brought
    about a change to it: people argue about "the Bill" or "Integrating Care", rarely about
    "integrated care systems" by name, so a position on the 2022 Act is an answer to "who
    opposed ICSs?". Each answer keeps ``about``, so the reader sees what it was on.
    """
    changes = {name for name, relation in vocabulary().relations.items() if relation.change_event}
    topics: set[str] = set()
    for st in [*index.by_object.get(entity_id, []), *index.by_subject.get(entity_id, [])]:
        for other in (st.subject, st.by):
            kind = getattr(dataset.entities.get(other or ""), "kind", None)
            if not other or other == entity_id:
                continue
            if kind == "proposal" or (kind in ("act", "document") and st.relation in changes):
                topics.add(other)
    for topic in list(topics):
        document = getattr(dataset.entities[topic], "document", None)
        if document:
            topics.add(document)
    return topics


def positions(dataset: Dataset, name: str) -> list[Answer]:
    """Who supports or opposes ``name``, or a proposal, document or Act that would or did change it;
    and, when ``name`` is a holder or a document, what it supports or opposes. Each answer is
    the holder; ``about`` is what the position is on (``name`` or the proposal)."""
    entity = resolve(dataset, name)
    index = index_for(dataset)
    holders = _holders(dataset, index, entity.id)
    found: dict[str, Statement] = {}
    for topic in {entity.id, *_topics_concerning(dataset, index, entity.id)}:
        for st in index.by_object.get(topic, []):
            found[st.id or ""] = st
    for holder in holders:
        for group in (index.by_subject, index.by_party, index.by_source):
            for st in group.get(holder, []):
                found[st.id or ""] = st
    answers = [
        from_statement(dataset, st.subject, st, reads=st.relation.replace("_", " "), about=[st.object])
        for st in found.values() if st.relation in POSITION_RELATIONS
    ]
    return sorted(answers, key=lambda a: (a.about[0]["label"], a.relation or "", a.label, a.date or ""))


__all__ = ["Answer", "Lineage", "as_of", "lineage", "positions", "proposals", "replaced", "replaced_by",
           "resolve", "search"]
