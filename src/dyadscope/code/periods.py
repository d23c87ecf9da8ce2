"""The authors' own periodisations of the relationship (stage ``periods``; DESIGN §1–2).

Analyses and encyclopedia articles often divide a relationship into stages: "falls into three
stages. The first stage, which runs from 1992 to 2000, covers …", "From 1991 to 1993 …", "the Atlanticist
period (August 1991-March 1992)", "The last stage begins with the end of the war". This module finds them
and returns one :class:`~dyadscope.records.Period` per stated stage.

How it works, per document:

1. A sentence that *announces* a scheme ("can be divided into three stages", "X discusses … under three
   phases") opens it; an enumeration after a colon in the same sentence gives its members directly.
2. Later sentences introduce members with an ordinal ("the second stage", "another stage", "the last
   period"), or — right after an announcement — by opening with a span of years ("From 1991 to 1993 …").
   A sentence that refers back ("this period", or an ordinal the scheme already has) adds nothing new.
3. Each member is anchored in time from the time expressions of its own words (the ``time`` stage's
   timexes): a range, a start ("from", "since", "began in"), an end ("until"); "from that time" takes the
   time of the sentence before; a stage "led by" a leader takes the year the document says the leader took
   office (``data/facts/happenings.yaml``). A stage that "begins with" an event does not take the years of
   the rest of its sentence.
4. Between consecutive members, a missing end is the next member's start and a missing start is the
   previous member's end; such years say so (``start_basis``/``end_basis`` = ``"implied"``).

Stages outside an announced scheme are kept only when they are anchored in time. Cue words live in
``data/periods/cues.yaml``. A scheme the author attributes to someone else is ``kind="cited"``; a stage of
one state's policy rather than of the relationship has ``scope="policy"``.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..lexicon import load_entries, load_yaml, version_of, words_pattern
from ..options import Options
from ..pipeline import Analysis, stage
from ..records import Period, Sentence, Timex

__all__ = ["RULESET", "find_periods", "periods_stage"]

DATA = "periods/cues.yaml"
RULESET = f"periods.rules.v{version_of(DATA)}"
_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh"}
_TIME_KINDS = frozenset({"absolute", "relative", "narrative"})
_SCHEME_WINDOW = 40          # sentences after an announcement in which its members are looked for


@dataclass(frozen=True, slots=True)
class _Cues:
    announce: re.Pattern[str]
    mention: re.Pattern[str]
    named: re.Pattern[str]
    back_ref: re.Pattern[str]
    generic: re.Pattern[str]
    range_lead: re.Pattern[str]
    begins_with_event: re.Pattern[str]
    stage_closed: re.Pattern[str]
    named_span: re.Pattern[str]
    heading: re.Pattern[str]
    ellipsis: re.Pattern[str]
    cardinals: dict[str, int]
    begin_or_span: re.Pattern[str]
    anaphora: re.Pattern[str]
    ongoing: re.Pattern[str]
    attribution: re.Pattern[str]
    own_voice: re.Pattern[str]
    leader: re.Pattern[str]
    start_link: re.Pattern[str]
    end_link: re.Pattern[str]
    end_verb: re.Pattern[str]
    range_link: re.Pattern[str]
    gist: re.Pattern[str]
    relationship: re.Pattern[str]
    policy: re.Pattern[str]
    ignore: re.Pattern[str]
    counts: dict[str, int]
    ordinals: dict[str, int]
    accession: tuple[str, ...]


@cache
def _cues() -> _Cues:
    d: dict[str, Any] = load_yaml(DATA)
    nouns = words_pattern(d["nouns"], boundary=False)
    nouns_pl = words_pattern(d["plural_nouns"], boundary=False)
    fills = {
        "noun": nouns, "nouns": nouns_pl,
        "count": words_pattern(map(str, d["counts"]), boundary=False),
        "announce": words_pattern(d["announce"], boundary=False),
        "ordinal": words_pattern(map(str, d["ordinals"]), boundary=False),
        "begin": words_pattern(d["begin"], boundary=False),
    }

    def rx(source: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        for key, value in fills.items():
            source = source.replace("{" + key + "}", value)
        return re.compile(source, flags)

    def ends_with(words: Sequence[str]) -> re.Pattern[str]:
        return re.compile(rf"(?:^|\W)(?:{words_pattern(words, boundary=False)})\s*(?:the\s+|a\s+|an\s+)?(?:year\s+)?$",
                          re.IGNORECASE)

    fill_words = words_pattern(d["fillers"], boundary=False)
    announce = (rf"\b(?:{fills['announce']})\b[^.;:]{{0,90}}?(?:\b(?:{words_pattern(d['announce_links'], boundary=False)})"
                rf"\s+)?(?:the\s+following\s+|its\s+)?(?:\b(?P<count>{fills['count']})\s+)?(?:[\w-]+\s+){{0,2}}?"
                rf"(?P<noun>{nouns_pl})\b")
    mention = (rf"\b(?:(?P<det>{words_pattern(d['back_references'], boundary=False)}|the|a|an|its|their)\s+)?"
               rf"(?P<ord>{fills['ordinal']})\s+(?:(?:{fill_words}|[\w-]+ly)\s+){{0,2}}(?P<noun>{nouns})\b")
    accession = tuple(p for e in load_entries("facts/happenings.yaml") if e["id"].endswith(":took_office")
                      for p in e["patterns"])
    return _Cues(
        announce=re.compile(announce, re.IGNORECASE),
        mention=re.compile(mention, re.IGNORECASE),
        named=re.compile(rf"\bthe\s+(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){{0,2}})\s+(?P<noun>{nouns})\b"),
        back_ref=re.compile(rf"\b(?:{words_pattern(d['back_references'], boundary=False)})\s+"
                            rf"(?:(?:{fill_words})\s+){{0,2}}(?:{nouns})\b", re.IGNORECASE),
        generic=rx(d["generic"]),
        range_lead=rx(d["range_lead"]),
        begins_with_event=rx(d["begins_with_event"]),
        stage_closed=rx(d["stage_closed"]),
        named_span=rx(d["named_span"]),
        heading=re.compile(d["heading"].replace("{noun}", nouns).replace(
            "{cardinal}", words_pattern([*map(str, d["cardinals"]), *map(str, d["ordinals"])], boundary=False)),
            re.IGNORECASE),
        ellipsis=rx(d["ellipsis"]),
        cardinals={str(k).lower(): int(v) for k, v in d["cardinals"].items()},
        begin_or_span=re.compile(words_pattern([*d["begin"], *d["span"]]), re.IGNORECASE),
        anaphora=re.compile(d["anaphora"], re.IGNORECASE),
        ongoing=re.compile(d["ongoing"], re.IGNORECASE),
        attribution=re.compile(d["attribution"]),
        own_voice=re.compile(d["own_voice"], re.IGNORECASE),
        leader=re.compile(d["leader"], re.IGNORECASE),
        start_link=ends_with(d["start_links"]),
        end_link=ends_with(d["end_links"]),
        end_verb=re.compile(words_pattern(d["end_verbs"]), re.IGNORECASE),
        range_link=re.compile(rf"^\s*\(?\s*(?:{words_pattern(d['range_links'], boundary=False)})\s*(?:the\s+)?$", re.IGNORECASE),
        gist=re.compile(words_pattern(d["gist_cues"]), re.IGNORECASE),
        relationship=re.compile(words_pattern(d["relationship_heads"]), re.IGNORECASE),
        policy=re.compile(words_pattern(d["policy_heads"]), re.IGNORECASE),
        ignore=re.compile(words_pattern(d["ignore_heads"]), re.IGNORECASE),
        counts={str(k).lower(): int(v) for k, v in d["counts"].items()},
        ordinals={str(k).lower(): int(v) for k, v in d["ordinals"].items()},
        accession=accession,
    )


@dataclass(slots=True)
class _Member:
    sentence: Sentence
    start: int                       # offsets (document) of the words that describe this member
    end: int
    ordinal: int
    noun: str
    rule: str
    name: str | None = None
    surface: str | None = None       # the words that name it outside a scheme ("a new stage")
    scope: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    start_basis: str = "none"
    end_basis: str = "none"


@dataclass(slots=True)
class _Scheme:
    sentence_index: int
    count: int                       # 0 when the announcement leaves it open ("several stages")
    noun: str
    cited: bool
    scope: str
    members: list[_Member] = field(default_factory=list)
    focus: int = -1                  # the member the text spoke of last (added or restated)

    def has(self, ordinal: int) -> bool:
        return any(m.ordinal == ordinal for m in self.members)


def _year_of(t: Timex, end: bool = False) -> str | None:
    value = t.date_end if end and t.date_end else t.date_start
    return value[:7] if value else None


def _spans_months(t: Timex) -> bool:
    """Is one time expression a span of months or years ("1991-1996", "August 1991-March 1992")? A span of
    days ("9-10 January 2001") dates an event, not a stage."""
    return bool(t.date_start and t.date_end and t.date_start[:7] != t.date_end[:7])


def _scope_of(text_after_noun: str, cues: _Cues) -> str | None:
    """What a stage is a stage *of*, from the words after its noun: relationship, policy, ignore or None."""
    m = re.match(r"\s*(?:of|in|for)\s+(.{0,80})", text_after_noun)
    if not m:
        return None
    comp = m.group(1)
    comp = re.split(r"[,;:(]|\s(?:which|that|when|who|is|was|began|begins|lasted|and\s+\w+ed)\b", comp)[0]
    if cues.relationship.search(comp):
        return "relationship"
    if cues.policy.search(comp):
        return "policy"
    if cues.ignore.search(comp):
        return "ignore"
    return "issue_specific"


def _anchor(member: _Member, text: str, tx: Sequence[Timex], prev_tx: Sequence[Timex], cues: _Cues) -> None:
    """Fill a member's start and end from the time expressions of its words (``text`` = its words)."""
    base = member.start
    usable = [t for t in tx if t.date_start and t.kind in _TIME_KINDS and base <= t.start and t.end <= member.end]
    ev = cues.begins_with_event.search(text)
    if ev:  # "begins with the end of the war": only years after the event phrase can be its date
        usable = [t for t in usable if t.start - base >= ev.end()]
    for a, b in itertools.pairwise(usable):
        between = text[a.end - base:b.start - base]
        if cues.range_link.match(between) and (a.date_start or "")[:7] != (b.date_end or b.date_start or "")[:7]:
            member.date_start, member.date_end = _year_of(a), _year_of(b, end=True)
            member.start_basis = member.end_basis = "stated"
            return
    if len(usable) == 1 and _spans_months(usable[0]) and not cues.end_link.search(text[:usable[0].start - base]):
        t = usable[0]
        member.date_start, member.date_end = _year_of(t), _year_of(t, end=True)
        member.start_basis = member.end_basis = "stated"
        return
    for t in usable:
        before = text[:t.start - base]
        ends = cues.end_link.search(before) or (cues.end_verb.search(before) and not cues.begin_or_span.search(before))
        if ends and not cues.start_link.search(before[-12:]):
            if member.date_end is None:
                member.date_end, member.end_basis = _year_of(t, end=True), "stated"
        elif member.date_start is None:
            member.date_start, member.start_basis = _year_of(t), "stated"
    if member.date_start is None and not ev and cues.anaphora.search(text) and prev_tx:
        member.date_start, member.start_basis = _year_of(prev_tx[-1]), "anaphora"


