"""Finding entities by name: ranked partial matches, and name resolution with useful hints.

Researchers rarely know an id. ``search`` ranks every id, label and alias against the
text (exact, then prefix, then every word matched, then substring, then close spelling);
``resolve`` is :meth:`Dataset.resolve` whose "did you mean" also offers partial matches,
so ``Barnsley`` suggests ``NHS Barnsley CCG`` rather than nothing.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from nhsgraph.answers import Answer, from_entity
from nhsgraph.names import UnknownName, normalise, singular
from nhsgraph.query_index import index_for

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset
    from nhsgraph.model import Entity

_WORD = re.compile(r"[a-z0-9]+")
EXACT, PREFIX, WORDS, SUBSTRING, CLOSE = 100, 80, 60, 50, 30


def resolve(dataset: Dataset, name: str) -> Entity:
    """The entity called ``name``; an unknown name's "did you mean" offers partial matches first."""
    try:
        return dataset.resolve(name)
    except UnknownName as exc:
        partial = list(dict.fromkeys(a.label for a in search(dataset, name, limit=3)))
        raise UnknownName(name, partial or exc.suggestions) from None


def _score(query: str, query_singular: str, words: list[str], norm: str, norm_singular: str) -> int:
    if norm == query or norm_singular == query_singular:
        return EXACT
    if norm.startswith(query):
        return PREFIX
    name_words = _WORD.findall(norm)
    if words and all(any(w.startswith(q) for w in name_words) for q in words):
        return WORDS
    if query in norm:
        return SUBSTRING
    return 0


def search(dataset: Dataset, text: str, limit: int = 20) -> list[Answer]:
    """Entities whose id, label or alias matches ``text``, best first.

    Rank: exact name (plural-tolerant), then names starting with the text, then names
    containing every word of it as a word prefix, then any substring, then close
    spellings (closest first); ties go to the shorter name, then the label. ``matched`` says which name matched.
    """
    query = normalise(text)
    if not query:
        return []
    index = index_for(dataset)
    query_singular, words = singular(query), _WORD.findall(query)
    best: dict[str, tuple[int, int, str]] = {}  # id -> (score, length, name)
    for norm, norm_singular, name, entity_id in index.names:
        score = _score(query, query_singular, words, norm, norm_singular)
        if score and name == entity_id:
            score -= 1  # a label or alias matching as well is the better name to show
        if score and (entity_id not in best or (score, -len(name)) > (best[entity_id][0], -best[entity_id][1])):
            best[entity_id] = (score, len(name), name)
    if len(best) < limit and len(query) >= 3:
        spellings = {norm: (name, entity_id) for norm, _, name, entity_id in index.names}
        closest_first = difflib.get_close_matches(query, list(spellings), n=limit, cutoff=0.75)
        for rank, close in enumerate(closest_first):
            name, entity_id = spellings[close]
            best.setdefault(entity_id, (CLOSE - rank, len(name), name))
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[1][1], dataset.label(item[0]), item[0]))
    return [from_entity(dataset, dataset.entities[i], matched=name) for i, (_, _, name) in ranked[:limit]]
