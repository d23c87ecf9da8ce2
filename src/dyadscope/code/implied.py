"""Implied partners: the other state of the dyad under study, when a sentence names only one side of an act.

"Baku protested." after a sentence about a Russian decision has a target the text leaves implied: Russia. A
passive with no agent ("Two Russian journalists were detained in Baku.") has an implied source. The partner
is the other state of the dyad (``Options.dyad``) when the passage names it: in the sentence itself (another
clause), else in the sentences before it, at most ``reach`` back and ``paragraphs_back`` paragraphs up
(``data/events/roles.yaml``). A sentence that names a third party and not the other state implies nothing:
the act may concern that party.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from ..lexicon import load_yaml
from ..records import Sentence
from .arguments import PASSIVE_KINDS, Arg

ROLES_FILE = "events/roles.yaml"


@dataclass(frozen=True, slots=True)
class Settings:
    reach: int
    paragraphs_back: int
    source_types: frozenset[str]
    noun_types: frozenset[str]
    target_confidence: float
    source_confidence: float


@cache
def settings() -> Settings:
    data = load_yaml(ROLES_FILE)["implied"]
    return Settings(reach=int(data.get("reach", 2)), paragraphs_back=int(data.get("paragraphs_back", 0)),
                    source_types=frozenset(str(t) for t in data.get("source_types", [])),
                    noun_types=frozenset(str(t) for t in data.get("noun_source_types", [])),
                    target_confidence=float(data.get("target_confidence", 0.7)),
                    source_confidence=float(data.get("source_confidence", 0.6)))


def other_state(code: str, dyad: tuple[str, str]) -> str | None:
    """The other state of the dyad, or None when ``code`` is not one of its two."""
    if code == dyad[0]:
        return dyad[1]
    if code == dyad[1]:
        return dyad[0]
    return None


def partner(code: str, sentences: Sequence[Sentence], index: int, args_of: Callable[[int], Sequence[Arg]],
            dyad: tuple[str, str], elsewhere: Callable[[Arg], bool] = lambda a: True,
            together: frozenset[str] = frozenset()) -> Arg | None:
    """The other state of the dyad as the implied partner of ``code`` in sentence ``index``, or None.

    ``elsewhere`` tells whether an actor of the sentence itself stands outside the act's clause (only such
    an actor can be an implied partner: one inside it would have been found as the partner already).
    ``together``: the codes of the actors coordinated with the act's side ("supervised by Russia and the
    United States"), which act with it and are no third party.
    """
    other = other_state(code, dyad)
    if other is None:
        return None
    own = args_of(index)
    here = [a for a in own if a.code == other and a.kind not in PASSIVE_KINDS and elsewhere(a)]
    if here:
        return _implied(here[-1])
    if any(a.code != code and a.code not in together and a.kind not in PASSIVE_KINDS for a in own):
        return None
    s = settings()
    para = sentences[index].paragraph
    paragraphs = 0
    j = index - 1
    while j >= 0 and index - j <= s.reach:
        earlier = args_of(j)
        if sentences[j].paragraph != para and earlier:     # paragraphs naming no actor (headings) are skipped
            paragraphs += 1
            para = sentences[j].paragraph
            if paragraphs > s.paragraphs_back:
                break
        for a in reversed(earlier):
            if a.code == other and a.kind not in PASSIVE_KINDS:
                return _implied(a)
        for a in reversed(earlier):
            if a.kind == "place" and a.located == other:     # "… withdraw from Karabakh. The last units left"
                return _implied(Arg(code=other, text=a.text, start=a.start, end=a.end, kind="state"))
        j -= 1
    return None


def _implied(a: Arg) -> Arg:
    return Arg(code=a.code, text=a.text, start=-1, end=-1, kind=a.kind, person=a.person, detail=a.detail,
               via="implied")


def pair(sentences: Sequence[Sentence], index: int, args_of: Callable[[int], Sequence[Arg]],
         dyad: tuple[str, str]) -> tuple[Arg, Arg] | None:
    """Both states of the dyad as the implied parties of a joint act that names none ("diplomatic relations
    were established in 1992"), in the order the passage first names them, when the sentence names no third
    party and the passage (``reach`` sentences back) names both."""
    own = args_of(index)
    if any(a.code not in dyad and a.kind not in PASSIVE_KINDS for a in own):
        return None
    s = settings()
    named: dict[str, tuple[int, Arg]] = {}
    j = index
    rank = 0
    while j >= 0 and index - j <= s.reach:
        for a in reversed(args_of(j)):
            if a.code in dyad and a.kind not in PASSIVE_KINDS:
                rank += 1
                named[a.code] = (rank, a)            # the last seen going back is the first named
        j -= 1
    if len(named) < 2:
        return None
    first, second = sorted(named.values(), key=lambda x: -x[0])
    return _implied(first[1]), _implied(second[1])
