"""Claims from short sentences written for the tests: voice, modality, attribution, negation, offsets."""

from __future__ import annotations

import pytest
from extract_fixtures import run, triples

from nhsgraph.extract.cues import lexicon
from nhsgraph.vocabulary import vocabulary

ICB, CCG = "integrated-care-board", "clinical-commissioning-group"



def test_active_voice_subject_before_verb(gaz):
    assert triples(run(gaz, "Integrated care boards replace clinical commissioning groups.")) == {(ICB, "replaces", CCG, "fact")}


def test_passive_voice_with_by_agent_is_reversed(gaz):
    assert triples(run(gaz, "CCGs were replaced by ICBs in July.")) == {(ICB, "replaces", CCG, "fact")}


def test_agent_after_cue_gives_way_to(gaz):
    assert (ICB, "replaces", CCG, "fact") in triples(run(gaz, "CCGs gave way to ICBs."))


def test_abolished_with_role_taken_over_by_gives_abolition_and_replacement(gaz):
    result = run(gaz, "CCGs would be abolished, with their commissioning role taken over by ICBs.")
    # the abolition names no doer: a forecast in an article is nobody's deed, so only the replacement
    assert triples(result) == {(ICB, "replaces", CCG, "predicted")}
    assert all(c.voice == "passive" for c in result.claims)


@pytest.mark.parametrize(("sentence", "status"), [
    ("ICBs could replace CCGs.", "predicted"),
    ("ICBs would replace CCGs.", "predicted"),
    ("ICBs will replace CCGs.", "predicted"),
    ("ICBs should replace CCGs.", "proposed"),
    ("ICBs need to replace CCGs.", "proposed"),
    ("ICBs replaced CCGs.", "fact"),
])
def test_modality_sets_status(gaz, sentence, status):
    assert triples(run(gaz, sentence)) == {(ICB, "replaces", CCG, status)}


def test_proposes_cue_with_an_org_type(gaz):
    assert ("nhs-providers", "proposes", ICB, "reported") not in triples(run(gaz, "We propose ICBs."))
    assert triples(run(gaz, "NHS Providers proposes integrated care boards.")) == {("nhs-providers", "proposes", ICB, "fact")}


def test_author_is_the_default_attribution(gaz):
    result = run(gaz, "ICBs could replace CCGs.")
    assert [p.id for p in result.claims[0].attributed_to] == ["sam-writer"]


def test_reported_speech_attributes_to_the_speaker(gaz):
    result = run(gaz, "Jane Example argues that ICBs should replace CCGs.")
    claim = result.claims[0]
    assert (claim.subject.id, claim.relation, claim.object.id, claim.status) == (ICB, "replaces", CCG, "proposed")
    assert [p.id for p in claim.attributed_to] == ["jane-example"]


def test_warning_that_attributes_to_the_body_named_before(gaz):
    result = run(gaz, "NHS Providers welcomed the bill, warning that ICBs could replace CCGs too quickly.")
    replace = next(c for c in result.claims if c.relation == "replaces")
    assert [p.id for p in replace.attributed_to] == ["nhs-providers"]
    assert replace.status == "predicted"


def test_according_to_makes_an_unhedged_claim_reported(gaz):
    result = run(gaz, "According to NHS Providers, ICBs replaced CCGs.")
    assert triples(result) == {(ICB, "replaces", CCG, "reported")}
    assert [p.id for p in result.claims[0].attributed_to] == ["nhs-providers"]


def test_speaker_stance_toward_an_entity(gaz):
    assert triples(run(gaz, "NHS Providers opposes the Health and Social Care Act 2012.")) == {
        ("nhs-providers", "opposes", "health-and-social-care-act-2012", "fact")}


def test_author_criticism_of_an_act_is_the_articles_stance(gaz):
    result = run(gaz, "The rules of the 2012 Act get in the way of integration.")
    assert triples(result) == {("test-article", "opposes", "health-and-social-care-act-2012", "fact")}


@pytest.mark.parametrize("sentence", [
    "NHS England will not abolish CCGs.",
    "ICBs won't replace CCGs.",
    "ICBs will never replace CCGs.",
])
def test_negation_flags_the_claim_and_asserts_nothing(gaz, sentence):
    result = run(gaz, sentence)
    assert triples(result) == set()
    assert triples(result, negated=True)


def test_question_asserts_no_claim(gaz):
    assert run(gaz, "Will ICBs replace CCGs?").claims == []


def test_relation_kinds_come_from_the_vocabulary(gaz):
    # An organisation type cannot support anything: no claim rather than a wrong one.
    assert triples(run(gaz, "CCGs support ICBs.")) == set()


