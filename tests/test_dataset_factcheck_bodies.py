"""Facts about national bodies, people and positions that a fact-check corrected or confirmed.

Each test pins something a future edit is likely to get wrong: a date taken from the order that
set it, a precision that must not be padded, a source that must actually name its subject, a
claim that must stay attributed to whoever holds it, and mirror copies that must say so.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from nhsgraph.dataset import Dataset
from nhsgraph.dates import PartialDate
from nhsgraph.model import Act, Document, Organisation, Person

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th) (" + "|".join(MONTHS) + r") (\d{4})")

# Hosts that republish other people's text. A document read on one of them must say so in its
# label (by the name given here), so that nobody mistakes the copy for the publisher's own page.
MIRROR_HOSTS = {
    "mediapigeon.io": "Media Pigeon",
    "govmemo.com": "GovMemo",
    "ccg-alert.blogspot.com": "CCG Alert",
    "spotidoc.com": "spotidoc",
    "docslib.org": "docslib",
    "edinaprimarycare.co.uk": "Edina Primary Care",
}


def organisation(dataset: Dataset, entity_id: str) -> Organisation:
    body = dataset.entities[entity_id]
    assert isinstance(body, Organisation), entity_id
    return body


def quoted_days(act: Act) -> set[str]:
    """The ISO days an instrument's own quoted words give ("comes into force on 1st June 2012")."""
    return {f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"
            for source in act.sources
            for day, month, year in ORDINAL.findall(source.quote or "")}


def test_bodies_established_by_an_order_take_their_date_from_the_orders_own_words(bundled: Dataset) -> None:
    by_order = [s for s in bundled.statements if s.relation == "establishes" and s.status == "fact"
                and isinstance(bundled.entities.get(s.subject), Act)
                and getattr(bundled.entities[s.subject], "legislation_type", "") == "uksi"]
    established = {s.object for s in by_order}
    assert {"health-education-england", "nhs-trust-development-authority"} <= established
    for statement in by_order:
        order = bundled.entities[statement.subject]
        assert isinstance(order, Act)
        body = organisation(bundled, statement.object)
        assert statement.date == body.established, statement
        assert str(statement.date) in quoted_days(order), (statement, quoted_days(order))


def test_hee_and_the_tda_were_set_up_in_2012_as_special_health_authorities(bundled: Dataset) -> None:
    assert str(organisation(bundled, "health-education-england").established) == "2012-06-28"
    assert str(organisation(bundled, "nhs-trust-development-authority").established) == "2012-06-01"
    order = bundled.entities["hee-establishment-order-2012"]
    assert isinstance(order, Act) and (order.year, order.number) == (2012, 1273)


def test_nhs_cb_authority_ended_the_day_the_board_began(bundled: Dataset) -> None:
    authority = organisation(bundled, "nhs-commissioning-board-authority")
    board = organisation(bundled, "nhs-england")
    assert authority.dissolved == board.established == PartialDate.parse("2012-10-01")
    abolition = [s for s in bundled.statements if s.relation == "abolishes" and s.object == authority.id]
    assert [(s.subject, str(s.date), s.status) for s in abolition] == [
        ("nhs-cba-abolition-order-2012", "2012-10-01", "fact")]


def test_cqc_predecessors_existed_until_31_march_2009_from_their_sourced_start(bundled: Dataset) -> None:
    starts = {"healthcare-commission": "2004-04-01", "commission-for-social-care-inspection": "2004-04-01",
              "mental-health-act-commission": "1983-09"}
    for body_id, start in starts.items():
        body = organisation(bundled, body_id)
        assert str(body.established) == start, body_id
        assert str(body.dissolved) == "2009-04-01", body_id
    # The MHAC's sources give two days in September 1983: only the month is recorded, never a padded day.
    mhac_start = organisation(bundled, "mental-health-act-commission").established
    assert mhac_start is not None and mhac_start.precision == "month"


