"""Actor arguments of one sentence: mentions mapped onto tokens, coordination, subject position.

An :class:`Arg` is an actor that can fill the source or target of an event: a mention from the actors
stage (mapped onto the sentence's tokens) or a back-reference resolved by :mod:`.anaphora`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import load_yaml
from ..records import Mention
from .chunks import Chunks, grammar
from .triggers import verb_tags

#: kinds of argument that are never a source: places that stand for a party ("Karabakh"), sites that lie in a
#: state ("Ganja"), describing state words ("Azerbaijani gas")
PASSIVE_KINDS = frozenset({"place", "site", "attribute"})
#: how many modifiers may stand between a preposition and the actor it governs ("to the former Soviet …")
MODIFIERS = 1


@dataclass(frozen=True, slots=True)
class Arg:
    """An actor in a sentence, on token span [start, end)."""

    code: str
    text: str
    start: int
    end: int
    kind: str = "state"
    person: str | None = None
    detail: str | None = None
    via: str = "mention"              # mention | anaphor
    reflexive: bool = False
    antecedent: str | None = None     # for anaphors: the text they were resolved to
    located: str | None = None        # for places: the state the place lies in ("Ganja" -> AZE)


def mention_args(chunks: Chunks, mentions: Sequence[Mention]) -> tuple[Arg, ...]:
    """Mentions with an actor code, mapped onto the tokens they overlap, in reading order."""
    out: list[Arg] = []
    starts, ends = chunks.starts, chunks.ends
    owned = attribute_owned()
    for m in mentions:
        kind = m.kind or "state"
        code, located = m.actor, None
        if not code and kind == "place":
            code, located = place_state(m.entry_id)
            if not code:                           # a place that stands for no party: a site in its state
                code, kind = located, "site"
        i = bisect_right(ends, m.start)            # first token ending after the mention starts
        j = bisect_left(starts, m.end)             # first token starting at or after the mention's end
        if not code and m.rule.endswith(":attribute") and j < len(chunks.words) and chunks.words[j] in owned:
            code, kind = place_state(m.entry_id)[0], "attribute"     # "Azerbaijani gas": whose gas
        if not code or i >= j:
            continue
        if kind == "place" and _governed_by_head(chunks.words, i):
            kind = "body"                          # "the leaders of Dagestan": the region's authorities
        out.append(Arg(code=code, text=m.text, start=i, end=j, kind=kind, person=m.person,
                       detail=m.detail, located=located))
    out.sort(key=lambda a: (a.start, -a.end))
    merged: list[Arg] = []
    for a in out:                                  # nested mentions ("Russian" inside "Russian army"): keep outer
        if merged and a.start >= merged[-1].start and a.end <= merged[-1].end:
            prev = merged[-1]
            if prev.person is None and a.person is not None and a.code == prev.code:
                merged[-1] = Arg(code=prev.code, text=prev.text, start=prev.start, end=prev.end,
                                 kind=a.kind, person=a.person, detail=prev.detail or a.detail)
            continue
        merged.append(a)
    return tuple(merged)


def _governed_by_head(words: tuple[str, ...], i: int) -> bool:
    """Is token ``i`` preceded by "<head> of (the)" with a head of ``place_heads`` ("the leaders of …")?"""
    k = i - 1
    if k >= 0 and words[k] == "the":
        k -= 1
    return k >= 1 and words[k] == "of" and words[k - 1] in place_heads()


@lru_cache(maxsize=1)
def place_heads() -> frozenset[str]:
    """Heads through which a region acts ("the leaders of Dagestan"; data/events/roles.yaml)."""
    return frozenset(str(w).lower() for w in load_yaml("events/roles.yaml").get("place_heads", []))


@lru_cache(maxsize=1)
def attribute_owned() -> frozenset[str]:
    """Words after which a describing state word names the owner ("Azerbaijani gas"; data/events/roles.yaml)."""
    return frozenset(str(w).lower() for w in load_yaml("events/roles.yaml").get("attribute_owned", []))


@lru_cache(maxsize=4096)
def place_state(entry_id: str) -> tuple[str | None, str | None]:
    """(party, located) of a place: the party it stands for as the target of a conflict act ("Karabakh" ->
    ARM, "Chechnya" -> RUS; None for "Ganja") and the state it lies in ("Karabakh" -> AZE, "Ganja" -> AZE,
    "Novorossiysk" -> RUS; data/actors/places.yaml); for a describing state word ("Azerbaijani" in
    "Azerbaijani gas") its state and None."""
    from ..annotate.actors.api import state_of
    from ..annotate.actors.dictionary import dictionary

    if not entry_id:
        return None, None
    entry = dictionary().entries.get(entry_id)
    return state_of(entry_id), (entry.located if entry is not None else None)


def in_prepositional_phrase(chunks: Chunks, arg: Arg, allow: frozenset[str] = frozenset()) -> str | None:
    """The preposition governing ``arg`` ("in Baku", "to the Armenian side", "of Russian weaponry"), or None.

    Walks left over determiners and up to two modifiers; stops at punctuation and verbs.
    """
    g = grammar()
    words = chunks.words
    j = arg.start - 1
    skipped = 0
    while j >= 0:
        w = words[j]
        if j in chunks.timex or j in chunks.actors:
            return None                   # "In 2008 Moscow signed", "In Moscow Putin said": that closes the phrase
        if w in g.approximators and j + 1 < len(words) and words[j + 1][:1].isdigit():
            j -= 1                        # "about 2,000 Russian peacekeepers": a number's qualifier
            continue
        if w in g.prepositions:
            if w == "of" and j > 0 and words[j - 1] in g.of_heads and "of" not in allow:
                return None               # "the presidents of Azerbaijan …": the actor stands for the head
            if w in g.subordinators and (j == 0 or chunks.clause[j - 1] != chunks.clause[j]):
                return None               # "after Elchibey agreed": the word opens a clause, not a phrase
            return None if w in allow else w
        if w in g.determiners or w[:1].isdigit():
            j -= 1
            continue
        if not w[:1].isalpha() or w in g.auxiliaries or verb_tags(w) or skipped >= MODIFIERS:
            return None
        skipped += 1
        j -= 1
    return None


def preposition_before(chunks: Chunks, arg: Arg) -> str | None:
    """The preposition right before ``arg`` (over determiners and modifiers), "of" included."""
    g = grammar()
    words = chunks.words
    j = arg.start - 1
    skipped = 0
    while j >= 0:
        w = words[j]
        if w in g.approximators and j + 1 < len(words) and words[j + 1][:1].isdigit():
            j -= 1
            continue
        if w in g.prepositions:
            return w
        if w in g.determiners or w[:1].isdigit():
            j -= 1
            continue
        if not w[:1].isalpha() or w in g.auxiliaries or verb_tags(w) or skipped >= 2:
            return None
        skipped += 1
        j -= 1
    return None


def coordinated(chunks: Chunks, args: Sequence[Arg], arg: Arg) -> list[Arg]:
    """``arg`` and the actors coordinated with it ("Russia and Iran", "Azerbaijan, Georgia and Ukraine",
    "Azerbaijan-Russia"), in reading order."""
    g = grammar()
    words = chunks.words
    idx = next((k for k, a in enumerate(args) if a is arg), None)
    if idx is None:
        return [arg]

    def joined(a: Arg, b: Arg) -> bool:
        if a.code == b.code and a.person == b.person:
            return False
        if a.start >= 0 and b.start >= 0 and chunks.clause[a.start] != chunks.clause[b.start]:
            return False                          # "… South Ossetia, which Moscow …": two clauses
        if b.start < a.end:                       # two mentions inside one token ("Azerbaijan-Russia")
            return True
        gap = words[a.end:b.start]
        if not gap:
            return chunks.starts[b.start] - chunks.ends[a.end - 1] <= 1 and \
                chunks.text[chunks.ends[a.end - 1] - chunks.offset:chunks.starts[b.start] - chunks.offset] in ("-", "–", "")
        text = " ".join(gap)
        if text == ",":                           # "A, B and C": a comma joins only inside such a list
            if g.list_kinds.get(a.kind, a.kind) != g.list_kinds.get(b.kind, b.kind):
                return False                      # "… of Ukraine, Aliyev and Putin signed": not one list
            nxt = words[b.end] if b.end < len(words) else ""
            return nxt in (",", "and", "or") or (a.start > 0 and words[a.start - 1] == ",")
        if text in g.list_joiners or text in ("-", "–", "/"):
            return True
        rest = [w for w in gap if w not in g.determiners]
        if len(rest) > 1 and rest[0] == ",":      # "Azerbaijan, together with Georgia and Uzbekistan, …"
            rest = rest[1:]
        return bool(rest) and " ".join(rest) in g.list_joiners

    group = [arg]
    k = idx
    while k > 0 and joined(args[k - 1], args[k]):
        group.insert(0, args[k - 1])
        k -= 1
    k = idx
    while k + 1 < len(args) and joined(args[k], args[k + 1]):
        group.append(args[k + 1])
        k += 1
    return group
