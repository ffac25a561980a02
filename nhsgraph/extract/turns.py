"""Speaker turns in a debate record: the words under a member's name are the member's.

Hansard and its copies print each contribution under a line naming the speaker: "Mr. Ian McCartney
(Makerfield)", "Lord Kamall (Con)", "The Secretary of State for Health (Mr. Kenneth Clarke)",
"Andrew Lansley The Secretary of State for Health 3:53 pm, 14th June 2011". Until the next such line,
"I" and "we" are that member, a motion is theirs, and what they say is attributed to them, not to the
page that prints it. A line is taken as a speaker's only with evidence that it names a person (the
lexicon's ``turns``), so a heading such as "Commons Chamber" is not one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from nhsgraph.extract.cues import lexicon_data
from nhsgraph.extract.mentions import Mention, slug

if TYPE_CHECKING:
    from spacy.tokens import Doc

RULE = "speaker-line"
CONFIDENCE = 0.7
# A speaker line is short: a name, perhaps a post, a constituency and a party.
MAX_LINE = 160
_WORD = r"[A-Z][\w'’.-]*"
_NAME = rf"{_WORD}(?:\s+(?:of\s+|de\s+|van\s+)?{_WORD}){{0,4}}"
_BRACKETS = r"(?:\s*\([^()\n]{1,80}\))"
_TIME = re.compile(r"\s+\d{1,2}[:.]\d{2}\s*[ap]\.?m\b.*$")


@dataclass(frozen=True)
class Turn:
    """One contribution: the speaker's name (as written, at ``name_start``) and where their words run."""

    name_start: int
    name_end: int
    label: str  # the name without an honorific that is not part of it: "Ian McCartney", "Lord Kamall"
    start: int  # the first character after the speaker line
    end: int  # where the next speaker line begins, or the text ends


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = lexicon_data()["turns"]
    honorific = "|".join(re.escape(h) for h in spec["honorifics"])
    titled = re.compile(rf"^(?:\d+\.\s+)?(?P<name>(?:{honorific})\.?\s+{_NAME}){_BRACKETS}*\s*$")
    post = re.compile(rf"^(?:The\s+)?[A-Z][^()\n]{{2,100}}?\((?P<name>(?:(?:{honorific})\.?\s+)?{_NAME})\)\s*$")
    return titled, post


@cache
def _glued() -> re.Pattern[str]:
    """A historic Hansard record's paragraph: "§ Mr. FreemanThe Department of Health is ...", the speaker's
    name run into the first word of the speech (the copy lost the line break between them)."""
    honorific = "|".join(re.escape(h) for h in lexicon_data()["turns"]["honorifics"])
    surname = r"(?:Mc|Mac|O'|O’)?[A-Z][a-z'’-]+"
    return re.compile(rf"^§\s*(?P<name>(?:{honorific})\.?\s+(?:[A-Z][a-z'’-]+\s+)*?{surname})(?=[A-Z][a-z])")


@cache
def post_words() -> frozenset[str]:
    """Words of a post ("Secretary", "Minister"): a name in brackets after one is a speaker's."""
    return frozenset(lexicon_data()["turns"]["post_words"])


def _honoured(name: str) -> bool:
    return name.partition(" ")[0].rstrip(".") in lexicon_data()["turns"]["honorifics"]


def _label(name: str) -> str:
    """"Mr. Ian McCartney" -> "Ian McCartney"; "Lord Kamall" stays: a peer is known by the title."""
    spec = lexicon_data()["turns"]
    first, _, rest = name.partition(" ")
    if first.rstrip(".") in spec["honorifics"] and first.rstrip(".") not in spec["peerage"] and rest:
        return rest.strip()
    return name.strip()


def _person_at(doc: Doc | None, start: int, end: int) -> tuple[int, int] | None:
    """The span of a person the recogniser finds within [start, end)."""
    if doc is None:
        return None
    for entity in doc.ents:
        if entity.label_ == "PERSON" and start <= entity.start_char and entity.end_char <= end and " " in entity.text.strip():
            return entity.start_char, entity.end_char
    return None


def _speaker(line: str, at: int, doc: Doc | None) -> tuple[int, int] | None:
    """Where the speaker's name is on a line (offsets in the text), if the line is a speaker line."""
    titled, post = _patterns()
    match = post.match(line)
    if match:  # "The Secretary of State for Health (Mr. Kenneth Clarke)": the person in brackets
        start, end = at + match.start("name"), at + match.end("name")
        posted = set(re.findall(r"[\w-]+", line[:match.start("name")])) & post_words()
        if _honoured(match.group("name")) or posted or _person_at(doc, start, end) == (start, end):
            return start, end
    match = titled.match(line)
    if match:
        return at + match.start("name"), at + match.end("name")
    bare = re.match(rf"^(?P<name>{_NAME}){_BRACKETS}+\s*$", line)
    if bare:  # "Emma Reynolds (Wolverhampton North East) (Lab)": a person, by the recogniser
        found = _person_at(doc, at + bare.start("name"), at + bare.end("name"))
        if found == (at + bare.start("name"), at + bare.end("name")):
            return found
    timed = _TIME.search(line)
    if timed:  # "Andrew Lansley The Secretary of State for Health 3:53 pm, ...": the person opening it
        found = _person_at(doc, at, at + timed.start())
        if found and found[0] == at:
            return found
    return None


def find_turns(text: str, doc: Doc | None) -> list[Turn]:
    """Every speaker line in ``text`` and the contribution under it."""
    heads: list[tuple[int, int, int]] = []  # (name start, name end, line end)
    at = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            found = _speaker(stripped, at + lead, doc) if len(stripped) <= MAX_LINE else None
            glued = _glued().match(stripped) if found is None else None  # a whole paragraph: no length limit
            if found:
                heads.append((*found, at + len(body)))
            elif glued:  # the speech starts right after the name
                heads.append((at + lead + glued.start("name"), at + lead + glued.end("name"), at + lead + glued.end("name")))
        at += len(line)
    turns: list[Turn] = []
    for i, (name_start, name_end, line_end) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        end = text.rfind("\n", 0, end) + 1 if i + 1 < len(heads) else end  # up to the next speaker line
        turns.append(Turn(name_start, name_end, _label(text[name_start:name_end]), line_end, max(end, line_end)))
    return turns


def speaker_mentions(text: str, turns: list[Turn], mentions: list[Mention]) -> list[Mention]:
    """A mention for each turn's speaker that no other mention covers (a name the data lacks)."""
    added: list[Mention] = []
    for turn in turns:
        if any(m.meets(turn.name_start, turn.name_end) for m in [*mentions, *added]):
            continue
        added.append(Mention(turn.name_start, turn.name_end, text[turn.name_start:turn.name_end], slug(turn.label),
                             "person", turn.label, False, RULE, CONFIDENCE))
    return added
