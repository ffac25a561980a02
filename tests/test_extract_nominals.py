"""Changes named by nouns, transfers of functions and legal wording, on sentences written for the tests."""

from __future__ import annotations

import pytest
from extract_fixtures import ArticleInfo, extract_text, parse_article, run, triples

from nhsgraph.extract import Extraction, Gazetteer

ICB, CCG, ACT = "integrated-care-board", "clinical-commissioning-group", "health-and-social-care-act-2012"



def in_act(gaz: Gazetteer, text: str) -> Extraction:
    """The sentence as the text of an Act: what it says, it does."""
    return extract_text(parse_article(text), gaz, ArticleInfo(document_id=ACT))


@pytest.mark.parametrize("sentence", [
    "The replacement of CCGs by ICBs.",
    "The abolition of CCGs and their replacement by ICBs.",
    "CCGs were created in 2013. Their replacement by ICBs came in 2022.",
    "The replacement of CCGs with ICBs was announced.",
])
def test_replacement_by_names_the_successor(gaz, sentence):
    assert (ICB, "replaces", CCG) in {(s, r, o) for s, r, o, _ in triples(run(gaz, sentence))}
    assert all(c.subject.id != CCG for c in run(gaz, sentence).claims)


def test_nominal_with_by_agent_before_or_after_the_object(gaz):
    assert triples(run(gaz, "The abolition of Monitor by the Lansley Act.")) == {(ACT, "abolishes", "monitor", "fact")}
    assert triples(run(gaz, "The abolition, by the Lansley Act, of Monitor.")) == {(ACT, "abolishes", "monitor", "fact")}


def test_nominal_without_a_doer_asserts_nothing_in_an_article(gaz):
    assert triples(run(gaz, "The abolition of Monitor.")) == set()


def test_nominal_keeps_modality(gaz):
    assert (ICB, "replaces", CCG, "predicted") in triples(run(gaz, "There could be a replacement of CCGs by ICBs."))


def test_merger_of_x_into_y(gaz):
    assert triples(run(gaz, "The merger of NHS Improvement into NHS England.")) == {
        ("nhs-improvement", "merges_into", "nhs-england", "fact")}


def test_merging_to_form_a_new_body(gaz):
    assert triples(run(gaz, "NHS Improvement and Monitor merged to form NHS England.")) == {
        ("nhs-improvement", "merges_into", "nhs-england", "fact"), ("monitor", "merges_into", "nhs-england", "fact")}


def test_merge_without_a_target_has_no_direction_and_no_claim(gaz):
    assert triples(in_act(gaz, "NHS Improvement and NHS England are to merge.")) == set()


@pytest.mark.parametrize(("sentence", "expected"), [
    # all of a body's functions: it merges into the receiver
    ("The functions of Monitor are transferred to NHS England.", ("monitor", "merges_into", "nhs-england", "fact")),
    ("Monitor’s functions were transferred to NHS England.", ("monitor", "merges_into", "nhs-england", "fact")),
    ("The transfer of the functions of Monitor to NHS England.", ("monitor", "merges_into", "nhs-england", "fact")),
    ("NHS Improvement was abolished. Its functions were transferred to NHS England.", ("nhs-improvement", "merges_into", "nhs-england", "fact")),
    ("Regulations transfer the statutory functions of Monitor to NHS England.", ("monitor", "merges_into", "nhs-england", "fact")),
    # some of them: the receiver takes over that role
    ("On 1 October the commissioning responsibilities of Monitor moved to NHS England.", ("nhs-england", "replaces", "monitor", "fact")),
    ("Some functions of Monitor will be transferred to NHS England.", ("nhs-england", "replaces", "monitor", "predicted")),
    ("The transfer of functions from Monitor to NHS England.", ("nhs-england", "replaces", "monitor", "fact")),
    # the owner named in a relative clause after what moves (which may be only some of its functions)
    ("The functions that Monitor performs will be transferred to NHS England.", ("nhs-england", "replaces", "monitor", "predicted")),
    # the receiver after "the responsibility of"; devolved functions pass down to the receiver
    ("The regulatory function of Monitor will become the responsibility of NHS England.", ("nhs-england", "replaces", "monitor", "predicted")),
    ("The responsibilities of Monitor were devolved to NHS England.", ("monitor", "merges_into", "nhs-england", "fact")),
    # forms do not merge: all of one form's functions passing to another is a replacement
    ("The functions of clinical commissioning groups were transferred to integrated care boards.",
     ("integrated-care-board", "replaces", "clinical-commissioning-group", "fact")),
])
def test_transfer_of_functions(gaz, sentence, expected):
    assert triples(run(gaz, sentence)) == {expected}


