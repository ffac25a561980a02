"""Roles named beside a person: "Jane Smith, Chair of the Example Trust" (the person leads the body).

Committee reports, news and briefings introduce witnesses and speakers by their posts. A post that
heads a body (the lexicon's ``roles``: chair, chief executive, president ...) next to a named person
and a body the data knows states that the person leads it. Two shapes are read, both with the
person and the body named: the appositive ("Jane Smith, Chair of X and Y") and the title before the
name ("X's chief executive, Jane Smith", "X chief executive Jane Smith"). A post marked as past,
deputy or temporary ("former Chief Executive of X", "deputy chair of X") states nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from nhsgraph.extract import clauses as cl
from nhsgraph.extract.cues import lexicon_data
from nhsgraph.extract.mentions import Token, phrase_end, tokenize
from nhsgraph.extract.posts import POST_RULE
from nhsgraph.vocabulary import vocabulary


@dataclass(frozen=True)
class Roles:
    relation: str
    titles: tuple[tuple[str, ...], ...]  # longest first
    linking: frozenset[str]
    not_current: frozenset[str]
    honours: frozenset[str] = frozenset()
    after_body: tuple[tuple[str, ...], ...] = ()  # titles also read after the body ("Example ICS Lead")
    led_by: tuple[tuple[str, ...], ...] = ()  # "X, led by Jane Smith"
    under: tuple[tuple[str, ...], ...] = ()  # "under the chairmanship of Jane Smith"
    post_not_current: frozenset[str] = frozenset()
    styles: frozenset[str] = frozenset()  # forms of address before a name: professor, dr, dame
    bridge: frozenset[str] = frozenset()  # words between a person and the post they hold: "has been appointed as the"
    being: frozenset[str] = frozenset()  # the verbs among them that say so: is, was, appointed, served
    appointing: frozenset[str] = frozenset()  # words that make the post one named to, not yet held: new, next, will


@dataclass
class Role:
    person: cl.Span
    bodies: list[cl.Span]
    first: int  # token index of the title's first word
    last: int  # token index after it
    status: str = "fact"  # "announced" for a post someone is named to ("confirmed as the new chair of X")


@cache
def roles() -> Roles | None:
    raw = lexicon_data().get("roles")
    if not raw:
        return None
    titles = sorted((tuple(t.key for t in tokenize(title)) for title in raw["titles"]), key=len, reverse=True)
    after = sorted({*titles, *(tuple(t.key for t in tokenize(title)) for title in raw.get("titles_after_body", []))}, key=len, reverse=True)
    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((tuple(t.key for t in tokenize(p)) for p in raw.get(key, [])), key=len, reverse=True))

    return Roles(raw["relation"], tuple(titles), frozenset(raw.get("linking", [])), frozenset(raw.get("not_current", [])),
                 frozenset(raw.get("honours", [])), tuple(after), phrases("led_by"), phrases("under"),
                 frozenset(raw.get("post_not_current", [])), frozenset(raw.get("styles", [])),
                 frozenset(raw.get("bridge", [])), frozenset(raw.get("being", [])), frozenset(raw.get("appointing", [])))


def _title_at(tokens: list[Token], i: int, spec: Roles, titles: tuple[tuple[str, ...], ...] | None = None) -> int | None:
    """The index after a title starting at ``i``, if one does."""
    keys = [t.key for t in tokens]
    return next((i + len(t) for t in (spec.titles if titles is None else titles) if tuple(keys[i:i + len(t)]) == t), None)


def _kinds(spec: Roles) -> tuple[tuple[str, ...], tuple[str, ...]]:
    relation = vocabulary().relations[spec.relation]
    return tuple(relation.subject_kinds), tuple(relation.object_kinds)


def _appositive(spans: list[cl.Span], tokens: list[Token], person: cl.Span, spec: Roles) -> Role | None:
    """"Jane Smith, Chair of X and Y", "Jane Smith CBE, Chief Executive, X", "Jane Smith, X Lead", and a
    list of posts ("Jane Smith, director at X and chair of Y"): the bodies each heading post names."""
    i = person.last
    while i < len(tokens) and tokens[i].key in spec.honours:
        i += 1
    if i < len(tokens) and tokens[i].text == ",":
        i += 1
    stop = next((j for j in range(i, len(tokens)) if tokens[j].text in (",", ";", ":")), len(tokens))
    starts = [i] + [j + 1 for j in range(i, stop) if tokens[j].key == "and"]
    for k in starts:
        role = _post_after(spans, tokens, person, k, spec) or (_post_before(spans, tokens, person, k, spec) if k == i else None)
        if role is not None:
            return role
    return None


def _post_after(spans: list[cl.Span], tokens: list[Token], person: cl.Span, i: int, spec: Roles) -> Role | None:
    """A title, then "of"/"at"/"for" (or a comma) and the bodies: "Chair of X and Y", "Chief Executive, X"."""
    if i < len(tokens) and tokens[i].key == "the":
        i += 1
    end = _title_at(tokens, i, spec)
    if end is not None:
        end = _after_acronym(tokens, end)  # "Chief Executive Officer (CEO) of X"
    if end is None or end >= len(tokens) or not (tokens[end].key in spec.linking or tokens[end].text == ","):
        return None
    _, body_kinds = _kinds(spec)
    reach = end + 1 if tokens[end].text == "," else end + 2  # after a comma, the body must follow at once
    first = [sp for sp in spans if end < sp.first <= reach and sp.mention.kind in body_kinds]
    if not first:
        return None
    if first[0].last < len(tokens) and tokens[first[0].last].key == "'":
        return None  # "head of NHS England's digital team": a post in a part of the body, not its head
    bodies = [sp for sp in cl.after(spans, tokens, [0] * len(tokens), first[0].first) if sp.mention.kind in body_kinds]
    return Role(person, bodies, i, end)


def _after_acronym(tokens: list[Token], i: int) -> int:
    """The token after a title's bracketed acronym ("(CEO)") starting at ``i``; ``i`` itself if none does."""
    if i + 2 < len(tokens) and tokens[i].text == "(" and tokens[i + 1].text.isupper() and tokens[i + 2].text == ")":
        return i + 3
    return i


