"""The gazetteer: every name the dataset knows (ids' labels and aliases) plus informal names made by rule.

Informal names are generated only where a rule is safe and the result is unique in the
dataset: "the 2012 Act" and "2012 Health and Social Care Act" from an Act's year and title,
"Integrating Care" from "Integrating Care: next steps ...", a person's surname. Combined
names such as "NHSE/I" are never guessed: they come from the data's aliases.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nhsgraph.extract.mentions import Mention, Token, tokenize
from nhsgraph.extract.newentities import NAME_HEADS
from nhsgraph.extract.shortnames import first_name, honorifics
from nhsgraph.names import singular

if TYPE_CHECKING:
    from nhsgraph.dataset import Dataset

# When a name fits several entities, prefer the kind a reader most likely means.
KIND_PRIORITY = ("organisation", "org_type", "act", "document", "proposal", "person")
MAX_TOKENS = 32  # long instrument titles: "The NHS Blood and Transplant (Gwaed a ...) (Establishment and Constitution) Order 2005"
# Kinds whose generated names are the heads of their titles, weaker than an Act's or a person's.
TITLE_HEAD_KINDS = ("document", "proposal")
# A Bill becomes its Act in the same or a later session: a Bill named in a text of year Y is the Act
# of year Y to Y + BILL_YEARS that bears its name.
BILL_YEARS = 2
# A short title several Acts bear, with no year to tell them apart: the latest, with all as candidates.
UNDATED_ACT_CONFIDENCE = 0.35
# A name of this many words or more (not counting "and", "of" ...) is the body's even in lower case.
LOWER_CASE_WORDS = 3
# Words that may stay lower case inside a capitalised name ("Department of Health and Social Care").
_NAME_LINKS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    label: str
    name: str
    generated: bool

    @property
    def acronym(self) -> bool:
        """All capitals (a trailing plural ``s`` allowed): matched case-sensitively."""
        letters = re.sub(r"[^A-Za-z]", "", self.name)
        return bool(letters) and letters.rstrip("s").isupper()


def _acronym_letters(text: str) -> str:
    """An acronym's letters without a final lower-case plural "s": "CCGs" -> "CCG", "ACS" -> "ACS"."""
    letters = re.sub(r"[^A-Za-z]", "", text)
    return letters.removesuffix("s")


def _key(tokens: Iterable[Token]) -> str:
    return singular(" ".join(t.key for t in tokens))


