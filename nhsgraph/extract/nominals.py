"""Changes named by a noun rather than a verb, and transfers of functions.

"The replacement of CCGs by ICBs", "their abolition by the Act", "the abolition, by the 1995 Act,
of regional health authorities", "the merger of X into Y", "the functions of X are transferred
to Y": the parties sit after the noun, around "of", "by" and the lexicon's target words, rather
than before and after a verb. Each function returns (subjects, objects) as mention spans, or
None when the words around the cue do not have the shape it reads.
"""

from __future__ import annotations

from functools import cache

from nhsgraph.extract import clauses as cl
from nhsgraph.extract.cues import BE_FORMS, CueHit, lexicon, lexicon_data
from nhsgraph.extract.mentions import Mention, Token, tokenize
from nhsgraph.extract.speakers import SentenceView

Parties = tuple[list[cl.Span], list[cl.Span]]
# Words joining clauses: what moves must not be on the other side of one from the transfer's verb.
CLAUSE_JOINS = frozenset({"and", "but", "while", "whereas"})


@cache
def _targets() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in lexicon_data().get("nominal_targets", {}).items()}


@cache
def _what_moves() -> frozenset[str]:
    return frozenset(lexicon_data().get("transfer", {}).get("what", []))


@cache
def _moving_list() -> frozenset[str]:
    """Words of a list of what moves: "functions and staff", "powers, duties and assets"."""
    return _what_moves() | frozenset(lexicon_data().get("transfer", {}).get("moving_with", [])) | frozenset({"and", ",", "&"})


def _listed_with_what(s: SentenceView, i: int, cue: int) -> bool:
    """"X's functions and staff transferred to Y": only what moves, listed, between it and the verb."""
    between = s.tokens[i + 1:cue]
    return bool(between) and all(t.key in _moving_list() for t in between)


def _skip_commas(s: SentenceView, i: int) -> int:
    while i < len(s.tokens) and s.tokens[i].text == ",":
        i += 1
    return i


def _named_at(s: SentenceView, i: int, spans: list[cl.Span] | None = None) -> list[cl.Span]:
    """The mention starting at token ``i`` (or one word later: "by the Act"), with those listed with it."""
    pool = s.spans if spans is None else spans
    first = [sp for sp in pool if i <= sp.first <= i + 1]
    return cl.after(pool, s.tokens, s.clauses, first[0].first) if first else []


def possessor(s: SentenceView, hit: CueHit) -> list[cl.Span]:
    """Who the noun belongs to: "CCGs' abolition", "NHS England's replacement", "their replacement"."""
    for sp in s.spans:
        gap = [t.key for t in s.tokens[sp.last:hit.first]]
        if gap in (["'", "s"], ["'"]) or (not gap and sp.mention.rule == "pronoun"):
            return [sp]
    return []


def noun_arguments(s: SentenceView, hit: CueHit, ahead: list[cl.Span]) -> Parties | None:
    """"the abolition of X by Y" (Y does it to X), "the replacement of X with Y", "the merger of X into Y"."""
    objects = cl.after(ahead, s.tokens, s.clauses, hit.last)
    if not objects or objects[0].first > hit.last + 2:
        return None
    k = _skip_commas(s, objects[-1].last)
    if k < len(s.tokens) and s.tokens[k].key == "by":
        agents = _named_at(s, k + 1)
        return (agents, objects) if agents else None
    if k < len(s.tokens) and s.tokens[k].key in lexicon().substitute_words(hit.form.relation):
        successor = _named_at(s, k + 1)  # "the replacement of X with Y"
        return (successor, objects) if successor else None
    if k < len(s.tokens) and s.tokens[k].key in _targets().get(hit.form.relation or "", ()):
        target = _named_at(s, k + 1)
        return (objects, target) if target else None
    return None


