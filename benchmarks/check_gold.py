"""Check the gold annotations against their texts and the curated data.

    python benchmarks/check_gold.py [CORPUS_DIR] [--data data] [--gold benchmarks/gold]

A gold file is only worth its offsets, quotes and ids: an offset that drifts, a quote edited
on one side, or an id renamed in the data silently turns a hit into a miss. For every gold
file this checks that

- each entity's ``text[start:end]`` is its ``text``, and its ``id`` (and every ``also`` id)
  is in the curated data unless the entity is marked ``new: true``;
- each claim's relation and status are in the vocabulary, its ``quote`` occurs in the text
  and is at most one sentence (by the data checks' rule), and every id it names (subject,
  object, attributed_to) is in the data, a gold entity, the document, an author, or listed
  in ``new_ids``; ids the data knows must be of a kind the relation allows.

Texts of ``bundled: true`` gold files are in ``benchmarks/corpus/``; the others are read
from CORPUS_DIR when it is given, else only their ids are checked. A bundled gold file must say
which held-out batch it belongs to (``heldout: N``), so that the benchmark never scores a batch
already used for development as if it were unseen. Prints one line per
problem (``file:line: message``) and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import nhsgraph
from nhsgraph.model import sentence_count
from nhsgraph.vocabulary import vocabulary

BUNDLED = ROOT / "benchmarks" / "corpus"
GOLD = ROOT / "benchmarks" / "gold"

DEVELOPMENT = "development"
# Batches whose misses have been read to improve the extractor: still scored, but labelled so
# that nobody mistakes their figures for a measure on unseen text.
USED_FOR_DEVELOPMENT = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def _ids(value: object) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]


def _key_line(source: str, key: str) -> int:
    """1-based line of a top-level key, from PyYAML's node marks (1 if absent)."""
    root = yaml.compose(source)
    for node, _value in getattr(root, "value", []):
        if node.value == key:
            return node.start_mark.line + 1
    return 1


def _item_lines(source: str, section: str) -> list[int]:
    """1-based line of each item of a top-level sequence, from PyYAML's node marks."""
    root = yaml.compose(source)
    for key, value in getattr(root, "value", []):
        if key.value == section and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def heldout_batch(gold: dict) -> int | None:
    """The held-out batch number of a bundled gold file; None if it has none (or is not an int)."""
    batch = gold.get("heldout")
    return batch if isinstance(batch, int) and not isinstance(batch, bool) else None


def group_of(gold: dict) -> str:
    """The set a gold file is scored in: the development articles, or its held-out batch."""
    if not gold.get("bundled"):
        return DEVELOPMENT
    batch = heldout_batch(gold)
    if batch is None:
        return "held-out (batch not given)"
    return f"held-out {batch}" + (" (now used for development)" if batch in USED_FOR_DEVELOPMENT else "")


def group_order(group: str) -> tuple[int, str]:
    """Sort key for printing totals: development first, then held-out batches by number."""
    if group == DEVELOPMENT:
        return (0, "")
    number = group.removeprefix("held-out ").split(" ")[0]
    return (int(number), group) if number.isdigit() else (10**6, group)


def source_path(gold: dict, corpus: Path | None) -> Path | None:
    """Where the text a gold file annotates is: bundled, or in the corpus folder; None if unavailable."""
    folder = BUNDLED if gold.get("bundled") else corpus
    if folder is None or not (folder / gold["file"]).is_file():
        return None
    return folder / gold["file"]


def text_for(gold: dict, corpus: Path | None) -> str | None:
    """The text a gold file annotates, or None if it is not available."""
    path = source_path(gold, corpus)
    return None if path is None else path.read_text(encoding="utf-8")