class Gazetteer:
    """Looks names up at token boundaries, longest first."""

    def __init__(self) -> None:
        self.entries: dict[str, list[Entry]] = defaultdict(list)
        self.max_tokens = 1
        # The lengths (in tokens) of the names starting with each (singularised) first word, longest first:
        # most positions start no name, and a word that opens one long title need not try every shorter length.
        self.starts: dict[str, tuple[int, ...]] = {}
        self.kinds: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.legal: set[str] = set()  # ids of Acts and of documents holding an Act's or order's text
        self.authors: dict[str, list[str]] = {}  # document id -> author (or publisher) ids, from the data
        self.proposing: set[str] = set()  # ids of documents that set out a proposal (a proposal's `document`)
        self.years: dict[str, int] = {}  # Act id -> year, to tell apart Bills of the same name
        self.government: set[str] = set()  # ids of central government bodies: their own texts' "we" and "the Government"
        self.founded: dict[str, int] = {}  # organisation id -> the year it was established, where the data says
        self.ended: dict[str, int] = {}  # organisation id -> the year it was dissolved, where the data says

    def add(self, entity_id: str, kind: str, label: str, name: str, generated: bool = False) -> None:
        tokens = tokenize(name.strip())
        while tokens and tokens[0].key in ("the", "a", "an"):
            tokens = tokens[1:]
        if not tokens or len(tokens) > MAX_TOKENS:
            return
        key = _key(tokens)
        if any(e.id == entity_id for e in self.entries[key]):
            return
        self.entries[key].append(Entry(entity_id, kind, label, name.strip(), generated))
        self.max_tokens = max(self.max_tokens, len(tokens))
        first = singular(tokens[0].key)
        self.starts[first] = tuple(sorted({*self.starts.get(first, ()), len(tokens)}, reverse=True))
        self.kinds[entity_id] = kind
        self.labels[entity_id] = label

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> Gazetteer:
        """Every entity of a :class:`nhsgraph.Dataset`, with its informal names."""
        gazetteer = cls()
        entities = list(dataset.entities.values())
        for entity in entities:
            for name in [entity.label, *entity.aliases]:
                gazetteer.add(entity.id, entity.kind, entity.label, name)
            if entity.kind == "act" or getattr(entity, "document_type", None) == "act_text":
                gazetteer.legal.add(entity.id)
            # Who speaks in a document: its authors, or for an unsigned piece its publisher.
            voices = list(getattr(entity, "authors", None) or []) or [p for p in [getattr(entity, "publisher", None)] if p]
            if voices:
                gazetteer.authors[entity.id] = voices
            if getattr(entity, "document", None):
                gazetteer.proposing.add(entity.document)  # type: ignore[attr-defined]
            if getattr(entity, "sector", None) == GOVERNMENT_SECTOR:
                gazetteer.government.add(entity.id)
            if entity.kind == "organisation" and getattr(entity, "established", None) is not None:
                gazetteer.founded[entity.id] = entity.established.year  # type: ignore[attr-defined]
            if entity.kind == "organisation" and getattr(entity, "dissolved", None) is not None:
                gazetteer.ended[entity.id] = entity.dissolved.year  # type: ignore[attr-defined]
            if entity.kind == "act" and getattr(entity, "year", None):
                gazetteer.years[entity.id] = int(entity.year)  # type: ignore[attr-defined]
        for entity in entities:
            for name in informal_names(entity.kind, entity.label, getattr(entity, "year", None)):
                if entity.kind in (*TITLE_HEAD_KINDS, "organisation") and gazetteer._names_another(entity.id, name):
                    # "Integrated care systems (ICSs) - who commissions ...": the head names the form, not the page;
                    # "X NHS Trust", the body before "X NHS Foundation Trust" when the data holds it apart
                    continue
                gazetteer.add(entity.id, entity.kind, entity.label, name, generated=True)
        return gazetteer

    def existing(self, entity_id: str, year: int) -> bool:
        """Did the body exist in ``year``, by the years the data gives (a year it was both dissolved and
        established in goes to the newer body: the Department of Health in 1988, not the DHSS)?"""
        return self.founded.get(entity_id, year) <= year < self.ended.get(entity_id, year + 1)

    def _names_another(self, entity_id: str, name: str) -> bool:
        """Is ``name`` (without a bracketed acronym) already the curated name of another entity?"""
        tokens = tokenize(_PARENTHESIS.sub("", name).strip())
        while tokens and tokens[0].key in ("the", "a", "an"):
            tokens = tokens[1:]
        return bool(tokens) and any(e.id != entity_id and not e.generated for e in self.entries.get(_key(tokens), []))

    @staticmethod
    def _short_titles(entries: list[Entry], ending: str) -> bool:
        """Are all ``entries`` an Act's generated short title ending in ``ending`` ("Bill", "Act")?"""
        return bool(entries) and all(e.kind == "act" and e.generated and e.name.endswith(ending) for e in entries)

    @staticmethod
    def _only(entries: list[Entry], fitting: set[str]) -> list[Entry]:
        """The entries of the one fitting id; none when no id or several fit."""
        return [e for e in entries if e.id in fitting] if len(fitting) == 1 else []

    def _bill_of_year(self, entries: list[Entry], year: int | None) -> list[Entry]:
        """A Bill's name several Acts bear ("Health and Social Care Bill": 2008, 2012) is the Act passed
        within BILL_YEARS of the text's year; without a year, or with none or several such Acts, none."""
        if year is None or not self._short_titles(entries, "Bill"):
            return []
        return self._only(entries, {e.id for e in entries if 0 <= self.years.get(e.id, -1) - year <= BILL_YEARS})

    def _act_of_year(self, entries: list[Entry], year: int | None) -> list[Entry]:
        """An Act's short title without its year, which several Acts bear ("Health and Social Care Act":
        2001, 2008, 2012), is the latest of them passed by the text's year: the one then in force under that
        name. Without a year, or with none passed by then, none."""
        if year is None or not self._short_titles(entries, "Act"):
            return []
        passed = {e.id: self.years[e.id] for e in entries if self.years.get(e.id, year + 1) <= year}
        latest = max(passed.values(), default=None)
        return self._only(entries, {i for i, y in passed.items() if y == latest})

    def _other_years_act(self, entry: Entry, tokens: list[Token], after: int) -> bool:
        """Is an Act's short title without its year ("Health Act") followed by another year ("Health Act
        2006", when the data holds only the Health Act 1999)? Then the text names another Act."""
        if not self._short_titles([entry], "Act") or after >= len(tokens):
            return False
        year = tokens[after].text
        return bool(YEAR.fullmatch(year)) and self.years.get(entry.id) != int(year)

    @staticmethod
    def _choose(entries: list[Entry]) -> list[Entry]:
        """Curated names win; a generated name links only when it fits exactly one entity
        ("Health and Social Care Act" fits the 2008 and the 2012 Act, so it links to neither)."""
        curated = [e for e in entries if not e.generated]
        if curated:
            return curated
        if len({e.id for e in entries}) > 1:
            # A title's head ("Health and Care Bill — Decline Second Reading") names what the document
            # is about; it yields to the Act or body that the same words name ("Health and Care Bill").
            entries = [e for e in entries if e.kind not in TITLE_HEAD_KINDS] or entries
        return entries if len({e.id for e in entries}) == 1 else []

    def _accept(self, entry: Entry, surface: list[Token], sentence_start: bool) -> bool:
        text = " ".join(t.text for t in surface)
        if entry.acronym:
            # Written with the same capitals, a plural apart ("CCGs", "ICBS" in a capitalised heading), but
            # never shorter: "AC" is not "ACS", whose S the plural-insensitive lookup would read as a plural.
            letters, own = _acronym_letters(text), _acronym_letters(entry.name)
            return letters.isupper() and letters in (own, own + "S")
        if len(surface) == 1:
            # One ordinary word ("Monitor") only as a proper name, and not a capitalised sentence opener.
            return surface[0].text[:1].isupper() and (not sentence_start or surface[0].text == entry.name)
        if entry.kind != "org_type" and entry.name[:1].isupper() and surface[0].text[:1].islower():
            return False  # proper names and titles are written with a capital: "five changes" is not "Five changes"
        content = [w for w in tokenize(entry.name) if w.key not in _NAME_LINKS]
        if entry.kind in ("organisation", "document") and not entry.name.isupper() and len(content) < LOWER_CASE_WORDS:
            # An organisation or title whose name is a common phrase keeps its capitals: "NHS providers" (any
            # providers) is not NHS Providers, "Integrating care makes a difference" is not the paper
            # "Integrating Care"; a longer name is its own ("the NHS commissioning board").
            # Aligned from the end: a leading "The" is not in the text.
            for word, written in zip(reversed(tokenize(entry.name)), reversed(surface), strict=False):
                if word.text[:1].isupper() and word.key not in _NAME_LINKS and written.text.islower():
                    return False
        return True

    def find(self, text: str, start: int = 0, end: int | None = None, exclude: frozenset[str] = frozenset(),
             year: int | None = None) -> list[Mention]:
        """Known entities named in ``text[start:end]``, longest match first, never overlapping.
        ``exclude``: ids never linked (an article does not name itself: its title is someone else's).
        ``year``: when the text was written, which tells apart Bills that several Acts were named after."""
        tokens = tokenize(text, start, end)
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            matched = False
            for length in (n for n in self.starts.get(singular(tokens[i].key), ()) if n <= len(tokens) - i):
                window = tokens[i : i + length]
                entries = self.entries.get(_key(window))
                if not entries:
                    continue
                sentence_start = i == 0 or tokens[i - 1].text in ".!?\n"
                candidates = [e for e in entries if e.id not in exclude and self._accept(e, window, sentence_start)
                              and not (i > 0 and _other_first_name(e, window, tokens[i - 1]))
                              and not _surname_in_a_name(e, window, tokens[i + length] if i + length < len(tokens) else None)
                              and not _tail_of_longer_title(e, text, tokens, i)
                              and not self._other_years_act(e, tokens, i + length)]
                accepted = self._choose(candidates) or self._bill_of_year(candidates, year) or self._act_of_year(candidates, year)
                if accepted:
                    found.append(self._mention(text, window, accepted))
                elif year is None and self._same_titled_acts(candidates):
                    found.append(self._undated_act(text, window, candidates))
                else:
                    continue
                i += length
                matched = True
                break
            if not matched:
                i += 1
        return found

    def _same_titled_acts(self, entries: list[Entry]) -> bool:
        """Do these entries all stand for Acts (or their Bills) sharing a short title, several of them?"""
        return len({e.id for e in entries}) > 1 and all(e.kind == "act" and e.generated and e.id in self.years for e in entries)

    def _undated_act(self, text: str, window: list[Token], entries: list[Entry]) -> Mention:
        """"The Health and Social Care Act" in a text of unknown date, so no year tells which: a mention of the
        latest Act of that title (the one a reader most likely means), listing all of them as candidates,
        with low confidence. Not a new entity: the data holds every Act of that title."""
        ids = sorted({e.id for e in entries}, key=lambda i: self.years[i], reverse=True)
        s, e = window[0].start, window[-1].end
        return Mention(s, e, text[s:e], ids[0], "act", self.labels[ids[0]], True, "undated-act-title", UNDATED_ACT_CONFIDENCE, ids)

    def _mention(self, text: str, window: list[Token], entries: list[Entry]) -> Mention:
        # Curated ids before namespaced reference ids (ods/...), then by the kind a reader most likely means.
        ids = sorted({e.id for e in entries}, key=lambda i: ("/" in i, KIND_PRIORITY.index(self.kinds[i]) if self.kinds[i] in KIND_PRIORITY else 99, i))
        best = next(e for e in entries if e.id == ids[0])
        confidence = 0.95 if len(ids) == 1 else 0.5
        if best.generated:
            confidence -= 0.1
        s, e = window[0].start, window[-1].end
        return Mention(s, e, text[s:e], best.id, best.kind, best.label, True, "generated-name" if best.generated else "gazetteer",
                       round(confidence, 2), ids if len(ids) > 1 else [])


