"""The ontology and SHACL shapes: generated from the vocabulary, current, complete, and enforced."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdf_fixtures import NHSG, REPO, rdf_dataset, rdf_export, rdf_folder  # noqa: F401
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from shape_sample import representative_triples

import nhsgraph
from nhsgraph import ontology
from nhsgraph.cli import main
from nhsgraph.model import ENTITY_MODELS
from nhsgraph.rdf import to_rdf
from nhsgraph.rdfterms import DEFAULT_BASE, rdf_terms
from nhsgraph.shacl import export_graph, validate_graph
from nhsgraph.vocabulary import vocabulary

BUILTIN = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#",
           "http://www.w3.org/2002/07/owl#", "http://www.w3.org/2001/XMLSchema#")


@pytest.fixture(scope="module")
def bundled_triples(bundled) -> list[ox.Triple]:
    return list(to_rdf(bundled).triples())


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(REPO / "ontology" / "nhsgraph.ttl", format="turtle")


def test_committed_ontology_and_shapes_are_current():
    for name, text in ontology.generated_files().items():
        committed = (REPO / "ontology" / name).read_text("utf-8")
        assert committed == text, f"ontology/{name} is stale: run python -m nhsgraph.ontology"


def test_regenerate_check_fails_on_a_stale_file(tmp_path, capsys):
    assert ontology.main(["--out", str(tmp_path)]) == 0
    assert ontology.main(["--out", str(tmp_path), "--check"]) == 0
    (tmp_path / "shapes.ttl").write_text("# edited by hand\n", encoding="utf-8")
    assert ontology.main(["--out", str(tmp_path), "--check"]) == 1
    assert "shapes.ttl" in capsys.readouterr().err


def test_every_declared_class_and_property_has_a_label_and_definition(onto):
    declared = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, SKOS.ConceptScheme):
        declared |= set(onto.subjects(RDF.type, kind))
    assert len(declared) > 50
    for term in declared:
        assert onto.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
        assert onto.value(term, SKOS.definition) is not None, f"{term} has no skos:definition"


def test_every_relation_and_change_event_of_the_vocabulary_is_in_the_ontology(onto):
    vocab, terms = vocabulary(), rdf_terms()
    for relation in vocab.relations.values():
        prop = rdflib.URIRef(terms.iri(relation.iri))
        assert (prop, RDF.type, OWL.ObjectProperty) in onto
        assert str(onto.value(prop, RDFS.label)) == relation.label
        inverse = rdflib.URIRef(terms.iri(ontology.inverse_curie(relation.inverse_label)))
        assert (inverse, OWL.inverseOf, prop) in onto
    events = {r.change_event for r in vocab.relations.values() if r.change_event}
    assert events <= set(terms.change_events), "a change_event in vocabulary.yaml has no class in rdf.yaml"
    for name in events:
        cls = rdflib.URIRef(terms.iri(terms.change_events[name].cls))
        assert (cls, RDFS.subClassOf, rdflib.URIRef("http://www.w3.org/ns/org#ChangeEvent")) in onto


def test_every_model_field_is_exported_or_accounted_for():
    terms = rdf_terms()
    handled_elsewhere = {"id", "sources", "org_type", "authors", "publisher", "proposed_by",
                         *terms.raw["act_identity_fields"]}
    for kind, model in ENTITY_MODELS.items():
        missing = set(model.model_fields) - set(terms.fields_for(kind)) - handled_elsewhere
        assert not missing, f"{kind} fields with no RDF mapping in schema/rdf.yaml: {sorted(missing)}"


def _used_terms(triples) -> set[str]:
    used = set()
    nhsg_objects = set()
    for t in triples:
        used.add(t.predicate.value)
        if t.predicate.value == str(RDF.type):
            used.add(t.object.value)
        elif isinstance(t.object, ox.NamedNode) and t.object.value.startswith(NHSG):
            nhsg_objects.add(t.object.value)
    return {u for u in used | nhsg_objects if not u.startswith(BUILTIN)}


def test_every_term_used_in_an_export_is_declared_in_the_ontology(onto, rdf_export, bundled_triples):
    declared = {str(s) for s in onto.subjects(RDF.type, None)}
    for triples in (rdf_export.triples(), bundled_triples):
        undeclared = _used_terms(triples) - declared
        assert not undeclared, f"used in the export but not declared: {sorted(undeclared)}"


def _rdflib(triples: list[ox.Triple]) -> rdflib.Graph:
    return rdflib.Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")


def test_shacl_passes_on_the_fixture_and_every_pattern_of_the_bundled_data(rdf_export, bundled_triples):
    # the bundled export through its shape sample (tests/shape_sample.py): every pattern of node
    # in it, pass or fail alike, in a tenth of the triples and pyshacl's time
    for graph in (export_graph(rdf_export), _rdflib(representative_triples(bundled_triples))):
        report = validate_graph(graph)
        assert report.conforms, report.text()


def test_shape_sample_still_fails_on_one_broken_node_among_hundreds_alike(bundled_triples):
    label, source = SKOS.prefLabel.toPython(), "http://www.w3.org/ns/prov#wasDerivedFrom"
    ccgs = sorted({t.subject for t in bundled_triples if t.subject.value.startswith(f"{DEFAULT_BASE}ods/ccg/")
                   and t.predicate.value == label}, key=str)
    facts = sorted({t.subject for t in bundled_triples if t.object == ox.NamedNode(f"{NHSG}status-fact")}, key=str)
    unlabelled, twice_labelled, unsourced = ccgs[len(ccgs) // 2], ccgs[len(ccgs) // 3], facts[len(facts) // 2]
    broken = [t for t in bundled_triples if not (t.subject == unlabelled and t.predicate.value == label)
              and not (t.subject == unsourced and t.predicate.value == source)]
    broken.append(ox.Triple(twice_labelled, ox.NamedNode(label), ox.Literal("A second name", language="en")))
    text = validate_graph(_rdflib(representative_triples(broken))).text()
    assert f"{unlabelled.value} skos:prefLabel: every organisation needs exactly one label" in text
    assert f"{twice_labelled.value} skos:prefLabel: every organisation needs exactly one label" in text
    assert f"{unsourced.value}: a fact statement needs at least one source" in text


def test_shacl_reports_a_missing_label_readably(rdf_export):
    graph = export_graph(rdf_export)
    body = rdflib.URIRef("https://w3id.org/nhsgraph/id/body-new")
    graph.remove((body, SKOS.prefLabel, None))
    report = validate_graph(graph)
    assert not report.conforms
    assert "https://w3id.org/nhsgraph/id/body-new skos:prefLabel: every organisation needs exactly one label" in report.text()


def test_shacl_reports_a_fact_without_source_and_a_wrong_kind_of_subject(rdf_export):
    graph = export_graph(rdf_export)
    nhsg = rdflib.Namespace(NHSG)
    fact = next(s for s in graph.subjects(nhsg.status, nhsg["status-fact"]))
    graph.remove((fact, rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
    document = rdflib.URIRef("https://w3id.org/nhsgraph/id/doc-a")
    graph.add((document, nhsg.replaces, rdflib.URIRef("https://w3id.org/nhsgraph/id/old-form")))
    text = validate_graph(graph).text()
    assert f"{fact}: a fact statement needs at least one source (prov:wasDerivedFrom)" in text
    assert "the subject of nhsg:replaces (replaces) must be one of: organisation, organisation type" in text


def test_export_with_shacl_flag_refuses_a_fact_without_a_source(write_data, tmp_path):
    # A fact awaiting review may be loaded without a source, but is not a valid export.
    folder = write_data({"st.yaml": """\
        statements:
          - subject: new-form
            relation: replaces
            object: old-form
            date: 2022-07-01
            review: pending
        """})
    nhsgraph.load(folder)  # loads cleanly
    out = tmp_path / "x.ttl"
    result = CliRunner().invoke(main, ["export", "--data", str(folder), "--shacl", "-o", str(out)])
    assert result.exit_code == 1
    assert "a fact statement needs at least one source" in result.output
    assert not out.exists()
