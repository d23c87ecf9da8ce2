"""Back-references: "it", "its", "the country", "they", "he", "both countries" → an earlier actor.

The words and what they may refer to are in ``data/events/anaphora.yaml``. A back-reference resolves to the
nearest fitting actor before it in its own sentence, preferring actors in subject position; failing that,
to the subject (the first fitting actor not inside a prepositional phrase) of the closest earlier sentence
of the same paragraph, at most ``window`` sentences back. "Both countries" resolves to the last two
distinct states. An expletive "it" ("it is clear that …") refers to nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..lexicon import load_entries, load_yaml
from .arguments import Arg, coordinated, in_prepositional_phrase
from .chunks import Chunks, tokenize

ANAPHORA_FILE = "events/anaphora.yaml"


@dataclass(frozen=True, slots=True)
class Anaphor:
    id: str
    words: tuple[tuple[str, ...], ...]
    kinds: frozenset[str]
    reflexive: bool
    plural: bool
    pair: bool
    object: bool
    not_after: frozenset[str]
    expletive_next: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class SentenceArgs:
    """The actors of one earlier sentence, as the resolver sees them."""

    chunks: Chunks
    args: tuple[Arg, ...]


@dataclass(frozen=True, slots=True)
class _Index:
    rules: tuple[Anaphor, ...]
    single: dict[str, Anaphor]                                      # one-word back-references
    multi: dict[tuple[str, str], tuple[tuple[tuple[str, ...], Anaphor], ...]]   # by their first two words
    window: int


@cache
def _anaphors() -> _Index:
    rules = []
    for e in load_entries(ANAPHORA_FILE, required=("words", "kinds")):
        rules.append(Anaphor(
            id=str(e["id"]), words=tuple(tokenize(str(w))[0] for w in e["words"]),   # as sentences are cut
            kinds=frozenset(str(k) for k in e["kinds"]), reflexive=bool(e.get("reflexive", False)),
            plural=bool(e.get("plural", False)), pair=bool(e.get("pair", False)),
            object=bool(e.get("object", False)),
            not_after=frozenset(str(w).lower() for w in e.get("not_after", [])),
            expletive_next=tuple(tuple(str(w).lower().split()) for w in e.get("expletive_next", [])),
        ))
    single: dict[str, Anaphor] = {}
    multi: dict[tuple[str, str], list[tuple[tuple[str, ...], Anaphor]]] = {}
    for r in rules:
        for seq in r.words:
            if len(seq) == 1:
                single[seq[0]] = r
            else:
                multi.setdefault((seq[0], seq[1]), []).append((seq, r))
    for lst in multi.values():
        lst.sort(key=lambda x: -len(x[0]))
    window = int(load_yaml(ANAPHORA_FILE).get("window", 3))
    return _Index(tuple(rules), single, {k: tuple(v) for k, v in multi.items()}, window)


def window() -> int:
    """How many sentences back a back-reference may reach."""
    return _anaphors().window


def _starts_with(words: tuple[str, ...], i: int, seq: tuple[str, ...]) -> bool:
    return tuple(words[i:i + len(seq)]) == seq


def _expletive(words: tuple[str, ...], end: int, rule: Anaphor) -> bool:
    return any(_starts_with(words, end, nxt) for nxt in rule.expletive_next)


def find(chunks: Chunks, covered: Sequence[Arg]) -> list[tuple[int, int, Anaphor]]:
    """Back-reference spans (start, end, rule) in the sentence, skipping tokens inside actor mentions."""
    index = _anaphors()
    taken: set[int] = set()
    for a in covered:
        taken.update(range(a.start, a.end))
    out = []
    words = chunks.words
    n = len(words)
    i = 0
    while i < n:
        w = words[i]
        hit = None
        if i not in taken:
            for seq, rule in index.multi.get((w, words[i + 1]) if i + 1 < n else ("", ""), ()):
                if _starts_with(words, i, seq) and not any(k in taken for k in range(i, i + len(seq))):
                    hit = (i, i + len(seq), rule)
                    break
            if hit is None and w in index.single:
                rule = index.single[w]
                if not (w == "it" and _expletive(words, i + 1, rule)) and not (i > 0 and words[i - 1] in rule.not_after):
                    hit = (i, i + 1, rule)
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def _fits(arg: Arg, rule: Anaphor) -> bool:
    return arg.kind in rule.kinds


def _subjects(sentence: SentenceArgs, rule: Anaphor) -> list[Arg]:
    fitting = [a for a in sentence.args if _fits(a, rule)]
    free = [a for a in fitting if in_prepositional_phrase(sentence.chunks, a) is None]
    return free or fitting


def resolve(chunks: Chunks, start: int, end: int, rule: Anaphor, before: Sequence[Arg],
            earlier: Sequence[SentenceArgs], prefer: tuple[str, str] | None = None) -> tuple[Arg, ...]:
    """The actor(s) the back-reference on tokens [start, end) refers to; () when none fits.

    ``before``: actors earlier in the same sentence; ``earlier``: the earlier sentences of the paragraph,
    closest first; ``prefer``: the dyad under study, which "the two countries" means when both are named.
    """
    text = chunks.surface(start, end)

    def as_anaphor(src: Arg) -> Arg:
        return Arg(code=src.code, text=text, start=start, end=end, kind=src.kind, person=src.person,
                   detail=src.detail, via="anaphor", reflexive=rule.reflexive,
                   antecedent=src.antecedent or src.text)

    if rule.pair:
        # the last two states named, in the order they were first named in the passage read
        seen: list[Arg] = []
        first: dict[str, int] = {}
        pools = [list(reversed([a for a in before if _fits(a, rule)]))]
        pools += [list(reversed([a for a in s.args if _fits(a, rule)])) for s in earlier]
        rank = 0
        named: dict[str, Arg] = {}
        for pool in pools:
            for a in pool:
                rank += 1
                first[a.code] = rank
                named.setdefault(a.code, a)
                if len(seen) < 2 and all(a.code != b.code for b in seen):
                    seen.append(a)
        if prefer is not None and all(code in named for code in prefer):
            seen = [named[code] for code in prefer]
        if len(seen) < 2:
            return ()
        seen.sort(key=lambda a: -first[a.code])
        return tuple(as_anaphor(a) for a in seen)
    here = [a for a in before if _fits(a, rule) and a.end <= start]
    if rule.object and not rule.plural:
        # "Putin apologised to him": an object pronoun is never the subject of its own clause (that would be
        # "himself"); the subject is the clause's first actor outside a prepositional phrase
        subject = next((a for a in before if chunks.clause[a.start] == chunks.clause[start]
                        and in_prepositional_phrase(chunks, a) is None), None)
        here = [a for a in here if a is not subject]
    if here and rule.object:              # "asking him": the nearest actor before, whatever its position
        if rule.plural:
            return tuple(as_anaphor(a) for a in coordinated(chunks, before, here[-1]))
        return (as_anaphor(here[-1]),)
    if here:
        free = [a for a in here if in_prepositional_phrase(chunks, a) is None]
        pick = (free or here)[-1] if not rule.reflexive else here[-1]
        if not rule.reflexive and len(free) > 1 and chunks.kinds[chunks.clause[start]] == "sub" and \
                chunks.clause[free[0].start] != chunks.clause[start]:
            pick = free[0]                # "X told Y that his talks …": the speaker, the main clause's subject
        if rule.plural and free:
            return tuple(as_anaphor(a) for a in coordinated(chunks, before, pick))
        if rule.reflexive or free:
            return (as_anaphor(pick),)
    if rule.reflexive:
        return ()
    for s in earlier:
        subs = _subjects(s, rule)
        if subs:
            if rule.plural:                # "They" after "Russia and Iran …": both
                return tuple(as_anaphor(a) for a in coordinated(s.chunks, s.args, subs[0]))
            return (as_anaphor(subs[0]),)
    if here:
        if rule.plural:
            return tuple(as_anaphor(a) for a in coordinated(chunks, before, here[-1]))
        return (as_anaphor(here[-1]),)
    return ()
