"""RDF exports: every format parses back with the same triples, output is deterministic, and the
mapping keeps meaning: facts as plain edges, proposals only as attributed statements, change events
pointing the right way, dates at their real precision, Acts at their legislation.gov.uk IRIs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rdf_fixtures import ACT_IRI, NHSG, ORG, PROV, RDF_DATA, XSD, ask, iri, rdf_dataset, rdf_export, rdf_folder  # noqa: F401

import nhsgraph
from nhsgraph.build import build
from nhsgraph.cli import main
from nhsgraph.ntriples import literal
from nhsgraph.rdf import to_rdf
from nhsgraph.rdfformats import FORMATS, serialise

RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "trig": "trig"}


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_every_format_parses_in_rdflib_and_pyoxigraph_with_the_same_triples(rdf_export, format_name):
    data = serialise(rdf_export, format_name)
    fmt = FORMATS[format_name]
    expected = {(t.subject.value, t.predicate.value, str(t.object)) for t in rdf_export.triples()}
    oxi = list(ox.parse(data, format=fmt.rdf_format))
    parsed = rdflib.Dataset() if fmt.quads else rdflib.Graph()
    parsed.parse(data=data.decode("utf-8"), format=RDFLIB_FORMATS[format_name])
    rdflib_count = len(list(parsed.quads())) if fmt.quads else len(parsed)
    assert len(oxi) == rdflib_count == len(rdf_export) == len(expected)
    assert {(q.subject.value, q.predicate.value, str(q.object)) for q in oxi} == expected


def test_trig_puts_claims_in_their_own_named_graph(rdf_export):
    quads = list(ox.parse(serialise(rdf_export, "trig"), format=ox.RdfFormat.TRIG))
    graph_of = {}
    for q in quads:
        if q.predicate.value == NHSG + "status":
            graph_of[q.object.value.rsplit("-", 1)[1]] = q.graph_name.value
    assert graph_of == {"fact": rdf_export.minter.asserted_graph, "proposed": rdf_export.minter.claims_graph}


def test_same_data_gives_byte_identical_files_whatever_the_file_layout(write_data, rdf_export, tmp_path):
    again = to_rdf(nhsgraph.load(write_data(RDF_DATA)))
    # The same records split differently across files, in another order.
    text = RDF_DATA["rdf.yaml"]
    head, _, statements = text.partition("    statements:\n")
    other = tmp_path / "other"
    other.mkdir()
    for name, body in (("z-entities.yaml", head), ("a-statements.yaml", "    statements:\n" + statements)):
        (other / name).write_text(__import__("textwrap").dedent(body), encoding="utf-8")
    (other / "base.yaml").write_text((write_data({}) / "base.yaml").read_text("utf-8"), encoding="utf-8")
    shuffled = to_rdf(nhsgraph.load(other))
    for name in FORMATS:
        assert serialise(rdf_export, name) == serialise(again, name) == serialise(shuffled, name)


def test_export_is_identical_across_processes(rdf_folder):
    # Another process with another string-hash seed than this one (set and iteration orders
    # differ between them), against this process: one interpreter start, not two.
    args = ["export", "--data", str(rdf_folder), "--format", "trig"]
    env = {**os.environ, "PYTHONHASHSEED": "1" if os.environ.get("PYTHONHASHSEED") == "0" else "0"}
    other = subprocess.run([sys.executable, "-m", "nhsgraph", *args], capture_output=True, check=True, env=env).stdout
    here = CliRunner().invoke(main, args)
    assert here.exit_code == 0 and other.decode("utf-8") == here.output and "nhsg:status-proposed" in here.output


def test_turtle_and_jsonld_declare_prefixes(rdf_export):
    turtle = serialise(rdf_export, "turtle").decode()
    for prefix in ("nhsg", "org", "prov", "skos", "dcterms", "eli", "xsd"):
        assert f"@prefix {prefix}: " in turtle
    assert "nhsg:replaces" in turtle
    context = json.loads(serialise(rdf_export, "jsonld"))["@context"]
    assert context["nhsg"] == NHSG and context["org"] == ORG


def test_base_option_moves_every_entity_iri(rdf_dataset):
    export = to_rdf(rdf_dataset, "https://example.org/nhs/")
    subjects = {t.subject.value for t in export.triples()}
    assert "https://example.org/nhs/new-form" in subjects
    assert not any(s.startswith("https://w3id.org/nhsgraph/id/") for s in subjects)
    assert ACT_IRI in subjects  # Acts keep their legislation.gov.uk identity whatever the base


def test_bad_base_is_a_usage_error(rdf_folder):
    result = CliRunner().invoke(main, ["export", "--data", str(rdf_folder), "--base", "not-an-iri"])
    assert result.exit_code == 2 and "--base" in result.output


def test_fact_is_a_plain_edge_but_a_proposal_is_only_an_attributed_statement(rdf_export):
    assert ask(rdf_export, f"{iri('new-form')} nhsg:replaces {iri('old-form')}")
    assert not ask(rdf_export, f"{iri('proposed-form')} ?p {iri('old-form')}")
    assert ask(rdf_export, f"""?st a nhsg:Statement ; rdf:subject {iri('proposed-form')} ; rdf:predicate nhsg:replaces ;
        rdf:object {iri('old-form')} ; nhsg:status nhsg:status-proposed ; prov:wasAttributedTo {iri('body-x')} ;
        prov:wasDerivedFrom {iri('doc-a')} .""")
    # and no change event is made from a proposal
    assert not ask(rdf_export, f"?e org:ChangeEvent ?x . ?e nhsg:resultingType {iri('proposed-form')}")
    assert not ask(rdf_export, f"?e nhsg:resultingType {iri('proposed-form')}")


def test_fact_statement_keeps_date_act_source_and_quote(rdf_export):
    assert ask(rdf_export, f"""?st rdf:subject {iri('new-form')} ; rdf:predicate nhsg:replaces ;
        nhsg:status nhsg:status-fact ; <http://purl.org/dc/terms/date> "2022-07-01"^^<{XSD}date> ;
        nhsg:by <{ACT_IRI}> ; nhsg:citation ?c .
        ?c nhsg:quote "The new form replaces the old form."@en ; nhsg:locator "section 1" ;
           <http://purl.org/dc/terms/source> {iri('doc-a')} .""")


