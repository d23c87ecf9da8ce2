"""Roles and persons resolved by date.

"The Russian president" is Yeltsin in 1995 and Putin in 2003; "President Aliyev" is Heydar in 1999 and
Ilham in 2010; "Ivanov" is Igor (foreign minister) or Sergey (defence minister). Offices are dated intervals
(``data/actors/persons_*.yaml``); a time is an interval too (``"2008"`` covers the whole year), and the
office holder is the one whose office covers most of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from .dates import distance_days, overlap_days, when_interval
from .dictionary import Dictionary, Person, dictionary

Interval = tuple[date, date]
_FAR = 10**9


def _interval(when: str | None) -> Interval | None:
    return when_interval(when) if when else None


def holders(offices: Sequence[str], scope: str, when: Interval, dic: Dictionary | None = None) -> list[tuple[int, Person]]:
    """Persons holding any of ``offices`` in ``scope`` during ``when``, with the days of overlap, best first.

    Earlier offices in ``offices`` win over later ones ("leader" tries supreme leader before president).
    """
    dic = dic or dictionary()
    for role in offices:
        found: list[tuple[int, date, Person]] = []
        for person in dic.persons.values():
            days = sum(overlap_days((o.start, o.end), when) for o in person.offices if o.role == role and o.scope == scope)
            if days:
                start = min(o.start for o in person.offices if o.role == role and o.scope == scope)
                found.append((days, start, person))
        if found:
            found.sort(key=lambda t: (-t[0], -t[1].toordinal()))
            return [(d, p) for d, _, p in found]
    return []


def resolve_role(role: str, state: str, when: str | None) -> str | None:
    """The name of whoever held ``role`` (an office key such as ``"president"``, ``"foreign_minister"``, or a
    role word such as ``"foreign minister"``) for ``state`` (a code or scope: ``"RUS"``, ``"SUN"``,
    ``"RU-CE"``) at ``when`` (ISO date of any precision); None when unknown or when ``when`` is None."""
    interval = _interval(when)
    if interval is None:
        return None
    dic = dictionary()
    offices = _offices_of(role, dic)
    found = holders(offices, state, interval, dic)
    return found[0][1].name if found else None


def _offices_of(role: str, dic: Dictionary) -> tuple[str, ...]:
    key = role.strip().lower()
    if key in dic.heads:
        return dic.heads[key].offices
    for head in dic.heads.values():
        if any(form.lower() == key for form, _ in head.forms):
            return head.offices
    return (key.replace(" ", "_"),)


def choose_person(candidates: Iterable[Person], when: Interval | None, offices: Sequence[str] = ()) -> Person | None:
    """The candidate a name stands for at ``when``: one holding one of ``offices`` then, else any office then,
    else the one whose offices lie nearest in time. None when that cannot be decided (no date, several)."""
    people = list(dict.fromkeys(candidates))
    if len(people) == 1:
        return people[0]
    if not people or when is None:
        return None

    def best(scores: list[tuple[int, Person]], highest: bool) -> Person | None:
        ranked = sorted(scores, key=lambda t: -t[0] if highest else t[0])
        top = ranked[0][0]
        if (top > 0 if highest else top < _FAR) and (len(ranked) == 1 or ranked[1][0] != top):
            return ranked[0][1]
        return None

    for roles in ((tuple(offices),) if offices else ()) + ((),):
        scores = [(sum(overlap_days((o.start, o.end), when) for o in p.offices if not roles or o.role in roles), p)
                  for p in people]
        chosen = best(scores, highest=True)
        if chosen is not None:
            return chosen
    scores = [(min((distance_days((o.start, o.end), when) for o in p.offices), default=_FAR), p) for p in people]
    return best(scores, highest=False)


def person_actor(person: Person, when: Interval | None, dic: Dictionary | None = None) -> tuple[str | None, str | None]:
    """(actor, detail) a person acts for at ``when``: the entity of an office held then, else their own."""
    dic = dic or dictionary()
    if when is not None:
        best = max(((overlap_days((o.start, o.end), when), o.scope) for o in person.offices), default=(0, ""))
        if best[0] and best[1] in dic.scopes:
            actor, detail = dic.scopes[best[1]]
            return actor, detail or (person.detail if actor == person.actor else None)
    return person.actor, person.detail


def office_at(person: Person, when: Interval | None, offices: Sequence[str] = ()) -> str | None:
    """The office a mention gives ``person``: the title written before the name (its first office key), else
    the office the person held at ``when``, if any."""
    if offices:
        return offices[0]
    if when is None:
        return None
    held = sorted(((overlap_days((o.start, o.end), when), o.role) for o in person.offices), reverse=True)
    return held[0][1] if held and held[0][0] else None
