"""Reading the text files a user names on the command line: articles, review files, queries.

Each kind has a size limit, checked from ``stat()`` before a byte is read (a 100 MB
article would otherwise be read, decoded and scanned for minutes before anything is
said), and every failure is one line that names the file, and the line and column
where known. Curated data files have their own limit and reader in ``loader.py``.
"""

from __future__ import annotations

from pathlib import Path

MAX_ARTICLE_BYTES = 10 * 2**20
"""Articles for ``extract``: a long web page or a converted 300-page report is 1-3 MB of text."""
MAX_REVIEW_BYTES = 20 * 2**20
"""Review files for ``review`` and ``accept``: YAML that ``extract`` wrote for at most a few articles."""
MAX_QUERY_BYTES = 1 * 2**20
"""SPARQL query files for ``sparql --file``: written by hand, a few KB even with long VALUES lists."""


class UserFileError(ValueError):
    """A file the user named that is too large, not UTF-8 or unreadable; the message names the file."""


def human_size(size: int) -> str:
    """``104857600`` -> ``100 MB``; below a megabyte in KB, so a 1 MB limit never reads as '0 MB'."""
    if size >= 2**20:
        return f"{size / 2**20:.3g} MB"
    return f"{max(1, round(size / 2**10))} KB" if size else "0 bytes"


def check_size(path: Path, limit: int, kind: str) -> None:
    """Refuse ``path`` before reading it if it is larger than ``limit`` bytes (``kind``: 'articles')."""
    size = path.stat().st_size
    if size > limit:
        shown, allowed = human_size(size), human_size(limit)
        if shown == allowed:  # just over: '1 MB; limited to 1 MB' would read as a contradiction
            shown, allowed = f"{size:,} bytes", f"{allowed} ({limit:,} bytes)"
        raise UserFileError(f"{path}: file is {shown}; {kind} are limited to {allowed}")


def decode_utf8(path: Path, raw: bytes, *, what: str = "it") -> str:
    """``raw`` as UTF-8 (a byte-order mark is dropped); a bad byte is named by line and column."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text, start = exc.object, exc.start  # without a byte-order mark, if there was one
        line = text.count(b"\n", 0, start) + 1
        column = start - (text.rfind(b"\n", 0, start) + 1) + 1
        offset = start + len(raw) - len(text)
        raise UserFileError(f"{path}:{line}:{column}: not UTF-8 text (byte {offset} is 0x{text[start]:02x}); "
                            f"save {what} as UTF-8") from None


def read_text(path: str | Path, limit: int, kind: str, *, what: str = "it") -> str:
    """The UTF-8 text of ``path``, refused by size first (see :func:`check_size`)."""
    file = Path(path)
    try:
        check_size(file, limit, kind)
        raw = file.read_bytes()
    except OSError as exc:
        raise UserFileError(f"{file}: cannot read file: {exc.strerror or exc}") from None
    return decode_utf8(file, raw, what=what)
