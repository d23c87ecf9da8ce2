"""Modality of a trigger (DESIGN §5): asserted, reported, hypothetical, future, negated or opinion.

Cues come from ``data/events/modality.yaml``. They are looked for where they govern the trigger:

- **negated**: a negation in the verb group ("did not sign", "has never recognised"), "no"/"without"
  before a nominal trigger, a failure verb before its infinitive ("failed to agree"), or a denial whose
  that-clause holds the trigger ("denied reports that Moscow had demanded …").
- **hypothetical**: a modal auxiliary earlier in the trigger's clause ("could result in border closures"),
  a clause opened by a conditional ("if …", "unless …"), or a nominal after "the possibility of".
- **future**: a future auxiliary in the clause ("will sign", "is going to"), a present-tense intention verb
  before the infinitive ("plans to visit", "is trying to secure"; a past one — "tried to attend" — is an
  attempt that happened), or a future adjective before a nominal ("the planned visit").
- **opinion**: a hedge before the trigger ("is widely seen as", "it is speculated that", "seems to"), an
  opinion verb with "that" ("analysts argue that …"), or a general characterisation: a present-simple
  verb with a habit adverb ("Russia always supports Armenia") in a sentence with no date.
- **reported**: attribution before the trigger or at the end of the sentence ("according to …", "Baku
  claims that …", "reportedly"); ``attributed_to`` is the attributing actor or phrase.

Precedence when several apply: negated, hypothetical, future, opinion, reported, asserted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..lexicon import load_yaml, version_of
from .arguments import Arg
from .chunks import Chunks, grammar
from .roles import verb_group_start
from .triggers import Hit, verb_forms, verb_tags

MODALITY_FILE = "events/modality.yaml"

_LISTS = ("negation", "noun_negation", "hypothetical_modals", "conditional_openers", "hypothetical_nouns",
          "future_aux", "future_adjectives", "report_phrases", "opinion_phrases", "characterisation_adverbs",
          "habit_adverbs", "question_marks", "author_pronouns", "predicate_hypothetical")
_VERB_LISTS = ("failure_verbs", "denial_verbs", "intention_verbs", "attempt_verbs", "report_verbs", "opinion_verbs",
               "discourse_verbs")


@dataclass(frozen=True, slots=True)
class Modality:
    value: str                         # asserted | reported | hypothetical | future | negated | opinion
    cue: str | None = None             # the words that decided it
    attributed_to: str | None = None   # for reported: who says so

    @property
    def rule(self) -> str:
        return f"modality.v{version_of(MODALITY_FILE)}:{self.value}"


#: how far after a reporting verb its "that" may stand ("told the Ambassador on November 4 that …")
_THAT_REACH = 9


@dataclass(frozen=True, slots=True)
class Cues:
    """Where each cue list matches in one sentence: list name → [(start token, end token, text)]."""

    spans: dict[str, tuple[tuple[int, int, str], ...]]

    def within(self, name: str, start: int, end: int) -> tuple[int, int, str] | None:
        """The last cue of ``name`` that starts in [start, end)."""
        found = None
        for s, e, t in self.spans.get(name, ()):
            if start <= s < end:
                found = (s, e, t)
        return found


@cache
def _regexes() -> dict[str, tuple[re.Pattern[str], frozenset[str]]]:
    """Per cue list: one regex over :attr:`Chunks.joined`, and the words its cues start with (a list none of
    whose first words is in the sentence is not run)."""
    data = load_yaml(MODALITY_FILE)
    phrases: dict[str, set[str]] = {}
    for name in _LISTS:
        phrases[name] = {str(w).lower().replace("’", "'") for w in data[name]}
    for name in _VERB_LISTS:
        forms: set[str] = set()
        for lemma in data[name]:
            lemma = str(lemma).lower()
            if lemma.startswith("be "):
                forms.update(be + lemma[2:] for be in ("is", "are", "was", "were", "be", "been"))
            else:
                forms.update(verb_forms(lemma))
        phrases[name] = forms
    out = {}
    for name, words in phrases.items():
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        out[name] = (re.compile(f"(?<= )(?:{alts})(?= )"), frozenset(w.split(" ")[0] for w in words))
    return out


@cache
def _lists_by_first_word() -> dict[str, tuple[str, ...]]:
    """First word of a cue → the cue lists holding a cue that starts with it."""
    out: dict[str, list[str]] = {}
    for name, (_, firsts) in _regexes().items():
        for w in firsts:
            out.setdefault(w, []).append(name)
    return {w: tuple(names) for w, names in out.items()}


def cues(chunks: Chunks) -> Cues:
    """Every cue of every list in the sentence (computed once per sentence).

    A cue starts at a token holding one of its list's first words, so each list's regex is tried only there,
    left to right and never inside a cue of the same list already found (what a scan of the sentence finds).
    """
    regexes = _regexes()
    index = _lists_by_first_word()
    joined, positions = chunks.joined, chunks.positions
    found: dict[str, list[tuple[int, int, str]]] = {}
    reached: dict[str, int] = {}
    for i, w in enumerate(chunks.words):
        names = index.get(w)
        if names is None:
            continue
        at = positions[i]
        for name in names:
            if reached.get(name, 0) > at:
                continue
            m = regexes[name][0].match(joined, at)
            if m is None:
                continue
            reached[name] = m.end()
            if i in chunks.timex:
                continue                  # "17 May 2023" is a date, not a modal
            e = chunks.token_at(m.end() - 1) + 1
            found.setdefault(name, []).append((i, e, m.group()))
    order = {name: k for k, name in enumerate(regexes)}
    return Cues({name: tuple(v) for name, v in sorted(found.items(), key=lambda kv: order[kv[0]])})


def _clause_start(chunks: Chunks, i: int) -> int:
    return chunks.clause_span(i)[0]


def _np_start(chunks: Chunks, hit: Hit) -> int:
    g = grammar()
    j = hit.start
    while j > 0 and j > hit.start - 5:
        w = chunks.words[j - 1]
        if w in g.np_stops or w in g.prepositions:
            break
        j -= 1
        if w in g.determiners:
            break
    return j


def is_present_simple(chunks: Chunks, hit: Hit) -> bool:
    """A finite present-tense verb with no auxiliary but do/does ("Russia supports", "Baku opposes")."""
    if hit.head_kind != "verb" or not (hit.forms & {"base", "third"}) or hit.forms & {"past", "gerund"}:
        return False
    g = grammar()
    start = verb_group_start(chunks, hit.head)
    group = chunks.words[start:hit.head]
    if "to" in group or any(w in g.modal or w in g.be or w in g.have for w in group):
        return False
    if any(w in g.do and w != "did" for w in group):
        return True
    return start == 0 or chunks.words[start - 1] not in ("to", "will", "would", "can", "could", "may", "might")


def classify(chunks: Chunks, hit: Hit, found: Cues, args: Sequence[Arg], dated: bool) -> Modality:
    """The modality of one trigger; ``dated``: the sentence has an explicit date."""
    head = hit.head
    clause_start = _clause_start(chunks, hit.start)
    verb = hit.head_kind == "verb"
    start = verb_group_start(chunks, head) if verb else _np_start(chunks, hit)
    words = chunks.words

    # negated (unless the negation is part of the act: "did not allow" is a REJECT)
    neg = found.within("negation", start, head) if verb else found.within("noun_negation", max(0, start - 2), hit.start)
    if neg and not hit.entry.negative:
        return Modality("negated", neg[2])
    denied = found.within("denial_verbs", 0, start)
    if denied and denied[0] != head and "that" in words[denied[1]:start] and \
            not chunks.same_clause(denied[0], head):
        return Modality("negated", denied[2])     # "denied reports that Moscow had demanded …"
    if verb and start > 0:
        fail = found.within("failure_verbs", max(0, start - 3), start)
        if fail and "to" in words[fail[1]:head]:
            return Modality("negated", fail[2])

    # the author speaking of the text ("I discuss Russia's interventions"): a topic, not an event
    for s_, e_, text in found.spans.get("author_pronouns", ()):
        verb_at = found.within("discourse_verbs", e_, e_ + 4)
        if verb_at and all(w in grammar().auxiliaries or w in grammar().group_adverbs for w in words[e_:verb_at[0]]):
            return Modality("opinion", f"{text} {verb_at[2]}")

    # hypothetical
    question = found.within("question_marks", len(words) - 2, len(words))
    if question:
        return Modality("hypothetical", question[2])
    if _inverted_conditional(chunks, head):
        return Modality("hypothetical", words[0])
    if not verb:                          # "a visit by Putin to Baku is possible"
        pred = found.within("predicate_hypothetical", hit.end, min(len(words), hit.end + 8))
        if pred and any(w in grammar().be for w in words[hit.end:pred[0]]) and \
                chunks.same_clause(pred[0], head):
            return Modality("hypothetical", pred[2])
    opener = words[clause_start] if clause_start < len(words) else ""
    cond = found.within("conditional_openers", clause_start, clause_start + 2)
    if cond or (clause_start > 0 and opener in ("if", "unless")):
        return Modality("hypothetical", cond[2] if cond else opener)
    modal = found.within("hypothetical_modals", clause_start, head)
    if modal and chunks.clause[modal[0]] == chunks.clause[head]:
        future_like = words[modal[0]] in ("would", "'d") and found.within("report_verbs", 0, modal[0])
        return Modality("future" if future_like else "hypothetical", modal[2])
    if not verb:
        hyp = found.within("hypothetical_nouns", max(0, start - 7), hit.start)
        if hyp:
            return Modality("hypothetical", hyp[2])
    if not verb or "gerund" in hit.forms:
        # a nominal or gerund subject of a modal verb: "Azerbaijan's siding with Georgia could inflict …"
        later = found.within("hypothetical_modals", hit.end, min(len(words), hit.end + 8))
        if later and chunks.clause[later[0]] == chunks.clause[head] and clause_start >= start - 3:
            return Modality("hypothetical", later[2])

    # future
    fut = found.within("future_aux", clause_start, head)
    if fut and chunks.clause[fut[0]] == chunks.clause[head]:
        return Modality("future", fut[2])
    if verb:
        intent = found.within("intention_verbs", max(0, start - 3), start + 1)
        if intent and "to" in words[intent[1]:head + 1]:
            return Modality("future", intent[2])
        attempt = found.within("attempt_verbs", max(0, start - 3), start + 1)
        if attempt and "to" in words[attempt[1]:head + 1]:
            tags = _attempt_tags().get(words[attempt[0]], frozenset())
            if tags & {"base", "third", "gerund"}:
                return Modality("future", attempt[2])
    else:
        adj = found.within("future_adjectives", start, hit.start)
        if adj:
            return Modality("future", adj[2])

    # opinion
    op = found.within("opinion_phrases", 0, head)
    if op and (chunks.same_clause(op[0], head) or op[0] == 0 or words[op[1]:op[1] + 1] == ("that",)):
        return Modality("opinion", op[2])
    opv = found.within("opinion_verbs", 0, start)
    if opv and "that" in words[opv[1]:opv[1] + 3]:
        return Modality("opinion", opv[2])
    if not dated:
        window_end = min(len(words), head + 6)
        hab = found.within("characterisation_adverbs", clause_start, window_end) if is_present_simple(chunks, hit) \
            else found.within("habit_adverbs", clause_start, window_end)
        if hab and chunks.same_clause(hab[0], head):
            return Modality("opinion", hab[2])

    # reported
    rep = found.within("report_phrases", 0, len(words))
    if rep and (rep[0] < head or rep[0] > hit.end):
        return Modality("reported", rep[2], _attributed(chunks, rep, args))
    rv = found.within("report_verbs", 0, start)
    if rv and _own_main_clause(chunks, rv[0], head):
        rv = None                         # "Putin admitted that …, and he promised …": his own statement
    if rv and rv[0] != head and ("that" in words[rv[1]:rv[1] + _THAT_REACH] or "," in words[rv[1]:rv[1] + 2]
                                 or any(a.start == rv[1] and a.start < start for a in args)):
        return Modality("reported", rv[2], _attributed(chunks, rv, args))   # also "said Moscow had …"
    return Modality("asserted")


def _own_main_clause(chunks: Chunks, cue: int, head: int) -> bool:
    """Is ``head`` in a main clause of its own, opened after the reporting verb at ``cue`` by a coordinator
    after a comma ("…, and he promised …")?"""
    clause = chunks.clause[head]
    if clause == chunks.clause[cue] or chunks.kinds[clause] != "main":
        return False
    first = chunks.clause_span(head)[0]
    return cue < first and first > 0 and chunks.words[first] in grammar().clause_coordinators


def _inverted_conditional(chunks: Chunks, head: int) -> bool:
    """Is the trigger in the first clause of a sentence opened by an inverted conditional ("Had he stayed
    away from Moscow, …", "Were Baku to join, …")?"""
    words = chunks.words
    if len(words) < 3 or words[0] not in _inverted() or verb_tags(words[1]) or words[1] in grammar().determiners:
        return False
    comma = next((k for k, w in enumerate(words) if w == ","), len(words))
    return head < comma


@cache
def _inverted() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml(MODALITY_FILE).get("inverted_conditionals", []))