def test_nhs_digital_went_before_hee_and_its_regulations_are_named_only_in_a_note(bundled: Dataset) -> None:
    digital = organisation(bundled, "nhs-digital")
    hscic = organisation(bundled, "health-and-social-care-information-centre")
    hee = organisation(bundled, "health-education-england")
    # The body was abolished in 2023 as NHS Digital; HSCIC's own period ended at the 2016 rename.
    assert digital.dissolved == PartialDate.parse("2023-02-01")
    assert hscic.dissolved is not None and hscic.dissolved.certainly_before(digital.dissolved)
    assert hee.dissolved == PartialDate.parse("2023-04-01")
    merger = [s for s in bundled.statements if s.subject == "nhs-digital" and s.relation == "merges_into"]
    assert len(merger) == 1 and merger[0].status == "fact" and merger[0].by is None
    assert "Health and Social Care Information Centre (Transfer of Functions" in (merger[0].note or "")
    addresses = [getattr(bundled.entities[source.document], "url", None) or "" for source in merger[0].sources]
    assert any(url.startswith("https://publications.parliament.uk/") for url in addresses)


def test_every_person_is_named_by_one_of_their_sources(bundled: Dataset) -> None:
    """A person's source must name them (in a quote) or be their own work (they are an author)."""
    for person in bundled.of_kind("person"):
        assert isinstance(person, Person)
        surname = person.label.split()[-1]
        authored = {s.object for s in bundled.statements if s.relation == "authored" and s.subject == person.id}
        named = any(surname in (source.quote or "") or source.document in authored for source in person.sources)
        assert named, f"{person.id}: no source quote names {surname!r} and none is their own work"


def test_david_nicholson_is_not_sourced_to_a_hearing_he_did_not_attend(bundled: Dataset) -> None:
    nicholson = bundled.entities["david-nicholson"]
    assert "hsc-committee-oral-evidence-integrated-care-2018" not in {s.document for s in nicholson.sources}
    led = {s.object for s in bundled.statements if s.subject == "david-nicholson" and s.relation == "leads"}
    assert led == {"nhs-commissioning-board-authority", "nhs-england"}


def test_positions_of_an_organisation_or_person_are_attributed_to_it(bundled: Dataset) -> None:
    for position in (s for s in bundled.statements if s.relation in ("supports", "opposes")):
        if bundled.entities[position.subject].kind in ("organisation", "person"):
            assert position.subject in position.attributed_to, position


def test_documents_read_on_a_mirror_say_so_in_their_label(bundled: Dataset) -> None:
    mirrored = 0
    for document in bundled.of_kind("document"):
        host = urlparse(getattr(document, "url", None) or "").hostname or ""
        host = host.removeprefix("www.")
        if host in MIRROR_HOSTS:
            mirrored += 1
            assert MIRROR_HOSTS[host].lower() in document.label.lower(), (document.id, document.label)
    assert mirrored >= 1


def test_white_paper_and_darzi_review_cite_their_publishers_own_pages(bundled: Dataset) -> None:
    white_paper = bundled.entities["integration-and-innovation-white-paper-2021"]
    assert isinstance(white_paper, Document) and white_paper.url
    assert white_paper.url.startswith("https://www.gov.uk/government/publications/")
    darzi = bundled.entities["ippr-better-health-and-care-for-all-2018"]
    assert isinstance(darzi, Document) and darzi.url and "/ippr/" in darzi.url
    assert str(darzi.date) == "2018-06"


def test_nice_special_health_authority_ended_the_day_the_new_nice_began(bundled: Dataset) -> None:
    old = organisation(bundled, "national-institute-for-health-and-clinical-excellence")
    new = organisation(bundled, "national-institute-for-health-and-care-excellence")
    assert old.dissolved == new.established == PartialDate.parse("2013-04-01")
    replaced = [s for s in bundled.statements if s.subject == new.id and s.relation == "replaces" and s.object == old.id]
    assert [str(s.date) for s in replaced] == ["2013-04-01"]
    assert bundled.resolve("NICE").id == new.id
