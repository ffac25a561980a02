"""Likely NEW entities: names the dataset does not know yet, found by the shape of the text.

Four generic patterns, each with a guessed kind:
- capitalised names ending in an organisational head word (``... Trust``, ``... Party``) -> organisation;
- ``... Act 2012``, ``... (...) Order 2014``, ``... Regulations 2023``, ``... Bill`` -> act;
- capitalised titles in quotation marks -> document; lower-case quoted names of forms ending in a
  head word ("integrated care trusts") -> organisation type;
- two or three capitalised words before a speech verb ("Jane Smith said") or after "led by" -> person;
  an acronym before a speech verb or after "published by" / "according to" -> organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from nhsgraph.extract.cues import lexicon_data
from nhsgraph.extract.mentions import Mention, slug
from nhsgraph.names import singular

ORG_HEADS = ["Trust", "Trusts", "Board", "Boards", "Authority", "Authorities", "Group", "Groups", "Party", "Union", "Commission", "Council", "Councils", "Unit", "Institute", "Foundation", "Fund", "Department", "Agency", "Service", "Committee", "Office", "College", "Association", "Confederation", "Providers", "Network", "Partnership", "Alliance", "Centre", "Center", "Forum", "Society", "Federation", "Executive", "Ministry", "Tribunal", "Ombudsman", "Inspectorate", "Corporation", "Company", "Consortium", "Collaborative", "Panel", "Body", "Bodies", "Organisation", "Organization", "Institution", "University", "School", "Team"]
# Words that, after a capitalised word, make it part of a name: a body's head or a document's ("Ashworth Hospital",
# "the Griffiths Report"), so a surname right before one is not the person.
NAME_HEADS = frozenset([*ORG_HEADS, "Hospital", "Hospitals", "Report", "Review", "Inquiry", "Act", "Bill", "Plan", "Amendment"])
_CAP = r"(?:[A-Z][\w’'&-]*|NHS)"
_LINK = r"(?:of|for|and|the|&|on|in|de)"  # at most two in a row, never "and the" (two names, not one)
_ORG = re.compile(
    rf"\b(?:{_CAP}\s+(?:(?!and\s+the\b){_LINK}\s+){{0,2}}){{1,7}}(?:{'|'.join(ORG_HEADS)})\b"
    rf"(?:\s+of\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,3}})?"  # "Royal College of Nursing"
)
# A head word followed by "and": two names joined ("the Care Quality Commission and the National Institute").
_FIRST_HEAD = re.compile(rf"\b(?:{'|'.join(ORG_HEADS)})\b(?=\s+and\s)")
_PAREN = r"\([A-Z][^()\n]{1,80}\)"  # "(Clinical Commissioning Groups)" in an instrument's title
# An Act, an order or regulations by title and year ("Legislative Reform (Clinical Commissioning Groups) Order
# 2014"), and a Bill by title ("National Health Service Reform and Health Care Professions Bill").
# An Act's or instrument's title ends in its year, to which a copy may glue a footnote's number ("Order 19992").
_ACT = re.compile(rf"\b(?:(?:{_CAP}|{_PAREN})\s+(?:{_LINK}\s+){{0,2}}){{0,12}}(?:Act|[Oo]rder|Regulations)\s+(?:of\s+)?\d{{4}}(?=\d{{0,2}}\b)"
                  rf"|\b(?:(?:{_CAP}|{_PAREN})\s+(?:{_LINK}\s+){{0,2}}){{0,9}}(?:{_CAP}|{_PAREN})\s+Bill\b")
_QUOTED = re.compile(r"[“‘\"](?P<name>[^”’\"\n]{2,100}?)[”’\"](?!\w)")
_SPEECH = (
    r"(?:said|says|say|argues|argue|argued|warns|warn|warned|told|tells|added|adds|claims|claimed|believes|believe|wrote|"
    r"writes|suggests|suggested|explains|explained|insists|insisted|notes|noted|stressed|stresses|commented|comments|"
    r"announced|announces|confirmed|confirms|pledged|promised)"
)
_TITLE = r"(?:(?:Rt\.? Hon\.?\s+)?(?:Sir|Dame|Dr|Professor|Prof|Lord|Lady|Baroness|Baron|Mr|Mrs|Ms|Rt Hon)\.?\s+)?"
_WORD = r"[A-Z][a-z’'-]+(?:-[A-Z][a-z’']+)?"  # "Wade-Gery": a double-barrelled name is one word
_PERSON_NAME = rf"{_WORD}(?:\s+{_WORD}){{1,2}}"
# Honours after a name ("Jane Smith CBE") and up to two comma-set posts ("Jane Smith, Chief Executive, X, said").
_HONOURS = r"(?:\s+(?:CBE|OBE|MBE|KBE|DBE|CB|FRCP|FRCS|FRCGP|QC|KC|MP))?"
_PERSON = re.compile(rf"\b{_TITLE}(?P<a>{_PERSON_NAME}){_HONOURS}(?:\s+and\s+{_TITLE}(?P<b>{_PERSON_NAME}))?(?:(?:,[^,.;]{{1,80}}){{1,2}},)?\s+{_SPEECH}\b")
# A peer, named by title and name wherever the text speaks of them ("Lord Warner", "Baroness Cumberlege", "Lord
# Hunt of Kings Heath"), not only before a speech verb; never an office held by a peer ("Lord Chancellor").
_PEER_TITLES = r"(?:Lord|Baroness|Lady|Earl|Viscount)"
_PEER = re.compile(rf"\b(?P<a>{_PEER_TITLES}\s+{_WORD}(?:\s+{_WORD}){{0,1}}(?:\s+of\s+{_WORD}(?:\s+{_WORD}){{0,2}})?)")
_ACCORDING = re.compile(rf"\baccording to\s+{_TITLE}(?P<a>{_PERSON_NAME})\b")
# "a review led by Rt Hon Patricia Hewitt", "chaired by Sir Jane Smith": a person heads or writes something.
_LED_BY = re.compile(rf"\b(?:(?:led|chaired|headed|written|authored|conducted)\s+by|under\s+the\s+(?:chairmanship|leadership)\s+of)"
                     rf"\s+{_TITLE}(?P<a>{_PERSON_NAME})\b")
_ACRONYM = re.compile(
    rf"\b(?:(?:published|commissioned|produced|written|led|run)\s+by|according\s+to|report\s+(?:by|from))\s+(?P<a>[A-Z]{{2,7}})\b"
    rf"|\b(?P<b>[A-Z]{{2,7}})\s+{_SPEECH}\b"
)
# A body described rather than named, as proposals often do: "a single NHS headquarters", "a new national regulator".
_DESCRIBED = re.compile(
    r"\b(?:a|an|one)\s+(?P<name>(?:(?:single|unified|combined|merged)\s+|new\s+(?=[\w-]+\s))(?:[\w-]+\s+){0,3}?"
    r"(?:body|organisation|organization|headquarters|agency|authority|board|regulator|department|service))\b"
)
# An unquoted title after a document noun: "a report published this month, Better care: a plan for 2030".
_TITLED = re.compile(
    r"\b(?:report|paper|review|plan|strategy|study|book|briefing|analysis)\b[^.;:\n]{0,80}?,\s+"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,12}:\s+[A-Za-z0-9][^.;\n]{2,80})"
)
_LEADING = re.compile(r"^(?:The|A|An|This|That|These|Those|Our|Their|Its|His|Her|In|On|At|By|For|From|With|Under|Through|As)\s+")
_NOT_PEOPLE = re.compile(r"\b(?:NHS|England|Government|Department|Ministers?|Health|Care|Act|Trust|Board|Party|Secretary|Chair|Chief)\b")


_TITLE_CUE = re.compile(r"(?:report|paper|plan|strategy|review|titled|entitled|called|named|document|bill)\W*$", re.IGNORECASE)
_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "at", "by", "with", "from", "next", "steps"}


def _title_like(name: str, before: str) -> bool:
    """A quoted title ("Integrating Care"), not quoted speech ("This is a power grab,")."""
    if name[-1:] in ",.!?;":
        return False
    if _TITLE_CUE.search(before):
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _clean(name: str) -> tuple[int, str]:
    """Strip leading determiners and prepositions; return how many characters were dropped."""
    dropped = 0
    while True:
        match = _LEADING.match(name[dropped:])
        if not match:
            return dropped, name[dropped:]
        dropped += match.end()


def _make(text: str, start: int, end: int, kind: str, rule: str, confidence: float) -> Mention | None:
    dropped, name = _clean(text[start:end])
    start += dropped
    name = name.strip(" ,.;:")
    if not name or len(name) < 2:
        return None
    end = start + len(name)
    label = singular(name[:1].lower() + name[1:]) if kind == "org_type" else name
    return Mention(start, end, text[start:end], slug(label), kind, label, False, rule, confidence)


def find_new(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Likely new entities in ``text[start:end]`` (not yet checked against the gazetteer)."""
    stop = len(text) if end is None else end
    found: list[Mention | None] = []
    for act in _ACT.finditer(text, start, stop):
        made = _make(text, act.start(), act.end(), "act", "act-name", 0.7)
        if made is not None and len(made.text.split()) >= 2:  # "The Bill" is a reference, not a title
            found.append(made)
    position = start
    while (match := _ORG.search(text, position, stop)) is not None:
        post = _post_prefix().match(match.group())
        if post:  # "Chair of Sandwell NHS Trust": a post, then the body's name
            position = match.start() + post.end()
            continue
        if match.group().casefold() in _post_titles():  # "Chief Executive": a post, not a body
            position = match.end()
            continue
        first_end = _FIRST_HEAD.search(match.group())
        stop_at = match.start() + first_end.end() if first_end else match.end()
        words = text[match.start():stop_at].split()
        if len(words) >= 2 and not (len(words) == 2 and words[0] in ("The", "A", "An")):
            found.append(_make(text, match.start(), stop_at, "organisation", "organisation-name", 0.6))
        position = stop_at
    for match in _QUOTED.finditer(text, start, stop):
        name = match.group("name").strip()
        words = name.split()
        if not 1 <= len(words) <= 12:
            continue
        last = re.sub(r"\W+$", "", words[-1])
        if name[:1].isupper() and (len(words) >= 2 or name.isupper()) and _title_like(name, text[max(0, match.start() - 30):match.start()]):
            found.append(_make(text, match.start("name"), match.start("name") + len(name), "document", "quoted-title", 0.45))
        elif name[:1].islower() and len(words) >= 2 and last.capitalize() in ORG_HEADS:
            found.append(_make(text, match.start("name"), match.start("name") + len(name), "org_type", "quoted-form", 0.5))
    for pattern in (_PERSON, _ACCORDING, _LED_BY, _posted_person(), *_minister()):
        for match in pattern.finditer(text, start, stop):
            for group in ("a", "b"):
                if match.groupdict().get(group) and not _NOT_PEOPLE.search(match.group(group)):
                    person = _make(text, match.start(group), match.end(group), "person", "speaker-name", 0.55)
                    if person is not None and len(person.text.split()) >= 2:  # "In London, chair of X": not a name
                        found.append(person)
    for match in _PEER.finditer(text, start, stop):
        second = match.group("a").split()[1]
        if second not in _peer_offices() and not _NOT_PEOPLE.search(match.group("a")):
            found.append(_make(text, match.start("a"), match.end("a"), "person", "peer-name", 0.5))
    for match in _DESCRIBED.finditer(text, start, stop):
        found.append(_make(text, match.start("name"), match.end("name"), "organisation", "described-body", 0.35))
    for match in _TITLED.finditer(text, start, stop):
        found.append(_make(text, match.start("name"), match.end("name"), "document", "titled-document", 0.4))
    for match in _ACRONYM.finditer(text, start, stop):
        group = "a" if match.group("a") else "b"
        found.append(_make(text, match.start(group), match.end(group), "organisation", "acronym-agent", 0.4))
    return _dedupe(m for m in found if m is not None)


