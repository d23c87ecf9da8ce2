"""Metadata read from a document's own text: datelines, bylines, labelled header fields, journal issue lines,
author notes, copyright lines, encyclopedia headers, a title from the first lines, and the header and signer
of a diplomatic cable (:mod:`dyadscope.ingest.meta_cable`).

The rules are data (``data/ingest/metadata.yaml``); this module expands their placeholders, applies them to
the lines of their scope and checks what they capture (names must read as names, dates must parse). Three
rules need more than one line and live here: a title block at the very top followed by a header line, a
bare name line followed by an affiliation line (``name_affiliation``), and a bare name line carrying a
footnote marker (``name_marker``: "Nigar Hasanova*").

:func:`text_metadata` returns every candidate value with its evidence (rule id, line, offsets into the text it
read); :mod:`dyadscope.ingest.metadata` chooses among them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..lexicon import load_entries, load_yaml, version_of, words_pattern
from .dates import parse_date, placeholders
from .items import MetaValue
from .lines import Line, head_lines, needle_lines, tail_lines
from .meta_cable import cable_metadata
from .meta_header import header_values
from .names import (
    clean_outlet,
    desk_author,
    has_affiliation,
    has_org_word,
    is_org_name,
    split_names,
    title_case,
)

_PLACEHOLDER_RE = re.compile(r"<<(\w+)>>")
_NUMBERED_HEADING_RE = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[A-Z])[.)]\s")
_LOOSE_NAMES = r"[^\W\d_][^\n()]{1,120}?"
_LOOSE_NAME = r"[^\W\d_][\w'’.\-]*(?:[ \t]+[\w'’.\-]+){1,4}?"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    rule: str
    basis: str
    scope: str
    regex: re.Pattern[str]
    order: str | None
    needles: tuple[str, ...]
    requires_affiliation: bool


@lru_cache(maxsize=1)
def _meta() -> dict[str, Any]:
    return dict(load_yaml("ingest/metadata.yaml"))


def _version() -> int:
    return version_of("ingest/metadata.yaml")


def rule_id(name: str) -> str:
    return f"ingest.meta.v{_version()}:{name}"


@lru_cache(maxsize=1)
def _fragments() -> dict[str, str]:
    meta = _meta()
    frags = dict(placeholders())
    frags["names"] = _LOOSE_NAMES
    frags["name"] = _LOOSE_NAME
    for key in ("date_label", "author_label", "title_label", "outlet_label"):
        frags[key] = words_pattern(str(w) for w in meta[f"{key}s"])
    return frags


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The compiled rules of metadata.yaml, in file order."""
    frags = _fragments()
    out = []
    for entry in load_entries("ingest/metadata.yaml", ("basis", "scope", "pattern")):
        local = entry["id"].split(":", 1)[1]
        pattern = _PLACEHOLDER_RE.sub(lambda m: frags[m.group(1)], str(entry["pattern"]))
        flags = 0 if entry.get("case") == "sensitive" else re.IGNORECASE
        out.append(Rule(local, rule_id(local), str(entry["basis"]), str(entry["scope"]), re.compile(pattern, flags),
                        entry.get("order"), tuple(str(n) for n in entry.get("needles", ())),
                        bool(entry.get("requires_affiliation", False))))
    return tuple(out)


def _values(rule: Rule, line: Line, m: re.Match[str], languages: tuple[str, ...]) -> list[MetaValue]:
    groups = {k: v for k, v in m.groupdict().items() if v}
    out: list[MetaValue] = []

    def add(field: str, value: str, group: str, precision: str | None = None, alternative: str | None = None) -> None:
        out.append(MetaValue(field, value, rule.basis, rule.rule, line.text, line.start + m.start(group),
                             line.start + m.end(group), precision, alternative))

    authors: list[str] = []
    if "author" in groups:
        names = split_names(groups["author"])
        desk = None if names else desk_author(groups["author"])
        if desk:
            names = [desk[0]]
            if desk[1] and "outlet" not in groups:
                add("outlet", desk[1], "author")
        if names is None:
            return []
        authors.extend(names)
    if "outlet" in groups:
        outlet = clean_outlet(groups["outlet"])
        also = split_names(outlet) if rule.basis == "byline" and not has_org_word(outlet) else None
        if also:
            authors.extend(also)
        elif outlet and not has_affiliation(outlet) or has_org_word(outlet):
            add("outlet", outlet, "outlet")
    if authors:
        add("author", "; ".join(authors), "author")
    if "holder" in groups:
        holder = groups["holder"].strip()
        names = split_names(holder)
        if names:
            add("author", "; ".join(names), "holder")
            if "year" in groups and "year_end" not in groups:
                add("published", groups["year"], "year", "year")
        elif is_org_name(clean_outlet(holder)):
            add("outlet", clean_outlet(holder), "holder")
    if "title" in groups:
        title = " ".join(groups["title"].split())
        add("title", title_case(title) if title.isupper() else title, "title")
    if "date" in groups:
        parsed = parse_date(groups["date"], order=rule.order, languages=languages)
        if parsed is None:  # the other fields of the line still count
            return out
        add("published", parsed.value, "date", parsed.precision, parsed.alternative)
    return out


def _scan(rule_list: list[Rule], line: Line, languages: tuple[str, ...]) -> list[MetaValue]:
    out: list[MetaValue] = []
    done: set[str] = set()
    for rule in rule_list:
        if rule.basis in done:
            continue
        m = rule.regex.search(line.text)
        if not m:
            continue
        if rule.requires_affiliation and not has_affiliation(line.text):
            continue
        values = _values(rule, line, m, languages)
        if values:
            out.extend(values)
            done.add(rule.basis)
    return out


def text_metadata(text: str, languages: tuple[str, ...] = ("en",)) -> tuple[MetaValue, ...]:
    """Every metadata value the rules find in ``text``, strongest rule first within each scope."""
    meta = _meta()
    head = head_lines(text, int(meta["head_lines"]))
    tail = tail_lines(text, int(meta["tail_lines"]))
    head_starts = {x.start for x in head}
    all_rules = rules()
    out: list[MetaValue] = []
    head_rules = [r for r in all_rules if r.scope in ("head", "edges")]
    both_rules = [r for r in all_rules if r.scope in ("head", "tail", "edges")]
    tail_starts = {x.start for x in tail}
    for line in head:  # a short document's lines are both head and tail
        out.extend(_scan(both_rules if line.start in tail_starts else head_rules, line, languages))
    header_rules = [r for r in all_rules if r.scope in ("head", "edges", "any")]
    out.extend(header_values(head, lambda line: _scan(header_rules, line, languages)))
    tail_rules = [r for r in all_rules if r.scope in ("tail", "edges")]
    for line in tail:
        if line.start not in head_starts:
            out.extend(_scan(tail_rules, line, languages))
    for rule in (r for r in all_rules if r.scope == "any"):
        for line in needle_lines(text, rule.needles, int(meta["max_any_lines"])):
            out.extend(_scan([rule], line, languages))
    out.extend(cable_metadata(text))
    return tuple(out)
