"""Diagram specifications: what to draw, from a preset (data in ``presets.yaml``) or a name.

A preset is data (selectors, period, relations), never a code path: adding a picture means
adding a few lines of YAML. Relation names are checked against the vocabulary here, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from nhsgraph.vocabulary import vocabulary


class DiagramError(ValueError):
    """A diagram request that cannot be met (unknown preset, bad period); shown as one line."""


@dataclass(frozen=True)
class Selector:
    """One rule choosing entities: all given conditions must hold."""

    kind: str | None = None
    ids: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    start: int | None = None
    end: int | None = None
    related: bool = False


@dataclass(frozen=True)
class Spec:
    """Everything :func:`nhsgraph.diagram.select.select` needs to choose a diagram's contents."""

    title: str | None = None
    name: str | None = None
    start: int | None = None
    end: int | None = None
    relations: tuple[str, ...] = ()
    include: tuple[Selector, ...] = ()
    depth: int = 0
    follow: tuple[str, ...] = ()
    preset: str | None = None


@cache
def _raw() -> dict[str, Any]:
    text = resources.files("nhsgraph.diagram").joinpath("presets.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def preset_names() -> list[str]:
    return list(_raw()["presets"])


def default_relations() -> tuple[str, ...]:
    return _checked_relations(_raw()["defaults"]["relations"])


@dataclass(frozen=True)
class Drawing:
    """How one change-event relation is drawn (see ``drawing`` in presets.yaml)."""

    arrow_from: str = "subject"
    mark: str | None = None
    ends: str | None = None


@cache
def drawings() -> dict[str, Drawing]:
    raw = _raw()["defaults"].get("drawing", {})
    _checked_relations(list(raw))
    table = {}
    for relation, spec in raw.items():
        unknown = set(spec) - {"arrow_from", "mark", "ends"}
        bad = [f"{k}={v!r}" for k, v in spec.items() if v not in ("subject", "object")]
        if unknown or bad:
            raise DiagramError(f"drawing.{relation}: use arrow_from, mark, ends, each subject or object "
                               f"(got {sorted(unknown) + bad})")
        table[relation] = Drawing(**spec)
    return table


def drawing(relation: str) -> Drawing:
    """How ``relation`` is drawn: its entry in the table, else an arrow from the subject."""
    return drawings().get(relation, Drawing())


def default_depth() -> int:
    return int(_raw()["defaults"]["depth"])


def _checked_relations(names: list[str]) -> tuple[str, ...]:
    """Relations to draw must be change events in the vocabulary (a typo fails loudly)."""
    relations = vocabulary().relations
    for name in names:
        if name not in relations or not relations[name].change_event:
            events = ", ".join(r.name for r in relations.values() if r.change_event)
            raise DiagramError(f"{name!r} is not a change-event relation; use one of: {events}")
    return tuple(names)


def _checked_kind(kind: str) -> str:
    if kind not in vocabulary().kinds:
        raise DiagramError(f"unknown kind {kind!r} in a diagram preset")
    return kind


def _selector(raw: dict[str, Any]) -> Selector:
    known = {"kind", "ids", "levels", "sectors", "from", "to", "related"}
    unknown = set(raw) - known
    if unknown:
        raise DiagramError(f"unknown selector field(s) {sorted(unknown)}; use {sorted(known)}")
    kind = raw.get("kind")
    if kind is not None:
        _checked_kind(kind)
    return Selector(
        kind=kind, ids=tuple(raw.get("ids", ())), levels=tuple(raw.get("levels", ())),
        sectors=tuple(raw.get("sectors", ())), start=raw.get("from"), end=raw.get("to"),
        related=bool(raw.get("related", False)),
    )


def preset(name: str, start: int | None = None, end: int | None = None, depth: int | None = None) -> Spec:
    """The spec of preset ``name``; explicit ``start``/``end``/``depth`` override the preset's."""
    presets = _raw()["presets"]
    if name not in presets:
        raise DiagramError(f"unknown preset {name!r}; use one of: {', '.join(presets)}")
    raw = presets[name]
    return Spec(
        title=raw.get("title"), preset=name,
        start=start if start is not None else raw.get("from"),
        end=end if end is not None else raw.get("to"),
        relations=_checked_relations(raw["relations"]) if "relations" in raw else default_relations(),
        include=tuple(_selector(s) for s in raw.get("include", ())),
        depth=depth if depth is not None else int(raw.get("depth", 0)),
        follow=tuple(_checked_kind(k) for k in raw.get("follow", ())),
    )


def lineage_spec(name: str, start: int | None = None, end: int | None = None, depth: int | None = None) -> Spec:
    """The spec of a diagram centred on one entity ``name`` (any id, label or alias)."""
    return Spec(name=name, start=start, end=end, relations=default_relations(),
                depth=depth if depth is not None else default_depth())
