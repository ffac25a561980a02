""""The Bill" and "the Act" in a text whose title names its Bill or Act: a debate on a Bill, the
explanatory notes of an Act. Sentences written for the tests."""

from __future__ import annotations

from extract_fixtures import triples

from nhsgraph.extract import ArticleInfo, Extraction, Gazetteer, extract_text
from nhsgraph.extract.text import parse_article


def _titled(gaz: Gazetteer, text: str, title: str) -> Extraction:
    info = ArticleInfo(document_id="test-article", title=title, authors=["Sam Writer"])
    return extract_text(parse_article(text, ".txt"), gaz, info)


def test_the_bill_is_the_bill_the_title_names_even_just_after_another_act(gaz: Gazetteer) -> None:
    text = "The Health and Social Care Act 2008 set up the regulator. The Bill abolishes Monitor."
    result = _titled(gaz, text, "Health and Social Care Bill, second reading (Commons, 31 January 2011)")
    assert ("health-and-social-care-act-2012", "abolishes", "monitor") in {t[:3] for t in triples(result)}
    assert ("health-and-social-care-act-2008", "abolishes", "monitor") not in {t[:3] for t in triples(result)}


def test_the_act_stays_the_last_named_act_when_the_title_names_a_bill(gaz: Gazetteer) -> None:
    """A debate on a Bill cites other Acts as "the Act": only "the Bill" is the titled one."""
    text = "The Health and Social Care Act 2008 set up the regulator. The Act abolishes Monitor."
    result = _titled(gaz, text, "Health and Social Care Bill, second reading (Commons, 31 January 2011)")
    assert ("health-and-social-care-act-2008", "abolishes", "monitor") in {t[:3] for t in triples(result)}


def test_a_title_naming_several_acts_speaks_of_the_one_in_its_head(gaz: Gazetteer) -> None:
    text = "The Act abolishes Monitor."
    result = _titled(gaz, text, "Health and Social Care Act 2012: Explanatory Notes, background: the Health and Social Care Act 2008")
    assert ("health-and-social-care-act-2012", "abolishes", "monitor") in {t[:3] for t in triples(result)}


def test_the_bill_is_listed_as_a_mention_of_the_titled_act_wherever_it_is_said(gaz: Gazetteer) -> None:
    """A reader of the entity list sees that "The Bill" refers to the Act, where the text never names
    it: in the sentence a claim stands on and in one that says nothing about a change."""
    text = "The Bill abolishes Monitor. Ministers were questioned about the bill's timing."
    result = _titled(gaz, text, "Health and Social Care Bill, second reading (Commons, 31 January 2011)")
    described = [(m.text, m.id, m.rule) for m in result.mentions if m.rule == "description"]
    assert described == [("The Bill", "health-and-social-care-act-2012", "description"),
                         ("the bill", "health-and-social-care-act-2012", "description")]


def test_a_body_described_loosely_is_listed_only_where_a_claim_stands_on_it(gaz: Gazetteer) -> None:
    """"The body" may stand for any body named just before; it is listed only where a claim needs it."""
    text = "Monitor was created in 2004. The body was praised by ministers."
    result = extract_text(parse_article(text), gaz, ArticleInfo(title="A note on regulators"))
    assert [m.text for m in result.mentions if m.rule == "description"] == []
