"""What other stages call: mentions in any text, facts about an actor code, the state behind a code."""

from __future__ import annotations

from functools import cache
from typing import Any

from ...records import Mention
from .dates import when_interval
from .dictionary import dictionary
from .matcher import RULESET, Found, find

#: mention kinds that can be the source or target of an event
ACTING_KINDS = frozenset({"state", "capital", "adjective", "people", "org", "body", "company", "person", "role"})


def to_mention(f: Found, text: str, *, doc_id: str = "", sentence: int = -1, offset: int = 0) -> Mention:
    """The record of a found mention; ``offset`` is where ``text`` starts in the document."""
    return Mention(doc_id=doc_id, sentence=sentence, start=offset + f.char_start, end=offset + f.char_end,
                   text=text[f.char_start:f.char_end], actor=f.actor, entry_id=f.entry_id, person=f.person,
                   detail=f.detail, kind=f.kind, rule=f.rule, office=f.office)


def actors_in(text: str, *, when: str | None = None, lang: str = "en") -> list[Mention]:
    """Actor mentions in ``text`` (one sentence or a short passage), sorted by start.

    ``when`` (ISO date of any precision: "2003", "1995-06") resolves roles and ambiguous surnames ("the
    Russian president", "Aliyev"). The mentions have doc_id "" and sentence -1; offsets are into ``text``.
    """
    found = find(text, when_interval(when) if when else None, lang)
    return [to_mention(f, text) for f in found]


def can_act(mention: Mention) -> bool:
    """Can this mention be the source or target of an event? False for places, for state words that only
    describe ("Russian speakers", "pro-Russian", "Russian territory") and for mentions with no actor code."""
    return bool(mention.actor) and mention.kind in ACTING_KINDS and not mention.rule.endswith(":attribute")


@cache
def _info(code: str) -> dict[str, Any] | None:
    dic = dictionary()
    eid = dic.codes.get(code)
    if eid is None:
        return None
    entry = dic.entries[eid]
    is_state = entry.kind == "state" and (entry.actor == code) and code.isalpha() and len(code) == 3 \
        and entry.entry_id.split(":", 1)[1] == code
    return {"code": code, "name": entry.name, "kind": entry.kind, "is_state": is_state, "entry_id": eid,
            "source": entry.source}


def actor_info(code: str) -> dict[str, Any]:
    """``{"code", "name", "kind", "is_state", "entry_id", "source"}`` for an actor code ("RUS", "NATO",
    "ABK"); an unknown code gives name None, kind "unknown" and is_state False."""
    info = _info(code)
    if info is None:
        return {"code": code, "name": None, "kind": "unknown", "is_state": False, "entry_id": None, "source": None}
    return dict(info)


def state_of(code: str | None) -> str | None:
    """The state a code stands for: a state code itself ("RUS", also "ABK"/"OSS"), the state of a detail code
    ("RUSMIL" -> "RUS", "NKR" -> "ARM", "SUN" -> "RUS"), of an entry id ("actors/persons_ru:putin_vladimir" -> "RUS",
    "actors/companies:lukoil" -> "RUS"); None for organisations and unknown codes."""
    if not code:
        return None
    dic = dictionary()
    if ":" in code:
        entry = dic.entries.get(code)
        return state_of(entry.actor) if entry and entry.actor else None
    info = _info(code)
    if info is not None and info["is_state"]:
        return code
    if code in dic.scopes:
        actor = dic.scopes[code][0]
        if actor and actor != code:
            return state_of(actor)
    if len(code) > 3:
        head = _info(code[:3])
        if head is not None and head["is_state"]:
            return code[:3]
    return None


__all__ = ["ACTING_KINDS", "RULESET", "actor_info", "actors_in", "can_act", "state_of", "to_mention"]
