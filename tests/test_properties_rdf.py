"""Exports of random datasets parse strictly in rdflib and pyoxigraph with the same triple count, and every IRI is valid.

The RDF tests check a hand-written fixture; here the datasets are generated
(``tests/strategies.py``: labels in any script with quotes, ``#`` and braces, every
date precision, proposals with attribution) and documents carry arbitrary ``url``
text, which must become either a valid IRI or a literal, never a broken IRI.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import documents

import nhsgraph
from nhsgraph.rdf import to_rdf
from nhsgraph.rdfformats import FORMATS, serialise

RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "trig": "trig"}
# RFC 3987: a scheme, then no spaces, controls or any of <>"{}|\^`
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`\x7f-\x9f]*$")
URL_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30) | st.sampled_from(
    ["https://www.england.nhs.uk/", "http://example.org/a b", "example.org/path", "https://x.org/{id}", "mailto:a@b",
     "https://xn--bcher-kva.example/ü?q=\"1\"", "<https://x.org/>", "javascript:alert(1)", ""])


def iris(quad: ox.Quad) -> list[str]:
    terms = [quad.subject, quad.predicate, quad.object, quad.graph_name]
    return [t.value for t in terms if isinstance(t, ox.NamedNode)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=documents(), urls=st.lists(URL_TEXT, min_size=1, max_size=3))
def test_random_dataset_exports_parse_everywhere_with_the_same_triples(data: dict[str, list[dict[str, Any]]],
                                                                        urls: list[str]) -> None:
    for document, url in zip(data["documents"], urls):
        document["url"] = url
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "data.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        export = to_rdf(nhsgraph.load(tmp))
    expected = len(export)
    for name, fmt in FORMATS.items():
        payload = serialise(export, name)
        quads = list(ox.parse(payload, format=fmt.rdf_format))  # strict: an invalid IRI is an error here
        parsed = rdflib.Dataset() if fmt.quads else rdflib.Graph()
        parsed.parse(data=payload.decode("utf-8"), format=RDFLIB_FORMATS[name])
        rdflib_count = len(list(parsed.quads())) if fmt.quads else len(parsed)
        assert len(quads) == rdflib_count == expected, name
        for quad in quads:
            for value in iris(quad):
                assert IRI.match(value), (name, value)
