"""Resolving a rule match to a TIMEX3 value: the handlers named in ``data/time/rules.yaml``.

The handlers live in :mod:`.absolute` (dates written out) and :mod:`.relative` (relative times, durations,
sets, references); importing this module registers them all.
"""

from __future__ import annotations

from . import absolute, relative  # noqa: F401  (registers the handlers)
from .base import HANDLERS, Context, Fields, Resolved

__all__ = ["HANDLERS", "Context", "Resolved", "resolve"]


def resolve(handler_name: str, fields: Fields, ctx: Context) -> Resolved | None:
    """Run the handler a rule names (None when it finds no value); every name is checked by the tests."""
    func = HANDLERS.get(handler_name)
    return func(fields, ctx) if func else None
