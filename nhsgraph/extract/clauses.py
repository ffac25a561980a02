"""What surrounds a cue: clause limits, voice, modality, negation and who is speaking.

Each function works on one sentence's tokens and answers one question about a cue, so the
rules can be tested on short sentences and read on their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from nhsgraph.extract.cues import COPULAS, VERB, CueHit, Lexicon, lexicon_data
from nhsgraph.extract.mentions import Mention, Token

CLAUSE_MARKS = {";", ":", "–", "—", "(", ")", "?", "!"}
CLAUSE_WORDS = {"but", "while", "whereas", "although", "though", "however", "which", "whilst"}
FIRST_PERSON = {"we", "i", "us", "our", "my"}
_ADVERB_SKIP = {"also", "then", "now", "already", "not", "still", "being", "to", "soon", "effectively", "quickly", "largely", "finally", "eventually", "hereby", "thereby"}
# "A, the B and the C": a list of names may repeat its article.
COORDINATION = {",", "and", "or", "&", "as", "well", "the"}


def clause_ids(tokens: list[Token], text: str) -> list[int]:
    """A clause number for each token: clauses break at ; : dashes and ', but/while/which'; a bracketed
    aside is a clause of its own, and the clause it interrupts resumes after it ("X (the agency) took on Y")."""
    ids: list[int] = []
    clause = fresh = 0
    stack: list[int] = []
    for i, token in enumerate(tokens):
        dash = token.text == "-" and 0 < i and tokens[i - 1].end < token.start  # " - " used as a dash
        if token.text == "(":
            stack.append(clause)
            fresh += 1
            clause = fresh
        elif token.text == ")" and stack:
            ids.append(clause)
            clause = stack.pop()
            continue
        elif token.text in CLAUSE_MARKS or dash or token.key in CLAUSE_WORDS and i > 0 and tokens[i - 1].text == ",":
            fresh += 1
            clause = fresh
        elif token.key == "that" or (token.key.endswith("ing") and i > 0 and tokens[i - 1].text == ","):
            fresh += 1  # "warning that ...", ", arguing ...": reported content is a clause of its own
            clause = fresh
        ids.append(clause)
    return ids


@dataclass
class Span:
    """A mention located by token indices in the sentence."""

    mention: Mention
    first: int
    last: int  # index after the last token


def locate(mentions: list[Mention], tokens: list[Token]) -> list[Span]:
    """Mentions as token spans. A name restated in brackets ("Primary Care Trusts (PCTs)") is one span
    with it, so a list goes on after the brackets ("abolish A (AA) and B (BB)")."""
    spans: list[Span] = []
    for mention in mentions:
        inside = [i for i, t in enumerate(tokens) if t.start >= mention.start and t.end <= mention.end]
        if not inside:
            continue
        first, last = inside[0], inside[-1] + 1
        if (spans and spans[-1].mention.id == mention.id and spans[-1].last == first - 1 and tokens[first - 1].text == "("
                and last < len(tokens) and tokens[last].text == ")"):
            spans[-1].last = last + 1
            continue
        spans.append(Span(mention, first, last))
    return spans


def _possessive_pronoun(span: Span, tokens: list[Token]) -> bool:
    return span.mention.rule == "pronoun" and tokens[span.first].key in lexicon_data().get("anaphora", {}).get("possessive", {})


# The longest bracketed aside a list member may carry: "OHID (in DHSC)", "NHS England (from July)".
ASIDE_WORDS = 5


def _after_aside(tokens: list[Token], i: int) -> int:
    """The token after a short bracketed aside starting at ``i``; ``i`` itself if none starts there. An
    aside opens with a lower-case word ("(in DHSC)"); a bracketed name ("(NHSE)") restates a name."""
    if i + 1 < len(tokens) and tokens[i].text == "(" and tokens[i + 1].text[:1].islower():
        close = next((j for j in range(i + 1, min(i + ASIDE_WORDS + 2, len(tokens))) if tokens[j].text == ")"), None)
        if close is not None:
            return close + 1
    return i


def _coordinated(spans: list[Span], tokens: list[Token], anchor: Span, backwards: bool) -> list[Span]:
    """The anchor and the mentions listed with it ("A, B and C"). A comma alone joins two names only
    inside a list that an "and"/"or" closes ("According to X, Y replaced Z" names one doer, Y)."""
    ordered = sorted(spans, key=lambda s: s.first)
    candidates = [s for s in reversed(ordered) if s.last <= anchor.first] if backwards else [s for s in ordered if s.first >= anchor.last]
    group, current, closed = [anchor], anchor, False
    links: list[bool] = []  # does each link contain and/or?
    for span in candidates:
        end = current.last if backwards else _after_aside(tokens, current.last)
        if not backwards and span.first < end:
            continue  # a name inside a bracketed aside: "OHID (in DHSC), NHS England"
        gap = range(span.last, current.first) if backwards else range(end, span.first)
        words = [tokens[i].key for i in gap]
        if not words or not all(w in COORDINATION for w in words) or _possessive_pronoun(span, tokens):
            break  # "under the Act, and its functions were ...": "its" owns the next noun, it is no list member
        conjunction = any(w in ("and", "or", "&") for w in words)
        if backwards and not conjunction and not closed:
            break
        closed = closed or conjunction
        group.append(span)
        links.append(conjunction)
        current = span
    if not backwards:
        continues = group[-1].last < len(tokens) and tokens[group[-1].last].key in ("and", "or")
        while links and not links[-1] and not continues:  # "A, B and the rest of C": still a list
            links.pop()
            group.pop()
    return group


def before(spans: list[Span], tokens: list[Token], clauses: list[int], index: int, *, fallback: bool) -> tuple[list[Span], bool]:
    """Mentions just before token ``index`` in its clause (or, with ``fallback``, in the sentence).
    Returns (mentions, found in the same clause)."""
    same = [s for s in spans if s.last <= index and clauses[s.first] == clauses[index]]
    if same:
        return _coordinated(spans, tokens, max(same, key=lambda s: s.last), backwards=True), True
    if fallback:
        earlier = [s for s in spans if s.last <= index]
        if earlier:
            return _coordinated(spans, tokens, max(earlier, key=lambda s: s.last), backwards=True), False
    return [], False


def after(spans: list[Span], tokens: list[Token], clauses: list[int], index: int) -> list[Span]:
    """The first mention after token ``index`` in its clause, with those listed with it."""
    later = [s for s in spans if s.first >= index and clauses[s.first] == clauses[min(index, len(clauses) - 1)]]
    if not later:
        return []
    return _coordinated(spans, tokens, min(later, key=lambda s: s.first), backwards=False)


def first_person_before(tokens: list[Token], clauses: list[int], index: int) -> bool:
    """Is the doer "we" or "I" (the article's author)?"""
    window = [i for i in range(max(0, index - 8), index) if clauses[i] == clauses[index]]
    return any(tokens[i].key in FIRST_PERSON for i in window)


def government_voice(tokens: list[Token], clauses: list[int], index: int, hits: list[CueHit], spec_key: str = "government_voice") -> bool:
    """Is the cue at ``index`` done by "we" or "I" with only the lexicon's ``government_voice`` words
    between ("we will also abolish X"), or does it share such a cue's subject ("we will abolish X and
    establish Y")? Unlike ``first_person_before``, "we will encourage staff to set up X" is not: someone
    else does it."""
    spec = lexicon_data().get(spec_key, {})
    base = lexicon_data().get("government_voice", {})
    subjects = set(spec.get("subjects", []))
    between = set(base.get("between", [])) | set(spec.get("between", []))  # another voice adds to the between words
    i = index - 1
    while i >= 0 and clauses[i] == clauses[index] and (tokens[i].key in between or tokens[i].key.endswith("ly")):
        i -= 1
    if i < 0 or clauses[i] != clauses[index]:
        return False
    if tokens[i].key == "and":  # "... abolish X and establish Y": the verb before shares the subject
        before = [h for h in hits if h.last <= i and h.form.relation and clauses[h.first] == clauses[index]]
        return bool(before) and government_voice(tokens, clauses, before[-1].first, hits, spec_key)
    return tokens[i].key in subjects


def noun_compound(tokens: list[Token], hit: CueHit) -> bool:
    """"commissioning support units", "funding support": a verb cue in its bare form right after a word in
    -ing (other than "being") is a noun in a compound, not a verb with a doer before it."""
    if hit.form.role != VERB or hit.form.words[0] != hit.form.lemma.split()[0] or hit.first == 0:
        return False
    before = tokens[hit.first - 1].key
    return len(before) > 4 and before.endswith("ing") and before != "being"


def is_passive(hit: CueHit, tokens: list[Token]) -> bool:
    """"is replaced", "would be abolished", "has been merged" or a participle followed by "by" ("taken over by")."""
    if not hit.form.participle:
        return False
    if hit.form.words[-1] in ("into", "with", "to", "from") and by_agent_index(hit, tokens) is None:
        return False  # "was merged into X": the patient is the grammatical subject, X the object
    i = hit.first - 1
    while i >= 0 and (tokens[i].key in _ADVERB_SKIP or tokens[i].key.endswith("ly")):
        i -= 1
    if i >= 0 and tokens[i].key in COPULAS:  # "was abolished", "became established"
        return True
    return by_agent_index(hit, tokens, strict=True) is not None  # "a report published by X"


def by_agent_index(hit: CueHit, tokens: list[Token], strict: bool = False) -> int | None:
    """Index of the token after "by" (or another agent marker of the lexicon: "under" an Act) when it
    follows the cue closely. Unless ``strict``, also after the markers that need a form of be before the
    verb to mark a passive ("became established through the Act", not "the reforms introduced through it")."""
    keys = [t.key for t in tokens]
    names = lexicon_data().get("agent_markers", ["by"]) + ([] if strict else lexicon_data().get("agent_markers_after_be", []))
    markers = [tuple(m.split()) for m in names]
    before_provision = set(lexicon_data().get("agent_markers_before_provision", []))
    provisions = set(lexicon_data().get("provisions", []))
    start = _after_date(keys, hit.last)  # "were abolished on 1 April 2013 under the Act"
    for i in range(start, min(start + 3, len(tokens))):
        found = next((m for m in markers if tuple(keys[i:i + len(m)]) == m), None)
        if found:
            return i + len(found)
        if keys[i] in before_provision and i + 1 < len(keys) and keys[i + 1] in provisions:
            return i + 1
        if tokens[i].text in CLAUSE_MARKS or tokens[i].text == ",":
            return None
    return None


MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                     "november", "december"})


