"""The vocabulary (kinds, relations, statuses, sectors), read once from ``schema/vocabulary.yaml``.

Everything that needs a relation name, a kind or a status asks this module, so a new
relation is added in one place (the YAML file) and the loader, graph, RDF and CLI follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Kind:
    name: str
    section: str
    label: str
    definition: str
    iri: str


@dataclass(frozen=True)
class Relation:
    name: str
    label: str
    inverse_label: str
    subject_kinds: tuple[str, ...]
    object_kinds: tuple[str, ...]
    iri: str
    definition: str
    equivalent: tuple[str, ...] = ()
    change_event: str | None = None
    interval: bool = False


@dataclass(frozen=True)
class Status:
    name: str
    asserted: bool
    definition: str


@dataclass(frozen=True)
class Vocabulary:
    prefixes: dict[str, str]
    kinds: dict[str, Kind]
    relations: dict[str, Relation]
    statuses: dict[str, Status]
    proposal_statuses: dict[str, str]
    sectors: dict[str, str]
    document_types: dict[str, str]
    legislation_types: dict[str, str]
    kind_by_section: dict[str, Kind] = field(default_factory=dict)

    def expand(self, curie: str) -> str:
        """Expand ``prefix:local`` to a full IRI using the declared prefixes."""
        prefix, _, local = curie.partition(":")
        if prefix in self.prefixes and not local.startswith("//"):
            return self.prefixes[prefix] + local
        return curie

    @property
    def asserted_statuses(self) -> frozenset[str]:
        return frozenset(s.name for s in self.statuses.values() if s.asserted)


@cache
def vocabulary() -> Vocabulary:
    """Return the project vocabulary (parsed once per process)."""
    text = resources.files("nhsgraph.schema").joinpath("vocabulary.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    kinds = {name: Kind(name=name, **spec) for name, spec in raw["kinds"].items()}
    relations = {
        name: Relation(
            name=name,
            label=spec["label"],
            inverse_label=spec["inverse_label"],
            subject_kinds=tuple(spec["subject"]),
            object_kinds=tuple(spec["object"]),
            iri=spec["iri"],
            definition=spec["definition"],
            equivalent=tuple(spec.get("equivalent", ())),
            change_event=spec.get("change_event"),
            interval=bool(spec.get("interval", False)),
        )
        for name, spec in raw["relations"].items()
    }
    statuses = {name: Status(name=name, **spec) for name, spec in raw["statuses"].items()}
    return Vocabulary(
        prefixes=dict(raw["prefixes"]),
        kinds=kinds,
        relations=relations,
        statuses=statuses,
        proposal_statuses=dict(raw["proposal_statuses"]),
        sectors=dict(raw["sectors"]),
        document_types=dict(raw["document_types"]),
        legislation_types=dict(raw["legislation_types"]),
        kind_by_section={k.section: k for k in kinds.values()},
    )
