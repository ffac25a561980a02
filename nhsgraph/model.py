"""The typed model: entities of six kinds and the statements that relate them.

Field names here are the curated YAML format (see ``data/README.md``). Shape is checked
here; cross-references, dates against each other and vocabulary rules are checked in
:mod:`nhsgraph.checks`, which needs the whole dataset.
"""

from __future__ import annotations

import hashlib
import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from nhsgraph.dates import PartialDate

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)*$", max_length=120)]
"""Stable ids: lower-case letters, digits and hyphens (``/`` allowed for namespaced reference ids)."""


_SHARED_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
_SHARED_IDS: set[int] = set()


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=False)

    def __setattr__(self, name: str, value: Any) -> None:
        # Copy on write: see share_fields_set. Pydantic adds the name to the fields set.
        if id(self.__pydantic_fields_set__) in _SHARED_IDS:
            object.__setattr__(self, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        super().__setattr__(name, value)


def share_fields_set(model: BaseModel) -> None:
    """Give ``model`` (and the models in its ``sources``) a fields set shared with its equals.

    Pydantic keeps, per instance, the set of field names given at creation: a set of six
    names costs 728 bytes, a quarter of a loaded statement's memory at a million statements
    (see benchmarks/README.md), yet the records of a dataset use a handful of distinct sets.
    The shared set is still a ``set`` with the same members; assigning a field copies it
    first (``_Strict.__setattr__``), so no instance ever sees another's changes.
    """
    names = model.__pydantic_fields_set__
    shared = _SHARED_FIELDS_SETS.get(frozenset(names))
    if shared is None:
        shared = _SHARED_FIELDS_SETS[frozenset(names)] = set(names)
        _SHARED_IDS.add(id(shared))
    object.__setattr__(model, "__pydantic_fields_set__", shared)
    for source in getattr(model, "sources", ()):
        if isinstance(source, BaseModel):
            share_fields_set(source)


class SourceRef(_Strict):
    """Where a fact comes from: a document id, and a verbatim quote of at most one sentence.

    Frozen, so that records citing the same source can share one object
    (``Dataset.from_records``): the rows of a reference file cite their row many times.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    document: Slug
    quote: str | None = None
    locator: str | None = Field(default=None, description="Section, page or paragraph.")

    @model_validator(mode="before")
    @classmethod
    def _from_id(cls, value: Any) -> Any:
        # `sources: [hsca-2012]` is shorthand for `sources: [{document: hsca-2012}]`.
        return {"document": value} if isinstance(value, str) else value


class Entity(_Strict):
    """Fields every kind has."""

    kind: ClassVar[str]
    id: Slug
    label: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    description: str | None = None
    sources: list[SourceRef] = Field(default_factory=list)
    notes: str | None = None

    def names(self) -> list[str]:
        """Every name this entity answers to: id, label and aliases."""
        return [self.id, self.label, *self.aliases]


class Organisation(Entity):
    kind: ClassVar[str] = "organisation"
    org_type: Slug | None = None
    sector: str = "nhs"
    ods_code: str | None = None
    ons_code: str | None = None
    established: PartialDate | None = None
    dissolved: PartialDate | None = Field(
        default=None, description="First day the body no longer existed (the day its abolition took effect)."
    )
    url: str | None = None


class OrgType(Entity):
    kind: ClassVar[str] = "org_type"
    established: PartialDate | None = None
    dissolved: PartialDate | None = None
    proposed_only: bool = Field(default=False, description="A form that was proposed but never created.")
    statutory: bool | None = None
    level: Literal["national", "regional", "system", "local", "place", "neighbourhood"] | None = None


class Act(Entity):
    kind: ClassVar[str] = "act"
    legislation_type: str = "ukpga"
    year: int
    chapter: int | None = Field(default=None, description="Chapter number of an Act (c. 7 → 7).")
    number: int | None = Field(default=None, description="Number of a statutory instrument.")
    url: str | None = None
    royal_assent: PartialDate | None = None
    made: PartialDate | None = Field(default=None, description="Date a statutory instrument was made.")

    @property
    def legislation_id(self) -> str | None:
        """The legislation.gov.uk id IRI, e.g. http://www.legislation.gov.uk/id/ukpga/2012/7."""
        number = self.chapter if self.chapter is not None else self.number
        if number is None:
            return None
        return f"http://www.legislation.gov.uk/id/{self.legislation_type}/{self.year}/{number}"


class Proposal(Entity):
    kind: ClassVar[str] = "proposal"
    proposed_by: list[Slug] = Field(default_factory=list)
    date: PartialDate | None = None
    document: Slug | None = None
    status: str = "proposed"
    outcome_by: Slug | None = Field(default=None, description="The Act, order, document or body that decided it.")
    outcome_date: PartialDate | None = None
    outcome: str | None = None


class Document(Entity):
    kind: ClassVar[str] = "document"
    document_type: str = "report"
    publisher: Slug | None = None
    authors: list[Slug] = Field(default_factory=list)
    date: PartialDate | None = None
    url: str | None = None


class Person(Entity):
    kind: ClassVar[str] = "person"
    roles: list[str] = Field(default_factory=list, description="Short descriptions, e.g. 'Chief executive of NHS England (2014-2021)'.")


ENTITY_MODELS: dict[str, type[Entity]] = {
    m.kind: m for m in (Organisation, OrgType, Act, Proposal, Document, Person)
}


class Extraction(_Strict):
    """Where an extracted claim came from in an article (set by ``nhsgraph extract``)."""

    sentence: str
    start: int
    end: int
    cue: str | None = None
    confidence: float | None = None


class Statement(_Strict):
    """A typed, dated, sourced statement: ``subject relation object``.

    ``status`` says whether it happened (``fact``) or is someone's proposal, announcement
    or prediction; anything but a fact names whose it is in ``attributed_to``.
    """

    id: Slug | None = None
    subject: Slug
    relation: str
    object: Slug
    date: PartialDate | None = None
    from_: PartialDate | None = Field(default=None, alias="from")
    until: PartialDate | None = None
    status: str = "fact"
    attributed_to: list[Slug] = Field(default_factory=list)
    by: Slug | None = None
    sources: list[SourceRef] = Field(default_factory=list)
    note: str | None = None
    review: Literal["pending", "accepted", "rejected"] | None = None
    extraction: Extraction | None = None
    derived_from: str | None = Field(
        default=None, description="Set on statements the loader derives from entity fields (e.g. org_type)."
    )

    @field_validator("attributed_to", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    KEY_FIELDS: ClassVar[tuple[str, ...]] = ("subject", "relation", "object", "date", "from_", "until", "status", "attributed_to", "by")

    def content_id(self) -> str:
        """A deterministic id from the statement's key fields: rebuilding unchanged data gives the same ids."""
        parts = []
        for name in self.KEY_FIELDS:
            value = getattr(self, name)
            parts.append(",".join(value) if isinstance(value, list) else ("" if value is None else str(value)))
        digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
        return f"st-{digest}"

    @property
    def when(self) -> PartialDate | None:
        """The date the statement took effect: ``date``, else ``from``."""
        return self.date or self.from_


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Sir|Rt|Hon|Co|Ltd|Inc|vs?|cf|ie|eg|etc|al|Sec|para|paras|pp?|ch|cl|art|reg|Sch)|\b[A-Z]|\b(?:i\.e|e\.g))$",
    re.IGNORECASE,
)


def sentence_count(text: str) -> int:
    """Count sentences in ``text``, ignoring common abbreviations (Dr., s. 1, e.g.)."""
    count = 1
    text = text.strip()
    for match in _SENTENCE_END.finditer(text):
        # Abbreviations are short: look at the last few characters only, so a long
        # quote costs linear, not quadratic, time.
        before = text[max(0, match.start() - 16): match.start()]
        if _ABBREVIATIONS.search(before):
            continue
        count += 1
    return count
