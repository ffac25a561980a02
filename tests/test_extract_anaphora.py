"""Pronouns and descriptions as claim parties, on sentences written for the tests."""

from __future__ import annotations

from extract_fixtures import run, triples

from nhsgraph.extract import ArticleInfo, extract_text
from nhsgraph.extract.text import parse_article

ICB, CCG = "integrated-care-board", "clinical-commissioning-group"



def test_possessive_in_a_fronted_phrase_points_to_the_subject_after_the_comma(gaz):
    # The previous sentence names another organisation: "its" still means the body named after the comma.
    text = "A change is coming to NHS Providers. Through consultation on its ‘The Big Plan’ paper, NHS England is gathering views."
    result = run(gaz, text)
    assert triples(result) == {("nhs-england", "publishes", "big-plan-2030", "fact")}
    claim = result.claims[0]
    assert claim.cue == "its" and text[claim.cue_start:claim.cue_end] == "its"
    assert text[claim.subject.start:claim.subject.end] == "its" and claim.subject.resolved


def test_possessive_resolves_to_the_previous_sentences_organisation(gaz):
    result = run(gaz, "NHS England wrote to trusts. Its Big Plan: next steps for everyone was long.")
    assert triples(result) == {("nhs-england", "publishes", "big-plan-2030", "fact")}


def test_a_party_named_by_a_pronoun_is_less_certain_than_a_name(gaz):
    named = run(gaz, "NHS England’s Big Plan: next steps for everyone was long.").claims[0]
    pronoun = run(gaz, "NHS England wrote to trusts. Its Big Plan: next steps for everyone was long.").claims[0]
    assert pronoun.confidence < named.confidence


def test_subject_pronoun_before_a_speech_verb_is_the_speaker(gaz):
    result = run(gaz, "NHS Providers met ministers. It argues that ICBs should replace CCGs.")
    assert triples(result) == {(ICB, "replaces", CCG, "proposed")}
    assert [p.id for p in result.claims[0].attributed_to] == ["nhs-providers"]


def test_subject_pronoun_before_a_stance_verb_holds_the_stance(gaz):
    result = run(gaz, "NHS Providers met ministers. They argued against the Lansley Act.")
    assert triples(result) == {("nhs-providers", "opposes", "health-and-social-care-act-2012", "fact")}


def test_pronoun_as_the_patient_of_a_passive(gaz):
    assert triples(run(gaz, "NHS Improvement was formed in 2016. It was replaced by NHS England.")) == {
        ("nhs-england", "replaces", "nhs-improvement", "fact")}


def test_pronoun_keeps_modality_and_negation(gaz):
    assert triples(run(gaz, "NHS Providers met ministers. It would oppose the Lansley Act.")) == {
        ("nhs-providers", "opposes", "health-and-social-care-act-2012", "predicted")}
    result = run(gaz, "NHS England met ministers. It will not abolish CCGs.")
    assert triples(result) == set()
    assert triples(result, negated=True) == {("nhs-england", "abolishes", CCG, "predicted")}


def test_the_resolved_kind_must_fit_the_cue(gaz):
    # The only thing named before is an Act, which cannot speak: "It argues" names no speaker.
    result = run(gaz, "The Lansley Act passed. It argues that ICBs should replace CCGs.")
    assert [p.id for p in result.claims[0].attributed_to] == ["sam-writer"]


def test_expletive_it_is_not_a_party(gaz):
    assert not any(c.subject.id == "nhs-england" for c in run(gaz, "NHS England met. It is time to abolish CCGs.").claims)


def test_pronoun_two_sentences_back_is_not_resolved(gaz):
    result = run(gaz, "NHS Providers met ministers. Nothing was agreed. It argues that ICBs should replace CCGs.")
    assert [p.id for p in result.claims[0].attributed_to] == ["sam-writer"]


