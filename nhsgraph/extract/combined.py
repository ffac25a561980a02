"""Joint names read as their parts where a merger is spoken of: "NHS England and NHS Improvement".

The data holds "NHS England and NHS Improvement" as a body of its own (the two bodies' joint working
arrangement), and the gazetteer, longest name first, finds it wherever the two names stand together.
In a sentence that merges bodies ("NHS England and NHS Improvement would be merged", "brings together
NHS England and NHS Improvement into a single organisation") the words name the two bodies being
merged, not their joint arrangement: each half is a mention of its own body. So do they in a text
written before the joint body was set up (a 2018 announcement that the two will work together).
"""

from __future__ import annotations

import re

from nhsgraph.extract.cues import lexicon, lexicon_data
from nhsgraph.extract.gazetteer import Gazetteer
from nhsgraph.extract.mentions import Mention, tokenize
from nhsgraph.extract.sentences import Sentence

SPLIT_RULE = "joint-name-part"
_AND = re.compile(r"\s+(?:and|&)\s+")


def _halves(mention: Mention, gazetteer: Gazetteer) -> list[Mention] | None:
    """The two known bodies a joint name is made of, each named in full on its side of the "and"."""
    parts = list(_AND.finditer(mention.text))
    if len(parts) != 1:
        return None
    cut = parts[0]
    sides = [(0, cut.start()), (cut.end(), len(mention.text))]
    halves: list[Mention] = []
    for start, end in sides:
        words = mention.text[start:end]
        found = gazetteer.find(words)
        if len(found) != 1 or found[0].start != 0 or found[0].end != len(words) or found[0].kind != mention.kind:
            return None
        one = found[0]
        halves.append(Mention(mention.start + start, mention.start + end, words, one.id, one.kind, one.label, True,
                              SPLIT_RULE, one.confidence))
    return halves if halves[0].id != halves[1].id else None


def split_joint_names(text: str, sentences: list[Sentence], mentions: list[Mention], gazetteer: Gazetteer,
                      year: int | None = None) -> list[Mention]:
    """``mentions`` with each known joint name read as its two bodies in a sentence with a merging cue
    (the lexicon's ``joint_names: relations``), or anywhere in a text of ``year`` before the joint body's."""
    relations = set(lexicon_data().get("joint_names", {}).get("relations", []))
    result: list[Mention] = []
    for mention in mentions:
        halves = _halves(mention, gazetteer) if mention.known and _AND.search(mention.text) else None
        sentence = next((s for s in sentences if s.start <= mention.start < s.end), None) if halves else None
        older = year is not None and year < gazetteer.founded.get(mention.id, year)  # written before the joint body
        if halves and (older or sentence is not None and any(
                h.form.relation in relations for h in lexicon().find(tokenize(text, sentence.start, sentence.end)))):
            result += halves
        else:
            result.append(mention)
    return result
