"""``nhsgraph ingest ods``: NHS ODS and ONS files -> generated reference records.

The steps, in order (each reads only what earlier steps made):
1. organisations with the dates the files give (commissioners, trusts);
2. successions: closures, then mergers and replacements from the successor file;
3. part_of links and CCG -> ICB replacements, whose end dates need step 2's closures.
"""

from __future__ import annotations

from pathlib import Path

from nhsgraph.ingest import ods_commissioners, ods_succession, ods_trusts
from nhsgraph.ingest.ods_inputs import OdsInputs
from nhsgraph.ingest.records import RecordSet
from nhsgraph.ingest.writer import write_jsonl

OUTPUT_NAME = "ods.jsonl"


def build_records(folder: Path) -> RecordSet:
    """Read the reference files in ``folder`` and return the generated records."""
    inputs = OdsInputs.read(folder)
    records = RecordSet()
    ods_commissioners.add_organisations(records, inputs)
    ods_trusts.add_organisations(records, inputs)
    ods_succession.add_successions(records, inputs)
    ods_commissioners.add_relations(records, inputs)
    ods_trusts.add_relations(records, inputs)
    return records


def ingest_ods(folder: Path, out_dir: Path) -> tuple[Path, RecordSet]:
    """Build the records and write them, atomically, to ``out_dir/ods.jsonl``."""
    records = build_records(folder)
    path = out_dir / OUTPUT_NAME
    write_jsonl(records, path)
    return path, records
