"""Trigger lexicon: compile ``data/events/triggers.yaml`` and find triggers in a sentence.

Patterns are written in a small language (documented at the top of the data file): verb and noun lemmas
whose inflections come from ``data/events/inflection.yaml``, word classes, literal words, gaps and
zero-width checks. Each pattern compiles to one regular expression over :attr:`Chunks.joined` (tokens
joined by single spaces), so a match always covers whole tokens. Patterns are indexed by the words of their
head (the first V(…) or N(…) element, which every match holds); a sentence only runs the patterns whose
head word it contains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..errors import DataFileError
from ..lexicon import load_entries, load_yaml, version_of
from .chunks import Chunks

TRIGGERS_FILE = "events/triggers.yaml"
INFLECTION_FILE = "events/inflection.yaml"
#: the rule-set name stored in every event's ``rule`` ("events.rules.v1:support.sign_agreement")
RULESET = "events.rules"

_GAP_BLOCK = r"(?:;|:|—|–|\(|\)|\"|“|”|\.|,)"
_ELEMENT_RE = re.compile(
    r"(?P<neg>!<?)?(?P<kind>[VNvn]~?)?\((?P<body>[^()]*)\)(?P<opt>\??)"
    r"|(?P<cneg>!)?\{(?P<cls>\w+)\}(?P<copt>\??)"
    r"|\.\.\.(?P<gap>\d+)"
    r"|(?P<lneg>!<?|&)?(?P<lit>[^\s()?]+)(?P<lopt>\??)"
)


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One entry of the trigger lexicon (see the keys documented in the data file)."""

    id: str                            # "support.sign_agreement"
    plover: str
    mode: str | None
    form: str | None
    quad: int | None
    target_preps: frozenset[str]
    source_preps: frozenset[str]
    swap: bool
    symmetric: bool
    controls: bool
    no_target: bool
    target_optional: bool
    target_kinds: frozenset[str]
    owner_source: bool
    passive: bool
    negative: bool
    confidence: float
    order: int
    implied: bool = True               # may the partner be implied when the sentence does not name it?
    target_window: int | None = None   # the target starts within this many tokens after the trigger
    mutual: bool = False               # each party does it to the other ("exchanged accusations")
    pair_implied: bool = False         # no party named: the dyad's, when the passage names both states
    implied_nominal: bool = False      # a nominal of this entry may take an implied partner too
    verb_target_preps: bool = False    # a verb's target too must follow one of target_preps
    one_side: bool = False             # of several coordinated targets, the other dyad state only
    undergoer_acts: bool = False       # a passive with no agent: its subject still acts ("troops were withdrawn")
    not_by: frozenset[str] = frozenset()  # sectors (detail codes' tails: MIL, PKO) that cannot be the source                         # position in the file: earlier wins ties

    @property
    def rule(self) -> str:
        return f"{RULESET}.v{version_of(TRIGGERS_FILE)}:{self.id}"


@dataclass(frozen=True, slots=True)
class Pattern:
    entry: TriggerEntry
    index: int
    source: str                        # the pattern as written
    regex: re.Pattern[str]
    anchors: frozenset[str] | None     # words of the head: a sentence without one cannot match
    head_kind: str                     # "verb" | "noun"
    stems: tuple[str, ...] = ()        # head stems (V~ / N~): a sentence with no word so starting cannot match
    lead: int = 0                      # at most how many tokens a match may start before its head


@dataclass(frozen=True, slots=True)
class Hit:
    """One trigger found in a sentence: token span [start, end), the head token and its form."""

    entry: TriggerEntry
    pattern: int
    start: int
    end: int
    head: int
    head_kind: str                     # "verb" | "noun"
    forms: frozenset[str]              # for verbs: base | third | past | participle | gerund
    words: frozenset[int] = frozenset()  # tokens the pattern named (not its gaps), head included


# ------------------------------------------------------------------------------------------- inflection

