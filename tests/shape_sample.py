"""A small graph that passes or fails every SHACL shape exactly as a large export does.

Validating the whole bundled export with pyshacl took 4-10 s of the test suite, almost all of it
re-checking the same patterns on hundreds of reference-layer records (809 organisations, a
thousand statements, 2,600 citations) that the ingest writes alike. A shape looks at a node's
types and node kind, which predicates it has and how many of each (none, one, several: our
shapes say at least or at most one), each literal's datatype and language, each object's
types and node kind, and the exact value only of a vocabulary concept (``sh:in`` over
statuses). Two nodes alike in all of that pass or fail every shape together.

So nodes are grouped by pattern, and the sample keeps the first node of each (two where a
node points to two of one pattern, so counts survive), each pointing at the kept nodes of its
objects' patterns. A node that differs from its siblings (a label missing, a second date, an
object of another kind) is a pattern of its own, so it is always kept.

What the sample does not re-check in every node is a literal's lexical form (a malformed
date): the loader parses every date before export, so none can reach it.
"""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
CONCEPT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#Concept")

Node = ox.NamedNode | ox.BlankNode
Pattern = frozenset[object]


def patterns(out: dict[Node, list[ox.Triple]]) -> dict[Node, Pattern]:
    """Each described node's pattern: everything a SHACL shape sees of it.

    One hop is enough: a shape reads an object's types and node kind (``sh:class``,
    ``sh:nodeKind``), never the object's own properties.
    """
    types = {node: frozenset(t.object for t in ts if t.predicate == RDF_TYPE) for node, ts in out.items()}
    concepts = {node for node, kinds in types.items() if CONCEPT in kinds}
    pattern: dict[Node, Pattern] = {}
    for node, triples in out.items():
        counts: dict[tuple[object, ...], int] = defaultdict(int)
        for t in triples:
            o = t.object
            if isinstance(o, ox.Literal):
                key: tuple[object, ...] = (t.predicate, o.datatype, o.language is not None)
            elif t.predicate == RDF_TYPE or o in concepts:
                key = (t.predicate, o)  # the value itself matters: a class, a status
            else:
                key = (t.predicate, type(o).__name__, types.get(o, frozenset()))  # type: ignore[call-overload]
            counts[key] = min(counts[key] + 1, 2)
        own = (node,) if node in concepts else ()  # each status stands for itself (sh:in)
        pattern[node] = frozenset([type(node).__name__, *own, *counts.items()])
    return pattern


def representative_triples(triples: list[ox.Triple]) -> list[ox.Triple]:
    """The triples of the kept nodes: one (or two) per pattern, pointing only at kept nodes."""
    out: dict[Node, list[ox.Triple]] = defaultdict(list)
    for triple in triples:
        out[triple.subject].append(triple)  # type: ignore[index]
    pattern = patterns(out)
    members: dict[Pattern, list[Node]] = defaultdict(list)
    for node in sorted(out, key=str):
        if len(members[pattern[node]]) < 2:
            members[pattern[node]].append(node)
    queue = [kept[0] for kept in members.values()]
    done: set[Node] = set()
    sample: list[ox.Triple] = []
    while queue:
        node = queue.pop()
        if node in done:
            continue
        done.add(node)
        used: dict[ox.NamedNode, set[Node]] = defaultdict(set)
        for t in out[node]:
            target = t.object
            if target in out and t.predicate != RDF_TYPE:
                # the kept node of the object's pattern; the second one if the first is taken
                kept = members[pattern[target]]  # type: ignore[index]
                target = next((k for k in kept if k not in used[t.predicate]), kept[0])
                used[t.predicate].add(target)
                queue.append(target)
            sample.append(ox.Triple(node, t.predicate, target))
    return sample
