"""Who takes part in a sentence's claims: parties, the article's own voice, and who is quoted.

Reported speech ("X argues", "X ..., warning that", "according to X") names the party a
claim is attributed to; without it, the article's authors speak.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nhsgraph.extract import clauses as cl
from nhsgraph.extract.anaphora import RULES
from nhsgraph.extract.cues import ATTRIBUTION, SPEECH, CueHit, lexicon, lexicon_data
from nhsgraph.extract.mentions import Mention, Token
from nhsgraph.extract.sentences import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

SPEAKER_KINDS = ("person", "organisation", "document")


@dataclass(frozen=True)
class Party:
    """A claim's subject, object or speaker: an entity id, with where it was named (if it was)."""

    id: str
    label: str
    kind: str
    known: bool
    start: int | None = None
    end: int | None = None
    resolved: bool = False  # named by a pronoun or description ("its", "the body"), not by a name
    written: str = field(default="", compare=False)  # the words that named it, through a pronoun ("the bill" for "It")

    @classmethod
    def of(cls, mention: Mention) -> Party:
        return cls(mention.id, mention.label, mention.kind, mention.known, mention.start, mention.end, mention.rule in RULES,
                   mention.written)


@dataclass(frozen=True)
class Voice:
    """Who speaks when nobody else is quoted: the article (a document) and its authors."""

    document: Party
    authors: tuple[Party, ...] = ()
    performative: bool = False  # legislation: what it says, it does ("Monitor is abolished.")
    proposing: bool = False  # a document that sets out a proposal: what "would" happen is proposed
    enacted: bool = False  # the article says its Bill became law: "the Bill" no longer only proposes
    ministry: Party | None = None  # the one department whose minister the text names by post: "we", "the Government"
    turn: Party | None = None  # the member whose contribution this is, in a debate record (nhsgraph.extract.turns)
    titled: Party | None = None  # the Bill or instrument the text's title names ("... Bill, second reading")
    home: Party | None = None  # the health department of the text's year: "the Department" when none is named
    governing: frozenset[str] = frozenset()  # ids of central government bodies: what they announce, they do

    @property
    def attribution(self) -> list[Party]:
        return [self.turn] if self.turn is not None else list(self.authors) or [self.document]

    @property
    def own(self) -> Party:
        """Who "I" and "we" are when nobody is quoted: the member speaking, else the article."""
        return self.turn or self.document


@dataclass
class SentenceView:
    sentence: Sentence
    tokens: list[Token]
    clauses: list[int]
    spans: list[cl.Span]
    hits: list[CueHit]
    bill: Party | None = None  # the Bill the text has named so far (a minister's "we will ..." is its content)
    quoted: list[Party] | None = None  # who speaks the paragraph after a "Jane Smith, Chair of X, said:" line
    doc: Doc | None = None  # the article as the English pipeline parsed it, when extraction uses it

    def parties(self, spans: list[cl.Span]) -> list[Party]:
        return [Party.of(s.mention) for s in spans]


def announcing(s: SentenceView) -> bool:
    """Does a committing speech verb (announce, confirm, pledge) introduce the sentence's content?"""
    return any(h.form.role == SPEECH and h.form.lemma in lexicon().announcing for h in s.hits)


def appositive_start(tokens: list[Token], index: int) -> int:
    """Where "Jane Smith, chief executive of NHS Providers, said" has its speaker: before the first comma."""
    if index > 0 and tokens[index - 1].text == ",":
        for i in range(index - 2, max(-1, index - 15), -1):
            if tokens[i].text == ",":
                return i
    return index


def unnamed_speaker(s: SentenceView) -> bool:
    """Is a speech verb's subject a group the text does not name ("Witnesses told us that ...")? The
    lexicon's ``unnamed_speakers``, just before the verb (a word or two may stand between: "Many witnesses")."""
    unnamed = set(lexicon_data().get("unnamed_speakers", []))
    for hit in s.hits:
        if hit.form.role != SPEECH or hit.form.gerund:
            continue
        before = [i for i in range(max(0, hit.first - 3), hit.first) if s.clauses[i] == s.clauses[hit.first]]
        if any(s.tokens[i].key in unnamed for i in before) and not any(sp.last == hit.first for sp in s.spans):
            return True
    return False


def find_speakers(s: SentenceView, voice: Voice) -> list[Party] | None:
    """The quoted party (reported speech, "according to"); None when the author speaks.
    The speaker's mentions are taken out of ``s.spans``: who speaks is not what is spoken about."""
    for hit in s.hits:
        if hit.form.role == SPEECH:
            if hit.form.gerund and not (hit.first > 0 and s.tokens[hit.first - 1].text == ","):
                continue  # "its thinking" is a noun; only ", warning that" reports speech
            if hit.form.gerund:  # "NHS Providers ..., warning that"
                found, _ = cl.before(s.spans, s.tokens, s.clauses, hit.first, fallback=True)
            else:
                anchor = appositive_start(s.tokens, hit.first)
                found, _ = cl.before(s.spans, s.tokens, s.clauses, anchor, fallback=False)
                gap = [t.text for t in s.tokens[found[0].last:anchor]] if found else []
                if len(gap) > 2 or "," in gap:
                    found = []  # "X was merged into NHS England, the government said": NHS England is not speaking
                if not found and cl.first_person_before(s.tokens, s.clauses, hit.first):
                    return None
        elif hit.form.role == ATTRIBUTION:
            found = cl.after(s.spans, s.tokens, s.clauses, hit.last)
        else:
            continue
        speakers = [p for p in s.parties(found) if p.kind in SPEAKER_KINDS]
        if speakers:
            s.spans = [sp for sp in s.spans if all(sp is not f for f in found)]
            authors = {voice.document.id, *(a.id for a in voice.authors), *([voice.turn.id] if voice.turn else [])}
            return None if all(p.id in authors for p in speakers) else speakers
    return None


def heading_speakers(s: SentenceView, voice: Voice, text: str) -> tuple[int, list[Party]] | None:
    """"Jane Smith, Chief Executive, X, said:" ending a line introduces the paragraph after it, which is the
    speaker's words (press releases and fact sheets quote supporters so). Returns where the line ends, and
    the speakers."""
    for hit in s.hits:
        if hit.form.role != SPEECH or hit.last >= len(s.tokens) or s.tokens[hit.last].text != ":":
            continue
        colon = s.tokens[hit.last].end
        rest = text[colon:s.sentence.end + 1] if hit.last + 1 < len(s.tokens) else text[colon:colon + 2]
        if not rest.lstrip(" \t").startswith("\n") and hit.last + 1 < len(s.tokens):
            continue
        line_start = text.rfind("\n", 0, s.tokens[hit.first].start) + 1
        on_line = [sp for sp in s.spans if sp.mention.start >= line_start and sp.last <= hit.first]
        if on_line and on_line[0].mention.kind == "person":  # the line opens with the speaker's name and posts
            return colon, [Party.of(on_line[0].mention)]
        view = SentenceView(s.sentence, s.tokens[:hit.last], s.clauses[:hit.last], [sp for sp in s.spans if sp.last <= hit.first],
                            [h for h in s.hits if h.last <= hit.last])
        speakers = find_speakers(view, voice)
        if speakers:
            return colon, speakers
    return None


def next_paragraph(text: str, end: int) -> tuple[int, int]:
    """(start, end) of the first non-blank line after ``end``: the words a "X said:" line introduces."""
    start = end
    while start < len(text) and text[start].isspace():
        start += 1
    stop = text.find("\n", start)
    return start, len(text) if stop < 0 else stop
