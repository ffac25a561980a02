"""Atomic writes: write to a temporary file beside the target, fsync, then rename.

A process killed mid-write leaves either the old file or the new one, never half of one.
It cannot remove its own temporary file when killed (SIGKILL runs no cleanup), so the
temporary's name carries the writer's process id, and :func:`remove_stale` (called at
the start of a build) deletes the temporaries of writers that no longer exist.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

TEMP_SUFFIX = ".tmp"


@contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file that replaces ``path`` only when the block completes without error."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding, newline=None if "b" in mode else "") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _permissions(target))
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _permissions(target: Path) -> int:
    """Keep an existing file's mode; a new file gets the usual 0666 less the umask.

    ``mkstemp`` creates 0600 files, which would leave outputs unreadable to anyone else.
    """
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text(path: str | Path, text: str) -> None:
    with atomic_open(path, "w") as handle:
        handle.write(text)


def write_bytes(path: str | Path, data: bytes) -> None:
    with atomic_open(path, "wb") as handle:
        handle.write(data)


def remove_stale(folder: str | Path) -> list[Path]:
    """Delete temporaries left in ``folder`` (and below) by killed writers; returns what was removed.

    A temporary is ``.<target>.<pid>.<random>.tmp``; it is stale when no process
    ``<pid>`` exists. Temporaries of live writers (another build running) are kept.
    """
    removed = []
    for path in Path(folder).rglob(f".*{TEMP_SUFFIX}"):
        parts = path.name.rsplit(".", 3)  # ['.<target>', '<pid>', '<random>', 'tmp']
        if len(parts) != 4 or not parts[1].isdigit() or _alive(int(parts[1])):
            continue
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True
