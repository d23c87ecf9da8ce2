"""Quantities among the checkable facts: a number with its qualifier, scale, currency or unit, as the interval
of values the text allows, keyed by what it is about (``data/facts/quantities.yaml``, ``subjects.yaml``);
and spans of time the time stage found. See :mod:`dyadscope.code.facts`."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ..records import Fact, Mention, Sentence, Timex
from .facts_lex import (
    DATE_KINDS,
    RULESET,
    Lex,
    anchor_of,
    basis_of,
    date_near,
    key_actors,
    make_fact,
    person_key,
    subject_of,
)

__all__ = ["durations", "quantities"]


def _number(text: str, lex: Lex) -> tuple[float, float] | None:
    """(value, half-step of its rounding) of a number as written: half a unit of its last decimal, or for a
    whole number ending in zeros ("140,000") half a unit of its last non-zero digit — but never more than
    5% of the value (a writer's "10 million" is rarely meant as "between 5 and 15 million")."""
    t = text.lower().replace(",", "")
    if t in lex.number_words:
        return lex.number_words[t], 0.0
    if t in lex.fractions:
        return lex.fractions[t] * 100, 0.0
    try:
        v = float(t)
    except ValueError:
        return None
    if "." in t:
        step = 10 ** -len(t.split(".")[1])
    else:
        stripped = t.rstrip("0")
        step = 10 ** (len(t) - len(stripped)) if stripped else 1
        return v, min(step / 2, max(0.5, 0.05 * v))
    return v, step / 2


def _interval(value: float, half: float, qualifier: str) -> tuple[float, float]:
    low, high = value - half, value + half
    if qualifier == "approx":
        low, high = min(low, value * 0.9), max(high, value * 1.1)
    elif qualifier == "above":
        low, high = value, math.inf
    elif qualifier == "below":
        low, high = 0.0, value
    elif qualifier == "nearly":
        low, high = value * 0.9, value
    return low, high


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) and abs(v) < 1e18 else f"{v:.6g}"


def _unit(m: re.Match[str], stext: str, lex: Lex) -> str | None:
    """The canonical unit of one number as written: its currency, unit word or per cent sign, the unit of
    "the number of X" before it, or persons for "38 were killed"."""
    fraction = m.group("num").lower() in lex.fractions
    unit = ("percent" if m.group("pct") or fraction else
            lex.currency.get((m.group("cur") or m.group("cur2") or "").lower().strip())
            or lex.units.get((m.group("unit") or "").lower()) or lex.hyphen_units.get((m.group("hyphen") or "").lower()))
    if unit is None:
        back = lex.number_of.search(stext[:m.start()])
        unit = lex.units.get(back.group("unit").lower()) if back else None
    if unit is None and lex.implicit_persons.match(stext[m.end():]):
        unit = "persons"  # "38 were killed", "12 died"
    return unit


