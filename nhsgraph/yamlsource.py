"""Safe YAML reading that keeps the line and column of every key and value.

We compose a node tree with libyaml's safe loader (C speed, no tags constructed, see
the project's performance notes) and build plain Python values ourselves, recording
each value's position by its path, so a pydantic error on ``('sources', 0, 'quote')``
still points at the line the user must edit. Aliases are expanded with a budget, so
a "billion laughs" document is refused instead of filling memory.
"""

from __future__ import annotations

import re
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
_OPEN_EVENTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE_EVENTS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


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


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


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


def _deeper_than(text: str, limit: int) -> Mark | None:
    """Where the document first nests deeper than ``limit``, or None.

    libyaml's composer recurses in C and crashes the interpreter (a segfault, not an
    exception) somewhere past ten thousand levels, so depth must be known before
    composing. A cheap bound comes first: block nesting needs a wider indent or another
    ``- `` on the line (at most two levels per column), flow nesting needs a bracket.
    Only when that bound is high do we count exactly, with libyaml's event parser,
    which does not recurse.
    """
    widest = max((len(line) for line in text.split("\n")), default=0)
    if 2 * (widest + 1) + text.count("[") + text.count("{") + 2 <= limit:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, _OPEN_EVENTS):
                depth += 1
                if depth > limit:
                    return Mark(event.start_mark.line + 1, event.start_mark.column + 1)
            elif isinstance(event, _CLOSE_EVENTS):
                depth -= 1
    except yaml.YAMLError:
        return None  # composing reports the syntax error, at no greater depth than reached here
    return None


def parse_yaml(text: str) -> Located:
    """Parse one YAML document safely, keeping positions. Raises :class:`YamlError`."""
    deep = _deeper_than(text, MAX_DEPTH)
    if deep is not None:
        raise YamlError(f"nesting deeper than {MAX_DEPTH} levels; curated data is never this deep", deep)
    try:
        node = yaml.compose(text, Loader=_Loader)
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
    located = Located(value=None)
    if node is None:
        return located
    builder = _Builder(located)
    located.value = builder.build(node, ())
    return located


class _Builder:
    def __init__(self, located: Located):
        self.located = located
        self.alias_budget = MAX_NODES_FROM_ALIASES
        self.seen: dict[int, int] = {}

    def build(self, node: yaml.Node, path: Path, depth: int = 0, via_alias: bool = False) -> Any:
        if depth > MAX_DEPTH:
            raise YamlError(f"nesting deeper than {MAX_DEPTH} levels; curated data is never this deep", _mark(node))
        # A node reached a second time is an alias: count what its expansion costs.
        via_alias = via_alias or id(node) in self.seen
        self.seen[id(node)] = 1
        if via_alias:
            self.alias_budget -= 1
            if self.alias_budget < 0:
                raise YamlError(
                    "aliases expand to too many values (a YAML alias bomb?); write the values out instead",
                    _mark(node),
                )
        self.located.values.setdefault(path, _mark(node))
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_COLLECTIONS:
            raise YamlError(f"unsupported YAML tag {node.tag}; curated data uses plain values only", _mark(node))
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise YamlError("merge keys (<<) are not supported; write the fields out", _mark(key_node))
                if not isinstance(key_node, yaml.ScalarNode):
                    raise YamlError("a mapping key must be a plain name", _mark(key_node))
                key = str(key_node.value)
                if key in result:
                    raise YamlError(f"duplicate key {key!r} in this mapping", _mark(key_node))
                self.located.keys[(*path, key)] = _mark(key_node)
                result[key] = self.build(value_node, (*path, key), depth + 1, via_alias)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1, via_alias) for i, item in enumerate(node.value)]
        return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    """Resolve a scalar by the safe schema, but keep dates and timestamps as text (precision matters)."""
    tag, value = node.tag, node.value
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
            raise YamlError(f"text contains {bad}, which no output format can hold; remove the escape", _mark(node))
        return value
    raise YamlError(f"unsupported YAML tag {tag}; curated data uses plain values only", _mark(node))
