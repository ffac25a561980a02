"""Generated records as plain JSON-ready dicts, with provenance and de-duplication.

The ingest builds dicts in the curated field format (see ``data/README.md``) rather than
pydantic models: ``nhsgraph.load`` validates them anyway, and plain dicts keep the ingest
fast and its output byte-stable. Two rows that state the same thing (the same subject,
relation, object and dates) become one statement citing both rows.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from nhsgraph.vocabulary import vocabulary

Source = dict[str, str]

ORGANISATIONS = vocabulary().kinds["organisation"].section
STATEMENTS = "statements"


def source(document: str, locator: str | None = None) -> Source:
    """A provenance entry: the curated document describing the file, and the file and row."""
    return {"document": document, "locator": locator} if locator else {"document": document}


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _add_sources(record: dict[str, Any], sources: list[Source]) -> None:
    """Cite each document once per record: the first row that says it (a region named on
    106 lookup rows cites the first), so records stay small and provenance stays exact."""
    existing = record.setdefault("sources", [])
    cited = {item["document"] for item in existing}
    for item in sources:
        if item["document"] not in cited:
            existing.append(item)
            cited.add(item["document"])


@dataclass
class RecordSet:
    """Organisations by id and statements by key, ready to write as sorted JSON Lines."""

    organisations: dict[str, dict[str, Any]] = field(default_factory=dict)
    statements: dict[tuple[str, ...], dict[str, Any]] = field(default_factory=dict)
    report: dict[str, int] = field(default_factory=dict)
    """Counts of rows used and skipped, by reason (printed by the CLI, pinned by tests)."""

    def count(self, what: str, n: int = 1) -> None:
        self.report[what] = self.report.get(what, 0) + n

    def organisation(self, org_id: str, label: str, org_type: str, sources: list[Source], **fields: Any) -> dict[str, Any]:
        """Add (or extend) an organisation; later calls add sources and fill empty fields."""
        record = self.organisations.get(org_id)
        if record is None:
            record = {"id": org_id, "label": label, "org_type": org_type}
            self.organisations[org_id] = record
        for name, value in fields.items():
            if value not in (None, [], "") and name not in record:
                record[name] = value
        _add_sources(record, sources)
        return record

    def alias(self, org_id: str, *names: str | None) -> None:
        record = self.organisations[org_id]
        aliases = record.setdefault("aliases", [])
        for name in names:
            if name and name != record["label"] and name not in aliases:
                aliases.append(name)

    def statement(self, subject: str, relation: str, obj: str, sources: list[Source], *, date: dt.date | None = None,
                  start: dt.date | None = None, until: dt.date | None = None, note: str | None = None,
                  by: str | None = None) -> dict[str, Any]:
        """Add a fact; the same fact from several rows is one statement citing each row."""
        key = (subject, relation, obj, iso(date) or "", iso(start) or "", iso(until) or "")
        record = self.statements.get(key)
        if record is None:
            record = {"subject": subject, "relation": relation, "object": obj}
            for name, value in (("date", date), ("from", start), ("until", until)):
                if value is not None:
                    record[name] = value.isoformat()
            if by:
                record["by"] = by
            if note:
                record["note"] = note
            self.statements[key] = record
        _add_sources(record, sources)
        return record

    def lines(self) -> Iterator[str]:
        """Every record as one JSON line, organisations then statements, each sorted."""
        for org_id in sorted(self.organisations):
            yield _line(ORGANISATIONS, self.organisations[org_id])
        for key in sorted(self.statements):
            yield _line(STATEMENTS, self.statements[key])


def _line(section: str, record: dict[str, Any]) -> str:
    return json.dumps({"section": section, **record}, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