_ACT = re.compile(r"^(?P<title>.+?\bAct)\s+(?P<year>\d{4})$")
# The sector (schema/vocabulary.yaml) of central government: a department's own text speaks for it.
GOVERNMENT_SECTOR = "government"
# Abbreviations a body's or form's name opens with, and the words they stand for.
LONG_FORMS = {"UK ": "United Kingdom ", "NHS ": "National Health Service "}
_PLURAL_POSSESSIVE = re.compile(r"(\w{3,}s)['’](?=\s)")
FOUNDATION_TRUST = " NHS Foundation Trust"
TRUST_LONG_FORMS = {" NHS Trust": " National Health Service Trust", " NHS Foundation Trust": " National Health Service Foundation Trust"}


def informal_names(kind: str, label: str, year: int | None = None) -> list[str]:
    """Names people use informally, by rule from the label (checked for uniqueness by the caller)."""
    names: list[str] = []
    if kind == "act":
        match = _ACT.match(label.strip())
        if match:
            title, act_year = match.group("title"), match.group("year")
            bill = title[: -len("Act")] + "Bill"  # articles are written while an Act is still a Bill
            names += [f"{act_year} Act", f"{act_year} {title}", f"{title} of {act_year}", f"{title} ({act_year})",
                      f"{title} in {act_year}", title, bill]
            # Acts are titled in full, people shorten them: "the NHS Act", "the NHS Reform and Health Care
            # Professions Bill" for "the National Health Service Reform and Health Care Professions Act 2002".
            for short, long in LONG_FORMS.items():
                if title.startswith(long):
                    names += [short + name[len(long):] for name in (f"{title} {act_year}", title, bill)]
        elif year:
            names.append(f"{year} Act")
    elif kind in ("document", "proposal"):
        head = re.split(r"[:–—]|\s-\s", label, maxsplit=1)[0].strip()
        if head != label.strip() and len(head.split()) >= 2:
            names.append(head)
    elif kind == "organisation":
        names += _organisation_names(label)
    if kind in ("organisation", "org_type"):
        # The long form official texts (and older Hansard) use: "United Kingdom Health Security Agency",
        # "National Health Service Trust Development Authority", "National Health Service trusts".
        # Not for local bodies ("NHS Barnsley CCG", "NHS Example ICB - 99X"), which nobody spells out.
        if not (_NHS_FORM.match(label.strip()) or " - " in label):
            names += [long + label[len(short):] for short, long in LONG_FORMS.items() if label.startswith(short)]
        # A trust's legal name in its establishment order: "Isle of Wight National Health Service Trust"
        names += [label.replace(short, long) for short, long in TRUST_LONG_FORMS.items() if short in label]
        # A foundation trust was an NHS trust first, under the same code, and is still often called one
        # ("Northumbria Healthcare NHS Trust"); the name is only taken if no other body bears it.
        if label.endswith(FOUNDATION_TRUST):
            names.append(label[: -len(FOUNDATION_TRUST)] + " NHS Trust")
    elif kind == "person":
        parts = label.split()
        if len(parts) >= 2 and len(parts[-1]) >= 4 and parts[-1][:1].isupper():
            names.append(parts[-1])
    # A plural possessive is often written without its apostrophe: "patients forums" for "patients' forums".
    names += [_PLURAL_POSSESSIVE.sub(r"\1", name) for name in [label, *names] if _PLURAL_POSSESSIVE.search(name)]
    return names


