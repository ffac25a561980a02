"""Candidate claims: a cue, the mentions around it, and who says so.

For each sentence: find cues (lexicon), decide voice (who does what to whom), read the
modality and negation before the cue, find the speaker (reported speech, "according to",
else the article's author), and keep only claims whose subject and object kinds the
vocabulary allows for the relation.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from nhsgraph.extract import anaphora, nominals
from nhsgraph.extract import clauses as cl
from nhsgraph.extract.approvals import approval_claims
from nhsgraph.extract.arguments import arguments, change_participants, clause_subject, creates
from nhsgraph.extract.claim import BASE_CONFIDENCE, RESOLVED_DROP, Claim, allowed
from nhsgraph.extract.cues import (
    AGENT_NOUN,
    BECOME,
    EVALUATION,
    NAMING,
    NOUN,
    TRANSFER,
    CueHit,
    lexicon,
    lexicon_data,
    provisions,
)
from nhsgraph.extract.dependents import subject_noun_modality
from nhsgraph.extract.instances import instance_claims, named_bodies
from nhsgraph.extract.mentions import Mention, Token, tokenize
from nhsgraph.extract.name_claims import novelty_claims, possessive_claims, role_claims
from nhsgraph.extract.roles import find_roles
from nhsgraph.extract.sentences import Sentence
from nhsgraph.extract.speakers import (
    Party,
    SentenceView,
    Voice,
    announcing,
    find_speakers,
    heading_speakers,
    next_paragraph,
    unnamed_speaker,
)
from nhsgraph.extract.stances import governed_changes, motion, of_an_aspect, stance_beside
from nhsgraph.vocabulary import vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Claim", "Party", "Voice", "extract_claims", "says_enacted"]

# The text's title as the antecedent of "the Bill": a name the reader was given, but not in the text itself.
TITLE_RULE, TITLE_CONFIDENCE = "title", 0.8
HOME_RULE, HOME_CONFIDENCE = "department-of-the-year", 0.6  # "the Department" in a text naming none: the year's


def _stance_relations() -> tuple[str, ...]:
    """Relations that state a party's position (supports, opposes, proposes): the lexicon's stance cues."""
    vocab = vocabulary()
    return tuple(r for r in vocab.relations if set(vocab.relations[r].subject_kinds) >= {"person", "organisation", "document"})


def _proposing_relation() -> str | None:
    """The relation for "X puts Y forward": the stance relation whose objects include proposals."""
    vocab = vocabulary()
    return next((r for r in _stance_relations() if "proposal" in vocab.relations[r].object_kinds
                 and "person" not in vocab.relations[r].object_kinds and "organisation" not in vocab.relations[r].object_kinds), None)


def _bill(party: Party) -> bool:
    """Is the party a Bill ("the Bill", "Health and Care Bill", or "It" standing for one)? The lexicon's ``bills``."""
    words = {t.key for t in tokenize(party.written)}
    return party.kind in _bill_kinds() and bool(words & set(lexicon_data().get("bills", [])))


@cache
def _bill_kinds() -> tuple[str, ...]:
    """The kinds a Bill is linked as: those the descriptions "the bill" stand for (an Act, in the lexicon)."""
    heads = lexicon_data()["anaphora"]["descriptions"]["heads"]
    return tuple(kind for kind, names in heads.items() if set(names) & set(lexicon_data().get("bills", [])))


def provision_heading(tokens: list[Token]) -> bool:
    """Does the sentence open with a provision's label ("Clause 26 -", "Section 2:", "Part 1")? Its words
    are the provision's heading (the lexicon's ``provisions``)."""
    return len(tokens) >= 3 and tokens[0].text[:1].isupper() and tokens[0].key in provisions() and tokens[1].text[:1].isdigit()


def _unspanned(party: Party | None, rule: str, confidence: float) -> Mention | None:
    """A party the text implies but does not name there, as an antecedent a description may stand for: the
    Bill or Act its title names ("the Bill"), the department of its year ("the Department")."""
    if party is None:
        return None
    return Mention(0, 0, party.written or party.label, party.id, party.kind, party.label, party.known, rule, confidence)


def says_enacted(text: str) -> bool:
    """Does the article say a Bill became law ("received Royal Assent")? The lexicon's ``enacted``."""
    keys = [t.key for t in tokenize(text)]
    phrases = [tuple(t.key for t in tokenize(p)) for p in lexicon_data().get("enacted", [])]
    starts = {p[0] for p in phrases}
    return any(tuple(keys[i:i + len(p)]) == p for i, k in enumerate(keys) if k in starts for p in phrases)


def _status(relation: str, modal: str | None, quoted: bool, stance: tuple[str, ...]) -> str:
    if relation in stance:
        return "predicted" if modal == "predicted" else ("reported" if quoted else "fact")
    return modal or ("reported" if quoted else "fact")


