"""Dates at the precision the source gives: ``2022``, ``2022-07`` or ``2022-07-01``.

A reform "in 2013" and one "on 1 April 2013" are different facts; storing both as
full dates would invent precision. A :class:`PartialDate` keeps the precision and
knows the first and last day it could mean, so comparisons stay honest.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

Precision = Literal["year", "month", "day"]

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateError(ValueError):
    """A date that is malformed or impossible (such as 2022-02-30)."""


@dataclass(frozen=True, order=False, slots=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Parse an ISO 8601 date at year, month or day precision."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool):
            raise DateError(f"expected a date like 2022, 2022-07 or 2022-07-01, got {value!r}")
        if isinstance(value, int):
            value = str(value)
        if not isinstance(value, str):
            raise DateError(f"expected a date like 2022, 2022-07 or 2022-07-01, got {value!r}")
        return _parse_text(value)

    @classmethod
    def _from_text(cls, value: str) -> PartialDate:
        match = _PATTERN.match(value.strip())
        if not match:
            raise DateError(f"expected a date like 2022, 2022-07 or 2022-07-01, got {value!r}")
        year = int(match.group(1))
        if year < 1:
            raise DateError(f"impossible date {value!r}: there is no year 0")
        month = int(match.group(2)) if match.group(2) else None
        day = int(match.group(3)) if match.group(3) else None
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"impossible date {value!r}: there is no month {month}")
        if day is not None and month is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(
                    f"impossible date {value!r}: {calendar.month_name[month]} {year} has {last} days"
                )
        return cls(year, month, day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def earliest(self) -> dt.date:
        """The first day this date could mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day this date could mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def certainly_before(self, other: PartialDate) -> bool:
        """True only when every day this date could mean is before every day ``other`` could."""
        return self.latest < other.earliest

    def __str__(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __lt__(self, other: PartialDate) -> bool:
        return (self.earliest, self.latest) < (other.earliest, other.latest)

    def __le__(self, other: PartialDate) -> bool:
        return (self.earliest, self.latest) <= (other.earliest, other.latest)

    def human(self) -> str:
        """A readable form: ``1 July 2022``, ``July 2022`` or ``2022``."""
        if self.day is not None:
            return f"{self.day} {calendar.month_name[self.month or 1]} {self.year}"
        if self.month is not None:
            return f"{calendar.month_name[self.month]} {self.year}"
        return str(self.year)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def validate(value: Any) -> PartialDate:
            try:
                return cls.parse(value)
            except DateError as exc:
                raise ValueError(str(exc)) from None

        return core_schema.no_info_plain_validator_function(
            validate, serialization=core_schema.to_string_ser_schema()
        )


@functools.lru_cache(maxsize=8192)
def _parse_text(value: str) -> PartialDate:
    """Parsed dates are immutable, and a large dataset holds few distinct ones (a million
    statements, a few thousand dates): sharing them saves most of the parse time and memory."""
    return PartialDate._from_text(value)


def parse_day(value: str) -> dt.date:
    """Parse a full ``YYYY-MM-DD`` date (used for ``--as-of`` style options)."""
    date = PartialDate.parse(value)
    if date.precision != "day":
        raise DateError(f"expected a full date like 2022-07-01, got {value!r}")
    return date.earliest
