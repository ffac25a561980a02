"""Terms a text defines for a name: "the NHS Business Services Authority (“the BSA”)".

Orders, explanatory notes and reports name a body once in full and give it a short term in brackets,
in quotation marks or as a bare acronym of the name; from then on they use the term: "the BSA", "the
Agency", "the new trust", "PPIfs". Each
later use of the term, as written, is a mention of the body it was defined for, and so is the term in
its brackets. Only terms defined in the text are read this way; "the Agency" in a text that defines
no such term stays a description.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nhsgraph.extract.gazetteer import LONG_FORMS
from nhsgraph.extract.mentions import Mention

DEFINED_RULE = "defined-term"
DEFINED_DROP = 0.1
# "(“the BSA”)", "("the Agency")", "(hereafter “NHSBT”)", "(referred to as “the trust”)"
_DEFINITION = re.compile(r"\s*\(\s*(?:(?:hereafter|hereinafter|(?:referred to |known )?as|in this (?:Order|note)),?\s+)?"
                         r"[“\"‘'](?P<term>[^”\"’'()\n]{2,40})[”\"’']\s*\)")


# An instrument's interpretation clause: "“the Authority” means the Health Education Authority", "“NHSBT”
# means NHS Blood and Transplant" (the opening quotation mark may be lost in a copy of the page).
_MEANS = re.compile(r"[“\"‘]?(?P<term>(?:[Tt]he )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3})[”\"’]\s+means\s+(?:the\s+)?")
# A name that goes on past the mention: a bracketed or capitalised word after it.
_NAME_GOES_ON = re.compile(r"\s*(?:\(|[A-Z])")
# "Patient and Public Involvement Forums (PPIfs)": an unquoted acronym in brackets right after the name
_ACRONYM = re.compile(r"\s*\(\s*(?P<term>[A-Z][A-Za-z&]{1,11})\s*\)")
# Short forms names are written with ("NHS", "UK"): never one body's term ("the National Health Service (NHS)").
SHORT_WORDS = frozenset(short.strip() for short in LONG_FORMS)
# Words an acronym may leave out ("NHS Blood and Transplant (NHSBT)").
_SKIPPABLE = frozenset({"and", "of", "the", "for", "&", "in", "to"})


def abbreviates(acronym: str, name: str) -> bool:
    """Is ``acronym`` made of the starts of ``name``'s words, in order, every word but a small one
    giving at least its initial ("PPIfs" for "Patient and Public Involvement Forums", "NHSBT" for
    "NHS Blood and Transplant")? A final lower-case "s" is a plural. Guards a bracketed capital word
    from being read as a term for whatever name precedes it ("(Wales)")."""
    letters = (acronym[:-1] if acronym.endswith("s") and len(acronym) > 2 else acronym).casefold()
    words = [w.casefold() for w in re.findall(r"[\w&]+", name)]

    def match(li: int, wi: int) -> bool:
        if wi == len(words):
            return li == len(letters)
        word = words[wi]
        if word in _SKIPPABLE and match(li, wi + 1):
            return True
        return any(letters[li:li + k] == word[:k] and match(li + k, wi + 1) for k in range(1, min(len(word), len(letters) - li) + 1))

    return len(letters) >= 2 and len(words) >= 2 and match(0, 0)


def _definition(text: str, mention: Mention) -> re.Match[str] | None:
    """The term defined for ``mention`` right after it: quoted, or an acronym of its name."""
    quoted = _DEFINITION.match(text, mention.end)
    if quoted is not None:
        return quoted
    acronym = _ACRONYM.match(text, mention.end)
    if acronym is None or acronym.group("term") in SHORT_WORDS or not abbreviates(acronym.group("term"), mention.text):
        return None
    return acronym


def _occurrences(text: str, term: str, start: int) -> list[tuple[int, int]]:
    """Where ``term`` is written from ``start`` on, as a whole phrase; a leading "the" may be capitalised."""
    body = "[Tt]he " + re.escape(term[4:]) if term[:4].casefold() == "the " else re.escape(term)
    return [(m.start(), m.end()) for m in re.compile(rf"(?<![\w-]){body}(?![\w-])").finditer(text, start)]


def _definitions(text: str, mentions: list[Mention]) -> Iterator[tuple[Mention, str, int]]:
    """(named entity, term, where the term is first written) for each term the text defines: after the
    name in brackets, or in an instrument's interpretation clause ("“the Authority” means the Health
    Education Authority established by ...")."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for mention in ordered:
        match = _definition(text, mention)
        if match is not None:
            yield mention, match.group("term").strip(), match.start("term")
    for match in _MEANS.finditer(text):
        named = next((m for m in ordered if m.start == match.end()), None)
        if named is not None and not _NAME_GOES_ON.match(text, named.end):  # not "the X Agency (Establishment) Order"
            yield named, match.group("term").strip(), match.start("term")


def with_defined_terms(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each term the text defines for a named entity, from its definition on. A term
    takes the place of a likely new name inside it ("BSA" read as a new acronym); a known name wins."""
    found: list[Mention] = []
    for mention, term, at in _definitions(text, mentions):
        if term.casefold() == mention.text.casefold():
            continue
        for start, end in _occurrences(text, term, at):
            if any(m.meets(start, end) and (m.known or not (start <= m.start and m.end <= end)) for m in mentions) or any(
                    m.meets(start, end) for m in found):
                continue
            found.append(Mention(start, end, text[start:end], mention.id, mention.kind, mention.label, mention.known,
                                 DEFINED_RULE, round(max(0.05, mention.confidence - DEFINED_DROP), 2)))
    kept = [m for m in mentions if not any(d.meets(m.start, m.end) for d in found)]
    return sorted([*kept, *found], key=lambda m: m.start)
