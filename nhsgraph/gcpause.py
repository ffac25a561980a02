"""Pause Python's cyclic garbage collector around bulk construction.

Loading a dataset or building its graph allocates millions of small objects and frees
almost none; each automatic collection then walks the whole growing heap, so the cost
grows faster than the data (at a million statements, building the graph took 108 s with
the collector running). Reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector for the block, restoring its previous state after."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