@dataclass(frozen=True, slots=True)
class _Rules:
    third: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]
    past: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]
    gerund: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]
    plural: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]
    double: frozenset[str]
    variants: tuple[tuple[str, str], ...]
    irregular: dict[str, dict[str, str]]
    double_l: bool = False


@cache
def _rules() -> _Rules:
    data = load_yaml(INFLECTION_FILE)

    def rules(key: str) -> tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]:
        return tuple((re.compile(r["when"]), re.compile(r["replace"]), str(r["by"])) for r in data[key])

    return _Rules(third=rules("third_person"), past=rules("past"), gerund=rules("gerund"),
                  plural=rules("plural"), double=frozenset(data.get("double_final", [])),
                  variants=tuple((str(a), str(b)) for a, b in data.get("spelling_variants", [])),
                  irregular={str(k): dict(v) for k, v in (data.get("irregular") or {}).items()},
                  double_l=bool(data.get("double_l_variant", False)))


def _apply(rules: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...], word: str) -> str:
    for when, replace, by in rules:
        if when.search(word):
            return replace.sub(by, word, count=1)
    return word


def _spellings(word: str) -> list[str]:
    out = [word]
    for a, b in _rules().variants:
        if word.endswith(a):
            out.append(word[: -len(a)] + b)
    return out


@cache
def verb_forms(lemma: str) -> dict[str, frozenset[str]]:
    """Every form of a verb lemma (multiword: the first word inflects) → the tags it can carry."""
    r = _rules()
    first, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    out: dict[str, set[str]] = {}
    for w in _spellings(first):
        irr = r.irregular.get(w, {})
        double = w in r.double
        stem = w + w[-1] if double else w
        past = irr.get("past") or (_apply(r.past, stem) if double else _apply(r.past, w))
        forms = {
            "base": w,
            "third": irr.get("third") or _apply(r.third, w),
            "past": past,
            "participle": irr.get("participle") or past,
            "gerund": irr.get("gerund") or (stem + "ing" if double else _apply(r.gerund, w)),
        }
        for tag, form in forms.items():
            out.setdefault(form + tail, set()).add(tag)
        if r.double_l and not double and not irr and _single_vowel_l(w):
            for tag, form in (("past", w + "led"), ("participle", w + "led"), ("gerund", w + "ling")):
                out.setdefault(form + tail, set()).add(tag)        # "cancelled", "travelling"
    return {k: frozenset(v) for k, v in out.items()}


def _single_vowel_l(word: str) -> bool:
    """Does the word end in one vowel and an l ("cancel", "travel"; not "feel", "fail", "control")?"""
    return len(word) > 3 and word.endswith("l") and word[-2] in "aeiou" and word[-3] not in "aeiou"


@cache
def noun_forms(lemma: str) -> tuple[str, ...]:
    """Singular and plural of a noun lemma (multiword: the last word inflects)."""
    head, _, last = lemma.rpartition(" ")
    lead = f"{head} " if head else ""
    out: list[str] = []
    for w in _spellings(last):
        for form in (w, _apply(_rules().plural, w)):
            if lead + form not in out:
                out.append(lead + form)
    return tuple(out)


# ------------------------------------------------------------------------------------------- compiling

