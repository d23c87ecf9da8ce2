"""Metadata of a diplomatic cable: its date, sender, subject and signer (``data/ingest/cable.yaml``).

The cleaner's cable reader (:func:`dyadscope.text.clean.cable.read_cable`) says whether a text is a cable and
which of its lines are the header and the trailer; this module reads values from those lines:

- ``published`` from the date-time group ("P 141322Z MAR 08" → 2008-03-14, day precision) or a "Date:" /
  "Created:" line, basis ``cable_dtg``; from the "DECL:" line less ten years only when the reference id's
  year or the body agrees (basis ``cable_decl``); the reference id's year alone (basis ``cable_ref``);
- ``outlet`` from "FM AMEMBASSY BAKU" ("US Embassy Baku", basis ``cable_origin``), an "Origin:" line, or the
  post in the reference id or the banner (basis ``cable_post``);
- ``title`` from the SUBJECT line and the lines it wraps over (basis ``cable_subject``);
- ``author`` from the signer's surname on the last line (basis ``cable_signature``), in full when the
  "Classified By:" line names the same person, else the person "Classified By:" names
  (basis ``cable_classified_by``).

Two-digit years are read as the latest year not after next year: "08" → 2008, "94" → 1994.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..lexicon import load_yaml, version_of
from ..text.clean.base import Line
from ..text.clean.cable import CableLayout, read_cable
from .dates import month_numbers, parse_date, word_key
from .items import MetaValue
from .names import display_name, is_person_name, title_case

_LABEL_RE = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(?P<value>.*)$")
_SUBJECT_RE = re.compile(r"^SUBJ(?:ECT)?\s*:\s*(?:\((?:U|C|S|SBU|LOU)\)\s*)?", re.IGNORECASE)
_CLASSIFIED_RE = re.compile(r"^(?:classified|declassified)\s+by\s*:\s*", re.IGNORECASE)
_FROM_RE = re.compile(r"^(?:FM|FROM)\s*:?\s+(?:RUE\w+/)?(?P<sender>[A-Z]+)(?:\s+(?P<place>[A-Z][A-Z ]{1,40}?))?"
                      r"(?:\s+\d+)?\s*$", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class _Cable:
    text: str
    lines: list[Line]
    layout: CableLayout


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return dict(load_yaml("ingest/cable.yaml"))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    d = _data()
    return {key: re.compile(str(d[f"{key}_pattern"])) for key in ("decl", "dtg", "reference", "banner_post",
                                                                  "classified_end", "subject_stop")}


def _rule(name: str) -> str:
    return f"ingest.cable.v{version_of('ingest/cable.yaml')}:{name}"


def full_year(two_digits: int, today: dt.date | None = None) -> int:
    """The year a two-digit cable year stands for: the latest one not after next year ("08" → 2008)."""
    today = today or dt.date.today()
    year = 2000 + two_digits
    return year if year <= today.year + 1 else 1900 + two_digits


def _year(s: str) -> int:
    return int(s) if len(s) == 4 else full_year(int(s))


def _value(field: str, value: str, basis: str, rule: str, line: Line, precision: str | None = None,
           start: int | None = None, end: int | None = None) -> MetaValue:
    return MetaValue(field, value, basis, _rule(rule), line.content, line.cstart if start is None else start,
                     line.cend if end is None else end, precision)


def _header_lines(c: _Cable) -> Iterator[tuple[Line, str]]:
    for i in sorted(c.layout.header):
        yield c.lines[i], c.layout.header[i].id


def _dtg(c: _Cable) -> list[MetaValue]:
    out = []
    months = [str(m) for m in _data()["months"]]
    for line, pid in _header_lines(c):
        if pid == "date_time_group":
            m = _patterns()["dtg"].match(" ".join(line.content.split()).upper())
            if m and m.group("month") in months:
                year, month, day = _year(m.group("year")), months.index(m.group("month")) + 1, int(m.group("day"))
                try:
                    value = dt.date(year, month, day).isoformat()
                except ValueError:
                    continue
                out.append(_value("published", value, "cable_dtg", "date_time_group", line, "day"))
        elif pid == "labelled_field":
            label = _LABEL_RE.match(line.content)
            if label and label.group("label").strip().lower() in ("date", "created", "sent"):
                parsed = parse_date(label.group("value"))
                if parsed is not None and parsed.precision == "day":
                    out.append(_value("published", parsed.value, "cable_dtg", "date_line", line, "day"))
    return out


def _place(word: str) -> str:
    places = {str(k): str(v) for k, v in _data()["places"].items()}
    key = word.replace(" ", "").upper()
    return places.get(key) or " ".join(w.capitalize() for w in word.split())


def _outlet(sender: str, place: str) -> str | None:
    template = {str(k): str(v) for k, v in _data()["senders"].items()}.get(sender.upper())
    if template is None:
        return None
    return template.replace("{place}", _place(place) if place else "").strip()


def _post_outlet(post: str) -> str | None:
    senders = {str(k): str(v) for k, v in _data()["post_senders"].items()}
    if post.upper() in senders:
        return _outlet(senders[post.upper()], "")
    return _outlet("AMEMBASSY", post)


def _reference(c: _Cable) -> tuple[Line, re.Match[str]] | None:
    for line, pid in _header_lines(c):
        if pid in ("labelled_field", "wikileaks_table_row", "wikileaks_viewing", "routing_start"):
            m = _patterns()["reference"].search(line.content)
            if m and (pid != "labelled_field" or line.content.lower().startswith("reference")):
                return line, m
    return None


def _outlets(c: _Cable, ref: tuple[Line, re.Match[str]] | None) -> list[MetaValue]:
    out = []
    origin_words = {str(w) for w in _data()["origin_words"]}
    for line, pid in _header_lines(c):
        m = _FROM_RE.match(" ".join(line.content.split()))
        if pid in ("from_line", "labelled_field") and m:
            outlet = _outlet(m.group("sender"), m.group("place") or "")
            if outlet:
                out.append(_value("outlet", outlet, "cable_origin", "from_line", line))
        label = _LABEL_RE.match(line.content)
        if pid == "labelled_field" and label and label.group("label").strip().lower() == "origin":
            origin = " ".join(label.group("value").split())
            if origin.split()[:1] and origin.split()[0].lower() in origin_words:
                origin = f"{_data()['origin_prefix']} {origin}"
            if origin:
                out.append(_value("outlet", origin, "cable_origin", "origin_line", line))
    if ref is not None:
        outlet = _post_outlet(ref[1].group("post"))
        if outlet:
            out.append(_value("outlet", outlet, "cable_post", "reference_post", ref[0]))
    for line, pid in _header_lines(c):
        banner = _patterns()["banner_post"].search(line.content) if pid == "banner" else None
        if banner:
            words = [w for w in banner.group("post").split() if len(w) > 1 and w not in ("SECTION", "OF")]
            outlet = _post_outlet(" ".join(words)) if words else None
            if outlet:
                out.append(_value("outlet", outlet, "cable_post", "banner_post", line))
    return out


def _subject(c: _Cable) -> list[MetaValue]:
    header = c.layout.header
    for i in sorted(header):
        line = c.lines[i]
        m = _SUBJECT_RE.match(line.content)
        if not m:
            continue
        parts, last = [line.content[m.end():]], line
        j = i + 1
        stop = _patterns()["subject_stop"]
        while j in header and header[j] is header[i] and not stop.match(c.lines[j].content):
            parts.append(c.lines[j].content)
            last = c.lines[j]
            j += 1
        title = " ".join(" ".join(parts).split()).strip(" .")
        if not title:
            return []
        title = title_case(title) if title.isupper() else title
        return [MetaValue("title", title, "cable_subject", _rule("subject"), " / ".join(
            c.lines[k].content for k in range(i, j)), line.cstart + m.end(), last.cend)]
    return []


def _classified_name(content: str) -> tuple[str, int, int] | None:
    """The person a "Classified By:" line names (position words taken off), and the name's span in the line."""
    m = _CLASSIFIED_RE.match(content)
    if not m:
        return None
    rest = content[m.end():]
    end = _patterns()["classified_end"].search(rest)
    words = rest[:end.start() if end else len(rest)].replace(",", " ").split()
    positions = {word_key(str(w)) for w in _data()["position_words"]}
    k = 0
    while k < len(words) and (word_key(words[k]) in positions or word_key(words[k].strip(".()")) in positions):
        k += 1
    name = " ".join(words[k:])
    if not is_person_name(name):
        return None
    at = rest.find(name)
    if at < 0:
        return display_name(name), 0, len(content)
    return display_name(name), m.end() + at, m.end() + at + len(name)