def check_gold_file(path: Path, known: dict[str, str], corpus: Path | None = None) -> list[Problem]:
    """Problems in one gold file; ``known`` maps every id in the curated data to its kind."""
    source = path.read_text(encoding="utf-8")
    name = path.name
    try:
        gold = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [Problem(name, mark.line + 1 if mark else 1, f"not valid YAML: {getattr(error, 'problem', error)}")]
    problems: list[Problem] = []
    vocab = vocabulary()
    text = text_for(gold, corpus)
    if gold.get("bundled") and text is None:
        problems.append(Problem(name, 1, f"bundled text {gold['file']} is missing from benchmarks/corpus/"))
    if gold.get("bundled") and heldout_batch(gold) is None:
        problems.append(Problem(name, _key_line(source, "bundled"), "bundled gold file has no held-out batch number (heldout: N)"))

    entity_lines = _item_lines(source, "entities")
    declared = set(known) | {gold["document"], *gold.get("authors", []), *gold.get("new_ids", [])}
    for i, entity in enumerate(gold.get("entities", [])):
        line = entity_lines[i] if i < len(entity_lines) else 1
        declared.add(entity["id"])
        if text is not None and text[entity["start"]:entity["end"]] != entity["text"]:
            found = text[entity["start"]:entity["end"]]
            problems.append(Problem(name, line, f"offsets {entity['start']}-{entity['end']} hold {found!r}, not {entity['text']!r}"))
        if not entity.get("new") and entity["id"] not in known:
            problems.append(Problem(name, line, f"id {entity['id']!r} is not in the data and not marked new: true"))
        for other in entity.get("also", []):
            if other not in known:
                problems.append(Problem(name, line, f"also-id {other!r} is not in the data"))

    claim_lines = _item_lines(source, "claims")
    for i, claim in enumerate(gold.get("claims", [])):
        line = claim_lines[i] if i < len(claim_lines) else 1
        relation = vocab.relations.get(claim["relation"])
        if relation is None:
            problems.append(Problem(name, line, f"relation {claim['relation']!r} is not in the vocabulary"))
        if claim.get("status", "fact") not in vocab.statuses:
            problems.append(Problem(name, line, f"status {claim['status']!r} is not in the vocabulary"))
        quote = claim.get("quote")
        if quote and sentence_count(quote) > 1:
            problems.append(Problem(name, line, "quote is longer than one sentence"))
        if quote and text is not None and quote not in text:
            problems.append(Problem(name, line, f"quote does not occur in the text: {quote[:60]!r}"))
        for role in ("subject", "object", "attributed_to"):
            for id_ in _ids(claim.get(role)):
                if id_ not in declared:
                    problems.append(Problem(name, line, f"{role} id {id_!r} is not in the data, the gold entities or new_ids"))
                elif relation is not None and role != "attributed_to" and id_ in known:
                    allowed = relation.subject_kinds if role == "subject" else relation.object_kinds
                    if known[id_] not in allowed:
                        problems.append(Problem(name, line, f"{role} {id_!r} is of kind {known[id_]}; {claim['relation']} takes {', '.join(allowed)}"))
    return problems


def check_all(gold_dir: Path, data: Path, corpus: Path | None = None) -> list[Problem]:
    """Problems in every gold file of ``gold_dir``, against the curated data in ``data``."""
    dataset = nhsgraph.load(data)
    known = {id_: entity.kind for id_, entity in dataset.entities.items()}
    return [p for path in sorted(gold_dir.glob("*.yaml")) for p in check_gold_file(path, known, corpus)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", help="folder holding the development articles (optional)")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="curated data")
    parser.add_argument("--gold", type=Path, default=GOLD)
    args = parser.parse_args()
    corpus = args.corpus if args.corpus is not None and args.corpus.is_dir() else None
    problems = check_all(args.gold, args.data, corpus)
    for problem in problems:
        print(problem)
    files = len(list(args.gold.glob("*.yaml")))
    print(f"{files} gold files, {len(problems)} problem(s)" + ("" if corpus else "; development texts not given, their offsets and quotes unchecked"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
