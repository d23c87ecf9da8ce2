"""Issues of an event: the issues lexicon on the evidence sentence, else on its paragraph."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import lru_cache

from ..pipeline import Analysis
from ..records import Sentence

IssuesFn = Callable[[str], tuple[str, ...]]


@lru_cache(maxsize=1)
def _issues_in() -> IssuesFn | None:
    """``dyadscope.annotate.issues.issues_in`` when the issues lexicon is installed, else None."""
    try:
        module = importlib.import_module("dyadscope.annotate.issues")
    except ModuleNotFoundError as exc:
        if exc.name and "dyadscope.annotate.issues".startswith(exc.name):
            return None
        raise
    fn = getattr(module, "issues_in", None)
    return fn if callable(fn) else None


def issues_of(text: str) -> tuple[str, ...]:
    """Issue codes the issues lexicon finds in ``text`` (none while the lexicon is not installed)."""
    fn = _issues_in()
    return tuple(fn(text)) if fn is not None and text else ()


def paragraph_text(analysis: Analysis, sentence: Sentence) -> str:
    """The text of the sentence's paragraph (first to last sentence with the same paragraph index)."""
    sentences = analysis.sentences
    first = last = sentence.index
    while first > 0 and sentences[first - 1].paragraph == sentence.paragraph:
        first -= 1
    while last + 1 < len(sentences) and sentences[last + 1].paragraph == sentence.paragraph:
        last += 1
    return analysis.document.text[sentences[first].start:sentences[last].end]
