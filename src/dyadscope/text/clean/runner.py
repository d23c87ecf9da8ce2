"""The cleaner: a fixed sequence of named steps, each a pure function from text to text plus explanation.

Order matters and is checked by the tests: characters first, then what is bound to printed pages
(running headers), then whole lines that are page furniture (widgets; notes; front and back matter),
then marks inside lines (footnote numbers), then the paragraphs themselves, and last the repairs that
need whole paragraphs (repeats, drop caps, spacing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ...errors import UsageError
from ...options import Options
from ...records import Removal
from .base import StepContext, StepResult
from .cable import remove_cable_furniture, remove_paragraph_marks
from .chrome import remove_chrome, remove_front_back_matter
from .encyclopedia import remove_encyclopedia_furniture
from .footnotes import remove_footnote_markers
from .headers import remove_running_headers
from .markup import strip_markup
from .notes import separate_notes
from .paragraphs import rebuild_paragraphs
from .repairs import remove_wire_datelines, repair_drop_caps, repair_spacing
from .repeats import remove_repeats
from .unicode import normalise_unicode

StepFunc = Callable[[str, StepContext], StepResult]
FORMATS = ("txt", "md", "html", "pdf", "docx")


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    func: StepFunc
    doc: str


STEPS: tuple[Step, ...] = (
    Step("unicode", normalise_unicode, "line ends, odd spaces, invisible characters, ligatures, NFC"),
    Step("markup", strip_markup, "Markdown marks out of Markdown sources, their text kept"),
    Step("cable", remove_cable_furniture, "a diplomatic cable's header, page marks, trailer and paragraph marks"),
    Step("running_headers", remove_running_headers, "page headers, footers and page numbers"),
    Step("encyclopedia", remove_encyclopedia_furniture,
         "an encyclopedia page's site lines, contents and infobox; closing sections -> notes"),
    Step("chrome", remove_chrome, "widget lines anywhere: ratings, shares, polls, counters, sign-ups"),
    Step("notes", separate_notes, "reference lists, inline footnote texts, author notes -> notes"),
    Step("front_back_matter", remove_front_back_matter, "bylines, datelines, labels, menus, boilerplate"),
    Step("footnote_markers", remove_footnote_markers, "note numbers glued to words"),
    Step("paragraphs", rebuild_paragraphs, "printed lines joined into paragraphs, hyphenation resolved"),
    Step("cable_marks", remove_paragraph_marks, "a cable paragraph's number and classification mark (\"1. (C)\")"),
    Step("repeats", remove_repeats, "repeated paragraphs, lead sentences and pull quotes"),
    Step("datelines", remove_wire_datelines, "wire datelines opening a paragraph (\"BAKU, May 2 (Agency) --\")"),
    Step("drop_caps", repair_drop_caps, "a lost drop cap put back"),
    Step("spacing", repair_spacing, "missing spaces, space runs, blank lines"),
)
STEP_NAMES: tuple[str, ...] = tuple(s.name for s in STEPS)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Cleaned body text and everything the cleaner did to get it."""

    text: str                       # cleaned body text, paragraphs separated by one blank line ("\n\n")
    removed: tuple[Removal, ...]    # every change, in step order; offsets refer to that step's input
    warnings: tuple[str, ...]
    notes: str | None               # end-notes / reference list separated from the body


@dataclass(frozen=True, slots=True)
class Trace:
    """One step's input and result (for auditing: replaying ``result.removed`` on ``before``)."""

    step: str
    before: str
    result: StepResult


def _skipped(options: Options | None) -> frozenset[str]:
    if options is None:
        return frozenset()
    conf = options.extra.get("clean", {}) if isinstance(options.extra, dict) else {}
    skip = frozenset(conf.get("skip", ())) if isinstance(conf, dict) else frozenset()
    unknown = sorted(skip - set(STEP_NAMES))
    if unknown:
        raise UsageError(f"unknown cleaning step(s) to skip: {', '.join(unknown)}",
                         hint=f"known steps: {', '.join(STEP_NAMES)}")
    return skip


def _start_text(raw: str, pages: Sequence[str] | None) -> str:
    """The text the first step sees: the pages joined by a line end and a form feed when a loader gives pages."""
    if pages:
        return "\n\f".join(pages)
    return raw


def _run(raw: str, fmt: str, pages: Sequence[str] | None, options: Options | None) -> Iterator[Trace]:
    if fmt not in FORMATS:
        raise UsageError(f"unknown source format {fmt!r} for cleaning", hint=f"use one of {', '.join(FORMATS)}")
    ctx = StepContext(fmt=fmt, options=options)
    skip = _skipped(options)
    text = _start_text(raw, pages)
    for step in STEPS:
        if step.name in skip:
            continue
        result = step.func(text, ctx)
        yield Trace(step.name, text, result)
        text = result.text


def trace(raw: str, *, fmt: str = "txt", pages: Sequence[str] | None = None,
          options: Options | None = None) -> list[Trace]:
    """Run every step and keep each one's input and result (for audits and tests)."""
    return list(_run(raw, fmt, pages, options))


def clean(raw: str, *, fmt: str = "txt", pages: Sequence[str] | None = None,
          options: Options | None = None) -> Cleaned:
    """Clean decoded text extracted from a file.

    ``fmt`` is the source format (txt, md, html, pdf, docx). ``pages`` (PDFs) is the text of each page;
    when given, the steps see the pages joined by a line end and a form feed and ``raw`` is not used, so
    the offsets of the first step's removals refer to ``"\\n\\f".join(pages)``. Steps can be skipped with
    ``options.extra["clean"]["skip"] = [step names]``.
    """
    removed: list[Removal] = []
    warnings: list[str] = []
    notes: list[str] = []
    text = _start_text(raw, pages)
    for t in _run(raw, fmt, pages, options):
        removed.extend(t.result.removed)
        warnings.extend(t.result.warnings)
        notes.extend(t.result.notes)
        text = t.result.text
    return Cleaned(text=text, removed=tuple(removed), warnings=tuple(warnings),
                   notes="\n".join(notes) if notes else None)
