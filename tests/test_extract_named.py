"""New names found by the statistical English pipeline's recogniser (nhsgraph.extract.named), and the
extraction's way round it (--no-parser). Sentences written for the tests."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from extract_fixtures import run, triples, write_gazetteer_data

from nhsgraph.cli import main
from nhsgraph.extract import extract_text
from nhsgraph.extract import parse as parse_module
from nhsgraph.extract.named import RULE
from nhsgraph.extract.pipeline import ArticleInfo
from nhsgraph.extract.text import parse_article

ACT_2012 = "health-and-social-care-act-2012"



def new_names(result: object) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in result.mentions if not m.known]  # type: ignore[attr-defined]


def test_person_named_without_a_title_or_speech_verb_is_a_likely_new_person(gaz):
    result = run(gaz, "Sarah Woolnough opposed the Lansley Act.")
    assert new_names(result) == [("Sarah Woolnough", "person")]
    assert triples(result) == {("sarah-woolnough", "opposes", ACT_2012, "fact")}


def test_without_the_parser_the_same_person_is_missed(gaz):
    info = ArticleInfo(document_id="test-article", title="Test article")
    result = extract_text(parse_article("Sarah Woolnough opposed the Lansley Act."), gaz, info, parser=False)
    assert new_names(result) == []
    assert not [m for m in result.mentions if m.rule == RULE]


@pytest.mark.parametrize("sentence", [
    "The House rejected the Bill.",  # one capitalised word: a chamber, not a new body
    "The Secretary of State for Health and Social Care announced the plan.",  # a post, not a body "State for ..."
])
def test_capitalised_parliamentary_words_are_not_new_bodies(gaz, sentence):
    assert new_names(run(gaz, sentence)) == []


def test_a_name_the_dataset_holds_stays_linked_not_new(gaz):
    result = run(gaz, "NHS Providers welcomed the Lansley Act.")
    assert new_names(result) == []
    assert [m.id for m in result.mentions if m.known] == ["nhs-providers", ACT_2012]


def test_office_before_a_name_is_not_part_of_the_name(gaz):
    result = run(gaz, "Health Secretary Jane Smith, head of Monitor, spoke.")
    assert new_names(result) == [("Jane Smith", "person")]
    assert ("jane-smith", "leads", "monitor", "fact") in triples(result)


def test_missing_pipeline_is_one_line_naming_the_package_and_the_way_round(tmp_path, monkeypatch):
    data_dir = write_gazetteer_data(tmp_path / "data")
    article = tmp_path / "a.txt"
    article.write_text("NHS England abolished clinical commissioning groups.\n", encoding="utf-8")
    monkeypatch.setattr(parse_module, "PIPELINE", "no_such_pipeline_package")
    parse_module._pipeline.cache_clear()
    try:
        result = CliRunner().invoke(main, ["extract", str(article), "--data", str(data_dir)])
        assert result.exit_code == 1
        assert "no-such-pipeline-package" in result.output and "--no-parser" in result.output
        assert "Traceback" not in result.output
        plain = CliRunner().invoke(main, ["extract", str(article), "--no-parser", "--data", str(data_dir)])
        assert plain.exit_code == 0, plain.output
        assert "clinical-commissioning-group" in plain.output
    finally:
        parse_module._pipeline.cache_clear()


def test_a_recognised_name_cut_from_a_post_is_not_a_new_person():
    """The recogniser sometimes takes the words before a post for a name ("Parliamentary Under" from
    "Parliamentary Under-Secretary of State"); a name with a post's word in it, or cut off at a
    hyphen, is dropped."""
    from spacy.tokens import Span

    from nhsgraph.extract.named import parsed_names
    from nhsgraph.extract.parse import parse

    for text, end in (("Parliamentary Under-Secretary Ann Holder spoke.", 2), ("Chief Minister Ann Holder spoke.", 2)):
        doc = parse(text)
        doc.ents = [Span(doc, 0, end, label="PERSON")]
        assert parsed_names(doc, []) == []
    doc = parse("Ann Holder spoke.")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert [m.text for m in parsed_names(doc, [])] == ["Ann Holder"]


def test_a_peer_is_a_new_person_wherever_named_and_an_office_is_not(gaz) -> None:
    text = "Lord Warner and Baroness Cumberlege spoke, and the Lord Chancellor agreed."
    people = [m.text for m in run(gaz, text).mentions if m.kind == "person"]
    assert people == ["Lord Warner", "Baroness Cumberlege"]


def test_a_peers_territorial_title_is_not_a_known_person_of_the_same_surname(tmp_path) -> None:
    from extract_fixtures import gazetteer

    gaz = gazetteer(tmp_path, """\
people:
  - {id: jeremy-hunt, label: Jeremy Hunt, sources: [source-doc]}
""")
    text = "Lord Hunt of Kings Heath moved an amendment; Jeremy Hunt agreed."
    found = [(m.text, m.id, m.known) for m in run(gaz, text).mentions if m.kind == "person"]
    assert found == [("Lord Hunt of Kings Heath", "lord-hunt-of-kings-heath", False), ("Jeremy Hunt", "jeremy-hunt", True)]


def test_a_surname_opening_a_bodys_name_is_not_the_person(tmp_path) -> None:
    from extract_fixtures import gazetteer

    gaz = gazetteer(tmp_path, """\
people:
  - {id: jon-example, label: Jon Ashworth, sources: [source-doc]}
""")
    text = "The Ashworth Hospital was closed, and Ashworth agreed."
    linked = [(m.text, m.id) for m in run(gaz, text).mentions if m.known and m.kind == "person"]
    assert linked == [("Ashworth", "jon-example")]