@cache
def _attempt_tags() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for lemma in load_yaml(MODALITY_FILE)["attempt_verbs"]:
        out.update(verb_forms(str(lemma)))
    return out


def _attributed(chunks: Chunks, cue: tuple[int, int, str], args: Sequence[Arg]) -> str | None:
    """Who the attribution names: the actor after "according to", else the nearest actor before the cue."""
    s, e, text = cue
    if text == "according to":
        after = [a for a in args if a.start >= e]
        if after and after[0].start - e <= 4:
            return after[0].text
        return chunks.surface(e, min(len(chunks.words), e + 4)) or None
    before = [a for a in args if a.end <= s]
    return before[-1].text if before else None


def speaker(chunks: Chunks, hit: Hit, found: Cues, args: Sequence[Arg]) -> Arg | None:
    """The actor who states the trigger's clause ("Hungary has said it will support …": Hungary), or None.

    The subject of the last reporting verb before the trigger: the nearest actor before that verb that is not
    inside a prepositional phrase.
    """
    from .arguments import in_prepositional_phrase

    rv = found.within("report_verbs", 0, hit.start)
    if rv is None:
        return None
    words = chunks.words
    that = next((k for k in range(rv[1], min(len(words), rv[1] + _THAT_REACH)) if words[k] == "that"), None)
    if that is None and not any(a.start in (rv[1], rv[1] + 1) for a in args):
        return None               # "said (to X) that …", "said it would …", "announced Moscow will …"
    for a in reversed(args):
        if a.end <= rv[0] and in_prepositional_phrase(chunks, a) is None:
            return a
    return None