def agent_noun_arguments(s: SentenceView, hit: CueHit) -> Parties | None:
    """"their replacement by Y" (Y replaces them) and "the abolition, by Y, of X" (Y abolishes X)."""
    k = _skip_commas(s, hit.last)
    if k >= len(s.tokens) or s.tokens[k].key != "by":
        return None
    agents = _named_at(s, k + 1)
    if not agents:
        return None
    k = _skip_commas(s, agents[-1].last)
    if k < len(s.tokens) and s.tokens[k].key == "of":
        objects = _named_at(s, k + 1)
        return (agents, objects) if objects else None
    owner = possessor(s, hit)
    return (agents, owner) if owner else None


def transfer_arguments(s: SentenceView, hit: CueHit) -> Parties | None:
    """The body that gains functions (after "to") and the one that loses them (after "from", after
    "functions of", or owning them: "X's functions"). The clause must say what moves."""
    clause = s.clauses[hit.first]
    inside = [i for i, c in enumerate(s.clauses) if c == clause]
    # what moves belongs to the transfer's own verb: "the functions of X are transferred", not "the
    # functions of X will continue as normal and contracts will transfer to Y" (another coordinated clause)
    # what moves may also stand before a relative clause that splits it from its verb: "the functions that X
    # performs will be transferred to Y"
    relative = [i for i in range(hit.first) if s.clauses[i] == clause - 1 and _relative_after(s, i)]
    what = [i for i in [*relative, *inside] if s.tokens[i].key in _what_moves()
            and (_listed_with_what(s, i, hit.first)
                 or not any(s.tokens[j].key in CLAUSE_JOINS for j in range(min(i, hit.first), max(i, hit.first))))]
    if not what:
        return None
    # "moved to" holds its "to"; "become the responsibility of Y" ends in its "of"
    becomes = s.tokens[hit.first].key in ("become", "becomes", "became") and s.tokens[hit.last - 1].key == "of"
    to = hit.last - 1 if becomes else next((i for i in inside if i > hit.first and s.tokens[i].key == "to"), None)
    gaining = _named_at(s, to + 1) if to is not None else []
    losing: list[cl.Span] = []
    source = next((i for i in inside if s.tokens[i].key == "from" and (to is None or i < to)), None)
    if source is not None:
        losing = _named_at(s, source + 1)
    for i in what:
        if not losing and i + 1 < len(s.tokens) and s.tokens[i + 1].key == "of":
            losing = _named_at(s, i + 2)
        if not losing:  # "X's functions", "their functions"
            losing = _owners(s, i)
        if not losing:  # "the functions that X performs"
            losing = _relative_owner(s, i)
    return (gaining, losing) if gaining and losing else None


# How far into a relative clause after what moves its owner may be named: "functions, which have been the
# responsibility of X" (the owner six words on), "functions that X performs" (right after the pronoun).
RELATIVE_REACH = 6


def _relative_after(s: SentenceView, i: int) -> bool:
    """Does a relative clause ("that ...", "which ...") follow the word at ``i``?"""
    j = _skip_commas(s, i + 1)
    return j < len(s.tokens) and s.tokens[j].key in ("that", "which")


def _relative_owner(s: SentenceView, i: int) -> list[cl.Span]:
    """Who owns what moves at ``i``, named in a relative clause after it: "the functions that X performs",
    "functions which have been the responsibility of X", "duties which are currently discharged by X"."""
    if not _relative_after(s, i):
        return []
    j = _skip_commas(s, i + 1)
    for k in range(j + 1, min(j + 2 + RELATIVE_REACH, len(s.tokens))):
        named = _named_at(s, k)
        if named and (k == j + 1 or s.tokens[k - 1].key in ("of", "by")):
            return named
        if any(h.first == k for h in s.hits):
            break  # another cue's clause
    return []


# Words that may stand between the owner of what moves and it: "X's statutory functions", "its regulatory functions".
OWNER_REACH = 3
QUALIFIER_REACH = 2


