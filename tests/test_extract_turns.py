"""Speaker turns in a debate record (nhsgraph.extract.turns): the words under a member's name are the
member's. Records written for the tests in the layouts Hansard and its copies use."""

from __future__ import annotations

import pytest
from extract_fixtures import run

from nhsgraph.extract.parse import parse
from nhsgraph.extract.turns import find_turns

ACT_2012 = "health-and-social-care-act-2012"

DEBATE = """HC Deb 10 May 2031 vol 999 cc1-9
Mr. Jane Roe (Anytown)

We oppose the Lansley Act. It has failed.

Mrs. Ann Other (Elsewhere) (Lab)

We support the Lansley Act.
"""



def labels(text: str) -> list[str]:
    return [t.label for t in find_turns(text, parse(text))]


def test_each_speaker_line_opens_a_turn_that_runs_to_the_next():
    turns = find_turns(DEBATE, parse(DEBATE))
    assert [t.label for t in turns] == ["Jane Roe", "Ann Other"]
    first, second = turns
    assert DEBATE[first.name_start:first.name_end] == "Mr. Jane Roe"
    assert "We oppose" in DEBATE[first.start:first.end] and "Ann Other" not in DEBATE[first.start:first.end]
    assert "We support" in DEBATE[second.start:second.end] and second.end == len(DEBATE)


@pytest.mark.parametrize(("line", "label"), [
    ("The Secretary of State for Health (Mr. John Doe)", "John Doe"),  # a post, the person in brackets
    ("Mr. Deputy Speaker (Mr. John Doe)", "John Doe"),  # not "Deputy Speaker"
    ("The Parliamentary Under-Secretary of State for Health (John Doe)", "John Doe"),  # a post word, no honorific
    ("Lord Someone of Anytown (Con)", "Lord Someone of Anytown"),  # a peer is known by the title
    ("38. Mr. Doe", "Doe"),  # a numbered question
])
def test_speaker_line_layouts_name_the_member(line, label):
    assert labels(f"{line}\n\nI beg to move the motion.\n") == [label]


@pytest.mark.parametrize("line", ["Commons Chamber", "Health and Social Care Bill", "Primary Care Trusts (PCTs)", "Westminster Hall"])
def test_headings_are_not_speakers(line):
    assert labels(f"{line}\n\nThe sitting began at ten.\n") == []


def test_we_in_a_turn_is_the_member_not_the_record(gaz):
    result = run(gaz, DEBATE)
    stances = {(c.subject.id, c.relation, c.object.id, c.status, tuple(p.id for p in c.attributed_to)) for c in result.claims}
    assert ("jane-roe", "opposes", ACT_2012, "fact", ("jane-roe",)) in stances
    assert ("ann-other", "supports", ACT_2012, "fact", ("ann-other",)) in stances
    assert not [s for s in stances if s[0] == "test-article"]
    assert [(m.id, m.kind) for m in result.mentions if not m.known][:2] == [("jane-roe", "person"), ("ann-other", "person")]


def test_without_speaker_lines_we_is_still_the_article(gaz):
    result = run(gaz, "We oppose the Lansley Act.")
    assert {(c.subject.id, c.relation, c.object.id) for c in result.claims} == {("test-article", "opposes", ACT_2012)}


def test_a_historic_record_with_the_name_run_into_the_speech_opens_a_turn_there():
    speech = "We will abolish Monitor. " * 10  # a whole paragraph, longer than any speaker line
    text = f"§ Mr. RoeTo ask the Secretary of State what he will do.\n§ Mr. McDoe{speech}\n"
    turns = find_turns(text, None)
    assert [(t.label, text[t.start:t.start + 7]) for t in turns] == [("Roe", "To ask "), ("McDoe", "We will")]
