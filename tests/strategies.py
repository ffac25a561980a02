"""Hypothesis strategies for curated data: valid documents, and mutations of them.

A generated document is valid by construction (every reference resolves, kinds fit the
vocabulary, dates are ordered, facts are sourced, quotes are one sentence, part_of and
replaces only point "forward" so they cannot form cycles), so the loader must accept it
and give back exactly what was written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

# Free text as people write it: any letters (Latin or not), digits, spaces, quotes, '#', braces.
TEXT_ALPHABET = st.characters(
    categories=("L", "N", "Zs"), include_characters="'\"#{}[]:&*!|>-,.()/\\%@`",
    exclude_characters="\u2028\u2029\x85",
)
words = st.text(TEXT_ALPHABET, min_size=1, max_size=24).map(str.strip).filter(bool)
# One sentence: no sentence-ending punctuation followed by more text.
sentence = st.text(st.characters(categories=("L", "N", "Zs"), include_characters="'\",;:-"), min_size=1, max_size=60).map(str.strip).filter(bool)


@st.composite
def partial_dates(draw: st.DrawFn, min_value: dt.date = dt.date(1900, 1, 1), max_value: dt.date = dt.date(2100, 12, 31)) -> str:
    """An ISO date at year, month or day precision, as it is written in YAML."""
    day = draw(st.dates(min_value=min_value, max_value=max_value))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    return {"year": f"{day.year:04d}", "month": f"{day.year:04d}-{day.month:02d}", "day": day.isoformat()}[precision]


def _ids(prefix: str, n: int) -> list[str]:
    return [f"{prefix}-{i}" for i in range(n)]


@st.composite
def documents(draw: st.DrawFn) -> dict[str, list[dict[str, Any]]]:
    """A valid curated dataset as plain data: ``{section: [records]}``."""
    docs = _ids("doc", draw(st.integers(1, 3)))
    types = _ids("form", draw(st.integers(1, 4)))
    orgs = _ids("body", draw(st.integers(0, 4)))
    people = _ids("person", draw(st.integers(0, 2)))

    def sources() -> list[Any]:
        chosen = draw(st.lists(st.sampled_from(docs), min_size=1, max_size=2, unique=True))
        return [draw(st.sampled_from([d, {"document": d}, {"document": d, "quote": draw(sentence)}])) for d in chosen]

    def common(entity_id: str) -> dict[str, Any]:
        record: dict[str, Any] = {"id": entity_id, "label": draw(words)}
        aliases = draw(st.lists(words, max_size=3))
        if aliases:
            record["aliases"] = aliases
        if draw(st.booleans()):
            record["description"] = draw(sentence)
        return record

    def dated(record: dict[str, Any]) -> dict[str, Any]:
        if draw(st.booleans()):
            record["established"] = draw(partial_dates(max_value=dt.date(1999, 12, 31)))
            if draw(st.booleans()):
                record["dissolved"] = draw(partial_dates(min_value=dt.date(2000, 1, 1)))
        return record

    data: dict[str, list[dict[str, Any]]] = {
        "documents": [{**common(d), "date": draw(partial_dates()),
                       **({"authors": people[:1]} if people and draw(st.booleans()) else {})} for d in docs],
        "org_types": [{**dated(common(t)), "sources": sources()} for t in types],
        "organisations": [{**dated(common(o)), "org_type": draw(st.sampled_from(types)), "sources": sources()} for o in orgs],
        "people": [{**common(p), "sources": sources()} for p in people],
    }
    bodies = types + orgs
    statements = []
    seen: set[tuple[Any, ...]] = set()
    for relation in ("part_of", "replaces", "commissions"):
        for _ in range(draw(st.integers(0, 3))):
            if len(bodies) < 2:
                break
            i, j = sorted(draw(st.lists(st.integers(0, len(bodies) - 1), min_size=2, max_size=2, unique=True)))
            statement: dict[str, Any] = {"subject": bodies[i], "relation": relation, "object": bodies[j], "sources": sources()}
            if draw(st.booleans()):
                statement.update(status="proposed", attributed_to=draw(st.sampled_from(docs)))
            key = (statement["subject"], relation, statement["object"], statement.get("status"))
            if key not in seen:  # the same statement twice is a duplicate, which the loader rightly reports
                seen.add(key)
                statements.append(statement)
    data["statements"] = statements
    return {section: records for section, records in data.items() if records}


MUTATIONS = ["", "\n", "- ", ": ", "[", "]", "{", "}", "&a ", "*a", "!!python/name:os.system ", "\t", "#", "'", '"',
             "2022-02-30", "0000", "<<: *a", "? ", "---\n", "\x07", "\ufeff", "é", "relation: replaces", "id: doc-0"]


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` with a few random edits: lines deleted, duplicated or swapped, tokens inserted or removed."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "cut"]))
        where = draw(st.integers(0, max(0, len(lines) - 1)))
        if action == "delete" and lines:
            del lines[where]
        elif action == "duplicate" and lines:
            lines.insert(where, lines[where])
        elif action == "swap" and len(lines) > 1:
            other = draw(st.integers(0, len(lines) - 1))
            lines[where], lines[other] = lines[other], lines[where]
        elif lines:
            line = lines[where]
            at = draw(st.integers(0, len(line)))
            if action == "insert":
                lines[where] = line[:at] + draw(st.sampled_from(MUTATIONS)) + line[at:]
            else:
                lines[where] = line[:at] + line[at + draw(st.integers(1, 8)):]
    return "\n".join(lines)
