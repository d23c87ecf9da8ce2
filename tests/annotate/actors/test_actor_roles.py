"""Roles and ambiguous surnames resolve by the time the text talks about."""

from __future__ import annotations

import pytest

from dyadscope.annotate.actors import resolve_role

ROLES = [
    ("president", "RUS", "1995", "Boris Yeltsin"),
    ("president", "RUS", "2003", "Vladimir Putin"),
    ("president", "RUS", "2010", "Dmitry Medvedev"),
    ("president", "RUS", "2008", "Dmitry Medvedev"),          # in office for most of that year
    ("president", "RUS", "2008-03", "Vladimir Putin"),
    ("president", "RUS", "2015-06-01", "Vladimir Putin"),
    ("prime_minister", "RUS", "1997", "Viktor Chernomyrdin"),
    ("prime_minister", "RUS", "2010", "Vladimir Putin"),
    ("foreign_minister", "RUS", "1993", "Andrei Kozyrev"),
    ("foreign_minister", "RUS", "2000", "Igor Ivanov"),
    ("defence_minister", "RUS", "2005", "Sergey Ivanov"),
    ("president", "AZE", "1992-09", "Ebulfez Elchibey"),
    ("president", "AZE", "1999", "Heydar Aliyev"),
    ("president", "AZE", "2010", "Ilham Aliyev"),
    ("foreign_minister", "AZE", "2010", "Elmar Mammadyarov"),
    ("foreign_minister", "AZE", "2022", "Jeyhun Bayramov"),
    ("defence_minister", "AZE", "2003", "Safar Abiyev"),
    ("prime_minister", "AZE", "2000", "Artur Rasizade"),
    ("president", "ARM", "2000", "Robert Kocharyan"),
    ("prime_minister", "ARM", "2020", "Nikol Pashinyan"),
    ("president", "GEO", "2008", "Mikheil Saakashvili"),
    ("president", "TUR", "1995", "Süleyman Demirel"),
    ("supreme_leader", "IRN", "2000", "Ali Khamenei"),
    ("president", "USA", "2005", "George W. Bush"),
    ("foreign_minister", "USA", "2010", "Hillary Clinton"),
    ("head_of_republic", "RU-CE", "2009", "Ramzan Kadyrov"),
    ("general_secretary", "SUN", "1988", "Mikhail Gorbachev"),
    ("president", "NKR", "2010", "Bako Sahakyan"),
    ("secretary_general", "NATO", "2016", "Jens Stoltenberg"),
    ("foreign minister", "TUR", "2010", "Ahmet Davutoğlu"),   # a role word instead of an office key
    ("defense minister", "RUS", "2003", "Sergey Ivanov"),
]


@pytest.mark.parametrize("role, state, when, name", ROLES, ids=[f"{r[0]}-{r[1]}-{r[2]}" for r in ROLES])
def test_a_role_resolves_to_whoever_held_it_then(role, state, when, name):
    assert resolve_role(role, state, when) == name


@pytest.mark.parametrize("role, state, when", [
    ("president", "RUS", None),          # no date: no person
    ("president", "RUS", "1850"),        # before any office in the data
    ("president", "XYZ", "2000"),        # unknown state
    ("astronaut", "RUS", "2000"),        # unknown role
    ("president", "RUS", "not a date"),
])
def test_a_role_without_a_known_holder_resolves_to_nobody(role, state, when):
    assert resolve_role(role, state, when) is None


def test_decades_and_centuries_resolve_to_the_longest_holder():
    assert resolve_role("president", "RUS", "199X") == "Boris Yeltsin"
    assert resolve_role("president", "AZE", "200X") == "Ilham Aliyev"
