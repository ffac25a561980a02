"""Wordings of briefings, parliamentary news, committee reports and public-sector pages, on sentences
written for the tests: lists with bracketed acronyms, doers named in a fronted phrase, roles, witnesses'
views and mergers into a body described rather than named."""

from __future__ import annotations

import pytest
from extract_fixtures import leads_with_status, run, triples

ICB, CCG = "integrated-care-board", "clinical-commissioning-group"
ACT_2012 = "health-and-social-care-act-2012"



def test_list_goes_on_after_a_bracketed_acronym(gaz):
    assert triples(run(gaz, "NHS England abolished clinical commissioning groups (CCGs) and integrated care boards (ICBs).")) == {
        ("nhs-england", "abolishes", CCG, "fact"), ("nhs-england", "abolishes", ICB, "fact")}


def test_bracketed_acronym_of_another_name_still_ends_the_list(gaz):
    # "(NHSE)" restates NHS England, not the CCGs before it: the list is not carried through it.
    result = run(gaz, "Monitor abolished clinical commissioning groups (NHSE) and integrated care boards.")
    assert ("monitor", "abolishes", ICB, "fact") not in triples(result)


def test_agentless_passive_takes_its_doer_from_a_fronted_under_phrase(gaz):
    assert triples(run(gaz, "Under provisions in the Lansley Act, CCGs were established in 2013.")) == {
        (ACT_2012, "establishes", CCG, "fact")}


def test_fronted_under_phrase_naming_no_act_gives_no_doer(gaz):
    assert triples(run(gaz, "Under NHS England, CCGs were established in 2013.")) == set()
    assert triples(run(gaz, "Under the plans, CCGs were established in 2013.")) == set()


def test_fronted_phrase_does_not_override_a_by_agent(gaz):
    assert triples(run(gaz, "Under the Lansley Act, CCGs were abolished by NHS England.")) == {
        ("nhs-england", "abolishes", CCG, "fact")}


@pytest.mark.parametrize("sentence", [
    "Jane Example, Chair of NHS Providers, said that CCGs work.",
    "As Jane Example, chief executive of NHS Providers, told us, CCGs work.",
    "NHS Providers' chief executive, Jane Example, spoke first.",
    "NHS Providers chief executive Jane Example spoke first.",
])
def test_named_person_in_a_heading_post_leads_the_named_body(gaz, sentence):
    result = run(gaz, sentence)
    assert leads_with_status(result) == {("jane-example", "nhs-providers", "fact")}
    claim = next(c for c in result.claims if c.relation == "leads")
    assert [p.id for p in claim.attributed_to] == ["sam-writer"]  # the article says so, not the speaker
    assert claim.cue.casefold() in ("chair", "chief executive")


def test_post_heading_two_bodies_leads_both_but_not_a_former_one(gaz):
    result = run(gaz, "Jane Example, Chair of NHS Providers and Monitor and former Chief Executive of NHS England, told us so.")
    assert leads_with_status(result) == {("jane-example", "nhs-providers", "fact"), ("jane-example", "monitor", "fact")}


@pytest.mark.parametrize("sentence", [
    "Jane Example, former Chair of NHS Providers, said so.",
    "Jane Example, deputy chief executive of NHS Providers, said so.",
    "Jane Example, Director of Policy at NHS Providers, said so.",
    "Former NHS Providers chief executive Jane Example said so.",
    "Jane Example, Chair of the Widget Care Trust, said so.",  # a body the data lacks
])
def test_no_lead_from_a_past_deputy_or_other_post_or_an_unknown_body(gaz, sentence):
    assert leads_with_status(run(gaz, sentence)) == set()


def test_post_before_a_body_name_is_not_part_of_the_name(gaz):
    result = run(gaz, "Jane Example, Chair of the Widget Care Trust, said so.")
    assert [m.text for m in result.mentions if not m.known and m.kind == "organisation"] == ["Widget Care Trust"]


