"""Dataset -> RDF: entities, plain edges for facts, statements as resources, change events.

Triples are produced once, as N-Triples lines (:mod:`nhsgraph.ntriples`) in a deterministic
order (entities by id, then statements by id; each subject's triples together), and
pyoxigraph writes the other syntaxes from them, far faster than rdflib's Turtle writer on
large graphs (see benchmarks/). The same data gives byte-identical files, so diffs in git
mean something.

Only statements whose status is asserted (``fact``) become plain edges (``a nhsg:replaces b``);
every curated statement is also a ``nhsg:Statement`` resource carrying status, attribution,
dates and sources, so a proposal is never indistinguishable from something that happened.
In TriG, non-fact statements sit in their own named graph (``<base>graph/claims``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pyoxigraph as ox

from nhsgraph.dates import PartialDate
from nhsgraph.model import Act, Entity, Organisation, SourceRef, Statement
from nhsgraph.ntriples import XSD, LineBuffer, Node, RdfExport, date_literal, en, literal
from nhsgraph.rdfterms import DEFAULT_BASE, FieldSpec, Minter, RdfTerms, rdf_terms
from nhsgraph.vocabulary import vocabulary

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset


class _TermTable(dict[str, str]):
    """``table["skos:prefLabel"]`` -> ``"<http://www.w3.org/2004/02/skos/core#prefLabel>"``, filled on first use."""

    def __init__(self, terms: RdfTerms):
        super().__init__()
        self.terms = terms

    def __missing__(self, curie: str) -> str:
        value = self[curie] = f"<{self.terms.iri(curie)}>"
        return value


class _Exporter:
    def __init__(self, dataset: Dataset, minter: Minter):
        self.dataset = dataset
        self.minter = minter
        self.terms: RdfTerms = rdf_terms()
        self.vocab = vocabulary()
        self._iris: dict[str, str] = {}
        self.T = _TermTable(self.terms)  # curie -> "<iri>", a plain subscription on the hot path
        self.out = RdfExport(minter=minter)
        self.kinds = {entity_id: entity.kind for entity_id, entity in dataset.entities.items()}
        self._labels: dict[int, str] = {}
        self._field_cache: dict[str, list[tuple[str, FieldSpec, tuple[str, ...]]]] = {}
        # Triples whose subject is an entity, but which come from statements (plain edges, event links):
        # predicate, object, predicate, object... in one flat list per entity, because a tuple per pair
        # cost 64 bytes for each of ~2.5 million pairs at a million statements.
        self.extra: dict[str, list[str]] = {}

    # -- terms ----------------------------------------------------------------
    def t(self, curie: str) -> str:
        """A vocabulary term as an N-Triples IRI (``<...>``)."""
        return self.T[curie]

    def entity(self, entity_id: str) -> str:
        key = "@" + entity_id
        node = self._iris.get(key)
        if node is None:
            entity = self.dataset.entities.get(entity_id)
            legislation = entity.legislation_id if isinstance(entity, Act) else None
            node = self._iris[key] = f"<{self.minter.entity(entity_id, legislation)}>"
        return node

    def _fields(self, kind: str) -> list[tuple[str, FieldSpec, tuple[str, ...]]]:
        """The mapped fields of a kind, with their predicates resolved (once per kind, not per entity)."""
        cached = self._field_cache.get(kind)
        if cached is None:
            cached = self._field_cache[kind] = [
                (name, spec, tuple(self.t(p) for p in spec.properties))
                for name, spec in self.terms.fields_for(kind).items()
            ]
        return cached

    def kind_of(self, entity_id: str) -> str | None:
        return self.kinds.get(entity_id)

    def value(self, spec: FieldSpec, value: object) -> str:
        kind = spec.kind
        if kind == "date":
            assert isinstance(value, PartialDate)
            return date_literal(value)
        if kind == "en":
            return en(str(value))
        if kind == "boolean":
            return literal("true" if value else "false", datatype=XSD + "boolean")
        if kind == "entity":
            return self.entity(str(value))
        if kind == "url":
            try:
                return f"<{ox.NamedNode(str(value)).value}>"  # validated: data URLs are typed by hand
            except ValueError:  # not a valid IRI: keep the text rather than drop it
                return literal(str(value), datatype=XSD + "anyURI")
        if kind.startswith("concept:"):
            return f"<{self.terms.concept_iri(kind.partition(':')[2], str(value))}>"
        return literal(str(value))

    # -- the export -------------------------------------------------------------
    def run(self) -> RdfExport:
        """Map the dataset; each node's lines go to a compressed buffer as soon as it is made.

        Entities come first in the output but collect edges from the statements (plain
        edges, event links), so statements are mapped first, into a buffer of their own.
        Holding every statement's nodes until the entities were written took about 1.2 GB
        per 100k statements (see benchmarks/README.md).
        """
        statements = sorted(self.dataset.statements, key=lambda s: s.id or s.content_id())
        asserted = self.vocab.asserted_statuses
        type_events = self._type_events(statements, asserted)
        facts = LineBuffer()
        for st in statements:
            is_fact = st.status in asserted
            if is_fact:
                self._plain_edge(st)
            if st.derived_from:
                continue  # provenance of derived edges is the entity's own sources
            nodes = self._statement(st)
            if is_fact and self.vocab.relations[st.relation].change_event:
                nodes.append(self._event(st, type_events))
            target = facts if is_fact else self.out.claims
            for node in nodes:
                target.extend(node.lines())
            self._labels.clear()  # a label serves its own statement's nodes only
        self.out.asserted.extend(self._org_type_scheme().lines())
        for entity in sorted(self.dataset.entities.values(), key=lambda e: e.id):
            for node in self._entity(entity):
                self.out.asserted.extend(node.lines())
            self.extra.pop(entity.id, None)
        self.out.asserted.absorb(facts)
        return self.out

    def _org_type_scheme(self) -> Node:
        node = Node(f"<{self.minter.org_type_scheme}>")
        node.add(self.T["rdf:type"], self.T["skos:ConceptScheme"])
        node.add(self.T["skos:prefLabel"], en("NHS organisation types"))
        node.add(self.T["rdfs:label"], en("NHS organisation types"))
        return node

    def _entity(self, entity: Entity) -> list[Node]:
        node = Node(self.entity(entity.id))
        node.add(self.T["rdf:type"], self.t(self.vocab.kinds[entity.kind].iri))
        if entity.kind == "org_type":
            node.add(self.T["skos:inScheme"], f"<{self.minter.org_type_scheme}>")
        node.add(self.T["dcterms:identifier"], literal(entity.id))
        for name, spec, predicates in self._fields(entity.kind):
            raw = getattr(entity, name)
            if raw is None or raw == []:
                continue
            for item in raw if isinstance(raw, list) else (raw,):
                value = self.value(spec, item)
                for predicate in predicates:
                    node.add(predicate, value)
        citations = self._sources(node, entity.sources, "dcterms:source",
                                  lambda i: self.minter.entity_citation(entity.id, i))
        extra = iter(self.extra.get(entity.id, ()))
        for predicate, obj in zip(extra, extra):
            node.add(predicate, obj)
        return [node, *citations]

    def _sources(self, node: Node, sources: list[SourceRef], link: str,
                 citation_iri: Callable[[int], str]) -> list[Node]:
        """Link each source document; a quote or locator gets its own nhsg:Citation resource."""
        citations = []
        for index, source in enumerate(sources):
            node.add(self.t(link), self.entity(source.document))
            if source.quote is None and source.locator is None:
                continue
            cite = Node(f"<{citation_iri(index)}>")
            cite.add(self.T["rdf:type"], self.T["nhsg:Citation"])
            cite.add(self.T["dcterms:source"], self.entity(source.document))
            if source.quote is not None:
                cite.add(self.T["nhsg:quote"], en(source.quote))
            if source.locator is not None:
                cite.add(self.T["nhsg:locator"], literal(source.locator))
            node.add(self.T["nhsg:citation"], cite.subject)
            citations.append(cite)
        return citations

    def _link(self, entity_id: str, predicate: str, obj: str) -> None:
        self.extra.setdefault(entity_id, []).extend((predicate, obj))

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

    def _label(self, st: Statement) -> str:
        """``A replaces B (fact, 1 July 2022)``, computed once per statement."""
        cached = self._labels.get(id(st))
        if cached is None:
            cached = self._labels[id(st)] = self._make_label(st)
        return cached

    def _make_label(self, st: Statement) -> str:
        relation = self.vocab.relations[st.relation]
        when = st.when.human() if st.when else None
        detail = ", ".join(x for x in (st.status, when) if x)
        return f"{self.dataset.label(st.subject)} {relation.label} {self.dataset.label(st.object)} ({detail})"

    def _statement(self, st: Statement) -> list[Node]:
        sid = st.id or st.content_id()
        node = Node(f"<{self.minter.statement(sid)}>")
        node.add(self.T["rdf:type"], self.T["nhsg:Statement"])
        node.add(self.T["rdf:type"], self.T["rdf:Statement"])
        node.add(self.T["rdfs:label"], en(self._label(st)))
        node.add(self.T["dcterms:identifier"], literal(sid))
        node.add(self.T["rdf:subject"], self.entity(st.subject))
        node.add(self.T["rdf:predicate"], self.t(self.vocab.relations[st.relation].iri))
        node.add(self.T["rdf:object"], self.entity(st.object))
        node.add(self.T["nhsg:status"], f"<{self.terms.concept_iri('statuses', st.status)}>")
        if st.date:
            node.add(self.T["dcterms:date"], date_literal(st.date))
        if st.from_:
            node.add(self.T["schema:startDate"], date_literal(st.from_))
        if st.until:
            node.add(self.T["schema:endDate"], date_literal(st.until))
        for party in st.attributed_to:
            node.add(self.T["prov:wasAttributedTo"], self.entity(party))
        if st.by:
            node.add(self.T["nhsg:by"], self.entity(st.by))
        if st.note:
            node.add(self.T["skos:note"], en(st.note))
        citations = self._sources(node, st.sources, "prov:wasDerivedFrom",
                                  lambda i: self.minter.statement_citation(sid, i))
        if st.status in self.vocab.asserted_statuses and self.vocab.relations[st.relation].change_event:
            node.add(self.T["nhsg:changeEvent"], f"<{self.minter.event(sid)}>")
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

    def _event(self, st: Statement, type_events: list[tuple[dict[str, str], Statement]]) -> Node:
        sid = st.id or st.content_id()
        spec = self.terms.change_events[self.vocab.relations[st.relation].change_event or ""]
        node = Node(f"<{self.minter.event(sid)}>")
        node.add(self.T["rdf:type"], self.t(spec.cls))
        node.add(self.T["rdf:type"], self.T["org:ChangeEvent"])
        roles = self._roles(st)
        ends: dict[str, str] = {r: roles[r] for r in ("original", "resulting") if r in roles}
        if any(self.kind_of(e) == "org_type" for e in ends.values()):
            node.add(self.T["rdf:type"], self.T["nhsg:TypeChange"])
        node.add(self.T["rdfs:label"], en(f"{spec.label}: {self._label(st)}"))
        for role, entity_id in ends.items():
            if self.kind_of(entity_id) == "org_type":
                node.add(self.t(f"nhsg:{role}Type"), self.entity(entity_id))
            else:
                node.add(self.t(f"org:{role}Organization"), self.entity(entity_id))
                self._link(entity_id, self.t("org:changedBy" if role == "original" else "org:resultedFrom"), node.subject)
        if len(ends) == 2 and all(self.kind_of(e) == "organisation" for e in ends.values()):
            self._link(ends["resulting"], self.T["prov:wasDerivedFrom"], self.entity(ends["original"]))
        if st.when:
            node.add(self.T["prov:startedAtTime"], date_literal(st.when))
        for agent in (roles.get("agent"), st.by):
            if agent is None:
                continue
            is_act = self.kind_of(agent) == "act"
            node.add(self.t("nhsg:legalBasis" if is_act else "nhsg:by"), self.entity(agent))
        for type_roles, type_st in type_events:
            if type_st is not st and self._within(st, ends, type_roles, type_st):
                node.add(self.T["nhsg:partOfChange"], f"<{self.minter.event(type_st.id or type_st.content_id())}>")
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
