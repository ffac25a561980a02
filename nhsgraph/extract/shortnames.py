"""A person named again by honorific and surname: "Dr Penny Dash ... Dr Dash", "Lord David Prior ... Lord Prior".

Articles and debates name a person in full once and then by title and surname. The gazetteer holds
the full names (and the new-name rules find them once); this module links the short forms that
follow to the same person, so that a claim in a later sentence ("Dr Dash is currently the Chair of
X") has its subject. A surname two different people in the text share links to neither.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from nhsgraph.extract.cues import lexicon_data
from nhsgraph.extract.mentions import Mention

# A surname shorter than this is too likely to be an initial or a word ("Lord Ng" is rare; "Mr A" is not a name).
MIN_SURNAME = 3


@cache
def honorifics() -> tuple[str, ...]:
    """Titles written before a surname (the lexicon's ``turns.honorifics``)."""
    return tuple(lexicon_data()["turns"]["honorifics"])


def surname(name: str) -> str | None:
    """The last capitalised word of a person's name, without a peer's territorial title ("Lord Hunt of
    Kings Heath" -> "Hunt") or honours after it; None when it does not look like a surname."""
    words = re.sub(r"\s+of\s+.*$", "", name.strip()).replace(".", " ").split()
    words = [w for w in words if w not in honorifics()]
    last = words[-1] if words else ""
    # "Dash", "McCartney", "O'Brien", "Wade-Gery"; not an acronym ("NHS") or a number
    shaped = re.fullmatch(r"[A-Z][A-Za-z'’-]+", last) is not None and not last.isupper()
    return last if len(last) >= MIN_SURNAME and shaped else None


def first_name(name: str) -> str | None:
    """The first word of a person's name after any honorifics ("Sir Malcolm Grant" -> "Malcolm")."""
    return next((w for w in name.replace(".", " ").split() if w not in honorifics()), None)


def _named_in_full(mentions: list[Mention], key: Callable[[str], str | None]) -> dict[str, Mention]:
    """For each short form ``key`` gives a person's full name (at least two words besides honorifics), the
    first full mention of the one person it can stand for; a short form two people share stands for neither
    ("Lord Hunt" when the text names Jeremy Hunt and Philip Hunt)."""
    first: dict[str, Mention] = {}
    owners: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.kind != "person" or mention.rule == "pronoun":
            continue
        short = key(mention.text)
        if short is None or len([w for w in mention.text.split() if w.strip(".") not in honorifics()]) < 2:
            continue
        owners.setdefault(short, set()).add(mention.id)
        if short not in first or mention.start < first[short].start:
            first[short] = mention
    return {short: mention for short, mention in first.items() if len(owners[short]) == 1}


def _given_name(name: str) -> str | None:
    """A first name that can stand alone as a reference: capitalised, then lower case, not an initial."""
    given = first_name(name)
    return given if given and len(given) >= MIN_SURNAME and given[:1].isupper() and given[1:].islower() else None


def first_name_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """A biography's first-name references ("Jim Mackey ... Jim became Chief Executive of X"): the bare
    first name of a person named in full before it, when no other person in the text shares it, it is
    never written in lower case in the text (not "Will", "Mark" as words) and no capitalised word
    follows it (not another person's full name)."""
    found: list[Mention] = []
    for given, mention in _named_in_full(mentions, _given_name).items():
        if re.search(rf"\b{re.escape(given.lower())}\b", text):
            continue
        for match in re.finditer(rf"(?<![\w.]){re.escape(given)}\b(?!\s+[A-Z])(?![\w'’-])", text[mention.end:]):
            start, end = mention.end + match.start(), mention.end + match.end()
            if any(m.meets(start, end) for m in mentions):
                continue
            found.append(Mention(start, end, given, mention.id, "person", mention.label, mention.known, "first-name",
                                 round(mention.confidence * 0.85, 2)))
    return found


def with_short_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each short form linked to its person: a short form found as a new person of its
    own ("Dr Dash" as ``dr-dash``) is the person named in full before it, and a biography's bare first name
    ("Jim") is the person named in full before it."""
    short = short_name_mentions(text, mentions)
    short += [f for f in first_name_mentions(text, mentions) if not any(f.overlaps(m) for m in short)]
    kept = [m for m in mentions if not any(m.overlaps(f) for f in short)
            or m.known or m.kind != "person" or m.rule == "pronoun"]
    return sorted([*kept, *(f for f in short if not any(k.overlaps(f) for k in kept))], key=lambda m: m.start)


def short_name_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Honorific-and-surname mentions ("Dr Dash") of the people ``mentions`` name in full, after their
    first full mention. Only names with at least two words count as full ("Dr Dash" names nobody new)."""
    titles = "|".join(re.escape(h) for h in honorifics())
    found: list[Mention] = []
    for name, mention in _named_in_full(mentions, surname).items():
        pattern = re.compile(rf"\b(?:{titles})\.?\s+{re.escape(name)}\b")
        for match in pattern.finditer(text, mention.end):
            found.append(Mention(match.start(), match.end(), match.group(), mention.id, "person", mention.label,
                                 mention.known, "short-name", round(mention.confidence * 0.9, 2)))
    return found