def _split_elements(pattern: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    cur: list[str] = []
    for ch in pattern:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == " " and depth == 0:
            if cur:
                parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if cur:
        parts.append("".join(cur))
    return parts


def _alt_regex(alternatives: Iterable[str]) -> str:
    alts = sorted({" ".join(re.escape(w) for w in _as_cut(a)) for a in alternatives if a.strip()},
                  key=len, reverse=True)
    return "(?:" + "|".join(alts) + ")"


def _as_cut(phrase: str) -> list[str]:
    """The words of a lexicon phrase as sentences are cut into tokens ("chargé d'affaires" → chargé d
    'affaires), so that phrases with an inner apostrophe match."""
    words = phrase.split()
    if "'" not in phrase and "’" not in phrase:
        return words
    from .chunks import tokenize

    cut = list(tokenize(phrase)[0])
    return cut if all(cut) else words


def _compile(entry: TriggerEntry, index: int, pattern: str, classes: dict[str, tuple[str, ...]],
             where: str) -> Pattern:
    parts: list[str] = []
    anchors: frozenset[str] | None = None
    head_kind = ""
    first = True
    stems: tuple[str, ...] = ()
    lead = 0                              # tokens a match may hold before its head
    for element in _split_elements(pattern):
        m = _ELEMENT_RE.fullmatch(element)
        if not m:
            raise DataFileError(f"{where}: cannot read pattern element {element!r} in {pattern!r}",
                                hint="see the pattern language at the top of the file")
        neg, kind, opt = m.group("neg") or "", m.group("kind") or "", m.group("opt") or ""
        stem = kind.endswith("~")
        kind = kind.rstrip("~")
        if m.group("cls") is not None:
            neg, opt = m.group("cneg") or "", m.group("copt") or ""
            name = m.group("cls")
            if name not in classes:
                raise DataFileError(f"{where}: unknown class {{{name}}} in {pattern!r}",
                                    hint="define it under 'classes:'")
            words: tuple[str, ...] = classes[name]
        elif m.group("gap") is not None:
            if first:
                raise DataFileError(f"{where}: pattern {pattern!r} starts with a gap")
            parts.append(rf"(?:(?!{_GAP_BLOCK} )[^ ]+ ){{0,{int(m.group('gap'))}}}")
            if not head_kind:
                lead += int(m.group("gap"))
            continue
        elif m.group("lit") is not None:
            neg, opt, words = m.group("lneg") or "", m.group("lopt") or "", tuple(m.group("lit").split("|"))
        else:
            lemmas = [a.strip() for a in m.group("body").split("|") if a.strip()]
            if stem:
                words = tuple(lemmas)
            elif kind in ("V", "v"):
                words = tuple(f for lemma in lemmas for f in verb_forms(lemma))
            elif kind in ("N", "n"):
                words = tuple(f for lemma in lemmas for f in noun_forms(lemma))
            else:
                words = tuple(lemmas)
        alt = _alt_regex(words)
        if stem:                          # word stems (for inflected languages): any word that starts so
            alt = f"(?:{alt}[^ ]*)"
        if neg == "!<":
            parts.append("".join(rf"(?<! {' '.join(re.escape(x) for x in w.split())} )" for w in words))
            continue
        if neg == "&":
            parts.append(rf"(?={alt} )")
            continue
        if neg:
            parts.append(rf"(?!{alt} )")
            continue
        body_re = f"{alt} "
        if not head_kind and not (kind in ("V", "N")):
            lead += 1000 if stem else max(len(_as_cut(w)) for w in words)
        if kind in ("V", "N") and not head_kind:
            head_kind = "verb" if kind == "V" else "noun"
            body_re = f"(?P<h>{body_re})"
            if stem:
                stems = tuple(words)
            else:
                anchors = frozenset(_as_cut(w)[0] for w in words)    # every match holds its head
        else:
            body_re = f"(?P<e{len(parts)}>{body_re})"
        if opt:
            body_re = f"(?:{body_re})?"
        parts.append(body_re)
        first = False
    if not head_kind:
        raise DataFileError(f"{where}: pattern {pattern!r} has no head (a V(...) or N(...) element)",
                            hint="mark the word that expresses the action with V(...) or N(...)")
    regex = re.compile("(?<= )" + "".join(parts))
    return Pattern(entry=entry, index=index, source=pattern, regex=regex, anchors=anchors, head_kind=head_kind,
                   stems=stems, lead=lead)


def _entry(raw: dict[str, Any], order: int, defaults: dict[str, Any]) -> TriggerEntry:
    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in raw.get(key, defaults.get(key, [])))

    quad = raw.get("quad")
    return TriggerEntry(
        id=str(raw["id"]).split(":", 1)[-1], plover=str(raw["plover"]), mode=raw.get("mode"),
        form=raw.get("form"), quad=int(quad) if quad is not None else None,
        target_preps=words("target_preps"), source_preps=words("source_preps"),
        swap=bool(raw.get("swap", False)), symmetric=bool(raw.get("symmetric", False)),
        controls=bool(raw.get("controls", False)), no_target=bool(raw.get("no_target", False)),
        target_optional=bool(raw.get("target_optional", False)),
        target_kinds=frozenset(str(k) for k in raw.get("target_kinds", [])),
        owner_source=bool(raw.get("owner_source", False)), passive=bool(raw.get("passive", False)),
        negative=bool(raw.get("negative", False)),
        confidence=float(raw.get("confidence", defaults.get("confidence", 0.7))), order=order,
        implied=bool(raw.get("implied", True)),
        target_window=int(raw["target_window"]) if raw.get("target_window") is not None else None,
        not_by=frozenset(str(x) for x in raw.get("not_by", [])), mutual=bool(raw.get("mutual", False)),
        pair_implied=bool(raw.get("pair_implied", False)),
        implied_nominal=bool(raw.get("implied_nominal", False)),
        verb_target_preps=bool(raw.get("verb_target_preps", False)),
        one_side=bool(raw.get("one_side", False)),
        undergoer_acts=bool(raw.get("undergoer_acts", False)),
    )


