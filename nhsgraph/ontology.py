"""Generate the OWL ontology (``ontology/nhsgraph.ttl``) from the vocabulary.

The relation list lives in ``schema/vocabulary.yaml`` and the RDF mapping in
``schema/rdf.yaml``; the ontology is derived from them, never hand-edited, so the code
and the ontology cannot drift (a test checks the committed file is current).
Regenerate both ontology files with ``python -m nhsgraph.ontology`` (``--check`` to verify).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib

from nhsgraph.atomic import write_text
from nhsgraph.rdfterms import RdfTerms, rdf_terms, to_bytes
from nhsgraph.vocabulary import vocabulary

ONTOLOGY_DIR = Path("ontology")


class TripleBuilder:
    """Triples in the order added (deterministic), with stable blank-node ids for lists."""

    def __init__(self, terms: RdfTerms):
        self.terms = terms
        self.triples: list[ox.Triple] = []
        self._blank = 0

    def node(self, value: str) -> ox.NamedNode:
        return ox.NamedNode(self.terms.iri(value))

    def add(self, subject: str | ox.NamedNode | ox.BlankNode, predicate: str,
            obj: str | ox.NamedNode | ox.BlankNode | ox.Literal) -> None:
        s = self.node(subject) if isinstance(subject, str) else subject
        o = self.node(obj) if isinstance(obj, str) else obj
        self.triples.append(ox.Triple(s, self.node(predicate), o))

    def blank(self) -> ox.BlankNode:
        self._blank += 1
        return ox.BlankNode(f"b{self._blank}")

    def rdf_list(self, items: Iterable[str | ox.NamedNode | ox.BlankNode]) -> ox.NamedNode | ox.BlankNode:
        """An RDF collection of ``items`` (``rdf:nil`` when empty)."""
        items = list(items)
        head: ox.NamedNode | ox.BlankNode = self.node("rdf:nil")
        for item in reversed(items):
            cell = self.blank()
            self.add(cell, "rdf:first", item)
            self.add(cell, "rdf:rest", head)
            head = cell
        return head

    def described(self, subject: str, rdf_type: str, label: str, definition: str, defined_by: str) -> None:
        """A declared term: its type, an English label and definition, and where it is defined."""
        self.add(subject, "rdf:type", rdf_type)
        self.add(subject, "rdfs:label", ox.Literal(label, language="en"))
        self.add(subject, "skos:definition", ox.Literal(definition, language="en"))
        self.add(subject, "rdfs:isDefinedBy", ox.NamedNode(defined_by))

    def turtle(self, prefixes: dict[str, str]) -> str:
        """Readable, deterministic Turtle (subjects sorted, lists and blank nodes inline).

        These files are small and read by people, so rdflib's slower but prettier writer is
        the right tool here; large data exports go through pyoxigraph (see nhsgraph.rdfformats).
        """
        graph = rdflib.Graph(bind_namespaces="none")
        graph.parse(data=to_bytes(self.triples, ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
        for name, namespace in prefixes.items():
            graph.bind(name, namespace)
        return graph.serialize(format="turtle")


def inverse_curie(inverse_label: str) -> str:
    """``replaced by`` -> ``nhsg:replacedBy``: the IRI of a relation's inverse property."""
    words = re.findall(r"[A-Za-z0-9]+", inverse_label)
    return "nhsg:" + words[0].lower() + "".join(w.capitalize() for w in words[1:])


