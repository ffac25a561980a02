"""Safe YAML reading that keeps the line and column of every key and value.

We read libyaml's event stream (C speed, no tags constructed, see the project's
performance notes) and build plain Python values ourselves, without recursion,
recording each value's position by its path, so a pydantic error on ``('sources', 0, 'quote')``
still points at the line the user must edit. Aliases are expanded with a budget, so
a "billion laughs" document is refused instead of filling memory.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing; pure Python is slower but equivalent
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]
MAX_NODES_FROM_ALIASES = 10_000
MAX_DEPTH = 64
_PLAIN_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
# The characters every output can hold (XML 1.0's Char: GraphML and RDF/XML allow nothing
# else). Control characters, lone surrogates and U+FFFE/U+FFFF reach us only through
# escapes ("\x01", "\ud800"), and would make an output that no parser reads back.
_UNWRITABLE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


class YamlError(Exception):
    def __init__(self, message: str, mark: Mark):
        super().__init__(message)
        self.message = message
        self.mark = mark


@dataclass
class Located:
    """A parsed document: plain values plus the position of every value and key."""

    value: Any
    values: dict[Path, Mark] = field(default_factory=dict)
    keys: dict[Path, Mark] = field(default_factory=dict)

    def mark(self, path: Path, key: bool = False) -> Mark:
        """Position of ``path`` (its key when ``key``), falling back to the nearest enclosing value."""
        table = self.keys if key else self.values
        if path in table:
            return table[path]
        for cut in range(len(path) - 1, -1, -1):
            if path[:cut] in self.values:
                return self.values[path[:cut]]
        return Mark(1, 1)


def _mark(event: yaml.Event) -> Mark:
    return Mark(event.start_mark.line + 1, event.start_mark.column + 1)


def unwritable_character(text: str) -> str | None:
    """``"U+0001 (a control character)"`` for the first character no output can hold, else None."""
    found = _UNWRITABLE.search(text)
    if found is None:
        return None
    code = ord(found.group())
    what = "half a surrogate pair" if 0xD800 <= code <= 0xDFFF else "a control character" if code < 0xA0 else "a non-character"
    return f"U+{code:04X} ({what})"


def _offset_mark(text: str, offset: int) -> Mark:
    """Line and column of a UTF-8 byte offset (libyaml reports reader errors as offsets)."""
    before = text.encode("utf-8")[:offset]
    line_start = before.rfind(b"\n") + 1
    return Mark(before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1)


def parse_yaml(text: str) -> Located:
    """Parse one YAML document safely, keeping positions. Raises :class:`YamlError`."""
    try:
        return _Builder().run(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        problem_mark = exc.problem_mark or exc.context_mark
        mark = Mark(problem_mark.line + 1, problem_mark.column + 1) if problem_mark else Mark(1, 1)
        message = " ".join(part for part in (exc.context, exc.problem) if part)
        raise YamlError(f"YAML syntax error: {message}", mark) from None
    except yaml.reader.ReaderError as exc:
        what = f"character U+{exc.character:04X}" if isinstance(exc.character, int) else "character"
        raise YamlError(f"YAML cannot contain {what} ({exc.reason}); remove it", _offset_mark(text, exc.position)) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"YAML error: {exc}", Mark(1, 1)) from None


_TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels; curated data is never this deep"


@dataclass
class _Frame:
    """A mapping or sequence being built."""

    value: dict[str, Any] | list[Any]
    path: Path
    anchor: str | None
    first_value: int  # index in the value log where this collection's marks begin
    first_key: int
    height: int = 0  # levels below this one (for aliases of it)
    key: str | None = None  # a mapping's key waiting for its value


@dataclass(frozen=True)
class _Anchor:
    """An anchored value, with the marks of everything in it, relative to it."""

    value: Any
    values: list[tuple[Path, Mark]]
    keys: list[tuple[Path, Mark]]
    height: int


class _Builder:
    """Builds plain values from libyaml's event stream, with no recursion at all.

    libyaml's own composer recurses in C and crashes the interpreter (a segfault, not an
    exception) somewhere past ten thousand levels of nesting; the event parser keeps an
    explicit stack, and so does this builder, which refuses nesting past ``MAX_DEPTH``
    as soon as it is reached. Aliases are expanded by copying the anchored value; each
    expansion spends the anchored value's size from a budget, so an alias bomb stops
    early.
    """

    def __init__(self) -> None:
        self.stack: list[_Frame] = []
        self.values: list[tuple[Path, Mark]] = []  # in document order; the first mark of a path wins
        self.keys: list[tuple[Path, Mark]] = []
        self.anchors: dict[str, _Anchor] = {}
        self.budget = MAX_NODES_FROM_ALIASES
        self.root: Any = None
        self.documents = 0

    def run(self, events: Iterator[yaml.Event]) -> Located:
        for event in events:
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise YamlError("YAML syntax error: expected a single document in the stream but found another document",
                                    _mark(event))
            elif kind in _CONTENT_EVENTS:
                self.content(event)
        values: dict[Path, Mark] = {}
        for path, mark in self.values:
            values.setdefault(path, mark)
        return Located(value=self.root, values=values, keys=dict(self.keys))

    def content(self, event: yaml.Event) -> None:
        kind = type(event)
        if kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            self.close()
            return
        parent = self.stack[-1] if self.stack else None
        if parent is not None and isinstance(parent.value, dict) and parent.key is None:
            self.key(parent, event)
            return
        if parent is None:
            path: Path = ()
        elif isinstance(parent.value, dict):
            path = (*parent.path, parent.key)  # type: ignore[arg-type]
        else:
            path = (*parent.path, len(parent.value))
        if len(self.stack) > MAX_DEPTH:
            raise YamlError(_TOO_DEEP, _mark(event))
        if kind is yaml.AliasEvent:
            self.alias(event, path)
        elif kind is yaml.ScalarEvent:
            self.values.append((path, _mark(event)))
            value = _scalar(event)
            if event.anchor is not None:
                self.remember(event.anchor, value, len(self.values) - 1, len(self.keys), path, 0, event)
            self.attach(value)
        else:
            if event.tag not in (None, "!") and event.tag not in _PLAIN_COLLECTIONS:
                raise YamlError(f"unsupported YAML tag {event.tag}; curated data uses plain values only", _mark(event))
            if event.anchor is not None:
                self.check_anchor(event.anchor, event)
            self.values.append((path, _mark(event)))
            container: dict[str, Any] | list[Any] = {} if kind is yaml.MappingStartEvent else []
            self.stack.append(_Frame(container, path, event.anchor, len(self.values) - 1, len(self.keys)))

    def key(self, frame: _Frame, event: yaml.Event) -> None:
        if type(event) is yaml.AliasEvent:
            anchor = self.anchors.get(event.anchor)
            if anchor is None or isinstance(anchor.value, (dict, list)):
                raise YamlError("a mapping key must be a plain name", _mark(event))
            text = str(anchor.value)
        elif type(event) is yaml.ScalarEvent:
            if event.tag in (None, "!") and _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit) == _MERGE:
                raise YamlError("merge keys (<<) are not supported; write the fields out", _mark(event))
            text = str(event.value)
            if event.anchor is not None:
                self.remember(event.anchor, text, len(self.values), len(self.keys), frame.path, 0, event, log=False)
        else:
            raise YamlError("a mapping key must be a plain name", _mark(event))
        if text in frame.value:
            raise YamlError(f"duplicate key {text!r} in this mapping", _mark(event))
        self.keys.append(((*frame.path, text), _mark(event)))
        frame.key = text

    def alias(self, event: yaml.AliasEvent, path: Path) -> None:
        anchor = self.anchors.get(event.anchor)
        if anchor is None:
            raise YamlError(f"YAML syntax error: found undefined alias {event.anchor!r}", _mark(event))
        self.budget -= max(1, len(anchor.values))
        if self.budget < 0:
            raise YamlError("aliases expand to too many values (a YAML alias bomb?); write the values out instead", _mark(event))
        if len(self.stack) + anchor.height > MAX_DEPTH:
            raise YamlError(_TOO_DEEP, _mark(event))
        self.values.extend(((*path, *rel), mark) for rel, mark in anchor.values)
        self.keys.extend(((*path, *rel), mark) for rel, mark in anchor.keys)
        self.attach(copy.deepcopy(anchor.value), anchor.height)

    def close(self) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.remember(frame.anchor, frame.value, frame.first_value, frame.first_key, frame.path, frame.height, None)
        self.attach(frame.value, frame.height)

    def remember(self, name: str, value: Any, first_value: int, first_key: int, path: Path, height: int,
                 event: yaml.Event | None, log: bool = True) -> None:
        """Record an anchored value; ``event`` is the anchor's own event, for scalars (collections check at start)."""
        if event is not None:
            self.check_anchor(name, event)
        cut = len(path)
        values: list[tuple[Path, Mark]]
        if log:
            values = [(p[cut:], m) for p, m in self.values[first_value:]]
        else:
            values = [((), _mark(event))] if event is not None else []
        keys = [(p[cut:], m) for p, m in self.keys[first_key:]] if log else []
        self.anchors[name] = _Anchor(value, values, keys, height)

    def check_anchor(self, name: str, event: yaml.Event) -> None:
        if name in self.anchors:
            raise YamlError(f"YAML syntax error: found duplicate anchor {name!r}", _mark(event))

    def attach(self, value: Any, height: int = 0) -> None:
        if not self.stack:
            self.root = value
            return
        parent = self.stack[-1]
        parent.height = max(parent.height, height + 1)
        if isinstance(parent.value, dict):
            parent.value[parent.key] = value  # type: ignore[index]
            parent.key = None
        else:
            parent.value.append(value)


