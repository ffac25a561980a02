"""The rendered figure itself: labels drawn, nothing overlapping, bars over the right years,
proposals in the proposal style, a legend for every mark. Headless (Agg)."""

from __future__ import annotations

import itertools

import pytest
from diagram_fixture import FILES, LOCAL
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Text

import nhsgraph
from nhsgraph.dates import PartialDate
from nhsgraph.diagram import diagram, write
from nhsgraph.diagram.model import Diagram, year_of
from nhsgraph.diagram.render import Rendered, draw
from nhsgraph.diagram.select import select


@pytest.fixture
def dataset(write_data):
    return nhsgraph.load(write_data(FILES, base=False))


@pytest.fixture
def local(dataset) -> Diagram:
    return select(dataset, LOCAL)


def texts(rendered: Rendered) -> list[Text]:
    """Every visible, non-empty text in the figure (title, ticks, legend, labels, notes, source)."""
    fig = rendered.figure
    fig.canvas.draw()
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces as single spaces (notes wrap to the page width)."""
    return " ".join(text.split())


def drawn_strings(rendered: Rendered) -> str:
    return "\n".join(flat(t.get_text()) for t in texts(rendered))


def overlapping_texts(rendered: Rendered) -> list[tuple[str, str]]:
    renderer = rendered.figure.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts(rendered)]
    return [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2)
            if box_a.x0 < box_b.x1 - 0.5 and box_b.x0 < box_a.x1 - 0.5
            and box_a.y0 < box_b.y1 - 0.5 and box_b.y0 < box_a.y1 - 0.5]


@pytest.mark.parametrize("size", ["a4", "slide"])
def test_every_bar_label_and_every_edge_label_is_drawn(local, size):
    rendered = draw(local, size)
    drawn = drawn_strings(rendered)
    assert {b.id for b in local.bars} == {"area-board", "district-board", "care-trust", "care-group", "system-board",
                                           "joint-trust"}
    for bar in local.bars:
        assert bar.caption in drawn, bar.caption
        assert bar.caption in flat(rendered.bar_texts[bar.id].get_text())
    assert {e.label for e in local.edges} >= {"Example Act 1995, 1 April 1996", "Example Act 2012, 1 April 2013",
                                              "proposed by Pat Jones and Sam Lee, June 2018"}
    for edge in local.edges:
        assert edge.label in flat(rendered.edge_texts[edge.id].get_text())


@pytest.mark.parametrize("size", ["a4", "slide"])
def test_no_two_texts_overlap(local, size):
    assert overlapping_texts(draw(local, size)) == []


def test_labels_do_not_cover_other_bars(local):
    rendered = draw(local)
    renderer = rendered.figure.canvas.get_renderer()
    for text in texts(rendered):
        if not (text.get_gid() or "").startswith("label:"):
            continue
        box = text.get_window_extent(renderer)
        for bar_id, patch in rendered.bar_patches.items():
            if text.get_gid() == f"label:bar:{bar_id}":
                continue  # a bar's own label may sit inside it
            assert not box.overlaps(patch.get_window_extent(renderer)), (text.get_text(), bar_id)


def test_bars_span_established_to_dissolved_in_data_coordinates(local):
    rendered = draw(local)
    trust = rendered.bar_patches["care-trust"]
    assert trust.get_x() == pytest.approx(year_of(PartialDate(2002, 4, 1).earliest))
    assert trust.get_x() + trust.get_width() == pytest.approx(year_of(PartialDate(2013, 4, 1).earliest))
    area = rendered.bar_patches["area-board"]
    assert (area.get_x(), area.get_x() + area.get_width()) == pytest.approx((1974.246, 1996.249), abs=1e-3)


def test_open_ended_bar_runs_to_data_date_and_fades_on(local):
    rendered = draw(local)
    board = rendered.bar_patches["system-board"]
    assert board.get_x() + board.get_width() == pytest.approx(year_of(PartialDate(2023, 3, 1).latest))
    fades = [p for p in rendered.axes.patches if p.get_gid() == "fade:system-board"]
    alphas = [p.get_facecolor()[3] for p in sorted(fades, key=lambda p: p.get_x())]
    assert len(fades) > 3 and alphas == sorted(alphas, reverse=True) and alphas[-1] < 0.2
    assert [p for p in rendered.axes.patches if p.get_gid() == "open:system-board"]
    assert not [p for p in rendered.axes.patches if p.get_gid() == "fade:care-group"]


def test_proposals_use_the_proposal_style_and_facts_do_not(local):
    rendered = draw(local)
    proposed = rendered.bar_patches["joint-trust"]
    assert proposed.get_linestyle() == "--" and proposed.get_facecolor()[3] < 1
    fact = rendered.bar_patches["care-trust"]
    assert fact.get_linestyle() == "-" and fact.get_facecolor()[3] == 1
    proposed_edge = next(e for e in local.edges if e.proposed)
    assert rendered.edge_artists[proposed_edge.id].get_linestyle() == "--"
    assert all(rendered.edge_artists[e.id].get_linestyle() == "-" for e in local.edges if e.arrow and not e.proposed)


def test_arrows_run_from_the_old_body_to_its_successor_at_the_event_date(local):
    rendered = draw(local)
    edge = next(e for e in local.edges if e.subject == "care-group" and e.object == "care-trust")
    assert (edge.source, edge.target) == ("care-trust", "care-group")
    arrow = rendered.edge_artists[edge.id]
    assert isinstance(arrow, FancyArrowPatch)
    (x0, y0), (x1, y1) = arrow._posA_posB
    assert x0 == pytest.approx(x1) and x0 == pytest.approx(year_of(PartialDate(2013, 4, 1).earliest), abs=0.2)
    lanes = rendered.lanes
    assert (y1 > y0) == (lanes["care-group"] > lanes["care-trust"])


def test_abolition_is_a_mark_on_the_bar_end_labelled_with_the_act(local):
    rendered = draw(local)
    mark = next(e for e in local.edges if not e.arrow)
    assert (mark.subject, mark.target) == ("act-1995", "area-board")
    x, y = (v[0] for v in rendered.edge_artists[mark.id].get_data())
    area = rendered.bar_patches["area-board"]
    assert x == pytest.approx(area.get_x() + area.get_width(), abs=0.01) and y == rendered.lanes["area-board"]
    assert "Example Act 1995" in rendered.edge_texts[mark.id].get_text()


def test_legend_explains_every_mark_used(local):
    rendered = draw(local)
    legend = "\n".join(t.get_text() for t in rendered.figure.legends[0].get_texts())
    for needed in ("Local level", "System level", "Replaced by", "Abolished by", "Proposal", "Proposed change",
                   "Still exists"):
        assert needed in legend
    assert "Merges into" not in legend  # no merger in this picture: no key for one


def test_title_and_source_line_come_from_the_data(local):
    rendered = draw(local)
    drawn = drawn_strings(rendered)
    assert "Local boards, 1974–2023" in drawn
    assert "Source: nhsgraph, data as of 1 March 2023" in drawn


def test_period_clips_bars_and_drops_what_lies_outside(dataset):
    clipped = diagram(dataset, "care trust", start=2000, end=2015, depth=3)
    ids = {b.id for b in clipped.bars}
    assert "area-board" not in ids and {"care-trust", "district-board", "care-group"} <= ids
    group = clipped.bar("care-group")
    assert group.end == pytest.approx(2016.0) and group.open_end
    assert clipped.bar("district-board").start == pytest.approx(2000.0) and not clipped.bar("district-board").start_known
    assert all(2000 <= (e.when or 0) <= 2016 for e in clipped.edges)


def test_lineage_of_a_name_follows_change_events_to_the_given_depth(dataset):
    near = {b.id for b in diagram(dataset, "care trust", depth=1).bars}
    assert near == {"care-trust", "district-board", "care-group"}
    far = {b.id for b in diagram(dataset, "care trust", depth=2).bars}
    assert far == near | {"area-board", "system-board", "joint-trust"}


def test_body_without_dates_ends_at_the_fact_that_ended_it_and_fades_in(dataset):
    lineage = diagram(dataset, "Agency A", depth=1)
    zero = lineage.bar("agency-zero")
    assert zero.end == pytest.approx(year_of(PartialDate(2005, 4, 1).earliest)) and not zero.open_end
    assert not zero.start_known  # no start recorded: a short stub that fades in, not a made-up date
    assert zero.start == pytest.approx(max(lineage.start, zero.end - 0.1 * (lineage.end - lineage.start)))
    rendered = draw(lineage)
    assert [p for p in rendered.axes.patches if p.get_gid() == "fadein:agency-zero"]
    legend = "\n".join(t.get_text() for t in rendered.figure.legends[0].get_texts())
    assert "Began before the period shown, or start not recorded" in legend


def test_merger_and_rename_of_national_bodies(dataset):
    national = diagram(dataset, "National Board", depth=2)
    relations = {(e.source, e.relation, e.target) for e in national.edges}
    assert relations == {("agency-a", "renamed_to", "agency-b"), ("agency-b", "merges_into", "national-board")}
    rendered = draw(national, "slide")
    legend = "\n".join(t.get_text() for t in rendered.figure.legends[0].get_texts())
    assert "Merges into" in legend and "Renamed to" in legend
    assert overlapping_texts(rendered) == []


def test_crowded_picture_keeps_every_label_apart(write_data):
    # Forty bodies that all reorganise on the same two dates: far more labels than room.
    orgs, statements = [], []
    for i in range(40):
        orgs.append(f"  - {{id: body-{i:02d}, label: Body number {i:02d} with a long name, established: 2000-04-01,"
                    f" dissolved: 2010-04-01}}")
        orgs.append(f"  - {{id: heir-{i:02d}, label: Successor {i:02d}, established: 2010-04-01}}")
        statements.append(f"  - {{subject: heir-{i:02d}, relation: replaces, object: body-{i:02d},"
                          f" date: 2010-04-01, by: act-{i % 7}, sources: [doc-a]}}")
    acts = [f"  - {{id: act-{k}, label: Reorganisation Order {k} of 2010, year: 2010}}" for k in range(7)]
    folder = write_data({"crowd.yaml": "documents:\n  - {id: doc-a, label: Document A, date: 2012}\norganisations:\n" + "\n".join(orgs) + "\nacts:\n" + "\n".join(acts)
                         + "\nstatements:\n" + "\n".join(statements) + "\n"}, base=False)
    crowded = diagram(nhsgraph.load(folder), "body-00", depth=0)
    assert len(crowded.bars) == 1
    from nhsgraph.diagram.presets import Selector, Spec, default_relations

    spec = Spec(title="Crowd", relations=default_relations(), include=(Selector(kind="organisation"),))
    crowd = select(nhsgraph.load(folder), spec)
    rendered = draw(crowd)
    assert overlapping_texts(rendered) == []
    drawn = drawn_strings(rendered)
    for edge in crowd.edges:
        assert edge.label in drawn
    for bar in crowd.bars:
        assert bar.caption in drawn


def test_svg_output_is_byte_identical_across_runs(local, tmp_path):
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    write(local, first)
    write(local, second)
    assert first.read_bytes() == second.read_bytes()
    assert b"<svg" in first.read_bytes()[:500]


def test_png_and_pdf_are_written_by_extension(local, tmp_path):
    png, pdf = tmp_path / "x.png", tmp_path / "x.pdf"
    write(local, png)
    write(local, pdf, size="slide")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_label_with_no_clear_place_becomes_a_numbered_note(write_data):
    long_name = "An Act to make provision " + "about the reorganisation of bodies, " * 8 + "and for connected purposes"
    folder = write_data({"long.yaml": f"""\
        acts:
          - {{id: act-long, label: "{long_name}", year: 2010}}
        organisations:
          - {{id: old, label: Old body, established: 2000-04-01, dissolved: 2010-04-01, sources: [doc-a]}}
          - {{id: new, label: New body, established: 2010-04-01, sources: [doc-a]}}
        statements:
          - {{subject: new, relation: replaces, object: old, date: 2010-04-01, by: act-long, sources: [doc-a]}}
        """})
    lineage = diagram(nhsgraph.load(folder), "Old body", depth=1)
    rendered = draw(lineage)
    (edge,) = lineage.edges
    assert rendered.notes == [f"① Old body → New body: {long_name}, 1 April 2010"]
    note = rendered.edge_texts[edge.id]
    assert note.get_gid() == "note" and flat(note.get_text()) == flat(rendered.notes[0])
    page = rendered.figure.bbox
    box = note.get_window_extent(rendered.figure.canvas.get_renderer())
    assert page.x0 <= box.x0 and box.x1 <= page.x1 and "\n" in note.get_text()  # wrapped to the page
    assert "①" in [t.get_text() for t in texts(rendered)]  # the number is drawn beside the arrow
    assert overlapping_texts(rendered) == []


def test_proposals_in_the_period_show_beside_what_was_enacted_with_proposer_and_outcome(dataset):
    from nhsgraph.diagram.presets import Selector, Spec, default_relations

    spec = Spec(title="Proposals", start=2010, relations=default_relations(),
                include=(Selector(kind="org_type"), Selector(kind="proposal", start=2018, end=2021, related=True)))
    picture = select(dataset, spec)
    proposal = picture.bar("joint-trust-proposal")
    assert proposal.proposed and proposal.caption == (
        "Joint trusts for every area (proposed by Pat Jones and Sam Lee, 2018; rejected 2021)")
    assert (proposal.start, proposal.end) == pytest.approx((2018.414, 2021.085), abs=1e-3)
    assert picture.bar("joint-trust").caption == "joint trust (proposed by Pat Jones and Sam Lee, 2018)"
    rendered = draw(picture)
    patch = rendered.bar_patches["joint-trust-proposal"]
    assert patch.get_linestyle() == "--" and patch.get_facecolor()[3] < 1
    assert rendered.bar_texts["joint-trust-proposal"].get_fontstyle() == "italic"
    assert overlapping_texts(rendered) == []
    outside = Spec(title="Later", relations=default_relations(),
                   include=(Selector(kind="org_type"), Selector(kind="proposal", start=2022, related=True)))
    assert "joint-trust-proposal" not in select(dataset, outside).bar_ids


def test_a_category_keeps_its_colour_from_one_diagram_to_the_next(dataset):
    alone = draw(diagram(dataset, "care trust", depth=1))
    mixed = draw(diagram(dataset, "care trust", depth=3))  # adds a system-level form
    local = alone.bar_patches["care-trust"].get_facecolor()
    assert mixed.bar_patches["care-trust"].get_facecolor() == local
    assert mixed.bar_patches["system-board"].get_facecolor() != local
