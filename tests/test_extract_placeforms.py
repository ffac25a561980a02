"""A body named by its place and its form in lower case is a body of that form, not the form."""

from __future__ import annotations

import pytest
from extract_fixtures import run


def named(gaz, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.id, m.kind) for m in run(gaz, text).mentions]


def test_a_place_before_a_lower_case_form_names_one_body(gaz) -> None:
    found = named(gaz, "The Northshire clinical commissioning group met in May.")
    assert ("Northshire clinical commissioning group", "northshire-clinical-commissioning-group", "organisation") in found
    assert not any(kind == "org_type" for _, _, kind in found)


@pytest.mark.parametrize("text", [
    "English clinical commissioning groups met in May.",  # a nationality and a plural: the form
    "The new clinical commissioning group met in May.",  # no place
    "Each clinical commissioning group met in May.",
])
def test_a_form_without_a_place_stays_the_form(gaz, text: str) -> None:
    assert any(kind == "org_type" for _, _, kind in named(gaz, text))
