"""The same diagram as text: Mermaid (renders on GitHub and in docs) and Graphviz DOT.

Both are written from the :class:`Diagram` the picture is drawn from, so they name the
same nodes (bars, plus the Acts that mark an abolition) and the same edges (one per
statement, labelled as in the picture). Proposals are dashed in both, as in the picture.
"""

from __future__ import annotations

import re

from nhsgraph.diagram.model import Diagram

_UNSAFE = re.compile(r"[^A-Za-z0-9_]")


def node_name(entity_id: str) -> str:
    """A node identifier both syntaxes accept: ``ods/02p`` → ``n_ods_02p``."""
    return "n_" + _UNSAFE.sub("_", entity_id)


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;")


def _years(diagram: Diagram, node_id: str) -> str:
    bar = next((b for b in diagram.bars if b.id == node_id), None)
    if bar is None:
        return ""
    start = str(bar.start_date.year) if bar.start_date else "?"
    end = str(bar.end_date.year) if bar.end_date else ""
    return f"{start}–{end}"


def to_mermaid(diagram: Diagram) -> str:
    """A left-to-right Mermaid flowchart: bars as boxes (proposals dashed), Acts as parallelograms."""
    lines = ["---", f"title: {_mermaid_text(diagram.title)}", "---", "flowchart LR"]
    bar_ids = diagram.bar_ids
    for node_id, label in diagram.node_labels().items():
        name = node_name(node_id)
        if node_id in bar_ids:
            lines.append(f'    {name}["{_mermaid_text(label)}<br/>{_years(diagram, node_id)}"]')
        else:
            lines.append(f'    {name}[/"{_mermaid_text(label)}"/]')
    for edge in diagram.edges:
        arrow = "-.->" if edge.proposed else ("-->" if edge.arrow else "--x")
        lines.append(f'    {node_name(edge.source)} {arrow}|"{_mermaid_text(edge.label)}"| {node_name(edge.target)}')
    proposed = [node_name(b.id) for b in diagram.bars if b.proposed]
    if proposed:
        lines.append("    classDef proposed stroke-dasharray: 5 5,fill:#eeeeee,color:#555555")
        lines.append(f"    class {','.join(proposed)} proposed")
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def to_dot(diagram: Diagram) -> str:
    """A Graphviz digraph, left to right, nodes ranked by start year."""
    lines = ["digraph lineage {", "    rankdir=LR;", f'    label="{_dot_text(diagram.title)}";', "    labelloc=t;",
             '    node [shape=box, style="rounded,filled", fillcolor="#DDEEFF", fontname="DejaVu Sans"];',
             '    edge [fontname="DejaVu Sans", fontsize=10];']
    bar_ids = diagram.bar_ids
    for node_id, label in diagram.node_labels().items():
        text = f"{_dot_text(label)}\\n{_years(diagram, node_id)}" if node_id in bar_ids else _dot_text(label)
        proposed = node_id in bar_ids and diagram.bar(node_id).proposed
        attrs = 'style="rounded,filled,dashed", fillcolor="#EEEEEE"' if proposed else ""
        attrs = attrs if node_id in bar_ids else 'shape=parallelogram, style=filled, fillcolor="#FFFFFF"'
        lines.append(f'    {node_name(node_id)} [label="{text}"{", " + attrs if attrs else ""}];')
    for edge in diagram.edges:
        style = ', style=dashed, color="#666666"' if edge.proposed else ("" if edge.arrow else ", arrowhead=tee")
        lines.append(f'    {node_name(edge.source)} -> {node_name(edge.target)} '
                     f'[label="{_dot_text(edge.label)}", id="{edge.id}"{style}];')
    lines.append("}")
    return "\n".join(lines) + "\n"
