"""Rules of the temporal tagger: templates from ``data/time/rules.yaml`` compiled to regular expressions.

A rule's ``pattern`` is a regular expression with macros in braces, built from the word tables:
``{month}`` becomes ``(?P<month>January|Jan\\.?|...)`` for the rule's languages, ``{month#2}`` the same in
group ``month2``. Named groups carry the meaning; the rule's ``handler`` (see :mod:`.resolve`) turns them
into a value. All rules of a language are joined into one alternation (rule order = priority), so a text is
scanned once; a cheap word pre-filter skips text with nothing time-like in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...errors import DataFileError
from ...lexicon import load_entries, load_yaml, words_pattern
from .words import CONTEXT, NEGATIVE, RULES, TimeWords, time_words

RULESET = "time.rules"
_MACRO_RE = re.compile(r"\{([a-z_]+)(?:#(\d))?\}")
_GROUP_RE = re.compile(r"\(\?P<([a-z_0-9]+)>")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str                      # short id, e.g. "day_month_year"
    rule: str                    # versioned id, e.g. "time.rules.v1:day_month_year"
    handler: str
    langs: tuple[str, ...]
    regex: re.Pattern[str]       # the rule alone (used to retry at a position)
    groups: tuple[str, ...]      # named groups of the rule (without the rule prefix)
    needs: str | None            # "opener": a temporal word must come before it (bare month, season)
    requires_before: re.Pattern[str] | None
    kind: str                    # shape for the negative filters: year | numeric | day | other
    params: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Grammar:
    lang: str
    rules: tuple[Rule, ...]
    union: re.Pattern[str]
    trigger_words: frozenset[str]
    group_names: tuple[tuple[tuple[str, str], ...], ...]   # per rule: (prefixed name, short name)


def _case_forms(words: Iterable[str]) -> list[str]:
    """A word as written, capitalised and in capitals ("May", "MAY"; "мая", "Мая", "МАЯ") - never lower-cased."""
    out: set[str] = set()
    for w in words:
        out.update({w, w[:1].upper() + w[1:], w.upper()})
    return sorted(out, key=len, reverse=True)


def _alt(words: Iterable[str], *, dotted: bool = False, flexible_space: bool = True) -> str:
    """Alternation of words, longest first; spaces match any whitespace, abbreviations take a dot."""
    alts = []
    for w in sorted({w for w in words if w}, key=len, reverse=True):
        body = re.escape(w)
        if flexible_space:
            body = body.replace(r"\ ", r"\s+").replace("-", r"[\s-]*")
        if dotted and len(w) <= 4 and w[-1:].isalpha():
            body += r"\.?"
        alts.append(body)
    return "|".join(alts) if alts else r"(?!x)x"


def _langs_of(table: dict[str, Any], langs: tuple[str, ...]) -> list[str]:
    keys = list(table) if "*" in langs else [lg for lg in langs if lg in table]
    return [w for lg in keys for w in table[lg]]


def _macros(words: TimeWords, langs: tuple[str, ...]) -> dict[str, Callable[[], str]]:
    def cased(key: str, exclude: frozenset[str] = frozenset()) -> str:
        forms: list[str] = []
        for form in _langs_of(words.written[key], langs):
            forms.extend(f for f in _case_forms([form]) if f not in exclude)
        return r"(?-i:" + _alt(forms, dotted=True) + r")(?![^\W\d_])"

    def plain(table: dict[str, Any]) -> str:
        return "(?:" + _alt(_langs_of(table, langs)) + r")(?![^\W\d_])"

    full_weekdays = frozenset(words.ambiguous_weekdays) | {w.upper() for w in words.ambiguous_weekdays} | {
        w.lower() for w in words.ambiguous_weekdays}
    cardinal_words = _alt(_langs_of(words.cardinals, langs))
    tens = _alt(words.tens)
    ones = _alt(words.ones)
    number = (rf"(?:[0-9]+(?:[.,][0-9]+)?(?:\s+[0-9]/[0-9])?|(?:{tens})[\s-](?:{ones})|{cardinal_words})"
              r"(?![^\W\d_])")
    ordinal = rf"(?:[0-9]{{1,2}}(?:st|nd|rd|th)|{_alt(_langs_of(words.ordinals, langs))})(?![^\W\d_])"
    roman = r"(?-i:" + "|".join(sorted(words.roman, key=len, reverse=True)) + r")(?![\w])"
    return {
        "year": lambda: r"(?:1[0-9]|20)[0-9]{2}(?![0-9])",
        "yy": lambda: r"[0-9]{2}(?![0-9])",
        "day": lambda: r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?(?![\w])",
        "month": lambda: cased("months"),
        "weekday": lambda: cased("weekdays"),
        "weekday_full": lambda: cased("weekdays", exclude=full_weekdays),
        "season": lambda: plain(words.seasons),
        "part": lambda: "(?:" + _alt(_langs_of(words.parts, langs)) + r")",
        "half": lambda: "(?:" + _alt(_langs_of(words.halves, langs)) + r")",
        "num": lambda: number,
        "ordinal": lambda: ordinal,
        "roman": lambda: roman,
        "unit": lambda: plain(words.units),
        "deictic": lambda: plain(words.deictic),
        "anaphoric": lambda: plain(words.anaphoric),
        "direction": lambda: plain(words.directions),
        "dayword": lambda: plain(words.day_words),
        "tod": lambda: plain(words.times_of_day),
        "ref": lambda: "(?:" + _alt(_langs_of(words.references, langs)) + r")(?![\w-])",
        "setword": lambda: plain(words.sets),
        "quant": lambda: plain(words.set_quantifiers),
        "mod": lambda: plain(words.modifiers),
        "decade_word": lambda: plain(words.decade_words),
        "clockword": lambda: "(?:" + _alt(words.clock_words) + r")(?![^\W\d_])",
    }


def expand(template: str, macros: dict[str, Callable[[], str]], where: str) -> str:
    """The template with each ``{name}`` / ``{name#k}`` replaced by its named group."""

    def sub(m: re.Match[str]) -> str:
        name, k = m.group(1), m.group(2)
        if name not in macros:
            raise DataFileError(f"data/{RULES}: rule {where} uses unknown macro {{{name}}}",
                                hint=f"known macros: {', '.join(sorted(macros))}")
        return f"(?P<{name}{k or ''}>{macros[name]()})"

    return _MACRO_RE.sub(sub, template)


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"data/{where}: bad regular expression ({exc})",
                            hint="fix the pattern; macros are written {month}, {year}, ...") from exc


