"""A verb cue's parties read from the dependency parse: its subject (through a relative clause,
coordination and control), its object, a passive's agent and the object of the preposition a
phrasal cue ends on ("merge into X").

The surface rules in ``nhsgraph.extract.arguments`` look for the nearest fitting name before and
after a cue. A relative pronoun defeats them: in "the Care Quality Commission, which brings together
the Healthcare Commission and ...", the word before "brings together" is "which", and the body it
stands for is before the comma. The parse says what "which" stands for, so it is asked when the
surface rules leave a side empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nhsgraph.extract import clauses as cl
from nhsgraph.extract.cues import AGENT_AFTER, VERB, CueHit, lexicon_data, provisions
from nhsgraph.vocabulary import vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from nhsgraph.extract.speakers import SentenceView

# Dependency labels of spaCy's English scheme (ClearNLP style).
SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
OBJECTS = ("dobj",)
# A verb that takes its subject from the verb it hangs on: "X created A and abolished B" (conj),
# "X plans to abolish B" (xcomp).
SHARES_SUBJECT = ("conj", "xcomp")
# "X was established in 2002, replacing Y": a participle clause with no subject of its own is done by
# the subject of the clause it hangs on (advcl).
PRESENT_PARTICIPLE = "VBG"
RELATIVE_TAGS = ("WDT", "WP", "WP$")
# How a list's later items hang on its first.
LISTED = ("conj", "appos")
PREPOSITIONS = ("prep", "agent", "dative")
# How far up the tree a verb may look for its subject: "X decided to propose to abolish Y" at most.
CLIMB = 4


def token_at(doc: Doc, offset: int) -> Token | None:
    """The token of ``doc`` starting at character ``offset`` (our tokens and spaCy's start together
    at every word; None where they do not)."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].idx == offset else None


def _subject_heads(verb: Token) -> tuple[list[Token], bool]:
    """The verb's grammatical subject and whether the verb is passive. A relative pronoun stands for
    the noun its clause modifies; a participle modifying a noun ("bodies established by X") has that
    noun as its (passive) subject."""
    passive = any(c.dep_ in ("auxpass", *PASSIVE_SUBJECTS) for c in verb.children)
    current = verb
    for _ in range(CLIMB):
        found = [c for c in current.children if c.dep_ in (*SUBJECTS, *PASSIVE_SUBJECTS)]
        if found:
            if current.dep_ == "relcl" and all(f.tag_ in RELATIVE_TAGS for f in found):
                return [current.head], passive
            return found, passive
        if current.dep_ == "acl" and current.tag_ == "VBN":
            return [current.head], True
        if (current.dep_ in SHARES_SUBJECT or current.dep_ == "advcl" and current.tag_ == PRESENT_PARTICIPLE) and current.head is not current:
            current = current.head
            continue
        break
    return [], passive


def _span_at(s: SentenceView, token: Token) -> cl.Span | None:
    """The named (or resolved) party whose mention covers ``token``."""
    start, end = token.idx, token.idx + len(token.text)
    return next((sp for sp in s.spans if sp.mention.start <= start and end <= sp.mention.end), None)


def _spread(heads: list[Token], s: SentenceView) -> list[Token]:
    """Each head and the heads listed with it: "A, B and C" is three parties (a list of names). The parser may hang the
    next item of a list on any word of a multi-word name ("the Commission for Social Care Inspection
    and the Mental Health Act Commission": on "Inspection"), or call it an apposition; both count."""
    out: list[Token] = []
    stack = list(heads)
    while stack:
        token = stack.pop(0)
        if token in out:
            continue
        out.append(token)
        span = _span_at(s, token)
        if span is None:
            continue  # a list goes on from a name; "work on a report, Title" is not a list of parties
        words = [t for t in token.doc if span.mention.start <= t.idx < span.mention.end]
        stack += [c for w in words for c in w.children if c.dep_ in LISTED]
    return out


def _provision_of(token: Token) -> Token:
    """"section 20 of the Act": the Act, whose provision it is (the lexicon's ``provisions``)."""
    if token.lower_ in provisions():
        of = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if of:
            return of[0]
    return token


def _under_an_act(verb: Token, s: SentenceView) -> list[Token]:
    """A passive's doer named by a marker other than "by" ("abolished under section 150 of the Act", "provided
    for in section 5 of the Act"):
    only an Act is a doer so (the lexicon's ``fronted_agents`` kinds); "under NHS England" is not."""
    markers = {m for m in lexicon_data().get("agent_markers", []) if " " not in m and m != "by"}
    before_provision = set(lexicon_data().get("agent_markers_before_provision", []))  # "in section 5 of the Act"
    kinds = set(lexicon_data().get("fronted_agents", {}).get("kinds", []))
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ == "prep" and (child.lower_ in markers or child.lower_ in before_provision):
            objects = [g for g in child.children if g.dep_ == "pobj" and (child.lower_ in markers or g.lower_ in provisions())]
            for named in (_provision_of(g) for g in objects):
                span = _span_at(s, named)
                if span is not None and span.mention.kind in kinds:
                    found.append(named)
    return found


