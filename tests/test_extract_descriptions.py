"""Bodies referred to again without their full name: "the Department" and the end of a long name.
Sentences written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_fixtures import gazetteer, run

from nhsgraph.extract import Gazetteer
from nhsgraph.extract.mentions import Mention
from nhsgraph.extract.tails import with_name_tails

EXTRA = """\
organisations:
  - id: department-of-examples
    label: Department of Examples
    sources: [source-doc]
  - id: example-research-authority
    label: Example Research Authority
    sources: [source-doc]
  - id: example-commissioning-board-authority
    label: NHS Example Commissioning Board Authority
    sources: [source-doc]
"""


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return gazetteer(Path(tmp_path_factory.mktemp("descriptions")), EXTRA)


def _linked(gaz: Gazetteer, text: str, written: str) -> list[str]:
    return [m.id for m in run(gaz, text).mentions if m.text == written]


def test_the_department_is_the_department_last_named_not_the_body_named_just_before(gaz: Gazetteer) -> None:
    text = ("The Department of Examples published a plan in 2010. It set up the Example Research Authority, "
            "and the Department was required to consult on it.")
    assert _linked(gaz, text, "the Department") == ["department-of-examples"]


def test_the_department_with_no_department_named_before_is_not_linked(gaz: Gazetteer) -> None:
    text = "Monitor published guidance. The Department must consider the costs."
    assert _linked(gaz, text, "The Department") == []


def test_the_end_of_a_known_bodys_long_name_links_to_that_body(gaz: Gazetteer) -> None:
    text = ("The NHS Example Commissioning Board Authority published guidance in 2012. "
            "The Board Authority asked for a lower charge.")
    assert _linked(gaz, text, "Board Authority") == ["example-commissioning-board-authority"]


def _mention(start: int, text: str, id_: str, known: bool) -> Mention:
    return Mention(start, start + len(text), text, id_, "organisation", text, known, "test", 0.9)


def test_a_tail_two_known_bodies_share_links_to_neither() -> None:
    mentions = [_mention(0, "North Health Authority", "north-ha", True), _mention(30, "South Health Authority", "south-ha", True),
                _mention(60, "Health Authority", "health-authority-new", False)]
    assert [m.id for m in with_name_tails(mentions)][-1] == "health-authority-new"


def test_a_one_word_tail_is_too_loose_to_link() -> None:
    mentions = [_mention(0, "Care Quality Commission", "care-quality-commission", True), _mention(40, "Commission", "commission", False)]
    assert [m.id for m in with_name_tails(mentions)][-1] == "commission"