@dataclass(frozen=True, slots=True)
class Lexicon:
    patterns: tuple[Pattern, ...]
    by_anchor: dict[str, tuple[Pattern, ...]]
    always: tuple[Pattern, ...]
    entries: dict[str, TriggerEntry]
    classes: dict[str, frozenset[str]]
    first_words: frozenset[str]        # every head word of every pattern
    stemmed: tuple[Pattern, ...] = ()  # patterns whose head is given by stems
    stems: tuple[str, ...] = ()
    stem_initials: frozenset[str] = frozenset()   # first letters of the stems (a cheap test first)
    stems_ascii: bool = True           # False when no stem is plain ASCII (an ASCII sentence holds none)


@cache
def lexicon() -> Lexicon:
    """The compiled trigger lexicon (cached)."""
    data = load_yaml(TRIGGERS_FILE)
    defaults = data.get("defaults") or {}
    classes = {str(k): tuple(str(w).lower() for w in v) for k, v in (data.get("classes") or {}).items()}
    from ..records import PLOVER_TYPES

    patterns: list[Pattern] = []
    entries: dict[str, TriggerEntry] = {}
    for order, raw in enumerate(load_entries(TRIGGERS_FILE, required=("plover", "patterns"))):
        entry = _entry(raw, order, defaults)
        where = f"data/{TRIGGERS_FILE} entry {entry.id}"
        if entry.plover not in PLOVER_TYPES:
            raise DataFileError(f"{where}: unknown PLOVER type {entry.plover!r}",
                                hint=f"use one of {', '.join(PLOVER_TYPES)}")
        entries[entry.id] = entry
        for i, pat in enumerate(raw["patterns"]):
            patterns.append(_compile(entry, i, str(pat), classes, where))
    by_anchor: dict[str, list[Pattern]] = {}
    always: list[Pattern] = []
    stemmed: list[Pattern] = []
    for p in patterns:
        if p.stems:
            stemmed.append(p)
        elif p.anchors is None:
            always.append(p)
        else:
            for a in p.anchors:
                by_anchor.setdefault(a, []).append(p)
    firsts = set(by_anchor)
    return Lexicon(patterns=tuple(patterns), by_anchor={k: tuple(v) for k, v in by_anchor.items()},
                   always=tuple(always), entries=entries,
                   classes={k: frozenset(v) for k, v in classes.items()}, first_words=frozenset(firsts),
                   stemmed=tuple(stemmed), stems=tuple(sorted({t for p in stemmed for t in p.stems})),
                   stem_initials=frozenset(t[:1] for p in stemmed for t in p.stems),
                   stems_ascii=any(t.isascii() for p in stemmed for t in p.stems))


