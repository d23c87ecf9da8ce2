"""The ``events`` stage: who did what to whom, and when, with evidence (DESIGN §3–5).

For each sentence: find triggers (:mod:`.triggers`), actors and back-references (:mod:`.arguments`,
:mod:`.anaphora`), source and target (:mod:`.roles`), modality (:mod:`.modality`), date (:mod:`.dating`),
issues (the issues lexicon) and quad/intensity (:mod:`.intensity`). Every event carries its sentence
offsets, its trigger span and the rule that produced it (``events.rules.v1:<entry id>``).

:func:`code_sentence` codes one sentence from the document's analysis alone (earlier sentences of the
paragraph are read for back-references), so :func:`replay` can rebuild any event from its record and the
stored document and get the same record.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from ..annotate.actors.context import cable_sides
from ..options import Options
from ..pipeline import Analysis, stage
from ..records import HAPPENED, Event, Mention, NarrativeTime, Sentence, Timex
from . import anaphora, dating, implied, modality, roles, triggers
from .arguments import Arg, coordinated, in_prepositional_phrase, mention_args
from .chunks import Chunks, grammar, tokens_only, with_clauses
from .intensity import quad_and_intensity
from .issues import issues_of, paragraph_text

#: a nominal trigger after these words, following an agreement or talks word, is the topic of that act
_TOPIC_PREPS = frozenset({"on", "about", "regarding", "concerning", "over", "of", "for"})
#: words a topic's noun phrase does not reach across
_PHRASE_ENDS = frozenset({"that", ",", ";", ":", "which", "who"})
_NORM_RE = re.compile(r"\W+")
_WORD_RE = re.compile(r"[^\W\d_]+")
_CLOSING = frozenset('.!?"”’)»…:;')
#: the modality rule of an intention its source states ("said it would …"): the statement happened
_STATED_RULE = "modality.v1:stated_intention"
#: the modality rule of a hostile act told by its target ("Baku said Moscow had …"): the accusation happened
_CLAIM_RULE = "modality.v1:told_by_target"
#: how many sentences back "the two countries" may look, across paragraphs
_PAIR_REACH = 6
#: verbal acts that are done by saying one will do them ("Baku said it would not allow …": a refusal)
_SAID_IS_DONE = frozenset({"REJECT", "ACCUSE", "REQUEST", "THREATEN", "AGREE"})
#: acts whose nominal object is what they are about, not an event of its own
_CONTENT_TAKERS = frozenset({"SUPPORT", "AGREE", "REJECT", "REQUEST"})
#: acts that complain of another act, and the harmful acts they complain of, which happened all the same
_COMPLAINTS = frozenset({"ACCUSE", "REJECT", "PROTEST", "REQUEST"})
_HARMS = frozenset({"COERCE", "ASSAULT", "SANCTION", "MOBILIZE"})
#: details that make a party of their own inside a state code (Karabakh's separatist authorities under ARM)
_OWN_PARTIES = frozenset({"NKR", "RUSREB", "AZEREB", "ARMREB"})
#: mention kinds that name a state as such (a state acting on one of these of its own is no event)
_STATE_KINDS = frozenset({"state", "adjective", "capital"})


@dataclass
class DocContext:
    """Per-document indexes the coder reads (built once; caches filled lazily)."""

    analysis: Analysis
    mentions: dict[int, list[Mention]]
    timexes: dict[int, list[Timex]]
    narrative: dict[int, NarrativeTime]
    repeated: frozenset[int]
    news: bool
    dyad: tuple[str, str]
    cable_sender: str | None = None   # in a diplomatic cable, the embassy's state (its contacts are the host's)
    chunks_cache: dict[int, Chunks] = field(default_factory=dict)
    args_cache: dict[int, tuple[Arg, ...]] = field(default_factory=dict)
    issues_cache: dict[int, tuple[str, ...]] = field(default_factory=dict)
    dated_paragraphs: dict[int, int] = field(default_factory=dict)   # paragraph → sentences with a date

    @classmethod
    def build(cls, analysis: Analysis, options: Options | None = None) -> DocContext:
        mentions: dict[int, list[Mention]] = {}
        for m in analysis.mentions:
            mentions.setdefault(m.sentence, []).append(m)
        timexes: dict[int, list[Timex]] = {}
        for t in analysis.timexes:
            timexes.setdefault(t.sentence, []).append(t)
        seen: set[str] = set()
        repeated = set()
        for s in analysis.sentences:
            key = _NORM_RE.sub(" ", s.text.lower()).strip()
            if key in seen and len(key) > 40:
                repeated.add(s.index)
            seen.add(key)
        return cls(analysis=analysis, mentions=mentions, timexes=timexes,
                   narrative={n.sentence: n for n in analysis.narrative}, repeated=frozenset(repeated),
                   news=dating.news_like(analysis.document, len(analysis.sentences)),
                   dyad=(options or Options()).dyad, cable_sender=_cable_sender(analysis))

    def sentence(self, index: int) -> Sentence:
        return self.analysis.sentences[index]

    def tokens(self, index: int) -> Chunks:
        """The sentence's tokens, not yet cut into clauses (enough to look for triggers)."""
        c = self.chunks_cache.get(index)
        if c is None:
            s = self.sentence(index)
            c = tokens_only(s.text, s.start, tuple((t.start, t.end) for t in self.timexes.get(index, ())))
            self.chunks_cache[index] = c
        return c

    def chunks(self, index: int) -> Chunks:
        c = self.tokens(index)
        if not c.clause and c.words:
            c = self.chunks_cache[index] = with_clauses(c)
        return c

    def args(self, index: int) -> tuple[Arg, ...]:
        """Actors of a sentence: its mentions plus resolved back-references, in reading order."""
        cached = self.args_cache.get(index)
        if cached is not None:
            return cached
        ch = self.chunks(index)
        base = mention_args(ch, self.mentions.get(index, []))
        if base:                          # actors close the prepositional phrases before them
            ch = self.chunks_cache[index] = dataclasses.replace(
                ch, actors=frozenset(k for a in base for k in range(a.start, a.end)))
        found = anaphora.find(ch, base)
        if not found:
            self.args_cache[index] = base
            return base
        earlier = _Earlier(self, self._earlier(index))       # read only as far as a back-reference needs
        out = list(base)
        for start, end, rule in found:
            before = [a for a in out if a.end <= start]
            if rule.pair:                 # "the two countries" may reach back past its paragraph
                wider = [anaphora.SentenceArgs(self.chunks(j), self.args(j))
                         for j in range(index - 1, max(-1, index - 1 - _PAIR_REACH), -1)]
                out.extend(anaphora.resolve(ch, start, end, rule, before, wider, prefer=self.dyad))
            else:
                out.extend(anaphora.resolve(ch, start, end, rule, before, earlier))
        result = tuple(sorted(out, key=lambda a: (a.start, -a.end)))
        self.args_cache[index] = result
        return result

    def _earlier(self, index: int) -> list[int]:
        """The sentences a back-reference may look at, closest first: the earlier ones of the paragraph, or for
        a paragraph's first sentence ("He promised …" opening a paragraph) the end of the paragraph before."""
        para = self.sentence(index).paragraph
        out: list[int] = []
        j = index - 1
        if j >= 0 and self.sentence(j).paragraph != para:
            para = self.sentence(j).paragraph
        while j >= 0 and len(out) < anaphora.window() and self.sentence(j).paragraph == para:
            out.append(j)
            j -= 1
        return out

    def paragraph_dated(self, index: int) -> bool:
        """Does another sentence of the paragraph hold a date? (The sentence's own dates were weighed already.)"""
        para = self.sentence(index).paragraph
        if para not in self.dated_paragraphs:
            self.dated_paragraphs[para] = sum(
                1 for s in self.analysis.sentences if s.paragraph == para
                and any(dating.usable(t) for t in self.timexes.get(s.index, [])))
        own = any(dating.usable(t) for t in self.timexes.get(index, []))
        return self.dated_paragraphs[para] > (1 if own else 0)

    def issues(self, index: int) -> tuple[str, ...]:
        """Issues of the sentence (its paragraph's when it names none), each text looked up once."""
        found = self.issues_cache.get(index)
        if found is None:
            sentence = self.sentence(index)
            found = issues_of(sentence.text)
            if not found:
                key = -1 - sentence.paragraph        # paragraphs cached under negative keys
                if key not in self.issues_cache:
                    self.issues_cache[key] = issues_of(paragraph_text(self.analysis, sentence))
                found = self.issues_cache[key]
            self.issues_cache[index] = found
        return found

    def alone(self, index: int) -> bool:
        """Is the sentence a paragraph of its own?"""
        sentences = self.analysis.sentences
        para = sentences[index].paragraph
        return (index == 0 or sentences[index - 1].paragraph != para) and \
            (index + 1 == len(sentences) or sentences[index + 1].paragraph != para)

    def narrative_before(self, index: int) -> NarrativeTime | None:
        if index == 0 or self.sentence(index - 1).paragraph != self.sentence(index).paragraph:
            return None
        return self.narrative.get(index - 1)


