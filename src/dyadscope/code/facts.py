"""Checkable facts: quantities and dated happenings, with a subject key that compares across documents
(stage ``facts``; DESIGN §1–2).

Three finders run over each sentence; their language data is in ``data/facts/``:

- **quantities** (``quantities.yaml``): a number with its qualifier ("about", "over"), scale ("billion"),
  currency or unit ("USD 4.4 billion", "about 100 million dollars", "23.9%", "one-fifth of", "84 T-72
  tanks"). The value becomes an interval (``low``/``high``) that says what the text allows: the rounding
  of the figure as written, widened or opened by its qualifier. Votes ("a vote of 30 to 13") too.
- **happenings** (``happenings.yaml``): a leader taking or leaving office ("Putin came to power in 1999",
  "… replaced by Vladimir Putin in 2001", "Putin's two terms (2000–2008)"), and dated events such as a
  founding, an accession, a ratification, a ceasefire, a coup. Their value is the date. Happenings that
  occur once for their key (a founding, a leader taking office) are ``kind="happening"`` and are compared
  across documents; recurring ones (a visit, a signing) are ``kind="dated_event"`` and are only listed.
- **dated mentions**: any other explicit date in a sentence, as a low-confidence fact (``kind =
  "dated_mention"``) that the report lists but contradictions leave aside.

The subject key is ``"<actors>:<subject>"`` — the actor codes of the sentence (sorted, or in the order the
text names them for directed subjects such as investment) and the id of the nearest subject word
(``subjects.yaml``); for a person, ``"<first_last>:took_office"``. A figure that belongs to one particular
thing — the toll of a crash, the rent of a lease — is keyed by that thing instead (``"casualties@crash"``,
``subjects.yaml`` anchors), so sources that name different actors around it still compare. A rate ("seven
million dollars a year") is not dated by the sentence's year: that year is rarely the rate's. A date comes from the sentence's own time
expressions; a sentence that speaks of "that time" takes the year of the sentence before, loosely.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..lexicon import load_entries, load_yaml, version_of, words_pattern
from ..options import Options
from ..pipeline import Analysis, stage
from ..records import Fact, Mention, Sentence, Timex

__all__ = ["RULESET", "facts_stage", "find_facts", "person_key"]

RULESET = f"facts.rules.v{version_of('facts/quantities.yaml')}"
_DATE_KINDS = frozenset({"absolute", "relative", "narrative"})
_STATE_KINDS = frozenset({"state", "org", "body", "company", "place", "person", "role"})
_NAME = r"(?-i:(?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)"
_CLAUSE_BREAK = re.compile(r"[;,:]|\s(?:and|but|while|whereas)\s")
_WHEN_CLAUSE = re.compile(r"\s*,\s*(?:when|as|where)\b[^,;:]*$")  # "on Tuesday, when the presidents signed"


@dataclass(frozen=True, slots=True)
class _Lex:
    quantity: re.Pattern[str]
    votes: re.Pattern[str]
    rate: re.Pattern[str]
    implicit_persons: re.Pattern[str]
    anchors: tuple[tuple[str, re.Pattern[str]], ...]
    number_of: re.Pattern[str]
    qualifiers: dict[str, str]
    scales: dict[str, float]
    number_words: dict[str, float]
    fractions: dict[str, float]
    currency: dict[str, str]
    units: dict[str, str]
    subjects: tuple[tuple[str, re.Pattern[str], bool, frozenset[str], str, bool, int], ...]
    persons: tuple[tuple[str, str, str, float, tuple[re.Pattern[str], ...]], ...]
    happenings: tuple[tuple[str, float, re.Pattern[str], re.Pattern[str] | None, bool, str], ...]
    carry: re.Pattern[str]
    titles: re.Pattern[str]
    document: re.Pattern[str]


def _low(d: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in d.items()}


@cache
def _lex() -> _Lex:
    q: dict[str, Any] = load_yaml("facts/quantities.yaml")
    qualifiers = {w.lower(): kind for kind, words in q["qualifiers"].items() for w in words}
    units = {w.lower(): unit for unit, words in q["units"].items() for w in words}
    currency = {**_low(q["currency_before"]), **_low(q["currency_after"])}
    wp = words_pattern
    number = (rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{wp(q['fractions'], boundary=False)}"
              rf"|{wp(q['number_words'], boundary=False)})")
    quantity = (
        rf"(?<![\w.,-])(?:(?P<qual>{wp(qualifiers, boundary=False)})\s+)?"
        rf"(?:(?P<cur>{wp(q['currency_before'], boundary=False)})\s*)?{number}(?:\s*(?:-|–|or|to)\s*(?P<num2>\d+(?:\.\d+)?|{wp(q['number_words'], boundary=False)}))?"
        rf"(?:\s*(?P<scale>{wp(q['scales'], boundary=False)})\b)?"
        rf"(?:\s*(?P<pct>%)|\s+(?:of\s+)?(?:[\w-]+\s+){{0,3}}?(?P<unit>{wp(units, boundary=False)})\b"
        rf"|\s+(?P<cur2>{wp(q['currency_after'], boundary=False)})\b)?")
    subjects = []
    for e in load_entries("facts/subjects.yaml", required=("words",)):
        subjects.append((e["id"].split(":", 1)[1], re.compile(wp(e["words"]), re.IGNORECASE), bool(e.get("directed")),
                         frozenset(e.get("units", ())), str(e.get("issue", "OTHER")), bool(e.get("anchored")),
                         int(e.get("reach", 10_000))))
    anchors = tuple((str(k), re.compile(wp(v), re.IGNORECASE))
                    for k, v in load_yaml("facts/subjects.yaml").get("anchors", {}).items())
    h = load_yaml("facts/happenings.yaml")
    persons, happenings = [], []
    for e in load_entries("facts/happenings.yaml"):
        hid = e["id"].split(":", 1)[1]
        if "patterns" in e:
            pats = tuple(re.compile(p.replace("{who}", rf"(?P<who>{_NAME})"), re.IGNORECASE) for p in e["patterns"])
            persons.append((hid, str(e.get("key", hid)), str(e.get("role", "point")), float(e.get("tolerance", 1)),
                            pats))
        else:
            neg = re.compile(wp(e["not"], boundary=False), re.IGNORECASE) if e.get("not") else None
            happenings.append((hid, float(e.get("tolerance", 0)), re.compile(e["trigger"], re.IGNORECASE), neg,
                               bool(e.get("once")), str(e.get("object", "clause"))))
    return _Lex(
        quantity=re.compile(quantity, re.IGNORECASE), votes=re.compile(q["votes"], re.IGNORECASE),
        rate=re.compile(q["rate"], re.IGNORECASE), implicit_persons=re.compile(q["implicit_persons"], re.IGNORECASE),
        anchors=anchors,
        number_of=re.compile(q["number_of"].replace("{units}", wp(units, boundary=False)), re.IGNORECASE),
        qualifiers=qualifiers, scales={k.lower(): float(v) for k, v in q["scales"].items()},
        number_words={k.lower(): float(v) for k, v in q["number_words"].items()},
        fractions={k.lower(): float(v) for k, v in q["fractions"].items()}, currency=currency, units=units,
        subjects=tuple(subjects), persons=tuple(persons), happenings=tuple(happenings),
        carry=re.compile(h["carry"], re.IGNORECASE), titles=re.compile(wp(h["titles"]) + r"\s*", re.IGNORECASE),
        document=re.compile(h["document"], re.IGNORECASE),
    )


# --- numbers ---------------------------------------------------------------------------------------------

def _number(text: str, lex: _Lex) -> tuple[float, float] | None:
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


# --- actors, subjects, dates -----------------------------------------------------------------------------

def _actors(mentions: Sequence[Mention], start: int, end: int) -> list[str]:
    out: list[str] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.actor and start <= m.start and m.end <= end and m.kind in _STATE_KINDS and m.actor not in out:
            out.append(m.actor)
    return out


def _subject(stext: str, pos: int, unit: str, lex: _Lex) -> tuple[str, bool, str, bool] | None:
    best: tuple[int, str, bool, str, bool] | None = None
    for sid, rx, directed, units, issue, anchored, reach in lex.subjects:
        if units and unit not in units:
            continue
        for m in rx.finditer(stext):
            if abs(m.start() - pos) > reach:
                continue
            dist = abs(m.start() - pos) + (0 if m.start() <= pos else 15)
            if best is None or dist < best[0]:
                best = (dist, sid, directed, issue, anchored)
    return (best[1], best[2], best[3], best[4]) if best else None


def _anchor(stext: str, pos: int, lex: _Lex, before: str = "") -> str | None:
    """The particular thing a figure belongs to ("the crash", "the lease"): the anchor word nearest the
    figure in its sentence, else the last one of the sentence before (``before``, same paragraph)."""
    best: tuple[int, str] | None = None
    for aid, rx in lex.anchors:
        for m in rx.finditer(stext):
            if best is None or abs(m.start() - pos) < best[0]:
                best = (abs(m.start() - pos), aid)
        if best is None:
            for m in rx.finditer(before):
                if best is None or len(before) - m.start() < best[0] - 10_000:
                    best = (10_000 + len(before) - m.start(), aid)
    return best[1] if best else None


def _date_near(tx: Sequence[Timex], pos: int, s: Sentence, *, following: bool = False,
               strict: bool = False) -> Timex | None:
    """The time expression that dates the words at ``pos``: one in the same clause before them (or opening
    the sentence), else the nearest one after them; with ``following``, one after them comes first. With
    ``strict``, only time expressions in the same clause (no comma, colon or conjunction between) count."""
    dated = [t for t in tx if t.date_start and t.kind in _DATE_KINDS and t.precision != "century"]

    def same_clause(a: int, b: int) -> bool:
        between = s.text[a - s.start:b - s.start]
        return not _CLAUSE_BREAK.search(between) or bool(_WHEN_CLAUSE.match(between))

    before = [t for t in dated if t.end <= pos and (t.start - s.start < 12 or same_clause(t.end, pos))]
    after = [t for t in dated if t.start >= pos and (not strict or same_clause(pos, t.start))]
    if strict:
        before = [t for t in before if same_clause(t.end, pos) or t.start - s.start < 12]
    first, second = (after, before[::-1]) if following else (before[::-1], after)
    if first:
        return first[0]
    return second[0] if second else None


def _range_start(tx: Sequence[Timex], s: Sentence) -> Timex | None:
    """The first time expression of a span the sentence states ("from 2000 till 2008", "(2000-2008)")."""
    dated = [t for t in tx if t.date_start and t.kind in _DATE_KINDS]
    for a, b in itertools.pairwise(dated):
        if re.fullmatch(r"\s*(?:-|–|—|to|till|until|through)\s*", s.text[a.end - s.start:b.start - s.start]):
            return a
    return next((t for t in dated if t.date_end and t.date_end[:4] != (t.date_start or "")[:4]), None)


def _basis(t: Timex) -> tuple[str, float]:
    """How a date was found and how loose it is (years): a relative expression resolved to a day or month
    ("on Tuesday") is as exact as a stated date; one resolved to a year ("last year") is looser."""
    if t.kind == "absolute":
        return "explicit", 0.0
    return "relative", 0.0 if t.precision in ("day", "month") else (1.0 if t.precision == "year" else 2.0)


def person_key(name: str, full_names: dict[str, str]) -> str:
    """``"vladimir_putin"`` for "Putin" when the document names him "Vladimir Putin" somewhere."""
    parts = re.sub(r"(?:'s|’s)$", "", name).split()
    surname = parts[-1]
    first = parts[-2] if len(parts) > 1 else full_names.get(surname)
    return (f"{first}_{surname}" if first else surname).lower()


# --- finders ---------------------------------------------------------------------------------------------

def _fact(s: Sentence, doc: str, doc_id: str, a: int, b: int, **kw: Any) -> Fact:
    return Fact(doc=doc, doc_id=doc_id, sentence=s.text, start=s.start, end=s.end, quote=s.text[a:b], **kw)


def _quantities(s: Sentence, doc: str, doc_id: str, tx: Sequence[Timex], ms: Sequence[Mention],
                lex: _Lex, previous_text: str = "") -> list[Fact]:
    out = []
    stext = s.text
    covered = [(t.start - s.start, t.end - s.start) for t in tx]
    for m in lex.quantity.finditer(stext):
        if not m.group("num") or any(a <= m.start("num") < b for a, b in covered):
            continue
        num = _number(m.group("num"), lex)
        if num is None:
            continue
        value, half = num
        fraction = m.group("num").lower() in lex.fractions
        unit = ("percent" if m.group("pct") or fraction else
                lex.currency.get((m.group("cur") or m.group("cur2") or "").lower().strip())
                or lex.units.get((m.group("unit") or "").lower()))
        if unit is None:
            back = lex.number_of.search(stext[:m.start()])
            unit = lex.units.get(back.group("unit").lower()) if back else None
        if unit is None and lex.implicit_persons.match(stext[m.end():]):
            unit = "persons"  # "38 were killed", "12 died"
        if unit is None or (fraction and not re.match(r"\s*of\b", stext[m.end():])):
            continue
        if m.group("scale"):
            scale = lex.scales[m.group("scale").lower()]
            value, half = value * scale, half * scale
        if m.group("num2"):
            second = _number(m.group("num2"), lex)
            if second:
                half = max(half, abs(second[0] * (lex.scales.get((m.group("scale") or "").lower(), 1.0)) - value))
        qualifier = lex.qualifiers.get((m.group("qual") or "").lower(), "exact")
        if m.group("num").lower().endswith("s") and m.group("num").lower() in lex.number_words:
            qualifier = "above"  # "millions of …": two million or more
        if qualifier == "exact":
            before = stext[max(0, m.start() - 25):m.start()].lower()
            qualifier = next((k for w, k in lex.qualifiers.items() if before.rstrip().endswith(w)), "exact")
        low, high = _interval(value, half, qualifier)
        subj = _subject(stext, m.start(), unit, lex)
        sid, directed, issue, anchored = subj if subj else (unit, False, None, False)
        actors = _actors(ms, s.start, s.end)
        if not directed:
            actors = sorted(actors)
        rate = bool(lex.rate.match(stext[m.end():]))
        when = None if rate else _date_near(tx, s.start + m.start(), s)
        date_basis = _basis(when)[0] if when else "none"
        anchor = _anchor(stext, m.start(), lex, previous_text) if anchored else None
        subject = f"{sid}@{anchor}" if anchor else f"{'-'.join(actors[:3]) or 'any'}:{sid}"
        out.append(_fact(s, doc, doc_id, m.start(), m.end(),
                         subject=subject, value=_fmt(value), unit=unit,
                         date=when.date_start if when else None, rule=f"{RULESET}:quantity", kind="quantity",
                         low=low, high=high, qualifier=qualifier, date_basis=date_basis, actors=tuple(actors[:3]),
                         issue=issue, confidence=0.7 if subj else 0.5))
    for m in lex.votes.finditer(stext):
        a, b = [int(g) for g in m.groups() if g is not None][:2]
        actors = sorted(_actors(ms, s.start, s.end))
        when = _date_near(tx, s.start + m.start(), s, following=True)
        out.append(_fact(s, doc, doc_id, m.start(), m.end(), subject=f"{'-'.join(actors) or 'any'}:vote",
                         value=f"{a}-{b}", unit="votes", date=when.date_start if when else None,
                         rule=f"{RULESET}:vote", kind="vote", low=float(a), high=float(a), actors=tuple(actors),
                         issue="OTHER", date_basis=_basis(when)[0] if when else "none", confidence=0.8))
    return out


_MODS = {"MORE_THAN": "above", "EQUAL_OR_MORE": "above", "LESS_THAN": "below", "EQUAL_OR_LESS": "below",
         "APPROX": "approx"}
_DURATION_UNITS = {"Y": "years", "M": "months", "W": "weeks", "D": "days"}


def _durations(s: Sentence, doc: str, doc_id: str, tx: Sequence[Timex], ms: Sequence[Mention],
               lex: _Lex) -> list[Fact]:
    """Spans of time the time stage found ("for more than 14 years", "within two months") as quantities."""
    out = []
    for t in tx:
        m = re.fullmatch(r"P(\d+(?:\.\d+)?)([YMWD])", t.value or "")
        words = t.text.split()
        if t.type != "DURATION" or not m or any(w[:1].isupper() for w in words[1:]) or re.search(r"[A-Z]\w*-", t.text):
            continue  # a name ("the Five-Day war"), not a span of time
        value, unit = float(m.group(1)), _DURATION_UNITS[m.group(2)]
        qualifier = _MODS.get(t.mod or "", "exact")
        low, high = _interval(value, 0.5 if value >= 1 else 0.0, qualifier)
        a, b = t.start - s.start, t.end - s.start
        subj = _subject(s.text, a, unit if unit in ("years", "months", "days") else "years", lex)
        sid, directed, issue = subj[:3] if subj else ("duration", False, None)
        actors = _actors(ms, s.start, s.end)
        actors = actors if directed else sorted(actors)
        out.append(_fact(s, doc, doc_id, a, b, subject=f"{'-'.join(actors[:3]) or 'any'}:{sid}", value=_fmt(value),
                         unit=unit, date=None, rule=f"{RULESET}:duration", kind="quantity", low=low, high=high,
                         qualifier=qualifier, actors=tuple(actors[:3]), issue=issue, confidence=0.5))
    return out


def _happenings(s: Sentence, doc: str, doc_id: str, tx: Sequence[Timex], ms: Sequence[Mention],
                carried: Timex | None, full_names: dict[str, str], lex: _Lex) -> list[Fact]:
    out = []
    stext = s.text
    taken: list[tuple[int, int]] = []
    for hid, key, role, tol, patterns in lex.persons:
        for rx in patterns:
            for m in rx.finditer(stext):
                who = lex.titles.sub("", m.group("who")).strip()
                if not who or any(a <= m.start() < b for a, b in taken):
                    continue
                person = next((x.person for x in ms if x.person and x.start <= s.start + m.start("who") < x.end), None)
                if role == "span":
                    when = _range_start(tx, s)
                    if when is None:
                        continue
                else:
                    when = _date_near(tx, s.start + m.end(), s, following=True, strict=True)
                basis, tolerance = _basis(when) if when else ("carried", tol)
                if when is None:
                    when = carried
                if when is None:
                    continue
                taken.append((m.start(), m.end()))
                out.append(_fact(s, doc, doc_id, m.start(), m.end(),
                                 subject=f"{person_key(person or who, full_names)}:{key}",
                                 value=when.date_start or "", unit="date", date=when.date_start,
                                 rule=f"{RULESET}:{hid}", kind="happening", date_basis=basis,
                                 tolerance=max(tolerance, 0.0 if basis == "explicit" else tol),
                                 issue="DOMESTIC_POLITICS", confidence=0.7))
    recurring_found = False
    for hid, tol, rx, neg, once, obj_rule in sorted(lex.happenings, key=lambda h: not h[4]):
        if recurring_found and not once:
            break  # one recurring happening per sentence ("signed an agreement" is one)
        for m in rx.finditer(stext):
            if neg and neg.search(stext[max(0, m.start() - 25):m.start()]):
                continue
            when = _date_near(tx, s.start + m.end(), s, following=True, strict=True)
            basis, tolerance = _basis(when) if when else ("carried", 1.0)
            if when is None:
                when = carried
            if when is None or any(a <= m.start() < b for a, b in taken):
                continue
            passive = re.match(r"(?:was|were|been|is)\b", m.group(0), re.IGNORECASE)
            if obj_rule == "document":  # a signing is once-only when the document is named by its subject
                named = lex.document.search(stext, m.end(), m.end() + 50) or lex.document.search(
                    stext[max(0, m.start() - 90):m.start()].rstrip(" ,"))
                if named is None:
                    continue
                actors, obj = [], ["_".join(w.lower() for w in re.findall(r"[A-Za-z]\w+", named.group("name"))
                                            if w.lower() not in _STOP)[:60]]
            elif obj_rule == "org":  # joining is once-only for an organisation ("joined the CIS")
                orgs = [x.actor for x in ms if x.kind == "org" and x.actor and 0 <= x.start - s.start - m.end() < 40]
                if not orgs:
                    continue
                actors = obj = sorted({*_actors(ms, s.start, s.start + m.start())[-1:], orgs[0]})
            elif obj_rule == "after" and passive:
                actors = _actors(ms, s.start + max(0, m.start() - 60), s.start + m.start())[-1:]
            elif obj_rule == "after":
                actors = _actors(ms, s.start + m.end(), s.start + m.end() + 60)[:1]
            else:
                actors = sorted(_actors(ms, s.start, s.end))[:3]
            if obj_rule not in ("document", "org"):
                obj = actors or (_head_words(stext[:m.start()][::-1], reverse=True) if passive
                                 else _head_words(stext[m.end():]))
            out.append(_fact(s, doc, doc_id, m.start(), m.end(), subject=f"{hid}:{'-'.join(obj) or 'any'}",
                             value=when.date_start or "", unit="date", date=when.date_start,
                             rule=f"{RULESET}:{hid}", kind="happening" if once else "dated_event", date_basis=basis,
                             tolerance=max(tolerance, tol), actors=tuple(actors), confidence=0.5))
            recurring_found = recurring_found or not once
            taken.append((m.start(), m.end()))
            break
    return out


_STOP = frozenset({"the", "a", "an", "of", "in", "on", "to", "its", "their", "his", "her", "by", "with", "was",
                   "were", "is", "been", "has", "had", "and", "that", "which"})


def _head_words(text: str, *, reverse: bool = False) -> list[str]:
    """Two content words next to a trigger, as a key when no actor is named ("military_doctrine"): the first
    ones after it, or (``reverse``: ``text`` is the text before the trigger, reversed) the last ones before."""
    if reverse:
        found = [w[::-1].lower() for w in re.findall(r"[\w-]*[A-Za-z]", text[:60])]
        words = [w for w in found if w not in _STOP][:2][::-1]
    else:
        words = [w.lower() for w in re.findall(r"[A-Za-z][\w-]+", text[:60]) if w.lower() not in _STOP][:2]
    return ["_".join(words)] if words else []


def _words_before(text: str) -> str:
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w-]+", text[-50:]) if len(w) > 3]
    return "_".join(words[-2:]) or "any"


def find_facts(doc: str, doc_id: str, text: str, sentences: Sequence[Sentence], timexes: Sequence[Timex],
               mentions: Sequence[Mention] = ()) -> list[Fact]:
    """Every checkable fact of one document, in text order."""
    lex = _lex()
    by_sentence: dict[int, list[Timex]] = {}
    for t in sorted(timexes, key=lambda t: t.start):
        by_sentence.setdefault(t.sentence, []).append(t)
    m_by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        m_by_sentence.setdefault(m.sentence, []).append(m)
    full_names: dict[str, str] = {}
    lower_words = set(re.findall(r"\b[a-z]+\b", text))
    for first, last in re.findall(r"(?<![\w-])([A-Z][a-z]+)\s+([A-Z][a-z]{2,})\b", text):
        if first.lower() not in lower_words and last.lower() not in lower_words:
            full_names.setdefault(last, first)
    for m in mentions:
        if m.person and " " in m.person:
            full_names.setdefault(m.person.split()[-1], m.person.split()[0])
    out: list[Fact] = []
    last_time: Timex | None = None
    last_paragraph = -1
    previous: Sentence | None = None
    for s in sentences:
        if s.paragraph != last_paragraph:
            last_time, last_paragraph = None, s.paragraph
        tx = by_sentence.get(s.index, [])
        ms = m_by_sentence.get(s.index, [])
        carried = last_time if lex.carry.search(s.text) else None
        before = previous.text if previous is not None and previous.paragraph == s.paragraph else ""
        previous = s
        found = (_quantities(s, doc, doc_id, tx, ms, lex, before) + _durations(s, doc, doc_id, tx, ms, lex)
                 + _happenings(s, doc, doc_id, tx, ms, carried, full_names, lex))
        used = {f.date for f in found if f.kind in ("happening", "dated_event")}
        for t in tx:
            if t.kind == "absolute" and t.date_start and t.date_start not in used and t.type == "DATE":
                a, b = t.start - s.start, t.end - s.start
                found.append(_fact(s, doc, doc_id, a, b, subject=f"mention:{_words_before(s.text[:a])}",
                                   value=t.date_start, unit="date", date=t.date_start,
                                   rule=f"{RULESET}:dated_mention", kind="dated_mention", date_basis="explicit",
                                   confidence=0.3))
                used.add(t.date_start)
        dated = [t for t in tx if t.date_start and t.kind in _DATE_KINDS]
        if dated:
            last_time = dated[-1]
        out.extend(found)
    return sorted(out, key=lambda f: (f.start, f.quote))


@stage("facts", requires=("sentences", "timexes", "mentions"), assigns=("facts",))
def facts_stage(analysis: Analysis, options: Options) -> Analysis:
    doc = analysis.document
    found = find_facts(doc.doc, doc.doc_id, doc.text, analysis.sentences, analysis.timexes, analysis.mentions)
    return dataclasses.replace(analysis, facts=tuple(found))