def quantities(s: Sentence, doc: str, doc_id: str, tx: Sequence[Timex], ms: Sequence[Mention],
               lex: Lex, previous_text: str = "", narrative: Timex | None = None) -> list[Fact]:
    """Figures of one sentence. ``previous_text`` (the sentence before, same paragraph) may name the thing a
    figure belongs to; ``narrative`` (the last time of the paragraph before this sentence) dates, loosely, a
    figure of one particular thing that its own sentence does not date ("38 were killed"), so that the dead
    of a 2020 crash are not compared with those of a 2024 one."""
    out = []
    stext = s.text
    covered = [(t.start - s.start, t.end - s.start) for t in tx]
    found = [m for m in lex.quantity.finditer(stext)
             if m.group("num") and not any(a <= m.start("num") < b for a, b in covered)]
    by_start = {m.start(): m for m in found}
    for m in found:
        num = _number(m.group("num"), lex)
        if num is None:
            continue
        value, half = num
        fraction = m.group("num").lower() in lex.fractions
        unit = _unit(m, stext, lex)
        about, after = m.start(), bool(lex.implicit_persons.match(stext[m.end():]))  # "38 were killed"
        whole = lex.part_of.match(stext[m.end():])
        if unit is None and whole and m.end() + whole.end() in by_start:  # "38 of the 67 on board were killed"
            total = by_start[m.end() + whole.end()]
            unit, about, after = _unit(total, stext, lex), total.end(), True
        if unit is None or (fraction and not re.match(r"\s*of\b", stext[m.end():])):
            continue
        if unit in _SPANS and _offset(stext, m.start(), m.end()):
            continue  # "two years before the war" places an event in time; it is no figure
        if m.group("scale"):
            scale = lex.scales[m.group("scale").lower()]
            value, half = value * scale, half * scale
        own_scale = lex.unit_scales.get((m.group("unit") or "").lower(), 1.0)  # "4.5 bcm"
        value, half = value * own_scale, half * own_scale
        if m.group("num2"):
            second = _number(m.group("num2"), lex)
            if second:
                half = max(half, abs(second[0] * own_scale * (lex.scales.get((m.group("scale") or "").lower(), 1.0))
                                     - value))
        qualifier = lex.qualifiers.get((m.group("qual") or "").lower(), "exact")
        if m.group("num").lower().endswith("s") and m.group("num").lower() in lex.number_words:
            qualifier = "above"  # "millions of …": two million or more
        if qualifier == "exact":
            before = stext[max(0, m.start() - 25):m.start()].lower()
            qualifier = next((k for w, k in lex.qualifiers.items() if before.rstrip().endswith(w)), "exact")
        low, high = _interval(value, half, qualifier)
        subj = subject_of(stext, about, unit, lex, own=(m.end("num"), m.end()) if about == m.start() else (0, 0),
                          after=after)
        sid, directed, issue, anchored = subj if subj else (unit, False, None, False)
        actors = key_actors(ms, s, s.start + m.start(), lex)
        if not directed:
            actors = sorted(actors)
        # 'an annual rent of $7 million' is a rate too; for flows such as trade the sentence's year still counts
        rate = bool(lex.rate.match(stext[m.end():])
                    or (anchored and lex.rate_before.search(stext[max(0, m.start() - 60):m.start()])))
        earlier = bool(lex.change_from.search(stext[max(0, m.start() - 30):m.start()])
                       and lex.change_to.match(stext[m.end():m.end() + 40]))  # "from USD 110 to USD 235"
        own = [t for t in tx if t.date_start and t.kind in DATE_KINDS and 0 <= t.start - s.start - m.end() <= 30
               and lex.date_after.match(stext[m.end():t.start - s.start])]  # "to $3 billion in 2020"
        when = None if rate or earlier else (own[0] if own else date_near(tx, s.start + m.start(), s))
        date_basis = basis_of(when)[0] if when else "none"
        anchor = anchor_of(stext, about, lex, previous_text) if anchored else None
        if anchored and anchor is None and rate:
            anchor = lex.rate_anchors.get(sid)
        if anchor and when is None and not rate and narrative is not None:
            when, date_basis = narrative, "carried"
        if lex.proposal.search(stext[max(0, m.start() - 60):m.start()]):
            sid = f"{sid}_proposed"  # "was asking as much as $300 million a year": no figure paid
        subject = f"{sid}@{anchor}" if anchor else f"{'-'.join(actors[:3]) or 'any'}:{sid}"
        out.append(make_fact(s, doc, doc_id, m.start(), m.end(),
                         subject=subject, value=_fmt(value), unit=unit,
                         date=when.date_start if when else None, rule=f"{RULESET}:quantity", kind="quantity",
                         low=low, high=high, qualifier=qualifier, date_basis=date_basis, actors=tuple(actors[:3]),
                         issue=issue, confidence=0.7 if subj else 0.5))
    out += _shares(s, doc, doc_id, tx, ms, lex) + _ages(s, doc, doc_id, ms, lex)
    for m in lex.votes.finditer(stext):
        a, b = [int(g) for g in m.groups() if g is not None][:2]
        actors = sorted(key_actors(ms, s, s.start + m.start(), lex))
        when = date_near(tx, s.start + m.start(), s, following=True)
        out.append(make_fact(s, doc, doc_id, m.start(), m.end(), subject=f"{'-'.join(actors) or 'any'}:vote",
                         value=f"{a}-{b}", unit="votes", date=when.date_start if when else None,
                         rule=f"{RULESET}:vote", kind="vote", low=float(a), high=float(a), actors=tuple(actors),
                         issue="OTHER", date_basis=basis_of(when)[0] if when else "none", confidence=0.8))
    return out


_SPANS = frozenset({"years", "months", "days"})


