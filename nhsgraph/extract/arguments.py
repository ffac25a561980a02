"""Who does what to whom around one cue: the subjects and objects a cue's words name.

Active and passive verbs, "X gives way to Y", nominalisations, evaluations, naming, verbs whose
subject undergoes the change ("X ceases to exist") and transfers of functions each read their
parties from a different place in the sentence; this module knows where, so that
``nhsgraph.extract.claims`` only decides status, attribution and confidence.
"""

from __future__ import annotations

from functools import cache

from nhsgraph.extract import clauses as cl
from nhsgraph.extract import nominals
from nhsgraph.extract.cues import (
    AGENT_AFTER,
    AGENT_NOUN,
    BE_FORMS,
    BECOME,
    EVALUATION,
    GAIN,
    NAMING,
    NOUN,
    SPEECH,
    TARGET,
    TRANSFER,
    UNDERGO,
    VERB,
    CueHit,
    lexicon,
    lexicon_data,
)
from nhsgraph.extract.dependents import coordinated_doers, parsed_arguments, participle_clause
from nhsgraph.extract.mentions import tokenize
from nhsgraph.extract.mutual import mutual_parties
from nhsgraph.extract.speakers import Party, SentenceView, appositive_start
from nhsgraph.vocabulary import vocabulary


def creates(relation: str) -> bool:
    spec = vocabulary().relations.get(relation)
    return spec is not None and spec.change_event == "establishment"


def _substitute(s: SentenceView, index: int, ahead: list[cl.Span], relation: str | None) -> list[cl.Span]:
    """Mentions introduced by "with" (or another substitution word) at most two words after ``index``."""
    words = lexicon().substitute_words(relation)
    for i in range(index, min(index + 2, len(s.tokens))):
        if s.tokens[i].key in words:
            found = [sp for sp in ahead if i < sp.first <= i + 2]
            return cl.after(ahead, s.tokens, s.clauses, found[0].first) if found else []
    return []


# How far after the fronted word its name may start: "Under provisions in the Health and Care Act".
FRONTED_REACH = 4


def _fronted_agent(s: SentenceView, hit: CueHit) -> list[cl.Span]:
    """"Under provisions in the 2022 Act, ICSs were established": the doer of an agentless passive named in a
    phrase opening the sentence, before its comma (the lexicon's ``fronted_agents``)."""
    spec = lexicon_data().get("fronted_agents", {})
    if not s.tokens or s.tokens[0].key not in spec.get("words", []):
        return []
    comma = next((i for i, t in enumerate(s.tokens) if t.text == ","), None)
    if comma is None or comma > hit.first:
        return []
    named = [sp for sp in s.spans if 0 < sp.first <= FRONTED_REACH and sp.last <= comma and sp.mention.kind in spec.get("kinds", [])]
    return named[:1]


# The subject of a listing sentence is named within its first few words ("The bill", "Measures in the Bill").
LISTING_SUBJECT_REACH = 3


def _listing_subject(s: SentenceView, hit: CueHit, kinds: tuple[str, ...]) -> list[cl.Span]:
    """"The Bill contains many measures, including: ...; establishing X; ...": a gerund opening an item
    (after the colon or a semicolon) of a list announced by a containing verb (the lexicon's
    ``containing``) right after the sentence's subject, named at its start, is done by that subject."""
    words = [tuple(t.key for t in tokenize(p)) for p in lexicon_data().get("containing", [])]
    colon = next((i for i, t in enumerate(s.tokens) if t.text == ":"), None)
    if colon is None or colon > hit.first or hit.first == 0 or s.tokens[hit.first - 1].text not in (":", ";"):
        return []
    subject = next((sp for sp in s.spans if sp.first <= LISTING_SUBJECT_REACH and sp.last <= colon), None)
    if subject is None or subject.mention.kind not in kinds:
        return []
    keys = [t.key for t in s.tokens[subject.last:colon]]  # the verb follows its subject: "The Bill (also) contains"
    if not any(tuple(keys[i:i + len(w)]) == w for w in words for i in range(min(len(keys), LISTING_SUBJECT_REACH))):
        return []
    return [subject]