def _leader_name(text: str, cues: _Cues) -> str | None:
    """The leader a stage is named after ("… led by Haydar Aliyev" → "Haydar Aliyev")."""
    name = None
    for m in cues.leader.finditer(text):
        cap = re.match(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}", text[m.end():])
        if cap:
            name = cap.group(0).strip()
    return name


def _accession_year(name: str, sentences: Sequence[Sentence], by_sentence: dict[int, list[Timex]],
                    cues: _Cues) -> str | None:
    """The year the document says ``name`` took office, or None."""
    parts = name.split()
    surname = re.escape(parts[-1])
    first = parts[0] if len(parts) > 1 else None
    who = rf"(?-i:\b(?:[A-Z][\w'’-]+\s+)?{surname}\b)"
    patterns = [re.compile(p.replace("{who}", who), re.IGNORECASE) for p in cues.accession]
    for s in sentences:
        for p in patterns:
            m = p.search(s.text)
            if not m:
                continue
            named = re.search(rf"([A-Z][\w'’-]+)\s+{surname}\b", m.group(0))
            if named and first and named.group(1) != first \
                    and named.group(1).lower() not in ("president", "minister", "leader", "by"):
                continue  # another person of the same name ("his son Ilham Aliyev")
            after = [t for t in by_sentence.get(s.index, ()) if t.date_start and t.kind in _TIME_KINDS
                     and t.start >= s.start + m.start()]
            if after:
                return _year_of(after[0])
    return None


