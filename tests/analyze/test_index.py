"""The relationship index: counts per year/month and direction, stories counted once, thin evidence shown."""

from __future__ import annotations

import pytest

from dyadscope.analyze.index import index_units, relationship_index
from dyadscope.records import Event, Story


def ev(eid: str, src: str, tgt: str, quad: int, date: str, precision: str, *, doc: str = "a",
       modality: str = "asserted", intensity: float = 1.0) -> Event:
    return Event(doc=doc, doc_id=f"id-{doc}", sentence="s", start=0, end=1, trigger="t", trigger_start=0,
                 trigger_end=1, source=src, target=tgt, plover="CONSULT", quad=quad, intensity=intensity,
                 modality=modality, date_start=date, date_precision=precision, event_id=eid)


EVENTS = [
    ev("e1", "AZE", "RUS", 1, "1993-09-20", "day", doc="a", intensity=2.0),
    ev("e2", "RUS", "AZE", 4, "1993", "year", doc="b", intensity=-8.0),
    ev("e3", "RUS", "AZE", 3, "1993-11", "month", doc="a", intensity=-4.0),
    ev("e4", "AZE", "RUS", 2, "1994-02", "month", doc="b", intensity=6.0),
    ev("e5", "AZE", "RUS", 4, "1994", "year", modality="hypothetical"),   # not a happened event
    ev("e6", "AZE", "ARM", 4, "1994", "year"),                            # outside the dyad
    ev("e7", "AZE", "RUS", 1, "", "year"),                                # undated
]


def point(points, period: str, direction: str):
    (p,) = [p for p in points if p.period == period and p.direction == direction]
    return p


def test_a_year_counts_its_dyadic_happened_events_by_quad_and_direction() -> None:
    points = relationship_index(EVENTS)
    both = point(points, "1993", "both")
    assert (both.n, both.sources, both.quads) == (3, 2, (1, 0, 1, 1))
    assert both.net_cooperation == pytest.approx((1 - 2) / 3)
    assert both.goldstein == pytest.approx(-10.0) and both.mean_intensity == pytest.approx(-10 / 3)
    assert point(points, "1993", "RUS>AZE").n == 2 and point(points, "1993", "AZE>RUS").n == 1
    assert {p.period for p in points} == {"1993", "1994"}
    assert point(points, "1994", "both").n == 1


def test_the_monthly_series_holds_only_events_dated_to_a_month_or_day() -> None:
    points = relationship_index(EVENTS, by="month")
    assert sorted({p.period for p in points}) == ["1993-09", "1993-11", "1994-02"]


def test_a_story_seen_in_several_documents_counts_once() -> None:
    events = [ev("e1", "AZE", "RUS", 1, "2003-02", "month", doc="a"), ev("e2", "AZE", "RUS", 1, "2003-02", "month", doc="b"),
              ev("e3", "RUS", "AZE", 3, "2003-05", "month", doc="a")]
    story = Story(story_id="s1", plover="CONSULT", source="AZE", target="RUS", date_start="2003-02", date_end=None,
                  date_precision="month", event_ids=("e1", "e2"), docs=("a", "b"), num_mentions=2, num_sources=2)
    both = point(relationship_index(events, [story]), "2003", "both")
    assert (both.n, both.sources, both.mentions) == (2, 2, 3)
    assert len(index_units(events, [story])) == 2


def test_a_bad_period_name_is_refused() -> None:
    with pytest.raises(ValueError, match="year"):
        relationship_index(EVENTS, by="week")
