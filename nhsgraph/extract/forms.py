"""A form's name that names one body: "the Special Health Authority", "the Integrated Care Board".

Legislation and official notes refer back to a particular body by its form, in the singular, with
"the" and capitals ("the Special Health Authority (the old Health Research Authority) transfers its
functions"). That is not a mention of the form; linking it to the form would say the text is about
special health authorities in general. The mention is dropped (the body itself is named elsewhere).
"""

from __future__ import annotations

from nhsgraph.extract.mentions import Mention, tokenize

FORM_KIND = "org_type"
# Words this short may stay lower case in a title-cased name ("Board of the Trust").
SMALL_WORD = 3


def _title_cased(text: str) -> bool:
    words = [t.text for t in tokenize(text) if t.text.isalpha()]
    return bool(words) and all(w[:1].isupper() for w in words if len(w) > SMALL_WORD)


def naming_one_body(text: str, mention: Mention) -> bool:
    """Is this mention of a form its singular name, capitalised, right after "the"?"""
    if mention.kind != FORM_KIND or not mention.known or mention.text.casefold() != mention.label.casefold():
        return False
    before = [t.key for t in tokenize(text, max(0, mention.start - 8), mention.start)]
    return bool(before) and before[-1] == "the" and _title_cased(mention.text)


def without_single_bodies(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without a form's name that names one body."""
    return [m for m in mentions if not naming_one_body(text, m)]