def _offset(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` ("two years") an offset that places something in time ("two years before the war",
    "a month later") rather than a span ("within two months after ratification")?"""
    return bool(re.match(r"\s*(?:before|after|later|earlier|ago)\b", text[b:])) and not re.search(
        r"\b(?:within|for|over|during|in|after)\s*$", text[:a], re.IGNORECASE)


_PARTIES = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}


def _shares(s: Sentence, doc: str, doc_id: str, tx: Sequence[Timex], ms: Sequence[Mention], lex: Lex) -> list[Fact]:
    """An equal division as a share: "divides the flow equally between the two" → 50 per cent."""
    out = []
    for m in lex.equal_share.finditer(s.text):
        parties = lex.share_parties.search(s.text, m.start(), min(len(s.text), m.end() + 40))
        n = 2
        if parties:
            word = parties.group("n").lower()
            n = int(word) if word.isdigit() else _PARTIES.get(word, 2)
        if n < 2:
            continue
        value = 100.0 / n
        subj = subject_of(s.text, m.start(), "percent", lex)
        sid, directed, issue = subj[:3] if subj else ("share", False, None)
        actors = key_actors(ms, s, s.start + m.start(), lex)
        actors = actors if directed else sorted(actors)
        when = date_near(tx, s.start + m.start(), s)
        out.append(make_fact(s, doc, doc_id, m.start(), m.end(), subject=f"{'-'.join(actors[:3]) or 'any'}:{sid}",
                             value=_fmt(round(value, 2)), unit="percent", date=when.date_start if when else None,
                             rule=f"{RULESET}:equal_share", kind="quantity", low=value - 0.5, high=value + 0.5,
                             qualifier="exact", date_basis=basis_of(when)[0] if when else "none",
                             actors=tuple(actors[:3]), issue=issue, confidence=0.5))
    return out


def _ages(s: Sentence, doc: str, doc_id: str, ms: Sequence[Mention], lex: Lex) -> list[Fact]:
    """A person's age ("aged 54", "the 61-year-old minister", "Ivan Petrov, 58, resigned"), keyed by the
    person named nearest before it (``"<first_last>:age"``); ages are not dated, so never compared."""
    out = []
    people = sorted((m for m in ms if m.person), key=lambda m: m.start)
    found = [(m.start(), m.end(), next(g for g in m.groups() if g)) for m in lex.age.finditer(s.text)]
    for p in people:
        comma = lex.age_apposition.match(s.text[p.end - s.start:])
        if comma:
            found.append((p.end - s.start + comma.start("e"), p.end - s.start + comma.end("e"), comma.group("e")))
    for a, b, years in found:
        earlier = [p for p in people if p.end - s.start <= a + 1]
        later = [p for p in people if p.start - s.start >= b]
        person = earlier[-1] if earlier else later[0] if later else None
        who = person_key(person.person, {}) if person and person.person else "any"
        value = float(years)
        out.append(make_fact(s, doc, doc_id, a, b, subject=f"{who}:age", value=_fmt(value), unit="years",
                             date=None, rule=f"{RULESET}:age", kind="quantity", low=value, high=value + 1,
                             qualifier="exact", actors=(person.actor,) if person and person.actor else (),
                             issue="OTHER", confidence=0.5))
    return out


_MODS = {"MORE_THAN": "above", "EQUAL_OR_MORE": "above", "LESS_THAN": "below", "EQUAL_OR_LESS": "below",
         "APPROX": "approx"}
_DURATION_UNITS = {"Y": "years", "M": "months", "W": "weeks", "D": "days"}


def durations(s: Sentence, doc: str, doc_id: str, tx: Sequence[Timex], ms: Sequence[Mention],
               lex: Lex) -> list[Fact]:
    """Spans of time the time stage found ("for more than 14 years", "within two months") as quantities."""
    out = []
    for t in tx:
        m = re.fullmatch(r"P(\d+(?:\.\d+)?)([YMWD])", t.value or "")
        words = t.text.split()
        if t.type != "DURATION" or not m or any(w[:1].isupper() for w in words[1:]) or re.search(r"[A-Z]\w*-", t.text):
            continue  # a name ("the Five-Day war"), not a span of time
        if _offset(s.text, t.start - s.start, t.end - s.start):
            continue  # "two days before the invasion" places an event in time; "within two months after" is a span
        value, unit = float(m.group(1)), _DURATION_UNITS[m.group(2)]
        qualifier = _MODS.get(t.mod or "", "exact")
        low, high = _interval(value, 0.5 if value >= 1 else 0.0, qualifier)
        a, b = t.start - s.start, t.end - s.start
        subj = subject_of(s.text, a, unit if unit in ("years", "months", "days") else "years", lex)
        sid, directed, issue = subj[:3] if subj else ("duration", False, None)
        actors = key_actors(ms, s, t.start, lex)
        actors = actors if directed else sorted(actors)
        out.append(make_fact(s, doc, doc_id, a, b, subject=f"{'-'.join(actors[:3]) or 'any'}:{sid}", value=_fmt(value),
                         unit=unit, date=None, rule=f"{RULESET}:duration", kind="quantity", low=low, high=high,
                         qualifier=qualifier, actors=tuple(actors[:3]), issue=issue, confidence=0.5))
    return out