def test_doer_we_failed_to_name_is_not_the_author(gaz):
    assert triples(run(gaz, "The Example Consultancy supported work published by NHS England.")) == set()


def test_offsets_are_inside_the_text_and_match_the_sentence(gaz):
    text = ("Intro line without claims.\n\nDr. Jane Example said that ICBs should replace CCGs. "
            "“Nothing here”, she added. According to NHS Providers, ICBs replaced CCGs.")
    result = run(gaz, text)
    assert len(result.claims) >= 2
    for claim in result.claims:
        s = claim.sentence
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.start <= claim.cue_start < claim.cue_end <= s.end
        assert claim.cue == text[claim.cue_start:claim.cue_end]
        for party in (claim.subject, claim.object):
            if party.start is not None:
                assert s.start <= party.start < party.end <= s.end
    for mention in result.mentions:
        assert text[mention.start:mention.end] == mention.text


def test_lexicon_names_only_vocabulary_relations():
    assert lexicon().relations() <= set(vocabulary().relations)


def test_announcement_by_a_body_is_announced_not_predicted(gaz):
    result = run(gaz, "NHS England announced that ICBs will replace CCGs.")
    assert triples(result) == {(ICB, "replaces", CCG, "announced")}
    assert [p.id for p in result.claims[0].attributed_to] == ["nhs-england"]


def test_participial_merger_into_a_described_new_body(gaz):
    result = run(gaz, "We need a single national regulator, bringing together NHS England, NHS Improvement and the work of Monitor.")
    assert triples(result) == {
        ("nhs-england", "merges_into", "single-national-regulator", "proposed"),
        ("nhs-improvement", "merges_into", "single-national-regulator", "proposed"),
    }


def test_passive_with_the_patient_named_after_the_agent(gaz):
    result = run(gaz, "Jane wrote a report published by NHS Providers this week, Better care: a plan for the 2030s")
    assert triples(result) == {("nhs-providers", "publishes", "better-care-a-plan-for-the-2030s", "fact")}


def test_second_verb_of_a_coordination_keeps_the_first_doer(gaz):
    result = run(gaz, "The Health and Social Care Act 2012 abolished Monitor and established clinical commissioning groups.")
    assert triples(result) == {
        ("health-and-social-care-act-2012", "abolishes", "monitor", "fact"),
        ("health-and-social-care-act-2012", "establishes", CCG, "fact"),
    }


def test_merged_into_without_by_is_not_reversed(gaz):
    assert triples(run(gaz, "NHS Improvement was merged into NHS England in 2022.")) == {
        ("nhs-improvement", "merges_into", "nhs-england", "fact")}


def test_trailing_speech_verb_needs_its_speaker_next_to_it(gaz):
    result = run(gaz, "NHS Improvement was merged into NHS England, the government said.")
    assert triples(result) == {("nhs-improvement", "merges_into", "nhs-england", "fact")}
    assert [p.id for p in result.claims[0].attributed_to] == ["sam-writer"]


def test_speaker_before_an_appositive(gaz):
    result = run(gaz, "Jane Example, an adviser to NHS Providers, said that ICBs will replace CCGs.")
    assert [p.id for p in result.claims[0].attributed_to] == ["jane-example"]


def test_evaluation_judges_the_reported_content_not_the_speaker(gaz):
    found = triples(run(gaz, "Jane Example, chair of NHS Providers, said the bill was a step in the right direction."))
    # the appositive states her post (tests/test_extract_genres.py); nothing judges NHS Providers or Jane Example
    assert found == {("jane-example", "leads", "nhs-providers", "fact")}


def test_object_stops_at_the_next_cue(gaz):
    assert triples(run(gaz, "NHS Providers supported work on a report published by NHS England.")) == set()


@pytest.mark.parametrize("sentence", [
    "The government will replace CCGs with ICBs.",
    "CCGs will be replaced with ICBs.",
    "Ministers will abolish CCGs and replace them with ICBs.",
])
def test_replace_x_with_y_makes_y_the_successor(gaz, sentence):
    assert (ICB, "replaces", CCG, "predicted") in triples(run(gaz, sentence))
    assert all(c.subject.id != CCG or c.relation != "replaces" for c in run(gaz, sentence).claims)


def test_possessive_names_the_publisher(gaz):
    result = run(gaz, "NHS England’s Big Plan: next steps for everyone was long.")
    assert triples(result) == {("nhs-england", "publishes", "big-plan-2030", "fact")}
    assert result.claims[0].cue == "’s"
    assert triples(run(gaz, "NHS England’s view of NHS Providers is warm.")) == set()  # kinds do not fit


def _act_voice(gaz, text):
    from extract_fixtures import ArticleInfo, extract_text, parse_article

    return extract_text(parse_article(text), gaz, ArticleInfo(document_id="health-and-social-care-act-2012"))


