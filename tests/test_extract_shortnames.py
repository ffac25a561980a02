"""A person named again by honorific and surname ("Dr Dash" after "Dr Penny Dash"), on sentences written for the tests."""

from __future__ import annotations

from extract_fixtures import run, triples

from nhsgraph.extract.shortnames import first_name, surname


def people(result: object) -> list[tuple[str, str]]:
    return [(m.text, m.id) for m in result.mentions if m.kind == "person"]  # type: ignore[attr-defined]


def test_title_and_surname_after_the_full_name_is_the_same_person(gaz):
    result = run(gaz, "Dr Jane Okafor will chair the review. Dr Okafor is currently the Chair of Monitor.")
    assert ("Dr Okafor", "jane-okafor") in people(result)
    assert ("jane-okafor", "leads", "monitor", "fact") in triples(result)


def test_title_and_surname_before_the_full_name_links_nothing(gaz):
    result = run(gaz, "Dr Okafor spoke first. Later, Dr Jane Okafor opposed the Lansley Act.")
    assert all(pid != "jane-okafor" for text, pid in people(result) if text == "Dr Okafor")


def test_a_surname_two_people_share_links_to_neither(gaz):
    result = run(gaz, "Jane Okafor and Paul Okafor opposed the Lansley Act. Dr Okafor said so twice.")
    assert all(pid not in ("jane-okafor", "paul-okafor") for text, pid in people(result) if text == "Dr Okafor")


def test_surname_drops_honorifics_and_a_peers_territorial_title():
    assert surname("Lord Hunt of Kings Heath") == "Hunt"
    assert surname("Dr Penny Dash") == "Dash"
    assert surname("Baroness Merron") == "Merron"
    assert surname("Mr. A") is None
    assert surname("Jane Wade-Gery") == "Wade-Gery"
    assert surname("Mr. Ian McCartney") == "McCartney"
    assert surname("Jane O'Brien") == "O'Brien"
    assert surname("Jane NHS") is None


def test_a_known_persons_surname_after_another_first_name_is_someone_else(gaz):
    # the test data holds Jane Example; "Example" alone links to her, "Tom Example" does not
    assert ("Example", "jane-example") in people(run(gaz, "Later, Example opposed the Lansley Act."))
    assert all(pid != "jane-example" for _, pid in people(run(gaz, "Later, Mr. Tom Example opposed the Lansley Act.")))
    assert ("Example", "jane-example") in people(run(gaz, "Later, Dr Example opposed the Lansley Act."))


def test_first_name_skips_honorifics():
    assert first_name("Sir Malcolm Grant") == "Malcolm"
    assert first_name("Mr. Jim Marshall") == "Jim"


def test_a_biographys_bare_first_name_is_the_person_named_in_full(gaz):
    result = run(gaz, "Jane Example chairs Monitor. Jane became its chair in 2020.")
    assert [m.text for m in result.mentions if m.id == "jane-example"] == ["Jane Example", "Jane"]


def test_a_first_name_that_is_also_a_word_in_the_text_is_left_alone(gaz):
    result = run(gaz, "Jane Example chairs Monitor. Jane said the jane of the board agreed.")
    assert [m.text for m in result.mentions if m.id == "jane-example"] == ["Jane Example"]
