"""Merge accepted claims (and the new entities they need) into the curated data.

Never edits a user's file: writes a new file, ``<data>/extracted/<document-id>.yaml``
(``-2``, ``-3`` ... if taken), and only after the whole dataset plus that file has loaded
without errors. Statements and entities already in the data are not written again.
"""

from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nhsgraph import atomic
from nhsgraph.checks import check
from nhsgraph.dataset import Dataset
from nhsgraph.diagnostics import LoadError, Problem
from nhsgraph.extract.output import dump_yaml
from nhsgraph.extract.review import ReviewFile
from nhsgraph.loader import load, read_records, sections
from nhsgraph.model import Statement
from nhsgraph.vocabulary import vocabulary

ACCEPT_HEADER = """\
# Claims accepted after review of `nhsgraph extract` output, merged by `nhsgraph accept`.
# Each statement keeps its `extraction` block: the sentence it came from and the cue that fired.
"""
# Entity fields that refer to other entities, followed when collecting what a statement needs.
_REFERENCE_FIELDS = ("authors", "publisher", "proposed_by", "org_type", "document", "outcome_by")


@dataclass
class AcceptResult:
    path: Path | None
    statements: int = 0
    entities: int = 0
    duplicates: int = 0
    not_accepted: int = 0
    problems: list[Problem] = field(default_factory=list)


def _target(data: Path, document_id: str) -> Path:
    folder = data / "extracted"
    path = folder / f"{document_id}.yaml"
    number = 2
    while path.exists():
        path = folder / f"{document_id}-{number}.yaml"
        number += 1
    return path


def _needed(statements: list[Statement]) -> set[str]:
    ids: set[str] = set()
    for st in statements:
        ids |= {st.subject, st.object, *st.attributed_to, *(s.document for s in st.sources)}
        if st.by:
            ids.add(st.by)
    return ids


def _entity_records(review: ReviewFile, dataset: Dataset, wanted: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Entity records from the review file that the accepted statements need and the data lacks."""
    by_id: dict[str, tuple[str, dict[str, Any]]] = {}
    for section, items in review.records.items():
        if section != "statements" and section in sections() and isinstance(items, list):
            for item in items:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    by_id[item["id"]] = (section, item)
    chosen: dict[str, list[dict[str, Any]]] = {}
    queue = sorted(wanted)
    seen: set[str] = set()
    while queue:
        entity_id = queue.pop()
        if entity_id in seen or entity_id in dataset.entities or entity_id not in by_id:
            continue
        seen.add(entity_id)
        section, item = by_id[entity_id]
        chosen.setdefault(section, []).append(item)
        for name in _REFERENCE_FIELDS:
            value = item.get(name)
            queue += [value] if isinstance(value, str) else [v for v in value or [] if isinstance(v, str)]
    return chosen


def _validate(data: Path, text: str, target: Path) -> list[Problem]:
    """Problems in the dataset as it would be with ``text`` written at ``target``."""
    problems: list[Problem] = []
    records = read_records(data, problems)
    with tempfile.TemporaryDirectory() as tmp:
        candidate = Path(tmp) / target.name
        candidate.write_text(text, encoding="utf-8")
        records += read_records(candidate, problems)
        problems = [dataclasses.replace(p, file=str(target)) if p.file == str(candidate) else p for p in problems]
        dataset = Dataset.from_records(records)
        problems += [dataclasses.replace(p, file=str(target)) if p.file == str(candidate) else p for p in check(dataset)]
    return problems


def accept(review_path: str | Path, data: str | Path) -> AcceptResult:
    """Merge the accepted statements of ``review_path`` into the curated data folder ``data``."""
    review = ReviewFile.open(review_path)
    folder = Path(data)
    dataset = load(folder)
    existing = {st.content_id() for st in dataset.statements}
    existing_triples = {(st.subject, st.relation, st.object, st.status) for st in dataset.statements}
    result = AcceptResult(None)
    accepted: list[Statement] = []
    statements: list[dict[str, Any]] = []
    for record in review.statements:
        if record.get("review") != "accepted":
            result.not_accepted += 1
            continue
        statement = Statement.model_validate(record)
        triple = (statement.subject, statement.relation, statement.object, statement.status)
        if statement.content_id() in existing or triple in existing_triples:
            result.duplicates += 1
            continue
        existing.add(statement.content_id())
        existing_triples.add(triple)
        accepted.append(statement)
        statements.append({k: v for k, v in record.items() if k != "id"})
    if not accepted:
        return result
    entities = _entity_records(review, dataset, _needed(accepted))
    order = [k.section for k in vocabulary().kinds.values()]
    records: dict[str, Any] = {name: entities[name] for name in order if name in entities}
    records["statements"] = statements
    document = next((s.document for st in accepted for s in st.sources), None) or review.path.stem
    target = _target(folder, document)
    text = dump_yaml(records, ACCEPT_HEADER)
    problems = _validate(folder, text, target)
    if any(p.severity == "error" for p in problems):
        raise LoadError(problems)
    atomic.write_text(target, text)
    return AcceptResult(target, len(statements), sum(len(v) for v in entities.values()), result.duplicates,
                        result.not_accepted, problems)
