"""Candidate claims: a cue, the mentions around it, and who says so.

For each sentence: find cues (lexicon), decide voice (who does what to whom), read the
modality and negation before the cue, find the speaker (reported speech, "according to",
else the article's author), and keep only claims whose subject and object kinds the
vocabulary allows for the relation.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from nhsgraph.extract import anaphora
from nhsgraph.extract import clauses as cl
from nhsgraph.extract.cues import AGENT_AFTER, EVALUATION, NAMING, NOUN, SPEECH, VERB, CueHit, lexicon
from nhsgraph.extract.mentions import Mention, tokenize
from nhsgraph.extract.sentences import Sentence
from nhsgraph.extract.speakers import Party, SentenceView, Voice, announcing, find_speakers
from nhsgraph.extract.stances import governed_changes
from nhsgraph.vocabulary import vocabulary

__all__ = ["Claim", "Party", "Voice", "extract_claims"]

# When the vocabulary forbids a relation for these kinds, the nearest one it allows:
# "X proposes NHS England" (a body, not a proposal) means X argues for it.
FALLBACK = {"proposes": "supports"}
# A party named by a pronoun or description ("its paper", "the body") is less certain than a name.
RESOLVED_DROP = 0.15
BASE_CONFIDENCE = {VERB: 0.75, AGENT_AFTER: 0.7, NOUN: 0.6, EVALUATION: 0.55, NAMING: 0.6}


@dataclass
class Claim:
    subject: Party
    relation: str
    object: Party
    status: str
    attributed_to: list[Party]
    sentence: Sentence
    cue: str
    cue_start: int
    cue_end: int
    voice: str
    confidence: float
    negated: bool = False

    def key(self) -> tuple[str, str, str, str, bool]:
        return (self.subject.id, self.relation, self.object.id, self.status, self.negated)


def _stance_relations() -> tuple[str, ...]:
    """Relations that state a party's position (supports, opposes, proposes): the lexicon's stance cues."""
    vocab = vocabulary()
    return tuple(r for r in vocab.relations if set(vocab.relations[r].subject_kinds) >= {"person", "organisation", "document"})


def _creates(relation: str) -> bool:
    spec = vocabulary().relations.get(relation)
    return spec is not None and spec.change_event == "establishment"


def _proposing_relation() -> str | None:
    """The relation for "X puts Y forward": the stance relation whose objects include proposals."""
    vocab = vocabulary()
    return next((r for r in _stance_relations() if "proposal" in vocab.relations[r].object_kinds
                 and "person" not in vocab.relations[r].object_kinds and "organisation" not in vocab.relations[r].object_kinds), None)


def _allowed(relation: str, subject: Party, obj: Party) -> bool:
    spec = vocabulary().relations.get(relation)
    return spec is not None and subject.kind in spec.subject_kinds and obj.kind in spec.object_kinds and subject.id != obj.id


def _substitute(s: SentenceView, index: int, ahead: list[cl.Span], relation: str | None) -> list[cl.Span]:
    """Mentions introduced by "with" (or another substitution word) at most two words after ``index``."""
    words = lexicon().substitute_words(relation)
    for i in range(index, min(index + 2, len(s.tokens))):
        if s.tokens[i].key in words:
            found = [sp for sp in ahead if i < sp.first <= i + 2]
            return cl.after(ahead, s.tokens, s.clauses, found[0].first) if found else []
    return []


def _coordinated_verb_start(s: SentenceView, hit: CueHit) -> int:
    """For "X abolished A and established B", where to look for the doer of "established": before "abolished"."""
    if hit.first > 0 and s.tokens[hit.first - 1].key == "and":
        earlier = [h for h in s.hits if h.form.role in (VERB, AGENT_AFTER) and h.last < hit.first
                   and s.clauses[h.first] == s.clauses[hit.first]]
        if earlier:
            return _coordinated_verb_start(s, earlier[-1])
    return hit.first


def _arguments(s: SentenceView, hit: CueHit) -> tuple[list[Party], list[Party], str, float]:
    """(subjects, objects, voice, confidence adjustment) for a relation cue; empty subjects = no doer named."""
    role = hit.form.role
    adjust = 0.0
    # What follows a cue belongs to it only up to the next cue: in "X supported work on a report
    # published by Y", Y is the publisher, not what X supported.
    following = min((h.first for h in s.hits if h.first >= hit.last), default=len(s.tokens))
    ahead = [sp for sp in s.spans if sp.first < following]
    if role in (VERB, AGENT_AFTER):
        spec = vocabulary().relations[hit.form.relation or ""]
        if cl.is_passive(hit, s.tokens):
            index = cl.by_agent_index(hit, s.tokens)
            agent = [sp for sp in s.spans if index is not None and index <= sp.first <= index + 1]
            agents = cl.after(s.spans, s.tokens, s.clauses, agent[0].first) if agent else []
            kinds = spec.object_kinds if role == VERB else spec.subject_kinds
            fitting_patients = [sp for sp in s.spans if sp.mention.kind in kinds]
            patients, same = cl.before(fitting_patients, s.tokens, s.clauses, hit.first, fallback=True)
            adjust -= 0.0 if same else 0.15
            if not patients and agents:
                # "a report published by X this month, Title": the patient is named after the agent.
                patients = [sp for sp in cl.after(s.spans, s.tokens, s.clauses, agents[-1].last)[:1]]
                adjust -= 0.15
            if not agents and role == VERB:
                agents = _substitute(s, hit.last, ahead, hit.form.relation)
            subjects, objects = (agents, patients) if role == VERB else (patients, agents)
            return s.parties(subjects), s.parties(objects), "passive", adjust
        if hit.form.gerund and role == VERB:
            # "warned against abolishing X", "calls for creating X": the doer is not the clause's subject.
            return [], s.parties(cl.after(ahead, s.tokens, s.clauses, hit.last)), "active", adjust
        described = role == AGENT_AFTER and cl.participial(s.tokens, s.clauses, hit.first)
        # The nearest mention that can play the part: in "The Act abolished CCGs and established ICBs"
        # the doer of "established" is the Act, not the CCGs just before it.
        fitting = [sp for sp in s.spans if sp.mention.kind in (spec.subject_kinds if role == VERB else spec.object_kinds)]
        doers, _ = cl.before(fitting, s.tokens, s.clauses, _coordinated_verb_start(s, hit), fallback=described)
        others = cl.after(ahead, s.tokens, s.clauses, hit.last)
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
    if role == NOUN:
        doers, _ = cl.before(s.spans, s.tokens, s.clauses, hit.first, fallback=False)
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


def _change_participants(s: SentenceView, change: CueHit) -> list[Party]:
    """What a change a stance governs is about: "the abolition of X" -> X; "replacing X with Y" -> Y, the newcomer."""
    following = min((h.first for h in s.hits if h.first >= change.last), default=len(s.tokens))
    ahead = [sp for sp in s.spans if sp.first < following]
    others = cl.after(ahead, s.tokens, s.clauses, change.last)
    replacement = _substitute(s, others[-1].last, ahead, change.form.relation) if others else []
    return s.parties(replacement or others)


def _status(relation: str, modal: str | None, quoted: bool, stance: tuple[str, ...]) -> str:
    if relation in stance:
        return "predicted" if modal == "predicted" else ("reported" if quoted else "fact")
    return modal or ("reported" if quoted else "fact")


def _sentence_claims(s: SentenceView, voice: Voice) -> list[Claim]:
    lex = lexicon()
    stance = _stance_relations()
    speakers = find_speakers(s, voice)
    announced = announcing(s)
    speaker_parties = speakers or [voice.document]
    attribution = speakers or voice.attribution
    question = s.sentence.text.rstrip().endswith("?")
    claims: list[Claim] = []
    # "X opposes the abolition of Y": the abolition is what X's stance is about, never X's deed.
    governed = governed_changes(s.tokens, s.clauses, s.spans, s.hits, stance)
    for hit in s.hits:
        relation = hit.form.relation
        if relation is None or question or (hit.first in governed and relation not in stance):
            continue
        subjects, objects, how, adjust = _arguments(s, hit)
        change = next((c for c in s.hits if c.first in governed and governed[c.first] is hit), None)
        if change is not None:
            objects, adjust = _change_participants(s, change), adjust - 0.1
        modal = cl.modality(lex, s.tokens, s.clauses, hit.first)
        negated = cl.negated(lex, s.tokens, s.clauses, hit.first)
        confidence = BASE_CONFIDENCE[hit.form.role] + adjust
        if voice.performative and modal in ("predicted", "announced"):
            modal = None  # in an Act, "there is to be" and "shall" enact; they do not forecast
        if not subjects:
            first_person = cl.first_person_before(s.tokens, s.clauses, hit.first)
            if voice.performative and relation not in stance and objects:
                subjects = [voice.document]  # "Monitor is abolished." in an Act: the Act abolishes it
            elif relation in stance or hit.form.role in (EVALUATION, NAMING):
                # The author (or the quoted party) is the doer only when the text says so: "we", a
                # speech verb, or an evaluation ("X gets in the way"), never a doer we failed to name.
                if hit.form.role != EVALUATION and not (first_person or speakers):
                    continue
                subjects = speaker_parties
                confidence -= 0.05
            elif modal in ("proposed", "predicted", "announced") and objects:
                proposer = speaker_parties if (first_person or speakers or modal == "proposed") else [voice.document]
                proposing = _proposing_relation()
                if _creates(relation) and proposing and any(_allowed(proposing, proposer[0], o) for o in objects):
                    # "we need to create X": the speaker proposes X (a form or policy), nobody has created it
                    relation, subjects = proposing, proposer
                else:
                    subjects = [voice.document]
                confidence -= 0.2
            else:
                continue
        quoted = speakers is not None
        status = _status(relation, modal, quoted, stance)
        if announced and status in ("predicted", "reported", "fact") and relation not in stance and (speakers or modal):
            status = "announced"
        if modal == "predicted":
            confidence -= 0.05
        for subject in subjects:
            for obj in objects:
                chosen = relation
                if not _allowed(chosen, subject, obj) and chosen in FALLBACK:
                    chosen = FALLBACK[chosen]
                if not _allowed(chosen, subject, obj):
                    continue
                score = confidence - 0.1 * (not subject.known) - 0.1 * (not obj.known) - RESOLVED_DROP * (subject.resolved or obj.resolved)
                cue_start, cue_end = s.tokens[hit.first].start, s.tokens[hit.last - 1].end
                claims.append(Claim(subject, chosen, obj, status, list(attribution), s.sentence, " ".join(
                    t.text for t in s.tokens[hit.first:hit.last]), cue_start, cue_end, how,
                    round(min(0.95, max(0.05, score)), 2), negated))
    if not question:
        claims += _possessive_claims(s, list(attribution), "reported" if speakers else "fact")
    return claims


def _possessive_claims(s: SentenceView, attribution: list[Party], status: str) -> list[Claim]:
    """"NHS England's (new) Long Term Plan": the lexicon's possessive relation, when the kinds fit."""
    relation = lexicon().possessive
    ordered = sorted(s.spans, key=lambda sp: sp.first)
    found: list[Claim] = []
    for owner, owned in pairwise(ordered):
        gap = [t.key for t in s.tokens[owner.last:owned.first]]
        subject, obj = Party.of(owner.mention), Party.of(owned.mention)
        # "its 'Integrating Care' paper": a possessive pronoun standing for the owner, then the title
        pronoun = subject.resolved and s.tokens[owner.first].key in anaphora.words().possessive and len(
            [w for w in gap if w not in anaphora.QUOTES]) <= 1
        if relation and (pronoun or 2 <= len(gap) <= 3 and gap[:2] == ["'", "s"]) and _allowed(relation, subject, obj):
            score = 0.5 - 0.1 * (not subject.known) - 0.1 * (not obj.known) - RESOLVED_DROP * subject.resolved
            start, end = (owner.mention.start, owner.mention.end) if pronoun else (s.tokens[owner.last].start, s.tokens[owner.last + 1].end)
            found.append(Claim(subject, relation, obj, status, attribution, s.sentence, s.sentence.text[start - s.sentence.start:end - s.sentence.start],
                               start, end, "possessive", round(score, 2)))
    return found


def extract_claims(text: str, sentences: list[Sentence], mentions: list[Mention], voice: Voice) -> list[Claim]:
    """Every candidate claim in ``text``, one per (subject, relation, object, status), best confidence kept."""
    lex = lexicon()
    found: dict[tuple[str, str, str, str, bool], Claim] = {}
    previous: list[Mention] = []
    for sentence in sentences:
        tokens = tokenize(text, sentence.start, sentence.end)
        if not tokens:
            continue
        inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        hits = lex.find(tokens)
        # "its paper", "it argues", "the body": parties named by a pronoun or description (this or the last sentence)
        referring = anaphora.resolve(text, tokens, hits, inside, previous)
        inside = sorted([*inside, *referring], key=lambda m: m.start)
        previous = inside
        s = SentenceView(sentence, tokens, cl.clause_ids(tokens, text), cl.locate(inside, tokens), hits)
        for claim in _sentence_claims(s, voice):
            best = found.get(claim.key())
            if best is None or claim.confidence > best.confidence:
                found[claim.key()] = claim
    return sorted(found.values(), key=lambda c: (c.sentence.start, c.cue_start, c.subject.id, c.object.id))