def _authors(c: _Cable) -> list[MetaValue]:
    classified: tuple[Line, str, int, int] | None = None
    for line, pid in _header_lines(c):
        if pid in ("classified_by", "labelled_field"):
            found = _classified_name(line.content)
            if found:
                classified = (line, *found)
                break
    signer = next((c.lines[i] for i in sorted(c.layout.trailer)
                   if c.layout.trailer[i].kind == "cable_signature"), None)
    out = []
    if signer is not None:
        surname = display_name(signer.content) if signer.content.isupper() else signer.content
        if classified and classified[1].split()[-1].lower() == signer.content.split()[-1].lower():
            surname = classified[1]
        out.append(_value("author", surname, "cable_signature", "signer", signer))
    if classified is not None:
        line, name, start, end = classified
        out.append(_value("author", name, "cable_classified_by", "classified_by", line,
                          start=line.cstart + start, end=line.cstart + end))
    return out


def _body_agrees(c: _Cable, year: int, month: int) -> bool:
    """Does the body (the lines after the header) name ``year``, or the month of the date in words?"""
    first = max(c.layout.header, default=-1) + 1
    body = c.text[c.lines[first].start:] if first < len(c.lines) else ""
    if str(year) in _YEAR_RE.findall(body):
        return True
    names = month_numbers()
    return any(names.get(word_key(w)) == month and len(w) > 3 for w in re.findall(r"[A-Za-z]+", body))


