"""The relationship index: how cooperative or conflictual the dyad was, per year or month and direction.

Each point counts the dyad's events of one period — by quad class, with their mean intensity, the net
cooperation ``((q1 + q2) − (q3 + q4)) / n`` and a Goldstein-style sum of intensities — and says how many
events and how many documents stand behind it, so a point resting on one event from one source is visible
as such.

What is counted: the stories (one real event seen in several documents counts once) when they are given
with their events; otherwise the happened events (modality asserted or reported). Only events between the
two states of the dyad count, in each direction and both together. An event dated to a year, or to a range,
counts in its (first) year only; the monthly series holds only events dated to a month or a day.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..records import HAPPENED, Event, Story

__all__ = ["IndexPoint", "Unit", "index_units", "relationship_index"]

_MONTHLY = frozenset({"month", "day"})


@dataclass(frozen=True, slots=True)
class Unit:
    """One real event as the index counts it: a story, or a lone event."""

    source: str
    target: str
    date: str                    # ISO, at its precision
    precision: str | None
    quad: int
    intensity: float
    docs: tuple[str, ...]
    mentions: int = 1


@dataclass(frozen=True, slots=True)
class IndexPoint:
    period: str                  # "1993" or "1993-09"
    direction: str               # "AZE>RUS", "RUS>AZE" or "both"
    n: int                       # events (stories) behind the point
    sources: int                 # distinct documents behind it
    q1: int
    q2: int
    q3: int
    q4: int
    mean_intensity: float
    net_cooperation: float
    goldstein: float             # sum of intensities
    mentions: int                # event mentions behind the stories

    @property
    def quads(self) -> tuple[int, int, int, int]:
        return self.q1, self.q2, self.q3, self.q4


def _dyadic(source: str | None, target: str | None, dyad: tuple[str, str]) -> bool:
    return (source, target) == dyad or (target, source) == dyad


def index_units(events: Iterable[Event], stories: Sequence[Story] = (), *,
                dyad: tuple[str, str] = ("AZE", "RUS")) -> list[Unit]:
    """The units the index counts: stories of the dyad (with their events' quad and intensity), then the
    dyad's happened events that belong to no story."""
    evs = [e for e in events if e.modality in HAPPENED and e.quad and _dyadic(e.source, e.target, dyad)]
    by_id = {e.event_id: e for e in evs if e.event_id}
    in_story: set[str] = set()
    units = []
    for st in stories:
        members = [by_id[i] for i in st.event_ids if i in by_id]
        if not members or not st.date_start or not _dyadic(st.source, st.target, dyad):
            in_story.update(e.event_id for e in members)
            continue
        in_story.update(e.event_id for e in members)
        quads = [int(e.quad or 0) for e in members]
        quad = quads[0] if len(set(quads)) == 1 else Counter(quads).most_common(1)[0][0]
        intensity = sum(e.intensity for e in members) / len(members)
        units.append(Unit(st.source or "", st.target or "", st.date_start, st.date_precision, quad, intensity,
                          tuple({e.doc_id: None for e in members}), len(members)))
    for e in evs:
        if e.event_id and e.event_id in in_story or not e.date_start:
            continue
        units.append(Unit(e.source or "", e.target or "", e.date_start, e.date_precision, int(e.quad or 0),
                          e.intensity, (e.doc_id,)))
    return units


def _key(unit: Unit, by: str) -> str | None:
    if by == "year":
        return unit.date[:4]
    if unit.precision in _MONTHLY and len(unit.date) >= 7:
        return unit.date[:7]
    return None


def relationship_index(events: Iterable[Event] = (), stories: Sequence[Story] = (), *, by: str = "year",
                       dyad: tuple[str, str] = ("AZE", "RUS"), units: Sequence[Unit] | None = None
                       ) -> list[IndexPoint]:
    """Index points per period (``by`` = "year" or "month") and direction, in time order. ``units`` (from
    :func:`index_units`) may be given instead of events and stories, to count them only once."""
    if by not in ("year", "month"):
        raise ValueError(f"by must be 'year' or 'month', not {by!r}")
    groups: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    for u in (units if units is not None else index_units(events, stories, dyad=dyad)):
        key = _key(u, by)
        if key is None:
            continue
        groups[(key, f"{u.source}>{u.target}")].append(u)
        groups[(key, "both")].append(u)
    out = []
    for (period, direction), members in sorted(groups.items()):
        q = Counter(u.quad for u in members)
        n = len(members)
        out.append(IndexPoint(
            period=period, direction=direction, n=n, sources=len({d for u in members for d in u.docs}),
            q1=q[1], q2=q[2], q3=q[3], q4=q[4], mean_intensity=sum(u.intensity for u in members) / n,
            net_cooperation=(q[1] + q[2] - q[3] - q[4]) / n, goldstein=sum(u.intensity for u in members),
            mentions=sum(u.mentions for u in members)))
    return out