@cache
def _peer_offices() -> frozenset[str]:
    """Words after "Lord" that make an office, not a peer's name ("Lord Chancellor"): the lexicon's ``peer_offices``."""
    return frozenset(lexicon_data().get("peer_offices", []))


@cache
def _post_prefix() -> re.Pattern[str]:
    """A post and its preposition opening a capitalised run ("Chair of", "Chief Executive at"): the lexicon's roles."""
    spec = lexicon_data().get("roles", {})
    titles = sorted(spec.get("titles", []), key=len, reverse=True)
    linking = spec.get("linking", ["of"])
    if not titles:
        return re.compile(r"(?!)")
    return re.compile(rf"(?:{'|'.join(re.escape(t) for t in titles)})\s+(?:{'|'.join(linking)})\s+", re.IGNORECASE)


@cache
def _post_titles() -> frozenset[str]:
    """The lexicon's titles of posts (casefolded): "Chief Executive" alone names a post, not a body."""
    return frozenset(str(t).casefold() for t in lexicon_data().get("roles", {}).get("titles", []))


@cache
def _posted_person() -> re.Pattern[str]:
    """"Richard Murray, Chief Executive of The King's Fund": a name followed by a post heading a body (the
    lexicon's roles) is a person's."""
    spec = lexicon_data().get("roles", {})
    titles = sorted(spec.get("titles", []), key=len, reverse=True) or ["(?!)"]
    linking = spec.get("linking", ["of"])
    # a list of posts may come first: "Laura Example, director at X and chair of Y"
    return re.compile(rf"\b{_TITLE}(?P<a>{_PERSON_NAME}),\s+(?:[^,.;]{{1,60}}?\sand\s+)?(?i:(?:the\s+)?(?:{'|'.join(re.escape(t) for t in titles)})\s+"
                      rf"(?:{'|'.join(linking)}))\s")


