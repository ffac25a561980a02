"""Properties of name resolution: any id, label or alias, in any case or plural form, finds its entity."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nhsgraph.dataset import Dataset
from nhsgraph.model import Organisation
from nhsgraph.names import normalise, singular

SETTINGS = settings(max_examples=100, deadline=None)
# Words of letters from any script, and the punctuation names carry ("King's", "A&E", "(ICB)").
letters = st.characters(categories=("Lu", "Ll", "Lo"), exclude_characters="ſ")
word = st.text(letters, min_size=1, max_size=10)
name = st.lists(word, min_size=1, max_size=4).map(" ".join) | st.tuples(word, st.sampled_from(["'s", "&", "-", " (x)"]), word).map("".join)
# Last words the simple singulariser handles: plain consonant endings, and -y (-> -ies).
pluralisable = st.tuples(st.text(st.sampled_from("abcdefghijklmnoprtuvw"), min_size=2, max_size=8),
                         st.sampled_from("bcdfgklmnprtv")).map("".join)


def dataset_of(names: list[list[str]]) -> Dataset:
    """One organisation per list of names (first is the label, the rest aliases)."""
    entities = {}
    for i, (label, *aliases) in enumerate(names):
        entities[f"body-{i}"] = Organisation(id=f"body-{i}", label=label, aliases=aliases)
    return Dataset(entities=entities)


def distinct(names: list[list[str]]) -> bool:
    """No two entities share a name once case, spacing and a plural 's' are ignored."""
    keys = [{singular(normalise(n)) for n in group} | {normalise(n) for n in group} for group in names]
    return all(keys[i].isdisjoint(keys[j]) for i in range(len(keys)) for j in range(i + 1, len(keys)))


def recase(text: str, flips: list[bool]) -> str:
    return "".join(c.upper() if flip else c.lower() for c, flip in zip(text, flips + [False] * len(text)))


@SETTINGS
@given(names=st.lists(st.lists(name, min_size=1, max_size=3), min_size=1, max_size=5), pick=st.data())
def test_any_label_or_alias_in_any_case_resolves(names: list[list[str]], pick: st.DataObject) -> None:
    assume(distinct(names))
    dataset = dataset_of(names)
    i = pick.draw(st.integers(0, len(names) - 1))
    typed = pick.draw(st.sampled_from(names[i]))
    flips = pick.draw(st.lists(st.booleans(), max_size=len(typed)))
    recased = recase(typed, flips)
    # Only case changes Unicode calls caseless-equal: upper("ı") is "I", but "I" folds to "i".
    assume(recased.casefold() == typed.casefold() and not normalise(typed).startswith("the "))
    spaced = pick.draw(st.sampled_from(["{}", "  {} ", "the {}", "The  {}"])).format(recased)
    assert dataset.resolve(spaced).id == f"body-{i}"
    assert dataset.resolve(f"body-{i}").id == f"body-{i}"


@SETTINGS
@given(head=st.lists(word, max_size=2).map(" ".join), last=pluralisable, y=st.booleans(), others=st.lists(name, max_size=3))
def test_plural_of_a_name_resolves_to_it(head: str, last: str, y: bool, others: list[str]) -> None:
    singular_name = f"{head} {last}{'y' if y else ''}".strip()
    plural = f"{head} {last}{'ies' if y else 's'}".strip()
    names = [[singular_name], *([o] for o in others)]
    assume(distinct(names) and all(normalise(plural) != normalise(o) for o in others))
    shouted = plural.upper()
    assume(shouted.casefold() == plural.casefold())  # see above: caseless-equal forms only
    assert dataset_of(names).resolve(shouted).id == "body-0"


def test_letter_that_case_folds_into_several_code_points_matches_its_upper_case() -> None:
    # Found by the property above: "ῒ" folds to iota + two combining marks, "Ϊ̀" to ϊ + one.
    assert dataset_of([["Αῒ body"]]).resolve("αῒ BODY".upper()).id == "body-0"
