"""Rules of the temporal tagger: templates from ``data/time/rules.yaml`` compiled to regular expressions.

A rule's ``pattern`` is a regular expression with macros in braces, built from the word tables (see
:mod:`.patterns`): ``{month}`` becomes ``(?P<month>January|Jan\\.?|...)`` for the rule's languages,
``{month#2}`` the same in group ``month2``. Named groups carry the meaning; the rule's ``handler`` (see
:mod:`.resolve`) turns them into a value.

Every rule declares in ``starts`` the words it can begin with (macros such as ``{month}``, literal words such
as ``the``, ``{digit}`` and ``{apostrophe}``). The grammar joins the rules that can begin with the same word
into one alternation (rule order = priority), so at a position only the rules that can match there are tried
(:func:`.candidates.start_positions` finds those positions near the digits and trigger words every expression
holds).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ...errors import DataFileError
from ...lexicon import load_entries, load_yaml, words_pattern
from .patterns import DIGIT_MACROS, MIXED_MACROS, macro_forms, macros
from .words import CONTEXT, NEGATIVE, RULES, TimeWords, time_words

RULESET = "time.rules"
DIGIT = "0"          # the dispatch key of a position holding a digit
APOSTROPHE = "'"     # ... and of an apostrophe before digits ('90s)
_MACRO_RE = re.compile(r"\{([a-z_]+)(?:#(\d))?\}")
_GROUP_RE = re.compile(r"\(\?P<([a-z_0-9]+)>")
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str                      # short id, e.g. "day_month_year"
    rule: str                    # versioned id, e.g. "time.rules.v1:day_month_year"
    handler: str
    langs: tuple[str, ...]
    regex: re.Pattern[str]       # the rule alone
    groups: tuple[str, ...]      # named groups of the rule (without the rule prefix)
    needs: str | None            # "opener": a temporal word must come before it (bare month, season)
    requires_before: re.Pattern[str] | None
    kind: str                    # shape for the negative filters: year | numeric | day | other
    params: dict[str, Any]
    starts: frozenset[str]       # lower-cased words it can begin with (DIGIT, APOSTROPHE for those)


@dataclass(frozen=True, slots=True)
class Grammar:
    lang: str
    rules: tuple[Rule, ...]
    triggers: frozenset[str]        # every expression holds one of these words (lower case) or a digit
    #: per first word (lower case, DIGIT or APOSTROPHE), the rules that can begin with it, in rule order
    dispatch: dict[str, tuple[int, ...]]
    #: per such tuple of rules, their union (named groups r<index> and r<index>_<group>)
    unions: dict[tuple[int, ...], re.Pattern[str]]
    #: every word rules begin with or that is a trigger: (the rules that can begin with it, is it a trigger)
    words: dict[str, tuple[tuple[int, ...], bool]]
    articles: frozenset[str]     # starts only before a word of ``words``, a digit or a bridge
    bridges: frozenset[str]
    group_names: tuple[tuple[tuple[str, str], ...], ...]   # per rule: (prefixed name, short name)


def expand(template: str, table: dict[str, Callable[[], str]], where: str) -> str:
    """The template with each ``{name}`` / ``{name#k}`` replaced by its named group."""

    def sub(m: re.Match[str]) -> str:
        name, k = m.group(1), m.group(2)
        if name not in table:
            raise DataFileError(f"data/{RULES}: rule {where} uses unknown macro {{{name}}}",
                                hint=f"known macros: {', '.join(sorted(table))}")
        return f"(?P<{name}{k or ''}>{table[name]()})"

    return _MACRO_RE.sub(sub, template)


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"data/{where}: bad regular expression ({exc})",
                            hint="fix the pattern; macros are written {month}, {year}, ...") from exc


def first_word(form: str) -> str | None:
    """The lower-cased first word of a phrase (None when it begins with no letter)."""
    m = _LETTERS.match(form.lower())
    return m.group() if m else None


def _start_keys(spec: Any, forms: dict[str, list[str]], where: str) -> frozenset[str]:
    """The dispatch keys of a rule's ``starts``: first words of macros, literal words, DIGIT, APOSTROPHE."""
    if not isinstance(spec, list) or not spec:
        raise DataFileError(f"data/{RULES}: rule {where} has no 'starts' list",
                            hint="list the words it can begin with: macros ({month}), words (the), {digit}")
    out: set[str] = set()
    for item in (str(x) for x in spec):
        m = _MACRO_RE.fullmatch(item)
        if m is None:
            out.add(item.lower())
            continue
        name = m.group(1)
        if name in DIGIT_MACROS or name == "digit":
            out.add(DIGIT)
        elif name == "apostrophe":
            out.add(APOSTROPHE)
        elif name in forms:
            out.update(w for w in (first_word(f) for f in forms[name]) if w)
            if name in MIXED_MACROS:
                out.add(DIGIT)
        else:
            raise DataFileError(f"data/{RULES}: rule {where} starts with unknown macro {item}",
                                hint=f"known macros: {', '.join(sorted([*forms, *DIGIT_MACROS]))}, "
                                     "{digit}, {apostrophe}")
    return frozenset(out)


