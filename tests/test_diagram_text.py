"""Mermaid and DOT: they parse, and they name the same nodes and edges as the picture."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pydot
import pytest
from click.testing import CliRunner
from diagram_fixture import FILES, LOCAL

import nhsgraph
from nhsgraph.cli import main
from nhsgraph.diagram.render import draw
from nhsgraph.diagram.select import select
from nhsgraph.diagram.text import node_name, to_dot, to_mermaid

NODE = re.compile(r'^    (n_\w+)(\["(.+)"\]|\[/"(.+)"/\])$')
EDGE = re.compile(r'^    (n_\w+) (-->|-\.->|--x)\|"([^"]*)"\| (n_\w+)$')


@pytest.fixture
def local(write_data):
    return select(nhsgraph.load(write_data(FILES, base=False)), LOCAL)


def picture(diagram):
    """(bar ids, edge ids) as drawn: read from the figure's artists, not from the Diagram."""
    rendered = draw(diagram)
    bars = {p.get_gid().removeprefix("bar:") for p in rendered.axes.patches if (p.get_gid() or "").startswith("bar:")}
    edges = {a.get_gid().removeprefix("edge:") for a in rendered.axes.get_children()
             if (a.get_gid() or "").startswith("edge:")}
    return bars, edges


def parse_mermaid(text: str) -> tuple[dict[str, str], list[tuple[str, str, str, str]]]:
    """A small structural check: front matter, one flowchart, every other line a node, edge or class."""
    lines = text.splitlines()
    assert lines[0] == "---" and lines[1].startswith("title: ") and lines[2] == "---" and lines[3] == "flowchart LR"
    nodes: dict[str, str] = {}
    edges: list[tuple[str, str, str, str]] = []
    for line in lines[4:]:
        if node := NODE.match(line):
            assert node.group(1) not in nodes, f"node declared twice: {line}"
            nodes[node.group(1)] = node.group(3) or node.group(4)
        elif edge := EDGE.match(line):
            edges.append((edge.group(1), edge.group(2), edge.group(3), edge.group(4)))
        else:
            assert line.startswith(("    classDef ", "    class ")), f"unexpected Mermaid line: {line!r}"
    for source, _, _, target in edges:
        assert source in nodes and target in nodes
    return nodes, edges


def test_mermaid_names_the_same_nodes_and_edges_as_the_picture(local):
    nodes, edges = parse_mermaid(to_mermaid(local))
    bars, edge_ids = picture(local)
    agents = {node_name(e.source) for e in local.edges if not e.arrow}
    assert set(nodes) == {node_name(b) for b in bars} | agents
    drawn = [e for e in local.edges if e.id in edge_ids]
    assert len(drawn) == len(local.edges) == len(edges)
    assert sorted((s, label, t) for s, _, label, t in edges) == sorted(
        (node_name(e.source), e.label, node_name(e.target)) for e in drawn)
    dashed = {(s, t) for s, arrow, _, t in edges if arrow == "-.->"}
    assert dashed == {(node_name(e.source), node_name(e.target)) for e in drawn if e.proposed}
    assert "class n_joint_trust proposed" in to_mermaid(local)


def test_dot_parses_with_pydot_and_names_the_same_nodes_and_edges(local):
    (graph,) = pydot.graph_from_dot_data(to_dot(local))
    bars, edge_ids = picture(local)
    names = {n.get_name() for n in graph.get_nodes()} - {"node", "edge", "graph"}
    agents = {node_name(e.source) for e in local.edges if not e.arrow}
    assert names == {node_name(b) for b in bars} | agents
    dot_edges = {e.get("id").strip('"'): (e.get_source(), e.get_destination()) for e in graph.get_edges()}
    assert set(dot_edges) == edge_ids
    for edge in local.edges:
        assert dot_edges[edge.id] == (node_name(edge.source), node_name(edge.target))
    proposed = next(e for e in graph.get_edges() if e.get("style") == "dashed")
    assert proposed.get("label").strip('"').startswith("proposed by Pat Jones and Sam Lee")


def test_quotes_in_labels_are_escaped(local):
    local.bars[0].label = 'the "old" board'
    (graph,) = pydot.graph_from_dot_data(to_dot(local))
    assert any('the \\"old\\" board' in (n.get("label") or "") for n in graph.get_nodes())
    nodes, _ = parse_mermaid(to_mermaid(local))
    assert any("the #quot;old#quot; board" in label for label in nodes.values())


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_cli_prints_mermaid_and_dot_without_output_file(write_data):
    folder = str(write_data(FILES, base=False))
    mermaid = run("diagram", "care trust", "--format", "mermaid", "--data", folder)
    assert mermaid.exit_code == 0, mermaid.output
    nodes, _ = parse_mermaid(mermaid.output)
    assert "n_care_trust" in nodes and "n_district_board" in nodes
    dot = run("diagram", "care trust", "--format", "dot", "--depth", "1", "--data", folder)
    (graph,) = pydot.graph_from_dot_data(dot.output)
    assert {n.get_name() for n in graph.get_nodes()} >= {"n_care_trust", "n_care_group"}


def test_cli_writes_image_chosen_by_extension(write_data, tmp_path):
    folder = str(write_data(FILES, base=False))
    out = tmp_path / "lineage.svg"
    result = run("diagram", "care trust", "--size", "slide", "-o", str(out), "--data", folder)
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").lstrip().startswith("<?xml") and "<svg" in out.read_text("utf-8")


@pytest.mark.parametrize(("args", "message"), [
    (["care trust", "-o", "x.jpg"], "cannot tell the format from 'x.jpg'"),
    (["care trust", "--format", "png"], "--format png is an image; give -o FILE"),
    (["care trust"], "give -o FILE"),
    (["care trust", "--preset", "commissioning", "-o", "x.png"], "give a NAME or a --preset"),
    (["no such body", "-o", "x.png"], "no entity called 'no such body'"),
    (["care trust", "--from", "2010", "--to", "2000", "-o", "x.png"], "--to 2000 is before --from 2010"),
    (["Agency B", "--depth", "1", "--from", "1980", "--to", "1985", "-o", "x.png"], "nothing to draw between 1980 and 1985"),
])
def test_cli_errors_are_one_line(write_data, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)  # a command that wrongly succeeded would write here, not in the repository
    folder = str(write_data(FILES, base=False))
    result = CliRunner().invoke(main, ["diagram", *args, "--data", folder])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_cli_says_why_an_undated_entity_cannot_be_drawn(write_data, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    undated = "org_types:\n  - {id: idea, label: an idea, proposed_only: true}\n"
    folder = str(write_data({**FILES, "undated.yaml": undated}, base=False))
    result = run("diagram", "joint trust", "--depth", "0", "--format", "mermaid", "--data", folder)
    assert result.exit_code == 0, result.output  # dated by the proposal that names it
    result = run("diagram", "an idea", "-o", "x.png", "--data", folder)
    assert result.exit_code == 1 and "nothing to draw: an idea: no dates recorded" in result.output


GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(("name", "render"), [("diagram_fixture.mmd", to_mermaid), ("diagram_fixture.dot", to_dot)])
def test_text_formats_match_the_golden_files(local, name, render):
    """A change to the Mermaid or DOT output is a visible diff here; after an intended change,
    regenerate with NHSGRAPH_UPDATE_GOLDEN=1 python -m pytest tests/test_diagram_text.py and review it."""
    text = render(local)
    if os.environ.get("NHSGRAPH_UPDATE_GOLDEN"):
        (GOLDEN / name).write_text(text, encoding="utf-8")
    assert text == (GOLDEN / name).read_text("utf-8")