def namespace_of(iri: str) -> str:
    """The namespace an external term belongs to (everything up to the last ``#`` or ``/``)."""
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def ontology_triples() -> list[ox.Triple]:
    terms, vocab = rdf_terms(), vocabulary()
    b = TripleBuilder(terms)
    onto = terms.ontology_iri
    meta = terms.raw["ontology"]
    b.add(ox.NamedNode(onto), "rdf:type", "owl:Ontology")
    b.add(ox.NamedNode(onto), "rdfs:label", ox.Literal(meta["label"], language="en"))
    b.add(ox.NamedNode(onto), "skos:definition", ox.Literal(meta["definition"], language="en"))
    b.add(ox.NamedNode(onto), "vann:preferredNamespacePrefix", ox.Literal("nhsg"))
    b.add(ox.NamedNode(onto), "vann:preferredNamespaceUri", ox.Literal(terms.nhsg))

    # Classes: kinds in our namespace, our own classes, one class per change event.
    for kind in sorted(vocab.kinds.values(), key=lambda k: k.iri):
        if kind.iri.startswith("nhsg:"):
            b.described(kind.iri, "owl:Class", kind.label, kind.definition, onto)
    for curie, spec in sorted(terms.raw["classes"].items()):
        b.described(curie, "owl:Class", spec["label"], " ".join(spec["definition"].split()), onto)
        for parent in spec.get("subclass_of", ()):
            b.add(curie, "rdfs:subClassOf", parent)
    for event in sorted(terms.change_events.values(), key=lambda e: e.cls):
        b.described(event.cls, "owl:Class", event.label, event.definition, onto)
        b.add(event.cls, "rdfs:subClassOf", "org:ChangeEvent")

    # Relations, each with its inverse and the standard properties it specialises.
    for relation in sorted(vocab.relations.values(), key=lambda r: r.iri):
        b.described(relation.iri, "owl:ObjectProperty", relation.label, relation.definition, onto)
        b.add(relation.iri, "skos:notation", ox.Literal(relation.name))
        for kind_name in relation.subject_kinds:
            b.add(relation.iri, "schema:domainIncludes", vocab.kinds[kind_name].iri)
        for kind_name in relation.object_kinds:
            b.add(relation.iri, "schema:rangeIncludes", vocab.kinds[kind_name].iri)
        for equivalent in relation.equivalent:
            b.add(relation.iri, "rdfs:subPropertyOf", equivalent)
        inverse = inverse_curie(relation.inverse_label)
        b.described(inverse, "owl:ObjectProperty", relation.inverse_label,
                    f"Inverse of {relation.iri} ({relation.label}); not materialised in exports.", onto)
        b.add(inverse, "owl:inverseOf", relation.iri)

    # Our own properties.
    for curie, spec in sorted(terms.raw["properties"].items()):
        owl_type = "owl:ObjectProperty" if spec["kind"] == "object" else "owl:DatatypeProperty"
        b.described(curie, owl_type, spec["label"], spec["definition"], onto)
        if "range" in spec:
            b.add(curie, "rdfs:range", spec["range"])
        for parent in spec.get("subproperty_of", ()):
            b.add(curie, "rdfs:subPropertyOf", parent)

    # Concept schemes for the vocabulary's enumerations.
    for scheme, spec in sorted(terms.raw["concept_schemes"].items()):
        scheme_iri = terms.scheme_iri(scheme)
        b.described(spec["scheme"], "skos:ConceptScheme", spec["label"], spec["definition"], onto)
        for value, definition in sorted(terms.scheme_values(scheme).items()):
            concept = ox.NamedNode(terms.concept_iri(scheme, value))
            b.add(concept, "rdf:type", "skos:Concept")
            b.add(concept, "skos:inScheme", ox.NamedNode(scheme_iri))
            b.add(concept, "skos:prefLabel", ox.Literal(value.replace("_", " "), language="en"))
            b.add(concept, "rdfs:label", ox.Literal(value.replace("_", " "), language="en"))
            b.add(concept, "skos:definition", ox.Literal(definition, language="en"))
            b.add(concept, "skos:notation", ox.Literal(value))
            b.add(concept, "rdfs:isDefinedBy", ox.NamedNode(onto))

    # Standard terms we use, described where they come from.
    for curie, spec in sorted(terms.raw["external"].items()):
        b.described(curie, spec["type"], spec["label"], spec["definition"], namespace_of(terms.iri(curie)))
    return b.triples


def output_prefixes() -> dict[str, str]:
    terms = rdf_terms()
    return {name: terms.prefixes[name] for name in sorted(terms.prefixes) if name != "leg"}


def ontology_turtle() -> str:
    """The ontology as Turtle (deterministic)."""
    header = "# Generated from nhsgraph/schema/vocabulary.yaml and rdf.yaml by `python -m nhsgraph.ontology`; do not edit.\n"
    b = TripleBuilder(rdf_terms())
    b.triples = ontology_triples()
    return header + b.turtle(output_prefixes())


def shapes_turtle() -> str:
    from nhsgraph.shapes import shapes_turtle as generate

    return generate()


def generated_files() -> dict[str, str]:
    """File name (under ``ontology/``) -> generated text."""
    return {"nhsgraph.ttl": ontology_turtle(), "shapes.ttl": shapes_turtle()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nhsgraph.ontology", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ONTOLOGY_DIR, help="folder to write (default: ontology)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the files there are not current")
    args = parser.parse_args(argv)
    stale = []
    for name, text in generated_files().items():
        path = args.out / name
        current = path.read_text("utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            write_text(path, text)
            print(f"wrote {path}")
    if args.check and stale:
        print(f"out of date: {', '.join(map(str, stale))}; run python -m nhsgraph.ontology", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