def _decl(c: _Cable, ref: tuple[Line, re.Match[str]] | None) -> list[MetaValue]:
    years = int(_data()["decl_years"])
    for line, pid in _header_lines(c):
        m = _patterns()["decl"].search(line.content) if pid in ("executive_order", "labelled_field") else None
        parsed = parse_date(m.group("date"), order="MDY") if m else None
        if m is None or parsed is None or parsed.precision != "day":
            continue
        year, month, day = int(parsed.value[:4]) - years, int(parsed.value[5:7]), int(parsed.value[8:10])
        ref_year = _year(ref[1].group("year")) if ref is not None else None
        if ref_year != year and not (ref_year is None and _body_agrees(c, year, month)):
            return []
        try:
            value = dt.date(year, month, day).isoformat()
        except ValueError:           # 29 February ten years on
            value = dt.date(year, month, 28).isoformat()
        return [_value("published", value, "cable_decl", "declassification_less_ten_years", line, "day",
                       start=line.cstart + m.start("date"), end=line.cstart + m.end("date"))]
    return []


def cable_metadata(text: str) -> tuple[MetaValue, ...]:
    """Every metadata value a cable's header and trailer give; empty when ``text`` is no cable."""
    found = read_cable(text)
    if found is None:
        return ()
    c = _Cable(text, *found)
    ref = _reference(c)
    out = [*_dtg(c), *_decl(c, ref), *_subject(c), *_outlets(c, ref), *_authors(c)]
    if ref is not None:
        out.append(_value("published", str(_year(ref[1].group("year"))), "cable_ref", "reference_year", ref[0],
                          "year", ref[0].cstart + ref[1].start("year"), ref[0].cstart + ref[1].end("year")))
    return tuple(out)
