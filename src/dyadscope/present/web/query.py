"""The query parameters of the event and story pages: parsed and checked once, then applied to a store.

Every page and API route that lists events takes the same filters (``dyad``, ``since``, ``until``, ``issue``,
``plover``, ``quad``, ``modality``, ``doc``, ``offset``, ``limit``). :func:`parse_event_filter` turns the raw
strings of a query into an :class:`EventFilter` or raises :class:`~dyadscope.errors.UsageError` naming the
parameter, the bad value and how to write it (the web app answers 422 with that message). Unknown parameter
names are refused too, so a typo (``?isue=ENERGY``) does not silently list everything.

The store filters on dyad, dates, issue, modality class and document in SQL; ``plover``, ``quad`` and a single
``modality`` are applied here, on the stream.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from urllib.parse import urlencode

from ...annotate.issues import ISSUE_CODES
from ...errors import UsageError
from ...records import HAPPENED, MODALITIES, PLOVER_TYPES, Event, Story
from ...resolve.intervals import interval
from ...store.base import Store, parse_dyad

__all__ = ["EVENT_PARAMS", "MODALITY_CHOICES", "STORY_PARAMS", "EventFilter", "StoryFilter", "flag_param",
           "only_param", "page_events", "page_stories", "parse_event_filter", "parse_story_filter", "query_string",
           "resolve_doc", "select_events"]

#: ``modality`` values: the two classes, then each modality
MODALITY_CHOICES: tuple[str, ...] = ("happened", "all", *MODALITIES)
#: rows per page unless ``limit`` says otherwise, and the most one page may hold
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
EVENT_PARAMS: tuple[str, ...] = ("dyad", "since", "until", "issue", "plover", "quad", "modality", "doc", "offset",
                                 "limit")
STORY_PARAMS: tuple[str, ...] = ("dyad", "plover", "conflict", "min_sources", "offset", "limit")
_DOC_PREFIX = re.compile(r"^[0-9a-f]{8,64}$")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a page lists (``None``: no condition). ``limit`` None means every matching event."""

    dyad: tuple[str, str] | None = None
    since: str | None = None
    until: str | None = None
    issue: str | None = None
    plover: str | None = None
    quad: int | None = None
    modality: str = "happened"
    doc: str | None = None
    offset: int = 0
    limit: int | None = DEFAULT_LIMIT

    @property
    def happened_only(self) -> bool:
        """Whether the store may leave out events that did not happen (the narrowest SQL for the filter)."""
        return self.modality == "happened" or self.modality in HAPPENED

    def keeps(self, event: Event) -> bool:
        """The conditions the store does not apply in SQL."""
        if self.plover is not None and event.plover != self.plover:
            return False
        if self.quad is not None and event.quad != self.quad:
            return False
        return self.modality in ("happened", "all") or event.modality == self.modality

    def params(self, **changes: object) -> dict[str, str]:
        """The non-default parameters as query strings (with ``changes`` applied), for links."""
        out: dict[str, str] = {}
        default = EventFilter()
        for f in fields(self):
            value = changes.get(f.name, getattr(self, f.name))
            if value is None or value == getattr(default, f.name):
                continue
            out[f.name] = "-".join(value) if isinstance(value, tuple) else str(value)
        return out


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """Which stories the story list shows."""

    dyad: tuple[str, str] | None = None
    plover: str | None = None
    conflict: bool = False
    min_sources: int = 1
    offset: int = 0
    limit: int = DEFAULT_LIMIT

    def keeps(self, story: Story) -> bool:
        if self.dyad is not None and {story.source, story.target} != set(self.dyad):
            return False
        if self.plover is not None and story.plover != self.plover:
            return False
        if self.conflict and not story.date_conflict:
            return False
        return story.num_sources >= self.min_sources

    def params(self, **changes: object) -> dict[str, str]:
        out: dict[str, str] = {}
        default = StoryFilter()
        for f in fields(self):
            value = changes.get(f.name, getattr(self, f.name))
            if value is None or value == getattr(default, f.name):
                continue
            out[f.name] = "-".join(value) if isinstance(value, tuple) else str(value).lower() if isinstance(
                value, bool) else str(value)
        return out


def query_string(params: Mapping[str, str]) -> str:
    """``?a=1&b=2`` (empty when there are no parameters)."""
    return "?" + urlencode(params) if params else ""


def _clean(params: Mapping[str, str | None], allowed: tuple[str, ...]) -> dict[str, str]:
    unknown = sorted(k for k in params if k not in allowed)
    if unknown:
        raise UsageError(f"unknown query parameter(s): {', '.join(unknown)}",
                         hint=f"the parameters are {', '.join(allowed)}")
    return {k: v.strip() for k, v in params.items() if v is not None and v.strip()}


def _int(raw: dict[str, str], name: str, default: int | None, low: int, high: int | None = None) -> int | None:
    if name not in raw:
        return default
    value = raw[name]
    if not re.fullmatch(r"[+-]?\d+", value):
        raise UsageError(f"{name}={value!r} is not a whole number", hint=f"write e.g. {name}={max(low, 1)}")
    number = int(value)
    if number < low or (high is not None and number > high):
        span = f"from {low} to {high}" if high is not None else f"{low} or more"
        raise UsageError(f"{name}={value} is out of range", hint=f"give a number {span}")
    return number


def _date(raw: dict[str, str], name: str) -> str | None:
    value = raw.get(name)
    if value is not None and interval(value) is None:
        raise UsageError(f"{name}={value!r} is not a date", hint=f"write it as {name}=1991, 1991-06 or 1991-06-15")
    return value


def _dyad(raw: dict[str, str]) -> tuple[str, str] | None:
    if "dyad" not in raw:
        return None
    try:
        return parse_dyad(raw["dyad"])
    except UsageError as exc:
        raise UsageError(f"dyad={raw['dyad']!r} is not two actor codes", hint="write it as dyad=AZE-RUS") from exc


