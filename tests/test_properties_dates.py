"""Properties of PartialDate: every precision round-trips; impossible dates raise DateError and nothing else."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nhsgraph.dates import DateError, PartialDate

SETTINGS = settings(max_examples=200, deadline=None)
precisions = st.sampled_from(["year", "month", "day"])


def written(day: dt.date, precision: str) -> str:
    return {"year": f"{day.year:04d}", "month": f"{day.year:04d}-{day.month:02d}", "day": day.isoformat()}[precision]


@SETTINGS
@given(day=st.dates(), precision=precisions)
def test_every_precision_round_trips_and_spans_the_day(day: dt.date, precision: str) -> None:
    text = written(day, precision)
    date = PartialDate.parse(text)
    assert str(date) == text and PartialDate.parse(str(date)) == date
    assert date.precision == precision
    assert date.earliest <= day <= date.latest
    assert not date.certainly_before(date)
    assert date.human()


@SETTINGS
@given(a=st.dates(), b=st.dates(), pa=precisions, pb=precisions)
def test_certainly_before_is_never_true_both_ways(a: dt.date, b: dt.date, pa: str, pb: str) -> None:
    x, y = PartialDate.parse(written(a, pa)), PartialDate.parse(written(b, pb))
    assert not (x.certainly_before(y) and y.certainly_before(x))
    if x.certainly_before(y):
        assert a < b  # the days they were written from are ordered too


@SETTINGS
@given(year=st.integers(1, 9999), month=st.integers(1, 12), day=st.integers(1, 99))
def test_days_past_the_end_of_the_month_are_date_errors(year: int, month: int, day: int) -> None:
    text = f"{year:04d}-{month:02d}-{day:02d}"
    if day <= calendar.monthrange(year, month)[1]:
        assert PartialDate.parse(text).earliest == dt.date(year, month, day)
    else:
        with pytest.raises(DateError, match="impossible date"):
            PartialDate.parse(text)


@SETTINGS
@given(year=st.integers(0, 9999), month=st.integers(13, 99) | st.just(0))
def test_months_outside_1_to_12_are_date_errors(year: int, month: int) -> None:
    with pytest.raises(DateError):
        PartialDate.parse(f"{year:04d}-{month:02d}")


@SETTINGS
@given(value=st.one_of(
    st.text(), st.text(alphabet="0123456789-").map(str), st.integers(), st.floats(), st.booleans(), st.none(),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
))
def test_any_value_parses_or_raises_date_error_only(value: object) -> None:
    try:
        date = PartialDate.parse(value)
    except DateError:
        return
    assert date.earliest <= date.latest  # whatever parsed is a real span of days
