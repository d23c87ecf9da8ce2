"""Light chunking of one sentence for the event coder: tokens, clauses and verb groups.

There is no statistical parser (spaCy blank pipelines only), so structure comes from closed-class words in
``data/events/grammar.yaml``:

- **tokens**: words (hyphenated compounds and numbers with separators, "2,000", kept whole, line-break
  hyphenation undone), possessive ``'s`` and
  ``n't`` split off (an apostrophe starts a token), punctuation one character each. Each token keeps its offsets into the document text.
- **clauses**: a clause id per token, and a kind per clause (main, sub, relative, bracket). Clause
  punctuation (``;`` ``:`` dashes, brackets), subordinators (``when``, ``if``, ``because`` …) and a
  complementizer "that" open a new clause; a relative pronoun after a comma (``, which``) opens a relative
  clause that closes at the next comma, after which the outer clause resumes; a sentence-initial phrase
  ("Having understood …", "When …", "In 1993 …") closes at its first comma.
- **joined**: the lower-cased tokens joined by single spaces (with a space before and after), so trigger
  patterns compile to regular expressions over whole tokens; :meth:`Chunks.token_at` maps a character of
  ``joined`` back to its token.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..lexicon import load_yaml

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:(?:[-‐]\s*\n\s*|[-‐])\w+)*|['’]\w+|\S")
_LINEBREAK_HYPHEN_RE = re.compile(r"[-‐]\s*\n\s*")
_PRONOUN_SUBJECTS = frozenset({"it", "they", "he", "she", "we", "i", "you"})
_QUOTE_MAP = str.maketrans({"’": "'", "‘": "'", "‐": "-"})


@dataclass(frozen=True, slots=True)
class Grammar:
    """The closed-class word lists of ``data/events/grammar.yaml`` as frozensets."""

    clause_punct: frozenset[str]
    subordinators: frozenset[str]
    relative: frozenset[str]
    coordinators: frozenset[str]
    clause_coordinators: frozenset[str]
    auxiliaries: frozenset[str]         # be, have, do and the modals together
    be: frozenset[str]
    have: frozenset[str]
    do: frozenset[str]
    modal: frozenset[str]
    group_adverbs: frozenset[str]
    prepositions: frozenset[str]
    determiners: frozenset[str]
    approximators: frozenset[str]
    possessive_marks: frozenset[str]
    np_stops: frozenset[str]
    reciprocal: tuple[str, ...]
    list_joiners: frozenset[str]
    that_clause_next: frozenset[str]
    of_heads: frozenset[str]
    initial_openers: frozenset[str]
    list_kinds: dict[str, str]        # mention kind → the class of kinds that may share a comma list
    adjective_endings: tuple[str, ...]
    between_words: frozenset[str]
    infinitive_heads: frozenset[str] = frozenset()   # "began to support": the infinitive is an act
    phrase_openers: frozenset[str] = frozenset()     # "In July 2025 …": an opening phrase with no verb
    adjunct_preps: frozenset[str] = frozenset()      # "during the war in …": a circumstance, no target



@cache
def grammar() -> Grammar:
    data = load_yaml("events/grammar.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    return Grammar(
        clause_punct=words("clause_punct"), subordinators=words("subordinators"), relative=words("relative"),
        coordinators=words("coordinators"), clause_coordinators=words("clause_coordinators"),
        auxiliaries=words("be") | words("have") | words("do") | words("modal"), be=words("be"), have=words("have"), do=words("do"),
        modal=words("modal"), group_adverbs=words("group_adverbs"), prepositions=words("prepositions"),
        determiners=words("determiners"), approximators=words("approximators"), possessive_marks=words("possessive_marks"),
        np_stops=words("np_stops"), reciprocal=tuple(str(w) for w in data["reciprocal"]),
        list_joiners=words("list_joiners"),
        that_clause_next=words("that_clause_next"), of_heads=words("of_heads"),
        initial_openers=words("initial_openers"),
        list_kinds={str(k): str(cls) for cls, kinds in data["list_kinds"].items() for k in kinds},
        adjective_endings=tuple(str(w) for w in data["adjective_endings"]),
        between_words=words("between_words"),
        infinitive_heads=frozenset(str(w).lower().split()[-1] for w in data.get("infinitive_heads", [])),
        phrase_openers=frozenset(str(w).lower() for w in data.get("phrase_openers", [])),
        adjunct_preps=frozenset(str(w).lower() for w in data.get("adjunct_preps", [])),
    )


def normalise(token: str) -> str:
    """Lower case, straight apostrophes, line-break hyphenation undone ("through-\\nout" → "throughout")."""
    if "\n" in token:
        token = _LINEBREAK_HYPHEN_RE.sub("", token)
    return token.translate(_QUOTE_MAP).lower()


@dataclass(frozen=True, slots=True)
class Chunks:
    """One sentence, tokenised and cut into clauses."""

    offset: int                       # document offset of the sentence start
    text: str                         # the sentence text
    words: tuple[str, ...]            # normalised tokens
    starts: tuple[int, ...]           # document offsets
    ends: tuple[int, ...]
    clause: tuple[int, ...]           # clause id per token
    parent: tuple[int, ...]           # per clause id: the clause it interrupts (-1 for top-level clauses)
    kinds: tuple[str, ...]            # per clause id: main | sub | relative | bracket
    joined: str                       # " w0 w1 … wn "
    positions: tuple[int, ...]        # index in ``joined`` where each token starts
    timex: frozenset[int] = frozenset()  # tokens inside time expressions (set by the coder)
    actors: frozenset[int] = frozenset()  # tokens inside actor mentions (set by the coder)

    def __len__(self) -> int:
        return len(self.words)

    def token_at(self, char: int) -> int:
        """The token that covers character ``char`` of :attr:`joined`."""
        return bisect_right(self.positions, char) - 1

    def surface(self, i: int, j: int) -> str:
        """The document text of tokens i..j-1 (as written)."""
        if j <= i:
            return ""
        return self.text[self.starts[i] - self.offset:self.ends[j - 1] - self.offset]

    def same_clause(self, i: int, j: int) -> bool:
        """Are tokens i and j in the same clause, or is one's clause interrupted by the other's?"""
        a, b = self.clause[i], self.clause[j]
        return a == b or self.parent[a] == b or self.parent[b] == a

    def relative_to(self, i: int) -> int | None:
        """If token i is in a relative clause, the index of its relative pronoun; else None."""
        c = self.clause[i]
        if self.kinds[c] != "relative":
            return None
        j = i
        while j > 0 and self.clause[j - 1] == c:
            j -= 1
        return j

    def clause_span(self, i: int) -> tuple[int, int]:
        """[start, end) token range of the clause holding token i (contiguous part)."""
        c = self.clause[i]
        s = i
        while s > 0 and self.clause[s - 1] == c:
            s -= 1
        e = i
        while e < len(self.words) and self.clause[e] == c:
            e += 1
        return s, e


def tokenize(text: str, offset: int = 0) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """Normalised tokens of ``text`` with document offsets (``offset`` = where ``text`` starts)."""
    folded = text.translate(_QUOTE_MAP).lower()
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    if len(folded) == len(text):
        words = [folded[a:b] for a, b in spans]
    else:                                          # lower() may lengthen a few letters ("İ"): token by token
        words = [normalise(text[a:b]) for a, b in spans]
    starts = [offset + a for a, _ in spans]
    ends = [offset + b for _, b in spans]
    if "\n" in text or "'t" in folded:
        for k, w in enumerate(words):
            if "\n" in w:
                words[k] = _LINEBREAK_HYPHEN_RE.sub("", w)
            elif w == "'t" and k > 0 and words[k - 1].endswith("n") and ends[k - 1] == starts[k]:
                words[k - 1] = words[k - 1][:-1]       # "didn't" → "did" + "n't"
                ends[k - 1] -= 1
                words[k], starts[k] = "n't", starts[k] - 1
    return tuple(words), tuple(starts), tuple(ends)


def _clauses(words: tuple[str, ...], caps: Callable[[int], bool],
             g: Grammar) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    ids: list[int] = []
    parent: list[int] = [-1]
    kinds: list[str] = ["main"]
    current = 0
    relative_from: int | None = None   # clause to resume after a relative clause closes
    # a sentence-initial phrase (subordinate clause, participle, "Despite …") closes at its first comma
    initial_sub = bool(words) and (words[0] in g.initial_openers or (words[0].endswith("ing") and len(words[0]) > 4))
    bracket_from: list[int] = []
    # an opening prepositional phrase ("In July 2025", "With Moscow's backing") holds no verb of its own
    phrase_opener = bool(words) and words[0] in g.phrase_openers

    def open_clause(parent_id: int, kind: str) -> int:
        parent.append(parent_id)
        kinds.append(kind)
        return len(parent) - 1

    special = _special_words()
    for i, w in enumerate(words):
        if w not in special:              # most words change nothing
            ids.append(current)
            continue
        if w in ("(", "["):
            bracket_from.append(current)
            current = open_clause(current, "bracket")
            ids.append(current)
            continue
        if w in (")", "]") and bracket_from:
            ids.append(current)
            current = bracket_from.pop()
            continue
        if w == "," and relative_from is not None:
            ids.append(current)
            current, relative_from = relative_from, None
            continue
        if w == "," and initial_sub and phrase_opener and any(
                _verbish(words[k], g) and not caps(k) for k in range(1, i)):
            initial_sub = False           # "In July Baku cancelled visits, called off …": the phrase had ended
        if w == "," and initial_sub and not _list_comma(words, caps, i):
            ids.append(current)
            current, initial_sub = open_clause(-1, "main"), False
            continue
        if w == "," and not initial_sub and relative_from is None and i + 1 < len(words) and \
                _participle_opener(words, i + 1) and \
                not any(_verbish(x, g) and (k == 0 or not caps(k)) for k, x in enumerate(words[:i])):
            # "On 9 May, meeting Aliyev in Sochi, Putin promised …": a participle phrase after an opening
            # time or place phrase (no verb before it; "May" is a month) is a clause of its own
            ids.append(current)
            current, initial_sub = open_clause(-1, "sub"), True
            continue
        if w in g.relative and i > 0 and words[i - 1] == "," and relative_from is None:
            relative_from = current
            current = open_clause(current, "relative")
        elif w in g.clause_coordinators and _coordinated_clause(words, i, g):
            relative_from = None
            current = open_clause(-1, "main")
        elif w in g.clause_punct or (w in g.subordinators and not _in_phrase(words, i)) or _complementizer(words, caps, i, g):
            relative_from = None
            current = open_clause(-1, "main" if w in g.clause_punct else "sub")
            initial_sub = initial_sub or (w in g.subordinators and all(
                x in g.coordinators or x == "," or x in g.group_adverbs for x in words[:i]))
        ids.append(current)
    return tuple(ids), tuple(parent), tuple(kinds)


@cache
def _special_words() -> frozenset[str]:
    """Words that may open or close a clause (every other word just continues the current one)."""
    g = grammar()
    return frozenset({"(", "[", ")", "]", ",", "that"}) | g.relative | g.clause_coordinators | g.clause_punct \
        | g.subordinators


def _list_comma(words: tuple[str, ...], caps: Callable[[int], bool], i: int) -> bool:
    """A comma between two names of a list ("the leaders of Russia, Armenia and Azerbaijan signed"), which
    does not close a sentence-initial phrase."""
    if i == 0 or i + 2 >= len(words) or not (caps(i - 1) and caps(i + 1)):
        return False
    return words[i + 2] in (",", "and", "or") or (i + 3 < len(words) and words[i + 3] in ("and", "or"))


def _participle_opener(words: tuple[str, ...], i: int) -> bool:
    """Does token ``i`` open a participle phrase ("meeting Aliyev", "speaking in Baku")?"""
    w = words[i]
    return w.endswith("ing") and len(w) > 5 and w not in ("during", "including", "regarding", "concerning",
                                                           "according", "following", "notwithstanding")


def _verbish(word: str, g: Grammar) -> bool:
    from .triggers import verb_tags

    return word in g.auxiliaries or bool(verb_tags(word) & {"past", "third"}) or \
        (word.endswith("ed") and len(word) > 4)


def _coordinated_clause(words: tuple[str, ...], i: int, g: Grammar) -> bool:
    """A coordinator after a comma or semicolon that a subject and its verb follow opens a main clause
    ("…, but Baku declined", "…, and the foreign ministry summoned …"); not a shared subject ("…, but
    restrained itself") nor the last item of a list ("Azerbaijan, Georgia, and Ukraine signed")."""
    if i == 0 or words[i] not in g.clause_coordinators or words[i - 1] not in (",", ";"):
        return False
    for k in range(i - 2, max(-1, i - 6), -1):       # "X, Y, and Z": a comma just before is a list
        if words[k] == ",":
            return False
        if _verbish(words[k], g):
            break
    subject = False
    for x in words[i + 1:i + 13]:
        if x in (",", ";", ".", ":", "(", ")"):
            return False
        if _verbish(x, g):
            return subject
        if x not in g.group_adverbs:
            subject = True
    return False


def _complementizer(words: tuple[str, ...], caps: Callable[[int], bool], i: int, g: Grammar) -> bool:
    """ "that" opening a clause ("claims that the route …", "said that Russia …"), not the determiner
    ("that time")."""
    if words[i] != "that" or i == 0 or i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    return (nxt in g.that_clause_next or nxt[:1].isdigit() or caps(i + 1)) and words[i - 1] not in g.determiners


def _in_phrase(words: tuple[str, ...], i: int) -> bool:
    """Subordinators that are part of a fixed phrase do not open a clause ("as well as", "since then")."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if w == "since" and (nxt[:1].isdigit() or nxt == "then"):
        return True                   # "since 1993", "since then": a time phrase, not a clause
    if w in ("after", "before", "until", "since") and nxt not in _PRONOUN_SUBJECTS:
        # a preposition ("after the war") unless a past-tense verb follows soon ("after the army captured")
        from .triggers import verb_tags

        for x in words[i + 1:i + 7]:
            if x in (",", ";", ".", "and"):
                break
            if verb_tags(x) & {"past"} or (x.endswith("ed") and len(x) > 4):
                return False
        return True
    return w == "so" and nxt != "that"


def chunk(text: str, offset: int = 0, timex_spans: tuple[tuple[int, int], ...] = ()) -> Chunks:
    """Tokens and clauses of one sentence whose text starts at document offset ``offset``; ``timex_spans``:
    the document offsets of its time expressions (their tokens make :attr:`Chunks.timex`)."""
    return with_clauses(tokens_only(text, offset, timex_spans))


def tokens_only(text: str, offset: int = 0, timex_spans: tuple[tuple[int, int], ...] = ()) -> Chunks:
    """The tokens of one sentence without its clauses (``clause`` empty): enough to look for triggers, so a
    sentence that holds none is never cut into clauses (:func:`with_clauses` adds them)."""
    words, starts, ends = tokenize(text, offset)
    positions = []
    pos = 1
    for w in words:
        positions.append(pos)
        pos += len(w) + 1
    joined = " " + " ".join(words) + " "
    timex = frozenset(i for i, (a, b) in enumerate(zip(starts, ends))
                      for t0, t1 in timex_spans if a >= t0 and b <= t1) if timex_spans else frozenset()
    return Chunks(offset=offset, text=text, words=words, starts=starts, ends=ends, clause=(), parent=(),
                  kinds=(), joined=joined, positions=tuple(positions), timex=timex)


def with_clauses(c: Chunks) -> Chunks:
    """``c`` cut into clauses (``c`` itself when it already is)."""
    if c.clause or not c.words:
        return c
    text, offset, starts = c.text, c.offset, c.starts

    def caps(i: int) -> bool:
        return text[starts[i] - offset].isupper()

    clause, parent, kinds = _clauses(c.words, caps, grammar())
    return Chunks(offset=offset, text=text, words=c.words, starts=starts, ends=c.ends, clause=clause,
                  parent=parent, kinds=kinds, joined=c.joined, positions=c.positions, timex=c.timex)
