"""The ``segment`` stage: sentences of the cleaned text."""

from __future__ import annotations

import dataclasses

from ..options import Options
from ..pipeline import Analysis, stage
from .segment import segment


@stage("segment", requires=("document",), assigns=("sentences",))
def segment_stage(analysis: Analysis, options: Options) -> Analysis:
    doc = analysis.document
    sentences = segment(doc.doc_id, doc.text, doc.language or "en")
    return dataclasses.replace(analysis, sentences=tuple(sentences))
