"""Wordings of briefings, parliamentary news, committee reports and public-sector pages, on sentences
written for the tests: lists with bracketed acronyms, doers named in a fronted phrase, roles, witnesses'
views and mergers into a body described rather than named."""

from __future__ import annotations

import pytest
from extract_fixtures import gazetteer, run, triples

from nhsgraph.extract import Gazetteer

ICB, CCG = "integrated-care-board", "clinical-commissioning-group"
ACT_2012 = "health-and-social-care-act-2012"


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return gazetteer(tmp_path_factory.mktemp("gaz"))


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