class _Earlier(Sequence[anaphora.SentenceArgs]):
    """The earlier sentences a back-reference may read, each analysed only when it is reached (most
    back-references resolve in their own sentence or the one before)."""

    def __init__(self, ctx: DocContext, indexes: list[int]) -> None:
        self._ctx = ctx
        self._indexes = indexes
        self._done: list[anaphora.SentenceArgs] = []

    def _fill(self, n: int) -> None:
        while len(self._done) < min(n, len(self._indexes)):
            j = self._indexes[len(self._done)]
            self._done.append(anaphora.SentenceArgs(self._ctx.chunks(j), self._ctx.args(j)))

    def __len__(self) -> int:
        return len(self._indexes)

    @overload
    def __getitem__(self, i: int) -> anaphora.SentenceArgs: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[anaphora.SentenceArgs]: ...

    def __getitem__(self, i: int | slice) -> anaphora.SentenceArgs | Sequence[anaphora.SentenceArgs]:
        if isinstance(i, slice):
            self._fill(len(self._indexes))
            return self._done[i]
        self._fill((i % len(self._indexes)) + 1 if self._indexes else 0)
        return self._done[i]

    def __iter__(self) -> Iterator[anaphora.SentenceArgs]:
        for k in range(len(self._indexes)):
            self._fill(k + 1)
            yield self._done[k]