def _items(text: str, after: int, count: int) -> list[tuple[int, int]]:
    """(start, end) within ``text`` of the members enumerated after a colon that follows an announcement."""
    colon = text.find(":", after)
    if colon < 0 or colon - after > 40:
        return []
    body_start = colon + 1
    body = text[body_start:].rstrip(" .")
    sep = re.compile(r";\s*|,?\s+and\s+then,?\s+|,\s+then,?\s+|,\s+and\s+(?=\S)|(?<=\)),?\s+(?:and\s+)?|,\s+(?=(?:the|a|an)\s+(?:[\w-]+\s+){0,4}"
                     r"(?:stage|period|phase|era|epoch)\b)|,\s+(?=(?:during|under|from|between|when)\b)", re.IGNORECASE)
    spans, pos = [], 0
    for m in sep.finditer(body):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(body)))
    spans = [(body_start + a, body_start + b) for a, b in spans if body[a:b].strip()]
    if len(spans) < 2 or (count and len(spans) > count + 1):
        return []
    return spans


def _gist(text: str, cues: _Cues, limit: int = 9) -> str:
    m = cues.gist.search(text)
    rest = text[m.end():] if m else text
    if not m:  # no cue: what follows the stage's years ("The first stage, from 1991 to 1993, was one of …")
        years = list(re.finditer(r"\b\d{4}\b\)?[,.]?", text[:120]))
        after = text[years[-1].end():].strip() if years else ""
        if len(after.split()) >= 2:
            rest = after
    rest = re.split(r"[;:]|\.\s|\.$|,\s+(?:when|which|and|but|while)\s", rest)[0]
    words = re.sub(r"\s+", " ", rest).strip(" ,.()").split(" ")
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")


