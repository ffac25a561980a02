"""A verb's parties read from the dependency parse where the surface rules find none
(nhsgraph.extract.dependents). Sentences written for the tests; the bodies are the test gazetteer's."""

from __future__ import annotations

from extract_fixtures import run, triples

from nhsgraph.extract import Gazetteer, extract_text
from nhsgraph.extract.pipeline import ArticleInfo
from nhsgraph.extract.text import parse_article

ACT_2012 = "health-and-social-care-act-2012"



def rules_only(gaz: Gazetteer, text: str) -> set[tuple[str, str, str, str]]:
    return triples(extract_text(parse_article(text), gaz, ArticleInfo(document_id="test-article", title="Test article"), parser=False))


RELATIVE = "NHS England, which absorbed Monitor and NHS Improvement, was set up in 2013."


def test_relative_pronoun_stands_for_the_body_before_it(gaz):
    found = triples(run(gaz, RELATIVE))
    assert ("monitor", "merges_into", "nhs-england", "fact") in found
    assert ("nhs-improvement", "merges_into", "nhs-england", "fact") in found


def test_the_relative_clause_is_read_by_the_parse_not_the_surface_rules(gaz):
    assert not {t for t in rules_only(gaz, RELATIVE) if t[1] == "merges_into"}


def test_passive_done_under_a_section_of_an_act_is_done_by_the_act(gaz):
    text = "Monitor was abolished under section 150 of the Lansley Act."
    assert triples(run(gaz, text)) == {(ACT_2012, "abolishes", "monitor", "fact")}


def test_passive_done_by_a_section_of_an_act_is_done_by_the_act(gaz):
    """"established by section 57 of the Act", as orders define their bodies: the Act, not "section"."""
    text = "Monitor was established by section 57 of the Lansley Act."
    assert triples(run(gaz, text)) == {(ACT_2012, "establishes", "monitor", "fact")}


def test_a_generic_object_does_not_list_the_title_beside_it(gaz):
    """"supported work on a report, <title>": the title is not what was supported."""
    found = triples(run(gaz, "NHS Providers supported work on a report published this month, The Big Plan: next steps for everyone."))
    assert not {t for t in found if t[1] == "supports"}


def test_a_participle_clause_is_done_by_the_subject_of_its_clause(gaz):
    """"Monitor was established in 2004, replacing X": Monitor replaces X (the parse, not the comma)."""
    assert triples(run(gaz, "NHS England was established in 2013, replacing clinical commissioning groups.")) >= {
        ("nhs-england", "replaces", "clinical-commissioning-group", "fact")}


def test_a_word_in_ing_as_a_subject_is_no_participle_clause(gaz):
    assert not any(r == "replaces" for _, r, _, _ in triples(run(gaz, "Replacing Monitor would be costly, NHS Providers said.")))


def test_a_coordinated_verb_is_done_by_the_first_verbs_subject_not_a_name_inside_its_phrase(gaz):
    claims = triples(run(gaz, "NHS England will merge with NHS Improvement and abolish clinical commissioning groups."))
    assert ("nhs-england", "abolishes", "clinical-commissioning-group", "predicted") in claims
    assert not any(s == "nhs-improvement" and r == "abolishes" for s, r, _, _ in claims)


def test_a_coordinated_verb_whose_doer_is_unnamed_takes_no_name_from_the_first_verbs_phrase(gaz):
    claims = triples(run(gaz, "The regulations transferred the duties of Monitor to NHS England and abolished Monitor."))
    assert not any(s == "nhs-england" and r == "abolishes" for s, r, _, _ in claims), claims