def _cable_sender(analysis: Analysis) -> str | None:
    sides = cable_sides(analysis.document)
    return sides.sender if sides is not None else None


def host_first(event: Event) -> Event:
    """In a cable, a contact between the embassy's side and a host official has the host official as its
    source ("Emboffs met with Azimov", like "Azimov told the Ambassador": CONSULT AZE -> USA)."""
    return dataclasses.replace(event, source=event.target, target=event.source, source_text=event.target_text,
                               target_text=event.source_text, source_person=event.target_person,
                               target_person=event.source_person, source_basis=event.target_basis,
                               target_basis=event.source_basis, rule=event.rule + "/host").with_id()


def _is_content(ch: Chunks, hit: triggers.Hit, kept: Sequence[triggers.Hit],
                content: Sequence[triggers.Hit] = ()) -> bool:
    """Is the trigger the content of an earlier act rather than an event of its own?

    - a to-infinitive after a controlling trigger ("refused to join", "urged Baku to join"), or the verb of
      its that-clause ("demanded that Baku close the station");
    - a nominal trigger after "on"/"about"/… that follows an agreement, talks or another trigger
      ("an agreement on military cooperation", "talks on the withdrawal of troops").
    """
    words = ch.words
    start = roles.verb_group_start(ch, hit.head) if hit.head_kind == "verb" else hit.start
    complement = "to" in words[start:hit.head] or (start > 0 and words[start - 1] in ("from", "of", "against")
                                                    and "gerund" in hit.forms)
    if hit.head_kind == "verb" and complement:
        for prev in kept:
            if prev.entry.controls and prev.head < start and start - prev.end <= 6 and ch.same_clause(prev.head, hit.head):
                return True
    if hit.head_kind == "verb":
        # the that-clause of a demand, proposal or claim ("demanded that Baku close the station")
        for prev in kept:
            if prev.entry.controls and prev.end <= start:
                that = next((k for k in range(prev.end, min(start, prev.end + 4)) if words[k] == "that"), None)
                if that is not None and start - that <= 8 and ch.clause[that] == ch.clause[hit.head] and \
                        not any(h.head_kind == "verb" and that < h.head < hit.head for h in kept):
                    return True
    if hit.head_kind == "verb" and start > 0 and words[start - 1] in ("and", "or") and \
            any(c.head_kind == "verb" and c.head < start and ch.same_clause(c.head, hit.head) for c in content):
        return True                   # "to join the CSTO and halt cooperation": still the content
    if hit.head_kind == "noun":
        # a nominal inside the to-infinitive of a promise, demand or refusal ("promised to increase gas supplies")
        for prev in kept:
            if prev.entry.controls and prev.end <= hit.start and hit.start - prev.end <= 7 and \
                    "to" in words[prev.end:min(hit.start, prev.end + 3)] and ch.same_clause(prev.head, hit.head):
                return True
    if hit.head_kind == "noun" or "gerund" in hit.forms:
        # the object of a signing, refusal or demand ("ratified their joining of the CIS"): its content
        j = hit.start - 1
        g = grammar()
        while j >= 0 and hit.start - j <= 4 and (words[j] in g.determiners or words[j] in g.possessive_marks):
            j -= 1
        for prev in kept:
            if prev.end == j + 1 and prev.entry.plover in _CONTENT_TAKERS and prev.head_kind == "verb":
                return True
    if hit.head_kind == "noun":
        j = hit.start - 1
        steps = 0
        while j >= 0 and steps < 4 and words[j] not in _TOPIC_PREPS and words[j] not in _PHRASE_ENDS:
            j -= 1
            steps += 1
        # (not "told the Ambassador on October 30 that his talks …": a date's preposition, another clause)
        if j >= 1 and words[j] in _TOPIC_PREPS and j + 1 not in ch.timex:
            for prev in kept:
                if prev.end <= j and j - prev.end <= 3 and prev.head != hit.head and not (
                        prev.entry.plover in _COMPLAINTS and hit.entry.plover in _HARMS):
                    return True           # (a protest about a detention: the detention happened too)
            if words[j - 1] in triggers.lexicon().classes.get("AGREEMENT", frozenset()) | \
                    triggers.lexicon().classes.get("TALKS", frozenset()):
                return True
    return False