def test_type_replacement_event_points_from_old_type_to_new(rdf_export):
    assert ask(rdf_export, f"""?e a nhsg:Replacement , nhsg:TypeChange , org:ChangeEvent ;
        nhsg:originalType {iri('old-form')} ; nhsg:resultingType {iri('new-form')} ;
        prov:startedAtTime "2022-07-01"^^<{XSD}date> ; nhsg:legalBasis <{ACT_IRI}> .""")
    assert not ask(rdf_export, f"?e nhsg:originalType {iri('new-form')}")


def test_merger_event_points_from_merged_body_to_the_body_it_merged_into(rdf_export):
    assert ask(rdf_export, f"""?e a nhsg:Merger ; org:originalOrganization {iri('body-old')} ;
        org:resultingOrganization {iri('body-new')} .
        {iri('body-old')} org:changedBy ?e . {iri('body-new')} org:resultedFrom ?e .
        {iri('body-new')} prov:wasDerivedFrom {iri('body-old')} .""")
    assert not ask(rdf_export, f"?e org:originalOrganization {iri('body-new')}")
    assert not ask(rdf_export, f"{iri('body-old')} prov:wasDerivedFrom {iri('body-new')}")


def test_replacement_of_a_body_points_from_the_old_body_to_the_new(rdf_export):
    assert ask(rdf_export, f"""?e a nhsg:Replacement ; org:originalOrganization {iri('body-renamed')} ;
        org:resultingOrganization {iri('body-y')} ; prov:startedAtTime "2021-04"^^<{XSD}gYearMonth> ;
        nhsg:legalBasis <{ACT_IRI}> .
        {iri('body-renamed')} org:changedBy ?e . {iri('body-y')} org:resultedFrom ?e ;
        prov:wasDerivedFrom {iri('body-renamed')} ; nhsg:replaces {iri('body-renamed')} .""")
    assert not ask(rdf_export, f"?e a nhsg:Replacement ; org:originalOrganization {iri('body-y')} .")
    assert not ask(rdf_export, f"?e a nhsg:Replacement , nhsg:TypeChange ; org:resultingOrganization {iri('body-y')} .")


def test_abolition_of_a_body_ends_the_body(rdf_export):
    assert ask(rdf_export, f"""?e a nhsg:Abolition ; org:originalOrganization {iri('body-renamed')} ;
        nhsg:legalBasis <{ACT_IRI}> . {iri('body-renamed')} org:changedBy ?e .""")
    assert not ask(rdf_export, "?e a nhsg:Abolition ; org:resultingOrganization ?x .")


def test_rename_abolition_and_establishment_events_point_the_right_way(rdf_export):
    assert ask(rdf_export, f"""?e a nhsg:Rename ; org:originalOrganization {iri('body-x')} ;
        org:resultingOrganization {iri('body-renamed')} ; prov:startedAtTime "2019"^^<{XSD}gYear> .""")
    assert ask(rdf_export, f"?e a nhsg:Abolition ; nhsg:originalType {iri('old-form')} ; nhsg:legalBasis <{ACT_IRI}> .")
    assert not ask(rdf_export, "?e a nhsg:Abolition ; nhsg:resultingType ?x .")
    assert ask(rdf_export, f"?e a nhsg:Establishment ; nhsg:resultingType {iri('new-form')} ; nhsg:legalBasis <{ACT_IRI}> .")
    assert not ask(rdf_export, "?e a nhsg:Establishment ; nhsg:originalType ?x .")