@lru_cache(maxsize=8)
def grammar(lang: str = "en") -> Grammar:
    """All rules that apply to text in ``lang``, compiled (cached per language)."""
    words = time_words()
    entries = load_entries(RULES, required=("pattern", "handler"))
    rules: list[Rule] = []
    parts: list[str] = []
    names: list[tuple[tuple[str, str], ...]] = []
    for entry in entries:
        langs = tuple(str(x) for x in entry.get("lang", ["en"]))
        if "*" not in langs and lang not in langs and not entry.get("everywhere") and \
                not (lang not in words.months and "en" in langs):
            continue
        short = entry["id"].split(":", 1)[1]
        body = expand(str(entry["pattern"]), _macros(words, langs), short)
        regex = _compile(rf"(?<![\w])(?:{body})(?![^\W_])", f"{RULES} rule {short}")
        groups = tuple(_GROUP_RE.findall(body))
        before = entry.get("requires_before")
        index = len(rules)
        rules.append(Rule(
            id=short, rule=f"{RULESET}.v{words.version}:{short}", handler=str(entry["handler"]), langs=langs,
            regex=regex, groups=groups, needs=entry.get("needs"),
            requires_before=_compile(str(before) + r"$", f"{RULES} rule {short}") if before else None,
            kind=str(entry.get("kind", "other")), params=dict(entry.get("params", {}) or {}),
        ))
        prefixed = _GROUP_RE.sub(lambda m: f"(?P<r{index}_{m.group(1)}>", body)
        parts.append(f"(?P<r{index}>{prefixed})")
        names.append(tuple((f"r{index}_{g}", g) for g in groups))
    union = _compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![^\W_])", RULES)
    return Grammar(lang=lang, rules=tuple(rules), union=union, trigger_words=_trigger_words(words, lang),
                   group_names=tuple(names))