def _post_before(spans: list[cl.Span], tokens: list[Token], person: cl.Span, i: int, spec: Roles) -> Role | None:
    """"Jane Smith, (the) Example ICS Lead, said", "Jane Smith, the Board's Chief Executive, said": the body, then
    the title (any heading title after a possessive), then a comma, colon or the end."""
    if i < len(tokens) and tokens[i].key == "the":
        i += 1
    _, body_kinds = _kinds(spec)
    body = next((sp for sp in spans if sp.first == i and sp.mention.kind in body_kinds), None)
    if body is None:
        return None
    i = body.last
    owned = [t.key for t in tokens[i:i + 2]] == ["'", "s"] or i < len(tokens) and tokens[i].key == "'"
    if owned:  # "Jane Smith, NHS England's chief executive, said": any heading title after the possessive
        i += 2 if [t.key for t in tokens[i:i + 2]] == ["'", "s"] else 1
    end = _title_at(tokens, i, spec, None if owned else spec.after_body)
    if end is None or (end < len(tokens) and tokens[end].text not in (",", ":", ".")):
        return None
    return Role(person, [body], i, end)


def _title_first(spans: list[cl.Span], tokens: list[Token], body: cl.Span, spec: Roles) -> Role | None:
    """"X's chief executive, Jane Smith" and "X chief executive Jane Smith": the person right after the title."""
    i = body.last
    if [t.key for t in tokens[i:i + 2]] == ["'", "s"]:
        i += 2
    elif i < len(tokens) and tokens[i].key == "'":  # "NHS Providers' chief executive"
        i += 1
    end = _title_at(tokens, i, spec)
    if end is None:
        return None
    j = end + 1 if end < len(tokens) and tokens[end].text == "," else end
    person_kinds, _ = _kinds(spec)
    person = next((sp for sp in spans if sp.first == j and sp.mention.kind in person_kinds), None)
    return Role(person, [body], i, end) if person is not None else None