def _coordinated_verb_start(s: SentenceView, hit: CueHit) -> int:
    """For "X abolished A and established B", where to look for the doer of "established": before "abolished"."""
    if hit.first > 0 and s.tokens[hit.first - 1].key == "and":
        earlier = [h for h in s.hits if h.form.role in (VERB, AGENT_AFTER) and h.last < hit.first
                   and s.clauses[h.first] == s.clauses[hit.first]]
        if earlier:
            return _coordinated_verb_start(s, earlier[-1])
    return hit.first


def _doer_anchor(s: SentenceView, hit: CueHit) -> int:
    """Where to look back from for a verb's doer: before a coordinated first verb, and before an appositive
    ("Jane Smith, Chair of X, welcomed Y": Jane Smith, not X)."""
    start = _coordinated_verb_start(s, hit)
    return appositive_start(s.tokens, start) if start > 0 and s.tokens[start - 1].text == "," else start


def _patient_anchor(s: SentenceView, hit: CueHit) -> int:
    """Where to look back from for a passive verb's patient: before a relative clause or appositive set off by
    commas ("Health authorities, which cover smaller areas than SHAs, will be abolished": the authorities)."""
    auxiliaries = {*BE_FORMS, *lexicon_data()["anaphora"]["auxiliaries"]}
    i = hit.first
    while i > 0 and s.tokens[i - 1].key in auxiliaries:
        i -= 1
    return appositive_start(s.tokens, i) if i > 0 and s.tokens[i - 1].text == "," else hit.first


def clause_subject(s: SentenceView, hit: CueHit) -> list[Party]:
    """Who does an active verb, grammatically, whatever the claim's subject: in "It would abolish X and
    replace them with Y" the doer of "replace" is "It", though the claim is "Y replaces X"."""
    if hit.form.role != VERB or cl.is_passive(hit, s.tokens):
        return []
    doers, _ = cl.before(s.spans, s.tokens, s.clauses, _doer_anchor(s, hit), fallback=False)
    return s.parties(doers[:1])


# A party only the parse connects to its verb is a little less certain than one the surface rules find.
PARSED_DROP = 0.05
# The first word of an existential cue ("there is established", "there shall be"): it has no doer in the sentence.
EXISTENTIAL = "there"


def arguments(s: SentenceView, hit: CueHit) -> tuple[list[Party], list[Party], str, float]:
    """(subjects, objects, voice, confidence adjustment) for a relation cue; empty subjects = no doer named.
    A side the surface rules leave empty is filled from the dependency parse, when there is one and it
    agrees with the side the rules did find."""
    subjects, objects, how, adjust = _surface_arguments(s, hit)
    if hit.form.words[0] == EXISTENTIAL:
        subjects = []  # "For each district named in the X Order there is established Y": no name before it does it
    if not (subjects and objects) and (pair := mutual_parties(s, hit)):
        return pair, pair, "nominal" if hit.form.role == NOUN else "passive" if cl.is_passive(hit, s.tokens) else "active", adjust
    if s.doc is not None and subjects and hit.form.role == VERB and not cl.is_passive(hit, s.tokens):
        shared = coordinated_doers(s.doc, s, hit, [p.id for p in subjects])
        if shared is not None:  # "... transferred X's duties to Y and abolished X": not Y
            subjects = s.parties(shared)
    if s.doc is None or (subjects and objects) or hit.form.role not in (VERB, AGENT_AFTER):
        return subjects, objects, how, adjust
    if hit.form.gerund and not participle_clause(s.doc, s, hit):
        return subjects, objects, how, adjust
    parsed = parsed_arguments(s.doc, s, hit)
    if parsed is None:
        return subjects, objects, how, adjust
    doers, undergoers = (s.parties(found) for found in parsed)
    agree = {p.id for p in subjects} <= {p.id for p in doers} and {p.id for p in objects} <= {p.id for p in undergoers}
    if not agree or not (doers and undergoers):
        return subjects, objects, how, adjust
    how = how or ("passive" if cl.is_passive(hit, s.tokens) else "active")
    return doers, undergoers, how, adjust - PARSED_DROP


