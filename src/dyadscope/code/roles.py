"""Source and target of a trigger, from token order and closed-class words (no parser).

Verbs (active): the source is the subject — the nearest actor before the verb group in the same clause
that is not inside a prepositional phrase (``of`` allowed: "the government of Azerbaijan"); a verb
coordinated with an earlier trigger ("visited Baku and met …") shares that trigger's subject; a verb in a
relative clause takes the antecedent ("Russia, which supplied …"). The target is the first actor after
the verb in the same clause that is not an agent (``by``), not a source preposition of the entry and not
the subject of a following verb.
Verbs (passive: a participle after a form of *be*, or a participle followed by ``by`` + actor): the
``by`` actor is the source and the subject the target.
Nouns: the source is a possessive or actor adjective in the noun phrase before the head ("Russia's
support", "Russian arms supply"), else an actor after one of the entry's source prepositions ("by"), else
the subject of the clause ("Russia made threats"); the target is the first actor after one of the
entry's target prepositions ("support for Armenia", "the sale … to Yerevan").
Coordinated subjects give one event per source ("Russia and Iran opposed …"); coordinated objects one per
target; with ``symmetric`` entries, "X and Y signed" gives X → Y; "each other" gives both directions.
``swap`` entries exchange the two ("X hosted Y": Y visited X).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..lexicon import load_yaml
from .arguments import PASSIVE_KINDS, Arg, coordinated, in_prepositional_phrase, preposition_before
from .chunks import Chunks, grammar
from .triggers import Hit, verb_tags

#: how far (tokens) a target may stand after the trigger's end
TARGET_WINDOW = 14
#: how far (tokens) an actor may stand before a nominal head inside its noun phrase
NP_WINDOW = 5
#: possessive back-references name an owner, never the object itself ("withdrew its troops")
_POSSESSIVE = frozenset({"its", "their", "his", "her"})
#: types whose target may stand in a that-clause after the trigger ("criticised the fact that Baku …")
_REACH_INTO_THAT = frozenset({"ACCUSE", "REQUEST", "THREATEN"})


@dataclass(frozen=True, slots=True)
class Roles:
    source: Arg | None
    target: Arg | None
    how: str                          # which rule found them, e.g. "active", "passive", "noun.possessive"


@cache
def attribute_targets() -> frozenset[str]:
    """Types whose target may be a describing state word ("Azerbaijani tomatoes"; data/events/roles.yaml)."""
    return frozenset(str(t) for t in load_yaml("events/roles.yaml").get("attribute_targets", []))


@cache
def located_targets() -> frozenset[str]:
    """Types whose target may be the state a named place lies in (data/events/roles.yaml)."""
    return frozenset(str(t) for t in load_yaml("events/roles.yaml").get("located_targets", []))


@cache
def place_targets() -> frozenset[str]:
    """Types whose target may be a place that stands for a party (data/events/roles.yaml)."""
    return frozenset(str(t) for t in load_yaml("events/roles.yaml").get("place_targets", []))


def verb_group_start(chunks: Chunks, head: int) -> int:
    """First token of the verb group ending at ``head`` (auxiliaries, adverbs, negation, "to")."""
    g = grammar()
    j = head
    while j > 0:
        w = chunks.words[j - 1]
        if w in g.auxiliaries or w in g.group_adverbs or w == "to" or (w.endswith("ly") and len(w) > 4):
            j -= 1
            continue
        break
    return j


def is_passive(chunks: Chunks, hit: Hit, args: Sequence[Arg]) -> bool:
    """A participle after a form of *be* ("was attacked"), or a participle with a ``by`` agent."""
    if hit.head_kind != "verb" or "participle" not in hit.forms:
        return False
    g = grammar()
    words = chunks.words
    j = hit.head - 1
    while j >= 0:
        w = words[j]
        if w in g.group_adverbs or (w.endswith("ly") and len(w) > 4):
            j -= 1
        elif w in ("and", "or", ",") and j > 0 and "participle" in verb_tags(words[j - 1]):
            j -= 2                        # "were disarmed and withdrawn"
        else:
            break
    if j >= 0 and words[j] in g.be:
        return True
    if j >= 0 and (words[j] in g.have or words[j] in g.modal or words[j] in g.do):
        return False
    if "past" in hit.forms and j >= 0 and not words[j] in g.determiners and _left_subject(chunks, hit, args):
        # "Russia signed …": a finite verb with a subject, unless an agent follows directly
        return _agent(chunks, hit, args, near=2, by_only=True) is not None
    return _agent(chunks, hit, args, near=4, by_only=True) is not None


def _agent(chunks: Chunks, hit: Hit, args: Sequence[Arg], near: int = 6, by_only: bool = False) -> Arg | None:
    """The actor after "by" (or one of the entry's source prepositions) just after a participle; ``by_only``:
    only "by" makes a passive ("demanded compensation from Russia" is active)."""
    words = chunks.words
    agent_preps = frozenset({"by"}) if by_only else hit.entry.source_preps | {"by"}
    first = hit.head + 1 if hit.head_kind == "verb" else hit.end      # "cancelled a visit by X": no agent
    for k in range(first, min(len(words), first + near)):
        if words[k] in agent_preps:
            for a in args:
                if a.start > k and a.start - k <= 4 and chunks.same_clause(a.start, hit.head) and not a.reflexive \
                        and a.kind not in PASSIVE_KINDS:
                    return a
            return None
        if words[k] in (",", ";", ".") or chunks.clause[k] != chunks.clause[hit.head]:
            return None
    return None


def _participle_subject(chunks: Chunks, hit: Hit, args: Sequence[Arg]) -> Arg | None:
    """ "Meeting Aliyev in Sochi, Putin promised …": a participle opening the sentence (or following an
    opening time phrase and its comma) has the subject of the clause after the phrase's comma."""
    words = chunks.words
    head = hit.head
    if "gerund" not in hit.forms or not (head == 0 or words[head - 1] == ","):
        return None
    comma = next((k for k in range(head + 1, min(len(words), head + 14)) if words[k] == ","), None)
    if comma is None or chunks.clause[comma + 1 if comma + 1 < len(words) else comma] == chunks.clause[head]:
        return None
    g = grammar()
    k = comma + 1
    while k < len(words) and k - comma <= 3 and (words[k] in g.determiners or words[k] in g.group_adverbs):
        k += 1
    for a in args:
        if a.start == k and a.kind not in PASSIVE_KINDS and not a.reflexive:
            return a
    return None


def _left_subject(chunks: Chunks, hit: Hit, args: Sequence[Arg], before: int | None = None) -> Arg | None:
    """The nearest actor before ``before`` (default: the verb group) in the head's clause, not in a PP."""
    g = grammar()
    limit = verb_group_start(chunks, hit.head) if before is None else before
    words = chunks.words
    # a relative pronoun right before the verb group: the antecedent stands before it
    if limit > 0 and words[limit - 1] in g.relative | {"that"}:
        for a in reversed(args):
            if a.end <= limit - 1 and not a.reflexive:
                if limit - 1 - a.end <= 2:
                    return a
                break
        if words[limit - 1] in g.relative or limit < 2 or words[limit - 2] != "and":
            return None                   # the antecedent is not an actor ("amendments that were objected to")
    clause = chunks.clause[hit.head]
    same = [a for a in args if a.end <= limit and chunks.clause[a.start] == clause and not a.reflexive
            and a.kind not in PASSIVE_KINDS]
    outer = [a for a in args if a.end <= limit and chunks.clause[a.start] != clause
             and chunks.same_clause(a.start, hit.head) and not a.reflexive and a.kind not in PASSIVE_KINDS]
    for pool in (same, outer):
        for a in reversed(pool):
            if in_prepositional_phrase(chunks, a) is None and not _is_possessor_of_object(chunks, a, limit):
                return a
    return None


def _is_possessor_of_object(chunks: Chunks, a: Arg, limit: int) -> bool:
    """Skip an actor that is the object of an earlier verb in the clause ("visited Baku and met …")."""
    words = chunks.words
    return a.start > 0 and bool(verb_tags(words[a.start - 1]) & {"past", "third", "base"}) and \
        any(w in ("and", ",") for w in words[a.end:limit])


def _coordinated_verb(chunks: Chunks, hit: Hit, previous: Sequence[tuple[Hit, Roles]]) -> Roles | None:
    """ "X visited Baku and met …": a verb right after "and"/"," shares the subject of the trigger before."""
    g = grammar()
    start = verb_group_start(chunks, hit.head)
    if start == 0 or chunks.words[start - 1] not in g.coordinators | {","}:
        return None
    words = chunks.words
    if words[start - 1] == "," and start == hit.head and "participle" in hit.forms and \
            hit.head + 1 < len(words) and words[hit.head + 1] in g.prepositions:
        return None                       # "…, elected in June 1992, …": a participle modifying what precedes
    for prev, roles in reversed(previous):
        if prev.head_kind == "verb" and prev.head < start and chunks.same_clause(prev.head, hit.head) \
                and roles.source is not None and roles.how.startswith("active"):
            return roles
    return None


def _complement_clause(chunks: Chunks, hit: Hit, i: int) -> bool:
    """Is token i in a that-clause right after the trigger ("rage over the fact that Baku …")?"""
    if hit.entry.plover not in _REACH_INTO_THAT:
        return False
    words = chunks.words
    for k in range(hit.head + 1, min(i, hit.end + 6)):
        if words[k] == "that" and chunks.clause[k] == chunks.clause[i]:
            return True
    return False


def _right_targets(chunks: Chunks, hit: Hit, args: Sequence[Arg], source: Arg | None,
                   preps: frozenset[str] | None, blocked: frozenset[str], next_heads: Sequence[int]) -> Arg | None:
    words = chunks.words
    reach = TARGET_WINDOW * 2 if hit.entry.plover in _REACH_INTO_THAT else TARGET_WINDOW
    if hit.entry.target_window is not None:
        reach = hit.entry.target_window
    stop = min(len(words), hit.end + reach)
    for nh in next_heads:
        if nh > hit.head:
            group = verb_group_start(chunks, nh)
            if "to" in chunks.words[group:nh] or (group > 0 and words[group - 1] in ("from", "of")):
                continue                  # an infinitive or gerund complement belongs to this verb phrase
            if group == nh and not verb_tags(words[nh]) & {"past", "third"}:
                continue                  # a participle or gerund modifier ("the agreement establishing …")
            stop = min(stop, group)
            break
    adjuncts = grammar().adjunct_preps
    for k in range(hit.end, stop):
        if words[k] in adjuncts:
            stop = k                      # "… during the war in Chechnya": the act's circumstance, not its target
            break
    first = hit.head + 1
    same: Arg | None = None
    if hit.head_kind == "noun":                  # a nominal's phrase ends at the next verb ("proposals were …")
        g = grammar()
        for k in range(hit.end, stop):
            w = words[k]
            if w in g.auxiliaries or (verb_tags(w) & {"past", "third"} and not verb_tags(w) & {"participle"}):
                stop = k
                break
    for a in args:
        swallowed = a.start <= hit.head < a.end - 1 and a.kind in ("body", "org")   # "establishment of the CIS"
        if (a.start < first and not swallowed) or a.start >= stop or a.reflexive or \
                (a.via == "anaphor" and a.text.lower() in _POSSESSIVE):
            continue
        if swallowed:
            return a
        if hit.entry.owner_source and a.start < hit.end and a.kind in ("adjective", "attribute"):
            continue                      # "the sale of Russian weaponry": the owner, not the recipient
        plover = hit.entry.plover
        if a.kind in ("place", "site") and (source is None or not (
                plover in place_targets() or (plover in located_targets() and a.located))):
            continue                      # a place is a party only as the target of some acts (below)
        if a.kind == "attribute" and (source is None or hit.entry.plover not in attribute_targets()):
            continue                      # "banned Azerbaijani tomatoes": whose goods, for trade and conflict
        if hit.entry.target_kinds and a.kind not in hit.entry.target_kinds:
            continue                      # "brought the country into the CIS": the organisation is the target
        in_complement = not chunks.same_clause(a.start, hit.head) and _complement_clause(chunks, hit, a.start)
        if not chunks.same_clause(a.start, hit.head) and not in_complement:
            continue
        if chunks.clause[a.start] != chunks.clause[hit.head] and chunks.kinds[chunks.clause[a.start]] == "relative":
            continue                      # "…, which Moscow recognised": the relative clause's own actor
        if source is not None and a.code == source.code and a.start == source.start:
            continue
        prep = preposition_before(chunks, a)
        if prep in blocked and not in_complement:
            continue                      # (in "claim that … violated by Azerbaijan" the accused is any actor)
        if hit.entry.verb_target_preps and hit.head_kind == "verb" and prep not in hit.entry.target_preps:
            continue                      # "extradited a Russian blogger to Israel": the receiver
        opener = words[hit.end - 1] if words[hit.end - 1] in (preps or ()) else \
            (words[hit.end] if hit.end < len(words) else "")
        if preps is not None and prep not in preps and hit.head_kind == "noun" and not (
                prep == "of" and opener in preps and opener != "of"):
            continue                      # a nominal's target stands after one of its prepositions (or inside
            #                               the phrase one opens: "protests against the sale of Russian arms")
        if a.kind == "place" and plover not in place_targets() and a.located:
            # of a conflict act a place is the party it stands for ("took control of Karabakh": ARM) or else
            # its state ("shelled Ganja"); of aid or trade, the state it lies in ("deliveries to Novorossiysk")
            a = dataclasses.replace(a, code=a.located)
        if a.kind == "site" and source is not None and a.code == source.code:
            continue                      # "raids in Yekaterinburg against …": where it happened, not to whom
        if source is not None and a.code == source.code:
            same = same or a              # "police searched the Baku office of Sputnik": another party first
            continue
        return a
    return same


def _coordinated_noun(chunks: Chunks, hit: Hit, previous: Sequence[tuple[Hit, Roles]]) -> Roles | None:
    """ "the Russian arms supply and political support to Armenia": a nominal right after another nominal
    and "and" (with only modifiers between) shares its source."""
    g = grammar()
    words = chunks.words
    j = hit.start - 1
    while j >= 0 and hit.start - j <= 3 and words[j] not in g.coordinators and words[j][:1].isalpha() \
            and words[j] not in g.determiners:
        j -= 1
    if j < 0 or words[j] not in ("and", "or"):
        return None
    for prev, roles in reversed(previous):
        if prev.head_kind == "noun" and prev.end == j and roles.source is not None:
            return roles
    return None


def _np_source(chunks: Chunks, hit: Hit, args: Sequence[Arg]) -> Arg | None:
    """A possessive or actor adjective in the noun phrase before a nominal head."""
    g = grammar()
    words = chunks.words
    j = hit.start - 1
    lowest = max(0, hit.start - NP_WINDOW)
    while j >= lowest:
        w = words[j]
        for a in args:
            if (a.end == j + 1 or (a.end == j and w in g.possessive_marks)) and a.kind not in PASSIVE_KINDS:
                return a
        if (w in g.np_stops or w in g.prepositions) and w not in g.possessive_marks:
            return None                   # "tension with Azerbaijan through frequent visits": another phrase
        if w in g.determiners and w not in ("its", "their", "his", "her"):
            return None
        if w in g.auxiliaries or verb_tags(w) & {"past", "third"}:
            return None                   # "Russian envoys made frequent visits": the subject, not the NP
        j -= 1
    return None


def _relative_object(chunks: Chunks, hit: Hit, args: Sequence[Arg], subject: Arg | None) -> Arg | None:
    """In "Abkhazia and South Ossetia, which Moscow recognised", the object is the relative's antecedent."""
    pronoun = chunks.relative_to(hit.head)
    if pronoun is None or subject is None or subject.start <= pronoun:
        return None                       # no relative clause, or its pronoun is the subject
    before = [a for a in args if a.end <= pronoun - 1]
    if before and pronoun - 1 - before[-1].end <= 1:
        return before[-1]
    return None


def _owner(chunks: Chunks, hit: Hit, args: Sequence[Arg]) -> Arg | None:
    """An actor adjective inside the matched words ("the sale of Russian weaponry")."""
    for a in args:
        if hit.start - 2 <= a.start < hit.end and a.start != hit.head and a.kind not in ("place", "site") and \
                preposition_before(chunks, a) in (None, "of"):
            return a
    return None


#: prepositions of where an undergoer went, which is not the party it withdrew from
_DESTINATIONS = frozenset({"to", "into", "toward", "towards"})


def assign(chunks: Chunks, hit: Hit, args: Sequence[Arg], previous: Sequence[tuple[Hit, Roles]],
           next_heads: Sequence[int]) -> Roles:
    """Source and target of one trigger (before coordination is expanded)."""
    entry = hit.entry
    source_blocked = entry.source_preps | {"by"}
    if hit.head_kind == "verb":
        if is_passive(chunks, hit, args):
            agent = _agent(chunks, hit, args)
            subject = _left_subject(chunks, hit, args)
            if agent is None and entry.owner_source:    # "Russian weapons had been handed to Armenia"
                owner = _owner(chunks, hit, args)
                if owner is not None:
                    later = _right_targets(chunks, hit, args, owner, entry.target_preps, frozenset(), next_heads)
                    return Roles(owner, later, "passive.owner")
            if agent is None and subject is not None and entry.undergoer_acts:
                # "Russian troops were withdrawn from Azerbaijan": troops withdrawn withdraw; the place left is
                # the target, not where they went ("withdrawn to Armenia")
                later = _right_targets(chunks, hit, args, subject, None, source_blocked | _DESTINATIONS, next_heads)
                return Roles(subject, later, "passive.undergoer")
            if agent is None and subject is not None and not entry.no_target:
                return Roles(None, subject, "passive.no_agent")     # the source may be implied (.implied)
            roles = Roles(agent, None if entry.no_target else subject, "passive")
        else:
            shared = _coordinated_verb(chunks, hit, previous)
            subject = shared.source if shared else _left_subject(chunks, hit, args)
            if subject is None and shared is None:
                subject = _participle_subject(chunks, hit, args)
            obj = None if entry.no_target else _right_targets(
                chunks, hit, args, subject, None, source_blocked - entry.target_preps, next_heads)
            if obj is None and shared is not None and not entry.no_target:
                obj = shared.target           # "Putin telephoned Aliyev and apologised": the same partner
            if obj is None and not entry.no_target:
                obj = _relative_object(chunks, hit, args, subject)
            roles = Roles(subject, obj, "active.coordinated" if shared else "active")
    elif entry.passive:
        agent = _np_source(chunks, hit, args) or \
            _right_targets(chunks, hit, args, None, entry.source_preps, frozenset(), next_heads)
        roles = Roles(agent, _left_subject(chunks, hit, args, before=hit.start), "noun.passive")
    else:
        shared_noun = _coordinated_noun(chunks, hit, previous)
        source = shared_noun.source if shared_noun else _np_source(chunks, hit, args)
        how = "noun.coordinated" if shared_noun else "noun.np"
        if source is None and entry.owner_source:
            source = _owner(chunks, hit, args)
            how = "noun.owner"
        if source is None:
            source = _right_targets(chunks, hit, args, None, entry.source_preps, frozenset(), next_heads)
            how = "noun.agent"
            if source is not None and preposition_before(chunks, source) == "of" and "of" in entry.target_preps:
                source = None
        if source is None:
            source = _left_subject(chunks, hit, args, before=hit.start)
            how = "noun.subject"
            if source is not None and any(source.end <= h < hit.start for h in next_heads):
                source = None             # "Grachev brokered the ceasefire": the subject is the verb's"
        target = None if entry.no_target else _right_targets(
            chunks, hit, args, source, entry.target_preps, entry.source_preps - entry.target_preps, next_heads)
        if target is not None and source is not None and target.start == source.start:
            target = None
        roles = Roles(source, target, how)
    if entry.symmetric and (roles.source is None or roles.target is None):
        pair = symmetric_pair(chunks, hit, args)
        if pair is not None and roles.source is None:
            roles = pair
        elif pair is not None and roles.source is not None:
            other = pair.target if pair.source is not None and pair.source.code == roles.source.code else pair.source
            if other is not None and other.code != roles.source.code:
                roles = Roles(roles.source, other, roles.how + ".between")
    if entry.swap:
        roles = Roles(roles.target, roles.source, roles.how + ".swap")
    return roles


def expand(chunks: Chunks, hit: Hit, roles: Roles, args: Sequence[Arg],
           dyad: tuple[str, str] | None = None) -> list[Roles]:
    """Coordination and symmetry: one Roles per (source, target) pair."""
    entry = hit.entry
    g = grammar()
    sources = _group(chunks, args, roles.source)
    targets = _group(chunks, args, roles.target)
    # the target coordinated with the source is the source's partner, not a second target
    targets = [t for t in targets if t is None or all(t is not s for s in sources)]
    reciprocal = _reciprocal_after(chunks, hit, g.reciprocal)
    if (reciprocal or entry.mutual) and len(sources) >= 2:
        return [Roles(a, b, roles.how + ".reciprocal") for a in sources for b in sources if a is not b]
    partner_with = roles.target is not None and roles.target.start > hit.head and \
        preposition_before(chunks, roles.target) in ("with", "между", "с", "со")
    if entry.symmetric and len(sources) == 2 and not partner_with and sources[0] is not None and \
            sources[1] is not None and sources[0].via == sources[1].via == "anaphor" and \
            sources[0].start == sources[1].start and sources[0].code != sources[1].code:
        # "the two presidents signed …": a joint act of a pair the text does not name one by one is done
        # by each to the other; no order of naming makes either the source
        a, b = sources[0], sources[1]
        return [Roles(a, b, roles.how + ".pair"), Roles(b, a, roles.how + ".pair")]
    if entry.symmetric and len(sources) >= 2 and not partner_with:
        # "X and Y signed …": the first named is the source, each other party a target; an actor after the
        # act ("agreed to keep the Minsk Group format") is what it is about, not a third party; but "X and Y
        # discuss with NATO": each with NATO
        return _parties(sources, roles.how + ".symmetric", dyad)
    if entry.symmetric and roles.target is not None and len(targets) >= 2 and roles.source is None:
        return _parties(targets, roles.how + ".symmetric", dyad)
    if entry.one_side and dyad is not None and len(targets) >= 2 and any(
            s is not None and s.code in dyad for s in sources):
        # "Russia mediated between Armenia and Azerbaijan": one event, with the other state of the dyad
        partner: list[Arg | None] = [t for t in targets if t is not None and t.code in dyad and all(
            s is None or s.code != t.code for s in sources)]
        targets = partner[:1] or targets
    out = []
    for s in sources:
        for t in targets or [None]:
            if s is not None and t is not None and s is t:
                continue
            out.append(Roles(s, t, roles.how))
    return out or [roles]


def _parties(parties: Sequence[Arg | None], how: str, dyad: tuple[str, str] | None) -> list[Roles]:
    """A joint act of several parties: the first named to each other one; when both states of the dyad under
    study take part in an act of three or more, the one event between them ("the leaders of Azerbaijan,
    Armenia and Russia signed": AZE -> RUS), the first of them named as its source."""
    named = [p for p in parties if p is not None]
    if dyad is not None and len({p.code for p in named}) >= 3:
        both = [p for p in named if p.code in dyad]
        if {p.code for p in both} == set(dyad):
            first = both[0]
            other = next(p for p in both if p.code != first.code)
            return [Roles(first, other, how + ".dyad")]
    if not named:
        return []
    first = named[0]
    return [Roles(first, other, how) for other in named[1:] if other.code != first.code]


def _group(chunks: Chunks, args: Sequence[Arg], arg: Arg | None) -> list[Arg | None]:
    """The actors an argument stands for: its coordination, or every antecedent of a plural back-reference."""
    if arg is None:
        return [None]
    if arg.via == "anaphor":
        same = [a for a in args if a.via == "anaphor" and a.start == arg.start and a.end == arg.end]
        return list(same) or [arg]
    return list(coordinated(chunks, args, arg))


def _reciprocal_after(chunks: Chunks, hit: Hit, phrases: Sequence[str]) -> bool:
    tail = " ".join(chunks.words[hit.end:hit.end + 4])
    return any(tail.startswith(p) for p in phrases)


def symmetric_pair(chunks: Chunks, hit: Hit, args: Sequence[Arg]) -> Roles | None:
    """ "talks between X and Y", "an agreement … between Azerbaijan and Russia", "relations between X and Y
    were established": X → Y."""
    words = chunks.words
    between = grammar().between_words
    for k in range(hit.end, min(len(words), hit.end + TARGET_WINDOW)):
        if words[k] in between:
            after = [a for a in args if a.start > k and chunks.same_clause(a.start, hit.head)
                     and a.kind not in PASSIVE_KINDS]
            if after:
                group = coordinated(chunks, args, after[0])
                if len(group) >= 2:
                    return Roles(group[0], group[1], "between")
            return None
    for k in range(max(0, hit.head - TARGET_WINDOW), hit.head):
        if words[k] in between:
            after = [a for a in args if k < a.start < hit.head and chunks.same_clause(a.start, hit.head)
                     and a.kind not in PASSIVE_KINDS]
            if after:
                group = coordinated(chunks, args, after[0])
                if len(group) >= 2:
                    return Roles(group[0], group[1], "between.before")
    return None
