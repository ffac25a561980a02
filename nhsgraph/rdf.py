"""Dataset -> RDF: entities, plain edges for facts, statements as resources, change events.

Triples are produced once, in a deterministic order (entities by id, then statements by
id; each subject's triples together), and serialised by pyoxigraph, which is two orders
of magnitude faster than rdflib's Turtle writer on large graphs (see benchmarks/). The
same data therefore gives byte-identical files, and diffs in git mean something.

Only statements whose status is asserted (``fact``) become plain edges (``a nhsg:replaces b``);
every curated statement is also a ``nhsg:Statement`` resource carrying status, attribution,
dates and sources, so a proposal is never indistinguishable from something that happened.
In TriG, non-fact statements sit in their own named graph (``<base>graph/claims``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from nhsgraph.dates import PartialDate
from nhsgraph.model import Act, Entity, Organisation, SourceRef, Statement
from nhsgraph.rdfterms import DEFAULT_BASE, FieldSpec, Minter, RdfTerms, rdf_terms
from nhsgraph.vocabulary import vocabulary

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DATE_TYPES = {"year": XSD + "gYear", "month": XSD + "gYearMonth", "day": XSD + "date"}


@dataclass
class RdfExport:
    """The triples of one export: ``asserted`` (entities, facts) and ``claims`` (non-fact statements)."""

    asserted: list[ox.Triple] = field(default_factory=list)
    claims: list[ox.Triple] = field(default_factory=list)
    minter: Minter = field(default_factory=Minter)

    def triples(self) -> Iterator[ox.Triple]:
        yield from self.asserted
        yield from self.claims

    def quads(self) -> Iterator[ox.Quad]:
        for triples, graph in ((self.asserted, self.minter.asserted_graph), (self.claims, self.minter.claims_graph)):
            name = ox.NamedNode(graph)
            for t in triples:
                yield ox.Quad(t.subject, t.predicate, t.object, name)

    def __len__(self) -> int:
        return len(self.asserted) + len(self.claims)


class _Node:
    """Collects one subject's triples, without duplicates, in the order they were added."""

    __slots__ = ("pairs", "subject")

    def __init__(self, subject: ox.NamedNode):
        self.subject = subject
        self.pairs: dict[tuple[ox.NamedNode, ox.NamedNode | ox.Literal], None] = {}

    def add(self, predicate: ox.NamedNode, obj: ox.NamedNode | ox.Literal | None) -> None:
        if obj is not None:
            self.pairs[(predicate, obj)] = None

    def triples(self) -> Iterator[ox.Triple]:
        for predicate, obj in self.pairs:
            yield ox.Triple(self.subject, predicate, obj)


def date_literal(date: PartialDate) -> ox.Literal:
    """A date at its real precision: xsd:gYear, xsd:gYearMonth or xsd:date."""
    return ox.Literal(str(date), datatype=ox.NamedNode(DATE_TYPES[date.precision]))