def test_definite_description_stands_for_the_body_named_before(gaz):
    assert triples(run(gaz, "NHS Providers met ministers. The body opposes the Lansley Act.")) == {
        ("nhs-providers", "opposes", "health-and-social-care-act-2012", "fact")}
    assert triples(run(gaz, "NHS Providers read the Lansley Act. NHS Providers opposes the Act.")) == {
        ("nhs-providers", "opposes", "health-and-social-care-act-2012", "fact")}


def test_description_followed_by_of_is_not_a_reference(gaz):
    assert triples(run(gaz, "NHS Providers met ministers. The body of evidence supports ICBs.")) == set()


def test_pronoun_mentions_are_not_listed_as_entities(gaz):
    result = run(gaz, "NHS Providers met ministers. It argues that ICBs should replace CCGs.")
    assert all(m.rule not in ("pronoun", "description") for m in result.mentions)


def test_json_names_the_words_that_stood_for_a_party(gaz):
    from pathlib import Path

    from nhsgraph.extract.output import extraction_json

    text = "NHS Providers met ministers. It argues against the Lansley Act."
    claim = extraction_json(run(gaz, text))["claims"][0]
    assert claim["subject"]["id"] == "nhs-providers"
    assert claim["subject"]["via"] == {"text": "It", "start": text.index("It "), "end": text.index("It ") + 2}
    assert "via" not in claim["object"]  # named, not referred to
    docs = (Path(__file__).resolve().parent.parent / "docs" / "extraction.md").read_text(encoding="utf-8")
    assert "`via`" in docs


def test_demonstrative_pronoun_prefers_the_plural_form(gaz):
    assert triples(run(gaz, "CCGs were created by the Lansley Act. These were then replaced by ICBs.")) == {
        ("health-and-social-care-act-2012", "establishes", CCG, "fact"), (ICB, "replaces", CCG, "fact")}


def test_the_act_may_stand_for_an_act_named_paragraphs_before(gaz):
    text = ("NHS Providers wrote about the Lansley Act.\n\nTrusts met.\n\nBudgets rose.\n\n"
            "NHS Providers opposes the Act.")
    assert triples(run(gaz, text)) == {("nhs-providers", "opposes", "health-and-social-care-act-2012", "fact")}


def test_the_body_needs_its_body_in_this_or_the_last_sentence(gaz):
    text = "NHS Providers met.\n\nTrusts met.\n\nThe body opposes the Lansley Act."
    assert triples(run(gaz, text)) == set()


def test_pronoun_judged_by_an_evaluation(gaz):
    result = run(gaz, "Jane Example read the Lansley Act. She said it was a step in the right direction.")
    assert triples(result) == {("jane-example", "supports", "health-and-social-care-act-2012", "reported")}


def test_in_an_acts_own_text_this_act_is_not_an_earlier_act(gaz):
    from extract_fixtures import ArticleInfo, extract_text, parse_article

    text = "The Health and Social Care Act 2008 is amended. Monitor is abolished by this Act."
    result = extract_text(parse_article(text), gaz, ArticleInfo(document_id="health-and-social-care-act-2012"))
    assert triples(result) == {("health-and-social-care-act-2012", "amends", "health-and-social-care-act-2008", "fact"),
                               ("health-and-social-care-act-2012", "abolishes", "monitor", "fact")}


def test_pronoun_opening_a_sentence_continues_the_previous_subject_not_the_last_name(gaz):
    # The last name before "It" is the Big Plan (a document that could abolish things too); the
    # sentence before is about the Bill, its subject, and "It" carries that subject on.
    text = "The Health and Social Care Bill follows The Big Plan: next steps for everyone. It would abolish CCGs."
    result = extract_text(parse_article(text, ".txt"), gaz, ArticleInfo(document_id="t", title="T", date="2011"))
    assert triples(result) == {("health-and-social-care-act-2012", "abolishes", CCG, "proposed")}


def test_pronoun_inside_a_sentence_still_takes_the_nearest_fitting_name(gaz):
    # Not at the start of its sentence: no reason to prefer the previous subject.
    result = run(gaz, "NHS Providers met NHS England. Ministers said that it would abolish CCGs.")
    assert {(c.subject.id, c.relation, c.object.id) for c in result.claims} == {("nhs-england", "abolishes", CCG)}