_RESOLVER = yaml.resolver.Resolver()
_MERGE = "tag:yaml.org,2002:merge"
_CONTENT_EVENTS = frozenset({yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceStartEvent, yaml.SequenceEndEvent,
                             yaml.MappingStartEvent, yaml.MappingEndEvent})


def _scalar(event: yaml.ScalarEvent) -> Any:
    """Resolve a scalar by the safe schema, but keep dates and timestamps as text (precision matters)."""
    tag, value = event.tag, event.value
    if tag is None or tag == "!":
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit)
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() in ("true", "yes", "on")
    if tag == "tag:yaml.org,2002:int":
        digits = value.lstrip("+-")
        if len(digits) > 1 and digits.startswith("0") and digits.isdigit():
            return value  # "0000", "0013": YAML 1.1 reads octal; as written is what a date or code means
        try:
            return int(value.replace("_", ""), 0) if not value.lstrip("+-").isdigit() else int(value)
        except ValueError:
            return value
    if tag == "tag:yaml.org,2002:float":
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    if tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
        bad = unwritable_character(value)
        if bad:
            raise YamlError(f"text contains {bad}, which no output format can hold; remove the escape", _mark(event))
        return value
    raise YamlError(f"unsupported YAML tag {tag}; curated data uses plain values only", _mark(event))
