"""Calendar arithmetic and the TIMEX3 value -> interval mapping every Timex carries."""

from __future__ import annotations

import pytest

from dyadscope.annotate.time.calendar import Point, interval, parse_point, shift, week_value
from dyadscope.annotate.time.words import time_words

WORDS = time_words()


@pytest.mark.parametrize(("value", "mod", "expected"), [
    ("2003-02-26", None, ("2003-02-26", "2003-02-26", "day")),
    ("2003-02-26T10:00", None, ("2003-02-26", "2003-02-26", "day")),
    ("2003-02", "END", ("2003-02", "2003-02", "month")),
    ("1993", None, ("1993", "1993", "year")),
    ("2009", "END", ("2009-10", "2009-12", "season")),
    ("2009", "APPROX", ("2009", "2009", "year")),
    ("199", "MID", ("1990", "1999", "decade")),
    ("18", None, ("1800", "1899", "century")),
    ("2008-SU", None, ("2008-06", "2008-08", "season")),
    ("2008-WI", None, ("2008-01", "2008-02", "season")),
    ("1998-Q3", None, ("1998-07", "1998-09", "quarter")),
    ("1990-H1", None, ("1990-01", "1990-06", "quarter")),
    ("2003-W09", None, ("2003-02-24", "2003-03-02", "day")),
    ("1990-W32-WE", None, ("1990-08-11", "1990-08-12", "day")),
    ("FY1990", None, ("1990", "1990", "year")),
])
def test_a_date_value_maps_to_its_interval_at_its_own_precision(value: str, mod: str | None,
                                                                 expected: tuple[str, str, str]) -> None:
    assert interval(value, mod, WORDS.season_months, WORDS.year_months) == expected


@pytest.mark.parametrize("value", ["P14Y", "PRESENT_REF", "PAST_REF", "XXXX-02", "XXXX-WXX-4", "PT3H", ""])
def test_durations_references_and_unknown_digits_have_no_interval(value: str) -> None:
    assert interval(value) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("2003-03-12", Point(2003, 3, 12)), ("2003-03", Point(2003, 3)), ("2011", Point(2011)),
    ("19980108", Point(1998, 1, 8)), ("1998-01-08T13:37", Point(1998, 1, 8)), ("2008-SU", Point(2008)),
    ("2003-02-30", Point(2003, 2)), (None, None), ("", None), ("2000/2001", None), ("yesterday", None),
])
def test_publication_dates_are_read_at_the_precision_they_have(text: str | None, expected: Point | None) -> None:
    assert parse_point(text) == expected


@pytest.mark.parametrize(("point", "unit", "n", "expected"), [
    (Point(2003, 3, 31), "month", -1, Point(2003, 2, 28)),
    (Point(2004, 2, 29), "year", 1, Point(2005, 2, 29)),
    (Point(2003, 1, 15), "quarter", -1, Point(2002, 10, 15)),
    (Point(2003, 3, 12), "week", -1, Point(2003, 3, 5)),
    (Point(2003), "day", 1, Point(2003)),
    (Point(1997), "decade", -2, Point(1977)),
])
def test_shifting_a_date_keeps_it_valid_and_never_adds_precision(point: Point, unit: str, n: int,
                                                                  expected: Point) -> None:
    assert shift(point, unit, n) == expected


def test_week_values_are_iso_weeks() -> None:
    assert week_value(Point(2003, 3, 12)) == "2003-W11"
    assert week_value(Point(2010, 1, 2)) == "2009-W53"
