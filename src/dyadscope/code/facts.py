"""Checkable facts: quantities and dated happenings, with a subject key that compares across documents
(stage ``facts``; DESIGN §1–2).

Three finders run over each sentence; their language data is in ``data/facts/``:

- **quantities** (``quantities.yaml``, :mod:`dyadscope.code.facts_quantities`): a number with its qualifier
  ("about", "over"), scale ("billion"), currency or unit ("USD 4.4 billion", "about 100 million dollars",
  "23.9%", "one-fifth of", "84 T-72 tanks", "two battalions", "a 43-point plan", "a 2,000-strong
  contingent"), a part of a whole ("38 of the 67 on board": the part takes the whole's unit), an equal
  division ("divides the flow equally between the two" → 50%), a person's age ("aged 54"). The value
  becomes an interval (``low``/``high``) that says what the text allows: the rounding of the figure as
  written, widened or opened by its qualifier. Votes ("a vote of 30 to 13") too. An offset ("two years
  before the war") is no figure.
- **happenings** (``happenings.yaml``): a leader taking or leaving office ("Putin came to power in 1999",
  "… replaced by Vladimir Putin in 2001", "Putin's two terms (2000–2008)"), and dated events such as a
  founding, an accession, a ratification, a ceasefire, a coup. Their value is the date. Happenings that
  occur once for their key (a founding, a leader taking office, the signing of a document named by its
  subject) are ``kind="happening"`` and are compared across documents; recurring ones (a visit, a signing
  of an unnamed agreement) are ``kind="dated_event"`` and are only listed. A named document is keyed by its
  kind and the content words of its name, written after its type ("the Treaty on the State Border", "the
  Treaty on Friendship, Cooperation and Security", "a treaty delimiting their border") or before it ("the
  2010 border treaty", "their border treaty"): ``signed_document:treaty_state_border``; a date within or
  right after its name ("the declaration of 24 February 2022", "… (February 2022)") dates its signing.
  "The declaration" / "this treaty" is the document last named with that word within five sentences; a
  second document joined by "and" to a dated signing is signed too; "visited Moscow in July 1997 and signed
  the treaty" dates the signing by the visit.
- **dated mentions**: any other date in a sentence — explicit, or resolved by the time stage to a day or a
  month ("on November 4", "on Tuesday", "three months ago") — as a low-confidence fact (``kind =
  "dated_mention"``) that the report lists but contradictions leave aside.

Every date is the time stage's value of the time expression (its ``date_start``): a relative expression
counts as exactly as the time stage resolved it. The subject key is ``"<actors>:<subject>"`` — the actor
codes of the figure's own clause (side clauses and asides such as "…, two days before Russia invaded
Ukraine" left out; the whole sentence's when the clause names none), sorted, or in the order the text names
them for directed subjects such as investment, and the id of the nearest subject word (``subjects.yaml``);
for a person, ``"<first_last>:took_office"``. A figure that belongs to one particular thing — the toll of a
crash, the rent of a lease — is keyed by that thing instead (``"casualties@crash"``, ``subjects.yaml``
anchors), so sources that name different actors around it still compare; when its sentence gives no time,
it takes the last time of its paragraph, loosely. A rate ("seven million dollars a year", "an annual rent of
$7 million") is not dated by the sentence's year: that year is rarely the rate's; a rent that names no lease
still belongs to one. A figure someone asks for or offers is keyed as a proposal (``rent_proposed@lease``).
The addressee of a report ("told the Ambassador that …") is no party to a figure, and a figure reported after
"that" takes the date of its own clause when it has one. A sentence that speaks of "that time" takes the year
of the sentence before, loosely.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..options import Options
from ..pipeline import Analysis, stage
from ..records import Fact, Mention, Sentence, Timex
from .facts_lex import (
    DATE_KINDS,
    RULESET,
    Lex,
    actors_in,
    basis_of,
    date_near,
    key_actors,
    lexicon,
    make_fact,
    person_key,
    range_start,
)
from .facts_quantities import durations, quantities

__all__ = ["RULESET", "facts_stage", "find_facts", "person_key"]


def _happenings(s: Sentence, doc: str, doc_id: str, tx: Sequence[Timex], ms: Sequence[Mention],
                carried: Timex | None, full_names: dict[str, str], lex: Lex,
                recent: dict[str, tuple[str, int]] | None = None) -> list[Fact]:
    """The happenings of one sentence. ``recent`` (type word → key and sentence index of the document last
    named with it) lets "the declaration was signed on …" name the declaration of the sentences before."""
    out = []
    stext = s.text
    taken: list[tuple[int, int]] = []
    documents = _documents(s, tx, ms, lex)
    if recent is not None:
        documents = _back_references(s, documents, recent, lex)
    signed: set[str] = set()
    for hid, key, role, tol, patterns in lex.persons:
        for rx in patterns:
            for m in rx.finditer(stext):
                who = lex.titles.sub("", m.group("who")).strip()
                if not who or any(a <= m.start() < b for a, b in taken):
                    continue
                person = next((x.person for x in ms if x.person and x.start <= s.start + m.start("who") < x.end), None)
                if role == "span":
                    when = range_start(tx, s)
                    if when is None:
                        continue
                else:
                    when = date_near(tx, s.start + m.end(), s, following=True, strict=True)
                basis, tolerance = basis_of(when) if when else ("carried", tol)
                if when is None:
                    when = carried
                if when is None:
                    continue
                taken.append((m.start(), m.end()))
                out.append(make_fact(s, doc, doc_id, m.start(), m.end(),
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
            named = _signed_document(documents, m.start(), m.end()) if obj_rule == "document" else None
            # the date of a signing follows the document's name when the name follows the verb ("signed the
            # Treaty on Friendship and Security in 1995": the "and" of a name joins no clauses)
            after = s.start + (named[1] if named is not None and named[0] >= m.end() else m.end())
            when = date_near(tx, after, s, following=True, strict=True)
            if when is None and lex.shared_predicate.search(stext[max(0, m.start() - 30):m.start()]):
                # "visited Moscow in July 1997 and signed the treaty": the date of the first of two joined
                # predicates of one subject dates the second
                when = next((t for t in reversed(tx) if t.date_start and t.kind in DATE_KINDS
                             and t.end <= s.start + m.start()), None)
            basis, tolerance = basis_of(when) if when else ("carried", 1.0)
            if when is None:
                when = carried
            if when is None or any(a <= m.start() < b for a, b in taken):
                continue
            passive = re.match(r"(?:was|were|been|is)\b", m.group(0), re.IGNORECASE)
            if obj_rule == "document":  # a signing is once-only when the document is named by its subject
                if named is None:
                    continue
                actors, obj = [], [named[2]]
                signed.add(named[2])
            elif obj_rule == "org":  # joining is once-only for an organisation ("joined the CIS")
                orgs = [x.actor for x in ms if x.kind == "org" and x.actor and 0 <= x.start - s.start - m.end() < 40]
                if not orgs:
                    continue
                actors = obj = sorted({*actors_in(ms, s.start, s.start + m.start())[-1:], orgs[0]})
            elif obj_rule == "after" and passive:
                actors = actors_in(ms, s.start + max(0, m.start() - 60), s.start + m.start())[-1:]
            elif obj_rule == "after":
                actors = actors_in(ms, s.start + m.end(), s.start + m.end() + 60)[:1]
            else:
                actors = sorted(key_actors(ms, s, s.start + m.start(), lex))[:3]
            if obj_rule not in ("document", "org"):
                obj = actors or (_head_words(stext[:m.start()][::-1], reverse=True) if passive
                                 else _head_words(stext[m.end():]))
            out.append(make_fact(s, doc, doc_id, m.start(), m.end(), subject=f"{hid}:{'-'.join(obj) or 'any'}",
                             value=when.date_start or "", unit="date", date=when.date_start,
                             rule=f"{RULESET}:{hid}", kind="happening" if once else "dated_event", date_basis=basis,
                             tolerance=max(tolerance, tol), actors=tuple(actors), confidence=0.5))
            recurring_found = recurring_found or not once
            taken.append((m.start(), m.end()))
            break
    out += _also_signed(s, doc, doc_id, tx, documents, signed, out, lex)
    return out + _dated_documents(s, doc, doc_id, tx, documents, signed, lex)


def _also_signed(s: Sentence, doc: str, doc_id: str, tx: Sequence[Timex], documents: Sequence[tuple[int, int, str]],
                 signed: set[str], found: Sequence[Fact], lex: Lex) -> list[Fact]:
    """Documents joined by "and" to one whose signing the sentence dates ("signed the Agreement on X in June
    2004 and the Treaty on Y in November 2005"): each signed too, dated by the time after its own name."""
    out: list[Fact] = []
    keys = {f.subject.partition(":")[2]: f for f in found if f.rule.endswith(":signed_document")}
    last = next((d for d in documents if d[2] in keys), None)
    for d in documents:
        if last is None or d[0] <= last[1] or d[2] in signed:
            continue
        if not lex.also_signed.match(s.text[last[1]:d[0]]):
            break
        when = date_near(tx, s.start + d[1], s, following=True, strict=True)
        if when is None or when.start < s.start + d[1]:
            break
        basis, tolerance = basis_of(when)
        out.append(make_fact(s, doc, doc_id, d[0], d[1], subject=f"signed_document:{d[2]}",
                             value=when.date_start or "", unit="date", date=when.date_start,
                             rule=f"{RULESET}:signed_document", kind="happening", date_basis=basis,
                             tolerance=tolerance, confidence=0.5))
        signed.add(d[2])
        last = d
    return out


def _type_word(name: str, lex: Lex) -> str:
    """The word of a document's name that says its type ("Treaty on …" → "treaty", "border treaty" →
    "treaty")."""
    words = re.findall(r"[A-Za-z]\w*", name.lower())
    return next((w for w in (words[:1] + words[-1:]) if w in lex.document_kinds), words[0] if words else "")


def _back_references(s: Sentence, documents: list[tuple[int, int, str]], recent: dict[str, tuple[str, int]],
                     lex: Lex) -> list[tuple[int, int, str]]:
    """The documents of a sentence, with "the declaration" / "this treaty" taken as the one last named with
    that type word within the five sentences before (or earlier in this one); then ``recent`` learns the
    documents this sentence names."""
    out = list(documents)
    for m in lex.document_back.finditer(s.text):
        if any(a <= m.start("kind") < b for a, b, _ in documents):
            continue
        seen = recent.get(m.group("kind").lower())
        if seen is not None and 0 <= s.index - seen[1] <= 5:
            out.append((m.start("kind"), m.end("kind"), seen[0]))
    for a, b, key in documents:
        recent[_type_word(s.text[a:b], lex)] = (key, s.index)
    return sorted(out)


def _document_key(kind: str, words: Sequence[str], lex: Lex) -> str | None:
    """``"treaty_state_border"``: the document's type, then up to four content words of its name; None when
    the name has no content word ("the new treaty")."""
    content = [w for w in words if w not in _STOP and w not in lex.document_generic and not w.isdigit()][:4]
    return "_".join([lex.document_kinds.get(kind, kind), *content]) if content else None


def _documents(s: Sentence, tx: Sequence[Timex], ms: Sequence[Mention], lex: Lex) -> list[tuple[int, int, str]]:
    """(start, end, key) in the sentence of each document named by its subject: "the Treaty on the State
    Border between …" (words after the type, up to a stop word) or "the 2010 border treaty" (words before
    the type; adjectives of states left out). A time is no name: "the treaty of July 1997" is the treaty
    named before it, dated by it."""
    text = s.text
    adjectives = [(m.start - s.start, m.end - s.start) for m in ms if m.kind == "adjective"]
    times = [(t.start - s.start, t.end - s.start) for t in tx]
    out = []
    for m in lex.document.finditer(text):
        tokens = list(re.finditer(r"[A-Za-z]\w*", m.group("name")))
        end, words = tokens[1].end(), list[str]()
        for k, t in enumerate(tokens[2:], start=2):
            at = m.start("name") + t.start()
            if t.group(0) == "and" and k + 1 < len(tokens) and tokens[k + 1].group(0)[0].isupper():
                continue  # "the Treaty on Friendship and Alliance": a name in capitals goes on after "and"
            if t.group(0).lower() in lex.document_stop or any(a <= at < b for a, b in times):
                break
            nxt = m.start("name") + tokens[k + 1].start() if k + 1 < len(tokens) else -1
            if t.group(0).lower() == "of" and any(a <= nxt < b for a, b in times):
                break  # "the Treaty on … Alliance of 11 November 2013": the date is no name
            end, words = t.end(), [*words, t.group(0).lower()]
        key = _document_key(tokens[0].group(0).lower(), words, lex)
        if key:
            out.append((m.start("name"), m.start("name") + end, key))
    for m in lex.document_before.finditer(text):
        if any(a < m.end("name") and m.start("name") < b for a, b, _ in out):
            continue
        *mods, kind = re.finditer(r"[A-Za-z]\w*", m.group("name"))
        words = [w.group(0).lower() for w in mods
                 if not any(a <= m.start("name") + w.start() < b for a, b in adjectives)]
        key = _document_key(kind.group(0).lower(), words, lex)
        if key:
            out.append((m.start("name"), m.end("name"), key))
    return out


def _signed_document(documents: Sequence[tuple[int, int, str]], start: int, end: int) -> tuple[int, int, str] | None:
    """The document a signing at ``start:end`` is of: the first named within 50 characters after it, else
    the last named within 90 characters before it."""
    after = [d for d in documents if 0 <= d[0] - end <= 50]
    before = [d for d in documents if 0 <= start - d[1] <= 90]
    return after[0] if after else (before[-1] if before else None)


def _dated_documents(s: Sentence, doc: str, doc_id: str, tx: Sequence[Timex], documents: Sequence[tuple[int, int, str]],
                     signed: set[str], lex: Lex) -> list[Fact]:
    """A document dated where it is named ("the 2010 border treaty", "the declaration of 24 February
    2022"): the day it was signed, as a once-only happening like a signing the sentence tells."""
    out = []
    for a, b, key in documents:
        if key in signed:
            continue
        inside = [t for t in tx if t.date_start and t.kind in DATE_KINDS  # or just before: "the 3 May 2001 accord on …"
                  and (a <= t.start - s.start < b or 0 <= a - (t.end - s.start) <= 2)]
        after = [t for t in tx if t.date_start and t.kind in DATE_KINDS and t.start - s.start >= b
                 and lex.document_dated_by.match(s.text[b:t.start - s.start])]
        if not inside and not after:
            continue
        when = (inside or after)[0]
        out.append(make_fact(s, doc, doc_id, a, max(b, when.end - s.start), subject=f"signed_document:{key}",
                             value=when.date_start or "", unit="date", date=when.date_start,
                             rule=f"{RULESET}:dated_document", kind="happening", date_basis=basis_of(when)[0],
                             tolerance=basis_of(when)[1], confidence=0.5))
        signed.add(key)
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
    lex = lexicon()
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
    recent: dict[str, tuple[str, int]] = {}  # the document last named with a type word ("declaration")
    for s in sentences:
        if s.paragraph != last_paragraph:
            last_time, last_paragraph = None, s.paragraph
        tx = by_sentence.get(s.index, [])
        ms = m_by_sentence.get(s.index, [])
        carried = last_time if lex.carry.search(s.text) else None
        before = previous.text if previous is not None and previous.paragraph == s.paragraph else ""
        previous = s
        found = (quantities(s, doc, doc_id, tx, ms, lex, before, last_time) + durations(s, doc, doc_id, tx, ms, lex)
                 + _happenings(s, doc, doc_id, tx, ms, carried, full_names, lex, recent))
        used = {f.date for f in found if f.kind in ("happening", "dated_event")}
        for t in tx:  # "in 1992", and — resolved by the time stage — "on November 4", "on Tuesday", "months ago"
            if t.kind in DATE_KINDS and t.date_start and t.date_start not in used and t.type == "DATE" \
                    and (t.kind == "absolute" or t.precision in ("day", "month")):
                a, b = t.start - s.start, t.end - s.start
                found.append(make_fact(s, doc, doc_id, a, b, subject=f"mention:{_words_before(s.text[:a])}",
                                       value=t.date_start, unit="date", date=t.date_start,
                                       rule=f"{RULESET}:dated_mention", kind="dated_mention",
                                       date_basis=basis_of(t)[0], confidence=0.3))
                used.add(t.date_start)
        dated = [t for t in tx if t.date_start and t.kind in DATE_KINDS]
        if dated:
            last_time = dated[-1]
        out.extend(found)
    return sorted(out, key=lambda f: (f.start, f.quote))


@stage("facts", requires=("sentences", "timexes", "mentions"), assigns=("facts",))
def facts_stage(analysis: Analysis, options: Options) -> Analysis:
    doc = analysis.document
    found = find_facts(doc.doc, doc.doc_id, doc.text, analysis.sentences, analysis.timexes, analysis.mentions)
    return dataclasses.replace(analysis, facts=tuple(found))
