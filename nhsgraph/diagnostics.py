"""Problems found in curated data, as data: file, line, column, severity, code, message.

The CLI prints them one per line (``file:line:col: error: message``, the format editors
and ``grep`` understand) or as JSON; tests assert on them directly.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
# Control characters (a newline in a file name or a label) would split or garble a line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = "error"
    suggestion: str | None = field(default=None, compare=False)

    def format(self) -> str:
        """One line, always: control characters in names and messages are shown escaped (``\\n``)."""
        text = f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"
        if self.suggestion:
            text += f" ({self.suggestion})"
        return _CONTROL.sub(lambda found: repr(found.group())[1:-1], text)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


class LoadError(Exception):
    """Raised by :func:`nhsgraph.load` when the data has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in curated data; first: {errors[0].format() if errors else '-'}")


def problems_json(problems: list[Problem]) -> str:
    """The stable ``--json`` form of a list of problems (documented in docs/json.md)."""
    return json.dumps({"problems": [p.to_dict() for p in sorted(problems)]}, indent=2, ensure_ascii=False)
