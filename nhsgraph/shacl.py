"""Validate an export against the generated SHACL shapes (pyshacl), with a report people can read.

pyshacl's own text report is long and generic; here each violation becomes one line naming
the resource, the property and the rule's message in words (the shapes carry ``sh:message``).
"""

from __future__ import annotations

from dataclasses import dataclass

import rdflib
from rdflib.namespace import SH

from nhsgraph.ntriples import RdfExport
from nhsgraph.shapes import shapes_turtle


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str | None
    message: str

    def format(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.focus}{where}: {self.message}"


@dataclass(frozen=True)
class ShaclReport:
    conforms: bool
    violations: list[Violation]

    def text(self) -> str:
        if self.conforms:
            return "SHACL: the export conforms to the nhsgraph shapes"
        lines = [f"SHACL: {len(self.violations)} violation(s) of the nhsgraph shapes"]
        lines += [f"  {v.format()}" for v in self.violations]
        return "\n".join(lines)


def export_graph(export: RdfExport) -> rdflib.Graph:
    """The export as an rdflib graph (via N-Triples, the fastest path into rdflib)."""
    graph = rdflib.Graph()
    graph.parse(data=export.ntriples().decode("utf-8"), format="nt")
    return graph


def validate_graph(data: rdflib.Graph) -> ShaclReport:
    """Validate ``data`` against the nhsgraph shapes."""
    import pyshacl

    shapes = rdflib.Graph().parse(data=shapes_turtle(), format="turtle")
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False)
    violations = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        shape = results.value(result, SH.sourceShape)
        text = str(message) if message is not None else f"violates {shape}"
        violations.append(Violation(str(focus), data.namespace_manager.normalizeUri(path) if path else None, text))
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ShaclReport(bool(conforms), violations)


def validate_export(export: RdfExport) -> ShaclReport:
    return validate_graph(export_graph(export))