def _modality(s: SentenceView, hit: CueHit, voice: Voice, stance: bool) -> str | None:
    """The status the words around a cue give it: a modal or hedge in its clause, else the sentence's
    label ("Proposal: ..."), else a headline's "X to replace Y". In a document that sets out a
    proposal, what would happen is what is proposed, as is a change it names without a doer."""
    modal = cl.modality(lexicon(), s.tokens, s.clauses, hit.first) or cl.label_status(s.tokens)
    if modal is None and s.doc is not None and hit.form.role in (NOUN, AGENT_NOUN):
        modal = subject_noun_modality(s.doc, s, hit, lexicon().modality)  # "The merger of X and Y will take place"
    if modal is None and cl.headline_future(s.tokens, s.spans, hit.first):
        modal = "predicted"
    if voice.proposing and not stance and (modal == "predicted" or modal is None and hit.form.role in (NOUN, AGENT_NOUN)):
        modal = "proposed"
    return modal


def _sentence_claims(s: SentenceView, voice: Voice, role_spans: list[cl.Span], ministers: frozenset[str] = frozenset()) -> list[Claim]:
    """The claims of one sentence. ``ministers``: people the text has so far named as heading ``voice.ministry``."""
    lex = lexicon()
    stance = _stance_relations()
    found_roles = find_roles(role_spans, s.tokens)  # before the speaker is taken out: "X, Chair of Y, said"
    speakers = find_speakers(s, voice) or s.quoted
    unnamed = speakers is None and unnamed_speaker(s)  # "Witnesses told us that ...": reported, by nobody we can name
    announced = announcing(s)
    speaker_parties = speakers or [voice.own]
    attribution = speakers or voice.attribution
    question = s.sentence.text.rstrip().endswith("?")
    heading = provision_heading(s.tokens)
    claims: list[Claim] = []
    # "X opposes the abolition of Y": the abolition is what X's stance is about, never X's deed.
    governed = governed_changes(s.tokens, s.clauses, s.spans, s.hits, stance)
    for hit in s.hits:
        relation = hit.form.relation
        if relation is None or question or (hit.first in governed and relation not in stance) or cl.noun_compound(s.tokens, hit):
            continue
        if unnamed and (relation in stance or hit.form.role in (EVALUATION, NAMING)):
            continue  # a stance needs a holder: not the article, which only reports it
        if voice.performative and relation in stance:
            continue  # an Act or order does what it says; it holds no views ("liabilities for loss, damage or injury")
        subjects, objects, how, adjust = arguments(s, hit)
        whole = nominals.transfer_relation(s, hit) if hit.form.role == TRANSFER and len(subjects) == 1 else relation
        if whole != relation and all(allowed(whole, o, subjects[0]) for o in objects):
            # X merges into Y; a form's functions passing to another form stay a replacement (forms do not merge)
            relation, subjects, objects = whole, objects, subjects
        change = next((c for c in s.hits if c.first in governed and governed[c.first] is hit), None)
        if change is not None:
            if relation == _proposing_relation() and not creates(change.form.relation or ""):
                continue  # "I am proposing to abolish X" proposes the abolition, not X
            objects, adjust = change_participants(s, change), adjust - 0.1
        if creates(relation) and (named := named_bodies(s)):
            # "there is established a special health authority, to be known as X": X is what is established
            objects = list({b.id: b for o in objects for b in named.get(o.id, [o])}.values())
        if relation in stance:
            objects = [o for o in objects if not of_an_aspect(s.tokens, s.spans, hit, o.id)]
            if change is None:
                objects = [o for o in objects if not stance_beside(s, hit, o)]
        modal = _modality(s, hit, voice, relation in stance)
        bill_does = any(_bill(p) for p in clause_subject(s, hit))  # "It [the Bill] would ... replace them with ICBs"
        negated = cl.negated(lex, s.tokens, s.clauses, hit.first)
        confidence = BASE_CONFIDENCE[hit.form.role] + adjust
        if voice.performative and modal in ("predicted", "announced"):
            modal = None  # in an Act, "there is to be" and "shall" enact; they do not forecast
        government = False  # the change is the content of the Bill a minister speaks for
        forecast = False  # a speaker's forecast of what the Bill under debate will do keeps its modality
        if not subjects:
            first_person = cl.first_person_before(s.tokens, s.clauses, hit.first) or motion(s.tokens)
            provider = voice.document if voice.performative else s.bill if not voice.enacted else None
            if (voice.titled is not None and not voice.performative and relation not in stance and objects
                    and hit.form.role not in (EVALUATION, NAMING) and cl.provision_subject(s.tokens, hit.first, voice.titled.label)):
                # "This section establishes X" in the explanatory notes of (or a debate on) the instrument the title names
                subjects = [voice.titled]
            elif heading and provider is not None and relation not in stance and objects and hit.form.role not in (EVALUATION, NAMING):
                # "Clause 26 - Abolition of Monitor": a provision's heading names what the Act does, or the Bill would
                subjects, government = [provider], not voice.performative
            elif (s.bill is not None and not voice.enacted and relation not in stance and objects and not speakers
                    and hit.form.role not in (EVALUATION, NAMING)
                    and (cl.government_voice(s.tokens, s.clauses, hit.first, s.hits) or how == "passive" and modal is not None)):
                # a minister on his Bill ("we will abolish PCTs": its content, proposed), or a debate on it
                # ("health authorities will be abolished": the speaker's forecast of what the Bill will do)
                government = how != "passive"
                subjects, confidence, forecast = [s.bill], confidence - 0.1, not government
            elif (voice.ministry is not None and s.bill is None and relation not in stance and objects and not speakers
                  and hit.form.role not in (EVALUATION, NAMING) and how != "passive"
                  and cl.government_voice(s.tokens, s.clauses, hit.first, s.hits, "ministry_voice")):
                subjects, confidence = [voice.ministry], confidence - 0.1  # "we have established X": the department
            elif voice.performative and relation not in stance and objects:
                subjects = [voice.document]  # "Monitor is abolished." in an Act: the Act abolishes it
            elif relation in stance or hit.form.role in (EVALUATION, NAMING):
                # The author (or the quoted party) is the doer only when the text says so: "we", a
                # speech verb, or an evaluation ("X gets in the way"), never a doer we failed to name.
                if hit.form.role != EVALUATION and not (first_person or speakers):
                    continue
                subjects = speaker_parties
                confidence -= 0.05
            elif modal in ("proposed", "predicted", "announced") and objects:
                if not (voice.proposing or first_person or speakers or modal == "proposed"):
                    continue  # "The government will create X": a doer we failed to name is not the article
                proposer = speaker_parties if (first_person or speakers or modal == "proposed") else [voice.document]
                proposing = _proposing_relation()
                if creates(relation) and proposing and any(allowed(proposing, proposer[0], o) for o in objects):
                    # "we need to create X": the speaker proposes X (a form or policy), nobody has created it
                    relation, subjects = proposing, proposer
                elif voice.ministry is not None and (speakers or first_person) and {p.id for p in proposer} <= ministers:
                    # "the Secretary of State announced the creation of X", or the minister speaking in a debate
                    # ("I announced ... my intention to abolish X"): the department
                    subjects = [voice.ministry]
                elif speakers and len(proposer) == 1 and proposer[0].id in voice.governing:
                    # "the Department announced the abolition of X": a government department announces its own decision
                    subjects = proposer
                else:
                    subjects = [voice.document]  # the document's own proposal ("CCGs would be abolished")
                confidence -= 0.2
            else:
                continue
        quoted = speakers is not None or unnamed
        status = _status(relation, modal, quoted, stance)
        if announced and status in ("predicted", "reported", "fact") and relation not in stance and (speakers or modal):
            status = "announced"
        if unnamed and status != "reported":
            continue  # an unnamed speaker's wish or forecast has nobody to attribute it to
        if modal == "predicted":
            confidence -= 0.05
        for subject in subjects:
            for obj in objects:
                if subject.id == obj.id:
                    continue  # a mutual merger's pair, read both ways
                chosen, first, second = relation, subject, obj
                if hit.form.role == BECOME:  # "X became Y": what that means depends on what X and Y are
                    becoming = nominals.becoming_relation(subject.kind, obj.kind)
                    if becoming is None:
                        continue
                    chosen, swapped = becoming
                    first, second = (obj, subject) if swapped else (subject, obj)
                chosen = nominals.joining_relation(hit, chosen, first.kind, second.kind)
                if not allowed(chosen, first, second):
                    continue
                score = confidence - 0.1 * (not first.known) - 0.1 * (not second.known) - RESOLVED_DROP * (first.resolved or second.resolved)
                cue_start, cue_end = s.tokens[hit.first].start, s.tokens[hit.last - 1].end
                cue = s.sentence.text[cue_start - s.sentence.start:cue_end - s.sentence.start]  # as written: "re-allocated to"
                # "NHS Providers should oppose the Bill": the speaker wants a position taken; "we should
                # oppose it" is the speaker's own position, a fact about the speaker
                wished = chosen in stance and modal == "proposed" and first.id not in {voice.document.id, *(p.id for p in attribution)}
                # "It [the Bill] would abolish X", "The Bill establishes Y": a Bill only proposes what it would do
                billed = government or not forecast and (chosen not in stance and status in ("fact", "predicted") and not voice.enacted
                                        and (_bill(first) or bill_does))
                claims.append(Claim(first, chosen, second, "proposed" if wished or billed else status, list(attribution), s.sentence, cue, cue_start, cue_end, how,
                                    round(min(0.95, max(0.05, score)), 2), negated))
    if not question:
        claims += possessive_claims(s, list(attribution), "reported" if speakers else "fact")
        claims += instance_claims(s, list(attribution), "reported" if speakers else "fact")
        organisations = [a for a in voice.authors if a.known and a.kind == "organisation"]
        claims += role_claims(s, found_roles, voice.attribution, organisations[0] if len(organisations) == 1 else None)
        if not speakers:
            claims += novelty_claims(s, voice, list(attribution))
    return claims


