"""National bodies and patient-involvement forms that reform texts name: what the data must answer.

Each answer rests on a quoted source in data/ (org-types/involvement.yaml,
national-bodies/arms-length-bodies.yaml, national-bodies/government.yaml). If one fails after an
edit, re-read the source named there before changing the expectation.
"""

from __future__ import annotations

import pytest

from nhsgraph import queries
from nhsgraph.dataset import Dataset


def test_patients_forums_then_links_replaced_community_health_councils(bundled: Dataset) -> None:
    chain = [a.id for a in queries.replaced_by(bundled, "CHCs", transitive=True) if a.status == "fact"]
    assert chain[:2] == ["patients-forum", "local-involvement-network"]


def test_health_protection_agency_was_abolished_by_the_2012_act_on_1_april_2013(bundled: Dataset) -> None:
    [st] = [s for s in bundled.statements_about("health-protection-agency") if s.relation == "abolishes"]
    assert (st.subject, str(st.date)) == ("health-and-social-care-act-2012", "2013-04-01")
    assert any("The Health Protection Agency is abolished." == ref.quote for ref in st.sources)


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("CHCs", "community-health-council"),
        ("HPA", "health-protection-agency"),
        ("NHSLA", "nhs-resolution"),
        ("NHS Litigation Authority", "nhs-resolution"),
        ("DHSS", "department-of-health-and-social-security"),
        ("CPPIH", "commission-for-patient-and-public-involvement-in-health"),
        ("HRA", "health-research-authority"),
        ("LINks", "local-involvement-network"),
        ("Lib Dems", "liberal-democrats"),
        ("Conservatives", "conservative-party"),
        ("NHS BSA", "nhs-business-services-authority"),
    ],
)
def test_names_reform_texts_use_resolve_to_the_body(bundled: Dataset, name: str, entity_id: str) -> None:
    assert bundled.resolve(name).id == entity_id


def test_dhss_is_succeeded_by_the_department_of_health_in_1988(bundled: Dataset) -> None:
    answers = queries.replaced_by(bundled, "DHSS")
    assert [(a.id, a.date) for a in answers if a.status == "fact"] == [("department-of-health", "1988")]


@pytest.mark.parametrize(
    ("body", "day"),
    [
        ("nhs-blood-and-transplant", "2005-10-01"),
        ("nhs-business-services-authority", "2005-10-01"),
        ("nhs-institute-for-innovation-and-improvement", "2005-07-01"),
    ],
)
def test_2005_special_health_authorities_start_on_the_day_their_orders_came_into_force(
    bundled: Dataset, body: str, day: str
) -> None:
    [st] = [s for s in bundled.statements_about(body) if s.relation == "establishes"]
    assert str(st.date) == day and bundled.entities[st.subject].kind == "act"
