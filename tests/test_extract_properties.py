"""Properties that must hold for any input: offsets stay inside the text and point at what they name."""

from __future__ import annotations

import html

from extract_fixtures import GAZETTEER_DATA
from hypothesis import given, settings
from hypothesis import strategies as st

from nhsgraph.extract import ArticleInfo, Gazetteer, extract_text
from nhsgraph.extract.sentences import split_sentences
from nhsgraph.extract.text import parse_article

WORDS = ["ICBs", "replace", "CCGs", "NHS England", "said", "that", "will", "not", "abolish", "Monitor", "the",
         "2012 Act", "was", "replaced", "by", "according to", "NHS Providers", "“integrated care trusts”", "Jane Example",
         "argues", "should", "we", "need", "create", ",", ".", "?", "–", "\n\n", "• ", "Dr.", "café", "&", "<", "*"]
TEXT = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)


def _gazetteer() -> Gazetteer:
    import tempfile
    import textwrap
    from pathlib import Path

    import nhsgraph

    folder = Path(tempfile.mkdtemp()) / "data"
    folder.mkdir()
    (folder / "base.yaml").write_text(textwrap.dedent(GAZETTEER_DATA), encoding="utf-8")
    return Gazetteer.from_dataset(nhsgraph.load(folder))


GAZ = _gazetteer()


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_every_offset_is_inside_the_text_and_matches(text):
    result = extract_text(parse_article(text), GAZ, ArticleInfo(document_id="x", authors=["Sam Writer"]))
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
    for mention in result.mentions:
        assert 0 <= mention.start < mention.end <= len(text) and text[mention.start:mention.end] == mention.text
    for claim in result.claims:
        s = claim.sentence
        assert text[s.start:s.end] == s.text and s.start <= claim.cue_start < claim.cue_end <= s.end


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_html_source_offsets_point_at_the_same_characters(text):
    source = "<p>" + html.escape(text, quote=False).replace("\n\n", "</p><p>") + "</p>"
    article = parse_article(source, ".html")
    for i, char in enumerate(article.text):
        origin = source[article.source_offset(i):]
        if char.isspace():
            continue
        assert origin.startswith((char, "&"))  # an entity decodes to one character


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_markdown_source_offsets_point_at_the_same_characters(text):
    article = parse_article(text, ".md")
    for i, char in enumerate(article.text):
        if not char.isspace():
            assert text[article.source_offset(i)] == char
