"""Reading articles: HTML and Markdown stripped to text with offsets back to the source; sentences; names."""

from __future__ import annotations

import pytest
from extract_fixtures import run

from nhsgraph.extract import Gazetteer
from nhsgraph.extract.newentities import find_new
from nhsgraph.extract.sentences import split_sentences
from nhsgraph.extract.text import ArticleError, parse_article, read_article

HTML = """<html><head><title>Ignored title</title><style>p { color: red }</style></head>
<body><h1>Reform &amp; the NHS</h1>
<p>Integrated care boards <b>replaced</b>
   clinical commissioning groups.</p><script>var x = "CCGs were replaced";</script>
<p>NHS&nbsp;Providers said so.</p></body></html>"""



def test_html_is_stripped_to_visible_text_in_paragraphs():
    article = parse_article(HTML, ".html")
    assert article.text.split("\n\n")[:3] == [
        "Reform & the NHS", "Integrated care boards replaced clinical commissioning groups.", "NHS\xa0Providers said so."]
    assert "var x" not in article.text and "Ignored title" not in article.text


def test_html_offsets_map_every_word_back_to_the_source():
    article = parse_article(HTML, ".html")
    for word in ("Reform", "replaced", "clinical", "Providers"):
        i = article.text.index(word)
        assert HTML[article.source_offset(i):article.source_offset(i) + len(word)] == word
    amp = article.text.index("&")
    assert HTML[article.source_offset(amp):].startswith("&amp;")


def test_markdown_markup_removed_and_offsets_kept():
    source = "# Heading\n\nThe **2012 Act** created [CCGs](https://example.org/ccg).\n\n- a *listed* point\n"
    article = parse_article(source, ".md")
    assert "The 2012 Act created CCGs." in article.text
    assert "https" not in article.text and "**" not in article.text and "#" not in article.text
    for word in ("2012", "CCGs", "listed", "Heading"):
        i = article.text.index(word)
        assert source[article.source_offset(i):article.source_offset(i) + len(word)] == word


def test_html_claims_carry_source_offsets(gaz):
    result = run(gaz, HTML, suffix=".html")
    claim = next(c for c in result.claims if c.relation == "replaces")
    start = result.article.source_offset(claim.cue_start)
    assert HTML[start:start + len(claim.cue)] == claim.cue == "replaced"


def test_plain_text_offsets_are_identity(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Café culture. ICBs exist.", encoding="utf-8")
    article = read_article(path)
    assert article.source_offset(5) == 5 and article.text == "Café culture. ICBs exist."


def test_non_utf8_article_is_a_clear_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(ArticleError, match="not UTF-8"):
        read_article(path)


def test_sentences_keep_abbreviations_bullets_and_offsets():
    text = "Dr. Smith met Mr. Jones at 3 p.m. today. They agreed.\n\n  • First point here\n  • Second point."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Dr. Smith met Mr. Jones at 3 p.m. today.", "They agreed.", "First point here", "Second point."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_gazetteer_links_labels_aliases_plurals_and_informal_act_names(gaz):
    text = ("The 2012 Act and the 2012 Health and Social Care Act, or the Lansley Act, set up CCGs and "
            "clinical commissioning groups; NHSE/I and NHS England wrote The Big Plan.")
    ids = [(m.text, m.id) for m in run(gaz, text).mentions if m.known]
    assert ids == [
        ("2012 Act", "health-and-social-care-act-2012"),
        ("2012 Health and Social Care Act", "health-and-social-care-act-2012"),
        ("Lansley Act", "health-and-social-care-act-2012"),
        ("CCGs", "clinical-commissioning-group"),
        ("clinical commissioning groups", "clinical-commissioning-group"),
        ("NHSE/I", "nhse-i"),
        ("NHS England", "nhs-england"),
        ("Big Plan", "big-plan-2030"),
    ]


def test_gazetteer_marks_names_ambiguous_by_rule_and_skips_lowercase_acronyms(gaz):
    # "Health and Social Care Act" fits 2008 and 2012: a weak link listing both. "ccg" is not the acronym CCG.
    known = [m for m in run(gaz, "The Health and Social Care Act was long; the ccg word is not a name.").mentions if m.known]
    assert [(m.text, len(m.candidates)) for m in known] == [("Health and Social Care Act", 2)]
    assert known[0].confidence < 0.5


def test_single_word_name_needs_a_capital(gaz):
    known = [m.id for m in run(gaz, "We monitor results. Later, Monitor objected.").mentions if m.known]
    assert known == ["monitor"]


def test_new_entities_by_shape():
    text = ("The Royal Example NHS Foundation Trust and the Labour Party backed the Health Reform Act 2031. "
            "Jane Doe said the report “Better Care Tomorrow” argued for “neighbourhood health boards”.")
    found = {(m.text, m.kind) for m in find_new(text)}
    assert {("Royal Example NHS Foundation Trust", "organisation"), ("Labour Party", "organisation"),
            ("Health Reform Act 2031", "act"), ("Jane Doe", "person"), ("Better Care Tomorrow", "document"),
            ("neighbourhood health boards", "org_type")} <= found


def test_new_entity_named_again_is_linked_to_the_same_id(gaz):
    result = run(gaz, "We want “neighbourhood health boards”. Neighbourhood health boards could commission care.")
    mentions = [m for m in result.mentions if m.id == "neighbourhood-health-board"]
    assert len(mentions) == 2 and not any(m.known for m in mentions)


def test_article_never_links_to_itself_and_titles_need_capitals(gaz):
    from extract_fixtures import ArticleInfo, extract_text, parse_article

    text = "The Big Plan: next steps for everyone was praised. Our big plan is different."
    info = ArticleInfo(document_id="big-plan-2030", title="The Big Plan")
    own = extract_text(parse_article(text), gaz, info)
    assert [m.id for m in own.mentions if m.known] == []
    other = run(gaz, text)
    assert [(m.text, m.id) for m in other.mentions if m.known] == [("Big Plan: next steps for everyone", "big-plan-2030")]


def test_quoted_speech_is_not_a_title_and_of_phrases_complete_names():
    text = ("“This is a power grab,” said a chair. The Royal College of Nursing read the report “Care at Home”. "
            "They want a new agency, or a new national regulator.")
    found = {(m.text, m.kind) for m in find_new(text)}
    assert ("Royal College of Nursing", "organisation") in found
    assert ("Care at Home", "document") in found
    assert ("new national regulator", "organisation") in found
    assert not any("power grab" in name or name == "new agency" for name, _ in found)


def test_informal_names_of_an_act_include_its_bill():
    from nhsgraph.extract.gazetteer import informal_names

    assert informal_names("act", "Health and Care Act 2022") == [
        "2022 Act", "2022 Health and Care Act", "Health and Care Act of 2022", "Health and Care Act (2022)",
        "Health and Care Act in 2022", "Health and Care Act", "Health and Care Bill"]


def test_a_bill_name_links_to_its_act_not_to_documents_titled_after_the_bill():
    gaz = Gazetteer()
    gaz.add("health-and-care-act-2022", "act", "Health and Care Act 2022", "Health and Care Bill", generated=True)
    gaz.add("vote-record", "document", "Health and Care Bill — Second Reading", "Health and Care Bill", generated=True)
    assert [m.id for m in gaz.find("Members opposed the Health and Care Bill.")] == ["health-and-care-act-2022"]
    # two Acts whose Bills share a name stay unlinked
    gaz.add("health-and-care-act-2031", "act", "Health and Care Act 2031", "Health and Care Bill", generated=True)
    assert gaz.find("Members opposed the Health and Care Bill.") == []