def test_an_acts_own_text_enacts_what_it_says(gaz):
    act = "health-and-social-care-act-2012"
    assert triples(_act_voice(gaz, "Monitor is abolished.")) == {(act, "abolishes", "monitor", "fact")}
    assert triples(_act_voice(gaz, "There are to be bodies corporate known as clinical commissioning groups.")) == {
        (act, "establishes", CCG, "fact")}
    # the same words in an article assert nothing about who abolished it
    assert triples(run(gaz, "Monitor is abolished.")) == set()


def test_established_under_an_act(gaz):
    assert triples(run(gaz, "Monitor was established under the Health and Social Care Act 2008.")) == {
        ("health-and-social-care-act-2008", "establishes", "monitor", "fact")}


def test_bracketed_aside_does_not_cut_the_clause(gaz):
    assert triples(run(gaz, "Integrated care boards (ICBs) took over the role of CCGs.")) == {(ICB, "replaces", CCG, "fact")}


@pytest.mark.parametrize("sentence", ["NHS Improvement was renamed NHS England.", "NHS Improvement was re-designated as NHS England.",
                                      "NHS Improvement was redesignated as NHS England."])
def test_renamed(gaz, sentence):
    assert triples(run(gaz, sentence)) == {("nhs-improvement", "renamed_to", "nhs-england", "fact")}


def test_a_bill_is_its_act(gaz):
    # 2008 or 2012? Undated, both are candidates, the latest weakly preferred (tests/test_extract_linking.py)
    bill = [m for m in run(gaz, "The Health and Social Care Bill passed.").mentions if m.known]
    assert [set(m.candidates) for m in bill] == [{"health-and-social-care-act-2008", "health-and-social-care-act-2012"}]
    assert triples(run(gaz, "NHS Providers opposes the Lansley Act.")) == {
        ("nhs-providers", "opposes", "health-and-social-care-act-2012", "fact")}


# A stance verb over a named change: the change is what the stance is about, never the holder's deed.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("NHS Providers opposes the abolition of CCGs.", ("nhs-providers", "opposes", CCG)),
    ("NHS Providers resisted the scrapping of Monitor.", ("nhs-providers", "opposes", "monitor")),
    ("NHS Providers supports the creation of ICBs.", ("nhs-providers", "supports", ICB)),
    ("NHS Providers welcomed plans to abolish CCGs.", ("nhs-providers", "supports", CCG)),
    ("NHS Providers backed the government's plans to set up ICBs.", ("nhs-providers", "supports", ICB)),
    ("NHS Providers criticised the decision to abolish Monitor.", ("nhs-providers", "opposes", "monitor")),
    ("NHS Providers rejects replacing CCGs with ICBs.", ("nhs-providers", "opposes", ICB)),
    ("NHS Providers called for the establishment of ICBs.", ("nhs-providers", "proposes", ICB)),
])
def test_stance_on_a_named_change_is_a_stance_not_the_change(gaz, sentence, expected):
    found = triples(run(gaz, sentence))
    assert {(s, r, o) for s, r, o, _ in found} == {expected}
    assert all(status == "fact" for *_, status in found)  # a stance is a fact about its holder, as for "X opposes Y"


@pytest.mark.parametrize("sentence", [
    "NHS Providers warned against the abolition of CCGs.",
    "NHS Providers called for the merger of CCGs and ICBs.",
    "NHS Providers opposes the abolition of CCGs and Monitor.",
])
def test_stance_holder_never_does_the_change(gaz, sentence):
    changes = {r for r in vocabulary().relations if vocabulary().relations[r].change_event}
    assert not [c for c in run(gaz, sentence).claims if c.subject.id == "nhs-providers" and c.relation in changes]


def test_negated_stance_on_a_change_is_negated_and_asserts_no_change(gaz):
    result = run(gaz, "NHS Providers does not oppose the abolition of CCGs.")
    assert [(c.subject.id, c.relation, c.object.id, c.negated) for c in result.claims] == [
        ("nhs-providers", "opposes", CCG, True)]


def test_a_deed_after_a_stance_keeps_its_own_doer(gaz):
    # A finite verb or a participle is not a named change: it keeps its doer.
    assert ("nhs-england", "abolishes", CCG, "fact") in triples(run(gaz, "NHS England abolished CCGs."))
    assert triples(run(gaz, "NHS Providers supports ICBs, which NHS England created.")) >= {
        ("nhs-providers", "supports", ICB, "fact")}
    assert not any(r == "supports" and o == "nhs-england" for _, r, o, _ in triples(
        run(gaz, "NHS Providers supported work on a report published by NHS England.")))