def test_merger_into_a_generic_description_goes_into_the_body_called_new_later(gaz):
    text = "Monitor, NHS Improvement and NHS England have merged into a single organisation. This new NHS England starts today."
    result = run(gaz, text)
    assert triples(result) == {("monitor", "merges_into", "nhs-england", "fact"), ("nhs-improvement", "merges_into", "nhs-england", "fact")}
    claim = next(c for c in result.claims if c.subject.id == "monitor")
    assert claim.object.resolved and text[claim.object.start:claim.object.end] == "single organisation"


def test_generic_description_without_a_named_survivor_is_no_entity_and_no_claim(gaz):
    result = run(gaz, "Monitor and NHS Improvement have merged into a single organisation.")
    assert triples(result) == set()
    assert all("organisation" not in m.text for m in result.mentions)


def test_description_with_content_is_still_a_new_body(gaz):
    result = run(gaz, "Monitor and NHS Improvement will merge into a single national regulator.")
    assert {(c.subject.id, c.relation, c.object.id) for c in result.claims} == {
        ("monitor", "merges_into", "single-national-regulator"), ("nhs-improvement", "merges_into", "single-national-regulator")}


def test_two_bodies_called_new_leave_the_description_unresolved(gaz):
    text = "Monitor and NHS Improvement merged into a single organisation. The new NHS England and the new Monitor differ."
    assert triples(run(gaz, text)) == set()


def test_assuming_responsibility_for_what_a_body_did_replaces_it(gaz):
    assert triples(run(gaz, "NHS England has assumed responsibility for all activities previously undertaken by Monitor.")) == {
        ("nhs-england", "replaces", "monitor", "fact")}


def test_what_moves_must_belong_to_the_transfer_verb_not_a_coordinated_clause(gaz):
    assert triples(run(gaz, "The functions of Monitor will continue as normal and contracts will transfer to NHS England.")) == set()
    assert triples(run(gaz, "The functions of Monitor will transfer to NHS England.")) == {("monitor", "merges_into", "nhs-england", "predicted")}


def test_gerund_items_of_a_contents_list_are_done_by_the_sentence_subject(gaz):
    result = run(gaz, "The Lansley Act contains many measures, including: abolishing CCGs; establishing integrated care boards.")
    assert triples(result) == {(ACT_2012, "abolishes", CCG, "fact"), (ACT_2012, "establishes", ICB, "fact")}


def test_gerund_items_of_a_bills_contents_are_proposed(gaz):
    text = "The Bill was published. The Bill contains many measures, including: setting standards; abolishing CCGs."
    result = run(gaz, "The Health and Social Care Bill passed in 2012. " + text)  # "in 2012" dates nothing
    # the Bill, whichever Act of its title it became: what it contains, it proposes
    assert triples(result) == {(ACT_2012, "abolishes", CCG, "proposed")}
    assert all(m.confidence < 0.5 for m in result.mentions if m.text.endswith("Social Care Bill"))
    dated = run(gaz, "The Lansley Act was a Bill in 2011. The Bill contains many measures, including: abolishing CCGs.")
    assert triples(dated) == {(ACT_2012, "abolishes", CCG, "proposed")}


@pytest.mark.parametrize("sentence", [
    "NHS England warned against many measures, including: abolishing CCGs.",  # no containing verb
    "The Lansley Act contains many measures. Abolishing CCGs was one.",       # no list
    "Monitor said the Lansley Act was flawed, abolishing CCGs.",              # not an item after a colon
])
def test_other_gerunds_keep_no_doer(gaz, sentence):
    assert not {t for t in triples(run(gaz, sentence)) if t[1] == "abolishes"}


def test_appositive_post_does_not_take_the_persons_verb(gaz):
    result = run(gaz, "Jane Example, Chair of NHS Providers, welcomed the Lansley Act.")
    assert triples(result) == {("jane-example", "leads", "nhs-providers", "fact"), ("jane-example", "supports", ACT_2012, "fact")}


def test_relative_clause_between_doer_and_verb(gaz):
    assert triples(run(gaz, "NHS England, which Monitor created, abolished CCGs.")) == {("nhs-england", "abolishes", CCG, "fact")}


