"""Compiled language data of the cleaner, read once from ``dyadscope/data/clean/`` (cached loaders).

Every pattern keeps the id of its entry, so a removal names the rule that made it:
``clean.chrome.v1:view_counter`` is entry ``read_times`` … of ``clean/chrome.yaml`` version 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...errors import DataFileError
from ...lexicon import load_entries, load_yaml, version_of, words_pattern


@dataclass(frozen=True, slots=True)
class LinePattern:
    """A whole-line pattern of web chrome."""

    id: str
    kind: str
    where: str              # anywhere | margin | top | bottom
    regex: re.Pattern[str]
    block: str | None
    max_words: int
    rule: str
    keywords: tuple[str, ...] = ()


def rule_id(ruleset: str, version: int, entry: str) -> str:
    """``clean.<ruleset>.v<version>:<entry>``."""
    return f"clean.{ruleset}.v{version}:{entry}"


def _compile(name: str, entry_id: str, pattern: str, flags: int) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise DataFileError(f"data/{name}: entry {entry_id} has a bad pattern: {exc}",
                            hint="fix the regular expression in that entry") from exc


def _local(entry_id: str) -> str:
    return entry_id.split(":", 1)[1] if ":" in entry_id else entry_id


@cache
def chrome_patterns() -> tuple[LinePattern, ...]:
    name = "clean/chrome.yaml"
    data = load_yaml(name)
    version = version_of(name)
    month = "|".join(sorted((re.escape(str(m)) for m in data.get("months", [])), key=len, reverse=True))
    weekday = "|".join(sorted((re.escape(str(d)) for d in data.get("weekdays", [])), key=len, reverse=True))
    out = []
    for e in load_entries(name, ("kind", "where", "pattern")):
        eid = _local(e["id"])
        if e["where"] not in ("anywhere", "margin", "top", "bottom"):
            raise DataFileError(f"data/{name}: entry {eid} has where={e['where']!r}",
                                hint="use anywhere, margin, top or bottom")
        pattern = str(e["pattern"]).replace("{month}", month).replace("{weekday}", weekday)
        flags = 0 if e.get("case") else re.IGNORECASE
        out.append(LinePattern(eid, str(e["kind"]), str(e["where"]),
                               _compile(name, eid, rf"(?:{pattern})\Z", flags), e.get("block"),
                               int(e.get("max_words", 40)), rule_id("chrome", version, eid),
                               tuple(str(k).lower() for k in e.get("keywords", ()))))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class CharMap:
    table: dict[int, str]
    kinds: dict[str, tuple[str, str]]     # character -> (kind, rule)
    regex: re.Pattern[str]


@cache
def char_map() -> CharMap:
    name = "clean/unicode.yaml"
    version = version_of(name)
    table: dict[int, str] = {}
    kinds: dict[str, tuple[str, str]] = {}
    for e in load_entries(name, ("chars", "replacement", "kind")):
        for cp in e["chars"]:
            try:
                ch = chr(int(str(cp).upper().removeprefix("U+"), 16))
            except ValueError as exc:
                raise DataFileError(f"data/{name}: entry {e['id']} has a bad code point {cp!r}",
                                    hint="write code points as U+00A0") from exc
            table[ord(ch)] = str(e["replacement"])
            kinds[ch] = (str(e["kind"]), rule_id("unicode", version, _local(e["id"])))
    regex = re.compile("[" + "".join(re.escape(c) for c in kinds) + "]+") if kinds else re.compile(r"(?!x)x")
    return CharMap(table, kinds, regex)


@dataclass(frozen=True, slots=True)
class Layout:
    continuation: frozenset[str]
    heading_words: frozenset[str]
    keep_prefixes: frozenset[str]
    particles: frozenset[str]
    affiliation: re.Pattern[str]
    number_abbreviations: frozenset[str]
    bracket_marks: re.Pattern[str]
    version: int


@cache
def layout_words() -> Layout:
    name = "clean/layout.yaml"
    data = load_yaml(name)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key, []))

    return Layout(words("continuation_words"), words("heading_words"), words("hyphen_keep_prefixes"),
                  words("name_particles"),
                  re.compile(words_pattern(words("affiliation_words")), re.IGNORECASE),
                  words("number_abbreviations"), _bracket_marks(words("bracket_marks")), version_of(name))


def unmarked(line: str) -> str:
    """A line without bracketed reference or editing marks ("References[edit]" -> "References")."""
    return layout_words().bracket_marks.sub("", line) if "[" in line else line


def _bracket_marks(words: frozenset[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"\[(?:\d{1,3}(?:\s*[,–-]\s*\d{1,3})*|[a-z]|[ivx]{2,4}|(?:note|nb|n)\s+\d{1,3}|" + alts + r")\]"
                      r"(?::\s?\d{1,4}(?:[–-]\d{1,4})?)?", re.IGNORECASE)


@cache
def fallback_words() -> frozenset[str]:
    data = load_yaml("clean/words.yaml")
    groups = data.get("words", {})
    return frozenset(str(w).lower() for group in groups.values() for w in group)


@dataclass(frozen=True, slots=True)
class NotesData:
    heading: re.Pattern[str]
    signals: tuple[tuple[str, re.Pattern[str]], ...]
    min_signals: int
    version: int
    about: re.Pattern[str] = re.compile(r"(?!x)x")
    about_max_lines: int = 8
    about_max_words: int = 320


@cache
def notes_data() -> NotesData:
    name = "clean/notes.yaml"
    data = load_yaml(name)
    heads = words_pattern((str(h) for h in data.get("headings", [])), boundary=False)
    prefixes = words_pattern((str(h) for h in data.get("heading_prefixes", [])), boundary=False)
    suffixes = words_pattern((str(h) for h in data.get("heading_suffixes", [])), boundary=False)
    signals = []
    for e in data.get("signals", []):
        eid = str(e["id"])
        flags = 0 if e.get("case") else re.IGNORECASE
        signals.append((eid, _compile(name, eid, str(e["pattern"]), flags)))
    heading = rf"(?:{prefixes}(?:\s+[\dA-ZІVX]{{1,3}})?\s*[:.–—-]\s*)?{heads}(?:\s+{suffixes})?\s*:?\Z"
    about = words_pattern((str(h) for h in data.get("about_headings", [])), boundary=False)
    return NotesData(re.compile(heading, re.IGNORECASE), tuple(signals), int(data.get("min_signals", 2)),
                     version_of(name), re.compile(rf"{about}\s*:?\Z", re.IGNORECASE),
                     int(data.get("about_max_lines", 8)), int(data.get("about_max_words", 320)))


@dataclass(frozen=True, slots=True)
class HeaderPatterns:
    running: tuple[tuple[str, re.Pattern[str]], ...]
    page_number: tuple[tuple[str, re.Pattern[str]], ...]
    version: int


@cache
def header_patterns() -> HeaderPatterns:
    name = "clean/pdf.yaml"
    data = load_yaml(name)

    def compiled(key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((str(e["id"]), _compile(name, str(e["id"]), rf"(?:{e['pattern']})\Z",
                                             0 if e.get("case") else re.IGNORECASE))
                     for e in data.get(key, []))

    return HeaderPatterns(compiled("running_headers"), compiled("page_number"), version_of(name))
