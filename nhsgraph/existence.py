"""What existed on a given day.

Convention (see ``Organisation.dissolved``): a body exists on day d iff
``established <= d < dissolved``; ``dissolved`` is the first day it no longer existed.
Lifespans come from the entity's own ``established``/``dissolved`` fields or, failing
those, from dated facts (an establishing Act, an abolition, a merger or a rename).

Dates known only to the year or month are honest about it: a body certainly existed if
every day its dates could mean agrees; if only some do, it is listed with a note saying
so. Bodies with no known start date are left out (we cannot say they existed).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from nhsgraph.answers import Answer, from_entity
from nhsgraph.dates import PartialDate, parse_day
from nhsgraph.query_index import Lifespan, index_for
from nhsgraph.search import resolve

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset

Existence = Literal["yes", "maybe", "no"]
DATED_KINDS = ("org_type", "organisation")


def existed(span: Lifespan, day: dt.date) -> Existence:
    """Whether a body with this lifespan existed on ``day``: ``yes``, ``maybe`` (imprecise dates) or ``no``."""
    start, end = span.established, span.dissolved
    if start is None or start.earliest > day or (end is not None and day >= end.latest):
        return "no"
    if start.latest <= day and (end is None or day < end.earliest):
        return "yes"
    return "maybe"


def _precision_note(start: PartialDate | None, end: PartialDate | None) -> str:
    dates = ", ".join(f"{what} {d} (to the {d.precision})" for what, d in (("established", start), ("dissolved", end))
                      if d is not None and d.precision != "day")
    return f"may not have existed on this day: {dates}"


def as_of(dataset: Dataset, date: str | dt.date, kind: str | None = None, org_type: str | None = None) -> list[Answer]:
    """Organisations and organisation types that existed on ``date`` (a full ``YYYY-MM-DD`` day).

    ``kind`` limits to ``org_type`` or ``organisation``; ``org_type`` (any name of a type,
    such as ``"CCG"``) keeps organisations that are instances of that type. Ordered by
    kind, then label.
    """
    day = date if isinstance(date, dt.date) else parse_day(date)
    if kind is not None and kind not in DATED_KINDS:
        raise ValueError(f"kind must be one of {', '.join(DATED_KINDS)}, not {kind!r}")
    index = index_for(dataset)
    if org_type is not None:
        wanted = resolve(dataset, org_type)
        if wanted.kind != "org_type":
            raise ValueError(f"{wanted.label!r} is not an organisation type (it is a kind of {wanted.kind})")
        candidates = list(dict.fromkeys(index.instances.get(wanted.id, [])))
    else:
        candidates = [i for i, e in dataset.entities.items() if e.kind in DATED_KINDS and (kind is None or e.kind == kind)]
    answers = []
    for entity_id in candidates:
        entity = dataset.entities[entity_id]
        span = index.lifespan(entity_id)
        if span is None or (kind is not None and entity.kind != kind):
            continue
        verdict = existed(span, day)
        if verdict == "no":
            continue
        start = span.established_by
        by = (start.by or start.subject) if start is not None else None
        sources = list(entity.sources)
        sources += [s for s in (start.sources if start is not None else []) if s not in sources]
        note = _precision_note(span.established, span.dissolved) if verdict == "maybe" else None
        answers.append(from_entity(dataset, entity, date=span.established, until=span.dissolved, by=by,
                                   sources=sources, note=note))
    return sorted(answers, key=lambda a: (a.kind, a.label.casefold(), a.id))
