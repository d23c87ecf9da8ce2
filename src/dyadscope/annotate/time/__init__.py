"""Time expressions and the narrative time of every sentence (DESIGN §2 Timex, §4).

Public interface:

- :func:`tag` — time expressions of any text, normalised against a publication date;
- :func:`tag_sentences` — the same over a document's sentences;
- :func:`narrative_times` — the time each sentence talks about (explicit, carried or none);
- :func:`narrate` — the same, and the expressions with the dates the narrative gives them (the ``time`` stage);
- the ``time`` stage (:mod:`dyadscope.annotate.time.stage`) fills ``Analysis.timexes`` and ``Analysis.narrative``.
"""

from .narrative import narrate, narrative_times
from .tagger import tag, tag_sentences

__all__ = ["narrate", "narrative_times", "tag", "tag_sentences"]