def extract_claims(text: str, sentences: list[Sentence], mentions: list[Mention], voice: Voice,
                   described: list[Mention] | None = None, posts: list[Mention] | None = None,
                   turns: list[tuple[int, int, Party]] | None = None, doc: Doc | None = None) -> tuple[list[Claim], list[Mention]]:
    """Every candidate claim in ``text``, one per (subject, relation, object, status), best confidence kept,
    and the descriptions said of one entity all through the text ("the Bill", "the Department"), resolved
    on the way for the claims' parties, to be listed as mentions (``anaphora.listed_kind``).
    ``described``: bodies described, not named, resolved to the body they stand for (parties, not mentions).
    ``posts``: ministerial posts standing for their department, read only as the body of a role.
    ``turns``: (start, end, member) of each contribution in a debate record: the member speaks there.
    ``doc``: the text as the English pipeline parsed it, which finds a verb's parties the surface rules miss."""
    article_voice = voice
    lex = lexicon()
    titled = _unspanned(voice.titled, TITLE_RULE, TITLE_CONFIDENCE)
    home = _unspanned(voice.home, HOME_RULE, HOME_CONFIDENCE)
    found: dict[tuple[str, str, str, str, bool], Claim] = {}
    previous: list[Mention] = []
    previous_start: int | None = None
    seen: list[Mention] = []  # every mention before the sentence, for descriptions that reach back ("the Bill")
    listed: list[Mention] = []
    quote: tuple[int, int, list[Party]] | None = None  # the paragraph a "X said:" line introduces, and X
    ministers: set[str] = set()  # who the text names as heading the department it speaks of
    for sentence in sentences:
        tokens = tokenize(text, sentence.start, sentence.end)
        if not tokens:
            continue
        member = next((p for start, end, p in turns or [] if start <= sentence.start < end), None)
        voice = replace(article_voice, turn=member) if member is not None else article_voice
        inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        modifying = nominals.modifiers(text, inside)
        inside = [m for m in inside if all(m is not x for x in modifying)]
        hits = [h for h in lex.find(tokens) if not nominals.naming_a_new_body(tokens, h)]
        # "its paper", "it argues", "the body": parties named by a pronoun or description (this or the last sentence)
        referring = anaphora.resolve(text, tokens, hits, inside, previous, seen, descriptions=not voice.performative,
                                     previous_start=previous_start, titled=titled, home=home)
        listed += [m for m in referring if anaphora.listed_kind(m)]
        referring += [m for m in described or [] if sentence.start <= m.start and m.end <= sentence.end]
        inside = sorted([*inside, *referring], key=lambda m: m.start)
        seen += inside
        previous, previous_start = inside, sentence.start
        bill = next((Party.of(m) for m in reversed(seen) if _bill(Party.of(m))), None)
        if bill is None and provision_heading(tokens):  # a clause's heading may come before the Bill is named
            bill = next((Party.of(m) for m in mentions if _bill(Party.of(m))), None)
        if quote is not None and sentence.start >= quote[1]:
            quote = None  # the quoted paragraph has ended
        s = SentenceView(sentence, tokens, cl.clause_ids(tokens, text), cl.locate(inside, tokens), hits, bill,
                         quote[2] if quote is not None and sentence.start >= quote[0] else None, doc)
        heading = heading_speakers(s, voice, text)
        if heading:
            quote = (*next_paragraph(text, heading[0]), heading[1])
        held = [m for m in posts or [] if sentence.start <= m.start and m.end <= sentence.end]
        role_spans = cl.locate(sorted([*inside, *held], key=lambda m: m.start), tokens) if held else s.spans
        for claim in [*_sentence_claims(s, voice, role_spans, frozenset(ministers)), *approval_claims(text, s, voice, mentions)]:
            if voice.ministry is not None and claim.voice == "role" and claim.object.id == voice.ministry.id:
                ministers.add(claim.subject.id)
            best = found.get(claim.key())
            if best is None or claim.confidence > best.confidence:
                found[claim.key()] = claim
    return sorted(found.values(), key=lambda c: (c.sentence.start, c.cue_start, c.subject.id, c.object.id)), listed
