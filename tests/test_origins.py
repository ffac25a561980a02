"""Record origins are kept compactly, and read back exactly as they were given."""

from __future__ import annotations

import nhsgraph
from nhsgraph.loader import Origin
from nhsgraph.origins import Origins


def test_origins_read_back_equal_to_what_was_stored(write_data) -> None:
    dataset = nhsgraph.load(write_data({}))
    originals = {record_id: dataset.origins[record_id] for record_id in dataset.origins}
    located = next(iter(originals.values())).located
    item = Origin("data/x.yaml", located, ("statements", 41))
    field = Origin("data/x.yaml", located, ("organisations", 3, "org_type"))
    origins = Origins()
    for record_id, origin in [*originals.items(), ("st-item", item), ("st-field", field)]:
        origins[record_id] = origin
    assert origins["st-item"] == item and origins["st-field"] == field
    assert {record_id: origins[record_id] for record_id in originals} == originals
    assert len(origins) == len(originals) + 2 and "st-item" in origins and "st-missing" not in origins
    del origins["st-item"]
    assert "st-item" not in origins and origins.get("st-item") is None


def test_an_error_in_a_large_file_still_names_its_line(write_data) -> None:
    rows = "\n".join(f"  - {{subject: new-form, relation: replaces, object: old-form, date: 20{i:02d}, sources: [doc-a]}}"
                     for i in range(30))
    dataset = nhsgraph.load(write_data({"many.yaml": f"statements:\n{rows}\n  - {{subject: new-form, relation: replaces, object: nowhere, sources: [doc-a]}}\n"}), strict=False)
    (problem,) = [p for p in dataset.problems if "nowhere" in p.message]
    assert problem.file.endswith("many.yaml") and problem.line == 32