@cache
def _minister() -> tuple[re.Pattern[str], ...]:
    """A name beside a ministerial post (the lexicon's ``ministerial_posts``) is a person's: "the Secretary of
    State for Health, Jane Smith", "Jane Smith, the Secretary of State for Health", and a Hansard speaker line
    "Jane Smith The Secretary of State for Health"."""
    posts = sorted(lexicon_data().get("ministerial_posts", {}), key=len, reverse=True)
    if not posts:
        return ()
    post = rf"(?i:{'|'.join(re.escape(p) for p in posts)})\s+{_WORD}(?:\s+(?:and\s+)?{_WORD})*?"
    short = rf"{_WORD}(?:\s+{_WORD}){{1,2}}?"  # fewest words: "Jane Smith The Secretary ...", not "Jane Smith The"
    return (re.compile(rf"\b{post},\s+{_TITLE}(?P<a>{_PERSON_NAME})\b"),
            re.compile(rf"\b{_TITLE}(?P<a>{short}),?\s+(?:[Tt]he\s+)?{post}\b"))


def _dedupe(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep the longest of overlapping candidates."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(mention.overlaps(k) for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def _instrument(name: str) -> bool:
    """An order's or regulations' title with its year: a name of its own, whatever names it takes in."""
    return re.search(r"\b(?:[Oo]rder|Regulations)\s+\d{4}$", name) is not None


# New names that name one body of a form they contain: a capitalised name ("Royal Free London NHS Foundation
# Trust") or a place before a form in lower case ("Bradford district health authority", nhsgraph.extract.placeforms).
NAMED_BODY_RULES = ("organisation-name", "place-form")


def merge_mentions(known: list[Mention], new: list[Mention]) -> list[Mention]:
    """Known mentions win, except that a new name containing a known *form* names a body of that form
    ("Royal Free London NHS Foundation Trust" contains "NHS foundation trust"), and a new instrument's
    title containing known names names the instrument ("Legislative Reform (Clinical Commissioning
    Groups) Order 2014" contains "Clinical Commissioning Groups")."""
    result = list(known)
    for candidate in new:
        inside = [k for k in result if k.overlaps(candidate)]
        if not inside:
            result.append(candidate)
            continue
        within = all(candidate.start <= k.start and k.end <= candidate.end and (k.end - k.start) < (candidate.end - candidate.start) for k in inside)
        # A place the data knows as a body of its own may open the name ("South Devon Health Care NHS Trust"
        # holds "Devon"): the name ends in the form, so it names one body of that form.
        ends_in_form = any(k.kind == "org_type" and k.end == candidate.end for k in inside)
        named_body = (candidate.kind == "organisation" and candidate.rule in NAMED_BODY_RULES
                      and (all(k.kind == "org_type" for k in inside) and candidate.start < min(k.start for k in inside)
                           or ends_in_form and all(k.kind in ("org_type", "organisation") for k in inside)))
        instrument = candidate.rule == "act-name" and all(k.kind != "act" for k in inside) and _instrument(candidate.text)
        # "Lord Hunt of Kings Heath" is not Jeremy Hunt: a peer's full title outweighs a bare surname inside it
        peer = candidate.rule == "peer-name" and all(k.kind == "person" and " " not in k.text.strip() for k in inside)
        if within and (named_body or instrument or peer):
            result = [k for k in result if k not in inside] + [candidate]
    return sorted(result, key=lambda m: m.start)
