"""The RDF side of the vocabulary, read once from ``schema/rdf.yaml``, and the IRIs we mint.

The ontology generator, the SHACL shapes and the exporter all read this module, so a
term is named in one place and the three cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import pyoxigraph as ox
import yaml

from nhsgraph.vocabulary import Vocabulary, vocabulary

DEFAULT_BASE = "https://w3id.org/nhsgraph/id/"


def to_bytes(items: Iterable[ox.Triple] | Iterable[ox.Quad], rdf_format: ox.RdfFormat,
             prefixes: dict[str, str] | None = None) -> bytes:
    """``pyoxigraph.serialize`` into memory (typed: it returns bytes when given no output)."""
    data = ox.serialize(items, format=rdf_format, prefixes=prefixes)
    assert data is not None
    return data


@dataclass(frozen=True)
class ChangeEventSpec:
    """How a relation's statements become an ``org:ChangeEvent``: its class and which end plays which role."""

    name: str
    cls: str
    label: str
    definition: str
    roles: dict[str, str]  # role (original | resulting | agent) -> "subject" | "object"


@dataclass(frozen=True)
class FieldSpec:
    properties: tuple[str, ...]
    kind: str  # text | en | date | boolean | url | entity | concept:<scheme>


@dataclass(frozen=True)
class RdfTerms:
    raw: dict[str, Any]
    prefixes: dict[str, str]
    change_events: dict[str, ChangeEventSpec]
    fields: dict[str, dict[str, FieldSpec]]  # kind (or "all") -> field -> spec

    def iri(self, curie: str) -> str:
        """Expand ``prefix:local`` with every prefix we know."""
        prefix, sep, local = curie.partition(":")
        if sep and prefix in self.prefixes and not local.startswith("//"):
            return self.prefixes[prefix] + local
        return curie

    @property
    def ontology_iri(self) -> str:
        return str(self.raw["ontology"]["iri"])

    @property
    def nhsg(self) -> str:
        return self.prefixes["nhsg"]

    def concept_iri(self, scheme: str, value: str) -> str:
        """The IRI of one value of a vocabulary enumeration, e.g. ``nhsg:status-fact``."""
        spec = self.raw["concept_schemes"][scheme]
        return self.nhsg + spec["concept_prefix"] + value.replace("_", "-")

    def scheme_iri(self, scheme: str) -> str:
        return self.iri(self.raw["concept_schemes"][scheme]["scheme"])

    def scheme_values(self, scheme: str) -> dict[str, str]:
        """Value -> definition for one enumeration of the vocabulary."""
        vocab = vocabulary()
        values = getattr(vocab, scheme)
        return {name: (v.definition if hasattr(v, "definition") else str(v)) for name, v in values.items()}

    def fields_for(self, kind: str) -> dict[str, FieldSpec]:
        return {**self.fields["all"], **self.fields.get(kind, {})}


@cache
def rdf_terms() -> RdfTerms:
    """The RDF mapping (parsed once per process)."""
    text = resources.files("nhsgraph.schema").joinpath("rdf.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    vocab: Vocabulary = vocabulary()
    prefixes = {**raw["prefixes"], **vocab.prefixes}
    events = {
        name: ChangeEventSpec(name, spec["class"], spec["label"], spec["definition"], dict(spec["roles"]))
        for name, spec in raw["change_events"].items()
    }
    fields = {
        kind: {name: FieldSpec(tuple(spec["property"]), spec["as"]) for name, spec in specs.items()}
        for kind, specs in raw["fields"].items()
    }
    return RdfTerms(raw=raw, prefixes=prefixes, change_events=events, fields=fields)


@dataclass(frozen=True)
class Minter:
    """Stable, readable IRIs for one export, under a configurable base."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not self.base.endswith(("/", "#")):
            raise ValueError(f"--base must end with '/' or '#', got {self.base!r}")
        if not self.base.startswith(("http://", "https://", "urn:")):
            raise ValueError(f"--base must be an absolute http(s) or urn IRI, got {self.base!r}")
        try:
            ox.NamedNode(self.base + "x")  # every IRI we mint starts with the base: check it once
        except ValueError as exc:
            raise ValueError(f"--base is not a valid IRI ({exc}): {self.base!r}") from None

    def entity(self, entity_id: str, legislation_id: str | None = None) -> str:
        """An entity's IRI: an Act's legislation.gov.uk id when it has one, else base + id."""
        return legislation_id or self.base + entity_id

    def statement(self, statement_id: str) -> str:
        return f"{self.base}statement/{statement_id}"

    def event(self, statement_id: str) -> str:
        return f"{self.base}event/{statement_id}"

    def statement_citation(self, statement_id: str, index: int) -> str:
        return f"{self.base}statement/{statement_id}/source/{index}"

    def entity_citation(self, entity_id: str, index: int) -> str:
        return f"{self.base}source/{entity_id}/{index}"

    @property
    def org_type_scheme(self) -> str:
        return f"{self.base}org-types"

    @property
    def asserted_graph(self) -> str:
        """TriG graph of entities, facts and fact statements."""
        return f"{self.base}graph/asserted"

    @property
    def claims_graph(self) -> str:
        """TriG graph of statements that are not facts (proposals, announcements, predictions, reports)."""
        return f"{self.base}graph/claims"