def _label(member: _Member, cues: _Cues, text: str, position: int) -> str:
    if member.name:
        head = f"{member.name} {member.noun}"
    elif member.surface:
        head = member.surface[0].upper() + member.surface[1:]
    else:
        word = _ORDINAL_WORDS.get(position, f"#{position}")
        head = f"{word.capitalize()} {member.noun}"
    years = ""
    if member.date_start or member.date_end:
        years = f" ({member.date_start or '?'}–{member.date_end or ''})"
    gist = _gist(text, cues)
    return f"{head}{years}: {gist}" if gist else f"{head}{years}"


def _fill_implied(members: list[_Member]) -> None:
    for a, b in itertools.pairwise(members):
        if a.date_end is None and b.date_start is not None:
            a.date_end, a.end_basis = b.date_start, "implied"
        if b.date_start is None and a.date_end is not None and a.end_basis != "implied":
            b.date_start, b.start_basis = a.date_end, "implied"


def find_periods(doc: str, doc_id: str, text: str, sentences: Sequence[Sentence],
                 timexes: Sequence[Timex]) -> list[Period]:
    """Every stage of a stated periodisation in one document, in text order."""
    cues = _cues()
    by_sentence: dict[int, list[Timex]] = {}
    for t in sorted(timexes, key=lambda t: t.start):
        by_sentence.setdefault(t.sentence, []).append(t)
    schemes: list[_Scheme] = []
    loose: list[_Member] = []
    current: _Scheme | None = None
    for s in sentences:
        if current and s.index - current.sentence_index > _SCHEME_WINDOW:
            current = None  # no new members any more; later sentences may still restate old ones
        stext = s.text
        prev_tx = [t for i in (s.index - 2, s.index - 1) for t in by_sentence.get(i, ())
                   if t.date_start and t.kind in _TIME_KINDS and sentences[i].paragraph == s.paragraph] \
            if s.index >= 1 else []
        ann = cues.announce.search(stext)
        if ann and not cues.generic.search(stext[max(0, ann.start("noun") - 30):ann.end()]):
            head = stext[:ann.start("noun")]
            cited = bool(cues.attribution.search(stext)) and not cues.own_voice.search(stext)
            topic = "policy" if cues.policy.search(head) and not cues.relationship.search(head) else "relationship"
            current = _Scheme(s.index, cues.counts.get((ann.group("count") or "").lower(), 0),
                              ann.group("noun").rstrip("s"), cited, topic)
            schemes.append(current)
            for k, (a, b) in enumerate(_items(stext, ann.end(), current.count), start=1):
                item = stext[a:b]
                named = cues.named.search(item)
                m = _Member(s, s.start + a, s.start + b, k, named.group("noun") if named else current.noun,
                            f"{RULESET}:enumerated", name=named.group("name") if named else None)
                _anchor(m, item, by_sentence.get(s.index, ()), (), cues)
                if m.date_start is None and m.date_end is None:
                    leader = _leader_name(item, cues)
                    year = _accession_year(leader, sentences, by_sentence, cues) if leader else None
                    if year:
                        m.date_start, m.start_basis = year, "leader"
                current.members.append(m)
            continue
        if current and current.members and cues.ongoing.search(stext) and cues.back_ref.search(stext):
            continue  # "this stage is still continuing": the last member stays open
        closing = cues.stage_closed.search(stext)
        known = current or (schemes[-1] if schemes else None)
        if closing and known and known.members:
            last_member = known.members[known.focus]
            ends = [t for t in by_sentence.get(s.index, ()) if t.date_start and t.kind in _TIME_KINDS
                    and t.start >= s.start + closing.end()]
            if last_member.date_end is None and ends:
                last_member.date_end, last_member.end_basis = _year_of(ends[0], end=True), "restated"
            continue  # "The stage ended in June 1993, when …" closes the stage spoken of last
        found = cues.mention.search(stext)
        if found and cues.generic.search(stext[max(0, found.start() - 25):found.end() + 12]):
            found = None
        if found is None:
            span = cues.named_span.search(stext)
            if span and not cues.generic.search(stext[:span.end()]):
                m = _Member(s, s.start, s.end, 0, span.group("noun").lower(), f"{RULESET}:named_span",
                            surface=stext[span.start("noun") - 4 if span.start("noun") >= 4 else 0:span.end()].strip())
                _anchor(m, stext[:span.end()], by_sentence.get(s.index, ()), (), cues)
                if m.date_start or m.date_end:
                    loose.append(m)
                continue
            short = _ellipsis_or_heading(stext, current, cues)
            if short is not None:  # "The first, from 1991 to 1993, …" / "Stage one: estrangement (1991–1993)"
                raw, noun, rule = short
                m = _Member(s, s.start, s.end, raw, noun, f"{RULESET}:{rule}")
                if current is None:
                    m.surface = f"{noun} {raw}"
                _anchor(m, stext, by_sentence.get(s.index, ()), prev_tx, cues)
                _place(current, m, raw, loose, schemes[-1] if schemes else None)
            elif current and not current.members and cues.range_lead.search(stext):
                m = _Member(s, s.start, s.end, 1, current.noun, f"{RULESET}:range_lead")
                _anchor(m, stext, by_sentence.get(s.index, ()), prev_tx, cues)
                current.members.append(m)
            continue
        if found.group("det") and found.group("det").lower() not in ("the", "a", "an", "its", "their"):
            continue  # "this first period …" refers back
        scope = _scope_of(stext[found.end():], cues)
        if scope == "ignore":
            continue
        raw = cues.ordinals.get(found.group("ord").lower(), 0)
        m = _Member(s, s.start, s.end, raw, found.group("noun").lower(), f"{RULESET}:ordinal", scope=scope)
        if current is None:
            m.surface = stext[found.start("ord"):found.end()].lower()
        _anchor(m, stext, by_sentence.get(s.index, ()), prev_tx, cues)
        _place(current, m, raw, loose, schemes[-1] if schemes else None)
    out: list[Period] = []
    for sch in schemes:
        _fill_implied(sch.members)
        for pos, m in enumerate(sch.members, start=1):
            out.append(_period(doc, doc_id, text, m, sch, pos, cues))
    kept: dict[tuple[str, str | None, str | None], _Member] = {}
    for m in loose:  # the same loose stage said twice (a heading, then a sentence): keep the fuller sentence
        key = ((m.surface or m.noun).lower(), m.date_start, m.date_end)
        old = kept.get(key)
        if old is None or (not old.sentence.text.rstrip().endswith((".", "!", "?"))
                           and m.sentence.text.rstrip().endswith((".", "!", "?"))):
            kept[key] = m
    for m in kept.values():
        out.append(_period(doc, doc_id, text, m, None, max(m.ordinal, 1), cues))
    return sorted(out, key=lambda p: (p.offset, p.label))


