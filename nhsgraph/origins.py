"""Where each record of a dataset was written, kept compactly.

An :class:`~nhsgraph.loader.Origin` (file, its positions, the record's path) with its path
tuple costs about 220 bytes: at a million records, more than the graph's edge attributes
(see benchmarks/README.md). Most records are item ``i`` of a section of a file, so this
mapping stores them as one integer (the file-and-section pair's number, and ``i``) and
makes the ``Origin`` again when asked. Other origins (a field of a record, as for the
statements the loader derives) are kept as they are.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nhsgraph.loader import Origin
    from nhsgraph.yamlsource import Located

_PARTS = 1 << 20
"""Packed value = item index * _PARTS + number of the (file, positions, section) triple."""


class Origins(MutableMapping[str, "Origin"]):
    """``record id -> Origin``, as a dict would hold it, in about a third of the memory."""

    def __init__(self) -> None:
        self._items: dict[str, Origin | int] = {}
        self._parts: list[tuple[str, Located, str]] = []
        self._part_numbers: dict[tuple[str, int, str], int] = {}  # positions by id: kept alive in _parts

    def _pack(self, origin: Origin) -> Origin | int:
        path = origin.path
        if len(path) != 2 or not isinstance(path[0], str) or type(path[1]) is not int or path[1] < 0:
            return origin
        key = (origin.file, id(origin.located), path[0])
        number = self._part_numbers.get(key)
        if number is None:
            if len(self._parts) >= _PARTS:
                return origin
            number = self._part_numbers[key] = len(self._parts)
            self._parts.append((origin.file, origin.located, path[0]))
        return path[1] * _PARTS + number

    def __setitem__(self, record_id: str, origin: Origin) -> None:
        self._items[record_id] = self._pack(origin)

    def __getitem__(self, record_id: str) -> Origin:
        value = self._items[record_id]
        if not isinstance(value, int):
            return value
        from nhsgraph.loader import Origin

        index, number = divmod(value, _PARTS)
        file, located, section = self._parts[number]
        return Origin(file, located, (section, index))

    def __delitem__(self, record_id: str) -> None:
        del self._items[record_id]

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)
