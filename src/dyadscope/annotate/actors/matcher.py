"""Finding actor mentions in one sentence (rule set ``actors.v1``).

Left to right, at each token the longest of these wins (rule ids in brackets):

- a dictionary name: state, capital, organisation, named body, company, place, person [``name``,
  ``person``]; a phrase listed as not an actor swallows its words and yields nothing;
- a state word followed by a head word: "Russian troops", "Azerbaijan's Foreign Ministry", "Baku
  authorities" [``state_head``]; and when the head is a role, a person's name may follow: "Russian Defense
  Minister Sergey Ivanov" [``role_person``];
- a head word followed by "of" and a state: "the Ministry of Defence of the Russian Federation", "the
  President of Azerbaijan" (in Russian without "of": "МИД России") [``head_of_state``], again optionally
  followed by a name;
- a title before a name: "President Aliyev", "Mr Putin", "Foreign Minister Lavrov" [``title_person``].

Then three passes over the sentence's mentions: place names joined by dashes before a route word become
one place ("Baku-Tbilisi-Ceyhan pipeline") [``route``]; a bare state word coordinated with a state + head
takes that head ("Armenian and Russian special services") [``coordinated_head``]; a bare state word that
only describes ("Russian speakers", "pro-Russian", "Russian-language", "ethnic Azerbaijanis", "Russian
territory") loses its actor code [``attribute``].

Roles and surnames resolve by the sentence's time (:mod:`.roles`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from .dictionary import Dictionary, Entry, Form, Head, Person, dictionary
from .roles import choose_person, holders, office_at, person_actor
from .trie import Hit, Tokens, Trie, build, longest, name_keys, tokenize

RULESET = "actors.v1"
Interval = tuple[date, date]

#: which form wins when one written name has several readings
_PRIORITY = {"exclude": 0, "person": 1, "state": 2, "org": 3, "body": 4, "company": 5, "capital": 6,
             "adjective": 7, "people": 8, "place": 9}
#: forms a head word may follow
_EXTENDABLE = frozenset({"state", "adjective", "capital", "org", "company", "place"})
#: forms that may stand after "of" in "the President of ..."
_OF_TARGETS = frozenset({"state", "capital", "org", "body", "place", "company"})
#: mention kinds a route may be made of
_ROUTE_KINDS = frozenset({"capital", "place", "state"})
_PLAIN_RULES = frozenset({f"{RULESET}:name"})


@dataclass(frozen=True, slots=True)
class Found:
    """A mention before it becomes a :class:`~dyadscope.records.Mention` (token and character spans)."""

    start: int
    end: int
    char_start: int
    char_end: int
    actor: str | None
    entry_id: str
    kind: str
    rule: str
    person: str | None = None
    detail: str | None = None
    office: str | None = None
    sector: str | None = None
    form_kind: str = ""
    possessive: bool = False          # the name carried "'s" (or a case ending after an apostrophe)


@dataclass(frozen=True, slots=True)
class Compiled:
    dic: Dictionary
    names: Trie
    names_lower: Trie
    heads: Trie
    attribute_followers: frozenset[str]
    capital_followers: frozenset[str]
    attribute_prefixes: frozenset[str]
    attribute_preceders: frozenset[str]
    connectors: tuple[tuple[str, ...], ...]
    apposition: frozenset[str]
    coordinators: tuple[tuple[str, ...], ...]
    route_words: tuple[tuple[str, ...], ...]
    caps_ratio: float


def _words(ctx: dict[str, Any], key: str) -> list[str]:
    return [str(w) for w in ctx.get(key) or ()]


@lru_cache(maxsize=8)
def compiled(lang: str = "en") -> Compiled:
    """The tries and context word sets for text in ``lang`` (built once per language)."""
    dic = dictionary()
    forms = [f for f in dic.forms if f.lang is None or f.lang == lang]
    names = build((name_keys(f.text), f) for f in forms)
    names_lower = build((name_keys(f.text, lower=True), f) for f in forms)
    heads = build((name_keys(text, lower=True), (h, text)) for h in dic.heads.values() for text, hl in h.forms
                  if hl is None or hl == lang)
    ctx = dic.context

    def seqs(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((name_keys(w, lower=True) for w in _words(ctx, key)), key=len, reverse=True))

    return Compiled(
        dic=dic, names=names, names_lower=names_lower, heads=heads,
        attribute_followers=frozenset(w.lower() for w in _words(ctx, "attribute_followers")),
        capital_followers=frozenset(w.lower() for w in _words(ctx, "capital_attribute_followers")),
        attribute_prefixes=frozenset(w.lower() for w in _words(ctx, "attribute_prefixes")),
        attribute_preceders=frozenset(w.lower() for w in _words(ctx, "attribute_preceders")),
        connectors=tuple(sorted((tuple(str(w).lower() for w in c) for c in ctx.get("of_connectors") or ()),
                                key=len, reverse=True)),
        apposition=frozenset(name_keys(" ".join(_words(ctx, "apposition")))),
        coordinators=seqs("coordinators"),
        route_words=seqs("route_words"),
        caps_ratio=float(ctx.get("caps_ratio", 0.6)),
    )


def _is_caps(text: str, ratio: float) -> bool:
    upper = sum(map(str.isupper, text))
    if upper < 8:
        return False
    return upper >= ratio * (upper + sum(map(str.islower, text)))


class _Sentence:
    """Matching state for one sentence."""

    def __init__(self, text: str, comp: Compiled, when: Interval | None) -> None:
        self.text = text
        self.comp = comp
        self.dic = comp.dic
        self.when = when
        self.tok: Tokens = tokenize(text)
        self.n = len(self.tok.keys)       # (len() of the tokens object is a Python call; read it once)
        caps = _is_caps(text, comp.caps_ratio)
        self.name_keys = self.tok.lower if caps else self.tok.keys
        self.names = comp.names_lower if caps else comp.names

    # --- lookups ------------------------------------------------------------------------------------------

    def name_at(self, i: int) -> Hit | None:
        if i >= self.n or self.name_keys[i] not in self.names and "'" not in self.name_keys[i]:
            return None
        return longest(self.names, self.name_keys, i)

    def head_at(self, i: int) -> Hit | None:
        if i >= self.n or self.tok.lower[i] not in self.comp.heads:
            return None
        return longest(self.comp.heads, self.tok.lower, i)

    def char_end(self, hit: Hit) -> int:
        last = hit.end - 1
        return self.tok.starts[last] + hit.cut if hit.cut is not None else self.tok.ends[last]

    def seq_at(self, i: int, seqs: tuple[tuple[str, ...], ...]) -> int:
        """Length of the first word sequence of ``seqs`` found at token ``i`` (0 when none)."""
        low = self.tok.lower
        for seq in seqs:
            if tuple(low[i:i + len(seq)]) == seq:
                return len(seq)
        return 0

    # --- building mentions --------------------------------------------------------------------------------

    def primary(self, hit: Hit) -> Form:
        return min(hit.payloads, key=lambda f: _PRIORITY.get(f.kind, 99))

    def from_name(self, hit: Hit) -> Found | None:
        form = self.primary(hit)
        entry = self.dic.entries[form.entry_id]
        start, end = self.tok.starts[hit.start], self.char_end(hit)
        if form.kind == "exclude":
            return Found(hit.start, hit.end, start, end, None, entry.entry_id, "exclude", f"{RULESET}:exclude")
        if form.kind == "person":
            return self.person_found(hit, start, end, (), None, f"{RULESET}:person")
        kind = form.kind
        actor = None if kind == "place" else entry.actor     # a place acts only through a head word
        detail = entry.detail if actor else None
        if kind in ("body", "company") and detail is None and entry.actor and entry.sector:
            detail = entry.actor + entry.sector
        if kind == "people" and detail is None and entry.actor:
            detail = entry.actor + "CVL"
        return Found(hit.start, hit.end, start, end, actor, entry.entry_id, kind, f"{RULESET}:name",
                     detail=detail, sector=entry.sector, form_kind=form.kind, possessive=hit.cut is not None)

    def persons_of(self, hit: Hit) -> list[Person]:
        return [self.dic.persons[f.entry_id] for f in hit.payloads if f.kind == "person"]

    def person_found(self, hit: Hit, start: int, end: int, offices: tuple[str, ...], actor_hint: str | None,
                     rule: str, first: int | None = None) -> Found:
        candidates = self.persons_of(hit)
        if actor_hint:
            same = [p for p in candidates if p.actor == actor_hint or p.state == actor_hint]
            candidates = same or candidates
        person = choose_person(candidates, self.when, offices)
        if person is None:
            actors = {p.actor for p in candidates}
            actor = actor_hint or (actors.pop() if len(actors) == 1 else None)
            eid = candidates[0].entry_id if candidates else ""
            return Found(hit.start if first is None else first, hit.end, start, end, actor, eid, "person", rule,
                         office=offices[0] if offices else None)
        actor, detail = person_actor(person, self.when, self.dic)
        return Found(hit.start if first is None else first, hit.end, start, end, actor_hint or actor,
                     person.entry_id, "person", rule, person=person.name, detail=detail,
                     office=office_at(person, self.when, offices))

    def with_head(self, base: Found, entry: Entry, head: Head, first: int, last: int, rule: str) -> Found:
        """A body or role mention of ``entry``'s actor, spanning tokens [first, last)."""
        actor = base.actor or entry.actor
        detail = entry.detail or (actor + head.sector if actor and head.sector else None)
        start, end = self.tok.starts[first], self.tok.ends[last - 1]
        if head.kind == "role":
            person = None
            scope = entry.scope or actor
            if self.when is not None and scope and head.offices:
                found = holders(head.offices, scope, self.when, self.dic)
                person = found[0][1] if found else None
            return Found(first, last, start, end, actor, entry.entry_id, "role", rule,
                         person=person.name if person else None, detail=detail, sector=head.sector,
                         office=head.offices[0] if head.offices else None)
        return Found(first, last, start, end, actor, entry.entry_id, "body", rule, detail=detail,
                     sector=head.sector)

    def after_head(self, found: Found, head: Head, k: int) -> Found:
        """Extend a role (or body) mention ending at token ``k`` with a person's name or a named body."""
        j = k + 1 if k < self.n and self.tok.keys[k] in self.comp.apposition else k
        hit = self.name_at(j)
        if hit is None:
            return found
        form = self.primary(hit)
        if form.kind == "person" and head.kind in ("role", "honorific"):
            return self.person_found(hit, self.tok.starts[found.start], self.char_end(hit), head.offices,
                                     found.actor, f"{RULESET}:{'role_person' if found.actor else 'title_person'}",
                                     first=found.start)
        if head.kind == "body" and form.kind in ("company", "body", "org"):
            named = self.from_name(hit)
            if named is not None and named.actor and (found.actor is None or named.actor == found.actor):
                return dataclasses.replace(named, start=found.start, char_start=found.char_start,
                                           rule=f"{RULESET}:body_name")
        return found

    def extend(self, base: Found, hit: Hit) -> Found | None:
        """A state word followed by a head word: "Russian troops", "Azerbaijan's Foreign Ministry"."""
        entry = self.dic.entries[base.entry_id]
        if base.form_kind not in _EXTENDABLE or not entry.extends:
            return None
        h = self.head_at(hit.end)
        if h is None:
            return self.named_after(base, hit)
        head = h.payloads[0][0]
        if head.head_id == "honorific":
            return None
        found = self.with_head(base, entry, head, hit.start, h.end, f"{RULESET}:state_head")
        return self.after_head(found, head, h.end)

    def named_after(self, base: Found, hit: Hit) -> Found | None:
        """A state word before a named body of that state: "Russia's Federal Security Service"."""
        if base.form_kind not in ("state", "adjective") or base.actor is None:
            return None
        nxt = self.name_at(hit.end)
        if nxt is None or self.primary(nxt).kind not in ("body", "company"):
            return None
        named = self.from_name(nxt)
        if named is None or named.actor != base.actor:
            return None
        return dataclasses.replace(named, start=base.start, char_start=base.char_start,
                                   rule=f"{RULESET}:state_name")

    def head_first(self, h: Hit) -> Found | None:
        """A head word first: "the President of Azerbaijan", "МИД России", "President Aliyev"."""
        head, written = h.payloads[0]
        k = h.end
        targets = []
        for conn in self.comp.connectors if head.of_state else ():
            if tuple(self.tok.lower[k:k + len(conn)]) == conn:
                targets.append(k + len(conn))
                break
        if any("\u0400" <= ch <= "\u04ff" for ch in written):
            targets.append(k)
        for t in targets:
            hit = self.name_at(t)
            if hit is None:
                continue
            inner = self.best_name(hit)
            if inner is None or inner.actor is None or inner.kind not in _OF_TARGETS or inner.kind == "place":
                continue
            if inner.kind == "body" and head.kind == "body":
                return dataclasses.replace(inner, start=h.start, char_start=self.tok.starts[h.start],
                                           rule=f"{RULESET}:head_of_state")
            entry = self.dic.entries[inner.entry_id]
            found = self.with_head(inner, entry, head, h.start, inner.end, f"{RULESET}:head_of_state")
            return self.after_head(found, head, inner.end)
        if head.kind in ("role", "honorific"):
            j = k + 1 if head.kind == "role" and k < self.n and self.tok.keys[k] in self.comp.apposition else k
            hit = self.name_at(j)
            if hit is not None and self.primary(hit).kind == "person":
                return self.person_found(hit, self.tok.starts[h.start], self.char_end(hit), head.offices, None,
                                         f"{RULESET}:title_person", first=h.start)
        return None

    def best_name(self, hit: Hit) -> Found | None:
        """The mention a name hit makes, extended by a head word when one follows."""
        base = self.from_name(hit)
        if base is None or base.kind in ("exclude", "person"):
            return base
        ext = self.extend(base, hit)
        return ext if ext is not None and ext.end > base.end else base

    def at(self, i: int) -> Found | None:
        cands: list[Found] = []
        hit = self.name_at(i)
        if hit is not None:
            found = self.best_name(hit)
            if found is not None:
                cands.append(found)
        h = self.head_at(i)
        if h is not None:
            found = self.head_first(h)
            if found is not None:
                cands.append(found)
        if not cands:
            return None
        return max(cands, key=lambda f: f.end)

    def run(self) -> list[Found]:
        out: list[Found] = []
        keys, lower, names, heads = self.name_keys, self.tok.lower, self.names, self.comp.heads
        # the tokens a name or head word may start at (most tokens start none): one pass in a comprehension
        starts = [i for i, key in enumerate(keys) if key in names or lower[i] in heads or "'" in key]
        reached = 0
        for i in starts:
            if i < reached:
                continue                  # inside a mention already found
            found = self.at(i)
            if found is None:
                continue
            out.append(found)
            reached = max(found.end, i + 1)
        out = [f for f in out if f.kind != "exclude"]
        out = self.routes(out)
        out = self.coordinate(out)
        result: list[Found] = []
        for f in reversed(out):           # right to left: "Armenian-Azerbaijani border" describes with both
            result.append(self.attribute(f, result[-1] if result else None))
        return result[::-1]

    # --- passes -------------------------------------------------------------------------------------------

    def routes(self, found: list[Found]) -> list[Found]:
        """Place names joined by dashes before a route word: one place mention."""
        out: list[Found] = []
        i = 0
        while i < len(found):
            run = [found[i]]
            while run[-1].kind in _ROUTE_KINDS and run[-1].rule in _PLAIN_RULES:
                j = i + len(run)
                if j >= len(found):
                    break
                nxt = found[j]
                gap = self.tok.keys[run[-1].end:nxt.start]
                if gap == ("-",) and nxt.kind in _ROUTE_KINDS and nxt.rule in _PLAIN_RULES:
                    run.append(nxt)
                else:
                    break
            extra = self.seq_at(run[-1].end, self.comp.route_words) if len(run) > 1 else 0
            if len(run) > 1 and (extra or any(f.kind == "place" for f in run)):
                last = run[-1].end + extra
                out.append(Found(run[0].start, last, run[0].char_start, self.tok.ends[last - 1], None,
                                 "actors/places:route", "place", f"{RULESET}:route"))
                i += len(run)
            else:
                out.append(found[i])
                i += 1
        return out

    def coordinate(self, found: list[Found]) -> list[Found]:
        """"Armenian and Russian special services": the bare adjective takes the head of its partner."""
        out = list(found)
        for i in range(len(out) - 1):
            a, b = out[i], out[i + 1]
            if a.form_kind != "adjective" or a.rule not in _PLAIN_RULES or b.rule != f"{RULESET}:state_head":
                continue
            gap = self.tok.lower[a.end:b.start]
            if not gap or self.seq_at(a.end, self.comp.coordinators) != len(gap):
                continue
            entry = self.dic.entries[a.entry_id]
            detail = entry.detail or (a.actor + b.sector if a.actor and b.sector else None)
            out[i] = dataclasses.replace(a, kind=b.kind if b.kind != "person" else "body", detail=detail,
                                         sector=b.sector, rule=f"{RULESET}:coordinated_head")
        return out

    def attribute(self, f: Found, following: Found | None) -> Found:
        """A bare state word that only describes something loses its actor code (``following`` is the next
        mention, already decided: a word joined to it by a dash describes when it does)."""
        if f.rule not in _PLAIN_RULES or f.kind not in ("state", "adjective", "capital", "people", "org"):
            return f
        if not self.describes(f, following):
            return f
        return dataclasses.replace(f, actor=None, detail=None, rule=f"{RULESET}:attribute")

    def describes(self, f: Found, following: Found | None) -> bool:
        tok, low = self.tok, self.tok.lower
        n, nxt, first = len(tok), f.end, f.start
        if nxt < n and low[nxt] in self.comp.attribute_followers and (f.form_kind == "adjective" or f.possessive):
            return True                   # "Russian speakers", "Azerbaijan's oil"
        if nxt < n and f.form_kind == "capital" and low[nxt] in self.comp.capital_followers and not f.possessive:
            return True                   # "the Madrid Principles", "the Minsk agreements"
        dash_after = nxt + 1 < n and tok.keys[nxt] == "-" and tok.glued(nxt) and tok.glued(nxt + 1)
        if dash_after and following is not None and following.start == nxt + 1 \
                and following.rule == f"{RULESET}:attribute":
            return True                   # "Armenian-Azerbaijani border"
        if dash_after and tok.keys[nxt + 1][:1].islower():
            return True                   # "Russian-speaking", "Kremlin-backed"
        if first >= 2 and tok.keys[first - 1] == "-" and tok.glued(first) and tok.glued(first - 1) \
                and (low[first - 2] in self.comp.attribute_prefixes or tok.keys[first - 2][:1].islower()):
            return True                   # "pro-Russian", "post-Soviet"
        return first >= 1 and low[first - 1] in self.comp.attribute_preceders   # "ethnic Russians"


def find(text: str, when: Interval | None = None, lang: str = "en") -> list[Found]:
    """Mentions in ``text`` (one sentence), with offsets relative to it."""
    if not text:
        return []
    return _Sentence(text, compiled(lang if lang in ("en", "ru", "az", "tr") else "en"), when).run()
