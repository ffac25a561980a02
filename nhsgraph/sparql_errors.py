"""SPARQL syntax errors in a researcher's words: where, near what, and what would fix it.

The embedded store's parser reports what it expected as grammar character classes
(``['A' ..= 'Z' | 'a' ..= 'z' | '\\u{00C0}'..='\\u{00D6}' ...``), five lines of them for a
query that simply stops early. Here that becomes one line: the position, the text near it
(or "the end of the query"), the few tokens that would have fitted, and for an unknown
prefix, the prefixes that are predeclared and how to declare another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)+)"')
_PREFIXED = re.compile(r"(?<![\w?$<:#/])([A-Za-z][\w.-]*)?:(?=[A-Za-z_\d])")
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
SHOWN = 8
"""At most this many expected tokens are listed."""


def syntax_message(error: str, query: str, predeclared: Iterable[str]) -> str:
    """One line for a SPARQL syntax ``error`` in ``query`` (prefixes in ``predeclared`` need no PREFIX)."""
    match = _POSITION.match(str(error))
    if match is None:
        return f"SPARQL syntax error: {' '.join(str(error).split())}"
    line, column, detail = int(match[1]), int(match[2]), match[3]
    lines = query.splitlines() or [""]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    at_end = line >= len(lines) and column > len(text.rstrip())
    where = f"line {line}, column {column}"
    if "Prefix not found" in detail:
        known = set(predeclared) | {p or "" for p in _DECLARED.findall(query)}
        unknown = sorted({p or "" for p in _PREFIXED.findall(query)} - known)
        if unknown:
            name = unknown[0]
            return (f"SPARQL syntax error at {where}: unknown prefix {name}:; the predeclared prefixes are "
                    f"{', '.join(sorted(predeclared))}; declare another with PREFIX {name}: <IRI>")
    expected = [f'"{token}"' for token in dict.fromkeys(_QUOTED.findall(detail))]
    if "[" in detail:
        expected.append("a name")
    more = ", ..." if len(expected) > SHOWN else ""
    wanted = f"expected {', '.join(expected[:SHOWN])}{more}" if expected else " ".join(detail.split())
    if at_end:
        return f"SPARQL syntax error at {where}, the end of the query: {wanted} (is a {{ or ( left open?)"
    near = text[max(0, column - 1 - 12):column - 1 + 12].strip()
    return f"SPARQL syntax error at {where}, near {near!r}: {wanted}"