def _definite_remention(ch: Chunks, hit: triggers.Hit) -> bool:
    """ "the agreement signed in Baku …": a participle after a definite agreement noun names an act already
    told, not a new one; "the agreement establishing the CIS": a gerund after an agreement noun is what the
    agreement does, not an act of its own."""
    if hit.head_kind != "verb":
        return False
    words = ch.words
    i = hit.head - 1
    agreement = triggers.lexicon().classes.get("AGREEMENT", frozenset())
    if hit.start == hit.head and i >= 0 and words[i] in agreement and "gerund" in hit.forms:
        return True
    if hit.forms & {"base", "third", "gerund"} or "participle" not in hit.forms:
        return False
    return i >= 1 and words[i] in agreement and words[i - 1] in ("the", "this", "that", "these", "those")


def is_heading(text: str, alone: bool = False) -> bool:
    """A heading, not a sentence: no closing punctuation and most words capitalised ("B. Russia's Support
    for Armenia Against Azerbaijan"), or — for a sentence that is a paragraph of its own (``alone``) — no
    closing punctuation at all (a headline: "Aliyev signs friendship treaty in Moscow")."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] in _CLOSING:
        return False
    words = [w for w in _WORD_RE.findall(stripped) if len(w) > 3]
    if not words or len(words) > 20:
        return False
    return alone or sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def code_sentence(ctx: DocContext, index: int) -> list[Event]:
    """Every event of one sentence."""
    sentence = ctx.sentence(index)
    if index in ctx.repeated or not triggers.may_have_triggers(sentence.text) or \
            is_heading(sentence.text, ctx.alone(index)):
        return []
    hits = triggers.find(ctx.tokens(index))      # the same tokens as the clauses' below
    if not hits:
        return []
    args = ctx.args(index)
    ch = ctx.chunks(index)                # now with its actors marked
    found = modality.cues(ch)
    timexes = ctx.timexes.get(index, [])
    dated = any(dating.usable(t) for t in timexes)
    document = ctx.analysis.document
    heads = [h.head for h in hits if h.head_kind == "verb"]
    done: list[tuple[triggers.Hit, roles.Roles]] = []
    kept: list[triggers.Hit] = []
    content: list[triggers.Hit] = []
    events: list[Event] = []
    for hit in hits:
        if _is_content(ch, hit, kept, content):
            content.append(hit)
            continue
        if _definite_remention(ch, hit):
            continue
        kept.append(hit)
        r = roles.assign(ch, hit, args, done, heads)
        done.append((hit, r))
        mod = modality.classify(ch, hit, found, args, dated)
        when = dating.choose(ch, hit, timexes, ctx.narrative.get(index), ctx.narrative_before(index),
                             document, ctx.news, ctx.paragraph_dated(index) if ctx.news else True,
                             happened=mod.value in HAPPENED)
        said_by = modality.speaker(ch, hit, found, args) if mod.value in ("future", "reported") else None
        for pair in roles.expand(ch, hit, r, args, ctx.dyad):
            ev = _event(ctx, sentence, ch, hit, pair, mod, when, said_by)
            if ev is not None and said_by is not None and mod.value == "future" and said_by.code == ev.source:
                ev = stated_intention(ev, said_by)
            elif ev is not None and said_by is not None and mod.value == "reported" and ev.quad in (3, 4) \
                    and said_by.code == ev.target and ev.source not in (None, ev.target) \
                    and (ev.target_basis == "text" or ev.quad == 4):   # (a refusal told by the refused: a report)
                ev = accusation(ev, said_by)
                if any((e.plover, e.source, e.target) == (ev.plover, ev.source, ev.target) for e in events):
                    continue                   # "Russia protested that …": the protest is the accusation
            if ev is not None and ctx.cable_sender and ev.plover == "CONSULT" and \
                    ev.source == ctx.cable_sender and ev.target not in (None, ctx.cable_sender):
                ev = host_first(ev)
            if ev is not None and ev.plover == "CONSULT" and any(
                    (e.plover, e.source, e.target, e.modality) == (ev.plover, ev.source, ev.target, ev.modality)
                    for e in events):
                continue                  # "met one on one and then held talks": one contact, told twice
                #                           (a protest and a summons are two acts: only contacts merge)
            if ev is not None:
                events.append(ev)
    return events


def accusation(event: Event, said_by: Arg) -> Event:
    """A hostile act told by its own target ("Aliyev said the jet had been shot down by Russian air defences")
    is, as an event, the target's accusation of the source: ACCUSE from the speaker (gold: "Aliyev said
    Russian officials had tried to hush the matter up" is ACCUSE AZE -> RUS); the act itself is a claim."""
    quad, intensity = quad_and_intensity("ACCUSE")
    return dataclasses.replace(event, plover="ACCUSE", quad=quad, intensity=intensity, source=said_by.code,
                               target=event.source, source_text=said_by.text, target_text=event.source_text,
                               source_person=said_by.person, target_person=event.source_person,
                               modality="asserted", attributed_to=said_by.text, rule=event.rule + "/claim",
                               mode="allege", modality_rule=_CLAIM_RULE, source_basis="text",
                               target_basis="text").with_id()


