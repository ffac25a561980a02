"""Name resolution: any id, label or alias, case-insensitive and plural-tolerant.

Researchers type "CCGs", "clinical commissioning groups" or "ccg"; all must find the
same entity. Names are normalised (case, spacing, quotes, a leading "the") and the
last word is singularised, on both the index side and the query side.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalise(name: str) -> str:
    """Case-fold and tidy a name: ``"  The  CCGs "`` → ``"ccgs"``."""
    # Normalise again after case-folding: folding can decompose (Greek "ῒ" folds to three
    # code points), so without it "ῒ" and its upper case would not match (Unicode's
    # compatibility caseless matching, section 3.13).
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).translate(_QUOTES).casefold()).strip()
    text = _SPACE.sub(" ", text)
    return text.removeprefix("the ") if text != "the" else text


def singular(text: str) -> str:
    """Singularise the last word: ``authorities`` → ``authority``, ``ccgs`` → ``ccg``."""
    head, _, last = text.rpartition(" ")
    if len(last) > 3 and last.endswith("ies"):
        last = last[:-3] + "y"
    elif len(last) > 2 and last.endswith("s") and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    return f"{head} {last}" if head else last


class UnknownName(LookupError):
    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"no entity called {name!r}{hint}")


class AmbiguousName(LookupError):
    def __init__(self, name: str, candidates: list[tuple[str, str]]):
        self.name = name
        self.candidates = candidates  # (id, label)
        listed = "; ".join(f"{label} [{id_}]" for id_, label in candidates)
        super().__init__(f"{name!r} could mean several entities: {listed}; use an id to choose")


class NameIndex:
    """Maps normalised names to entity ids, exact forms before singularised ones."""

    def __init__(self) -> None:
        self.exact: dict[str, set[str]] = defaultdict(set)
        self.loose: dict[str, set[str]] = defaultdict(set)
        self.ids: set[str] = set()
        self.labels: dict[str, str] = {}

    def add(self, entity_id: str, label: str, names: Iterable[str]) -> None:
        self.ids.add(entity_id)
        self.labels[entity_id] = label
        for name in names:
            key = normalise(name)
            if key:
                self.exact[key].add(entity_id)
                self.loose[singular(key)].add(entity_id)

    def candidates(self, name: str) -> set[str]:
        """Ids matching ``name``: an exact id wins, then exact names, then singular forms."""
        if name in self.ids:
            return {name}
        key = normalise(name)
        return set(self.exact.get(key) or self.loose.get(singular(key)) or ())

    def resolve(self, name: str) -> str:
        found = self.candidates(name)
        if len(found) == 1:
            return next(iter(found))
        if found:
            raise AmbiguousName(name, sorted((i, self.labels[i]) for i in found))
        raise UnknownName(name, self.suggestions(name))

    def suggestions(self, name: str, limit: int = 3) -> list[str]:
        key = normalise(name)
        close = difflib.get_close_matches(key, list(self.exact), n=limit * 2, cutoff=0.6)
        labels: list[str] = []
        for match in close:
            for entity_id in sorted(self.exact[match]):
                label = self.labels[entity_id]
                if label not in labels:
                    labels.append(label)
        return labels[:limit]


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """A "did you mean" hint for a mistyped field, section, relation or id."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {matches[0]!r}?" if matches else None
