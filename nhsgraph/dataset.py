"""The loaded dataset: entities by id, statements (curated and derived), name lookup, graph."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import networkx as nx

from nhsgraph.diagnostics import Problem
from nhsgraph.model import Entity, SourceRef, Statement, share_fields_set
from nhsgraph.names import NameIndex
from nhsgraph.origins import Origins

if TYPE_CHECKING:
    from nhsgraph.loader import Origin, Record

# Entity fields that are really statements; the loader derives an edge from each, so
# the graph, RDF and queries see one list of statements and never read these fields.
DERIVED_FIELDS: dict[tuple[str, str], tuple[str, bool]] = {
    # (kind, field): (relation, entity is the subject?)
    ("organisation", "org_type"): ("instance_of", True),
    ("document", "authors"): ("authored", False),
    ("document", "publisher"): ("publishes", False),
    ("proposal", "proposed_by"): ("proposes", False),
}


@dataclass
class Dataset:
    entities: dict[str, Entity] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    origins: MutableMapping[str, Origin] = field(default_factory=Origins)
    duplicates: list[tuple[Entity | Statement, Origin]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _names: NameIndex | None = None

    @classmethod
    def from_records(cls, records: list[Record]) -> Dataset:
        dataset = cls()
        sources: dict[SourceRef, SourceRef] = {}
        for record in records:
            model = record.model
            _share_sources(model, sources)
            if isinstance(model, Statement):
                dataset.add_statement(model, record.origin)
            elif model.id in dataset.entities:
                dataset.duplicates.append((model, record.origin))
            else:
                share_fields_set(model)
                dataset.entities[model.id] = model
                dataset.origins[model.id] = record.origin
        for entity in list(dataset.entities.values()):
            dataset._derive(entity)
        dataset.statements.sort(key=lambda s: s.id or "")
        return dataset

    def add_statement(self, statement: Statement, origin: Origin | None = None) -> None:
        if statement.id is None:
            statement.id = statement.content_id()
        if statement.id in self.origins and origin is not None:
            self.duplicates.append((statement, origin))
            return
        share_fields_set(statement)  # after the id is set: see nhsgraph.model.share_fields_set
        self.statements.append(statement)
        if origin is not None:
            self.origins[statement.id] = origin
        self._names = None

    def _derive(self, entity: Entity) -> None:
        origin = self.origins.get(entity.id)
        for (kind, field_name), (relation, entity_is_subject) in DERIVED_FIELDS.items():
            if entity.kind != kind:
                continue
            value = getattr(entity, field_name)
            for other in [value] if isinstance(value, str) else (value or []):
                subject, obj = (entity.id, other) if entity_is_subject else (other, entity.id)
                statement = Statement(
                    subject=subject, relation=relation, object=obj, status="fact",
                    sources=list(entity.sources), derived_from=f"{entity.id}.{field_name}",
                    date=getattr(entity, "date", None) if relation in ("authored", "publishes", "proposes") else None,
                )
                if origin is not None:
                    from nhsgraph.loader import Origin

                    self.add_statement(statement, Origin(origin.file, origin.located, (*origin.path, field_name)))
                else:
                    self.add_statement(statement)

    # -- lookup -------------------------------------------------------------
    @property
    def names(self) -> NameIndex:
        if self._names is None:
            index = NameIndex()
            for entity in self.entities.values():
                index.add(entity.id, entity.label, entity.names())
            self._names = index
        return self._names

    def resolve(self, name: str) -> Entity:
        """The entity called ``name`` (id, label or alias). Raises UnknownName / AmbiguousName."""
        return self.entities[self.names.resolve(name)]

    def label(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.label if entity else entity_id

    def of_kind(self, kind: str) -> Iterator[Entity]:
        return (e for e in self.entities.values() if e.kind == kind)

    def statements_about(self, entity_id: str) -> list[Statement]:
        """Every statement in which the entity is subject, object, attributed party or ``by``."""
        return [
            s for s in self.statements
            if entity_id in (s.subject, s.object, s.by) or entity_id in s.attributed_to
        ]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for entity in self.entities.values():
            counts[entity.kind] = counts.get(entity.kind, 0) + 1
        counts["statement"] = len(self.statements)
        return counts

    def graph(self) -> nx.MultiDiGraph:
        """A networkx MultiDiGraph: nodes carry kind and label, edges the whole statement."""
        from nhsgraph.graph import build_graph

        return build_graph(self)


def _share_sources(model: Entity | Statement, shared: dict[SourceRef, SourceRef]) -> None:
    """Make equal sources of different records one (frozen) object.

    The records of a reference file row, or curated records citing a document without a
    quote, carry equal sources: about 250 bytes each, a fifth of a record at a million
    statements (see benchmarks/README.md).
    """
    sources = model.sources
    for index, source in enumerate(sources):
        sources[index] = shared.setdefault(source, source)
