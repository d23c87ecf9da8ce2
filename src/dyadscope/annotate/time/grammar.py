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
from functools import cache, lru_cache
from typing import Any

from ...errors import DataFileError
from ...lexicon import load_entries, load_yaml, words_pattern
from .regexinfo import first_chars, first_words
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
    trigger_words: frozenset[str]   # time words: every expression holds one of them or a digit
    prefilter: re.Pattern[str]      # a number or a trigger word: the anchors expressions are looked for around
    first: frozenset[str] | None    # the words an expression can begin with (None: any word)
    group_names: tuple[tuple[tuple[str, str], ...], ...]   # per rule: (prefixed name, short name)
    #: per lower-cased first character, the union of the rules that can begin with it (in rule order)
    by_first: dict[str, re.Pattern[str]]
    anywhere: re.Pattern[str] | None   # the union of the rules whose first character cannot be told
    members: dict[str, tuple[int, ...]]   # per first character, the indexes of the rules in its union
    anywhere_members: tuple[int, ...]

    def union_at(self, char: str) -> re.Pattern[str] | None:
        """The union of the rules that can match at a position starting with ``char``."""
        return self.by_first.get(char.lower(), self.anywhere)

    def rules_at(self, char: str) -> tuple[int, ...]:
        """Indexes of the rules that can match at a position starting with ``char``."""
        return self.members.get(char.lower(), self.anywhere_members)


def _case_forms(words: Iterable[str]) -> list[str]:
    """A word as written, capitalised and in capitals ("May", "MAY"; "мая", "Мая", "МАЯ") - never lower-cased."""
    out: set[str] = set()
    for w in words:
        out.update({w, w[:1].upper() + w[1:], w.upper()})
    return sorted(out, key=len, reverse=True)


def _tokens(word: str, dotted: bool, flexible_space: bool) -> list[str]:
    """Regex tokens of a word; ``dotted``: it is an abbreviation and may be followed by a full stop."""
    out = []
    for ch in word:
        if flexible_space and ch == " ":
            out.append(r"\s+")
        elif flexible_space and ch == "-":
            out.append(r"[\s-]*")
        else:
            out.append(re.escape(ch))
    if dotted:
        out.append(r"\.?")
    return out


def _trie_regex(node: dict[str, Any]) -> str:
    """Regex of a trie node: children as an alternation (optional tokens last), optional if a word ends here."""
    children = sorted(node.items(), key=lambda kv: (kv[0] == "", kv[0].endswith("?"), kv[0]))
    alts = [tok + _trie_regex(child) for tok, child in children if tok != ""]
    ends = "" in node
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 and not ends else "(?:" + "|".join(alts) + ")"
    return body + "?" if ends else body


def _alt(words: Iterable[str], *, dotted: frozenset[str] = frozenset(), flexible_space: bool = True) -> str:
    """Alternation of words as a trie (so a mismatch fails on its first letters); spaces match any whitespace,
    hyphens a hyphen or a space, and abbreviations (``dotted``) may take a full stop."""
    root: dict[str, Any] = {}
    for w in {w for w in words if w}:
        node = root
        for tok in _tokens(w, w.lower() in dotted, flexible_space):
            node = node.setdefault(tok, {})
        node[""] = {}
    if not root:
        return r"(?!x)x"
    return _trie_regex(root)


def _langs_of(table: dict[str, Any], langs: tuple[str, ...]) -> list[str]:
    keys = list(table) if "*" in langs else [lg for lg in langs if lg in table]
    return [w for lg in keys for w in table[lg]]


def _macros(words: TimeWords, langs: tuple[str, ...]) -> dict[str, Callable[[], str]]:
    def cased(key: str, exclude: frozenset[str] = frozenset()) -> str:
        forms: list[str] = []
        for form in _langs_of(words.written[key], langs):
            forms.extend(f for f in _case_forms([form]) if f not in exclude)
        return r"(?-i:" + _alt(forms, dotted=words.abbreviations) + r")(?![^\W\d_])"

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
        "holiday": lambda: "(?-i:" + _alt(_langs_of(words.holidays, langs)) + r")(?![^\W\d_])",
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
        prefixed = _GROUP_RE.sub(_prefixer(index), body)
        parts.append(f"(?P<r{index}>{prefixed})")
        names.append(tuple((f"r{index}_{g}", g) for g in groups))
    by_first, anywhere, members, anywhere_members = _dispatch(parts, [r.regex.pattern for r in rules])
    triggers = _trigger_words(words, lang)
    first = first_words(r.regex.pattern for r in rules)
    prefilter = _compile(r"(?<![0-9])[0-9]|(?<![\w])(?:" + _alt(triggers, flexible_space=False) + r")(?![\w])", RULES)
    return Grammar(lang=lang, rules=tuple(rules), trigger_words=triggers, prefilter=prefilter,
                   first=frozenset(first) if first is not None else None, group_names=tuple(names),
                   by_first=by_first, anywhere=anywhere, members=members, anywhere_members=anywhere_members)


def _prefixer(index: int) -> Callable[[re.Match[str]], str]:
    """Renames a named group ``name`` of rule ``index`` to ``r<index>_name`` (unique within the union)."""
    def sub(m: re.Match[str]) -> str:
        return f"(?P<r{index}_{m.group(1)}>"
    return sub


def _union(parts: list[str], members: Iterable[int]) -> re.Pattern[str]:
    return _compile(r"(?<![\w])(?:" + "|".join(parts[i] for i in members) + r")(?![^\W_])", RULES)


def _dispatch(parts: list[str], patterns: list[str]) -> tuple[dict[str, re.Pattern[str]], re.Pattern[str] | None,
                                                              dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Unions of the rules by the character they can begin with (rules keep their order and group names)."""
    firsts = [first_chars(p) for p in patterns]
    by_first: dict[str, re.Pattern[str]] = {}
    members: dict[str, tuple[int, ...]] = {}
    cache: dict[tuple[int, ...], re.Pattern[str]] = {}
    for ch in sorted({ch for f in firsts if f is not None for ch in f}):
        these = tuple(i for i, f in enumerate(firsts) if f is None or ch in f)
        if these not in cache:
            cache[these] = _union(parts, these)
        by_first[ch] = cache[these]
        members[ch] = these
    rest = tuple(i for i, f in enumerate(firsts) if f is None)
    return by_first, (_union(parts, rest) if rest else None), members, rest


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
    for names in words.holidays.values():
        for name in names:
            out.update(w.lower() for w in _WORD_RE.findall(name) if len(w) > 3)
    # words too common to be worth a look on their own: only a digit or a real time word triggers
    return frozenset(out - {"a", "an", "the", "of", "some", "many", "few", "several", "one", "in", "to", "at", "is",
                            "until", "each", "every", "per", "this", "that", "next", "last", "и", "в", "с", "по"})


@cache
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
