"""The authors' own periodisations of the relationship (stage ``periods``; DESIGN §1–2).

Analyses and encyclopedia articles often divide a relationship into stages: "falls into three
stages. The first stage, which runs from 1992 to 2000, covers …", "From 1991 to 1993 …", "the Atlanticist
period (August 1991-March 1992)", "The last stage begins with the end of the war". This module finds them
and returns one :class:`~dyadscope.records.Period` per stated stage.

How it works, per document:

1. A sentence that *announces* a scheme ("can be divided into three stages", "X discusses … under three
   phases") opens it; an enumeration after a colon in the same sentence gives its members directly.
2. Later sentences introduce members with an ordinal ("the second stage", "another stage", "the last
   period"), with their noun and a number ("Phase one (1991–1996) was tense"), with the ordinal alone ("The first, from 1994 to 1999, …", "Trade set the tone of the second,
   1996–2003", "In the fourth, from 2013, …"), or — right after an announcement — by opening with a span
   of years ("From 1991 to 1993 …"). A member keeps the ordinal the text gives it, even when the text skips
   one. A sentence that refers back ("this period", or an ordinal the scheme already has) adds nothing new,
   but may fill a year the member lacks; a stage named as the object of a verb that ends it ("The 2019
   dispute ended the fourth stage") takes the clause's time as its end.
3. Each member is anchored in time from the time expressions of its own words (the ``time`` stage's
   timexes): a range, a start ("from", "since", "began in"), an end ("until"); "from that time" takes the
   time of the sentence before; a stage "led by" a leader takes the year the document says the leader took
   office (``data/facts/happenings.yaml``). A stage that "begins with" an event does not take the years of
   the rest of its sentence.
4. Between consecutive members, a missing end is the next member's start and a missing start is the
   previous member's end; such years say so (``start_basis``/``end_basis`` = ``"implied"``).

A scheme may also be told in prose in one sentence, unannounced: "… an idealist phase that lasted until
1998 and a pragmatic one after it" (rule ``prose``), or after the colon of its announcement ("… into two
phases: a phase of engagement until 2015 and a phase of estrangement after it"). Stages outside an announced
scheme are kept only when they are anchored in time, such as a span of years called a period of something
("The years 1996–2004 were a period of calm", "The Karimov era (1996–2004)"; rule ``loose_span``). Section
headings that name a span of years ("Relations under the second president (1999–2005)", "1994–1999: the
pipeline years", "Relations since 2016") — also when a page whose line breaks were joined glued them to the
first sentence of their section — are not the author's stated scheme but stages the document's structure
implies: ``kind="implicit"`` (rule ``heading_years``), dropped when they repeat the years of a stated stage. Cue words live in ``data/periods/cues.yaml``. A
scheme the author attributes to someone else is ``kind="cited"``; a stage of one state's policy rather than
of the relationship has ``scope="policy"``.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence

from ..lexicon import version_of
from ..options import Options
from ..pipeline import Analysis, stage
from ..records import Period, Sentence, Timex
from .periods_cues import DATA, Cues
from .periods_cues import cues as load_cues
from .periods_members import (
    TIME_KINDS,
    Member,
    Scheme,
    anchor,
    anchor_closed,
    fill_implied,
    restate,
    scope_of,
    year_of,
)

__all__ = ["RULESET", "find_periods", "periods_stage"]

RULESET = f"periods.rules.v{version_of(DATA)}"
_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh"}
_SCHEME_WINDOW = 40          # sentences after an announcement in which its members are looked for


def _leader_name(text: str, cues: Cues) -> str | None:
    """The leader a stage is named after ("… led by Haydar Aliyev" → "Haydar Aliyev")."""
    name = None
    for m in cues.leader.finditer(text):
        cap = re.match(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}", text[m.end():])
        if cap:
            name = cap.group(0).strip()
    return name


def _accession_year(name: str, sentences: Sequence[Sentence], by_sentence: dict[int, list[Timex]],
                    cues: Cues) -> str | None:
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
            after = [t for t in by_sentence.get(s.index, ()) if t.date_start and t.kind in TIME_KINDS
                     and t.start >= s.start + m.start()]
            if after:
                return year_of(after[0])
    return None


def _items(text: str, after: int, count: int) -> list[tuple[int, int]]:
    """(start, end) within ``text`` of the members enumerated after a colon that follows an announcement."""
    colon = text.find(":", after)
    if colon < 0 or colon - after > 40:
        return []
    body_start = colon + 1
    body = text[body_start:].rstrip(" .")
    sep = re.compile(r";\s*|,?\s+and\s+then,?\s+|,\s+then,?\s+|,\s+and\s+(?=\S)|(?<=\)),?\s+(?:and\s+)?|,?\s+and\s+(?=\(?\d{4}\b)|,\s+(?=(?:the|a|an)\s+(?:[\w-]+\s+){0,4}"
                     r"(?:stage|period|phase|era|epoch)\b)|,\s+(?=(?:during|under|from|between|when)\b)", re.IGNORECASE)
    spans, pos = [], 0
    for m in sep.finditer(body):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(body)))
    split: list[tuple[int, int]] = []
    for a, b in spans:  # "hostility in 1991–1993, balance from 1993 to 2003": commas part items that each give years
        cuts = [a] + [a + c.end() for c in re.finditer(r",\s+", body[a:b])] + [b]
        pieces = [(x, x + len(body[x:y].rstrip(", "))) for x, y in itertools.pairwise(cuts)]
        if len(pieces) > 1 and all(re.search(r"\b\d{4}\b", body[x:y]) for x, y in pieces):
            split.extend(pieces)
        else:
            split.append((a, b))
    spans = [(body_start + a, body_start + b) for a, b in split if body[a:b].strip()]
    if len(spans) < 2 or (count and len(spans) > count + 1):
        return []
    return spans


def _gist(text: str, cues: Cues, limit: int = 9) -> str:
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


def _label(member: Member, cues: Cues, text: str, position: int) -> str:
    if member.name:
        head = f"{member.name[0].upper()}{member.name[1:]} {member.noun}"
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


def find_periods(doc: str, doc_id: str, text: str, sentences: Sequence[Sentence],
                 timexes: Sequence[Timex]) -> list[Period]:
    """Every stage of a stated periodisation in one document, in text order."""
    cues = load_cues()
    by_sentence: dict[int, list[Timex]] = {}
    for t in sorted(timexes, key=lambda t: t.start):
        by_sentence.setdefault(t.sentence, []).append(t)
    schemes: list[Scheme] = []
    told: list[Scheme] = []         # schemes told in prose within one sentence
    loose: list[Member] = []
    implicit: list[Member] = []     # stages implied by section headings
    current: Scheme | None = None
    for s in sentences:
        if current and s.index - current.sentence_index > _SCHEME_WINDOW:
            current = None  # no new members any more; later sentences may still restate old ones
        stext = s.text
        prev_tx = [t for i in (s.index - 2, s.index - 1) for t in by_sentence.get(i, ())
                   if t.date_start and t.kind in TIME_KINDS and sentences[i].paragraph == s.paragraph] \
            if s.index >= 1 else []
        ann = cues.announce.search(stext)
        if ann and not cues.generic.search(stext[max(0, ann.start("noun") - 30):ann.end()]):
            head = stext[:ann.start("noun")]
            cited = bool(cues.attribution.search(stext)) and not cues.own_voice.search(stext)
            topic = "policy" if cues.policy.search(head) and not cues.relationship.search(head) else "relationship"
            current = Scheme(s.index, cues.counts.get((ann.group("count") or "").lower(), 0),
                              ann.group("noun").rstrip("s"), cited, topic)
            schemes.append(current)
            for k, (a, b) in enumerate(_items(stext, ann.end(), current.count), start=1):
                item = stext[a:b]
                named = cues.named.search(item)
                m = Member(s, s.start + a, s.start + b, k, named.group("noun") if named else current.noun,
                            f"{RULESET}:enumerated", name=named.group("name") if named else None)
                anchor(m, item, by_sentence.get(s.index, ()), (), cues)
                if m.date_start is None and m.date_end is None:
                    leader = _leader_name(item, cues)
                    year = _accession_year(leader, sentences, by_sentence, cues) if leader else None
                    if year:
                        m.date_start, m.start_basis = year, "leader"
                current.members.append(m)
            if not current.members:  # "X divides the decade after 2010 into two phases: a phase of … and a phase …"
                _told_after_announcement(current, s, ann.end(), by_sentence.get(s.index, ()), cues)
            continue
        if current and current.members and cues.ongoing.search(stext) and cues.back_ref.search(stext):
            continue  # "this stage is still continuing": the last member stays open
        closing = cues.stage_closed.search(stext)
        known = current or (schemes[-1] if schemes else None)
        if closing and known and known.members:
            last_member = known.members[known.focus]
            ends = [t for t in by_sentence.get(s.index, ()) if t.date_start and t.kind in TIME_KINDS
                    and t.start >= s.start + closing.end()]
            basis = "restated"
            if not ends:  # "The stage closed with a dispute." and the dispute told in the sentences after it
                ends = [t for n in sentences[s.index + 1:s.index + 4] if n.paragraph == s.paragraph
                        for t in by_sentence.get(n.index, ()) if t.date_start and t.kind in TIME_KINDS][-1:]
                basis = "narrative"
            if last_member.date_end is None and ends:
                last_member.date_end, last_member.end_basis = year_of(ends[0], end=True), basis
            continue  # "The stage ended in June 1993, when …" closes the stage spoken of last
        found = cues.mention.search(stext)
        if found and cues.generic.search(stext[max(0, found.start() - 25):found.end() + 12]):
            found = None
        if found is None:
            span = cues.named_span.search(stext)
            if span and not cues.generic.search(stext[:span.end()]):
                m = Member(s, s.start, s.end, 0, span.group("noun").lower(), f"{RULESET}:named_span",
                            surface=stext[span.start("noun") - 4 if span.start("noun") >= 4 else 0:span.end()].strip())
                anchor(m, stext[:span.end()], by_sentence.get(s.index, ()), (), cues)
                if m.date_start or m.date_end:
                    loose.append(m)
                continue
            short = _ellipsis_or_heading(stext, current, cues)
            if short is not None:  # "The first, from 1994 to 1999, …" / "Period four: détente (2009–2014)"
                raw, noun, rule, a, b = short
                m = Member(s, s.start + a, s.start + b, raw, noun, f"{RULESET}:{rule}")
                if current is None:
                    m.surface = f"{noun} {raw}"
                anchor(m, stext[a:b], by_sentence.get(s.index, ()), prev_tx, cues)
                if (a, b) != (0, len(stext)):  # "Cautious trade marked the second, 1996–2003"
                    m.gist = _outside(stext, a, b)
                    m.start, m.end = s.start, s.end
                _place(current, m, raw, loose, schemes[-1] if schemes else None)
            elif current and not current.members and cues.range_lead.search(stext):
                m = Member(s, s.start, s.end, 1, current.noun, f"{RULESET}:range_lead")
                anchor(m, stext, by_sentence.get(s.index, ()), prev_tx, cues)
                current.members.append(m)
            elif (heading := _year_heading(s, sentences, by_sentence.get(s.index, ()), cues)) is not None:
                implicit.append(heading)
            elif (prose := _prose_scheme(s, by_sentence.get(s.index, ()), cues)) is not None:
                told.append(prose)
            elif (stage_ := _loose_stage(s, by_sentence.get(s.index, ()), cues)) is not None:
                loose.append(stage_)
            continue
        if found.group("det") and found.group("det").lower() not in ("the", "a", "an", "its", "their"):
            continue  # "this first period …" refers back
        scope = scope_of(stext[found.end():], cues)
        if scope == "ignore":
            continue
        raw = cues.ordinals.get(found.group("ord").lower(), 0)
        m = Member(s, s.start, s.end, raw, found.group("noun").lower(), f"{RULESET}:ordinal", scope=scope)
        if current is None:
            m.surface = stext[found.start("ord"):found.end()].lower()
        if cues.closes_object.search(stext[:found.start()]):  # "The 2019 dispute ended the fourth stage"
            anchor_closed(m, found.start(), by_sentence.get(s.index, ()), cues)
        else:
            anchor(m, stext, by_sentence.get(s.index, ()), prev_tx, cues)
        _place(current, m, raw, loose, schemes[-1] if schemes else None)
    out: list[Period] = []
    for sch in [*schemes, *told]:
        sch.members.sort(key=lambda m: m.ordinal)
        fill_implied(sch.members)
        for m in sch.members:
            out.append(_period(doc, doc_id, text, m, sch, m.ordinal, cues))
    kept: dict[tuple[str, str | None, str | None], Member] = {}
    for m in loose:  # the same loose stage said twice (a heading, then a sentence): keep the fuller sentence
        key = ((m.surface or m.noun).lower(), m.date_start, m.date_end)
        old = kept.get(key)
        if old is None or (not old.sentence.text.rstrip().endswith((".", "!", "?"))
                           and m.sentence.text.rstrip().endswith((".", "!", "?"))):
            kept[key] = m
    in_schemes = {(p.start, p.end) for p in out}
    for m in kept.values():  # a stage on its own that repeats the years of a scheme's member adds nothing
        if not (m.rule.endswith(":loose_span") and (m.date_start, m.date_end) in in_schemes):
            out.append(_period(doc, doc_id, text, m, None, max(m.ordinal, 1), cues))
    spans = {(p.start, p.end) for p in out}
    for m in implicit:  # a heading that repeats the years of a stage the text states adds nothing
        if (m.date_start, m.date_end) not in spans:
            out.append(_period(doc, doc_id, text, m, None, 1, cues, kind="implicit"))
    return sorted(out, key=lambda p: (p.offset, p.label))


def _year_heading(s: Sentence, sentences: Sequence[Sentence], tx: Sequence[Timex], cues: Cues) -> Member | None:
    """A section heading that names a span of years ("Relations under the new president (2004–2013)", "1994–1999:
    the pipeline years", "Since 2020"): a stage the document's structure implies. A heading is a paragraph of
    one short line without a full stop; the document's first paragraph (its title) is not one."""
    text = s.text.strip()
    first = s.index == 0 or sentences[s.index - 1].paragraph != s.paragraph
    alone = first and (s.index + 1 >= len(sentences) or sentences[s.index + 1].paragraph != s.paragraph)
    glued = cues.glued_heading.match(s.text) if s.paragraph > 0 else None
    if glued and not first and not (glued.group("bracket") or glued.group("marked")):
        glued = None
    if glued and not (alone and not text.endswith((".", "!", "?", ";", ","))):
        text = glued.group("head").strip()  # a heading glued to the first sentence of its section
    elif s.paragraph == 0 or not alone or text.endswith((".", "!", "?", ";", ",")):
        return None
    text = cues.heading_trail.sub("", text)  # "Relations under the new president (2004–2013) [edit]"
    lead = cues.heading_lead.match(text)  # "== Relations since 2016 =="
    at = s.start + (lead.end() if lead else 0)
    text = text[lead.end():] if lead else text
    if not text or len(text.split()) > cues.heading_words or cues.heading_not.search(text):
        return None
    m = Member(s, at, at + len(text), 0, "period", f"{RULESET}:heading_years", surface=text)
    anchor(m, text, [t for t in tx if at <= t.start < at + len(text)], (), cues)
    post = cues.heading_post.search(text)
    if m.date_start is None and m.date_end is None and post:  # "Post-2011 relations"
        m.date_start, m.start_basis = post.group("year"), "stated"
        return m
    span = m.date_start and m.date_end and m.date_start[:4] != m.date_end[:4]
    opened = m.date_start and m.date_end is None and (cues.heading_open.search(text) or post)
    return m if span or opened else None


def _loose_stage(s: Sentence, tx: Sequence[Timex], cues: Cues) -> Member | None:
    """A stage outside any scheme that one sentence names by its years and calls a period of something ("The
    years 1993–2003 were a period of balance", "The Moreno era (1993–2003) brought calm"): kept when its years
    make a span, or give the start of a period that began."""
    for rx in cues.loose_stages:
        m = rx.search(s.text)
        if m is None or cues.generic.search(s.text[max(0, m.start("noun") - 25):m.end("noun") + 12]) \
                or scope_of(s.text[m.end("noun"):], cues) == "ignore":
            continue
        a, b = m.span("span")
        member = Member(s, s.start, s.end, 0, m.group("noun").lower(), f"{RULESET}:loose_span")
        anchor(member, s.text[a:b], [t for t in tx if s.start + a <= t.start < s.start + b], (), cues)
        span = member.date_start and member.date_end and member.date_start[:4] != member.date_end[:4]
        if span or (member.date_start and member.date_end is None and cues.begin_or_span.search(s.text[a:b])):
            return member
    return None


def _prose_scheme(s: Sentence, tx: Sequence[Timex], cues: Cues, *, anchored: bool = True) -> Scheme | None:
    """Stages told in prose in one sentence, without an announcement: "… went through an idealist phase that
    lasted until 1998 and a pragmatic one after it". Two or more stages named with an indefinite article,
    joined by "and", "then", "followed by" …; the first is anchored in time."""
    text = s.text
    found = [m for m in cues.prose_member.finditer(text)
             if not cues.generic.search(text[max(0, m.start() - 25):m.end() + 12])]
    verb = cues.announce_verb.search(text)
    if len(found) < 2 and verb:  # "Historians distinguish between the romantic period of 1991–1993 and the …"
        found = [m for m in cues.prose_member_definite.finditer(text, verb.end())
                 if not cues.generic.search(text[max(0, m.start() - 25):m.end() + 12])]
    if len(found) < 2 or found[0].group("noun").lower() == "one":
        return None
    noun = found[0].group("noun").lower()
    members: list[Member] = []
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        if k and not cues.prose_link.search(text[found[k - 1].end():m.start()]):
            break
        if scope_of(text[m.end():end], cues) == "ignore":
            return None
        name = re.sub(r"[\"“”‘’'(),]", "", m.group("name")).strip() or None
        member = Member(s, s.start + m.start(), s.start + end, k + 1, noun, f"{RULESET}:prose", name=name)
        anchor(member, text[m.start():end], tx, (), cues)
        member.gist = re.sub(r"[\s,;]*(?:\b(?:and|then|followed\s+by|while|whereas)\b)?[\s,;.]*$", "", text[m.end():end])
        members.append(member)
    if len(members) < 2 or (anchored and not (members[0].date_start or members[0].date_end)):
        return None
    head = text[:found[0].start()]
    cited = bool(cues.attribution.search(text)) and not cues.own_voice.search(text)
    scope = "policy" if cues.policy.search(head) and not cues.relationship.search(head) else "relationship"
    return Scheme(s.index, len(members), noun, cited, scope, members=members)


def _told_after_announcement(scheme: Scheme, s: Sentence, after: int, tx: Sequence[Timex], cues: Cues) -> None:
    """Members told in prose after the announcement in its own sentence ("Lee divides the decade after 2010
    into two phases: a phase of engagement until 2014 and a phase of distance after it"); a first member
    with no start of its own begins when the announcement says the whole span does ("after 2010")."""
    rest = dataclasses.replace(s, text=s.text[after:], start=s.start + after)
    told = _prose_scheme(rest, [t for t in tx if t.start >= rest.start], cues, anchored=False)
    if told is None:
        return
    for m in told.members:
        m.sentence = s
    first = told.members[0]
    if first.date_start is None:
        head = [t for t in tx if t.date_start and t.kind in TIME_KINDS and t.end <= rest.start]
        if head and cues.start_link.search(s.text[:head[-1].start - s.start]):
            first.date_start, first.start_basis = year_of(head[-1]), "implied"
    if not any(m.date_start or m.date_end for m in told.members):
        return
    scheme.members.extend(told.members)
    scheme.focus = len(scheme.members) - 1


def _place(current: Scheme | None, m: Member, raw: int, loose: list[Member], earlier: Scheme | None) -> None:
    """A new member of the current scheme, a restatement of one it has (or of one of the document's
    earlier scheme, far from its announcement), or a stage on its own."""
    if current is not None:
        last = current.members[-1].ordinal if current.members else 0
        k = raw if raw > 0 else (current.count if raw < 0 and current.count else last + 1)
        if current.has(k) or (current.count and k > current.count) or (raw > 0 and k < last):
            restate(current, k, m)
            return
        m.ordinal = k
        current.members.append(m)
        current.focus = len(current.members) - 1
    elif earlier is not None and raw > 0 and earlier.has(raw):
        restate(earlier, raw, m)
    elif m.date_start or m.date_end:
        loose.append(m)


def _ellipsis_or_heading(text: str, current: Scheme | None, cues: Cues) -> tuple[int, str, str, int, int] | None:
    """(ordinal, noun, rule, start, end of its words in ``text``) of a member named without its noun inside a
    scheme ("The first, from 1994 to 1999, …", "… marked the second, 1996–2003", "In the fourth, from
    2013, …") or by a numbered heading ("Period four: détente (2009–2014)", "STAGE 2 – …")."""
    head = cues.heading.match(text)
    if head and len(text.split()) <= 16 and not text.rstrip().endswith("."):
        number = head.group("num").lower()
        raw = cues.ordinals.get(number, cues.cardinals.get(number, 0))
        if raw > 0:
            return raw, head.group("noun").lower(), "heading", 0, len(text)
    numbered = cues.numbered.search(text)  # "Phase one (1991–1994) was shaped by …", "In phase four, 2008–2013, …"
    if numbered and scope_of(text[numbered.end():], cues) != "ignore" \
            and not cues.generic.search(text[max(0, numbered.start() - 25):numbered.end() + 12]):
        raw = cues.cardinals.get(numbered.group("num").lower(), 0)
        if raw > 0:
            return raw, numbered.group("noun").lower(), "numbered", 0, len(text)
    if current is None:
        return None
    ell = cues.ellipsis.match(text)
    if ell:
        return cues.ordinals.get(ell.group("ord").lower(), 0), current.noun, "ellipsis", 0, len(text)
    for ap in cues.apposition.finditer(text):
        # "Of the two treaties, the first, in 1997, …": a counted noun right before the ordinal owns it
        counted = [c for c in cues.counted_noun.finditer(text[:ap.start()])
                   if not text[c.end():ap.start()].strip(" ,")]
        if counted and counted[-1].group("plural").lower() not in cues.nouns:
            continue  # "Of the two treaties, the first, in 1997, …"
        year = re.search(r"\d{4}", text[ap.end():])
        if year is None:
            continue
        after = ap.end() + year.end()
        cut = re.search(r"[,;)]|\s(?:and|but|when|which|while)\s", text[after:])
        return (cues.ordinals.get(ap.group("ord").lower(), 0), current.noun, "apposition", ap.start(),
                after + cut.start() if cut else len(text))
    return None


def _outside(text: str, a: int, b: int) -> str:
    """What a sentence says around the words ``text[a:b]`` that name a stage: "In the fourth, from 2013,
    both capitals courted Baku" → "both capitals courted Baku"."""
    before = re.sub(r"(?:^|\s)(?:in|during|under|throughout|over|for|at|by|[\w-]+ed)\s*$", "", text[:a].rstrip(" ,"),
                    flags=re.IGNORECASE)
    return " ".join(part for part in (before.strip(" ,"), text[b:].strip(" ,.")) if part)


def _period(doc: str, doc_id: str, text: str, m: Member, scheme: Scheme | None, position: int,
            cues: Cues, kind: str | None = None) -> Period:
    scope = m.scope or (scheme.scope if scheme else "relationship")
    if scope == "issue_specific" and scheme is not None:
        scope = scheme.scope
    words = text[m.start:m.end]
    if m.rule.endswith(":named_span") and m.surface and words.lower().startswith(m.surface.lower()):
        words = words[len(m.surface):]  # the label takes what the sentence says about the period
    sentence = m.sentence.text
    confidence = 0.8 if scheme is not None else (0.4 if kind == "implicit" else 0.6)
    label = m.surface if kind == "implicit" and m.surface else _label(m, cues, m.gist or words, position)
    return Period(
        doc=doc, doc_id=doc_id, label=label, start=m.date_start, end=m.date_end, sentence=sentence,
        offset=m.start, kind=kind or ("cited" if scheme is not None and scheme.cited else "stated"),
        confidence=confidence, rule=m.rule, scope=scope, start_basis=m.start_basis, end_basis=m.end_basis,
        ordinal=position if scheme is not None else None, end_offset=m.end,
        scheme_size=(scheme.count or len(scheme.members)) if scheme is not None else None,
    )


@stage("periods", requires=("sentences", "timexes"), assigns=("periods",))
def periods_stage(analysis: Analysis, options: Options) -> Analysis:
    doc = analysis.document
    found = find_periods(doc.doc, doc.doc_id, doc.text, analysis.sentences, analysis.timexes)
    return dataclasses.replace(analysis, periods=tuple(found))