@pytest.mark.parametrize(("sentence", "expected"), [
    # the body gaining functions as the verb's subject: it takes over the other's role
    ("NHS England took on the commissioning functions of Monitor.", ("nhs-england", "replaces", "monitor", "fact")),
    ("In 2016 NHS England took on responsibility from Monitor for pricing.", ("nhs-england", "replaces", "monitor", "fact")),
    ("NHS England has assumed the functions previously carried out by Monitor.", ("nhs-england", "replaces", "monitor", "fact")),
    ("NHS England inherited Monitor's regulatory duties.", ("nhs-england", "replaces", "monitor", "fact")),
    ("NHS England will take on some functions of Monitor.", ("nhs-england", "replaces", "monitor", "predicted")),
    ("NHS England has taken on the functions, which have been the responsibility of Monitor.", ("nhs-england", "replaces", "monitor", "fact")),
    # a possessive pronoun with a qualifier before what moves: some of its functions
    ("Monitor was abolished and its regulatory functions were transferred to NHS England.", ("nhs-england", "replaces", "monitor", "fact")),
])
def test_body_taking_on_functions(gaz, sentence, expected):
    assert expected in triples(run(gaz, sentence))


def test_taking_on_needs_what_moves_after_the_verb(gaz):
    assert {r for _, r, _, _ in triples(run(gaz, "NHS England took on Monitor in a merger of cultures."))} <= {"merges_into"}
    assert triples(run(gaz, "NHS England will take on staff from Monitor.")) == set()


def test_functions_shared_among_several_bodies_make_each_a_successor_not_a_merger(gaz):
    """A body cannot merge into several: split among them, its role is taken over by each."""
    found = triples(run(gaz, "Monitor’s functions were transferred to NHS England and NHS Providers."))
    assert found == {("nhs-england", "replaces", "monitor", "fact"), ("nhs-providers", "replaces", "monitor", "fact")}


def test_staff_listed_with_functions_still_say_what_moves(gaz):
    assert triples(run(gaz, "Monitor’s functions and staff transferred to NHS England.")) == {
        ("monitor", "merges_into", "nhs-england", "fact")}


def test_a_bracketed_aside_does_not_end_a_list_of_receivers(gaz):
    found = triples(run(gaz, "Monitor’s functions were transferred to NHS England (in London), NHS Providers and NHS Improvement."))
    assert {s for s, _, _, _ in found} == {"nhs-england", "nhs-providers", "nhs-improvement"}


def test_transfer_needs_what_moves(gaz):
    assert triples(run(gaz, "Monitor moved to NHS England’s building.")) == set()


def test_negated_transfer_is_negated(gaz):
    result = run(gaz, "The functions of Monitor will not be transferred to NHS England.")
    assert triples(result) == set() and triples(result, negated=True)


def test_ceases_to_exist_in_an_act_and_in_an_article(gaz):
    assert triples(in_act(gaz, "Monitor ceases to exist.")) == {(ACT, "abolishes", "monitor", "fact")}
    # nobody named as doing it: neither a fact nor a forecast is the article's deed
    assert triples(run(gaz, "Monitor will cease to exist.")) == set()
    assert triples(run(gaz, "Monitor ceased to exist in 2022.")) == set()


def test_there_is_established_a_form_known_as_a_name(gaz):
    assert triples(in_act(gaz, "There is established a clinical commissioning group known as NHS Improvement.")) == {
        (ACT, "establishes", "nhs-improvement", "fact"), ("nhs-improvement", "instance_of", "clinical-commissioning-group", "fact")}
    assert triples(in_act(gaz, "It is the duty of the Secretary of State to establish bodies to be called integrated care boards.")) == {
        (ACT, "establishes", ICB, "fact")}


def test_list_of_abolished_bodies_after_the_verb(gaz):
    assert triples(in_act(gaz, "The following bodies are abolished— (a) Monitor; (b) NHS Improvement.")) == {
        (ACT, "abolishes", "monitor", "fact"), (ACT, "abolishes", "nhs-improvement", "fact")}