def _trigger_words(words: TimeWords, lang: str) -> frozenset[str]:
    """Lower-cased words one of which (or a digit) any expression contains: the pre-filter."""
    out: set[str] = set()
    tables: list[dict[str, Any]] = [words.months, words.weekdays, words.seasons, words.units, words.day_words,
                                    words.references, words.sets, words.decade_words, words.times_of_day,
                                    words.parts, words.halves, words.cardinals]
    for table in tables:
        for forms in table.values():
            for form in forms:
                out.update(w.lower() for w in _WORD_RE.findall(form))
    out.update(words.clock_words)
    out.update(w.lower() for w in words.roman if len(w) > 1)
    # words too common to be worth a look on their own: only a digit or a real time word triggers
    return frozenset(out - {"a", "an", "the", "of", "some", "many", "few", "several", "one", "in", "to", "at", "is",
                            "until", "each", "every", "per", "this", "that", "next", "last", "и", "в", "с", "по"})


def mentions_time(text: str, trigger_words: frozenset[str]) -> bool:
    """The pre-filter: does ``text`` contain a digit or a word that can start or carry a time expression?"""
    if any(c.isdigit() for c in text):
        return True
    return not trigger_words.isdisjoint(w.lower() for w in _WORD_RE.findall(text))


@lru_cache(maxsize=None)
def context_words() -> dict[str, Any]:
    """data/time/context.yaml (cached)."""
    data = load_yaml(CONTEXT)
    if not isinstance(data, dict):
        raise DataFileError(f"data/{CONTEXT} should be a mapping")
    return data


@dataclass(frozen=True, slots=True)
class Negative:
    id: str
    kinds: frozenset[str]
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    match: re.Pattern[str] | None

    def rules_out(self, before: str, candidate: str, after: str) -> bool:
        """True when every condition the entry gives holds."""
        return ((self.before is None or bool(self.before.search(before)))
                and (self.after is None or bool(self.after.match(after)))
                and (self.match is None or bool(self.match.search(candidate))))


@lru_cache(maxsize=None)
def negatives() -> tuple[Negative, ...]:
    """The negative contexts of data/time/negative.yaml, compiled."""
    out = []
    for e in load_entries(NEGATIVE):
        before, after, match = e.get("before"), e.get("after"), e.get("match")
        if not (before or after or match):
            raise DataFileError(f"data/{NEGATIVE}: entry {e['id']} gives no before, after or match pattern")
        try:
            out.append(Negative(
                id=e["id"], kinds=frozenset(e.get("kinds", ["any"])),
                before=re.compile(f"(?:{before})$") if before else None,
                after=re.compile(str(after)) if after else None,
                match=re.compile(str(match)) if match else None,
            ))
        except re.error as exc:
            raise DataFileError(f"data/{NEGATIVE}: entry {e['id']} has a bad pattern ({exc})") from exc
    return tuple(out)


def phrase_regex(phrases: Iterable[str], *, at_end: bool = False, at_start: bool = False,
                 ignore_case: bool = True) -> re.Pattern[str]:
    """A regex for any of ``phrases`` as whole words, optionally anchored at the end or start of the text."""
    body = words_pattern(phrases)
    body = body.replace(r"\ ", r"\s+")
    if at_end:
        body += r"\s*$"
    if at_start:
        body = r"^\s*" + body
    return re.compile(body, re.IGNORECASE if ignore_case else 0)
