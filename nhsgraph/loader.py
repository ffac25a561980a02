"""Load curated data: read files, validate shapes with positions, then run cross-checks.

Two phases, like FollowTheMoney's model: first every record is read and shape-checked
on its own (so one bad record does not hide the next), then :mod:`nhsgraph.checks`
resolves references across the whole dataset. Every problem found in either phase is
collected; nothing stops at the first.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from nhsgraph.diagnostics import LoadError, Problem
from nhsgraph.gcpause import paused_gc
from nhsgraph.model import ENTITY_MODELS, Entity, Statement, share_fields_set
from nhsgraph.names import suggest
from nhsgraph.vocabulary import vocabulary
from nhsgraph.yamlsource import Located, Mark, YamlError, parse_yaml, unwritable_character
from nhsgraph.yamlsource import Path as YPath

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset

STATEMENTS_SECTION = "statements"
DATA_SUFFIXES = (".yaml", ".yml", ".jsonl")
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record was written: its file and the path of the record inside that file."""

    file: str
    located: Located
    path: YPath

    def mark(self, *sub: str | int, key: bool = False) -> Mark:
        return self.located.mark((*self.path, *sub), key=key)

    def problem(self, code: str, message: str, *sub: str | int, key: bool = False,
                severity: str = "error", suggestion: str | None = None) -> Problem:
        mark = self.mark(*sub, key=key)
        return Problem(self.file, mark.line, mark.column, code, message, severity, suggestion)  # type: ignore[arg-type]


@dataclass(slots=True)
class Record:
    model: Entity | Statement
    origin: Origin


def data_files(path: Path) -> list[Path]:
    """The data files under ``path`` (or ``path`` itself), in a stable order.

    Files and folders whose names start with ``.`` or ``_`` are skipped, so drafts
    (``_draft.yaml``) and editor files never enter the graph.
    """
    if path.is_file():
        return [path]
    found = []
    for candidate in sorted(path.rglob("*")):
        rel = candidate.relative_to(path)
        if any(part.startswith((".", "_")) for part in rel.parts):
            continue
        if candidate.is_file() and candidate.suffix in DATA_SUFFIXES:
            found.append(candidate)
    return found


def read_records(path: Path, problems: list[Problem]) -> list[Record]:
    """Read and shape-check every record under ``path``; problems are appended, never raised."""
    if not path.exists():
        problems.append(Problem(str(path), 0, 0, "missing-path", f"no such file or directory: {path}"))
        return []
    if path.is_file() and path.suffix not in DATA_SUFFIXES:
        problems.append(Problem(str(path), 0, 0, "not-data", f"not a data file: curated data files end in {', '.join(DATA_SUFFIXES)}"))
        return []
    files = data_files(path)
    if not files:
        problems.append(Problem(str(path), 0, 0, "no-data", "no .yaml, .yml or .jsonl files found here"))
    records: list[Record] = []
    for file in files:
        records.extend(_read_file(file, problems))
    return records


def _read_file(file: Path, problems: list[Problem]) -> Iterator[Record]:
    name = str(file)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(name, 1, 1, "too-large", f"file is {size // 2**20} MB; curated files are limited to {MAX_FILE_BYTES // 2**20} MB"))
            return
        raw = file.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, 0, 0, "unreadable", f"cannot read file: {exc.strerror or exc}"))
        return
    records = read_bytes(name, raw, problems, jsonl=file.suffix == ".jsonl")
    del raw  # read_bytes drops the bytes once decoded: 50 MB a file held while its records load
    yield from records


