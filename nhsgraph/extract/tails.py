"""A body named again by the end of its name: "the NHS Commissioning Board Authority ... the Board Authority".

Reports and letters name a body in full once and then shorten it from the front, dropping "NHS" or a
place: "the Commissioning Board", "the Development Authority". Read alone, the short form looks like
a new organisation's name. When its words are the last words of exactly one known organisation named
earlier in the text, it is that organisation. A single word is too loose ("the Authority" may be any
authority), so a tail needs two words or more.
"""

from __future__ import annotations

from nhsgraph.extract.mentions import Mention

TAIL_RULE = "name-tail"
TAIL_DROP = 0.15
MIN_TAIL_WORDS = 2
ORGANISATION = "organisation"


def _words(text: str) -> list[str]:
    words = text.casefold().split()
    return words[1:] if words[:1] == ["the"] else words


def with_name_tails(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each new organisation's name that ends a known organisation's earlier name
    linked to that organisation instead."""
    out: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        tail = _words(mention.text)
        if not mention.known and mention.kind == ORGANISATION and len(tail) >= MIN_TAIL_WORDS:
            fuller = {m.id: m for m in out if m.known and m.kind == ORGANISATION and len(_words(m.text)) > len(tail)
                      and _words(m.text)[-len(tail):] == tail}
            if len(fuller) == 1:
                (full,) = fuller.values()
                mention = Mention(mention.start, mention.end, mention.text, full.id, full.kind, full.label, True, TAIL_RULE,
                                  round(max(0.05, full.confidence - TAIL_DROP), 2))
        out.append(mention)
    return out
