"""Readable case for ODS names, which are published in upper case.

``NHS HARTLEPOOL AND STOCKTON-ON-TEES CCG`` becomes ``NHS Hartlepool and Stockton-on-Tees
CCG``: words are capitalised, joining words are lower case (except first), acronyms stay
upper case, and any word holding a digit is a code (``02P``) and stays as published. The
ONS lookups publish CCG names in this form already; the tests check this function
reproduces them from the ODS upper-case names.
"""

from __future__ import annotations

import re

ACRONYMS = frozenset({"NHS", "CCG", "CCGS", "ICB", "ICBS", "ICS", "STP", "UK", "H&J", "HIV", "GP", "CSU"})
SMALL_WORDS = frozenset({"and", "of", "on", "the", "upon", "in", "for", "at", "with", "by", "under", "a"})
_TOKEN = re.compile(r"([A-Za-z0-9&'’.]+)")


def _word(word: str, first: bool) -> str:
    upper = word.upper()
    bare = upper.rstrip(".")
    if bare in ACRONYMS or any(ch.isdigit() for ch in word):
        return upper
    lower = word.lower()
    if not first and lower in SMALL_WORDS:
        return lower
    # "KING'S" -> "King's": capitalise the first letter only, keep the rest lower.
    return lower[:1].upper() + lower[1:]


def readable_case(name: str) -> str:
    """Turn an upper-case ODS name into readable case (see module docstring)."""
    parts = _TOKEN.split(" ".join(name.split()))
    out: list[str] = []
    first = True
    for part in parts:
        if _TOKEN.fullmatch(part):
            out.append(_word(part, first))
            first = False
        else:
            out.append(part)
    return "".join(out)