def _post(spans: list[cl.Span], tokens: list[Token], post: cl.Span, spec: Roles) -> Role | None:
    """A ministerial post standing for its department (nhsgraph.extract.posts) and the person holding it,
    named right after it ("Secretary of State for Health, Jane Smith") or right before it ("Jane Smith,
    the Secretary of State for Health", a Hansard speaker line "Jane Smith The Secretary of State ...")."""
    first = post.first
    while first > 0 and tokens[first - 1].key in ("the", "then"):
        first -= 1
    if first > 0 and tokens[first - 1].key in spec.post_not_current or post.first > 0 and tokens[post.first - 1].key in spec.post_not_current:
        return None  # "the shadow Secretary of State", "former Secretary of State"
    person_kinds, _ = _kinds(spec)
    # after it: "..., Jane Smith", "... (Mrs. Jane Smith)" (a Hansard speaker line), "... Jane Smith"
    after = post.last + 1 if post.last < len(tokens) and tokens[post.last].text in (",", "(") else post.last
    starts = range(after, _past_styles(tokens, after, spec) + 1)  # the name may take in its style ("Mr. Jane Smith")
    before = first - 1 if first > 0 and tokens[first - 1].text == "," else first
    person = next((sp for sp in spans if sp.mention.kind in person_kinds and (sp.first in starts or sp.last == before)), None)
    return Role(person, [post], post.first, post.last) if person is not None else None


def _past_styles(tokens: list[Token], i: int, spec: Roles) -> int:
    """The index after any forms of address at ``i`` ("Professor", "Mr.", "Dr"): where the name starts."""
    while i < len(tokens) and tokens[i].key in spec.styles:
        i += 1
    return i


def _title_of_body(spans: list[cl.Span], tokens: list[Token], body: cl.Span, spec: Roles) -> Role | None:
    """"The Chair of X, Professor Jane Smith, said": a title and "of" right before the body, then a comma
    and the person."""
    i = body.first - 1 if body.first > 0 and tokens[body.first - 1].key == "the" else body.first
    if i < 1 or tokens[i - 1].key not in spec.linking:
        return None
    start = next((i - 1 - len(t) for t in spec.titles if [x.key for x in tokens[i - 1 - len(t):i - 1]] == list(t)), None)
    if start is None or start < 0 or body.last >= len(tokens) or tokens[body.last].text != ",":
        return None
    person_kinds, _ = _kinds(spec)
    starts = range(body.last + 1, _past_styles(tokens, body.last + 1, spec) + 1)  # the name may take in its style
    person = next((sp for sp in spans if sp.first in starts and sp.mention.kind in person_kinds), None)
    return Role(person, [body], start, i - 1) if person is not None else None


def _predicated(spans: list[cl.Span], tokens: list[Token], person: cl.Span, spec: Roles) -> Role | None:
    """"Jane Smith is the chief executive of X", "Jane Smith has been confirmed as the new chair of X",
    "Jane Smith served as Chair of X": a verb of being or appointment between the person and the post.
    A post someone is named to ("the new chair", "will be") is announced, not yet held."""
    i = person.last
    while i < len(tokens) and tokens[i].key in spec.bridge:
        i += 1
    gap = {t.key for t in tokens[person.last:i]}
    if not gap & spec.being:
        return None
    role = _post_after(spans, tokens, person, i, spec)
    if role is None:
        return None
    role.first = person.last
    role.status = "announced" if gap & spec.appointing else "fact"
    return role


_OF = frozenset({"of", "for", "into", "on", "about", "by", "with", "from", "to"})
_BE = frozenset({"is", "was", "will", "would", "be", "been", "being", "are", "were", "to", "also", "currently", "now", "'s", ","})