def _owners(s: SentenceView, i: int, start: int = 0) -> list[cl.Span]:
    """Who owns what moves at token ``i``: "X's (statutory) functions", or a possessive pronoun with at most a
    couple of lower-case qualifiers between ("its regulatory functions"); only names from token ``start``."""
    def qualifiers(first: int) -> bool:
        between = s.tokens[first:i]
        return len(between) <= QUALIFIER_REACH and all(t.text.isalpha() and t.text.islower() for t in between)
    return [sp for sp in s.spans if start <= sp.first and i - OWNER_REACH <= sp.last <= i
            and ([t.key for t in s.tokens[sp.last:i]][:2] in (["'", "s"], ["'"]) or sp.mention.rule == "pronoun" and qualifiers(sp.last))]


def losing_body(s: SentenceView, hit: CueHit) -> list[cl.Span]:
    """The body whose functions a gaining verb's subject takes on: "take on the commissioning functions of X",
    "took on responsibility from X", "assumed functions previously carried out by X", "take on X's functions".
    What moves (the lexicon's ``what``) must follow the verb in its clause, before any other cue."""
    spec = lexicon_data()["transfer"]
    clause = s.clauses[hit.first]
    following = min((h.first for h in s.hits if h.first >= hit.last), default=len(s.tokens))
    inside = [i for i in range(hit.last, following) if s.clauses[i] == clause]
    what = [i for i in inside if s.tokens[i].key in _what_moves()]
    if not what:
        return []
    source = next((i for i in inside if s.tokens[i].key == "from"), None)
    if source is not None and _named_at(s, source + 1):
        return _named_at(s, source + 1)
    i = what[0]
    if i + 1 < len(s.tokens) and s.tokens[i + 1].key in spec.get("losing_after", []):
        return _named_at(s, i + 2)
    by = next((j for j in range(i + 1, min(i + 2 + int(spec.get("losing_by_reach", 0)), len(s.tokens))) if s.tokens[j].key == "by"), None)
    if by is not None:
        return _named_at(s, by + 1)
    return _owners(s, i, start=hit.last) or _relative_owner(s, i)


def transfer_relation(s: SentenceView, hit: CueHit) -> str:
    """All of X's functions moving ("the functions of X", "X's statutory functions") is a merger of X
    into Y; some of them ("the health improvement responsibilities of X") is Y taking over that role."""
    spec = lexicon_data()["transfer"]
    whole_words = set(spec.get("whole_words", []))
    clause = s.clauses[hit.first]
    what = [i for i, t in enumerate(s.tokens) if t.key in _what_moves() and s.clauses[i] == clause]
    if not what or "whole" not in spec:
        return str(spec["relation"])
    j = what[0] - 1
    while j >= 0 and s.clauses[j] == clause and j != hit.last - 1:
        if s.tokens[j].key in spec.get("determiners", []) or any(sp.first <= j < sp.last for sp in s.spans):
            return str(spec["whole"])  # "the functions of X", "X's functions", "their functions": all of them
        if s.tokens[j].key not in whole_words:
            break  # a qualifier: "the health improvement responsibilities of X"
        j -= 1
    return str(spec["relation"])  # some functions: "a transfer of functions from X", "some functions of X"


def listed_after(s: SentenceView, hit: CueHit, kinds: tuple[str, ...]) -> list[cl.Span]:
    """"The following bodies are abolished: (a) X; (b) Y": a passive whose patients are listed after it,
    announced by a word before the cue (the lexicon's ``lists``). Every fitting name after the cue."""
    openers = set(lexicon_data().get("lists", []))
    if not any(t.key in openers for t in s.tokens[:hit.first]):
        return []
    return [sp for sp in s.spans if sp.first >= hit.last and sp.mention.kind in kinds]


