"""A merger naming two bodies and no body they merge into reads each as merging into the other."""

from __future__ import annotations

import pytest
from extract_fixtures import run, triples


def mergers(result: object) -> set[tuple[str, str]]:
    return {(s, o) for s, r, o, _ in triples(result) if r == "merges_into"}  # type: ignore[arg-type]


@pytest.mark.parametrize("sentence", [
    "Monitor and NHS Improvement merged in 2016.",
    "The merger of Monitor and NHS Improvement took place in 2016.",
    "The order formally merges Monitor and NHS Improvement.",
])
def test_two_bodies_merging_with_no_target_merge_into_each_other(gaz, sentence: str) -> None:
    assert mergers(run(gaz, sentence)) == {("monitor", "nhs-improvement"), ("nhs-improvement", "monitor")}


def test_a_named_target_is_where_both_go(gaz) -> None:
    found = mergers(run(gaz, "Monitor and NHS Improvement merged into NHS England in 2016."))
    assert ("monitor", "nhs-england") in found and ("monitor", "nhs-improvement") not in found


def test_three_bodies_with_no_target_say_nothing_of_who_joins_whom(gaz) -> None:
    assert mergers(run(gaz, "Monitor, NHS Providers and NHS Improvement merged in 2016.")) == set()


def test_a_merger_named_as_the_subject_takes_the_status_its_verb_gives(gaz) -> None:
    statuses = {st for s, r, o, st in triples(run(gaz, "The merger of Monitor and NHS Improvement will take place in 2016.")) if r == "merges_into"}
    assert statuses == {"predicted"}
