"""extract -> review -> accept: the round trip a researcher makes, through the CLI."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from extract_fixtures import write_gazetteer_data

import nhsgraph
from nhsgraph.cli import main

ARTICLE = (
    "Reform again.\n\n"
    "Jane Example argues that ICBs should replace CCGs. "
    "According to NHS Providers, NHS England replaced Monitor. "
    "NHS England will not abolish NHS Improvement.\n"
)


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    data = write_gazetteer_data(tmp_path / "data")
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return data, article


def _extract(data: Path, article: Path, out: Path) -> dict:
    result = run("extract", str(article), "--data", str(data), "-o", str(out), "--document-id", "example-article",
                 "--title", "An example article", "--author", "Sam Writer", "--date", "2021-02", "--url", "https://example.org/a")
    assert result.exit_code == 0, result.output
    return yaml.safe_load(out.read_text(encoding="utf-8"))


def test_extract_writes_curated_format_with_pending_claims(setup, tmp_path):
    data, article = setup
    records = _extract(data, article, tmp_path / "out.yaml")
    assert records["documents"] == [{"id": "example-article", "label": "An example article", "document_type": "article",
                                     "authors": ["sam-writer"], "date": "2021-02", "url": "https://example.org/a"}]
    assert {p["id"] for p in records["people"]} == {"sam-writer"}
    triples = {(s["subject"], s["relation"], s["object"], s["status"]) for s in records["statements"]}
    assert triples == {("integrated-care-board", "replaces", "clinical-commissioning-group", "proposed"),
                       ("nhs-england", "replaces", "monitor", "reported")}
    for st in records["statements"]:
        assert st["review"] == "pending"
        ex = st["extraction"]
        assert ARTICLE[ex["start"]:ex["end"]] == ex["sentence"] == st["sources"][0]["quote"]
        assert ex["cue"] and 0 < ex["confidence"] <= 1


def test_extract_json_schema(setup):
    data, article = setup
    result = run("extract", str(article), "--data", str(data), "--json", "--document-id", "example-article")
    payload = json.loads(result.output)
    assert payload["schema"] == "nhsgraph.extract/1"
    art = payload["articles"][0]
    assert set(art) == {"document", "entities", "new_entities", "claims"}
    claim = art["claims"][0]
    assert set(claim) == {"id", "subject", "relation", "object", "status", "attributed_to", "negated", "voice", "cue",
                          "cue_start", "cue_end", "sentence", "confidence"}
    assert {"id", "label", "kind", "known"} == set(claim["subject"])
    negated = [c for c in art["claims"] if c["negated"]]
    assert [(c["relation"], c["object"]["id"]) for c in negated] == [("abolishes", "nhs-improvement")]
    for entity in art["entities"]:
        assert ARTICLE[entity["start"]:entity["end"]] == entity["text"]


def test_review_saves_each_decision_and_edits(setup, tmp_path):
    data, article = setup
    out = tmp_path / "out.yaml"
    _extract(data, article, out)
    # accept the first claim, then edit the second's status, then reject it
    result = run("review", str(out), "--data", str(data), input="a\ne\nstatus\nfact\nr\n")
    assert result.exit_code == 0, result.output
    assert "integrated care board [integrated-care-board] --replaces--> clinical commissioning group" in result.output
    statements = yaml.safe_load(out.read_text(encoding="utf-8"))["statements"]
    assert [s["review"] for s in statements] == ["accepted", "rejected"]
    assert statements[1]["status"] == "fact"


def test_review_interrupted_keeps_decisions_already_made(setup, tmp_path):
    data, article = setup
    out = tmp_path / "out.yaml"
    _extract(data, article, out)
    result = run("review", str(out), input="a\n")  # input ends: the prompt aborts, as if killed
    assert result.exit_code != 0
    assert [s["review"] for s in yaml.safe_load(out.read_text())["statements"]] == ["accepted", "pending"]


def test_review_rejects_an_unknown_relation_and_keeps_the_old_one(setup, tmp_path):
    data, article = setup
    out = tmp_path / "out.yaml"
    _extract(data, article, out)
    result = run("review", str(out), input="e\nrelation\nsupersedes\nq\n")
    assert "not changed: unknown relation 'supersedes'" in result.output
    assert yaml.safe_load(out.read_text())["statements"][0]["relation"] == "replaces"


def _hashes(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*.yaml")}


def test_accept_merges_into_a_new_validated_file_without_duplicates(setup, tmp_path):
    data, article = setup
    out = tmp_path / "out.yaml"
    _extract(data, article, out)
    run("review", str(out), input="a\na\n")
    before = _hashes(data)
    result = run("accept", str(out), "--into", str(data))
    assert result.exit_code == 0, result.output
    written = data / "extracted" / "example-article.yaml"
    assert written.exists()
    assert all(_hashes(data)[path] == digest for path, digest in before.items())  # users' files untouched
    dataset = nhsgraph.load(data)
    assert "example-article" in dataset.entities and "sam-writer" in dataset.entities
    replaces = [s for s in dataset.statements if s.relation == "replaces"]
    assert {(s.subject, s.object, s.review) for s in replaces} == {
        ("integrated-care-board", "clinical-commissioning-group", "accepted"), ("nhs-england", "monitor", "accepted")}
    again = run("accept", str(out), "--into", str(data))
    assert "nothing to merge: 2 accepted claim(s) already in" in again.output
    assert not (data / "extracted" / "example-article-2.yaml").exists()


def test_accept_refuses_invalid_result_and_writes_nothing(setup, tmp_path):
    data, article = setup
    out = tmp_path / "out.yaml"
    _extract(data, article, out)
    run("review", str(out), input="e\nobject\nno-such-body\na\nq\n")
    result = run("accept", str(out), "--into", str(data))
    assert result.exit_code == 1
    assert "unknown id 'no-such-body'" in result.output
    assert not (data / "extracted").exists()


def _keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_every_json_field_is_documented(setup):
    data, article = setup
    payload = json.loads(run("extract", str(article), "--data", str(data), "--json", "--author", "Sam Writer").output)
    docs = (Path(__file__).resolve().parent.parent / "docs" / "extraction.md").read_text(encoding="utf-8")
    undocumented = sorted(k for k in _keys(payload) if f"`{k}`" not in docs)
    assert payload["schema"] in docs
    assert undocumented == []


def test_known_article_is_attributed_to_its_authors_in_the_data(setup, tmp_path):
    data, article = setup
    (data / "article.yaml").write_text(
        "documents:\n  - id: known-article\n    label: Known article\n    document_type: article\n    authors: [jane-example]\n",
        encoding="utf-8")
    payload = json.loads(run("extract", str(article), "--data", str(data), "--json", "--document-id", "known-article").output)
    art = payload["articles"][0]
    assert art["document"]["known"] is True
    assert [a["id"] for a in art["document"]["authors"]] == ["jane-example"]
    nhse = next(c for c in art["claims"] if c["subject"]["id"] == "nhs-england")
    assert [a["id"] for a in nhse["attributed_to"]] == ["nhs-providers"]
    ours = next(c for c in art["claims"] if c["subject"]["id"] == "integrated-care-board")
    assert [a["id"] for a in ours["attributed_to"]] == ["jane-example"]


def test_unsigned_known_article_speaks_for_its_publisher(setup):
    data, article = setup
    (data / "article.yaml").write_text(
        "documents:\n  - id: known-article\n    label: Known article\n    document_type: article\n    publisher: nhs-providers\n",
        encoding="utf-8")
    payload = json.loads(run("extract", str(article), "--data", str(data), "--json", "--document-id", "known-article").output)
    assert [a["id"] for a in payload["articles"][0]["document"]["authors"]] == ["nhs-providers"]


def test_clear_errors_for_bad_inputs(setup, tmp_path):
    data, _ = setup
    binary = tmp_path / "a.txt"
    binary.write_bytes(b"\xff\xfe\x00abc")
    result = run("extract", str(binary), "--data", str(data))
    assert result.exit_code == 1 and "not UTF-8" in result.output and "Traceback" not in result.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("statements: [\n", encoding="utf-8")
    result = run("review", str(broken))
    assert result.exit_code == 1 and "not valid YAML" in result.output


def test_accept_with_nothing_accepted_writes_nothing(setup, tmp_path):
    data, article = setup
    out = tmp_path / "out.yaml"
    _extract(data, article, out)
    result = run("accept", str(out), "--into", str(data))
    assert result.exit_code == 0 and "nothing to merge" in result.output
    assert not (data / "extracted").exists()
