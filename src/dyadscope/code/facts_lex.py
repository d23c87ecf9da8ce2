"""The language data of the fact finder (``data/facts/``), compiled once, and the helpers its finders share:
the actors of a clause, the subject word nearest a figure, the time expression that dates some words, and
how loose a date is (:mod:`dyadscope.code.facts`, :mod:`dyadscope.code.facts_quantities`)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..lexicon import load_entries, load_yaml, version_of, words_pattern
from ..records import Fact, Mention, Sentence, Timex

__all__ = ["DATE_KINDS", "NAME", "RULESET", "Lex", "actors_in", "anchor_of", "basis_of", "date_near", "key_actors",
           "lexicon", "make_fact", "person_key", "range_start", "subject_of"]

RULESET = f"facts.rules.v{version_of('facts/quantities.yaml')}"
DATE_KINDS = frozenset({"absolute", "relative", "narrative"})
STATE_KINDS = frozenset({"state", "capital", "people", "org", "body", "company", "place", "person", "role"})
NAME = r"(?-i:(?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)"
CLAUSE_BREAK = re.compile(r"[;,:]|\s(?:and|but|while|whereas)\s")
BETWEEN_PAIR = re.compile(r"\b(?:between|both)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+and\s+", re.IGNORECASE)
WHEN_CLAUSE = re.compile(r"\s*,\s*(?:when|as|where)\b[^,;:]*$")  # "on Tuesday, when the presidents signed"
CONTENT_CLAUSE = re.compile(r"\bthat\b", re.IGNORECASE)  # "informed them on January 9 that it would buy 8 bcm in 2009"


@dataclass(frozen=True, slots=True)
class Lex:
    quantity: re.Pattern[str]
    votes: re.Pattern[str]
    rate: re.Pattern[str]
    rate_before: re.Pattern[str]
    change_from: re.Pattern[str]
    change_to: re.Pattern[str]
    date_after: re.Pattern[str]
    unit_scales: dict[str, float]
    rate_anchors: dict[str, str]
    addressee: re.Pattern[str]
    proposal: re.Pattern[str]
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
    document_before: re.Pattern[str]
    document_back: re.Pattern[str]
    shared_predicate: re.Pattern[str]
    also_signed: re.Pattern[str]
    document_stop: frozenset[str]
    document_qualifiers: frozenset[str]
    document_generic: frozenset[str]
    document_kinds: dict[str, str]
    document_dated_by: re.Pattern[str]
    side_clause: re.Pattern[str]
    hyphen_units: dict[str, str]
    part_of: re.Pattern[str]
    equal_share: re.Pattern[str]
    share_parties: re.Pattern[str]
    age: re.Pattern[str]
    age_apposition: re.Pattern[str]


def _low(d: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in d.items()}


@cache
def lexicon() -> Lex:
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
        rf"(?:\s*(?P<pct>%)|\s+(?:of\s+)?(?:(?!\d)[\w-]+\s+){{0,3}}?(?P<unit>{wp(units, boundary=False)})\b"
        rf"|-(?P<hyphen>{wp(q['hyphen_units'], boundary=False)})\b(?!-)"
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
            pats = tuple(re.compile(p.replace("{who}", rf"(?P<who>{NAME})"), re.IGNORECASE) for p in e["patterns"])
            persons.append((hid, str(e.get("key", hid)), str(e.get("role", "point")), float(e.get("tolerance", 1)),
                            pats))
        else:
            neg = re.compile(wp(e["not"], boundary=False), re.IGNORECASE) if e.get("not") else None
            happenings.append((hid, float(e.get("tolerance", 0)), re.compile(e["trigger"], re.IGNORECASE), neg,
                               bool(e.get("once")), str(e.get("object", "clause"))))
    return Lex(
        quantity=re.compile(quantity, re.IGNORECASE), votes=re.compile(q["votes"], re.IGNORECASE),
        rate=re.compile(q["rate"], re.IGNORECASE), rate_before=re.compile(q["rate_before"], re.IGNORECASE), change_from=re.compile(q["change_from"], re.IGNORECASE), date_after=re.compile(q["date_after"], re.IGNORECASE),
        unit_scales={str(k).lower(): float(v) for k, v in q.get("unit_scales", {}).items()},
        change_to=re.compile(q["change_to"], re.IGNORECASE),
        implicit_persons=re.compile(q["implicit_persons"], re.IGNORECASE),
        anchors=anchors,
        number_of=re.compile(q["number_of"].replace("{units}", wp(units, boundary=False)), re.IGNORECASE),
        qualifiers=qualifiers, scales={k.lower(): float(v) for k, v in q["scales"].items()},
        number_words={k.lower(): float(v) for k, v in q["number_words"].items()},
        fractions={k.lower(): float(v) for k, v in q["fractions"].items()}, currency=currency, units=units,
        subjects=tuple(subjects), persons=tuple(persons), happenings=tuple(happenings),
        carry=re.compile(h["carry"], re.IGNORECASE), titles=re.compile(wp(h["titles"]) + r"\s*", re.IGNORECASE),
        document=re.compile(h["document"], re.IGNORECASE),
        document_before=re.compile(h["document_before"], re.IGNORECASE),
        document_back=re.compile(h["document_back"], re.IGNORECASE),
        shared_predicate=re.compile(h["shared_predicate"], re.IGNORECASE),
        also_signed=re.compile(h["also_signed"], re.IGNORECASE),
        document_stop=frozenset(map(str, h["document_stop"])),
        document_qualifiers=frozenset(str(w).lower() for w in h["document_qualifiers"]), document_generic=frozenset(map(str, h["document_generic"])),
        document_kinds={str(w).split()[0].lower(): str(k) for k, ws in h["document_kinds"].items() for w in ws},
        document_dated_by=re.compile(rf"^\s*(?:{wp(h['document_dated_by'], boundary=False)}|\()\s*$", re.IGNORECASE),
        side_clause=re.compile(load_yaml("facts/subjects.yaml")["side_clause"], re.IGNORECASE),
        addressee=re.compile(load_yaml("facts/subjects.yaml")["addressee"], re.IGNORECASE),
        proposal=re.compile(load_yaml("facts/subjects.yaml")["proposal"], re.IGNORECASE),
        rate_anchors={str(k): str(v) for k, v in load_yaml("facts/subjects.yaml").get("rate_anchors", {}).items()},
        hyphen_units=_low(q["hyphen_units"]), part_of=re.compile(q["part_of"], re.IGNORECASE),
        equal_share=re.compile(q["equal_share"], re.IGNORECASE),
        share_parties=re.compile(q["share_parties"], re.IGNORECASE),
        age=re.compile(q["age"], re.IGNORECASE), age_apposition=re.compile(q["age_apposition"]),
    )


# --- actors, subjects, dates -----------------------------------------------------------------------------

def actors_in(mentions: Sequence[Mention], start: int, end: int) -> list[str]:
    """The actor codes named between ``start`` and ``end`` (document offsets), in text order, once each."""
    out: list[str] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.actor and start <= m.start and m.end <= end and m.kind in STATE_KINDS and m.actor not in out \
                and not m.rule.endswith(":attribute"):  # "the Madrid principles" name no actor
            out.append(m.actor)
    return out


def key_actors(mentions: Sequence[Mention], s: Sentence, pos: int, lex: Lex) -> list[str]:
    """The actors a fact at ``pos`` (document offset) is about: those of the sentence outside its side
    clauses and asides ("…, two days before Russia invaded Ukraine", "(as Georgia did)") that do not hold
    ``pos``; all of the sentence's when that leaves none. The addressee of a report before the figure ("told
    the Ambassador that …") is never one."""
    side = [(s.start + m.start(), s.start + m.end()) for m in lex.side_clause.finditer(s.text)
            if not s.start + m.start() <= pos < s.start + m.end()]
    heard = [(s.start + m.start("who"), s.start + m.end("who")) for m in lex.addressee.finditer(s.text)
             if s.start + m.end() <= pos]  # "told the Ambassador that …": the addressee is no party
    told = [m for m in mentions if not any(a <= m.start < b for a, b in heard)]
    main = [m for m in told if not any(a <= m.start < b for a, b in side)]
    return actors_in(main, s.start, s.end) or actors_in(told, s.start, s.end)