def read_bytes(name: str, raw: bytes, problems: list[Problem], *, jsonl: bool = False) -> Iterator[Record]:
    """Shape-checked records from the bytes of one file called ``name``; problems are appended.

    Separate from reading the file so the fuzz targets (``fuzz/``) drive exactly the code
    a user's file goes through.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(Problem(name, line, column, "not-utf8", "file is not UTF-8 text (binary, or another encoding?); save it as UTF-8"))
        return
    del raw
    if "\x00" in text:
        problems.append(Problem(name, 1, 1, "not-text", "file contains NUL bytes: is it a binary file?"))
        return
    if jsonl:
        yield from _read_jsonl(name, text, problems)
        return
    try:
        located = parse_yaml(text)
    except YamlError as exc:
        problems.append(Problem(name, exc.mark.line, exc.mark.column, "yaml-syntax", exc.message))
        return
    yield from _read_document(name, located, problems)


class _LinePositions(Located):
    """Positions in a JSON Lines file: every path under ``(section, line)`` is at that line, column 1.

    Each record's origin path is ``(section, line number)``, so the position is computed
    rather than stored: a table of a million entries cost about 200 bytes per line (see
    benchmarks/README.md). Answers exactly what the per-line table answered.
    """

    def __init__(self) -> None:
        super().__init__(value=None)

    def mark(self, path: YPath, key: bool = False) -> Mark:
        # As Located.mark on the table {(section, line): Mark(line, 1)}: no keys are
        # recorded, and a key falls back to an enclosing value strictly above it.
        if len(path) >= (3 if key else 2) and isinstance(path[1], int):
            return Mark(path[1], 1)
        return Mark(1, 1)


def _read_jsonl(name: str, text: str, problems: list[Problem]) -> Iterator[Record]:
    """Generated reference data: one JSON object per line, ``{"section": ..., <fields>}``."""
    positions = _LinePositions()
    shared: dict[str, str] = {}
    # Lines end at "\n" only: str.splitlines() would also split at U+2028 and other
    # characters JSON allows inside strings, and would misnumber lines.
    for number, line in _lines(text):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(name, number, exc.colno, "json-syntax", f"JSON syntax error: {exc.msg}"))
            continue
        except RecursionError:
            problems.append(Problem(name, number, 1, "json-syntax", "JSON nested too deeply; records are flat"))
            continue
        if not isinstance(value, dict) or not isinstance(value.get("section"), str):
            problems.append(Problem(name, number, 1, "not-a-record", 'each line must be a JSON object with a "section" key'))
            continue
        # Only escapes make such characters (raw ones are JSON syntax errors): "\\u0001", and
        # also the short forms "\\b" and "\\f", so look whenever the line has a backslash.
        bad = _unwritable_in(value) if "\\" in line else None
        if bad:
            problems.append(Problem(name, number, 1, "bad-character", f"text contains {bad}, which no output format can hold; remove the escape"))
            continue
        section = value.pop("section")
        _share_strings(value, shared)
        mark = Mark(number, 1)
        located = Located(value={section: [value]}, values={(): mark})
        for record in _read_document(name, located, problems):
            # Records keep the line's position, not its parsed JSON: at a million lines the
            # raw dicts, and a position table per line, cost a third of the memory (see
            # benchmarks/README.md). The file's positions are computed from the line number.
            record.origin = Origin(name, positions, (section, number))
            yield record


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """``enumerate(text.split("\\n"), start=1)`` without a list of every line at once (60 MB a file)."""
    start, number = 0, 1
    while (end := text.find("\n", start)) >= 0:
        yield number, text[start:end]
        start, number = end + 1, number + 1
    yield number, text[start:]


def _share_strings(value: dict[str, Any], shared: dict[str, str]) -> None:
    """Make equal short strings of a record (ids, relations, documents) one object per file.

    ``json.loads`` makes a new string for every value, and pydantic keeps the very object
    it is given, so a million statements naming the same few thousand ids held a million
    copies of them (about 55 bytes each, several per statement).
    """
    for key, item in value.items():
        if type(item) is str:
            if len(item) <= 64:
                value[key] = shared.setdefault(item, item)
        elif type(item) is list:
            for index, element in enumerate(item):
                if type(element) is str:
                    if len(element) <= 64:
                        item[index] = shared.setdefault(element, element)
                elif type(element) is dict:
                    for inner, text in element.items():
                        if type(text) is str and len(text) <= 64:
                            element[inner] = shared.setdefault(text, text)


def _unwritable_in(value: Any) -> str | None:
    """The first character in any string or key of a JSON value that no output can hold."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            bad = unwritable_character(item)
            if bad:
                return bad
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def _read_document(name: str, located: Located, problems: list[Problem]) -> Iterator[Record]:
    doc = located.value
    if doc is None:
        problems.append(Problem(name, 1, 1, "empty-file", "file is empty; remove it or add records"))
        return
    if not isinstance(doc, dict):
        mark = located.mark(())
        problems.append(Problem(name, mark.line, mark.column, "not-a-mapping",
                                f"the top level must be a mapping of sections ({', '.join(sections())})"))
        return
    for section, items in doc.items():
        key_mark = located.mark((section,), key=True)
        if section not in sections():
            problems.append(Problem(name, key_mark.line, key_mark.column, "unknown-section",
                                    f"unknown section {section!r}", suggestion=suggest(section, sections())))
            continue
        if items is None:
            continue
        if not isinstance(items, list):
            mark = located.mark((section,))
            problems.append(Problem(name, mark.line, mark.column, "not-a-list", f"section {section!r} must be a list of records (items starting with '-')"))
            continue
        model = _model_for(section)
        for index, item in enumerate(items):
            origin = Origin(name, located, (section, index))
            if not isinstance(item, dict):
                problems.append(origin.problem("not-a-mapping", f"each item of {section!r} must be a mapping of fields"))
                continue
            try:
                valid = model.model_validate(item)
            except ValidationError as exc:
                problems.extend(_shape_problems(exc, origin, model))
                continue
            share_fields_set(valid)  # nhsgraph.model.share_fields_set: 0.7 KB a record
            yield Record(valid, origin)  # type: ignore[arg-type]


