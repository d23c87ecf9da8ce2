"""The ``time`` stage: time expressions of every sentence and the narrative time of each (DESIGN §2, §4)."""

from __future__ import annotations

import dataclasses

from ...options import Options
from ...pipeline import Analysis, stage
from .narrative import narrate
from .tagger import tag_sentences

#: how a publication date found in a cable's header is marked (dyadscope.ingest.meta_cable)
_REPORT_BASES = ("cable",)


@stage("time", requires=("sentences",), assigns=("timexes", "narrative"))
def time_stage(analysis: Analysis, options: Options) -> Analysis:
    doc = analysis.document
    lang = doc.language or "en"
    timexes = tag_sentences(doc.doc_id, doc.text, analysis.sentences, published=doc.published, lang=lang)
    report = (doc.published_basis or "").startswith(_REPORT_BASES)   # a cable: one report in paragraphs
    timexes, narrative = narrate(analysis.sentences, timexes, doc.text, lang, published=doc.published,
                                 report=report)
    return dataclasses.replace(analysis, timexes=tuple(timexes), narrative=tuple(narrative))
