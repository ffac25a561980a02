"""Generate the SHACL shapes (``ontology/shapes.ttl``): what a valid nhsgraph export looks like.

Required labels per kind, the allowed subject and object classes of every relation (from
the vocabulary), statements with one status and a source on every fact, dates at a real
precision, change events with an end. Shapes have IRIs (``nhsgsh:``), so a validation
report names the rule that failed in words.
"""

from __future__ import annotations

import pyoxigraph as ox

from nhsgraph.ontology import TripleBuilder, output_prefixes
from nhsgraph.rdfterms import rdf_terms
from nhsgraph.vocabulary import vocabulary

DATE_TYPES = ("xsd:gYear", "xsd:gYearMonth", "xsd:date")


class ShapeBuilder(TripleBuilder):
    def shape(self, curie: str, message: str | None = None) -> str:
        self.add(curie, "rdf:type", "sh:NodeShape")
        if message:
            self.add(curie, "sh:message", ox.Literal(message, language="en"))
        return curie

    def prop(self, shape: str, path: str, *, min_count: int | None = None, max_count: int | None = None,
             datatype: str | None = None, dates: bool = False, iri: bool = False, cls: str | None = None,
             values: list[str] | None = None, message: str | None = None) -> None:
        """A property shape ``<shape>-<path>`` attached to ``shape``."""
        curie = f"{shape}-{path.replace(':', '-')}"
        self.add(shape, "sh:property", curie)
        self.add(curie, "rdf:type", "sh:PropertyShape")
        self.add(curie, "sh:path", path)
        if min_count is not None:
            self.add(curie, "sh:minCount", ox.Literal(str(min_count), datatype=self.node("xsd:integer")))
        if max_count is not None:
            self.add(curie, "sh:maxCount", ox.Literal(str(max_count), datatype=self.node("xsd:integer")))
        if datatype:
            self.add(curie, "sh:datatype", datatype)
        if dates:
            self.add(curie, "sh:or", self.alternatives("sh:datatype", DATE_TYPES))
        if iri:
            self.add(curie, "sh:nodeKind", "sh:IRI")
        if cls:
            self.add(curie, "sh:class", cls)
        if values is not None:
            self.add(curie, "sh:in", self.rdf_list(ox.NamedNode(v) for v in values))
        if message:
            self.add(curie, "sh:message", ox.Literal(message, language="en"))

    def alternatives(self, constraint: str, values: tuple[str, ...] | list[str]) -> ox.NamedNode | ox.BlankNode:
        """``( [constraint v1] [constraint v2] ... )`` for ``sh:or``."""
        members = []
        for value in values:
            member = self.blank()
            self.add(member, constraint, value)
            members.append(member)
        return self.rdf_list(members)


