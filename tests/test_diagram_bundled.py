"""The three presets and a single-name diagram on the bundled data render cleanly."""

from __future__ import annotations

import pydot
import pytest
from test_diagram import flat, overlapping_texts, texts
from test_diagram_text import parse_mermaid

from nhsgraph.diagram import diagram
from nhsgraph.diagram.model import year_of
from nhsgraph.diagram.render import draw
from nhsgraph.diagram.text import node_name, to_dot, to_mermaid


@pytest.mark.parametrize("size", ["a4", "slide"])
@pytest.mark.parametrize("preset", ["commissioning", "national", "integration"])
def test_preset_renders_every_label_without_overlaps(bundled, preset, size):
    picture = diagram(bundled, preset_name=preset)
    rendered = draw(picture, size)
    assert overlapping_texts(rendered) == []
    drawn = "\n".join(flat(t.get_text()) for t in texts(rendered))
    for bar in picture.bars:
        assert bar.caption in drawn
    for edge in picture.edges:
        assert edge.label in drawn
    assert picture.as_of is not None and f"data as of {picture.as_of.human()}" in drawn


@pytest.mark.parametrize("preset", ["commissioning", "national", "integration"])
def test_preset_text_formats_match_the_picture(bundled, preset):
    picture = diagram(bundled, preset_name=preset)
    nodes, edges = parse_mermaid(to_mermaid(picture))
    assert {node_name(b.id) for b in picture.bars} <= set(nodes)
    assert len(edges) == len(picture.edges)
    (graph,) = pydot.graph_from_dot_data(to_dot(picture))
    assert {e.get("id").strip('"') for e in graph.get_edges()} == {e.id for e in picture.edges}


def test_commissioning_shows_the_succession_of_local_commissioners(bundled):
    picture = diagram(bundled, preset_name="commissioning")
    ids = picture.bar_ids
    assert {"district-health-authority", "health-authority", "primary-care-trust", "clinical-commissioning-group",
            "integrated-care-board"} <= ids
    arrows = {(e.source, e.target): e for e in picture.edges if e.arrow}
    ccg_to_icb = arrows[("clinical-commissioning-group", "integrated-care-board")]
    assert ccg_to_icb.label == "Health and Care Act 2022, 1 July 2022"
    pct_to_ccg = arrows[("primary-care-trust", "clinical-commissioning-group")]
    assert pct_to_ccg.label == "Health and Social Care Act 2012, 1 April 2013"
    ccg = bundled.entities["clinical-commissioning-group"]
    bar = picture.bar("clinical-commissioning-group")
    assert (bar.start, bar.end) == (year_of(ccg.established.earliest), year_of(ccg.dissolved.earliest))
    assert picture.bar("integrated-care-board").open_end


def test_national_shows_mergers_into_nhs_england(bundled):
    picture = diagram(bundled, preset_name="national")
    merged = {e.source for e in picture.edges if e.arrow and e.target == "nhs-england" and not e.proposed}
    assert {"nhs-improvement", "health-education-england"} <= merged
    assert all(b.kind == "organisation" for b in picture.bars)


def test_integration_shows_proposals_beside_what_was_enacted(bundled):
    picture = diagram(bundled, preset_name="integration")
    proposals = [b for b in picture.bars if b.proposed]
    assert proposals and all("proposed by" in b.caption for b in proposals)
    assert any(e.proposed for e in picture.edges)
    rendered = draw(picture)
    for bar in proposals:
        patch = rendered.bar_patches[bar.id]
        assert patch.get_linestyle() == "--" and patch.get_facecolor()[3] < 1
    assert {"sustainability-and-transformation-partnership", "integrated-care-board"} <= picture.bar_ids


@pytest.mark.parametrize("name", ["CCGs", "NHS England", "Health and Social Care Act 2012"])
def test_a_single_name_renders_cleanly(bundled, name):
    rendered = draw(diagram(bundled, name))
    assert overlapping_texts(rendered) == []
    assert rendered.bar_patches