def stated_intention(event: Event, said_by: Arg) -> Event:
    """An act its source says it will do is, as an event, the statement of intent: AGREE for cooperation,
    THREATEN for conflict (PLOVER; gold: "stated intentions are AGREE"); a verbal act (a refusal, a demand,
    an accusation) said to come is made by saying so."""
    if event.plover in _SAID_IS_DONE:
        plover = event.plover
    else:
        plover = "AGREE" if event.quad in (1, 2) or event.quad is None else "THREATEN"
    if plover == event.plover:
        return dataclasses.replace(event, modality="asserted", attributed_to=said_by.text,
                                   modality_rule=_STATED_RULE).with_id()
    quad, intensity = quad_and_intensity(plover)
    return dataclasses.replace(event, plover=plover, quad=quad, intensity=intensity, modality="asserted",
                               attributed_to=said_by.text, rule=event.rule + "/intent", mode=None,
                               modality_rule=_STATED_RULE).with_id()


def _event(ctx: DocContext, sentence: Sentence, ch: Chunks, hit: triggers.Hit, r: roles.Roles,
           mod: modality.Modality, when: dating.DateChoice, said_by: Arg | None = None) -> Event | None:
    entry = hit.entry
    src, tgt = r.source, r.target
    if src is None and tgt is None and entry.pair_implied and not (
            hit.head_kind == "verb" and not hit.forms & {"past", "participle"}):   # not "trade is growing"
        both = implied.pair(ctx.analysis.sentences, sentence.index, ctx.args, ctx.dyad)
        if both is not None:
            src, tgt = both
    if src is None and tgt is not None and entry.implied and entry.plover in implied.settings().source_types and (
            r.how == "passive.no_agent" or (hit.head_kind == "noun" and entry.plover in implied.settings().noun_types)):
        src = implied.partner(tgt.code, ctx.analysis.sentences, sentence.index, ctx.args, ctx.dyad)
    if src is None or src.kind in ("place", "site") or (src.kind == "attribute" and not r.how.endswith("owner")) or \
            (entry.not_by and (src.kind in entry.not_by or (
                src.kind == "body" and src.detail and src.detail[3:] in entry.not_by))):
        return None                   # a place does not act, a describing word only owns; troops make no visit
    if tgt is None and not entry.no_target and entry.implied and (
            hit.head_kind == "verb" or r.how == "noun.subject" or entry.implied_nominal):
        args = ctx.args(sentence.index)
        together = frozenset(a.code for a in coordinated(ch, args, src)) - {src.code} if src.start >= 0 \
            else frozenset()
        tgt = implied.partner(src.code, ctx.analysis.sentences, sentence.index, ctx.args, ctx.dyad,
                              lambda a: a.start >= 0 and not ch.same_clause(a.start, hit.head)
                              and in_prepositional_phrase(ch, a) is None, together)
    if tgt is None and not entry.no_target and entry.implied and said_by is not None and \
            said_by.code == implied.other_state(src.code, ctx.dyad):
        # "Mammadyarov said Russia had agreed to extend the lease": what the other state did, told by one
        # side, was done to that side
        tgt = Arg(code=said_by.code, text=said_by.text, start=-1, end=-1, kind=said_by.kind,
                  person=said_by.person, detail=said_by.detail, via="implied")
    if tgt is None and not entry.no_target and not entry.target_optional:
        return None
    if entry.target_kinds and (tgt is None or tgt.kind not in entry.target_kinds):
        return None
    if tgt is not None and tgt.code == src.code and (tgt.via == "anaphor" or (
            tgt.detail == src.detail and tgt.kind in _STATE_KINDS and src.kind in _STATE_KINDS)):
        return None                   # "its own", "Russian proposal … Russian peacekeepers": not a second party
    quad, intensity = quad_and_intensity(entry.plover, entry.mode, entry.form)
    if entry.quad is not None:
        quad = entry.quad
    if tgt is not None and tgt.code == src.code and quad in (1, 2) and not (
            tgt.detail in _OWN_PARTIES or src.detail in _OWN_PARTIES):
        # a state cooperating with itself: a misread partner; the partner may still be implied
        tgt = implied.partner(src.code, ctx.analysis.sentences, sentence.index, ctx.args, ctx.dyad,
                              lambda a: a.start >= 0 and not ch.same_clause(a.start, hit.head)
                              and in_prepositional_phrase(ch, a) is None) if entry.implied else None
        if tgt is None:
            return None
    document = ctx.analysis.document
    confidence = entry.confidence
    if src.via == "anaphor" or (tgt is not None and tgt.via == "anaphor"):
        confidence *= 0.85
    if tgt is not None and tgt.via == "implied":
        confidence *= implied.settings().target_confidence
    if src.via == "implied":
        confidence *= implied.settings().source_confidence
    if r.how.endswith("subject") or r.how == "passive":
        confidence *= 0.9
    return Event(
        doc=document.doc, doc_id=document.doc_id, sentence=sentence.text, start=sentence.start,
        end=sentence.end, trigger=ch.surface(hit.start, hit.end), trigger_start=ch.starts[hit.start],
        trigger_end=ch.ends[hit.end - 1], source=src.code, target=tgt.code if tgt else None,
        plover=entry.plover, quad=quad, intensity=intensity, modality=mod.value, source_text=src.text,
        target_text=tgt.text if tgt else None, source_person=src.person,
        target_person=tgt.person if tgt else None, date_start=when.start, date_end=when.end,
        date_precision=when.precision, date_text=when.text, date_basis=when.basis,
        issues=ctx.issues(sentence.index), mode=entry.mode, attributed_to=mod.attributed_to,
        confidence=round(confidence, 3), rule=entry.rule, sentence_index=sentence.index,
        target_basis="implied" if tgt is not None and tgt.via == "implied" else "text",
        source_basis="implied" if src.via == "implied" else "text",
        modality_rule=mod.rule, modality_cue=mod.cue, date_rule=when.rule,
    ).with_id()


def code_document(analysis: Analysis, options: Options | None = None) -> list[Event]:
    """Every event of an analysed document, in reading order."""
    ctx = DocContext.build(analysis, options)
    out: list[Event] = []
    for s in analysis.sentences:
        out.extend(code_sentence(ctx, s.index))
    return out


def replay(event: Event, analysis: Analysis, options: Options | None = None) -> Event | None:
    """Re-run the rules on the event's sentence and return the event they produce with the same id."""
    ctx = DocContext.build(analysis, options)
    for ev in code_sentence(ctx, event.sentence_index):
        if ev.event_id == event.event_id:
            return ev
    return None


@stage("events", requires=("sentences", "timexes", "narrative", "mentions"), assigns=("events",))
def events_stage(analysis: Analysis, options: Options) -> Analysis:
    return dataclasses.replace(analysis, events=tuple(code_document(analysis, options)))