def _surface_arguments(s: SentenceView, hit: CueHit) -> tuple[list[Party], list[Party], str, float]:
    """The surface rules' reading: the nearest fitting names before and after the cue."""
    role = hit.form.role
    adjust = 0.0
    # What follows a cue belongs to it only up to the next cue: in "X supported work on a report
    # published by Y", Y is the publisher, not what X supported.
    following = min((h.first for h in s.hits if h.first >= hit.last), default=len(s.tokens))
    ahead = [sp for sp in s.spans if sp.first < following]
    if role == TARGET:  # "merge NHS Digital into NHS England"
        found = nominals.noun_arguments(s, hit, ahead)
        return (s.parties(found[0]), s.parties(found[1]), "active", adjust) if found else ([], [], "", adjust)
    if role == BECOME:
        found = nominals.becoming_arguments(s, hit)
        return (s.parties(found[0]), s.parties(found[1]), "active", adjust) if found else ([], [], "", adjust)
    if role in (VERB, AGENT_AFTER):
        spec = vocabulary().relations[hit.form.relation or ""]
        if cl.is_passive(hit, s.tokens):
            index = cl.by_agent_index(hit, s.tokens)
            agent = [sp for sp in s.spans if index is not None and index <= sp.first <= index + 1]
            agents = cl.after(s.spans, s.tokens, s.clauses, agent[0].first) if agent else []
            kinds = spec.object_kinds if role == VERB else spec.subject_kinds
            fitting_patients = [sp for sp in s.spans if sp.mention.kind in kinds]
            patients, same = cl.before(fitting_patients, s.tokens, s.clauses, _patient_anchor(s, hit), fallback=True)
            listed = nominals.listed_after(s, hit, tuple(kinds)) if not same else []
            if listed:
                patients, same = listed, True
            adjust -= 0.0 if same else 0.15
            if not patients and agents:
                # "a report published by X this month, Title": the patient is named after the agent.
                patients = [sp for sp in cl.after(s.spans, s.tokens, s.clauses, agents[-1].last)[:1]]
                adjust -= 0.15
            if not agents and role == VERB:
                agents = _substitute(s, hit.last, ahead, hit.form.relation) or _fronted_agent(s, hit)
            subjects, objects = (agents, patients) if role == VERB else (patients, agents)
            return s.parties(subjects), s.parties(objects), "passive", adjust
        if hit.form.gerund and role == VERB:
            # "warned against abolishing X", "calls for creating X": the doer is not the clause's subject;
            # but "The Bill contains measures, including: establishing X" lists what the subject does.
            listing = _listing_subject(s, hit, tuple(spec.subject_kinds))
            return s.parties(listing), s.parties(cl.after(ahead, s.tokens, s.clauses, hit.last)), "active", adjust - 0.1 * bool(listing)
        described = role == AGENT_AFTER and cl.participial(s.tokens, s.clauses, hit.first)
        # The nearest mention that can play the part: in "The Act abolished CCGs and established ICBs"
        # the doer of "established" is the Act, not the CCGs just before it.
        fitting = [sp for sp in s.spans if sp.mention.kind in (spec.subject_kinds if role == VERB else spec.object_kinds)]
        doers, _ = cl.before(fitting, s.tokens, s.clauses, _doer_anchor(s, hit), fallback=described)
        others = cl.after(ahead, s.tokens, s.clauses, hit.last)
        if hit.last < len(s.tokens) and s.tokens[hit.last].key == "that":
            others = []  # "We recommend that NHS England should ...": a clause, with cues of its own, not a named object
        if role == VERB and creates(hit.form.relation or ""):
            others = nominals.named_object(s, others, hit.last)
        if role == VERB and lexicon().substitute_words(hit.form.relation):
            pronoun = hit.last < len(s.tokens) and s.tokens[hit.last].key in ("them", "it", "these", "those", "this")
            if pronoun and _substitute(s, hit.last + 1, ahead, hit.form.relation):  # "replace them with ICBs"
                doers = _substitute(s, hit.last + 1, ahead, hit.form.relation)
                kinds = spec.object_kinds
                others, _ = cl.before([sp for sp in s.spans if sp.mention.kind in kinds], s.tokens, s.clauses, hit.first, fallback=True)
            elif others and _substitute(s, others[-1].last, ahead, hit.form.relation):  # "replace CCGs with ICBs"
                doers = _substitute(s, others[-1].last, ahead, hit.form.relation)
        subjects, objects = (doers, others) if role == VERB else (others, doers)
        return s.parties(subjects), s.parties(objects), "active", adjust
    if role == GAIN and not cl.is_passive(hit, s.tokens):  # "Y will take on the functions of X": Y takes over X's role
        losing = nominals.losing_body(s, hit)
        if not losing:
            return [], [], "", adjust
        kinds = vocabulary().relations[hit.form.relation or ""].subject_kinds
        gaining, _ = cl.before([sp for sp in s.spans if sp.mention.kind in kinds], s.tokens, s.clauses, _doer_anchor(s, hit), fallback=False)
        return s.parties(gaining), s.parties(losing), "active", adjust
    if role == UNDERGO:  # "X ceases to exist": the grammatical subject undergoes the change
        kinds = vocabulary().relations[hit.form.relation or ""].object_kinds
        patients, same = cl.before([sp for sp in s.spans if sp.mention.kind in kinds], s.tokens, s.clauses, hit.first, fallback=True)
        return [], s.parties(patients), "passive", adjust if same else adjust - 0.15
    if role in (AGENT_NOUN, TRANSFER) or (role == NOUN and nominals.noun_arguments(s, hit, ahead)):
        found = (nominals.agent_noun_arguments(s, hit) if role == AGENT_NOUN else nominals.transfer_arguments(s, hit)
                 if role == TRANSFER else nominals.noun_arguments(s, hit, ahead))
        if found is None:
            return [], [], "", adjust
        verb = role == TRANSFER and hit.form.words[-1] != "of"  # "transferred to", not "the transfer of"
        how = ("passive" if cl.is_passive(hit, s.tokens) else "active") if verb else "nominal"
        return s.parties(found[0]), s.parties(found[1]), how, adjust
    if role == NOUN:
        doers, _ = cl.before(s.spans, s.tokens, s.clauses, hit.first, fallback=False)
        doers = [d for d in doers if not _addressed(s, d)]  # "informing Parliament of the abolition of X"
        # "the abolition of LETBs to allow the creation of Y": a name that is another cue's object is not this one's doer
        doers = [d for d in doers if not any(h.form.relation and h.last <= d.first and h is not hit for h in s.hits)]
        return s.parties(doers), s.parties(cl.after(ahead, s.tokens, s.clauses, hit.last)), "nominal", adjust
    if role == EVALUATION:
        # What is judged is in the reported content: after any speech verb before the cue.
        said = max((h.last for h in s.hits if h.form.role == SPEECH and h.last <= hit.first), default=0)
        content = [sp for sp in s.spans if sp.first >= said]
        judged, same = cl.before(content, s.tokens, s.clauses, hit.first, fallback=True)
        return [], s.parties(judged[:1]), "evaluative", adjust if same else adjust - 0.1
    if role == NAMING:
        return [], s.parties(cl.after(s.spans, s.tokens, s.clauses, hit.last)[:1]), "naming", adjust
    return [], [], "", adjust


def _addressed(s: SentenceView, span: cl.Span) -> bool:
    """Is the name the one a speaker tells something to ("informing Parliament of ...", "to update the House
    on ...")? The lexicon's ``addressing`` verbs; the addressee hears of a change, it does not make it."""
    i = span.first - 1
    if i >= 0 and s.tokens[i].key == "the":
        i -= 1
    return i >= 0 and s.tokens[i].key in _addressing()


@cache
def _addressing() -> frozenset[str]:
    return frozenset(lexicon_data().get("addressing", []))


def change_participants(s: SentenceView, change: CueHit) -> list[Party]:
    """What a change a stance governs is about: "the abolition of X" -> X; "replacing X with Y" -> Y, the newcomer."""
    following = min((h.first for h in s.hits if h.first >= change.last), default=len(s.tokens))
    ahead = [sp for sp in s.spans if sp.first < following]
    others = cl.after(ahead, s.tokens, s.clauses, change.last)
    replacement = _substitute(s, others[-1].last, ahead, change.form.relation) if others else []
    return s.parties(replacement or others or nominals.possessor(s, change))  # "opposes their abolition"