def subject_of(stext: str, pos: int, unit: str, lex: Lex, *, own: tuple[int, int] = (0, 0),
               after: bool = False) -> tuple[str, bool, str, bool] | None:
    """(id, directed, issue, anchored) of the subject word nearest ``pos`` in the sentence: a word inside the
    figure's own words (``own``: "67 passengers") first, then words before it, then words after it (with
    ``after``, as for "38 were killed", words after it first)."""
    best: tuple[int, str, bool, str, bool] | None = None
    for sid, rx, directed, units, issue, anchored, reach in lex.subjects:
        if units and unit not in units:
            continue
        for m in rx.finditer(stext):
            if own[0] <= m.start() < own[1]:
                dist = -1
            elif abs(m.start() - pos) > reach:
                continue
            else:
                dist = abs(m.start() - pos) + (0 if (m.start() <= pos) != after else 15)
            if best is None or dist < best[0]:
                best = (dist, sid, directed, issue, anchored)
    return (best[1], best[2], best[3], best[4]) if best else None


def anchor_of(stext: str, pos: int, lex: Lex, before: str = "") -> str | None:
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


def date_near(tx: Sequence[Timex], pos: int, s: Sentence, *, following: bool = False,
               strict: bool = False) -> Timex | None:
    """The time expression that dates the words at ``pos``: one in the same clause before them (or opening
    the sentence), else the nearest one after them; with ``following``, one after them comes first. With
    ``strict``, only time expressions in the same clause (no comma, colon or conjunction between) count."""
    dated = [t for t in tx if t.date_start and t.kind in DATE_KINDS and t.precision != "century"]

    def same_clause(a: int, b: int) -> bool:  # "between Azerbaijan and Russia" joins no clauses
        between = BETWEEN_PAIR.sub(" ", s.text[a - s.start:b - s.start])
        return not CLAUSE_BREAK.search(between) or bool(WHEN_CLAUSE.match(between))

    before = [t for t in dated if t.end <= pos and (t.start - s.start < 12 or same_clause(t.end, pos))]
    after = [t for t in dated if t.start >= pos and (not strict or same_clause(pos, t.start))]
    if strict:
        before = [t for t in before if same_clause(t.end, pos) or t.start - s.start < 12]
    if before and after and same_clause(pos, after[0].start) and CONTENT_CLAUSE.search(s.text[before[-1].end - s.start:pos - s.start]):
        before = []  # the date of the report before "that" is not the date of what it reports
    first, second = (after, before[::-1]) if following else (before[::-1], after)
    if first:
        return first[0]
    return second[0] if second else None


def range_start(tx: Sequence[Timex], s: Sentence) -> Timex | None:
    """The first time expression of a span the sentence states ("from 2000 till 2008", "(2000-2008)")."""
    dated = [t for t in tx if t.date_start and t.kind in DATE_KINDS]
    for a, b in itertools.pairwise(dated):
        if re.fullmatch(r"\s*(?:-|–|—|to|till|until|through)\s*", s.text[a.end - s.start:b.start - s.start]):
            return a
    return next((t for t in dated if t.date_end and t.date_end[:4] != (t.date_start or "")[:4]), None)


def basis_of(t: Timex) -> tuple[str, float]:
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


def make_fact(s: Sentence, doc: str, doc_id: str, a: int, b: int, **kw: Any) -> Fact:
    return Fact(doc=doc, doc_id=doc_id, sentence=s.text, start=s.start, end=s.end, quote=s.text[a:b], **kw)