def _applies(entry: dict[str, Any], lang: str, words: TimeWords) -> bool:
    langs = tuple(str(x) for x in entry.get("lang", ["en"]))
    return "*" in langs or lang in langs or bool(entry.get("everywhere")) or \
        (lang not in words.months and "en" in langs)


@lru_cache(maxsize=8)
def grammar(lang: str = "en") -> Grammar:
    """All rules that apply to text in ``lang``, compiled (cached per language)."""
    words = time_words()
    rules: list[Rule] = []
    parts: list[str] = []
    names: list[tuple[tuple[str, str], ...]] = []
    for entry in load_entries(RULES, required=("pattern", "handler", "starts")):
        if not _applies(entry, lang, words):
            continue
        langs = tuple(str(x) for x in entry.get("lang", ["en"]))
        short = entry["id"].split(":", 1)[1]
        body = expand(str(entry["pattern"]), macros(words, langs), short)
        before = entry.get("requires_before")
        index = len(rules)
        rules.append(Rule(
            id=short, rule=f"{RULESET}.v{words.version}:{short}", handler=str(entry["handler"]), langs=langs,
            regex=_compile(rf"(?<![\w])(?:{body})(?![^\W_])", f"{RULES} rule {short}"),
            groups=tuple(_GROUP_RE.findall(body)), needs=entry.get("needs"),
            requires_before=_compile(str(before) + r"$", f"{RULES} rule {short}") if before else None,
            kind=str(entry.get("kind", "other")), params=dict(entry.get("params", {}) or {}),
            starts=_start_keys(entry["starts"], macro_forms(words, langs), short),
        ))
        parts.append(f"(?P<r{index}>{_GROUP_RE.sub(_prefixer(index), body)})")
        names.append(tuple((f"r{index}_{g}", g) for g in rules[-1].groups))
    dispatch: dict[str, tuple[int, ...]] = {}
    for key in sorted({k for r in rules for k in r.starts}):
        dispatch[key] = tuple(i for i, r in enumerate(rules) if key in r.starts)
    unions = {members: _compile(r"(?<![\w])(?:" + "|".join(parts[i] for i in members) + r")(?![^\W_])", RULES)
              for members in set(dispatch.values())}
    triggers = _trigger_words(words) | {str(w).lower() for e in load_entries(RULES) if _applies(e, lang, words)
                                        for w in e.get("triggers", ())}
    table = {w: (dispatch.get(w, ()), w in triggers) for w in (set(dispatch) | triggers) - {DIGIT, APOSTROPHE}}
    articles = context_words()["articles"]
    return Grammar(lang=lang, rules=tuple(rules), triggers=triggers, dispatch=dispatch,
                   unions=unions, group_names=tuple(names), words=table,
                   articles=frozenset(str(w).lower() for w in articles["words"]),
                   bridges=frozenset(str(w).lower() for w in articles["bridges"]))


def _prefixer(index: int) -> Callable[[re.Match[str]], str]:
    """Renames a named group ``name`` of rule ``index`` to ``r<index>_name`` (unique within a union)."""
    def sub(m: re.Match[str]) -> str:
        return f"(?P<r{index}_{m.group(1)}>"
    return sub


def _trigger_words(words: TimeWords) -> frozenset[str]:
    """Lower-cased words one of which (or a digit) any expression contains."""
    out: set[str] = set()
    tables: list[dict[str, Any]] = [words.months, words.weekdays, words.seasons, words.units, words.day_words,
                                    words.references, words.sets, words.decade_words, words.times_of_day,
                                    words.parts, words.halves, words.cardinals]
    for table in tables:
        for forms in table.values():
            for form in forms:
                out.update(w for w in _LETTERS.findall(form.lower()) if len(w) > 1)
    out.update(words.clock_words)
    out.update(w.lower() for w in words.roman if len(w) > 1)
    for names in words.holidays.values():
        for name in names:
            out.update(w.lower() for w in _LETTERS.findall(name) if len(w) > 3)
    return frozenset(out - {str(w).lower() for w in context_words()["not_triggers"]})


@cache
def context_words() -> dict[str, Any]:
    """data/time/context.yaml (cached)."""
    data = load_yaml(CONTEXT)
    if not isinstance(data, dict):
        raise DataFileError(f"data/{CONTEXT} should be a mapping")
    return data


@cache
def clause_words() -> frozenset[str]:
    """Function words that can follow an expression without it modifying a noun (context.yaml clause_words)."""
    return frozenset(str(w).lower() for w in context_words()["clause_words"])


@dataclass(frozen=True, slots=True)
class Negative:
    id: str
    kinds: frozenset[str]
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    match: re.Pattern[str] | None

    def rules_out(self, before: str, candidate: str, after: str) -> bool:
        """True when every condition the entry gives holds (the anchored ``after`` is tried first: it is the
        cheapest, and most candidates fail it)."""
        return ((self.after is None or bool(self.after.match(after)))
                and (self.match is None or bool(self.match.search(candidate)))
                and (self.before is None or bool(self.before.search(before))))


@cache
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


@lru_cache(maxsize=16)
def negatives_for(kind: str) -> tuple[Negative, ...]:
    """The negative contexts that apply to candidates of ``kind`` (its own and those for any kind), in file order."""
    return tuple(neg for neg in negatives() if kind in neg.kinds or "any" in neg.kinds)


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