def test_what_a_bill_would_do_is_proposed_and_what_a_body_would_do_predicted(gaz):
    bill = extract_text(parse_article("The Health and Social Care Bill would abolish CCGs.", ".txt"), gaz,
                        ArticleInfo(document_id="t", title="T", date="2011"))
    assert triples(bill) == {("health-and-social-care-act-2012", "abolishes", CCG, "proposed")}
    body = run(gaz, "NHS England would abolish CCGs.")
    assert triples(body) == {("nhs-england", "abolishes", CCG, "predicted")}


def test_description_the_bill_is_a_bill_and_its_present_tense_is_proposed(gaz):
    text = "Ministers published the Health and Social Care Bill. The Bill abolishes CCGs."
    result = extract_text(parse_article(text, ".txt"), gaz, ArticleInfo(document_id="t", title="T", date="2011"))
    assert triples(result) == {("health-and-social-care-act-2012", "abolishes", CCG, "proposed")}


def test_what_an_act_did_stays_a_fact(gaz):
    assert triples(run(gaz, "The Lansley Act abolished CCGs.")) == {("health-and-social-care-act-2012", "abolishes", CCG, "fact")}


def test_replacement_a_bill_would_make_is_proposed_though_the_successor_is_the_subject(gaz):
    text = "Ministers published the Health and Social Care Bill. It would abolish CCGs and replace them with integrated care boards."
    result = extract_text(parse_article(text, ".txt"), gaz, ArticleInfo(document_id="t", title="T", date="2011"))
    assert triples(result) == {("health-and-social-care-act-2012", "abolishes", CCG, "proposed"), (ICB, "replaces", CCG, "proposed")}
    # the same words about a body are a prediction
    assert (ICB, "replaces", CCG, "predicted") in triples(run(gaz, "NHS England would abolish CCGs and replace them with integrated care boards."))


def test_a_bill_the_article_says_became_law_does_what_it_does(gaz):
    text = "The Health and Social Care Bill received Royal Assent today. It abolishes CCGs."
    result = extract_text(parse_article(text, ".txt"), gaz, ArticleInfo(document_id="t", title="T", date="2012"))
    assert triples(result) == {("health-and-social-care-act-2012", "abolishes", CCG, "fact")}


def test_name_after_a_verb_is_not_the_previous_subject(gaz):
    # "NHS England" is an object of "criticised", not the subject: "It" is the nearest fitting name, as before.
    result = run(gaz, "The review criticised NHS England and Monitor. It would abolish CCGs.")
    assert {(c.subject.id, c.relation, c.object.id) for c in result.claims if c.relation == "abolishes"} == {("monitor", "abolishes", CCG)}
    opener = run(gaz, "Yesterday NHS Improvement met Monitor. It would abolish CCGs.")
    assert {(c.subject.id, c.relation, c.object.id) for c in opener.claims} == {("nhs-improvement", "abolishes", CCG)}


def test_possessive_after_a_resolved_pronoun_stands_for_the_same_body(gaz):
    text = ("NHS Improvement was formed from Monitor and NHS Providers. "
            "It was abolished under the Lansley Act, and its functions were transferred to NHS England.")
    assert triples(run(gaz, text)) == {("health-and-social-care-act-2012", "abolishes", "nhs-improvement", "fact"),
                                       ("nhs-improvement", "merges_into", "nhs-england", "fact")}


def test_a_bill_that_will_become_law_still_only_proposes(gaz):
    text = "The Health and Social Care Bill will become law when it receives Royal Assent. It abolishes CCGs."
    result = extract_text(parse_article(text, ".txt"), gaz, ArticleInfo(document_id="t", title="T", date="2011"))
    assert triples(result) == {("health-and-social-care-act-2012", "abolishes", CCG, "proposed")}