@cache
def _verb_tags() -> dict[str, frozenset[str]]:
    """Inflected word → tags, over every verb lemma in the lexicon (first words only)."""
    data = load_yaml(TRIGGERS_FILE)
    tags: dict[str, set[str]] = {}
    lemma_re = re.compile(r"[Vv]\(([^()]*)\)")
    for raw in data.get("entries", []):
        for pat in raw.get("patterns", []):
            for body in lemma_re.findall(str(pat)):
                for lemma in body.split("|"):
                    for form, t in verb_forms(lemma.strip()).items():
                        tags.setdefault(form.split(" ")[0], set()).update(t)
    return {k: frozenset(v) for k, v in tags.items()}


def verb_tags(word: str) -> frozenset[str]:
    """Tags (base, third, past, participle, gerund) a lexicon verb form can carry; empty if unknown."""
    return _verb_tags().get(word, frozenset())


# ------------------------------------------------------------------------------------------- matching

_PREFILTER_RE = re.compile(r"[\w'’-]+")


def may_have_triggers(text: str) -> bool:
    """Cheap test before tokenising: does the sentence hold the head word of some pattern?"""
    lex = lexicon()
    if lex.always:
        return True
    words = _PREFILTER_RE.findall(text.lower())
    if not lex.first_words.isdisjoint(words):
        return True
    if lex.stems and not (lex.stems_ascii is False and text.isascii()):
        return any(w[:1] in lex.stem_initials and w.startswith(lex.stems) for w in words)
    return False


def find(chunks: Chunks) -> list[Hit]:
    """Every trigger in the sentence, overlaps resolved: one hit per head, the longest (then earliest) wins."""
    lex = lexicon()
    words = chunks.words
    candidates: dict[int, Pattern] = {}
    at: dict[int, list[int]] = {}          # pattern → the tokens holding one of its head words
    by_anchor, heads_known = lex.by_anchor, lex.first_words
    for i, w in [(i, w) for i, w in enumerate(words) if w in heads_known]:
        for p in by_anchor[w]:
            key = id(p)
            if key in at:
                at[key].append(i)
            else:
                at[key] = [i]
                candidates[key] = p
    for p in lex.always:
        candidates[id(p)] = p
    if lex.stemmed and not (lex.stems_ascii is False and chunks.text.isascii()):
        stemmable = [w for w in words if w[:1] in lex.stem_initials]
        if stemmable:
            for p in lex.stemmed:
                if any(w.startswith(p.stems) for w in stemmable):
                    candidates[id(p)] = p
    raw: list[Hit] = []
    joined, positions = chunks.joined, chunks.positions
    for p in sorted(candidates.values(), key=lambda p: (p.entry.order, p.index)):
        heads = at.get(id(p))
        if heads is None or p.lead >= 1000:
            matches: Iterable[re.Match[str]] = p.regex.finditer(joined)
        elif p.lead == 0:                  # a match starts at its head: try only there
            matches = [m for m in (p.regex.match(joined, positions[i]) for i in heads) if m is not None]
        else:                              # or a few tokens before its first head word
            matches = p.regex.finditer(joined, positions[max(0, heads[0] - p.lead)])
        for m in matches:
            start = chunks.token_at(m.start())
            end = chunks.token_at(m.end() - 2) + 1
            head = chunks.token_at(m.start("h"))
            forms = verb_tags(chunks.words[head]) if p.head_kind == "verb" else frozenset({"noun"})
            named = {head}
            for name, text in m.groupdict().items():
                if text and name != "h":
                    first = chunks.token_at(m.start(name))
                    named.update(range(first, first + text.count(" ")))
            raw.append(Hit(entry=p.entry, pattern=p.index, start=start, end=end, head=head,
                           head_kind=p.head_kind, forms=forms, words=frozenset(named)))
    kinds: dict[int, set[str]] = {}
    for h in raw:
        kinds.setdefault(h.head, set()).add(h.head_kind)
    ambiguous = {head for head, k in kinds.items() if len(k) > 1}
    if ambiguous:
        keep = {head: noun_reading(chunks, head) for head in ambiguous}
        raw = [h for h in raw if h.head not in keep or (h.head_kind == "noun") == keep[h.head]]
    # a bare verb form that reads as a noun here ("the constitutional order of", "its support of") is no verb,
    # nor is a participle right after a determiner ("without any signed declaration")
    determiners = _determiners()
    raw = [h for h in raw if h.head_kind == "noun" or (
        (h.head in ambiguous or h.end - h.start > 1 or not (h.forms & {"base", "third"})
         or h.forms & {"past", "participle"} or not noun_reading(chunks, h.head))
        and not (h.head > 0 and h.start == h.head and chunks.words[h.head - 1] in determiners
                 and "participle" in h.forms))]
    return resolve_overlaps(raw)


