"""Statements and sources in the user's language: labels, short citations, stable JSON.

One place turns ids into what a reader wants (names, titles, URLs, quotes), shared by
``show``, the question commands and the Python API, so every answer cites the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nhsgraph.model import SourceRef, Statement

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset


def ref_json(dataset: Dataset, entity_id: str | None) -> dict[str, str] | None:
    """``{"id", "label", "kind"}`` for an entity id (``None`` stays ``None``)."""
    if entity_id is None:
        return None
    entity = dataset.entities.get(entity_id)
    return {"id": entity_id, "label": entity.label if entity else entity_id, "kind": entity.kind if entity else "unknown"}


def source_json(dataset: Dataset, source: SourceRef) -> dict[str, Any]:
    document = dataset.entities.get(source.document)
    return {
        "document": source.document,
        "title": document.label if document else source.document,
        "url": getattr(document, "url", None),
        "date": str(getattr(document, "date", None) or getattr(document, "royal_assent", None) or "") or None,
        "quote": source.quote,
        "locator": source.locator,
    }


def citation(dataset: Dataset, source: SourceRef) -> str:
    """A short citation: ``Title (2022)``."""
    info = source_json(dataset, source)
    year = f" ({info['date'][:4]})" if info["date"] else ""
    return f"{info['title']}{year}"


def statement_json(dataset: Dataset, st: Statement) -> dict[str, Any]:
    """The stable JSON form of a statement (schema in docs/json.md)."""
    return {
        "id": st.id,
        "subject": ref_json(dataset, st.subject),
        "relation": st.relation,
        "object": ref_json(dataset, st.object),
        "status": st.status,
        "date": str(st.date) if st.date else None,
        "from": str(st.from_) if st.from_ else None,
        "until": str(st.until) if st.until else None,
        "by": ref_json(dataset, st.by),
        "attributed_to": [ref_json(dataset, a) for a in st.attributed_to],
        "sources": [source_json(dataset, s) for s in st.sources],
        "note": st.note,
    }


def when_text(st: Statement) -> str:
    if st.date:
        return st.date.human()
    if st.from_ and st.until:
        return f"{st.from_.human()} – {st.until.human()}"
    if st.from_:
        return f"from {st.from_.human()}"
    if st.until:
        return f"until {st.until.human()}"
    return ""
