"""Build the typed networkx graph: one node per entity, one keyed edge per statement."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import networkx as nx
from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from nhsgraph.dates import PartialDate
from nhsgraph.gcpause import paused_gc

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset
    from nhsgraph.model import Entity, Statement


def _fields(model: BaseModel, exclude: frozenset[str]) -> dict[str, Any]:
    """The model's set fields by their YAML names, the values themselves (not copies)."""
    names = _FIELD_NAMES.get(type(model))
    if names is None:
        names = _FIELD_NAMES[type(model)] = [(name, info.alias or name) for name, info in type(model).model_fields.items()]
    values = model.__dict__
    return {alias: values[name] for name, alias in names if name not in exclude and values[name] is not None}


_FIELD_NAMES: dict[type, list[tuple[str, str]]] = {}
_NODE_EXCLUDED = frozenset({"id"})
_EDGE_EXCLUDED = frozenset({"id", "subject", "object"})


def node_attributes(entity: Entity) -> dict[str, Any]:
    """A node's attributes: its ``kind`` and every field the entity has, but its id."""
    return {"kind": entity.kind, **_fields(entity, _NODE_EXCLUDED)}


def edge_attributes(statement: Statement) -> dict[str, Any]:
    """An edge's attributes: the statement's fields (YAML names), but its id and ends."""
    return _fields(statement, _EDGE_EXCLUDED)


def flat_value(value: Any) -> str | int | float | bool:
    """A value GraphML can hold: scalars as they are, a date as its ISO text, others as JSON."""
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, PartialDate):
        return str(value)
    return json.dumps(to_jsonable_python(value, exclude_none=True), ensure_ascii=False, default=str, sort_keys=True)


def flat_attributes(attrs: dict[str, Any]) -> dict[str, Any]:
    """``attrs`` with every value flattened by :func:`flat_value` (``None`` dropped)."""
    return {key: flat_value(value) for key, value in attrs.items() if value is not None}


def build_graph(dataset: Dataset) -> nx.MultiDiGraph:
    """Nodes carry ``kind``, ``label`` and the entity's fields; edges carry the whole statement.

    Edge keys are statement ids, so parallel statements (a fact and a proposal about the
    same pair) stay distinct. Attribute values are the dataset's own objects (a source is
    a ``SourceRef``, a date a ``PartialDate``), shared rather than copied: a copy of every
    statement's lists and sources was half of the graph's memory at a million statements
    (see benchmarks/README.md). Treat them as read-only.
    """
    graph = nx.MultiDiGraph()
    with paused_gc():  # nhsgraph.gcpause: 108 s -> see benchmarks/README.md at a million statements
        for entity in sorted(dataset.entities.values(), key=lambda e: e.id):
            graph.add_node(entity.id, **node_attributes(entity))
        for st in dataset.statements:
            graph.add_edge(st.subject, st.object, key=st.id, **edge_attributes(st))
    return graph


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values are all strings, numbers or booleans (for GraphML)."""
    flat = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **flat_attributes(attrs))
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **flat_attributes(attrs))
    return flat
