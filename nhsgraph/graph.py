"""Build the typed networkx graph: one node per entity, one keyed edge per statement."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import networkx as nx

from nhsgraph.dates import PartialDate
from nhsgraph.gcpause import paused_gc

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset
    from nhsgraph.model import Entity, Statement


def node_attributes(entity: Entity) -> dict[str, Any]:
    """A node's attributes: its ``kind`` and every field the entity has, but its id."""
    return {"kind": entity.kind, **entity.model_dump(exclude={"id"}, exclude_none=True)}


def edge_attributes(statement: Statement) -> dict[str, Any]:
    """An edge's attributes: the statement's fields (YAML names), but its id and ends."""
    return statement.model_dump(exclude={"id", "subject", "object"}, exclude_none=True, by_alias=True)


def flat_value(value: Any) -> str | int | float | bool:
    """A value GraphML can hold: scalars as they are, a date as its ISO text, others as JSON."""
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, PartialDate):
        return str(value)
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def flat_attributes(attrs: dict[str, Any]) -> dict[str, Any]:
    """``attrs`` with every value flattened by :func:`flat_value` (``None`` dropped)."""
    return {key: flat_value(value) for key, value in attrs.items() if value is not None}


def build_graph(dataset: Dataset) -> nx.MultiDiGraph:
    """Nodes carry ``kind``, ``label`` and the entity's fields; edges carry the whole statement.

    Edge keys are statement ids, so parallel statements (a fact and a proposal about the
    same pair) stay distinct.
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
