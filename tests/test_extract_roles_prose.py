"""Roles in running prose, on sentences written for the tests: ministerial posts named for their
department ("the Secretary of State for Example Affairs, Jane Smith"), "X, led by Jane Smith",
"under the chairmanship of Jane Smith", and long forms of known names ("United Kingdom ...")."""

from __future__ import annotations

import pytest
from extract_fixtures import gazetteer, leads, leads_with_status, run, triples

from nhsgraph.extract import Gazetteer
from nhsgraph.extract.gazetteer import informal_names

EXTRA = """\
organisations:
  - id: department-of-example-affairs
    label: Department of Example Affairs
    sources: [source-doc]
  - id: uk-example-agency
    label: UK Example Agency
    aliases: [UKEA]
    sources: [source-doc]
"""


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return gazetteer(tmp_path_factory.mktemp("gaz"), EXTRA)


@pytest.mark.parametrize("text", [
    "Last spring, the Secretary of State for Example Affairs, Ann Holder, announced a review.",
    "Secretary of State for Example Affairs, Ann Holder, opened the debate on Monday.",
    "Ann Holder, the Secretary of State for Example Affairs, opened the debate on Monday.",
    "Ann Holder The Secretary of State for Example Affairs 3:53 pm, 1st June 2011",
    # a post held at the time the text tells of is a fact about that time
    "In 2020, the then Secretary of State for Example Affairs, Ann Holder, announced a review.",
    # a Hansard speaker line: the holder's name in brackets, with a form of address
    "The Secretary of State for Example Affairs (Mrs. Ann Holder): I beg to move the motion.",
    # the portfolio before the post, the name straight after it (news style)
    "Example Affairs Secretary Ann Holder said the review would report in June.",
])
def test_a_ministerial_post_names_the_department_its_holderleads(gaz: Gazetteer, text: str) -> None:
    result = run(gaz, text)
    assert leads(result) == {("ann-holder", "department-of-example-affairs")}
    # the post stands for the department only in the role: it is not a mention of the department
    assert "department-of-example-affairs" not in {m.id for m in result.mentions}


@pytest.mark.parametrize("text", [
    "The shadow Secretary of State for Example Affairs, Ann Holder, opened the debate on Monday.",
    "The former Secretary of State for Example Affairs, Ann Holder, opened the debate on Monday.",
    # a junior minister, whether or not the post is written with a hyphen
    "Ann Holder was Parliamentary Under Secretary of State for Example Affairs from 2015.",
    "Ann Holder was Parliamentary Under-Secretary of State for Example Affairs from 2015.",
    # a portfolio the data has no department for
    "The Secretary of State for Unknown Matters, Ann Holder, opened the debate on Monday.",
    "The shadow Example Affairs Secretary Ann Holder opened the debate on Monday.",
    "Unknown Matters Secretary Ann Holder opened the debate on Monday.",
])
def test_a_post_not_held_or_of_an_unknown_department_states_no_role(gaz: Gazetteer, text: str) -> None:
    assert leads(run(gaz, text)) == set()


@pytest.mark.parametrize("text", [
    "The UKEA, led by Ann Holder, will plan for future threats.",
    "The UK Example Agency would be led by Ann Holder from April.",
    "We established the UK Example Agency in April, under the chairmanship of Professor Ann Holder, to advise us.",
])
def test_led_by_and_chairmanship_name_the_head_of_the_body_before(gaz: Gazetteer, text: str) -> None:
    assert leads(run(gaz, text)) == {("ann-holder", "uk-example-agency")}


@pytest.mark.parametrize("text", [
    # the phrase belongs to something else: a review, plans, or a person who is not named
    "NHS England announced a review of the UKEA, led by Ann Holder.",
    "Local plans for the UKEA, led by local authorities, will follow.",
    "The UKEA would be led by the incoming chief officer, Ann Holder.",
])
def test_led_by_something_other_than_a_named_body_states_no_role(gaz: Gazetteer, text: str) -> None:
    assert leads(run(gaz, text)) == set()


def test_uk_in_a_label_is_also_read_in_full() -> None:
    assert "United Kingdom Example Agency" in informal_names("organisation", "UK Example Agency")
    assert not any(n.startswith("United Kingdom") for n in informal_names("organisation", "Example UK Forum"))


def test_the_long_form_of_a_uk_name_links_the_body(gaz: Gazetteer) -> None:
    result = run(gaz, "We have established the United Kingdom Example Agency to protect the public.")
    assert {m.id for m in result.mentions if m.known} == {"uk-example-agency"}


def _establishes(result) -> set[tuple[str, str, str]]:
    return {(c.subject.id, c.object.id, c.status) for c in result.claims if c.relation == "establishes"}


@pytest.mark.parametrize("text", [
    "Ann Holder The Secretary of State for Example Affairs\n\nSince then, we have established the UK Example Agency.",
    "The Secretary of State for Example Affairs, Ann Holder, spoke in 2021. Later, the Government formally established the UKEA.",
])
def test_we_or_the_government_in_a_ministers_text_is_the_department(gaz: Gazetteer, text: str) -> None:
    assert _establishes(run(gaz, text)) == {("department-of-example-affairs", "uk-example-agency", "fact")}


