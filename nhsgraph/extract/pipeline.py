"""Extract entities and candidate claims from one article: the Python API behind ``nhsgraph extract``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from nhsgraph.extract.claims import Claim, Party, Voice, extract_claims, says_enacted
from nhsgraph.extract.combined import split_joint_names
from nhsgraph.extract.defined import with_defined_terms
from nhsgraph.extract.described import stand_ins
from nhsgraph.extract.forms import without_single_bodies
from nhsgraph.extract.gazetteer import Gazetteer
from nhsgraph.extract.grounding import claim_groundings
from nhsgraph.extract.instrument import EXPLAINED_RULE, explained_instrument, own_instrument, says_itself
from nhsgraph.extract.mentions import Mention, slug
from nhsgraph.extract.named import parsed_names
from nhsgraph.extract.newentities import find_new, merge_mentions
from nhsgraph.extract.parse import parse
from nhsgraph.extract.placeforms import place_form_mentions
from nhsgraph.extract.posts import bare_posts, find_posts, home_department, ministry
from nhsgraph.extract.sentences import Sentence, split_sentences
from nhsgraph.extract.shortnames import with_short_names
from nhsgraph.extract.tails import with_name_tails
from nhsgraph.extract.text import ArticleText, read_article
from nhsgraph.extract.turns import Turn, find_turns, speaker_mentions


@dataclass
class ArticleInfo:
    """What the user tells us about the article (all optional)."""

    document_id: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    url: str | None = None
    file: str | None = None


@dataclass
class Extraction:
    """Everything found in one article."""

    document: Party
    document_known: bool
    info: ArticleInfo
    authors: list[Party]
    article: ArticleText
    sentences: list[Sentence]
    mentions: list[Mention]
    claims: list[Claim]

    def new_entities(self) -> list[Party]:
        """Entities named in the article, or as its authors, that the dataset does not hold (one per id)."""
        seen: dict[str, Party] = {}
        for party in [*self.authors, *(Party.of(m) for m in self.mentions)]:
            if not party.known and party.id not in seen and party.id != self.document.id:
                seen[party.id] = party
        return list(seen.values())

    def sentence_of(self, offset: int) -> Sentence | None:
        return next((s for s in self.sentences if s.start <= offset < s.end), None)


def split_authors(values: list[str]) -> list[str]:
    """``--author "A and B"`` or ``--author A --author B`` (commas and "and" separate names)."""
    names: list[str] = []
    for value in values:
        names += [n.strip() for n in re.split(r",|\s+and\s+|\s*&\s*", value) if n.strip()]
    return names


def _party_for(name: str, gazetteer: Gazetteer, default_kind: str) -> Party:
    if name in gazetteer.kinds:
        return Party(name, gazetteer.labels[name], gazetteer.kinds[name], True)
    found = gazetteer.find(name)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(name.strip()):
        mention = found[0]
        return Party(mention.id, mention.label, mention.kind, True)
    return Party(slug(name), name, default_kind, False)


# A dateline near the top of a page ("1 February 2011", "Date Published: 30 March 2023").
_DATELINE = re.compile(r"\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<year>\d{4})\b")
DATELINE_CHARS = 400


def article_year(info: ArticleInfo, text: str) -> int | None:
    """When the article was written: ``--date``, else a full date in its title ("Health and Social Care
    Bill (Hansard, Commons, second reading, 26 November 2007)") or in its opening lines (news pages and
    reports print one under the title), else unknown."""
    if info.date and re.match(r"\d{4}", info.date):
        return int(info.date[:4])
    match = _DATELINE.search(info.title or "") or _DATELINE.search(text[:DATELINE_CHARS])
    return int(match.group("year")) if match else None


def _repeat_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Later mentions of a new entity, found by its name once the article has introduced it (in quotes, say)."""
    local = Gazetteer()
    for mention in mentions:
        if not mention.known:
            local.add(mention.id, mention.kind, mention.label, mention.text)
    found = local.find(text)
    for mention in found:
        mention.known, mention.rule, mention.confidence = False, "repeated-new-name", 0.5
    return found


# Where a title's head ends: "Health Act 1999: Explanatory Notes, background: the ... Act 1990".
_TITLE_HEAD_END = re.compile(r":|\s[–—-]\s")


def _titled_act(title: str, gazetteer: Gazetteer, year: int | None) -> Party | None:
    """The one Bill, Act or instrument a text's title names (a debate's "X Bill, second reading"), known or
    new; when the title names several, the one in its head, before the first colon or dash ("Health Act
    1999: Explanatory Notes, background: the National Health Service and Community Care Act 1990")."""
    acts = [m for m in merge_mentions(gazetteer.find(title, year=year), find_new(title)) if m.kind == "act"]
    if len({m.id for m in acts}) > 1:
        head = _TITLE_HEAD_END.search(title)
        acts = [m for m in acts if m.end <= (head.start() if head else len(title))]
    if len({m.id for m in acts}) != 1:
        return None
    return Party(acts[0].id, acts[0].label, acts[0].kind, acts[0].known, written=acts[0].text)


