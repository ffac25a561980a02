"""GraphML written as a stream, straight from the dataset.

``networkx.write_graphml`` needs the whole networkx graph, a flattened copy of it and an
XML tree of the document in memory at once: at a million statements that was more than
the rest of ``nhsgraph build`` together (see benchmarks/README.md). This writer makes two
passes over the dataset instead (one to declare the attribute keys GraphML wants up
front, one to write), holding one record's attributes at a time. The document is the one
networkx would write for :func:`nhsgraph.graph.flat_graph` of ``Dataset.graph()``; a test
reads both back with networkx and compares them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from nhsgraph.graph import edge_attributes, flat_attributes, node_attributes

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset

HEADER = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)
GRAPHML_TYPES: dict[type, str] = {bool: "boolean", int: "long", float: "double", str: "string"}
"""Python type of a flat value -> GraphML ``attr.type`` (the names networkx writes)."""

Records = Iterator[tuple[str, dict[str, str], dict[str, Any]]]

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
# In an attribute a parser also normalises newlines and tabs to spaces, so they are escaped too.
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"})


def _records(dataset: Dataset, missing: list[str]) -> Records:
    """``(element, its XML attributes, its data)`` for every node, then every edge.

    The data are the model's own values; :func:`write_graphml` flattens them only when it
    writes them (the pass that declares the keys needs just their names and types).
    """
    for entity in sorted(dataset.entities.values(), key=lambda e: e.id):
        yield "node", {"id": entity.id}, node_attributes(entity)
    for node in missing:
        yield "node", {"id": node}, {}
    for st in dataset.statements:
        yield "edge", {"source": st.subject, "target": st.object, "id": st.id or ""}, edge_attributes(st)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_graphml(dataset: Dataset, out: IO[str]) -> None:
    """Write ``dataset`` as a GraphML document to the text stream ``out``."""
    # Ends named by a statement but missing from the entities become bare nodes, as
    # networkx's add_edge would make them.
    missing = sorted({end for st in dataset.statements for end in (st.subject, st.object)
                      if end not in dataset.entities})
    keys: dict[tuple[str, str], str] = {}
    for element, _, attrs in _records(dataset, missing):
        for name, value in attrs.items():
            # flat_value keeps scalars as they are and makes everything else text
            keys.setdefault((element, name), GRAPHML_TYPES.get(type(value), "string"))
    ids = {key: f"d{number}" for number, key in enumerate(keys)}
    out.write(HEADER)
    for (element, name), graphml_type in keys.items():
        out.write(f'  <key id="{ids[element, name]}" for="{element}" '
                  f'attr.name="{name.translate(_ATTRIBUTE)}" attr.type="{graphml_type}" />\n')
    out.write('  <graph edgedefault="directed">\n')
    for element, xml, attrs in _records(dataset, missing):
        tag = " ".join(f'{name}="{value.translate(_ATTRIBUTE)}"' for name, value in xml.items())
        out.write(f"    <{element} {tag}")
        if not attrs:
            out.write(" />\n")
            continue
        out.write(">\n")
        for name, value in flat_attributes(attrs).items():
            out.write(f'      <data key="{ids[element, name]}">{_value(value).translate(_TEXT)}</data>\n')
        out.write(f"    </{element}>\n")
    out.write("  </graph>\n</graphml>\n")
