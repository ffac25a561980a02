"""Extraction results as stable JSON (schema in docs/extraction.md) and as curated-data YAML for review.

The YAML is the curated data format itself: the article is a ``document``, new entities
sit in their sections, and each claim is a statement with ``review: pending`` and an
``extraction`` block (sentence, offsets, cue, confidence), so ``nhsgraph review`` and
``nhsgraph accept`` work on a file a person can also edit by hand.
"""

from __future__ import annotations

from typing import Any

import yaml

from nhsgraph.extract.claims import Claim, Party
from nhsgraph.extract.gazetteer import YEAR
from nhsgraph.extract.pipeline import Extraction
from nhsgraph.model import Statement, sentence_count
from nhsgraph.vocabulary import vocabulary

JSON_SCHEMA = "nhsgraph.extract/1"


def _party(party: Party) -> dict[str, Any]:
    return {"id": party.id, "label": party.label, "kind": party.kind, "known": party.known}


def _claim_party(party: Party, text: str) -> dict[str, Any]:
    """A claim's subject or object; one named by a pronoun or description says which words ("its")."""
    record = _party(party)
    if party.resolved and party.start is not None and party.end is not None:
        record["via"] = {"text": text[party.start:party.end], "start": party.start, "end": party.end}
    return record


def claim_statement(claim: Claim, document_id: str) -> Statement:
    """The claim as a curated statement awaiting review."""
    quote = claim.sentence.text if sentence_count(claim.sentence.text) == 1 else None
    return Statement.model_validate({
        "subject": claim.subject.id, "relation": claim.relation, "object": claim.object.id,
        "status": claim.status, "attributed_to": [p.id for p in claim.attributed_to],
        "sources": [{"document": document_id, "quote": quote}], "review": "pending",
        "extraction": {"sentence": claim.sentence.text, "start": claim.sentence.start, "end": claim.sentence.end,
                       "cue": claim.cue, "confidence": claim.confidence},
    })


def extraction_json(result: Extraction) -> dict[str, Any]:
    """One article's entities and claims (the ``articles[]`` item of the JSON schema)."""
    article = result.article
    return {
        "document": {
            **_party(result.document), "title": result.info.title or result.document.label,
            "authors": [_party(a) for a in result.authors], "date": result.info.date, "url": result.info.url,
            "file": result.info.file, "format": article.format, "characters": len(article.text),
        },
        "entities": [
            {"id": m.id, "label": m.label, "kind": m.kind, "known": m.known, "text": m.text, "start": m.start, "end": m.end,
             "source_start": article.source_offset(m.start), "source_end": article.source_offset(m.end - 1) + 1,
             "sentence": (s.index if (s := result.sentence_of(m.start)) else None), "rule": m.rule,
             "confidence": m.confidence, "candidates": m.candidates}
            for m in result.mentions
        ],
        "new_entities": [_party(p) for p in result.new_entities()],
        "claims": [
            {"id": claim_statement(c, result.document.id).content_id(), "subject": _claim_party(c.subject, article.text),
             "relation": c.relation, "object": _claim_party(c.object, article.text), "status": c.status, "attributed_to": [_party(p) for p in c.attributed_to],
             "negated": c.negated, "voice": c.voice, "cue": c.cue, "cue_start": c.cue_start, "cue_end": c.cue_end,
             "sentence": {"index": c.sentence.index, "start": c.sentence.start, "end": c.sentence.end, "text": c.sentence.text,
                          "source_start": article.source_offset(c.sentence.start),
                          "source_end": article.source_offset(c.sentence.end - 1) + 1},
             "confidence": c.confidence}
            for c in result.claims
        ],
    }


def results_json(results: list[Extraction]) -> dict[str, Any]:
    return {"schema": JSON_SCHEMA, "articles": [extraction_json(r) for r in results]}


def _new_entity_record(party: Party, document_id: str) -> dict[str, Any] | None:
    record: dict[str, Any] = {"id": party.id, "label": party.label}
    if party.kind == "organisation":
        record["sector"] = "other"
    elif party.kind == "act":
        year = YEAR.search(party.label)
        if not year:
            return None
        record["year"] = int(year.group())
    elif party.kind == "document":
        record["document_type"] = "report"
    if party.kind != "document":
        record["sources"] = [document_id]
    return record


def review_records(results: list[Extraction]) -> dict[str, list[dict[str, Any]]]:
    """Curated-format sections for every article: documents, new entities, pending statements."""
    vocab = vocabulary()
    sections: dict[str, list[dict[str, Any]]] = {}
    seen: set[str] = set()
    for result in results:
        doc_id = result.document.id
        if not result.document_known and doc_id not in seen:
            seen.add(doc_id)
            document: dict[str, Any] = {"id": doc_id, "label": result.info.title or result.document.label, "document_type": "article"}
            if result.authors:
                document["authors"] = [a.id for a in result.authors]
            for key in ("date", "url"):
                if getattr(result.info, key):
                    document[key] = getattr(result.info, key)
            sections.setdefault(vocab.kinds["document"].section, []).append(document)
        for party in result.new_entities():
            record = _new_entity_record(party, doc_id)
            if record is None or party.id in seen:
                continue
            seen.add(party.id)
            sections.setdefault(vocab.kinds[party.kind].section, []).append(record)
        for claim in result.claims:
            if claim.negated:
                continue  # "will not abolish" is not a claim that it will; kept in the JSON only
            statement = claim_statement(claim, doc_id)
            record = statement.model_dump(by_alias=True, exclude_none=True, exclude_defaults=False)
            record = {k: v for k, v in record.items() if v not in ([], None) and k != "id"}
            record["sources"] = [{k: v for k, v in s.items() if v is not None} for s in record["sources"]]
            sections.setdefault("statements", []).append(record)
    order = [k.section for k in vocab.kinds.values()] + ["statements"]
    return {name: sections[name] for name in order if name in sections}


HEADER = """\
# Candidate claims extracted by `nhsgraph extract`: review them with `nhsgraph review FILE`,
# then merge the accepted ones with `nhsgraph accept FILE --into data/`.
"""


def dump_yaml(records: dict[str, Any], header: str = HEADER) -> str:
    """YAML text in the curated style (block lists, keys in model order, Unicode kept)."""
    return header + yaml.safe_dump(records, sort_keys=False, allow_unicode=True, width=100_000, default_flow_style=False)
