"""Running the event coder on text written in a test (the real stages, or stand-ins while they are missing)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import events_shim as shim

from dyadscope.options import make_options
from dyadscope.pipeline import Analysis, Stage, run
from dyadscope.records import Document, Event, text_id

SCOPE = frozenset({"AZE", "RUS"})
HAPPENED = frozenset({"asserted", "reported"})


@lru_cache(maxsize=1)
def planned() -> tuple[Stage, ...]:
    return shim.planned()


def analyse_text(text: str, published: str | None = None, doc: str = "case.txt", language: str = "en") -> Analysis:
    document = Document(doc=doc, doc_id=text_id(text), text=text, published=published,
                        published_precision="day" if published else None, language=language)
    return run(document, planned(), make_options())


def counts(event: Event) -> bool:
    """Does the event count as having happened in the dyad's scope (the scorer's view)?"""
    return event.modality in HAPPENED and (event.source in SCOPE or event.target in SCOPE)


def matches(event: Event, want: dict[str, Any]) -> bool:
    return all(str(getattr(event, k)) == str(v) if v is not None else getattr(event, k) is None
               for k, v in want.items())