def _place(current: _Scheme | None, m: _Member, raw: int, loose: list[_Member], earlier: _Scheme | None) -> None:
    """A new member of the current scheme, a restatement of one it has (or of one of the document's
    earlier scheme, far from its announcement), or a stage on its own."""
    if current is not None:
        last = current.members[-1].ordinal if current.members else 0
        k = raw if raw > 0 else (current.count if raw < 0 and current.count else last + 1)
        if current.has(k) or (current.count and k > current.count) or (raw > 0 and k < last):
            _restate(current, k, m)
            return
        m.ordinal = k
        current.members.append(m)
        current.focus = len(current.members) - 1
    elif earlier is not None and raw > 0 and earlier.has(raw):
        _restate(earlier, raw, m)
    elif m.date_start or m.date_end:
        loose.append(m)


def _ellipsis_or_heading(text: str, current: _Scheme | None, cues: _Cues) -> tuple[int, str, str] | None:
    """(ordinal, noun, rule) of a member named without its noun inside a scheme ("The first, from 1991 to
    1993, …") or by a heading ("Stage one: estrangement (1991–1993)", "PHASE TWO: …")."""
    head = cues.heading.match(text)
    if head and len(text.split()) <= 16 and not text.rstrip().endswith("."):
        number = head.group("num").lower()
        raw = cues.ordinals.get(number, cues.cardinals.get(number, 0))
        if raw > 0:
            return raw, head.group("noun").lower(), "heading"
    ell = cues.ellipsis.match(text) if current is not None else None
    if ell and current is not None:
        return cues.ordinals.get(ell.group("ord").lower(), 0), current.noun, "ellipsis"
    return None