def shapes_triples() -> list[ox.Triple]:
    terms, vocab = rdf_terms(), vocabulary()
    b = ShapeBuilder(terms)
    b.add(ox.NamedNode(terms.iri("nhsgsh:")), "rdf:type", "owl:Ontology")
    b.add(ox.NamedNode(terms.iri("nhsgsh:")), "rdfs:label", ox.Literal("nhsgraph SHACL shapes", language="en"))

    for kind in vocab.kinds.values():
        name = "".join(w.capitalize() for w in kind.name.split("_"))
        shape = b.shape(f"nhsgsh:{name}")
        b.add(shape, "sh:targetClass", kind.iri)
        b.prop(shape, "skos:prefLabel", min_count=1, max_count=1,
               message=f"every {kind.label} needs exactly one label (skos:prefLabel)")
        b.prop(shape, "dcterms:identifier", max_count=1, datatype="xsd:string")
        dated = sorted({spec.properties[0] for spec in terms.fields_for(kind.name).values() if spec.kind == "date"})
        for path in dated:
            b.prop(shape, path, dates=True, message=f"{path} must be a date at year, month or day precision")

    statuses = [terms.concept_iri("statuses", s) for s in vocab.statuses]
    asserted = [terms.concept_iri("statuses", s) for s in sorted(vocab.asserted_statuses)]
    claims = [s for s in statuses if s not in asserted]
    st = b.shape("nhsgsh:Statement")
    b.add(st, "sh:targetClass", "nhsg:Statement")
    for path in ("rdf:subject", "rdf:object"):
        b.prop(st, path, min_count=1, max_count=1, iri=True)
    b.prop(st, "rdf:predicate", min_count=1, max_count=1,
           values=[terms.iri(r.iri) for r in vocab.relations.values()],
           message="rdf:predicate must be one of the nhsgraph relations")
    b.prop(st, "nhsg:status", min_count=1, max_count=1, values=statuses,
           message="every statement has exactly one status from nhsg:statuses")
    for path in ("dcterms:date", "schema:startDate", "schema:endDate"):
        b.prop(st, path, max_count=1, dates=True, message=f"{path} must be one date at year, month or day precision")
    b.prop(st, "prov:wasAttributedTo", iri=True)
    b.prop(st, "prov:wasDerivedFrom", iri=True)

    fact = b.shape("nhsgsh:FactHasSource", "a fact statement needs at least one source (prov:wasDerivedFrom)")
    b.add(fact, "sh:targetClass", "nhsg:Statement")
    b.add(fact, "sh:or", _either(b, ("prov:wasDerivedFrom", None), ("nhsg:status", claims)))
    claim = b.shape("nhsgsh:ClaimIsAttributed",
                    "a statement that is not a fact must say whose it is (prov:wasAttributedTo)")
    b.add(claim, "sh:targetClass", "nhsg:Statement")
    b.add(claim, "sh:or", _either(b, ("prov:wasAttributedTo", None), ("nhsg:status", asserted)))

    for relation in sorted(vocab.relations.values(), key=lambda r: r.name):
        for end, kinds, target in (("subject", relation.subject_kinds, "sh:targetSubjectsOf"),
                                   ("object", relation.object_kinds, "sh:targetObjectsOf")):
            allowed = ", ".join(vocab.kinds[k].label for k in kinds)
            shape = b.shape(f"nhsgsh:{relation.name}-{end}",
                            f"the {end} of {relation.iri} ({relation.label}) must be one of: {allowed}")
            b.add(shape, target, relation.iri)
            classes = sorted({vocab.kinds[k].iri for k in kinds})
            b.add(shape, "sh:or", b.alternatives("sh:class", classes))

    event = b.shape("nhsgsh:ChangeEvent", "a change event names the body or type it changed or produced")
    b.add(event, "sh:targetClass", "org:ChangeEvent")
    ends = ("org:originalOrganization", "org:resultingOrganization", "nhsg:originalType", "nhsg:resultingType")
    b.add(event, "sh:or", _either(b, *((path, None) for path in ends)))
    b.prop(event, "prov:startedAtTime", max_count=1, dates=True,
           message="prov:startedAtTime must be one date at year, month or day precision")
    b.prop(event, "org:originalOrganization", cls="org:FormalOrganization")
    b.prop(event, "org:resultingOrganization", cls="org:FormalOrganization")
    b.prop(event, "nhsg:legalBasis", cls="eli:LegalResource")

    citation = b.shape("nhsgsh:Citation")
    b.add(citation, "sh:targetClass", "nhsg:Citation")
    b.prop(citation, "dcterms:source", min_count=1, max_count=1, iri=True,
           message="a citation names exactly one source document")
    b.prop(citation, "nhsg:quote", max_count=1)
    return b.triples


def _either(b: ShapeBuilder, *options: tuple[str, list[str] | None]) -> ox.NamedNode | ox.BlankNode:
    """``sh:or`` members: ``(path, None)`` = the path has a value; ``(path, values)`` = its value is one of values."""
    members = []
    for path, values in options:
        member = b.blank()
        b.add(member, "sh:path", path)
        if values is None:
            b.add(member, "sh:minCount", ox.Literal("1", datatype=b.node("xsd:integer")))
        else:
            b.add(member, "sh:minCount", ox.Literal("1", datatype=b.node("xsd:integer")))
            b.add(member, "sh:in", b.rdf_list(ox.NamedNode(v) for v in values))
        members.append(member)
    return b.rdf_list(members)


def shapes_turtle() -> str:
    """The shapes as Turtle (deterministic)."""
    header = "# Generated from nhsgraph/schema/vocabulary.yaml and rdf.yaml by `python -m nhsgraph.ontology`; do not edit.\n"
    b = TripleBuilder(rdf_terms())
    b.triples = shapes_triples()
    return header + b.turtle(output_prefixes())