def test_list_of_names_repeating_the_article(gaz):
    assert triples(in_act(gaz, "The NHS Improvement, the Monitor and the NHS England are dissolved.")) == {
        (ACT, "abolishes", "nhs-improvement", "fact"), (ACT, "abolishes", "monitor", "fact"), (ACT, "abolishes", "nhs-england", "fact")}


@pytest.mark.parametrize(("sentence", "status"), [
    ("Each clinical commissioning group shall be known as an integrated care board.", "fact"),
    ("NHS Improvement will be known as NHS England.", "predicted"),
    ("NHS Improvement was set up in 2013, with the name changed to NHS England in 2016.", "fact"),
])
def test_renaming_wording(gaz, sentence, status):
    found = {(s, r, o, st) for s, r, o, st in triples(run(gaz, sentence)) if r == "renamed_to"}
    assert len(found) == 1 and next(iter(found))[3] == status


def test_a_stance_on_a_change_named_by_a_possessive_noun(gaz):
    assert triples(run(gaz, "CCGs were created in 2013. NHS Providers opposes their abolition.")) == {
        ("nhs-providers", "opposes", CCG, "fact")}


def in_proposal(gaz: Gazetteer, text: str) -> Extraction:
    """The sentence as the text of a document the data records as setting out a proposal."""
    return extract_text(parse_article(text), gaz, ArticleInfo(document_id="example-reform-paper"))


def test_in_a_proposals_document_what_would_happen_is_proposed(gaz):
    assert triples(in_proposal(gaz, "ICBs would replace CCGs.")) == {(ICB, "replaces", CCG, "proposed")}
    assert triples(run(gaz, "ICBs would replace CCGs.")) == {(ICB, "replaces", CCG, "predicted")}


def test_in_a_proposals_document_a_named_change_without_doer_is_the_documents_proposal(gaz):
    assert triples(in_proposal(gaz, "The abolition of Monitor.")) == {("example-reform-paper", "abolishes", "monitor", "proposed")}
    assert triples(in_proposal(gaz, "The creation of integrated care boards.")) == {("example-reform-paper", "proposes", ICB, "fact")}


@pytest.mark.parametrize(("sentence", "status"), [
    ("Proposal: integrated care boards to replace clinical commissioning groups.", "proposed"),
    ("ICBs to replace CCGs.", "predicted"),
    ("NHS England wants to abolish CCGs.", "proposed"),
    ("NHS England aims to abolish CCGs.", "announced"),
])
def test_status_from_labels_headlines_and_wishes(gaz, sentence, status):
    assert {st for *_, st in triples(run(gaz, sentence))} == {status}


def test_a_headline_future_keeps_its_negation(gaz):
    result = run(gaz, "ICBs not to replace CCGs.")
    assert triples(result) == set() and triples(result, negated=True)


@pytest.mark.parametrize("sentence", [
    "CCGs were established as part of the Health and Social Care Act in 2012.",
    "CCGs became legally established through the Lansley Act.",
])
def test_established_through_or_as_part_of_an_act(gaz, sentence):
    assert triples(run(gaz, sentence)) == {(ACT, "establishes", CCG, "fact")}


def test_through_needs_a_passive_to_name_a_doer(gaz):
    # "the reforms introduced through the Act": NHS Providers is not what the Act introduced
    assert not any(c.relation == "establishes" for c in run(gaz, "NHS Providers supported the reforms introduced through the Lansley Act.").claims)


def test_grown_out_of_is_succession(gaz):
    assert triples(run(gaz, "Integrated care boards have grown out of clinical commissioning groups.")) == {(ICB, "replaces", CCG, "fact")}


def test_cue_is_quoted_as_written(gaz):
    text = "Many functions of Monitor will, as part of these changes, be re-allocated to NHS England."
    claim = run(gaz, text).claims[0]
    assert (claim.subject.id, claim.relation, claim.object.id, claim.status) == ("nhs-england", "replaces", "monitor", "predicted")
    assert claim.cue == "re-allocated to" == text[claim.cue_start:claim.cue_end]