def _choice(raw: dict[str, str], name: str, choices: tuple[str, ...], *, upper: bool = True) -> str | None:
    if name not in raw:
        return None
    value = raw[name].upper() if upper else raw[name].lower()
    if value not in choices:
        raise UsageError(f"{name}={raw[name]!r} is not known", hint=f"use one of {', '.join(choices)}")
    return value


def parse_event_filter(params: Mapping[str, str | None], *, default_limit: int | None = DEFAULT_LIMIT,
                       extra: tuple[str, ...] = ()) -> EventFilter:
    """An :class:`EventFilter` from query parameters (names in ``EVENT_PARAMS``, plus ``extra`` ones that the
    caller reads itself); empty values count as absent. Raises UsageError on a bad name or value."""
    raw = _clean(params, EVENT_PARAMS + extra)
    since, until = _date(raw, "since"), _date(raw, "until")
    if since and until:
        lo, hi = interval(since), interval(until)
        if lo and hi and lo[0] > hi[1]:
            raise UsageError(f"since={since} is after until={until}", hint="swap them, or leave one out")
    doc = raw.get("doc")
    return EventFilter(
        dyad=_dyad(raw), since=since, until=until, issue=_choice(raw, "issue", ISSUE_CODES),
        plover=_choice(raw, "plover", PLOVER_TYPES), quad=_int(raw, "quad", None, 1, 4),
        modality=_choice(raw, "modality", MODALITY_CHOICES, upper=False) or "happened", doc=doc,
        offset=_int(raw, "offset", 0, 0) or 0, limit=_int(raw, "limit", default_limit, 1, MAX_LIMIT))


def parse_story_filter(params: Mapping[str, str | None]) -> StoryFilter:
    """A :class:`StoryFilter` from query parameters (``STORY_PARAMS``); raises UsageError like the events."""
    raw = _clean(params, STORY_PARAMS)
    conflict = raw.get("conflict", "false").lower()
    if conflict not in ("true", "false", "1", "0", "yes", "no"):
        raise UsageError(f"conflict={raw['conflict']!r} is not true or false", hint="write conflict=true")
    return StoryFilter(dyad=_dyad(raw), plover=_choice(raw, "plover", PLOVER_TYPES),
                       conflict=conflict in ("true", "1", "yes"), min_sources=_int(raw, "min_sources", 1, 1) or 1,
                       offset=_int(raw, "offset", 0, 0) or 0, limit=_int(raw, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
                       or DEFAULT_LIMIT)


def only_param(params: Mapping[str, str], name: str) -> str | None:
    """The one parameter a page takes (None when absent or empty); any other name is refused."""
    unknown = sorted(k for k in params if k != name)
    if unknown:
        raise UsageError(f"unknown query parameter(s): {', '.join(unknown)}", hint=f"this page takes only {name}")
    return (params.get(name) or "").strip() or None


def flag_param(params: Mapping[str, str], name: str) -> bool:
    """A true/false parameter (the only one a page takes); absent is false."""
    value = (only_param(params, name) or "false").lower()
    if value not in ("true", "false", "1", "0", "yes", "no"):
        raise UsageError(f"{name}={value!r} is not true or false", hint=f"write {name}=true")
    return value in ("true", "1", "yes")


def resolve_doc(store: Store, doc: str | None) -> str | None:
    """The doc_id a ``doc`` parameter names: a doc_id (or its first 8+ hex digits) or a file name as stored."""
    if doc is None:
        return None
    infos = store.document_infos(current_only=False)
    for info in infos:
        if doc in (info.doc_id, info.doc):
            return info.doc_id
    if _DOC_PREFIX.match(doc):
        found = [i.doc_id for i in infos if i.doc_id.startswith(doc)]
        if len(found) == 1:
            return found[0]
    raise UsageError(f"doc={doc!r} names no stored document",
                     hint="give a doc_id or a file name as listed on /documents")


def select_events(store: Store, flt: EventFilter, *, doc_id: str | None = None) -> Iterator[Event]:
    """Every event ``flt`` keeps (``offset``/``limit`` not applied), in the store's date order.
    ``doc_id`` is ``flt.doc`` already resolved (see :func:`resolve_doc`)."""
    if flt.doc is not None and doc_id is None:
        doc_id = resolve_doc(store, flt.doc)
    stream = store.events(flt.dyad, flt.since, flt.until, flt.issue, flt.happened_only, doc_id=doc_id)
    return (e for e in stream if flt.keeps(e))


def page_events(store: Store, flt: EventFilter) -> tuple[list[Event], int]:
    """The events of one page and how many match in all.

    When only SQL filters are given the total is a count query and the page is read alone; otherwise the
    matching stream is read to its end to count it.
    """
    doc_id = resolve_doc(store, flt.doc)
    stop = None if flt.limit is None else flt.offset + flt.limit
    stream = select_events(store, flt, doc_id=doc_id)
    if doc_id is None and flt.plover is None and flt.quad is None and flt.modality in ("happened", "all"):
        total = store.count_events(flt.dyad, flt.since, flt.until, flt.issue, flt.happened_only)
        return list(itertools.islice(stream, flt.offset, stop)), total
    items: list[Event] = []
    total = 0
    for event in stream:
        if total >= flt.offset and (stop is None or total < stop):
            items.append(event)
        total += 1
    return items, total


def page_stories(stories: list[Story], flt: StoryFilter) -> tuple[list[Story], int]:
    """The stories of one page (in the order given) and how many match in all."""
    kept = [s for s in stories if flt.keeps(s)]
    return kept[flt.offset:flt.offset + flt.limit], len(kept)