def test_the_government_announcing_a_launch_is_the_departments_announced_establishment(gaz: Gazetteer) -> None:
    text = "The Secretary of State for Example Affairs, Ann Holder, spoke in 2021. In October, the Government announced the launch of the UKEA."
    assert _establishes(run(gaz, text)) == {("department-of-example-affairs", "uk-example-agency", "announced")}


@pytest.mark.parametrize("text", [
    # no minister's post named: "we" is the article's, and a doer we cannot name is not taken
    "Since then, we have established the UK Example Agency.",
    # a shadow minister's post names no department the text speaks for
    "The shadow Secretary of State for Example Affairs, Ann Holder, spoke. We have established the UKEA.",
    # the Government's plan, not its deed
    "The Secretary of State for Example Affairs, Ann Holder, spoke. The Government's plan to establish the UKEA was delayed.",
])
def test_without_one_current_ministerial_post_we_is_not_a_department(gaz: Gazetteer, text: str) -> None:
    assert not any(s == "department-of-example-affairs" for s, _, _ in _establishes(run(gaz, text)))


def test_the_departments_head_announcing_a_creation_is_the_departments_announced_establishment(gaz: Gazetteer) -> None:
    text = ("The Secretary of State for Example Affairs, Ann Holder, spoke in 2021. "
            "In March, Ann Holder announced the formal establishment of the UK Example Agency.")
    assert _establishes(run(gaz, text)) == {("department-of-example-affairs", "uk-example-agency", "announced")}
    # someone not named as the department's head announcing it: the text's own report, as before
    other = "The Secretary of State for Example Affairs, Ann Holder, spoke in 2021. Jane Example announced the formal establishment of the UKEA."
    assert ("department-of-example-affairs", "uk-example-agency", "announced") not in _establishes(run(gaz, other))


def test_led_by_reads_a_body_the_data_lacks_but_a_title_does_not(gaz: Gazetteer) -> None:
    led = run(gaz, "We set up the Northfield Review Forum in April, under the chairmanship of Professor Ann Holder.")
    assert {(c.subject.id, c.object.id) for c in led.claims if c.relation == "leads"} == {("ann-holder", "northfield-review-forum")}
    titled = run(gaz, "Ann Holder, chair of the Northfield Review Forum, said the review was welcome.")
    assert not any(c.relation == "leads" for c in titled.claims)


@pytest.mark.parametrize("text", [
    "The Chair of the UK Example Agency, Professor Ann Holder, made a statement today.",
    "Ann Holder is the chief executive of the UK Example Agency.",
    "Ann Holder served as chair of the UKEA between 2019 and 2022.",
    "Ann Holder, the UK Example Agency's chief executive, said the plan was sound.",
    "Ann Holder, who served 2 terms as the chair of the UK Example Agency, spoke.",
    "Ann Holder is Chief Executive Officer (CEO) of the UK Example Agency.",
])
def test_a_title_before_the_body_or_after_a_verb_of_being_is_a_held_post(gaz: Gazetteer, text: str) -> None:
    assert leads_with_status(run(gaz, text)) == {("ann-holder", "uk-example-agency", "fact")}


def test_a_person_confirmed_as_the_new_head_of_a_body_is_announced_not_yet_held(gaz: Gazetteer) -> None:
    result = run(gaz, "Dr Ann Holder has been confirmed as the new chair of the UK Example Agency.")
    assert leads_with_status(result) == {("ann-holder", "uk-example-agency", "announced")}


@pytest.mark.parametrize("text", [
    "Ann Holder was formerly chief executive of the UK Example Agency.",  # "formerly" is no verb of being
    "Ann Holder is the former chief executive of the UK Example Agency.",
    "Ann Holder is deputy chair of the UK Example Agency.",
    "Ann Holder met the chief executive of the UK Example Agency.",  # someone else holds the post
    "Ann Holder, the UK Example Agency's head of policy, said so.",  # a post in a part of the body
])
def test_a_past_deputy_or_other_persons_post_after_a_verb_states_no_role(gaz: Gazetteer, text: str) -> None:
    assert leads(run(gaz, text)) == set()


@pytest.mark.parametrize(("sentence", "status"), [
    ("Jane Example will take up post as Chair of Monitor from 1 June.", "announced"),
    ("Jane Example's appointment as Chair of Monitor was welcomed.", "fact"),
    ("The board thanked Jane Example, who served two terms as the chair of Monitor.", "fact"),
])
def test_a_post_taken_up_or_served_in_is_the_persons(gaz, sentence, status):
    assert ("jane-example", "leads", "monitor", status) in triples(run(gaz, sentence))


def test_a_members_list_line_is_a_post_in_the_body_that_wrote_the_list(gaz: Gazetteer) -> None:
    text = "Members\n\nAnn Holder, Chair\n\nJo Bloggs, Non-Executive Director\n"
    assert leads(run(gaz, text, authors=("UK Example Agency",))) == {("ann-holder", "uk-example-agency")}
    assert leads(run(gaz, text, authors=("Sam Writer",))) == set()  # a person's list names no body