@pytest.mark.parametrize("sentence, expected", [
    ("NHS Providers was broadly supportive of integrated care boards.", ("nhs-providers", "supports", ICB, "fact")),
    ("NHS Providers expressed support for integrated care boards.", ("nhs-providers", "supports", ICB, "fact")),
    ("NHS Providers was sceptical of integrated care boards.", ("nhs-providers", "opposes", ICB, "fact")),
    ("NHS Providers welcomed the creation of integrated care boards.", ("nhs-providers", "supports", ICB, "fact")),
    ("NHS Providers told us that integrated care boards work well.", ("nhs-providers", "supports", ICB, "reported")),
])
def test_committee_style_views_are_stances_of_the_named_body(gaz, sentence, expected):
    assert triples(run(gaz, sentence)) == {expected}


def test_view_of_unnamed_witnesses_is_nobodys_stance_and_not_the_articles(gaz):
    assert triples(run(gaz, "Witnesses told us that integrated care boards work well.")) == set()
    assert triples(run(gaz, "Many witnesses argued that NHS England should abolish CCGs.")) == set()


def test_fact_told_by_unnamed_speakers_is_reported(gaz):
    assert triples(run(gaz, "Some witnesses said that NHS England abolished CCGs.")) == {("nhs-england", "abolishes", CCG, "reported")}


def test_person_after_led_by_is_a_new_person(gaz):
    result = run(gaz, "The Government announced an independent review, led by Rt Hon Patricia Hewitt.")
    assert [(m.text, m.kind) for m in result.mentions if not m.known] == [("Patricia Hewitt", "person")]
    assert not [m for m in run(gaz, "The review was led by NHS England.").mentions if m.kind == "person"]


def test_head_of_a_part_of_a_body_does_not_lead_the_body(gaz):
    assert leads_with_status(run(gaz, "Jane Example, head of NHS England's digital team, said so.")) == set()
    assert leads_with_status(run(gaz, "Jane Example, chair of the board of NHS Providers, said so.")) == {("jane-example", "nhs-providers", "fact")}


@pytest.mark.parametrize("sentence", [
    "CCGs were abolished on 1 July 2022 under the Lansley Act.",
    "CCGs were abolished as a result of the Lansley Act.",
])
def test_passive_doer_after_a_date_or_as_a_result_of(gaz, sentence):
    assert triples(run(gaz, sentence)) == {(ACT_2012, "abolishes", CCG, "fact")}


def test_as_a_result_of_needs_a_passive(gaz):
    # "the reforms introduced as a result of X": no form of be, so no passive and no doer
    assert triples(run(gaz, "NHS England abolished CCGs, a change introduced as a result of the Lansley Act.")) == {
        ("nhs-england", "abolishes", CCG, "fact")}


def test_recommending_that_a_body_acts_is_no_stance_on_the_body(gaz):
    assert triples(run(gaz, "We recommend that NHS England should publish guidance.")) == set()
    assert triples(run(gaz, "We recommend that NHS England should abolish CCGs.")) == {("nhs-england", "abolishes", CCG, "proposed")}
    assert triples(run(gaz, "We recommend integrated care boards.")) == {("test-article", "proposes", ICB, "fact")}


def test_name_before_a_heading_post_is_a_new_person_who_leads_the_body(gaz):
    result = run(gaz, "Richard Brown, Chief Executive of NHS Providers, welcomed the Lansley Act.")
    assert [(m.text, m.kind) for m in result.mentions if not m.known] == [("Richard Brown", "person")]
    assert {(c.subject.id, c.relation, c.object.id) for c in result.claims} == {
        ("richard-brown", "leads", "nhs-providers"), ("richard-brown", "supports", ACT_2012)}


def test_place_before_a_post_is_not_a_new_person(gaz):
    assert not [m for m in run(gaz, "In London, chair of NHS Providers, they met.").mentions if not m.known and m.kind == "person"]


def test_office_before_a_name_is_not_part_of_the_new_persons_name(gaz):
    people = [m.text for m in run(gaz, "Health Secretary Jane Smith, head of Monitor, spoke.").mentions if not m.known and m.kind == "person"]
    assert people in ([], ["Jane Smith"])
