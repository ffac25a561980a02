"""nhsgraph: a structured, sourced knowledge graph of NHS (England) organisational reform.

    >>> import nhsgraph
    >>> dataset = nhsgraph.load("data")
    >>> dataset.resolve("CCGs").label
    'clinical commissioning group'
"""

from nhsgraph.dataset import Dataset
from nhsgraph.diagnostics import LoadError, Problem
from nhsgraph.loader import load

__all__ = ["Dataset", "LoadError", "Problem", "load"]
__version__ = "0.1.0"
