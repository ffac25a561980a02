"""Proposals: who proposed what, its status and its outcome.

A proposal is recorded in one of three ways, and all three are answers:
a ``proposal`` entity (with proposers, status and outcome); an organisation type someone
``proposes`` (a new institutional form); or a single statement whose status is
``proposed`` or ``announced`` (an option in a document, attributed to whoever put it).
None of them is ever reported as a fact.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from nhsgraph.answers import Answer, _ref, entity_date, from_entity, from_statement
from nhsgraph.citations import ref_json
from nhsgraph.model import Proposal, SourceRef
from nhsgraph.query_index import AUTHORSHIP, POSITION_RELATIONS, PROPOSES, QueryIndex, index_for
from nhsgraph.search import resolve

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset
    from nhsgraph.model import Entity, Statement

PROPOSAL_STATUSES = ("proposed", "announced")
NOT_CONTENT = (PROPOSES, *AUTHORSHIP, *POSITION_RELATIONS)


def _statement_label(dataset: Dataset, st: Statement) -> str:
    return f"{dataset.label(st.subject)} {st.relation.replace('_', ' ')} {dataset.label(st.object)}"


def _content(index: QueryIndex, proposal_id: str) -> list[Statement]:
    """What a proposal would do: statements it is the subject of, or that it brings about (``by``)."""
    own = [st for st in index.by_subject.get(proposal_id, []) if st.relation not in NOT_CONTENT]
    brought = [st for st in index.by_party.get(proposal_id, []) if st.by == proposal_id]
    return own + brought


def _proposer_statements(index: QueryIndex, entity_id: str) -> list[Statement]:
    return [st for st in index.by_object.get(entity_id, []) if st.relation == PROPOSES]


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _entity_answer(dataset: Dataset, index: QueryIndex, entity: Entity) -> Answer:
    proposes = _proposer_statements(index, entity.id)
    named = list(getattr(entity, "proposed_by", []))  # the order the data gives (authors' order)
    proposers = _unique([*named, *sorted(st.subject for st in proposes if st.subject not in named)])
    sources: list[SourceRef] = list(entity.sources)
    for st in proposes:
        sources.extend(s for s in st.sources if s not in sources)
    if isinstance(entity, Proposal):
        about = _unique([x for st in _content(index, entity.id) for x in (st.subject, st.object) if x != entity.id])
        if entity.document and all(s.document != entity.document for s in sources):
            sources.append(SourceRef(document=entity.document))
        base = from_entity(dataset, entity, sources=sources)
        outcome = {"date": str(entity.outcome_date) if entity.outcome_date else None, "text": entity.outcome}
        by = ref_json(dataset, entity.outcome_by)
    else:  # a proposed organisation type
        dates = [st.when for st in proposes if st.when is not None]
        first = min(dates) if dates else None
        base = from_entity(dataset, entity, date=first, sources=sources)
        established = entity_date(entity) if not getattr(entity, "proposed_only", False) else None
        about, outcome, by = [entity.id], None, None
        if established is not None:
            outcome = {"date": str(established), "text": f"established {established.human()}"}
    return Answer(
        id=base.id, label=base.label, kind=base.kind, status="proposed" if base.status == "fact" else base.status,
        date=base.date, by=by, attributed_to=[_ref(dataset, p) for p in proposers], sources=base.sources,
        relation=PROPOSES, reads="proposed by", about=[_ref(dataset, a) for a in about], depth=1,
        outcome=outcome, when=base.when,
    )


def _statement_answer(dataset: Dataset, st: Statement) -> Answer:
    base = from_statement(dataset, st.subject, st, reads=st.relation.replace("_", " "), about=[st.subject, st.object])
    return Answer(**{**base.__dict__, "id": st.id, "label": _statement_label(dataset, st), "kind": "statement"})


def _all(dataset: Dataset, index: QueryIndex) -> list[Answer]:
    answers = [_entity_answer(dataset, index, e) for e in dataset.of_kind("proposal")]
    proposed_types = _unique([st.object for st in dataset.statements
                              if st.relation == PROPOSES and dataset.entities[st.object].kind == "org_type"])
    answers += [_entity_answer(dataset, index, dataset.entities[t]) for t in proposed_types]
    for st in dataset.statements:
        part_of_proposal = any(isinstance(dataset.entities.get(x or ""), Proposal) for x in (st.by, st.subject))
        if st.status in PROPOSAL_STATUSES and st.relation not in NOT_CONTENT and not part_of_proposal:
            answers.append(_statement_answer(dataset, st))
    return answers


def _matches_by(dataset: Dataset, answer: Answer, parties: set[str], document: str | None) -> bool:
    """Put forward by one of ``parties``; for a document, also any proposal it sets out or records."""
    if any(a["id"] in parties for a in answer.attributed_to):
        return True
    if document is None:
        return False
    entity = dataset.entities.get(answer.id)
    return (isinstance(entity, Proposal) and entity.document == document) or any(
        s["document"] == document for s in answer.sources)


def proposals(dataset: Dataset, by: str | None = None, about: str | None = None) -> list[Answer]:
    """Every proposal, with its proposers (``attributed_to``), status, date and outcome.

    ``by`` keeps proposals put forward by that person, body or document (a person or body
    also matches through the documents they wrote or published, when the proposal is
    attributed to the document; a document also matches the proposals it sets out or
    cites as sources); ``about`` keeps those
    concerning that entity. Ordered by date (undated last), then label.
    """
    index = index_for(dataset)
    answers = _all(dataset, index)
    if by is not None:
        party = resolve(dataset, by)
        parties = {party.id, *(st.object for st in index.by_subject.get(party.id, []) if st.relation in AUTHORSHIP)}
        document = party.id if party.kind == "document" else None
        answers = [a for a in answers if _matches_by(dataset, a, parties, document)]
    if about is not None:
        topic = resolve(dataset, about).id
        answers = [a for a in answers if a.id == topic or any(x["id"] == topic for x in a.about)]
    return sorted(answers, key=lambda a: (a.when.earliest if a.when else dt.date.max, a.label.casefold()))
