"""existed(): the `established <= day < dissolved` convention, honest about imprecise dates."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from nhsgraph.dates import PartialDate
from nhsgraph.existence import existed
from nhsgraph.query_index import Lifespan

days = st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(days)
    precision = draw(st.sampled_from(["year", "month", "day"]))
    return PartialDate(day.year, None if precision == "year" else day.month, day.day if precision == "day" else None)


def span(start: PartialDate | None, end: PartialDate | None) -> Lifespan:
    return Lifespan(start, end, None, None)


@given(days, days, days)
def test_with_exact_dates_a_body_exists_from_its_first_day_until_the_day_before_dissolution(start, end, day):
    verdict = existed(span(PartialDate.parse(start), PartialDate.parse(end)), day)
    assert verdict == ("yes" if start <= day < end else "no")


@given(partial_dates(), st.none() | partial_dates(), days)
def test_yes_and_no_hold_for_every_day_the_imprecise_dates_could_mean(start, end, day):
    verdict = existed(span(start, end), day)
    latest_end = end.latest if end else dt.date.max
    earliest_end = end.earliest if end else dt.date.max
    if verdict == "yes":  # true whichever days the dates mean
        assert start.latest <= day < earliest_end
    elif verdict == "no":  # false whichever days they mean
        assert day < start.earliest or day >= latest_end
    else:  # some readings make it true and some false
        assert start.earliest <= day < latest_end and not (start.latest <= day < earliest_end)


def test_no_start_date_means_not_listed():
    assert existed(span(None, PartialDate.parse("2023-04-01")), dt.date(2020, 1, 1)) == "no"
