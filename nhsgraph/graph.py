"""Build the typed networkx graph: one node per entity, one keyed edge per statement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

from nhsgraph.gcpause import paused_gc

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset


def build_graph(dataset: Dataset) -> nx.MultiDiGraph:
    """Nodes carry ``kind``, ``label`` and the entity's fields; edges carry the whole statement.

    Edge keys are statement ids, so parallel statements (a fact and a proposal about the
    same pair) stay distinct.
    """
    graph = nx.MultiDiGraph()
    with paused_gc():  # nhsgraph.gcpause: 108 s -> see benchmarks/README.md at a million statements
        for entity in sorted(dataset.entities.values(), key=lambda e: e.id):
            attrs = entity.model_dump(exclude={"id"}, exclude_none=True)
            graph.add_node(entity.id, kind=entity.kind, **attrs)
        for st in dataset.statements:
            edge: dict[str, Any] = st.model_dump(exclude={"id", "subject", "object"}, exclude_none=True, by_alias=True)
            graph.add_edge(st.subject, st.object, key=st.id, **edge)
    return graph


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values are all strings, numbers or booleans (for GraphML)."""
    import json

    def flatten(attrs: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in attrs.items():
            if isinstance(value, (str, int, float, bool)):
                out[key] = value
            elif value is not None:
                out[key] = json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
        return out

    flat = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **flatten(attrs))
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **flatten(attrs))
    return flat
