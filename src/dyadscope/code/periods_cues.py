"""The cue words of the periodisation finder (:mod:`dyadscope.code.periods`), compiled once from
``data/periods/cues.yaml`` (and the leaders' accession patterns of ``data/facts/happenings.yaml``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..lexicon import load_entries, load_yaml, words_pattern

__all__ = ["DATA", "Cues", "cues"]

DATA = "periods/cues.yaml"


@dataclass(frozen=True, slots=True)
class Cues:
    """Compiled cues; see the comments of ``data/periods/cues.yaml`` for what each one means."""

    announce: re.Pattern[str]
    mention: re.Pattern[str]
    named: re.Pattern[str]
    back_ref: re.Pattern[str]
    generic: re.Pattern[str]
    range_lead: re.Pattern[str]
    begins_with_event: re.Pattern[str]
    stage_closed: re.Pattern[str]
    named_span: re.Pattern[str]
    heading: re.Pattern[str]
    ellipsis: re.Pattern[str]
    cardinals: dict[str, int]
    begin_or_span: re.Pattern[str]
    anaphora: re.Pattern[str]
    ongoing: re.Pattern[str]
    attribution: re.Pattern[str]
    own_voice: re.Pattern[str]
    leader: re.Pattern[str]
    start_link: re.Pattern[str]
    end_link: re.Pattern[str]
    end_verb: re.Pattern[str]
    range_link: re.Pattern[str]
    gist: re.Pattern[str]
    relationship: re.Pattern[str]
    policy: re.Pattern[str]
    ignore: re.Pattern[str]
    counts: dict[str, int]
    ordinals: dict[str, int]
    accession: tuple[str, ...]
    apposition: re.Pattern[str]
    counted_noun: re.Pattern[str]
    closes_object: re.Pattern[str]
    prose_member: re.Pattern[str]
    prose_link: re.Pattern[str]
    heading_words: int
    heading_open: re.Pattern[str]
    heading_not: re.Pattern[str]
    glued_heading: re.Pattern[str]
    loose_stages: tuple[re.Pattern[str], ...]
    numbered: re.Pattern[str]
    heading_trail: re.Pattern[str]
    heading_lead: re.Pattern[str]
    heading_post: re.Pattern[str]
    prose_member_definite: re.Pattern[str]
    announce_verb: re.Pattern[str]
    nouns: frozenset[str]


@cache
def cues() -> Cues:
    d: dict[str, Any] = load_yaml(DATA)
    nouns = words_pattern(d["nouns"], boundary=False)
    nouns_pl = words_pattern(d["plural_nouns"], boundary=False)
    fills = {
        "noun": nouns, "nouns": nouns_pl,
        "count": words_pattern(map(str, d["counts"]), boundary=False),
        "announce": words_pattern(d["announce"], boundary=False),
        "ordinal": words_pattern(map(str, d["ordinals"]), boundary=False),
        "begin": words_pattern(d["begin"], boundary=False),
        "end_verb": words_pattern(d["end_verbs"], boundary=False),
    }

    def rx(source: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        for key, value in fills.items():
            source = source.replace("{" + key + "}", value)
        return re.compile(source, flags)

    def ends_with(words: Sequence[str]) -> re.Pattern[str]:
        return re.compile(rf"(?:^|\W)(?:{words_pattern(words, boundary=False)})\s*(?:the\s+|a\s+|an\s+)?(?:year\s+)?$",
                          re.IGNORECASE)

    fill_words = words_pattern(d["fillers"], boundary=False)
    announce = (rf"\b(?:{fills['announce']})\b[^.;:]{{0,90}}?(?:\b(?:{words_pattern(d['announce_links'], boundary=False)})"
                rf"\s+)?(?:the\s+following\s+|its\s+)?(?:\b(?P<count>{fills['count']})\s+)?(?:[\w-]+\s+){{0,2}}?"
                rf"(?P<noun>{nouns_pl})\b")
    mention = (rf"\b(?:(?P<det>{words_pattern(d['back_references'], boundary=False)}|the|a|an|its|their)\s+)?"
               rf"(?P<ord>{fills['ordinal']})\s+(?:(?:{fill_words}|[\w-]+ly)\s+){{0,2}}(?P<noun>{nouns})\b")
    accession = tuple(p for e in load_entries("facts/happenings.yaml") if e["id"].endswith(":took_office")
                      for p in e["patterns"])
    return Cues(
        announce=re.compile(announce, re.IGNORECASE),
        mention=re.compile(mention, re.IGNORECASE),
        named=re.compile(rf"\bthe\s+(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){{0,2}})\s+(?P<noun>{nouns})\b"),
        back_ref=re.compile(rf"\b(?:{words_pattern(d['back_references'], boundary=False)})\s+"
                            rf"(?:(?:{fill_words})\s+){{0,2}}(?:{nouns})\b", re.IGNORECASE),
        generic=rx(d["generic"]),
        range_lead=rx(d["range_lead"]),
        begins_with_event=rx(d["begins_with_event"]),
        stage_closed=rx(d["stage_closed"]),
        named_span=rx(d["named_span"]),
        heading=re.compile(d["heading"].replace("{noun}", nouns).replace(
            "{cardinal}", words_pattern([*map(str, d["cardinals"]), *map(str, d["ordinals"])], boundary=False)),
            re.IGNORECASE),
        ellipsis=rx(d["ellipsis"]),
        cardinals={str(k).lower(): int(v) for k, v in d["cardinals"].items()},
        begin_or_span=re.compile(words_pattern([*d["begin"], *d["span"]]), re.IGNORECASE),
        anaphora=re.compile(d["anaphora"], re.IGNORECASE),
        ongoing=re.compile(d["ongoing"], re.IGNORECASE),
        attribution=re.compile(d["attribution"]),
        own_voice=re.compile(d["own_voice"], re.IGNORECASE),
        leader=re.compile(d["leader"], re.IGNORECASE),
        start_link=ends_with(d["start_links"]),
        end_link=ends_with(d["end_links"]),
        end_verb=re.compile(words_pattern(d["end_verbs"]), re.IGNORECASE),
        range_link=re.compile(rf"^\s*\(?\s*(?:{words_pattern(d['range_links'], boundary=False)})\s*(?:the\s+)?$", re.IGNORECASE),
        gist=re.compile(words_pattern(d["gist_cues"]), re.IGNORECASE),
        relationship=re.compile(words_pattern(d["relationship_heads"]), re.IGNORECASE),
        policy=re.compile(words_pattern(d["policy_heads"]), re.IGNORECASE),
        ignore=re.compile(words_pattern(d["ignore_heads"]), re.IGNORECASE),
        counts={str(k).lower(): int(v) for k, v in d["counts"].items()},
        ordinals={str(k).lower(): int(v) for k, v in d["ordinals"].items()},
        accession=accession,
        apposition=rx(d["apposition"]),
        counted_noun=rx(d["counted_noun"]),
        closes_object=rx(d["closes_object"]),
        prose_member=rx(d["prose_member"]),
        prose_link=re.compile(words_pattern(d["prose_links"]), re.IGNORECASE),
        heading_words=int(d["heading_words"]),
        heading_open=rx(d["heading_open"]),
        heading_not=rx(d["heading_not"]),
        glued_heading=rx(d["glued_heading"]),
        loose_stages=tuple(rx(p) for p in d["loose_stages"]),
        numbered=rx(d["numbered"]),
        heading_trail=rx(d["heading_trail"]),
        heading_lead=rx(d["heading_lead"]),
        heading_post=rx(d["heading_post"]),
        prose_member_definite=rx(d["prose_member_definite"]),
        announce_verb=re.compile(words_pattern(d["announce"]), re.IGNORECASE),
        nouns=frozenset(str(w).lower() for w in (*d["nouns"], *d["plural_nouns"])),
    )