def test_merger_of_bodies_is_part_of_the_change_of_their_types(rdf_export):
    assert ask(rdf_export, f"""?e a nhsg:Merger ; org:originalOrganization {iri('body-old')} ; nhsg:partOfChange ?t .
        ?t a nhsg:Replacement ; nhsg:originalType {iri('old-form')} ; nhsg:resultingType {iri('new-form')} .""")
    assert not ask(rdf_export, "?e a nhsg:Rename ; nhsg:partOfChange ?t .")


def test_dates_keep_their_precision(rdf_export):
    datatypes = {t.object.value: t.object.datatype.value for t in rdf_export.triples()
                 if isinstance(t.object, ox.Literal) and t.object.datatype.value.startswith(XSD + "g")
                 or isinstance(t.object, ox.Literal) and t.object.datatype.value == XSD + "date"}
    assert datatypes["2019"] == XSD + "gYear"
    assert datatypes["2020-11"] == XSD + "gYearMonth"
    assert datatypes["2022-07-01"] == XSD + "date"


def test_acts_are_eli_legal_resources_at_legislation_gov_uk_iris(rdf_export):
    assert ask(rdf_export, f"""<{ACT_IRI}> a <http://data.europa.eu/eli/ontology#LegalResource> ;
        <http://purl.org/dc/terms/identifier> "act-2022" .""")
    assert not ask(rdf_export, f"{iri('act-2022')} ?p ?o")


def test_org_types_are_concepts_and_bodies_are_classified_by_them(rdf_export):
    assert ask(rdf_export, f"""{iri('old-form')} a <http://www.w3.org/2004/02/skos/core#Concept> ;
        <http://www.w3.org/2004/02/skos/core#inScheme> <https://w3id.org/nhsgraph/id/org-types> .
        {iri('body-old')} a org:FormalOrganization ; org:classification {iri('old-form')} ;
        nhsg:instanceOf {iri('old-form')} .""")


def test_standard_equivalents_are_added_for_bodies_but_not_for_types(rdf_export):
    assert ask(rdf_export, f"{iri('person-p')} org:headOf {iri('body-new')} ; nhsg:leads {iri('body-new')} .")
    assert ask(rdf_export, f"{iri('sub-form')} nhsg:partOf {iri('new-form')} .")
    assert not ask(rdf_export, f"{iri('sub-form')} org:subOrganizationOf ?x .")


def test_build_writes_every_rdf_format(rdf_dataset, tmp_path):
    written = {p.name for p in build(rdf_dataset, tmp_path)}
    assert {f"nhsgraph{f.suffix}" for f in FORMATS.values()} <= written
    assert {"nhsgraph-ontology.ttl", "nhsgraph-shapes.ttl"} <= written
    assert (tmp_path / "nhsgraph.ttl").read_bytes() == serialise(to_rdf(rdf_dataset), "turtle")


def test_export_command_writes_file_or_stdout(rdf_folder, tmp_path):
    out = tmp_path / "g.nt"
    result = CliRunner().invoke(main, ["export", "--data", str(rdf_folder), "--format", "ntriples", "-o", str(out)])
    assert result.exit_code == 0, result.output
    stdout = CliRunner().invoke(main, ["export", "--data", str(rdf_folder), "--format", "ntriples"])
    assert out.read_bytes() == stdout.stdout_bytes and b"<https://w3id.org/nhsgraph/ontology#replaces>" in out.read_bytes()


GOLDEN = Path(__file__).parent / "golden" / "rdf_fixture.ttl"


def test_fixture_turtle_matches_the_golden_file(rdf_export):
    """A change to the RDF output is a visible diff here; after an intended change, regenerate with
    NHSGRAPH_UPDATE_GOLDEN=1 python -m pytest tests/test_rdf_export.py and review the diff."""
    turtle = serialise(rdf_export, "turtle").decode("utf-8")
    if os.environ.get("NHSGRAPH_UPDATE_GOLDEN"):
        GOLDEN.write_text(turtle, encoding="utf-8")
    assert turtle == GOLDEN.read_text("utf-8")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_survives_as_an_ntriples_literal(text):
    line = f"<http://example.org/s> <http://example.org/p> {literal(text, language='en')} .\n".encode()
    (quad,) = ox.parse(line, format=ox.RdfFormat.N_TRIPLES)
    assert quad.object.value == text and quad.object.language == "en"
    (triple,) = rdflib.Graph().parse(data=line.decode(), format="nt")
    assert str(triple[2]) == text


def test_quotes_with_quotes_backslashes_and_newlines_round_trip(write_data):
    tricky = 'He said "no" \\ then\nleft'
    folder = write_data({"q.yaml": f"""\
        statements:
          - subject: body-x
            relation: opposes
            object: new-form
            sources:
              - document: doc-a
                quote: {json.dumps(tricky)}
        """})
    export = to_rdf(nhsgraph.load(folder))
    quotes = [t.object.value for t in export.triples() if t.predicate.value == NHSG + "quote"]
    assert quotes == [tricky]
    for name in FORMATS:
        assert len(list(ox.parse(serialise(export, name), format=FORMATS[name].rdf_format))) == len(export)
