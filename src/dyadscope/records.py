"""The records that flow between stages (DESIGN §2).

All records are frozen dataclasses with ``slots``; stages return new records (``dataclasses.replace``).
Offsets are character offsets into ``Document.text`` (the cleaned text) unless a field says otherwise.
Every record a rule produces carries ``rule`` (``"<ruleset>.v<N>:<rule id>"``) so it can explain itself.

``to_dict`` / ``from_dict`` give the JSON form used by the CLI outputs (DESIGN §5) and by the store.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

Precision = Literal["day", "month", "season", "quarter", "year", "decade", "century"]
PRECISIONS: tuple[str, ...] = ("day", "month", "season", "quarter", "year", "decade", "century")
TimexKind = Literal["absolute", "relative", "narrative", "duration", "set"]
DateBasis = Literal["explicit", "narrative", "publication", "none"]
Modality = Literal["asserted", "reported", "hypothetical", "future", "negated", "opinion"]
MODALITIES: tuple[str, ...] = ("asserted", "reported", "hypothetical", "future", "negated", "opinion")
HAPPENED: frozenset[str] = frozenset({"asserted", "reported"})
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER",
)


def text_id(text: str) -> str:
    """The id of a document: sha256 of its cleaned text (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Removal:
    """One change the cleaner made: a span dropped or rewritten, with its kind and the rule that did it.

    ``start``/``end`` are offsets into the text *before* that cleaning step ran (the decoded raw text for the
    first step); ``replacement`` is what stands in its place in the cleaned text ("" when dropped).
    """

    kind: str
    text: str
    rule: str
    start: int | None = None
    end: int | None = None
    replacement: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    doc: str
    doc_id: str
    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_precision: str | None = None
    published_basis: str = "none"
    language: str | None = None
    languages: tuple[str, ...] = ()
    mixed_language: bool = False
    format: str = "txt"
    encoding: str | None = None
    path: str | None = None
    removed: tuple[Removal, ...] = ()
    warnings: tuple[str, ...] = ()
    #: how each metadata field was found: {"author": "byline", "published": "dateline", ...}
    metadata_basis: dict[str, str] = field(default_factory=dict)
    #: end-notes / reference list separated from the body (not part of ``text``)
    notes: str | None = None
    #: per paragraph (index into the blank-line separated paragraphs of ``text``) language code
    paragraph_languages: tuple[str | None, ...] = ()
    #: where each metadata value came from: {"author": {"rule": "ingest.meta.v1:byline_plain", "text": "By …",
    #: "start": 120, "end": 141}}; offsets are into the decoded text before cleaning (absent for file properties)
    metadata_evidence: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to an actor: state, organisation, body or person."""

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    actor: str | None                 # resolved code: "RUS", "NATO", ...
    entry_id: str                     # dictionary entry id, e.g. "person.putin_vladimir"
    person: str | None = None         # canonical person name when the mention is a person
    detail: str | None = None         # finer code (e.g. "RUSMIL", "AZEGOV")
    kind: str = "state"               # state | org | body | person | company | place | role | pronoun
    rule: str = ""
    office: str | None = None         # office key of a role or titled person ("president", "foreign_minister")


@dataclass(frozen=True, slots=True)
class Timex:
    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    value: str                        # TIMEX3 value: "2003-02", "199X", "P14Y", "PRESENT_REF"
    date_start: str | None            # ISO ("1993", "1993-09", "1993-09-20"); None for durations
    date_end: str | None
    precision: str | None
    kind: str                         # absolute | relative | narrative | duration | set
    type: str = "DATE"                # TIMEX3 type: DATE | TIME | DURATION | SET
    anchor: str | None = None         # what a relative value was resolved against
    rule: str = ""
    mod: str | None = None            # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN, ...
    range_start: int | None = None    # offsets of the whole range or list this timex is one end of
    range_end: int | None = None      # ("from 1992 to 2000"); date_start/date_end then span the range


@dataclass(frozen=True, slots=True)
class NarrativeTime:
    """The time a sentence talks about (DESIGN §4): from its own expressions or carried from before."""

    doc_id: str
    sentence: int
    date_start: str | None
    date_end: str | None
    precision: str | None
    basis: str                        # "explicit" | "carried" | "publication" | "reset" | "none"
    timex_start: int | None = None    # offset of the governing timex, if any
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    doc: str
    doc_id: str
    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    source: str | None
    target: str | None
    plover: str
    quad: int | None
    intensity: float
    modality: str = "asserted"
    source_text: str | None = None
    target_text: str | None = None
    source_person: str | None = None
    target_person: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    date_basis: str = "none"
    issues: tuple[str, ...] = ()
    mode: str | None = None
    attributed_to: str | None = None  # who says so, for modality "reported"
    confidence: float = 0.5
    rule: str = ""
    sentence_index: int = -1
    event_id: str = ""
    #: "text" when the target is named in the evidence sentence; "implied" when the sentence names only the
    #: source and the target is the other state of the dyad named just before (lower confidence)
    target_basis: str = "text"
    #: "implied" when the sentence is an agentless passive and the source is the other state of the dyad
    #: named in the passage ("two Russian journalists were detained in Baku": AZE), else "text"
    source_basis: str = "text"
    #: why the modality is what it is: the rule ("modality.v1:hypothetical") and the words that decided it
    modality_rule: str = ""
    modality_cue: str | None = None
    #: the rule that dated the event ("dating.v1:explicit")
    date_rule: str = ""

    def with_id(self) -> Event:
        key = f"{self.doc_id}|{self.start}|{self.trigger_start}|{self.source}|{self.target}|{self.plover}"
        return dataclasses.replace(self, event_id=hashlib.sha1(key.encode()).hexdigest()[:16])


@dataclass(frozen=True, slots=True)
class Period:
    doc: str
    doc_id: str
    label: str
    start: str | None
    end: str | None
    sentence: str
    offset: int = -1
    kind: str = "stated"              # stated (by an author) | cited (a scheme the author attributes) | implicit (stages a document's section headings imply) | detected
    confidence: float = 0.5
    rule: str = ""
    scope: str = "relationship"       # relationship | policy (one state's policy) | issue_specific
    start_basis: str = "none"         # stated | implied (previous stage's end) | anaphora | leader | restated | none
    end_basis: str = "none"           # stated | implied (next stage's start) | restated | none
    ordinal: int | None = None        # position in its scheme (1 = first stage)
    scheme_size: int | None = None    # how many stages the scheme announces (or holds)
    end_offset: int = -1              # end of the words that describe this stage


@dataclass(frozen=True, slots=True)
class Fact:
    doc: str
    doc_id: str
    subject: str
    value: str
    unit: str
    date: str | None
    sentence: str
    start: int
    end: int
    quote: str = ""
    rule: str = ""
    kind: str = "quantity"            # quantity | vote | happening (once for its key) | dated_event | dated_mention
    low: float | None = None          # the interval the value allows, given its qualifier and rounding
    high: float | None = None
    qualifier: str = "exact"          # exact | approx | above | below | nearly
    date_basis: str = "none"          # explicit | carried (from the sentence before) | relative | none
    tolerance: float = 0.0            # years two datings of a happening may differ by and still agree
    actors: tuple[str, ...] = ()      # actor codes in the subject key, in key order
    issue: str | None = None
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Story:
    story_id: str
    plover: str
    source: str | None
    target: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    event_ids: tuple[str, ...]
    docs: tuple[str, ...]
    issues: tuple[str, ...] = ()
    num_mentions: int = 0
    num_sources: int = 0
    date_conflict: bool = False
    trigger: str = ""                 # the trigger most mentions use (for display)
    rule: str = ""                    # the rule set that formed the story ("resolve.stories.v1")


@dataclass(frozen=True, slots=True)
class Contradiction:
    kind: str                         # "fact" | "story_date" | "fact_vs_story"
    subject: str
    a_doc: str
    a_value: str
    a_quote: str
    b_doc: str
    b_value: str
    b_quote: str
    note: str = ""
    a_start: int = -1                 # offsets of each evidence in its document's cleaned text
    a_end: int = -1
    b_start: int = -1
    b_end: int = -1
    a_doc_id: str = ""
    b_doc_id: str = ""
    rule: str = ""


R = TypeVar("R")


def to_dict(record: Any) -> dict[str, Any]:
    """JSON-ready dict of a record (tuples become lists)."""
    out = {}
    for f in dataclasses.fields(record):
        v = getattr(record, f.name)
        if isinstance(v, tuple):
            v = [to_dict(x) if dataclasses.is_dataclass(x) else x for x in v]
        elif dataclasses.is_dataclass(v) and not isinstance(v, type):
            v = to_dict(v)
        out[f.name] = v
    return out


def from_dict(cls: type[R], data: dict[str, Any]) -> R:
    """Inverse of :func:`to_dict`; unknown keys are ignored, lists become tuples."""
    names = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in names:
            continue
        if key == "removed" and cls is Document:
            value = tuple(from_dict(Removal, r) for r in value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[key] = value
    return cls(**kwargs)
