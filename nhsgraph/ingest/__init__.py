"""Ingest of published reference data (NHS ODS and ONS files) into generated records.

Curated YAML says what a person checked; the reference layer is generated from
published files by ``nhsgraph ingest ods DIR`` and written as JSON Lines beside it
(``data/reference/ods.jsonl``). See ``docs/reference-data.md``.
"""
