"""The query layer (nhsgraph.queries) on a small fictional reform history (tests/reform_fixture.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from reform_fixture import REFORM

import nhsgraph
from nhsgraph import queries
from nhsgraph.names import AmbiguousName, UnknownName
from nhsgraph.query_index import index_for


@pytest.fixture
def reform(write_data) -> nhsgraph.Dataset:
    return nhsgraph.load(write_data(REFORM))


def ids(answers) -> list[str]:
    return [a.id for a in answers]


def test_replaced_by_accepts_plural_alias_and_gives_date_by_and_quoted_source(reform):
    (fact,) = [a for a in queries.replaced_by(reform, "OFs") if a.is_fact]
    assert (fact.id, fact.date, fact.by["id"], fact.reads) == ("new-form", "2022-07-01", "act-2022", "replaced by")
    assert fact.sources == [{"document": "doc-a", "title": "Document A", "url": None, "date": "2020-11-26",
                             "quote": "The new form replaces the old form.", "locator": None}]


def test_replaced_by_lists_facts_first_and_keeps_proposals_apart_with_whose(reform):
    answers = queries.replaced_by(reform, "old form")
    assert [(a.id, a.status) for a in answers] == [("new-form", "fact"), ("idea-form", "proposed"),
                                                   ("merged-form", "proposed")]
    assert answers[1].attributed_to == [{"id": "body-x", "label": "Body X", "kind": "organisation"}]
    assert answers[1].sources[0]["quote"] == "An idea form should replace the old form."


def test_a_proposal_that_would_abolish_and_establish_proposes_a_successor(reform):
    (merged,) = [a for a in queries.replaced_by(reform, "old form") if a.id == "merged-form"]
    assert (merged.status, merged.by["id"], merged.date, merged.reads) == ("proposed", "prop-1", "2018-05-01",
                                                                          "would be replaced by")
    assert [p["id"] for p in merged.attributed_to] == ["body-x"]
    assert merged.sources[0]["quote"] == "One merged form would take over."
    assert [(a.id, a.reads) for a in queries.replaced(reform, "merged form")] == [("old-form", "would replace")]


def test_replaced_by_transitive_follows_the_chain_of_facts(reform):
    assert ids(queries.replaced_by(reform, "FF", transitive=True)) == [
        "middle-form", "old-form", "new-form", "idea-form", "merged-form"]
    assert ids(queries.replaced_by(reform, "FF")) == ["middle-form"]
    deep = queries.replaced_by(reform, "FF", transitive=True)[2]
    assert (deep.depth, deep.about[0]["id"]) == (3, "old-form")


def test_transitive_chain_never_continues_through_a_proposal(reform):
    answers = queries.replaced_by(reform, "org-b", transitive=True)
    assert [(a.id, a.status) for a in answers] == [("org-c", "fact"), ("org-e", "proposed")]
    assert "org-f" not in ids(answers)  # Org E's own merger is a fact, but Org B never merged into Org E


def test_replaced_by_as_of_keeps_only_changes_in_effect_by_that_day(reform):
    assert ids(queries.replaced_by(reform, "old-form", as_of="2022-06-30")) == ["idea-form", "merged-form"]
    assert ids(queries.replaced_by(reform, "old-form", as_of=dt.date(2022, 7, 1))) == [
        "new-form", "idea-form", "merged-form"]
    assert ids(queries.replaced_by(reform, "old-form", as_of="2018-04-30")) == []


def test_replaced_by_reads_merges_from_the_merged_body_side(reform):
    (answer,) = queries.replaced_by(reform, "Org A")
    assert (answer.id, answer.relation, answer.reads, answer.date) == ("org-b", "merges_into", "merges into", "2020-04-01")


def test_replaced_lists_predecessors_and_follows_them_back(reform):
    assert ids(queries.replaced(reform, "new form")) == ["old-form"]
    assert ids(queries.replaced(reform, "new form", transitive=True)) == ["old-form", "middle-form", "first-form"]
    assert ids(queries.replaced(reform, "org-b")) == ["org-a"]


def test_lineage_orders_predecessors_oldest_first_then_successors(reform):
    result = queries.lineage(reform, "old forms")
    assert ids(result.predecessors) == ["first-form", "middle-form"]
    assert [(a.id, a.status) for a in result.successors] == [
        ("idea-form", "proposed"), ("merged-form", "proposed"), ("new-form", "fact")]
    assert result.chain()[:3] == ["first-form", "middle-form", "old-form"]
    assert ("first-form", "middle-form") == result.edges()[0][:2]
    assert ("old-form", "new-form") in [e[:2] for e in result.edges()]


def test_lineage_of_an_instance_walks_mergers_and_gives_types_and_lifespans(reform):
    result = queries.lineage(reform, "Org A")
    assert [(a.about[0]["id"], a.id, a.status) for a in result.successors] == [
        ("org-a", "org-b", "fact"), ("org-b", "org-e", "proposed"), ("org-b", "org-c", "fact")]
    nodes = {n["id"]: n for n in result.nodes}
    assert nodes["org-b"]["types"] == [{"id": "old-form", "label": "old form", "kind": "org_type"}]
    assert (nodes["org-b"]["established"], nodes["org-b"]["dissolved"]) == ("2013-04-01", "2022-07-01")
    assert "org-f" not in nodes


def test_lineage_memberships_give_what_the_chain_was_part_of_as_context(reform):
    (member,) = queries.lineage(reform, "Org A").memberships
    assert (member.id, member.about[0]["id"], member.reads, member.date, member.until) == (
        "org-h", "org-b", "part of", "2014-04-01", "2022-07-01")
    (part,) = queries.lineage(reform, "Region H").memberships
    assert (part.id, part.reads) == ("org-b", "has part")
    assert queries.lineage(reform, "Region H").successors == []


def test_as_of_dissolved_day_is_the_first_day_a_body_no_longer_exists(reform):
    assert "old-form" in ids(queries.as_of(reform, "2022-06-30", kind="org_type"))
    on_the_day = ids(queries.as_of(reform, "2022-07-01", kind="org_type"))
    assert "old-form" not in on_the_day and "new-form" in on_the_day
    assert ids(queries.as_of(reform, "2013-03-31", kind="org_type")) == ["middle-form"]


def test_as_of_never_lists_proposed_only_forms_or_undated_bodies(reform):
    everything = ids(queries.as_of(reform, "2023-01-01"))
    assert "idea-form" not in everything and "body-x" not in everything


def test_as_of_type_counts_instances_and_flags_imprecise_dates(reform):
    answers = queries.as_of(reform, "2013-04-01", org_type="OFs")
    assert ids(answers) == ["org-a", "org-b", "org-d"]
    notes = {a.id: a.note for a in answers}
    assert notes["org-a"] is None and "established 2013 (to the year)" in notes["org-d"]
    assert ids(queries.as_of(reform, "2020-04-01", org_type="old-form")) == ["org-b", "org-d"]


def test_as_of_takes_a_lifespan_from_an_establishing_statement(reform):
    (org_g,) = [a for a in queries.as_of(reform, "2022-07-01", org_type="new form") if a.id == "org-g"]
    assert (org_g.date, org_g.by["id"]) == ("2022-07-01", "act-2022")
    assert "org-g" not in ids(queries.as_of(reform, "2022-06-30"))


def test_as_of_refuses_a_type_that_is_not_an_organisation_type(reform):
    with pytest.raises(ValueError, match="not an organisation type"):
        queries.as_of(reform, "2020-01-01", org_type="Org A")


def test_positions_on_a_proposal_name_holders_with_quotes(reform):
    answers = queries.positions(reform, "prop-1")
    assert [(a.id, a.relation, a.sources[0]["quote"]) for a in answers] == [
        ("body-x", "opposes", "Body X opposes the merger."), ("person-p", "supports", "Merging the old forms is right.")]
    assert all(a.about[0]["id"] == "prop-1" for a in answers)


def test_positions_of_a_document_and_of_its_author_are_the_positions_it_records(reform):
    assert ids(queries.positions(reform, "Article B")) == ["person-p"]
    assert ids(queries.positions(reform, "Pat Example")) == ["person-p"]
    assert ids(queries.positions(reform, "Body X")) == ["body-x"]


def test_proposals_cover_proposal_entities_proposed_forms_and_proposed_statements(reform):
    found = {(a.kind, a.label): a for a in queries.proposals(reform)}
    assert set(found) == {("proposal", "Merge the old forms"), ("org_type", "idea form"),
                          ("statement", "idea form replaces old form"), ("statement", "Org B merges into Org E")}
    merge = found[("proposal", "Merge the old forms")]
    assert (merge.status, merge.outcome, [p["id"] for p in merge.attributed_to]) == (
        "rejected", {"date": None, "text": "Not taken up."}, ["body-x"])
    assert [x["id"] for x in merge.about] == ["old-form", "merged-form"]
    assert all(a.status != "fact" for a in found.values())


def test_proposals_by_a_person_include_only_theirs_and_by_a_document_all_it_sets_out(reform):
    assert [a.label for a in queries.proposals(reform, by="Pat Example")] == ["idea form"]
    assert len(queries.proposals(reform, by="Body X")) == 3
    assert {a.label for a in queries.proposals(reform, by="doc-b")} >= {"Merge the old forms", "idea form"}


def test_proposals_about_an_entity(reform):
    assert [a.label for a in queries.proposals(reform, about="old forms")] == [
        "idea form replaces old form", "Merge the old forms"]


def test_search_ranks_exact_then_prefix_then_words_and_reports_the_matched_name(reform):
    answers = queries.search(reform, "old form")
    assert answers[0].id == "old-form"
    assert queries.search(reform, "FFs")[0].matched == "FF"
    assert ids(queries.search(reform, "form", limit=3)) == ["new-form", "old-form", "idea-form"]  # shortest first
    assert ids(queries.search(reform, "pat ex")) == ["person-p"]


def test_search_finds_close_spellings_and_returns_nothing_for_blank(reform):
    assert queries.search(reform, "midle form")[0].id == "middle-form"
    assert queries.search(reform, "   ") == []


def test_unknown_name_suggests_partial_matches(reform):
    with pytest.raises(UnknownName) as caught:
        queries.replaced_by(reform, "Pat")
    assert caught.value.suggestions == ["Pat Example"]


def test_ambiguous_name_lists_candidates(reform):
    with pytest.raises(AmbiguousName) as caught:
        queries.lineage(reform, "twin")
    assert caught.value.candidates == [("org-b", "Org B"), ("org-d", "Org D")]


def test_index_is_built_once_and_rebuilt_when_statements_change(reform):
    first = index_for(reform)
    assert index_for(reform) is first
    extra = reform.statements[0].model_copy(update={"id": None, "note": "copy", "date": None, "from_": None})
    extra.subject, extra.object, extra.relation = "org-f", "org-c", "replaces"
    reform.add_statement(extra)
    assert index_for(reform) is not first
    assert "org-f" in ids(queries.replaced_by(reform, "org-c"))


def test_positions_on_a_form_include_positions_on_proposals_that_would_create_it(reform):
    answers = queries.positions(reform, "merged form")
    assert [(a.id, a.relation, a.about[0]["id"]) for a in answers] == [
        ("body-x", "opposes", "prop-1"), ("person-p", "supports", "prop-1")]


def test_lineage_nodes_say_whether_a_fact_or_a_claim_joins_them_to_the_chain(reform):
    nodes = {n["id"]: n["status"] for n in queries.lineage(reform, "old form").nodes}
    assert nodes == {"first-form": "fact", "middle-form": "fact", "old-form": "fact", "new-form": "fact",
                     "idea-form": "proposed", "merged-form": "proposed"}


def test_extracted_claims_not_accepted_in_review_never_answer(write_data):
    extracted = """\
        statements:
          - {subject: org-f, relation: replaces, object: org-c, date: 2023-01-01, review: pending}
          - {subject: org-g, relation: replaces, object: org-c, date: 2023-01-01, review: rejected}
          - {subject: org-e, relation: replaces, object: org-c, date: 2023-01-01, review: accepted, sources: [doc-a]}
        """
    dataset = nhsgraph.load(write_data({**REFORM, "extracted.yaml": extracted}))
    assert ids(queries.replaced_by(dataset, "Org C")) == ["org-e"]


def test_positions_on_a_form_include_positions_on_the_act_that_changed_it(write_data):
    extra = """\
        statements:
          - subject: body-x
            relation: opposes
            object: act-2022
            status: proposed
            attributed_to: [body-x]
            sources: [{document: doc-a, quote: "Body X opposes the Act."}]
        """
    dataset = nhsgraph.load(write_data({**REFORM, "extra.yaml": extra}))
    on_act = [(a.id, a.relation, a.about[0]["id"]) for a in queries.positions(dataset, "old form")]
    assert ("body-x", "opposes", "act-2022") in on_act
    assert all(a.about[0]["id"] != "act-2022" for a in queries.positions(dataset, "first form"))
