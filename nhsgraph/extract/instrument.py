"""An instrument's own text: "This Order may be cited as the X Order 1985" makes the text X itself.

Every Act and statutory instrument names itself in a citation clause. A text that does so is that
instrument, whatever page or file it came from: what it says, it does ("The Council is hereby
abolished" is the Order abolishing the Council), so it is read in the performative voice with the
instrument it cites as the doer. The article (the page the text was taken from) stays the source.
"""

from __future__ import annotations

import re
from functools import cache

from nhsgraph.extract.cues import lexicon_data
from nhsgraph.extract.mentions import Mention

# How far after the citation phrase the instrument's name may begin ("the", a quotation mark, a space).
_LEAD = 6


@cache
def _citation() -> re.Pattern[str]:
    spec = lexicon_data()["self_citation"]
    nouns = "|".join(re.escape(n) for n in spec["nouns"])
    phrases = "|".join(re.escape(p) for p in spec["phrases"])
    return re.compile(rf"\b(?:this|these)\s+(?:{nouns})\s+(?:{phrases})\s+", re.IGNORECASE)


def own_instrument(text: str, mentions: list[Mention]) -> Mention | None:
    """The instrument the text cites as itself, when its name is a mention of an Act or instrument."""
    kinds = frozenset(lexicon_data()["self_citation"]["kinds"])
    for match in _citation().finditer(text):
        named = [m for m in mentions if match.end() <= m.start <= match.end() + _LEAD and m.kind in kinds]
        if named:
            return min(named, key=lambda m: m.start)
    return None