class _Exporter:
    def __init__(self, dataset: Dataset, minter: Minter):
        self.dataset = dataset
        self.minter = minter
        self.terms: RdfTerms = rdf_terms()
        self.vocab = vocabulary()
        self._iris: dict[str, ox.NamedNode] = {}
        self.out = RdfExport(minter=minter)
        # Triples whose subject is an entity, but which come from statements (plain edges, event links).
        self.extra: dict[str, list[tuple[ox.NamedNode, ox.NamedNode]]] = {}

    # -- terms ----------------------------------------------------------------
    def t(self, curie: str) -> ox.NamedNode:
        node = self._iris.get(curie)
        if node is None:
            node = self._iris[curie] = ox.NamedNode(self.terms.iri(curie))
        return node

    def entity(self, entity_id: str) -> ox.NamedNode:
        key = "@" + entity_id
        node = self._iris.get(key)
        if node is None:
            entity = self.dataset.entities.get(entity_id)
            legislation = entity.legislation_id if isinstance(entity, Act) else None
            node = self._iris[key] = ox.NamedNode(self.minter.entity(entity_id, legislation))
        return node

    def kind_of(self, entity_id: str) -> str | None:
        entity = self.dataset.entities.get(entity_id)
        return entity.kind if entity else None

    def value(self, spec: FieldSpec, value: object) -> ox.NamedNode | ox.Literal:
        kind = spec.kind
        if kind == "date":
            assert isinstance(value, PartialDate)
            return date_literal(value)
        if kind == "en":
            return ox.Literal(str(value), language="en")
        if kind == "boolean":
            return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
        if kind == "entity":
            return self.entity(str(value))
        if kind == "url":
            try:
                return ox.NamedNode(str(value))
            except ValueError:  # not a valid IRI: keep the text rather than drop it
                return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "anyURI"))
        if kind.startswith("concept:"):
            return ox.NamedNode(self.terms.concept_iri(kind.partition(":")[2], str(value)))
        return ox.Literal(str(value))

    # -- the export -------------------------------------------------------------
    def run(self) -> RdfExport:
        statements = sorted(self.dataset.statements, key=lambda s: s.id or s.content_id())
        asserted = self.vocab.asserted_statuses
        type_events = self._type_events(statements, asserted)
        statement_nodes: list[tuple[bool, list[_Node]]] = []
        for st in statements:
            is_fact = st.status in asserted
            if is_fact:
                self._plain_edge(st)
            if st.derived_from:
                continue  # provenance of derived edges is the entity's own sources
            nodes = self._statement(st)
            if is_fact and self.vocab.relations[st.relation].change_event:
                nodes.append(self._event(st, type_events))
            statement_nodes.append((is_fact, nodes))
        self.out.asserted.extend(self._org_type_scheme().triples())
        for entity in sorted(self.dataset.entities.values(), key=lambda e: e.id):
            for node in self._entity(entity):
                self.out.asserted.extend(node.triples())
        for is_fact, nodes in statement_nodes:
            target = self.out.asserted if is_fact else self.out.claims
            for node in nodes:
                target.extend(node.triples())
        return self.out

    def _org_type_scheme(self) -> _Node:
        node = _Node(ox.NamedNode(self.minter.org_type_scheme))
        node.add(self.t("rdf:type"), self.t("skos:ConceptScheme"))
        node.add(self.t("skos:prefLabel"), ox.Literal("NHS organisation types", language="en"))
        node.add(self.t("rdfs:label"), ox.Literal("NHS organisation types", language="en"))
        return node

    def _entity(self, entity: Entity) -> list[_Node]:
        node = _Node(self.entity(entity.id))
        node.add(self.t("rdf:type"), self.t(self.vocab.kinds[entity.kind].iri))
        if entity.kind == "org_type":
            node.add(self.t("skos:inScheme"), ox.NamedNode(self.minter.org_type_scheme))
        node.add(self.t("dcterms:identifier"), ox.Literal(entity.id))
        for name, spec in self.terms.fields_for(entity.kind).items():
            raw = getattr(entity, name)
            for item in raw if isinstance(raw, list) else [raw]:
                if item is None:
                    continue
                value = self.value(spec, item)
                for prop in spec.properties:
                    node.add(self.t(prop), value)
        citations = self._sources(node, entity.sources, "dcterms:source",
                                  lambda i: self.minter.entity_citation(entity.id, i))
        for predicate, obj in self.extra.get(entity.id, ()):
            node.add(predicate, obj)
        return [node, *citations]

    def _sources(self, node: _Node, sources: list[SourceRef], link: str, citation_iri: object) -> list[_Node]:
        """Link each source document; a quote or locator gets its own nhsg:Citation resource."""
        citations = []
        for index, source in enumerate(sources):
            node.add(self.t(link), self.entity(source.document))
            if source.quote is None and source.locator is None:
                continue
            cite = _Node(ox.NamedNode(citation_iri(index)))  # type: ignore[operator]
            cite.add(self.t("rdf:type"), self.t("nhsg:Citation"))
            cite.add(self.t("dcterms:source"), self.entity(source.document))
            if source.quote is not None:
                cite.add(self.t("nhsg:quote"), ox.Literal(source.quote, language="en"))
            if source.locator is not None:
                cite.add(self.t("nhsg:locator"), ox.Literal(source.locator))
            node.add(self.t("nhsg:citation"), cite.subject)
            citations.append(cite)
        return citations

    def _link(self, entity_id: str, predicate: ox.NamedNode, obj: ox.NamedNode) -> None:
        self.extra.setdefault(entity_id, []).append((predicate, obj))

    def _plain_edge(self, st: Statement) -> None:
        """The asserted edge of a fact, plus the standard property it specialises.

        Standard vocabularies (ORG, ELI) relate bodies and Acts, not organisation types, so
        a type-level edge keeps only our own property (except org:classification, whose
        object is a type by definition).
        """
        relation = self.vocab.relations[st.relation]
        self._link(st.subject, self.t(relation.iri), self.entity(st.object))
        if self.kind_of(st.subject) != "org_type":
            for equivalent in relation.equivalent:
                self._link(st.subject, self.t(equivalent), self.entity(st.object))

    def _label(self, st: Statement) -> ox.Literal:
        relation = self.vocab.relations[st.relation]
        when = st.when.human() if st.when else None
        detail = ", ".join(x for x in (st.status, when) if x)
        text = f"{self.dataset.label(st.subject)} {relation.label} {self.dataset.label(st.object)} ({detail})"
        return ox.Literal(text, language="en")

    def _statement(self, st: Statement) -> list[_Node]:
        sid = st.id or st.content_id()
        node = _Node(ox.NamedNode(self.minter.statement(sid)))
        node.add(self.t("rdf:type"), self.t("nhsg:Statement"))
        node.add(self.t("rdf:type"), self.t("rdf:Statement"))
        node.add(self.t("rdfs:label"), self._label(st))
        node.add(self.t("dcterms:identifier"), ox.Literal(sid))
        node.add(self.t("rdf:subject"), self.entity(st.subject))
        node.add(self.t("rdf:predicate"), self.t(self.vocab.relations[st.relation].iri))
        node.add(self.t("rdf:object"), self.entity(st.object))
        node.add(self.t("nhsg:status"), ox.NamedNode(self.terms.concept_iri("statuses", st.status)))
        if st.date:
            node.add(self.t("dcterms:date"), date_literal(st.date))
        if st.from_:
            node.add(self.t("schema:startDate"), date_literal(st.from_))
        if st.until:
            node.add(self.t("schema:endDate"), date_literal(st.until))
        for party in st.attributed_to:
            node.add(self.t("prov:wasAttributedTo"), self.entity(party))
        if st.by:
            node.add(self.t("nhsg:by"), self.entity(st.by))
        if st.note:
            node.add(self.t("skos:note"), ox.Literal(st.note, language="en"))
        citations = self._sources(node, st.sources, "prov:wasDerivedFrom",
                                  lambda i: self.minter.statement_citation(sid, i))
        if st.status in self.vocab.asserted_statuses and self.vocab.relations[st.relation].change_event:
            node.add(self.t("nhsg:changeEvent"), ox.NamedNode(self.minter.event(sid)))
        return [node, *citations]

    def _roles(self, st: Statement) -> dict[str, str]:
        spec = self.terms.change_events[self.vocab.relations[st.relation].change_event or ""]
        return {role: getattr(st, end) for role, end in spec.roles.items()}

    def _type_events(self, statements: list[Statement], asserted: frozenset[str]) -> list[tuple[dict[str, str], Statement]]:
        """Fact change events whose original/resulting ends are organisation types."""
        found = []
        for st in statements:
            if st.status in asserted and self.vocab.relations[st.relation].change_event and not st.derived_from:
                roles = self._roles(st)
                if any(self.kind_of(roles[r]) == "org_type" for r in ("original", "resulting") if r in roles):
                    found.append((roles, st))
        return found

    def _event(self, st: Statement, type_events: list[tuple[dict[str, str], Statement]]) -> _Node:
        sid = st.id or st.content_id()
        spec = self.terms.change_events[self.vocab.relations[st.relation].change_event or ""]
        node = _Node(ox.NamedNode(self.minter.event(sid)))
        node.add(self.t("rdf:type"), self.t(spec.cls))
        node.add(self.t("rdf:type"), self.t("org:ChangeEvent"))
        roles = self._roles(st)
        ends: dict[str, str] = {r: roles[r] for r in ("original", "resulting") if r in roles}
        if any(self.kind_of(e) == "org_type" for e in ends.values()):
            node.add(self.t("rdf:type"), self.t("nhsg:TypeChange"))
        node.add(self.t("rdfs:label"), ox.Literal(f"{spec.label}: {self._label(st).value}", language="en"))
        for role, entity_id in ends.items():
            if self.kind_of(entity_id) == "org_type":
                node.add(self.t(f"nhsg:{role}Type"), self.entity(entity_id))
            else:
                node.add(self.t(f"org:{role}Organization"), self.entity(entity_id))
                self._link(entity_id, self.t("org:changedBy" if role == "original" else "org:resultedFrom"), node.subject)
        if len(ends) == 2 and all(self.kind_of(e) == "organisation" for e in ends.values()):
            self._link(ends["resulting"], self.t("prov:wasDerivedFrom"), self.entity(ends["original"]))
        if st.when:
            node.add(self.t("prov:startedAtTime"), date_literal(st.when))
        for agent in (roles.get("agent"), st.by):
            if agent is None:
                continue
            is_act = self.kind_of(agent) == "act"
            node.add(self.t("nhsg:legalBasis" if is_act else "nhsg:by"), self.entity(agent))
        for type_roles, type_st in type_events:
            if type_st is not st and self._within(st, ends, type_roles, type_st):
                node.add(self.t("nhsg:partOfChange"), ox.NamedNode(self.minter.event(type_st.id or type_st.content_id())))
        return node

    def _within(self, st: Statement, ends: dict[str, str], type_roles: dict[str, str], type_st: Statement) -> bool:
        """Is this change to single bodies part of a change to their organisation types?"""
        matched = False
        for role, entity_id in ends.items():
            body = self.dataset.entities.get(entity_id)
            if not isinstance(body, Organisation) or body.org_type is None:
                return False
            if role in type_roles:
                if type_roles[role] != body.org_type:
                    return False
                matched = True
        if not matched:
            return False
        if st.when and type_st.when:
            return st.when.earliest <= type_st.when.latest and type_st.when.earliest <= st.when.latest
        return True


def to_rdf(dataset: Dataset, base: str | None = None) -> RdfExport:
    """The dataset as RDF triples (deterministic order) under ``base`` (default https://w3id.org/nhsgraph/id/)."""
    return _Exporter(dataset, Minter(base or DEFAULT_BASE)).run()