def _restate(scheme: _Scheme, ordinal: int, m: _Member) -> None:
    """A sentence that speaks again of a member: it may only fill years the member lacks."""
    for i, old in enumerate(scheme.members):
        if old.ordinal == ordinal:
            scheme.focus = i
            if old.date_start is None and m.date_start:
                old.date_start, old.start_basis = m.date_start, "restated"
            if old.date_end is None and m.date_end:
                old.date_end, old.end_basis = m.date_end, "restated"


def _period(doc: str, doc_id: str, text: str, m: _Member, scheme: _Scheme | None, position: int,
            cues: _Cues) -> Period:
    scope = m.scope or (scheme.scope if scheme else "relationship")
    if scope == "issue_specific" and scheme is not None:
        scope = scheme.scope
    words = text[m.start:m.end]
    if m.rule.endswith(":named_span") and m.surface and words.lower().startswith(m.surface.lower()):
        words = words[len(m.surface):]  # the label takes what the sentence says about the period
    sentence = m.sentence.text
    confidence = 0.8 if scheme is not None else 0.6
    return Period(
        doc=doc, doc_id=doc_id, label=_label(m, cues, words, position), start=m.date_start, end=m.date_end,
        sentence=sentence, offset=m.start, kind="cited" if scheme is not None and scheme.cited else "stated",
        confidence=confidence, rule=m.rule, scope=scope, start_basis=m.start_basis, end_basis=m.end_basis,
        ordinal=position if scheme is not None else None, end_offset=m.end,
        scheme_size=(scheme.count or len(scheme.members)) if scheme is not None else None,
    )


@stage("periods", requires=("sentences", "timexes"), assigns=("periods",))
def periods_stage(analysis: Analysis, options: Options) -> Analysis:
    doc = analysis.document
    found = find_periods(doc.doc, doc.doc_id, doc.text, analysis.sentences, analysis.timexes)
    return dataclasses.replace(analysis, periods=tuple(found))
