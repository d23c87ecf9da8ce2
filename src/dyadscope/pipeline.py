"""Stages and the runner that sequences them (DESIGN §1, STYLE 3).

A stage is a named pure function ``(Analysis, Options) -> Analysis`` that declares which fields of
:class:`Analysis` it reads (``requires``) and which it fills (``assigns``). Stages register themselves with
:func:`stage`; :func:`plan` checks once that every requirement is assigned by an earlier stage.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import UsageError
from .options import Options
from .records import Document, Event, Fact, Mention, NarrativeTime, Period, Sentence, Timex


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything known about one document; each stage returns a new one with its fields filled."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    timexes: tuple[Timex, ...] = ()
    narrative: tuple[NarrativeTime, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    periods: tuple[Period, ...] = ()
    facts: tuple[Fact, ...] = ()
    #: stage-private caches (e.g. the spaCy Doc of the text); never serialised
    cache: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False, repr=False)


StageFunc = Callable[[Analysis, Options], Analysis]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_REGISTRY: dict[str, Stage] = {}

#: modules that define stages; imported on first use of :func:`plan`
STAGE_MODULES: tuple[str, ...] = (
    "dyadscope.text.stage",
    "dyadscope.annotate.time.stage",
    "dyadscope.annotate.actors",
    "dyadscope.code.events",
    "dyadscope.code.periods",
    "dyadscope.code.facts",
)

#: the default order of the whole pipeline after ingestion
DEFAULT_STAGES: tuple[str, ...] = ("segment", "time", "actors", "events", "periods", "facts")


def stage(name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = ()) -> Callable[[StageFunc], StageFunc]:
    """Register ``func`` as the stage ``name``."""
    fields = {f.name for f in dataclasses.fields(Analysis)}
    for f in (*requires, *assigns):
        if f not in fields:
            raise ValueError(f"stage {name}: unknown Analysis field {f!r}")

    def register(func: StageFunc) -> StageFunc:
        _REGISTRY[name] = Stage(name, func, tuple(requires), tuple(assigns))
        return func

    return register


def _load_modules() -> None:
    for mod in STAGE_MODULES:
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as exc:  # a stage module not installed yet: its stages are unknown
            if not exc.name or not (mod == exc.name or mod.startswith(exc.name + ".")):
                raise


def registered() -> tuple[str, ...]:
    """Names of every registered stage, in the default order first, then any others."""
    _load_modules()
    rest = sorted(n for n in _REGISTRY if n not in DEFAULT_STAGES)
    return tuple(n for n in DEFAULT_STAGES if n in _REGISTRY) + tuple(rest)


def plan(names: Sequence[str] = DEFAULT_STAGES) -> tuple[Stage, ...]:
    """The stages named, in order, after checking each one's requirements are assigned before it."""
    _load_modules()
    assigned = {"document"}
    out = []
    for name in names:
        if name not in _REGISTRY:
            raise UsageError(f"unknown stage {name!r}", hint=f"known stages: {', '.join(sorted(_REGISTRY))}")
        st = _REGISTRY[name]
        missing = [r for r in st.requires if r not in assigned]
        if missing:
            raise UsageError(f"stage {name!r} needs {', '.join(missing)}, which no earlier stage assigns")
        assigned.update(st.assigns)
        out.append(st)
    return tuple(out)


def run(document: Document, stages: Sequence[Stage], options: Options) -> Analysis:
    """Run planned stages over one document."""
    analysis = Analysis(document=document)
    for st in stages:
        analysis = st.func(analysis, options)
    return analysis


def analyse(document: Document, options: Options, names: Sequence[str] = DEFAULT_STAGES) -> Analysis:
    """Plan and run ``names`` over one document (convenience for tests and library users)."""
    return run(document, plan(names), options)