@cache
def _known_as() -> tuple[tuple[str, ...], ...]:
    phrases = [tuple(t.key for t in tokenize(p)) for p in lexicon_data().get("known_as", [])]
    return tuple(sorted(phrases, key=len, reverse=True))


def _known_as_at(tokens: list[Token], i: int) -> int | None:
    """The index after a naming phrase ("known as", "to be called") starting at ``i``."""
    keys = [t.key for t in tokens]
    return next((i + len(p) for p in _known_as() if tuple(keys[i:i + len(p)]) == p), None)


def naming_a_new_body(tokens: list[Token], hit: CueHit) -> bool:
    """"authorities to be called Health Authorities": a new body's name, not a renaming (which
    needs a form of be before "to": "the Department is to be called ...")."""
    start = hit.first - 1 if hit.first > 0 and tokens[hit.first - 1].key == "to" else None
    return (start is not None and _known_as_at(tokens, start) is not None
            and not (start > 0 and tokens[start - 1].key in BE_FORMS))


def named_object(s: SentenceView, objects: list[cl.Span], after_cue: int) -> list[cl.Span]:
    """"There is established a Special Health Authority known as X": the object is X, the name, not the form."""
    k = objects[-1].last if objects else after_cue
    while not objects and k < len(s.tokens) and _known_as_at(s.tokens, k) is None and k < after_cue + 4:
        k += 1  # "a body corporate known as X": no name before the phrase
    end = _known_as_at(s.tokens, k) if k < len(s.tokens) else None
    if end is None:
        return objects
    return _named_at(s, end) or objects


def modifiers(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names that only modify a document noun after them ("the NHSEI paper"): not parties to a claim."""
    nouns = [tuple(t.key for t in tokenize(n)) for n in lexicon_data().get("modified_nouns", [])]
    found = []
    for m in mentions:
        if m.kind == "document":
            continue  # "the Integrating Care paper" names the paper itself
        after = [t.key for t in tokenize(text, m.end, min(len(text), m.end + 40))][:2]
        if any(tuple(after[:len(n)]) == n for n in nouns):
            found.append(m)
    return found


def becoming_arguments(s: SentenceView, hit: CueHit) -> Parties | None:
    """"STPs will become formally designated ICSs": X before the verb, Y just after it."""
    spec = lexicon_data().get("becoming", {})
    kinds = {k for pair in spec.get("relations", {}) for k in pair.split()}
    doers, _ = cl.before([sp for sp in s.spans if sp.mention.kind in kinds], s.tokens, s.clauses, hit.first, fallback=False)
    later = [sp for sp in s.spans if hit.last <= sp.first <= hit.last + 3 and s.clauses[sp.first] == s.clauses[hit.first]]
    if not doers or not later:
        return None
    between = {t.key for t in s.tokens[hit.last:later[0].first]}
    if between & set(spec.get("not_between", [])):
        return None
    return doers, cl.after(s.spans, s.tokens, s.clauses, later[0].first)


def becoming_relation(subject_kind: str, object_kind: str) -> tuple[str, bool] | None:
    """(relation, swapped) for "X became Y" by the kinds of X and Y; None when becoming means nothing we record."""
    relation = lexicon_data().get("becoming", {}).get("relations", {}).get(f"{subject_kind} {object_kind}")
    if relation is None:
        return None
    return str(relation), subject_kind == object_kind == "org_type"


def joining_relation(hit: CueHit, relation: str, subject_kind: str, object_kind: str) -> str:
    """"NHS Digital will become part of NHS England": a body joining another body merges into it. The
    lexicon's ``joining`` turns a `part_of` cue opened by "become" into its relation for those kinds;
    being part of something ("ICBs are part of ICSs") and forms joining forms keep ``relation``."""
    spec = lexicon_data().get("joining", {})
    if hit.form.relation != spec.get("relation") or hit.form.words[0] not in spec.get("verbs", []):
        return relation
    return str(spec.get("relations", {}).get(f"{subject_kind} {object_kind}", relation))
