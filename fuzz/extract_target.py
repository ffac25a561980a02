"""The extraction fuzz target: any article text in, entities and claims with honest offsets out.

Shared by ``fuzz_extract.py`` and ``tests/test_properties_extract.py``. What must hold
for any text, as plain text, HTML or Markdown: extraction never raises; every mention,
sentence and cue lies inside the text and is the text at its offsets; every offset maps
back inside the source file; the JSON output encodes as UTF-8; the review file written
for it is valid YAML that the review step can open.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

import nhsgraph
from nhsgraph.extract import ArticleInfo, Gazetteer, extract_text
from nhsgraph.extract.output import dump_yaml, extraction_json, review_records
from nhsgraph.extract.pipeline import Extraction
from nhsgraph.extract.text import parse_article

SUFFIXES = (".txt", ".html", ".md")
_GAZETTEER: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The bundled data's names (loaded once): real names give the claim rules something to match."""
    global _GAZETTEER
    if _GAZETTEER is None:
        _GAZETTEER = Gazetteer.from_dataset(nhsgraph.load(Path(__file__).resolve().parent.parent / "data"))
    return _GAZETTEER


def check_extract(source: str, suffix: str) -> Extraction:
    article = parse_article(source, suffix)
    text = article.text
    result = extract_text(article, gazetteer(), ArticleInfo(document_id="fuzz-article", authors=["Sam Writer"]))
    for sentence in result.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text) and text[sentence.start:sentence.end] == sentence.text
    for mention in result.mentions:
        assert 0 <= mention.start < mention.end <= len(text) and text[mention.start:mention.end] == mention.text, mention
    for claim in result.claims:
        s = claim.sentence
        assert text[s.start:s.end] == s.text and s.start <= claim.cue_start < claim.cue_end <= s.end, claim
    for i in range(len(text) + 1):
        assert 0 <= article.source_offset(i) <= len(source)
    json.dumps(extraction_json(result), ensure_ascii=False).encode("utf-8")
    review = dump_yaml(review_records([result]))
    assert isinstance(yaml.load(review, Loader=yaml.CSafeLoader), dict)
    return result


def check_extract_bytes(data: bytes) -> None:
    """Fuzzer entry: the first byte picks the format, the rest is the article (invalid UTF-8 replaced)."""
    if not data:
        return
    check_extract(data[1:].decode("utf-8", "replace"), SUFFIXES[data[0] % len(SUFFIXES)])
