"""The ``nhsgraph`` command. Thin: each command parses arguments and calls the Python API.

Commands live in the modules of this package, one module per group of commands; every
module is imported here, so adding a command means adding a module.
"""

from __future__ import annotations

import importlib
import pkgutil

from nhsgraph.cli.common import main

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if _module != "common":
        importlib.import_module(f"{__name__}.{_module}")

__all__ = ["main"]
