"""The gold annotations stay consistent with their texts and with the curated data.

The held-out texts are bundled (benchmarks/corpus/), so their offsets and quotes are checked
here; the development articles are not in the repository, so only their ids are. A renamed
data id or an edited text fails this test instead of silently lowering the benchmark.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml

from benchmarks.check_gold import BUNDLED, DEVELOPMENT, GOLD, check_all, check_gold_file, group_of, group_order

REPO = Path(__file__).resolve().parent.parent


def test_every_gold_file_matches_its_text_and_the_curated_data() -> None:
    problems = check_all(GOLD, REPO / "data")
    assert [str(p) for p in problems] == []


def test_every_bundled_text_has_a_bundled_gold_file_and_a_sources_entry() -> None:
    golds = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in GOLD.glob("*.yaml")]
    bundled = {g["file"] for g in golds if g.get("bundled")}
    texts = {path.name for path in BUNDLED.glob("*.txt")}
    assert texts == bundled
    assert len(texts) >= 3
    sources = (BUNDLED / "SOURCES.md").read_text(encoding="utf-8")
    for name in texts:
        assert f"`{name}`" in sources, f"{name} is not listed in benchmarks/corpus/SOURCES.md"


def test_every_bundled_gold_file_names_its_heldout_batch() -> None:
    """A bundled text without a batch would be scored in no set, or in the wrong one."""
    golds = {path.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in GOLD.glob("*.yaml")}
    batches = {name: g.get("heldout") for name, g in golds.items() if g.get("bundled")}
    assert all(isinstance(b, int) and not isinstance(b, bool) and b >= 1 for b in batches.values()), batches
    assert {1, 2, 3, 4} <= set(batches.values())
    assert all("heldout" not in g for g in golds.values() if not g.get("bundled"))


def test_benchmark_groups_development_and_each_heldout_batch_apart() -> None:
    assert group_of({"file": "a.txt"}) == DEVELOPMENT
    assert group_of({"bundled": True, "heldout": 1}) == "held-out 1 (now used for development)"
    assert group_of({"bundled": True, "heldout": 2}) == "held-out 2 (now used for development)"
    assert group_of({"bundled": True, "heldout": 4}) == "held-out 4 (now used for development)"
    assert group_of({"bundled": True, "heldout": 99}) == "held-out 99"
    groups = ["held-out 2", "held-out 10", DEVELOPMENT, "held-out 1 (now used for development)"]
    assert sorted(groups, key=group_order) == [DEVELOPMENT, "held-out 1 (now used for development)", "held-out 2", "held-out 10"]


def test_checker_names_a_bundled_gold_file_without_a_batch(tmp_path: Path) -> None:
    gold = _gold(tmp_path, """\
        file: example.txt
        bundled: true
        document: example
        entities: []
        claims: []
        """)
    messages = [p.message for p in check_gold_file(gold, KNOWN, tmp_path / "corpus")]
    assert "bundled gold file has no held-out batch number (heldout: N)" in messages
    assert str(check_gold_file(gold, KNOWN, tmp_path / "corpus")[-1]).startswith("example.yaml:2:")


def _gold(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "gold" / "example.yaml"
    path.parent.mkdir()
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "example.txt").write_text("The Example Board replaced CCGs in 2022.", encoding="utf-8")
    return path


KNOWN = {"clinical-commissioning-group": "org_type", "example-board": "organisation", "an-act": "act"}


def test_checker_names_file_and_line_of_a_drifted_offset(tmp_path: Path) -> None:
    gold = _gold(tmp_path, """\
        file: example.txt
        document: example
        entities:
          - {text: "Example Board", start: 4, end: 17, id: example-board}
          - {text: "CCGs", start: 26, end: 30, id: clinical-commissioning-group}
        claims: []
        """)
    problems = check_gold_file(gold, KNOWN, tmp_path / "corpus")
    assert [str(p) for p in problems] == ["example.yaml:5: offsets 26-30 hold ' CCG', not 'CCGs'"]


def test_checker_reports_unknown_ids_missing_quotes_and_forbidden_kinds(tmp_path: Path) -> None:
    gold = _gold(tmp_path, """\
        file: example.txt
        document: example
        entities:
          - {text: "Example Board", start: 4, end: 17, id: exampel-board}
        claims:
          - subject: example-board
            relation: replaces
            object: clinical-commissioning-group
            quote: "The Example Board replaces CCGs."
          - subject: an-act
            relation: merges_into
            object: nobody-knows
            quote: "The Example Board replaced CCGs in 2022."
        """)
    messages = [str(p) for p in check_gold_file(gold, KNOWN, tmp_path / "corpus")]
    assert messages == [
        "example.yaml:4: id 'exampel-board' is not in the data and not marked new: true",
        "example.yaml:6: quote does not occur in the text: 'The Example Board replaces CCGs.'",
        "example.yaml:10: subject 'an-act' is of kind act; merges_into takes organisation",
        "example.yaml:10: object id 'nobody-knows' is not in the data, the gold entities or new_ids",
    ]


def test_checker_accepts_new_entities_and_declared_new_ids(tmp_path: Path) -> None:
    gold = _gold(tmp_path, """\
        file: example.txt
        document: example
        new_ids: [example-bill]
        entities:
          - {text: "Example Board", start: 4, end: 17, id: new-board, new: true}
        claims:
          - subject: [new-board, example-bill]
            relation: replaces
            object: clinical-commissioning-group
            quote: "The Example Board replaced CCGs in 2022."
        """)
    assert check_gold_file(gold, KNOWN, tmp_path / "corpus") == []


def test_checker_reports_invalid_yaml_as_one_line(tmp_path: Path) -> None:
    gold = _gold(tmp_path, "file: example.txt\nentities:\n  - {text: \"x\", start: 1\n")
    problems = check_gold_file(gold, KNOWN, tmp_path / "corpus")
    assert len(problems) == 1 and str(problems[0]).startswith("example.yaml:") and "not valid YAML" in problems[0].message