def _other_first_name(entry: Entry, window: list[Token], before: Token) -> bool:
    """Is a person's surname alone ("Marshall", generated from "Martin Marshall") preceded by another first
    name ("Mr. Jim Marshall")? Then it is someone else: the same person's full name would have matched.
    A first name with the same initial may be a misspelling ("Sir Malcom Grant" for Malcolm Grant)."""
    word = before.text.rstrip(".")
    if not (entry.generated and entry.kind == "person" and len(window) == 1 and word[:1].isupper()
            and word.isalpha() and word not in honorifics()):
        return False
    own = first_name(entry.label)
    return own is None or word[:1] != own[:1]


def _surname_in_a_name(entry: Entry, window: list[Token], after: Token | None) -> bool:
    """Is a person's surname alone ("Ashworth", generated from "Jon Ashworth") the first word of a body's or a
    document's name ("Ashworth Hospital Authority", "the Griffiths Report")? Then it names that, not the person."""
    return (entry.generated and entry.kind == "person" and len(window) == 1 and after is not None
            and after.text in NAME_HEADS)


# A year an Act may bear, written as a word: "Health Act 2006".
YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")


def _tail_of_longer_title(entry: Entry, text: str, tokens: list[Token], i: int) -> bool:
    """Is an Act's or Bill's name at ``i`` ("Care Act", "Health Act") the end of a longer capitalised title
    the data does not hold ("Health and Social Care Act", "Public Involvement in Health Act 2007")? Then it
    names another Act. A capitalised word right before it, or one before a linking word ("in", "and"),
    makes it a tail; "the" or "a" before it (sentence-initial "Under the Health Act") or a line break
    (a heading above it) does not."""
    if entry.kind != "act" or i == 0:
        return False
    before = tokens[i - 1]
    if "\n" in text[before.end:tokens[i].start]:
        return False
    if before.key in ("the", "a", "an"):
        return False
    if before.key in _NAME_LINKS:
        if i < 2 or "\n" in text[tokens[i - 2].end:before.start]:
            return False
        before = tokens[i - 2]
    return before.text[:1].isupper() and before.text.isalpha() and before.key not in _NAME_LINKS