@cache
def _determiners() -> frozenset[str]:
    from .chunks import grammar

    return grammar().determiners


@cache
def _noun_cues() -> frozenset[str]:
    from .chunks import grammar

    g = grammar()
    return g.determiners | g.prepositions | g.possessive_marks | frozenset({",", ";", ":", "(", "\"", "“"})


def noun_reading(chunks: Chunks, head: int) -> bool:
    """Is a word that reads as noun or verb ("visits", "attacks", "supports") a noun here?

    A noun at the start of a sentence or after a determiner, preposition, possessive, punctuation or a word
    with an adjective ending ("military aid"), or before "of"; a verb after anything else (a subject, an
    auxiliary, an adverb).
    """
    word = chunks.words[head]
    if word.endswith("ed"):
        return False
    if head + 1 < len(chunks.words) and chunks.words[head + 1] == "of":
        return True
    if word.endswith("ing") and (head == 0 or chunks.words[head - 1] == ",") and head + 1 < len(chunks.words) \
            and chunks.text[chunks.starts[head + 1] - chunks.offset].isupper():
        return False                      # "Meeting Aliyev in Sochi, Putin …": a participle with its object
    if head == 0:
        return True
    prev = chunks.words[head - 1]
    if "base" in verb_tags(word) and _infinitive_after(chunks.words, head):
        return False                      # "began to support", "continued to attack": an infinitive
    if prev in _noun_cues() or (not prev[:1].isalpha() and not prev[:1].isdigit()) or \
            prev.endswith(_adjective_endings()):
        return True
    # a lower-case modifier right after a determiner, preposition or comma: "as well as heavy pressure"
    written = chunks.text[chunks.starts[head - 1] - chunks.offset]
    return written.islower() and head >= 2 and (chunks.words[head - 2] in _noun_cues()
                                                 or chunks.words[head - 2] in ("and", "or")) and not verb_tags(prev)


def _infinitive_after(words: tuple[str, ...], head: int) -> bool:
    """Is ``head`` the verb of "to" after a verb whose infinitive is an act ("began to (actively) cooperate")?"""
    k = head - 1
    if k >= 1 and words[k].endswith("ly") and words[k - 1] == "to":
        k -= 1                            # a split infinitive
    if k < 1 or words[k] != "to":
        return False
    from .chunks import grammar

    return words[k - 1] in grammar().infinitive_heads


@cache
def _adjective_endings() -> tuple[str, ...]:
    from .chunks import grammar

    return grammar().adjective_endings


def resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """One hit per head token (longest span, then earliest entry); a hit whose head lies inside a longer hit
    of the same type, or is one of the words a longer pattern names ("halted talks": the talks are what was
    halted), is dropped."""
    best: dict[int, Hit] = {}
    for h in hits:
        cur = best.get(h.head)
        if cur is None or _better(h, cur):
            best[h.head] = h
    kept = sorted(best.values(), key=lambda h: (h.start, h.head))
    out = []
    for h in kept:
        inside = any(o.head != h.head and (
            (h.head in o.words and (o.head not in h.words or _better(o, h)))
            or (o.start <= h.head < o.end and (o.end - o.start) > (h.end - h.start)
                and o.entry.plover == h.entry.plover))
            for o in kept)
        if not inside:
            out.append(h)
    return out


def _better(a: Hit, b: Hit) -> bool:
    la, lb = a.end - a.start, b.end - b.start
    if la != lb:
        return la > lb
    return a.entry.order < b.entry.order