def _spans_for(tokens: list[Token], s: SentenceView, kinds: tuple[str, ...]) -> list[cl.Span]:
    """The named (or resolved) parties whose mention covers one of ``tokens`` and may play the part."""
    found: list[cl.Span] = []
    for token in tokens:
        span = _span_at(s, token)
        if span is not None and span.mention.kind in kinds and span not in found:
            found.append(span)
    return found


def participle_clause(doc: Doc, s: SentenceView, hit: CueHit) -> bool:
    """Is the cue a participle clause with no subject of its own (", replacing Y")? Unlike another
    word in -ing ("replacing Y would be a mistake"), it is done by the subject of the clause it hangs on."""
    verb = token_at(doc, s.tokens[hit.first].start)
    return verb is not None and verb.dep_ == "advcl" and verb.tag_ == PRESENT_PARTICIPLE


def parsed_arguments(doc: Doc, s: SentenceView, hit: CueHit) -> tuple[list[cl.Span], list[cl.Span]] | None:
    """(subjects, objects) of a verb cue, as the claim reads them (the subject does it to the object);
    None when the parse does not make the cue a verb."""
    relation = hit.form.relation
    if hit.form.role not in (VERB, AGENT_AFTER) or relation is None:
        return None
    verb = token_at(doc, s.tokens[hit.first].start)
    if verb is None:
        return None
    if verb.dep_ in ("aux", "auxpass") and verb.head is not verb:
        verb = verb.head  # "be accountable to": the clause hangs on what follows the copula
    if verb.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    subjects, passive = _subject_heads(verb)
    last = token_at(doc, s.tokens[hit.last - 1].start) if hit.last - hit.first > 1 else None
    if last is not None and last.dep_ in PREPOSITIONS and any(c.dep_ == "pobj" for c in last.children):
        objects = [c for c in last.children if c.dep_ == "pobj"]
        doers, undergoers = subjects, objects  # "X was merged into Y"; "X was succeeded by Y" (agent after)
    else:
        objects = [c for c in verb.children if c.dep_ in OBJECTS]
        agents = [_provision_of(g) for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        agents += [a for a in _under_an_act(verb, s) if a not in agents]
        doers, undergoers = (agents, subjects) if passive else (subjects, objects)
    if hit.form.role == AGENT_AFTER:  # "X gave way to Y": Y replaces X; "Y absorbed X": X merges into Y
        doers, undergoers = undergoers, doers
    spec = vocabulary().relations[relation]
    return (_spans_for(_spread(doers, s), s, tuple(spec.subject_kinds)),
            _spans_for(_spread(undergoers, s), s, tuple(spec.object_kinds)))


def coordinated_doers(doc: Doc, s: SentenceView, hit: CueHit, named: list[str]) -> list[cl.Span] | None:
    """The doers of a verb coordinated with an earlier one and without a subject of its own, when the
    surface rules took one of ``named`` (party ids) from inside the earlier verb's phrase: in "These
    regulations transferred the duties of X to NHS England and abolished X", "abolished" is done by the
    regulations, not by NHS England. An empty list when that doer is not a named party (an infinitive:
    "to establish A and B, and to abolish C"); None when the parse says nothing against the surface rules."""
    verb = token_at(doc, s.tokens[hit.first].start)
    if verb is None or verb.dep_ != "conj" or any(c.dep_ in (*SUBJECTS, *PASSIVE_SUBJECTS) for c in verb.children):
        return None
    first = verb.head
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first.pos_ not in ("VERB", "AUX") or first.i >= verb.i:
        return None
    inside = [sp for sp in s.spans if sp.mention.id in named and first.idx < s.tokens[sp.first].start < verb.idx]
    if not inside:
        return None
    doers, passive = _subject_heads(first)
    if passive:
        return None
    spec = vocabulary().relations[hit.form.relation or ""]
    return _spans_for(_spread(doers, s), s, tuple(spec.subject_kinds))


def subject_noun_modality(doc: Doc, s: SentenceView, hit: CueHit, modality: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    """The status the verb of a clause gives a change named as its subject: "The merger of X and Y will
    take place in 2008" (predicted), "A merger of X and Y should be undertaken" (proposed). The modal
    comes after the noun, where the words-before reading cannot see it."""
    noun = token_at(doc, s.tokens[hit.first].start)
    if noun is None or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    auxiliaries = {c.lower_ for c in noun.head.children if c.dep_ in ("aux", "auxpass") and c.i < noun.head.i}
    for status, phrases in modality:
        if auxiliaries & set(phrases):
            return status
    return None
