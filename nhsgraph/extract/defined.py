"""Terms a text defines for a name: "the NHS Business Services Authority (“the BSA”)".

Orders, explanatory notes and reports name a body once in full and give it a short term in brackets
and quotation marks; from then on they use the term: "the BSA", "the Agency", "the new trust". Each
later use of the term, as written, is a mention of the body it was defined for, and so is the term in
its brackets. Only terms defined in the text are read this way; "the Agency" in a text that defines
no such term stays a description.
"""

from __future__ import annotations

import re

from nhsgraph.extract.mentions import Mention

DEFINED_RULE = "defined-term"
DEFINED_DROP = 0.1
# "(“the BSA”)", "("the Agency")", "(hereafter “NHSBT”)", "(referred to as “the trust”)"
_DEFINITION = re.compile(r"\s*\(\s*(?:(?:hereafter|hereinafter|(?:referred to |known )?as|in this (?:Order|note)),?\s+)?"
                         r"[“\"‘'](?P<term>[^”\"’'()\n]{2,40})[”\"’']\s*\)")


def _occurrences(text: str, term: str, start: int) -> list[tuple[int, int]]:
    """Where ``term`` is written from ``start`` on, as a whole phrase; a leading "the" may be capitalised."""
    body = "[Tt]he " + re.escape(term[4:]) if term[:4].casefold() == "the " else re.escape(term)
    return [(m.start(), m.end()) for m in re.compile(rf"(?<![\w-]){body}(?![\w-])").finditer(text, start)]


def with_defined_terms(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each term the text defines for a named entity, from its definition on. A term
    takes the place of a likely new name inside it ("BSA" read as a new acronym); a known name wins."""
    found: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        match = _DEFINITION.match(text, mention.end)
        if match is None:
            continue
        term = match.group("term").strip()
        if term.casefold() == mention.text.casefold():
            continue
        for start, end in _occurrences(text, term, match.start("term")):
            if any(m.meets(start, end) and (m.known or not (start <= m.start and m.end <= end)) for m in mentions) or any(
                    m.meets(start, end) for m in found):
                continue
            found.append(Mention(start, end, text[start:end], mention.id, mention.kind, mention.label, mention.known,
                                 DEFINED_RULE, round(max(0.05, mention.confidence - DEFINED_DROP), 2)))
    kept = [m for m in mentions if not any(d.meets(m.start, m.end) for d in found)]
    return sorted([*kept, *found], key=lambda m: m.start)
