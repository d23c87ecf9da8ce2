"""The ``time`` stage: time expressions of every sentence and the narrative time of each (DESIGN §2, §4).

A document that states no publication date (an essay, a paper without its issue line) still names the years
it speaks of. Its relative expressions ("this year", "last year", "more than 30 years ago") are then resolved
against the latest year it names in a clause that is not a plan or forecast (the future cues of
``data/time/context.yaml``), at year precision — the way a reader dates such a text. The document's own
``published`` stays null: nothing is invented in its metadata, and events are never dated from this estimate
alone (``code.dating`` reads ``Document.published`` for that).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ...options import Options
from ...pipeline import Analysis, stage
from ...records import Sentence, Timex
from .narrative import narrate
from .tagger import future_cue, tag_sentences

#: how a publication date found in a cable's header is marked (dyadscope.ingest.meta_cable)
_REPORT_BASES = ("cable",)


@stage("time", requires=("sentences",), assigns=("timexes", "narrative"))
def time_stage(analysis: Analysis, options: Options) -> Analysis:
    doc = analysis.document
    lang = doc.language or "en"
    published = doc.published
    timexes = tag_sentences(doc.doc_id, doc.text, analysis.sentences, published=published, lang=lang)
    if not published:
        published = latest_year(timexes, analysis.sentences, doc.text)
        if published:
            timexes = _retag(timexes, analysis.sentences, doc.doc_id, doc.text, published, lang)
    report = (doc.published_basis or "").startswith(_REPORT_BASES)   # a cable: one report in paragraphs
    timexes, narrative = narrate(analysis.sentences, timexes, doc.text, lang, published=published,
                                 report=report)
    return dataclasses.replace(analysis, timexes=tuple(timexes), narrative=tuple(narrative))


def _retag(timexes: list[Timex], sentences: Sequence[Sentence], doc_id: str, text: str, published: str,
           lang: str) -> list[Timex]:
    """Tag again, against ``published``, only the sentences whose expressions depend on it (the others keep
    theirs): the cost of a second pass falls on the few sentences that need it."""
    again = {t.sentence for t in timexes if t.kind == "relative"}
    if not again:
        return timexes
    redone = tag_sentences(doc_id, text, [s for s in sentences if s.index in again], published=published, lang=lang)
    kept = [t for t in timexes if t.sentence not in again]
    return sorted(kept + redone, key=lambda t: (t.start, t.end))


def latest_year(timexes: Sequence[Timex], sentences: Sequence[Sentence], text: str) -> str | None:
    """The latest year an absolute expression names in a sentence that speaks of no plan or forecast, or None."""
    years = []
    for t in timexes:
        if t.kind != "absolute" or not t.value[:4].isdigit() or not 0 <= t.sentence < len(sentences):
            continue
        s = sentences[t.sentence]
        if not future_cue(text[s.start:s.end]):
            years.append(int(t.value[:4]))
    return str(max(years)) if years else None