def _after_date(keys: list[str], i: int) -> int:
    """The index after a date phrase starting at ``i`` ("on 1 April 2013", "in 2013", "from July 2022"), else ``i``."""
    if i >= len(keys) or keys[i] not in ("on", "in", "from"):
        return i
    j = i + 1
    while j < len(keys) and (keys[j].isdigit() or keys[j] in MONTHS):
        j += 1
    return j if j > i + 1 and any(keys[k].isdigit() and len(keys[k]) == 4 for k in range(i + 1, j)) else i


def _phrase_at(keys: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(keys[i : i + len(phrase)]) == phrase


def participial(tokens: list[Token], clauses: list[int], index: int) -> bool:
    """Is the cue an -ing form opening a clause after a comma ("..., bringing together A and B")?
    Such a clause describes what precedes it, so its doer and its modality come from there."""
    return index > 0 and tokens[index].key.endswith("ing") and tokens[index - 1].text == "," and clauses[index] != clauses[index - 1]


def modality(lexicon: Lexicon, tokens: list[Token], clauses: list[int], index: int) -> str | None:
    """The status a modal or hedge before the cue gives its claim: proposed, announced, predicted or None."""
    keys = [t.key for t in tokens]
    scope = {clauses[index], clauses[index] - 1} if participial(tokens, clauses, index) else {clauses[index]}
    window = [i for i in range(max(0, index - 10), index) if clauses[i] in scope]
    for i in reversed(window):
        for status, phrases in lexicon.modality:
            for phrase in phrases:
                words = tuple(phrase.replace("'", " ' ").split())
                if _phrase_at(keys, i, words):
                    return status
    if keys and keys[0] == "if":
        return "predicted"
    return None


def negated(lexicon: Lexicon, tokens: list[Token], clauses: list[int], index: int) -> bool:
    """A negation in the few words before the cue, in its clause ("will not abolish", "won't replace")."""
    keys = [t.key for t in tokens]
    window = [i for i in range(max(0, index - 4), index) if clauses[i] == clauses[index]]
    for i in window:
        if keys[i] == "t" and i >= 2 and keys[i - 1] == "'" and keys[i - 2].endswith("n"):
            return True
        if any(_phrase_at(keys, i, phrase) for phrase in lexicon.negation):
            return True
    return False


def label_status(tokens: list[Token]) -> str | None:
    """The status a sentence's label gives what follows it: "Proposal: X to replace Y" is proposed."""
    colon = next((i for i, t in enumerate(tokens[:5]) if t.text == ":"), None)
    if colon is None:
        return None
    words = {t.key for t in tokens[:colon]}
    return next((status for status, labels in lexicon_data().get("labels", {}).items() if words & set(labels)), None)


def headline_future(tokens: list[Token], spans: list[Span], index: int) -> bool:
    """"ICBs to replace CCGs", "NHS England to be abolished": a name, "to" and the verb, the way
    headlines state what is going to happen."""
    i = index - 1
    if i >= 0 and tokens[i].key == "be":
        i -= 1
    return i >= 1 and tokens[i].key == "to" and any(sp.last == i for sp in spans)


def provision_subject(tokens: list[Token], index: int, title: str) -> bool:
    """Does the sentence open with a provision or instrument as the subject of the cue at ``index``
    ("This section establishes", "Subsection (3) abolishes", "This Order provides for the establishment of")?
    The lexicon's ``provision_subjects``: only the provision's label and "provides for" may stand between.
    ``title``: the name of the instrument the text is about; "This Order" must be one ("... Order 2001")."""
    spec = lexicon_data().get("provision_subjects", {})
    i = 0
    while i < index and (tokens[i].text in ("(", ")") or _label(tokens[i].text)):
        i += 1  # a list item's label: "(a)"
    if i < index and tokens[i].key in spec.get("determiners", []):
        i += 1
    instrument = i < index and tokens[i].key in spec.get("instruments", []) and tokens[i].key in title.casefold().split()
    if i >= index or not (tokens[i].key in spec.get("words", []) or instrument):
        return False
    between = tokens[i + 1:index]
    bridge = set(spec.get("bridge", []))
    return len(between) <= int(spec.get("reach", 0)) and all(t.key in bridge or _label(t.text) for t in between)


def _label(word: str) -> bool:
    """A provision's number or letter: "3", "1I", "2A", "a", "iv"."""
    return any(c.isdigit() for c in word) or (len(word) <= 3 and word.isalpha() and (len(word) == 1 or set(word.lower()) <= set("ivx")))