def sections() -> list[str]:
    return [*(k.section for k in vocabulary().kinds.values()), STATEMENTS_SECTION]


def _model_for(section: str) -> type[BaseModel]:
    if section == STATEMENTS_SECTION:
        return Statement
    return ENTITY_MODELS[vocabulary().kind_by_section[section].name]


def _field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _shape_problems(exc: ValidationError, origin: Origin, model: type[BaseModel]) -> Iterable[Problem]:
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-")))
        field = ".".join(str(p) for p in loc) or "record"
        kind = error["type"]
        if kind == "extra_forbidden":
            yield origin.problem("unknown-field", f"unknown field {field!r}", *loc, key=True,
                                 suggestion=suggest(str(loc[-1]), _field_names(model)))
        elif kind == "missing":
            yield origin.problem("missing-field", f"missing required field {field!r}")
        else:
            message = error["msg"].removeprefix("Value error, ")
            if kind == "string_pattern_mismatch":
                message = "ids are lower-case letters, digits and hyphens, such as 'nhs-england'"
            code = "invalid-date" if "date" in message else "invalid-value"
            yield origin.problem(code, f"{field}: {message}", *loc)


def load(path: str | Path, *, strict: bool = True) -> Dataset:
    """Load, validate and cross-check the curated data at ``path`` (a folder or one file).

    Raises :class:`~nhsgraph.diagnostics.LoadError` listing every error when ``strict``;
    otherwise returns the dataset with its problems attached (``dataset.problems``).
    """
    from nhsgraph.checks import check
    from nhsgraph.dataset import Dataset

    problems: list[Problem] = []
    with paused_gc():  # see nhsgraph.gcpause: a third of load time at 100k statements
        records = read_records(Path(path), problems)
        dataset = Dataset.from_records(records)
        problems.extend(check(dataset))
    dataset.problems = sorted(problems)
    if strict and any(p.severity == "error" for p in problems):
        raise LoadError(problems)
    return dataset
