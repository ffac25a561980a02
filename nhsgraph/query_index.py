"""Indexes for the question commands, built once per dataset and cached on it.

Every question (what replaced X, lineage, positions, what existed on a date) starts from
one entity and follows a few statements. Scanning all statements per question is fine for
the curated data but not for the reference layer (thousands of organisations), so the
statements are grouped once by the entities they touch, and each question reads a few
short lists. The index is rebuilt when the dataset's statements or entities change.

Which end of a change event is the successor is declared here, keyed by the vocabulary's
``change_event`` category, so a new relation in an existing category needs no code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from nhsgraph.dates import PartialDate
from nhsgraph.gcpause import paused_gc
from nhsgraph.names import normalise, singular
from nhsgraph.vocabulary import vocabulary

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset
    from nhsgraph.model import Statement

# change_event category -> the end of the statement that is the later body.
SUCCESSOR_END = {"replacement": "subject", "merger": "object", "rename": "object"}
# change_event category -> the end whose existence it starts or ends.
STARTS = {"establishment": "object"}
ENDS = {"abolition": "object", "merger": "subject", "rename": "subject"}
POSITION_RELATIONS = ("supports", "opposes")
PROPOSES = "proposes"
AUTHORSHIP = ("authored", "publishes")
INSTANCE_OF = "instance_of"
# Machine-extracted claims a person has not accepted never answer a question.
UNREVIEWED = ("pending", "rejected")
PART_OF = "part_of"


@dataclass(frozen=True, slots=True)
class Link:
    """One succession step: ``earlier`` was followed by ``later`` (a statement says so).

    ``proposal`` is set when the step is a proposal's content: the proposal would abolish
    ``earlier`` and establish ``later`` (``statement`` is the establishing one); ``when`` is
    then the proposal's date.
    """

    earlier: str
    later: str
    statement: Statement
    proposal: str | None = None
    when: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class Lifespan:
    """When an entity existed, from its own fields or, failing those, from dated change events."""

    established: PartialDate | None
    dissolved: PartialDate | None
    established_by: Statement | None
    dissolved_by: Statement | None


class QueryIndex:
    """Statements grouped by the entities they touch; built in one pass over the dataset."""

    def __init__(self, dataset: Dataset) -> None:
        vocab = vocabulary()
        asserted = vocab.asserted_statuses
        self.signature = _signature(dataset)
        self.successors: dict[str, list[Link]] = defaultdict(list)
        self.predecessors: dict[str, list[Link]] = defaultdict(list)
        self.by_subject: dict[str, list[Statement]] = defaultdict(list)
        self.by_object: dict[str, list[Statement]] = defaultdict(list)
        self.by_party: dict[str, list[Statement]] = defaultdict(list)  # attributed_to or by
        self.by_source: dict[str, list[Statement]] = defaultdict(list)
        self.types: dict[str, list[str]] = defaultdict(list)
        self.instances: dict[str, list[str]] = defaultdict(list)
        self._starts: dict[str, list[Statement]] = defaultdict(list)
        self._ends: dict[str, list[Statement]] = defaultdict(list)
        self._lifespans: dict[str, Lifespan | None] = {}
        events = {name: relation.change_event for name, relation in vocab.relations.items()}
        by_subject, by_object, by_party, by_source = self.by_subject, self.by_object, self.by_party, self.by_source
        for st in dataset.statements:
            if st.review in UNREVIEWED:
                continue
            by_subject[st.subject].append(st)
            by_object[st.object].append(st)
            if st.by or st.attributed_to:
                for party in dict.fromkeys([*st.attributed_to, *([st.by] if st.by else [])]):
                    by_party[party].append(st)
            if st.sources:
                for source in dict.fromkeys(s.document for s in st.sources):
                    by_source[source].append(st)
            event = events.get(st.relation)
            fact = st.status in asserted
            if fact and st.relation == INSTANCE_OF:
                self.types[st.subject].append(st.object)
                self.instances[st.object].append(st.subject)
            if event is None:
                continue
            if event in SUCCESSOR_END:
                later, earlier = (st.subject, st.object) if SUCCESSOR_END[event] == "subject" else (st.object, st.subject)
                self._link(Link(earlier, later, st, when=st.when))
            if fact and st.when is not None:
                if event in STARTS:
                    self._starts[st.object if STARTS[event] == "object" else st.subject].append(st)
                if event in ENDS:
                    self._ends[st.object if ENDS[event] == "object" else st.subject].append(st)
        self._entities = dataset.entities
        for entity in dataset.of_kind("proposal"):
            self._proposed_links(entity.id, getattr(entity, "date", None))

    def lifespan(self, entity_id: str) -> Lifespan | None:
        """When the entity existed (``None`` for kinds without a lifespan); computed on first use."""
        if entity_id not in self._lifespans:
            entity = self._entities.get(entity_id)
            self._lifespans[entity_id] = (
                _lifespan(entity, self._starts.get(entity_id, []), self._ends.get(entity_id, []))
                if entity is not None and hasattr(entity, "established") else None)
        return self._lifespans[entity_id]

    def _link(self, link: Link) -> None:
        self.successors[link.earlier].append(link)
        self.predecessors[link.later].append(link)

    def _proposed_links(self, proposal: str, date: PartialDate | None) -> None:
        """A proposal that would abolish X and establish Y proposes Y as X's successor."""
        relations = vocabulary().relations
        content = [*self.by_subject.get(proposal, []), *(s for s in self.by_party.get(proposal, []) if s.by == proposal)]

        def events(kind: dict[str, str]) -> list[Statement]:
            found = []
            for st in content:
                relation = relations.get(st.relation)
                if relation is not None and kind.get(relation.change_event or "") == "object":
                    found.append(st)
            return found

        for ended in events({"abolition": "object"}):
            for started in events(STARTS):
                if ended.object != started.object:
                    self._link(Link(ended.object, started.object, started, proposal, started.when or date))

    @cached_property
    def names(self) -> list[tuple[str, str, str, str]]:
        """(normalised name, its singular form, the name as written, entity id), for search; built on first search."""
        found = set()
        for entity in self._entities.values():
            for name in entity.names():
                key = normalise(name)
                if key:
                    found.add((key, singular(key), name, entity.id))
        return sorted(found)


def _earliest(statements: list[Statement]) -> Statement | None:
    dated = [s for s in statements if s.when is not None]
    return min(dated, key=lambda s: s.when) if dated else None  # type: ignore[arg-type, return-value]


def _lifespan(entity: object, starts: list[Statement], ends: list[Statement]) -> Lifespan:
    start, end = _earliest(starts), _earliest(ends)
    established = getattr(entity, "established", None) or (start.when if start else None)
    dissolved = getattr(entity, "dissolved", None) or (end.when if end else None)
    return Lifespan(established, dissolved, start, end)


def _signature(dataset: Dataset) -> tuple[int, int, int]:
    return (id(dataset.statements), len(dataset.statements), len(dataset.entities))


def index_for(dataset: Dataset) -> QueryIndex:
    """The dataset's query index, built on first use and kept on the dataset object."""
    index: QueryIndex | None = dataset.__dict__.get("_query_index")
    if index is None or index.signature != _signature(dataset):
        with paused_gc():  # millions of small lists, none of them garbage: see nhsgraph.gcpause
            index = QueryIndex(dataset)
        dataset.__dict__["_query_index"] = index
    return index