def _led(spans: list[cl.Span], tokens: list[Token], spec: Roles) -> list[Role]:
    """"The agency, led by Jane Smith", "X would be led by Jane Smith", "set up X under the chairmanship of
    Jane Smith": the person named at once after the phrase leads the body it belongs to."""
    person_kinds, body_kinds = _kinds(spec)
    found: list[Role] = []
    keys = [t.key for t in tokens]
    for i in range(len(tokens)):
        led, under = phrase_end(keys, i, spec.led_by), phrase_end(keys, i, spec.under)
        end = led or under
        if end is None:
            continue
        while end < len(tokens) and tokens[end].key in spec.styles:
            end += 1  # "under the chairmanship of Professor Jane Smith"
        person = next((sp for sp in spans if sp.first == end and sp.mention.kind in person_kinds), None)
        before = [sp for sp in spans if sp.last <= i]
        if person is None or not before:
            continue
        body: cl.Span | None
        if led is not None:  # the body right before, only auxiliaries or a comma between
            body = max(before, key=lambda sp: sp.last)
            if any(t.key not in _BE for t in tokens[body.last:i]):
                continue
            ahead = body.first - 1 if body.first > 0 and tokens[body.first - 1].key == "the" else body.first
            if ahead > 0 and tokens[ahead - 1].key in _OF:
                continue  # "a review of X, led by Jane Smith": the review is led, not X
        else:  # the last body named before the phrase
            body = max((sp for sp in before if sp.mention.kind in body_kinds), key=lambda sp: sp.last, default=None)
            if body is None:
                continue
        if body.mention.kind in body_kinds:
            found.append(Role(person, [body], i, end))
    return found


def _listed_post(spans: list[cl.Span], tokens: list[Token], person: cl.Span, spec: Roles) -> Role | None:
    """A line that is only a name and a heading title ("Richard Meddings, Chair", in a list of a board's
    members): a post in the body whose list it is, which the line does not name (``bodies`` is empty)."""
    if person.first != 0 or person.last + 1 >= len(tokens) or tokens[person.last].text != ",":
        return None
    end = _title_at(tokens, person.last + 1, spec)
    if end is None:
        return None
    end = _after_acronym(tokens, end)
    if any(t.text not in (".", ";") for t in tokens[end:]):
        return None
    return Role(person, [], person.last + 1, end)


def find_roles(spans: list[cl.Span], tokens: list[Token]) -> list[Role]:
    """Every person a sentence names as the head of a body it names (known bodies only, but after "led by"),
    and a line that names a person and a heading title only (a role with no body: the list's own body)."""
    spec = roles()
    if spec is None:
        return []
    person_kinds, body_kinds = _kinds(spec)
    found: list[Role] = []
    # "X, led by Jane Smith" is read for a body the data lacks too: the phrase itself says X is a body
    # headed by a person (a title beside a name says less: "Jane Smith, chair of the new trust board")
    found += _led(spans, tokens, spec)
    posts = [_post(spans, tokens, sp, spec) for sp in spans if sp.mention.rule == POST_RULE]
    for held in [p for p in posts if p is not None]:
        held.bodies = [b for b in held.bodies if b.mention.known]
        if held.bodies:
            found.append(held)
    for span in spans:
        if span.mention.rule == POST_RULE:
            continue
        if span.mention.kind in person_kinds:
            role = _appositive(spans, tokens, span, spec) or _predicated(spans, tokens, span, spec)
        elif span.mention.kind in body_kinds:
            role = _title_first(spans, tokens, span, spec) or _title_of_body(spans, tokens, span, spec)
            if role is not None and span.first > 0 and tokens[span.first - 1].key in spec.not_current:
                role = None  # "former NHS England chief executive Jane Smith"
        else:
            role = None
        if role is None or (role.first > 0 and tokens[role.first - 1].key in spec.not_current):
            continue
        role.bodies = [b for b in role.bodies if b.mention.known]
        if role.bodies:
            found.append(role)
    listed = next((sp for sp in spans if sp.first == 0 and sp.mention.kind in person_kinds), None)
    bare = _listed_post(spans, tokens, listed, spec) if listed is not None and not found else None
    return [*found, bare] if bare is not None else found