def test_their_functions_stand_for_the_bodies_listed_before(gaz):
    # "their" prefers a name in a list (or in the plural) to the single body named last
    result = run(gaz, "Monitor and NHS Improvement will cease to exist, with their functions transferred to NHS England.")
    assert ("nhs-improvement", "merges_into", "nhs-england", "predicted") in triples(result)
    result = run(gaz, "CCGs were created in 2013. NHS Providers opposes their abolition.")
    assert triples(result) == {("nhs-providers", "opposes", CCG, "fact")}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("CCGs will become formally designated ICBs.", (ICB, "replaces", CCG, "predicted")),  # a form becoming a form
    ("NHS Improvement became NHS England in 2016.", ("nhs-improvement", "renamed_to", "nhs-england", "fact")),  # a body
    ("Monitor became a clinical commissioning group.", ("monitor", "instance_of", CCG, "fact")),  # a body taking a form
])
def test_becoming_means_what_the_kinds_allow(gaz, sentence, expected):
    assert triples(run(gaz, sentence)) == {expected}


@pytest.mark.parametrize("sentence", [
    "NHS Providers became involved with NHS England.",
    "Monitor became responsible for NHS Improvement.",
])
def test_becoming_something_else_is_no_claim(gaz, sentence):
    assert triples(run(gaz, sentence)) == set()


def test_negated_becoming_is_negated(gaz):
    result = run(gaz, "CCGs will not become ICBs.")
    assert triples(result) == set() and triples(result, negated=True) == {(ICB, "replaces", CCG, "predicted")}


@pytest.mark.parametrize(("sentence", "status"), [
    ("The government plans to merge NHS Improvement into NHS England.", "announced"),
    ("Ministers merged NHS Improvement with NHS England in 2022.", "fact"),
])
def test_merge_x_into_y(gaz, sentence, status):
    assert triples(run(gaz, sentence)) == {("nhs-improvement", "merges_into", "nhs-england", status)}


def test_merge_without_target_merges_each_into_the_other(gaz):
    # no target named: neither joins the other, so both readings are offered for review (nhsgraph/extract/mutual.py)
    assert triples(run(gaz, "Ministers merged NHS Improvement and NHS England.")) == {
        ("nhs-improvement", "merges_into", "nhs-england", "fact"), ("nhs-england", "merges_into", "nhs-improvement", "fact")}


def in_notes(gaz: Gazetteer, title: str, text: str) -> Extraction:
    """The sentence in a text (explanatory notes, say) whose title names an instrument."""
    return extract_text(parse_article(text), gaz, ArticleInfo(document_id="notes", title=title))


@pytest.mark.parametrize("sentence", [
    "This section establishes integrated care boards.",
    "Subsection (3) abolishes Monitor.",
    "Section 12 of the Act also abolishes Monitor.",
    "This Act abolishes Monitor.",
])
def test_a_provision_as_subject_is_the_instrument_the_title_names(gaz, sentence):
    result = triples(in_notes(gaz, "Health and Social Care Act 2012: explanatory notes", sentence))
    assert {s for s, _, _, _ in result} == {ACT}


def test_a_provision_subject_needs_a_titled_instrument_and_the_right_instrument_word(gaz):
    assert triples(run(gaz, "This section establishes integrated care boards.")) == set()
    # "This Order" in an Act's notes is some other instrument
    assert triples(in_notes(gaz, "Health and Social Care Act 2012: explanatory notes", "This Order abolishes Monitor.")) == set()
    # a named doer between is the doer
    assert ("nhs-england", "abolishes", "monitor", "fact") in triples(
        in_notes(gaz, "Health and Social Care Act 2012: explanatory notes", "This section says NHS England abolishes Monitor."))


@pytest.mark.parametrize("sentence", [
    "The order renames Monitor as NHS Improvement.",
    "The order provides for the renaming of Monitor as NHS Improvement.",
    "Monitor, now known as NHS Improvement, regulates foundation trusts.",
])
def test_renaming_written_actively_or_as_a_noun_or_an_aside(gaz, sentence):
    assert ("monitor", "renamed_to", "nhs-improvement") in {(s, r, o) for s, r, o, _ in triples(run(gaz, sentence))}


def test_as_part_of_a_body_makes_the_body_before_it_part_of_it(gaz):
    found = {(s, r, o) for s, r, o, _ in triples(run(gaz, "Monitor, as part of NHS Improvement, regulates foundation trusts."))}
    assert ("monitor", "part_of", "nhs-improvement") in found


def test_the_object_of_one_change_is_not_the_doer_of_the_next(gaz):
    found = triples(run(gaz, "The plan is the abolition of Monitor to allow the creation of integrated care boards."))
    assert not any(s == "monitor" and r == "establishes" for s, r, _, _ in found), found
