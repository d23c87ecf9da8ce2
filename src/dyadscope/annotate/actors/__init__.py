"""Actor mentions (stage ``actors``): states, organisations, bodies, companies and persons, with roles
resolved by date.

The dictionaries are data (``dyadscope/data/actors/``); :mod:`.dictionary` is their one loader,
:mod:`.matcher` finds mentions (rule set ``actors.v1``), :mod:`.roles` resolves "the Russian president" or
"Aliyev" by the time a sentence talks about.

Each :class:`~dyadscope.records.Mention` carries ``actor`` (the code it stands for: "RUS", "NATO"; None for
places and for state words that only describe), ``kind`` (state, capital, adjective, people, org, body,
company, person, role, place), ``detail`` (e.g. "RUSMIL", "NKR", "SUN"), ``person`` (canonical name when a
person is named or a role resolves), ``office`` and ``rule`` (``"actors.v1:<rule>"``).
"""

from __future__ import annotations

import dataclasses

from ...options import Options
from ...pipeline import Analysis, stage
from ...records import Mention
from .api import ACTING_KINDS, actor_info, actors_in, can_act, state_of, to_mention
from .context import document_mentions
from .dates import when_interval
from .matcher import RULESET, find
from .roles import resolve_role


def mentions_of(analysis: Analysis) -> tuple[Mention, ...]:
    """Mentions in every sentence of ``analysis``, each resolved by its sentence's narrative time (when the
    time stage ran) or else the publication date."""
    doc = analysis.document
    narrative = {n.sentence: n for n in analysis.narrative}
    published = when_interval(doc.published) if doc.published else None
    lang = (doc.language or "en").split("-")[0]
    out: list[Mention] = []
    for s in analysis.sentences:
        nt = narrative.get(s.index)
        when = when_interval(nt.date_start, nt.date_end) if nt is not None and nt.date_start else None
        for f in find(s.text, when or published, lang):
            out.append(to_mention(f, s.text, doc_id=s.doc_id, sentence=s.index, offset=s.start))
    out.extend(document_mentions(doc, analysis.sentences, out))
    out.sort(key=lambda m: (m.start, -m.end))
    return tuple(out)


@stage("actors", requires=("sentences",), assigns=("mentions",))
def actors_stage(analysis: Analysis, options: Options) -> Analysis:
    return dataclasses.replace(analysis, mentions=mentions_of(analysis))


__all__ = ["ACTING_KINDS", "RULESET", "actor_info", "actors_in", "actors_stage", "can_act", "mentions_of",
           "resolve_role", "state_of"]
