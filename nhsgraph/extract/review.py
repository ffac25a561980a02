"""The review file: pending claims a person accepts, rejects or corrects, saved after every decision.

The file is rewritten atomically after each decision, so a review killed half-way loses
nothing already decided. Edits are checked against the model and the vocabulary before
they are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from nhsgraph import atomic
from nhsgraph.extract.output import HEADER, dump_yaml
from nhsgraph.model import Statement
from nhsgraph.userfiles import MAX_REVIEW_BYTES, UserFileError, read_text
from nhsgraph.vocabulary import vocabulary
from nhsgraph.yamlsource import YamlError, parse_yaml

EDITABLE = ("subject", "relation", "object", "status")


class ReviewError(ValueError):
    """A review file that cannot be read, or an edit that is not valid."""


@dataclass
class ReviewFile:
    path: Path
    records: dict[str, Any]

    @classmethod
    def open(cls, path: str | Path) -> ReviewFile:
        file = Path(path)
        try:
            text = read_text(file, MAX_REVIEW_BYTES, "review files")
        except UserFileError as exc:
            raise ReviewError(str(exc)) from None
        try:
            # The curated loader's reader: safe against alias bombs and deep nesting, and it keeps
            # dates as written (yaml.safe_load crashed on 2022-02-30 and recursed on deep input).
            records = parse_yaml(text).value or {}
        except YamlError as exc:
            raise ReviewError(f"{file}:{exc.mark.line}:{exc.mark.column}: not valid YAML ({exc.message})") from None
        if not isinstance(records, dict) or not isinstance(records.get("statements", []), list):
            raise ReviewError(f"{file}: not an extraction file (expected sections such as 'statements:')")
        return cls(file, records)

    @property
    def statements(self) -> list[dict[str, Any]]:
        return self.records.setdefault("statements", [])

    def labels(self) -> dict[str, str]:
        """Labels of the entities recorded in the file (new ones, and the article)."""
        return {item["id"]: str(item.get("label", item["id"])) for section, items in self.records.items()
                if section != "statements" and isinstance(items, list)
                for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}

    def pending(self) -> list[int]:
        """Indices of statements still awaiting a decision."""
        return [i for i, st in enumerate(self.statements) if st.get("review") == "pending"]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for st in self.statements:
            counts[st.get("review") or "none"] = counts.get(st.get("review") or "none", 0) + 1
        return counts

    def decide(self, index: int, decision: str) -> None:
        """Mark statement ``index`` accepted or rejected, and save."""
        if decision not in ("accepted", "rejected", "pending"):
            raise ReviewError(f"unknown decision {decision!r}")
        self.statements[index]["review"] = decision
        self.save()

    def edit(self, index: int, field: str, value: str) -> None:
        """Change one field of statement ``index`` (checked before it is kept), and save."""
        if field not in EDITABLE:
            raise ReviewError(f"only {', '.join(EDITABLE)} can be edited here; edit the file for anything else")
        vocab = vocabulary()
        value = value.strip()
        if field == "relation" and value not in vocab.relations:
            raise ReviewError(f"unknown relation {value!r}; one of: {', '.join(vocab.relations)}")
        if field == "status" and value not in vocab.statuses:
            raise ReviewError(f"unknown status {value!r}; one of: {', '.join(vocab.statuses)}")
        candidate = {**self.statements[index], field: value}
        try:
            Statement.model_validate(candidate)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            raise ReviewError(f"{field}: {first['msg']} (ids are lower-case letters, digits and hyphens)") from None
        self.statements[index] = candidate
        self.save()

    def save(self) -> None:
        atomic.write_text(self.path, dump_yaml(self.records, HEADER))


def describe(statement: dict[str, Any], labels: dict[str, str] | None = None) -> str:
    """One claim for the terminal: the triple (with labels, when known), its status and whose it is, and the sentence."""
    def name(entity_id: Any) -> str:
        label = (labels or {}).get(str(entity_id))
        return f"{label} [{entity_id}]" if label and label != entity_id else str(entity_id)

    whose = ", ".join(name(a) for a in statement.get("attributed_to") or []) or "-"
    extraction = statement.get("extraction") or {}
    confidence = extraction.get("confidence")
    lines = [
        f"{name(statement.get('subject'))} --{statement.get('relation')}--> {name(statement.get('object'))}",
        f"  status: {statement.get('status', 'fact')}   attributed to: {whose}"
        + (f"   cue: {extraction.get('cue')!r}   confidence: {confidence}" if extraction else ""),
    ]
    if extraction.get("sentence"):
        lines.append(f"  “{extraction['sentence']}”")
    return "\n".join(lines)
