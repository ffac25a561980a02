"""Ministerial posts named for their department: "the Secretary of State for Health and Social Care".

Hansard speaker lines, parliamentary news and Library briefings introduce ministers by post, not by
department: "Secretary of State for Health, Andrew Lansley", "the then Secretary of State for Health and
Social Care, Matt Hancock". The post names the department it heads by its portfolio ("Department of" +
the portfolio's capitalised words). When that department is one the data knows, and only one, the post
stands for it as the body in a role (nhsgraph.extract.roles); it is not a mention of the department, so
it links nothing and takes part in no other claim.
"""

from __future__ import annotations

from functools import cache

from nhsgraph.extract.cues import lexicon_data
from nhsgraph.extract.gazetteer import Gazetteer
from nhsgraph.extract.mentions import Mention, Token, tokenize
from nhsgraph.extract.speakers import Party

POST_RULE = "ministerial-post"
POST_CONFIDENCE = 0.7
BARE_POST_RULE = "bare-post"  # "the Secretary of State" alone, standing for the one department the text speaks of
BARE_POST_DROP = 0.1


@cache
def _spec() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(post words, department name prefix) pairs from the lexicon, longest post first."""
    raw = lexicon_data().get("ministerial_posts", {})
    pairs = [(tuple(t.key for t in tokenize(post)), prefix) for post, prefix in raw.items()]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def _portfolio(tokens: list[Token], i: int) -> int:
    """The index after a portfolio starting at ``i``: capitalised words, joined by "and" between two of them."""
    j = i
    while j < len(tokens):
        word = tokens[j].text
        if word[:1].isupper() and word.isalpha() or word == "and" and j > i and j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper():
            j += 1
        else:
            break
    return j


def _portfolio_before(tokens: list[Token], i: int) -> int:
    """The index where a portfolio ending before ``i`` starts: "Health and Social Care" in "Health and
    Social Care Secretary" (capitalised words, joined by "and" between two of them)."""
    j = i
    while j > 0:
        word = tokens[j - 1].text
        if word[:1].isupper() and word.isalpha() or word == "and" and j < i and j > 1 and tokens[j - 2].text[:1].isupper():
            j -= 1
        else:
            break
    return j


def _department(text: str, tokens: list[Token], first: int, end: int, prefix: str, gazetteer: Gazetteer) -> Mention | None:
    """The known department "<prefix> <portfolio words first..end>" names, if exactly one."""
    name = f"{prefix} {text[tokens[first].start:tokens[end - 1].end]}"
    department = [m for m in gazetteer.find(name) if m.known and m.start == 0 and m.end == len(name)]
    return department[0] if len(department) == 1 and department[0].kind == "organisation" else None


def _not_held(tokens: list[Token], i: int) -> bool:
    """"the shadow Secretary of State", "former Secretary of State", "Parliamentary Under-Secretary of State":
    a post not held, or not the department's head."""
    j = i
    while j > 0 and tokens[j - 1].key in ("the", "then"):
        j -= 1
    words = set(lexicon_data().get("roles", {}).get("post_not_current", []))
    return i > 0 and tokens[i - 1].text == "-" or j > 0 and tokens[j - 1].key in words


def ministry(posts: list[Mention]) -> Mention | None:
    """The department a text speaks for or of, when its posts name exactly one."""
    found = {m.id: m for m in posts}
    return next(iter(found.values())) if len(found) == 1 else None


def home_department(gazetteer: Gazetteer, year: int | None) -> Party | None:
    """The health department of ``year`` (the lexicon's ``home_department``): who "the Department" and "the
    Secretary of State" are in a text on the NHS that names neither a department nor a minister. None when
    the year is unknown or the data dates no single such department in it."""
    prefix = lexicon_data().get("home_department")
    if year is None or not prefix:
        return None
    found = [i for i in gazetteer.government
             if gazetteer.kinds.get(i) == "organisation" and gazetteer.labels.get(i, "").startswith(prefix) and gazetteer.existing(i, year)]
    if len(found) != 1:
        return None
    return Party(found[0], gazetteer.labels[found[0]], "organisation", True, resolved=True)


def find_posts(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Every post in ``text`` whose department the data knows, as a mention standing for the department."""
    tokens = tokenize(text)
    keys = [t.key for t in tokens]
    found: list[Mention] = []
    after: dict[str, str] = lexicon_data().get("ministerial_posts_after_portfolio", {})
    for i in range(len(tokens)):
        for post, prefix in _spec():
            if tuple(keys[i:i + len(post)]) != post or not tokens[i].text[:1].isupper() or _not_held(tokens, i):
                continue
            first = i + len(post)
            # the longest run of portfolio words that names a known department ("... for Health Andrew Smith")
            for end in range(_portfolio(tokens, first), first, -1):
                body = _department(text, tokens, first, end, prefix, gazetteer)
                if body is not None:
                    start, stop = tokens[i].start, tokens[end - 1].end
                    found.append(Mention(start, stop, text[start:stop], body.id, body.kind, body.label, True, POST_RULE, POST_CONFIDENCE))
                    break
            break
        else:
            if keys[i] not in after or not tokens[i].text[:1].isupper() or found and found[-1].end > tokens[i].start:
                continue
            # "Health and Social Care Secretary Jane Smith": the portfolio before the post; the longest run that
            # names a known department, and nothing marking a post not held before it ("the shadow Health Secretary")
            for first in range(_portfolio_before(tokens, i), i):
                body = _department(text, tokens, first, i, after[keys[i]], gazetteer)
                if body is not None and not _not_held(tokens, first):
                    start, stop = tokens[first].start, tokens[i].end
                    found.append(Mention(start, stop, text[start:stop], body.id, body.kind, body.label, True, POST_RULE, POST_CONFIDENCE))
                    break
    return found


def bare_posts(text: str, department: Party, taken: list[Mention]) -> list[Mention]:
    """"NHS trusts will be established by the Secretary of State": a post named without its portfolio, in a
    text that speaks of one department, stands for that department. A stand-in, like a description: it takes
    part in claims but is not a mention of the department (it links nothing)."""
    tokens = tokenize(text)
    keys = [t.key for t in tokens]
    found: list[Mention] = []
    for post, _ in _spec():
        bare = post[:-1] if post and post[-1] == "for" else post
        for i in range(len(tokens) - len(bare) + 1):
            if tuple(keys[i:i + len(bare)]) != bare or not tokens[i].text[:1].isupper() or _not_held(tokens, i):
                continue
            end = i + len(bare)
            if end < len(tokens) and keys[end] == "for":
                continue  # "Secretary of State for ...": a post with its portfolio (find_posts)
            start, stop = tokens[i].start, tokens[end - 1].end
            if any(m.meets(start, stop) for m in [*taken, *found]):
                continue
            found.append(Mention(start, stop, text[start:stop], department.id, department.kind, department.label, True,
                                 BARE_POST_RULE, POST_CONFIDENCE - BARE_POST_DROP))
    return found