# Local systems are written by place: the reference layer's "Surrey Heartlands Health and Care Partnership"
# (an STP that became an ICS) is "Surrey Heartlands ICS" in prose, and "NHS Surrey Heartlands ICB" is
# "Surrey Heartlands ICB". A bracketed phrase in a label ("West Yorkshire and Harrogate (Health and Care
# Partnership)") is read without its brackets.
_BRACKETED_PHRASE = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<tail>[^()]*\s[^()]*)\)$")
_PARTNERSHIP = re.compile(r"^(?P<place>.+?)\s+Health and Care Partnership$")
_NHS_FORM = re.compile(r"^NHS\s+(?P<place>.+?\s(?:ICB|CCG))$")


def _organisation_names(label: str) -> list[str]:
    """Place-based names of local bodies (see the patterns above); each needs a place of two or more letters."""
    names: list[str] = []
    bracketed = _BRACKETED_PHRASE.match(label.strip())
    full = f"{bracketed.group('head')} {bracketed.group('tail')}" if bracketed else label.strip()
    if bracketed:
        names.append(full)
    partnership = _PARTNERSHIP.match(full)
    if partnership:
        names.append(f"{partnership.group('place')} ICS")
    nhs_form = _NHS_FORM.match(full)
    if nhs_form:
        names.append(nhs_form.group("place"))
    return names