def _member(turn: Turn, mentions: list[Mention]) -> Party | None:
    """The party a speaker line names: the mention on it (linked, or the speaker's new name)."""
    on_line = next((m for m in mentions if m.meets(turn.name_start, turn.name_end) and m.kind == "person"), None)
    return Party.of(on_line) if on_line is not None else None


def extract_text(article: ArticleText, gazetteer: Gazetteer, info: ArticleInfo, parser: bool = True) -> Extraction:
    """Entities and claims in an article's text, attributed to its author unless someone else is quoted.
    ``parser=False`` leaves the English pipeline out: new names by their shape alone, a verb's parties
    by the surface rules alone (the benchmark's comparison, and a way round a broken install)."""
    title = info.title or (Path(info.file).stem.replace("-", " ").replace("_", " ") if info.file else "untitled article")
    if info.document_id and info.document_id in gazetteer.kinds:
        document = Party(info.document_id, gazetteer.labels[info.document_id], gazetteer.kinds[info.document_id], True)
    elif info.document_id:
        document = Party(info.document_id, title, "document", False)
    else:
        document = _party_for(title, gazetteer, "document")
        if document.kind != "document":
            document = Party(slug(title), title, "document", False)
    names = split_authors(info.authors) or gazetteer.authors.get(document.id, [])  # the data knows who wrote it
    authors = [_party_for(name, gazetteer, "person") for name in names]
    text = article.text
    sentences = split_sentences(text)
    year = article_year(info, text)
    known = without_single_bodies(text, gazetteer.find(text, exclude=frozenset({document.id}), year=year))
    mentions = merge_mentions(known, find_new(text))
    mentions = merge_mentions(mentions, place_form_mentions(text, mentions))  # "the Yorkshire regional health authority"
    posts = find_posts(text, gazetteer)
    parsed = parse(text) if parser else None
    if parsed is not None:
        mentions = merge_mentions(mentions, parsed_names(parsed, [*mentions, *posts]))
    turns = find_turns(text, parsed)
    mentions = merge_mentions(mentions, speaker_mentions(text, turns, mentions))
    mentions = merge_mentions(mentions, _repeat_mentions(text, mentions))
    mentions = with_short_names(text, mentions)  # "Dr Dash" after "Dr Penny Dash"
    mentions = split_joint_names(text, sentences, mentions, gazetteer, year)  # "NHS England and NHS Improvement would be merged"
    mentions = with_defined_terms(text, mentions)  # "the BSA" after "... Authority (“the BSA”)"
    mentions = with_name_tails(mentions)  # "the Board Authority" after "the NHS Commissioning Board Authority"
    mentions = [m for m in mentions if m.id != document.id or m.known]
    mentions, described = stand_ins(text, mentions)  # "a single organisation": no new entity; maybe "this new X"
    posted = ministry(posts)
    department = Party.of(posted) if posted is not None else None
    if department is None and len(authors) == 1 and authors[0].known and authors[0].id in gazetteer.government:
        department = authors[0]  # a department's own page: its "we" and "the Government" are the department
    home = home_department(gazetteer, year) if department is None else None  # "the Department": the year's
    speaks_of = department or home
    bare = bare_posts(text, speaks_of, [*mentions, *posts]) if speaks_of is not None else []
    described += bare
    instrument = own_instrument(text, mentions)  # "This Order may be cited as ...": the text is the Order
    titled = _titled_act(title, gazetteer, year)
    if instrument is None:  # an explanatory note: "This Order establishes X" is the Order's doing, where it says so
        mentions = merge_mentions(mentions, explained_instrument(text, sentences, titled, document))
    voice = Voice(Party.of(instrument) if instrument is not None else document, tuple(authors),
                  performative=document.id in gazetteer.legal or instrument is not None, proposing=document.id in gazetteer.proposing,
                  enacted=says_enacted(text), ministry=department, titled=titled, home=home,
                  governing=frozenset(gazetteer.government))
    members = [(turn.start, turn.end, member) for turn in turns if (member := _member(turn, mentions)) is not None]
    claims, descriptions = extract_claims(text, sentences, mentions, voice, described, posts, members, parsed)
    explained = {(m.start, m.end) for m in mentions if m.rule == EXPLAINED_RULE}
    claims = [c for c in claims if (c.subject.start, c.subject.end) not in explained
              or says_itself(text, c.subject.end or 0, c.cue_start)]  # "This Order amends the Order which established X"
    mentions = sorted([*mentions, *descriptions], key=lambda m: m.start)  # "the Bill", "the Department" wherever said
    mentions = sorted([*mentions, *claim_groundings(text, claims, mentions, [*posts, *bare])], key=lambda m: m.start)  # "the body" a claim stands on
    return Extraction(document, document.known, info, authors, article, sentences, mentions, claims)


def extract_file(path: str | Path, gazetteer: Gazetteer, info: ArticleInfo | None = None, parser: bool = True) -> Extraction:
    """Read ``path`` (text, Markdown or HTML) and extract from it."""
    info = info or ArticleInfo()
    info.file = info.file or str(path)
    return extract_text(read_article(path), gazetteer, info, parser)
