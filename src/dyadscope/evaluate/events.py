"""Scoring extracted events against gold (``../shared/gold/README.md``, DESIGN §7).

A system event matches a gold event of the same document when its evidence sentence covers the gold quote:
after normalising both (NFKC, line-break hyphenation joined, lower case, straight apostrophes, only letters
and digits kept), the quote is a substring of the sentence, or — for quotes of four words or more — at
least 80% of the quote's words occur in the sentence. Gold events are taken in file order; each takes the
unused system event of its document that matches at the highest level (the first such in system order),
so each system event serves at most one gold event.

Levels: L1 evidence; L2 + directed source and target; L3 + quad. DATE: among L1 matches whose gold event
has a date, the share whose system date equals the gold's at the gold's precision (both ends of a range),
and that count over all dated gold events. Scope: gold events with a dyad state (AZE or RUS by default) as
source or target; system events likewise, whose modality says they happened (asserted, reported or
unset), in documents the gold annotates.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GoldFileError

DEFAULT_SCOPE: frozenset[str] = frozenset({"AZE", "RUS"})
#: modalities of events that count as having happened (None: the record does not say)
COUNTED_MODALITIES: frozenset[str | None] = frozenset({"asserted", "reported", None})
GOLD_REQUIRED = ("doc", "quote", "source", "target", "quad")

_HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(\w)")
_WORD = re.compile(r"[a-z0-9а-яё]+")
LEVELS = ("L1", "L2", "L3")


def normalise(text: str | None) -> str:
    """Text reduced to lower-case words of letters and digits, for comparing quotes and sentences."""
    folded = unicodedata.normalize("NFKC", text or "")
    folded = _HYPHEN_BREAK.sub(r"\1\2", folded).lower().replace("’", "'")
    return " ".join(_WORD.findall(folded))


def covers(sentence: str, quote: str) -> bool:
    """Does a normalised sentence cover a normalised quote (substring, or 80% of a 4+ word quote)?"""
    if not quote:
        return False
    if quote in sentence:
        return True
    words = quote.split()
    if len(words) < 4:
        return False
    present = set(sentence.split())
    return sum(1 for w in words if w in present) / len(words) >= 0.8


def same_date(gold: Mapping[str, Any], system: Mapping[str, Any]) -> bool:
    """The system's date equals the gold's at the gold's precision (both ends when the gold is a range)."""
    g_start, s_start = gold.get("date_start"), system.get("date_start")
    if not g_start or not s_start:
        return False
    if str(s_start)[:len(g_start)] != g_start:
        return False
    g_end = gold.get("date_end")
    if not g_end or g_end == g_start:
        return True
    s_end = system.get("date_end") or s_start
    return str(s_end)[:len(g_end)] == g_end


def _in_scope(record: Mapping[str, Any], scope: frozenset[str]) -> bool:
    return record.get("source") in scope or record.get("target") in scope


@dataclass(frozen=True, slots=True)
class LevelScore:
    precision: float
    recall: float
    f1: float
    n: int

    def as_dict(self) -> dict[str, float | int]:
        return {"p": round(self.precision, 3), "r": round(self.recall, 3), "f1": round(self.f1, 3), "n": self.n}


@dataclass(frozen=True, slots=True)
class EventScore:
    """Counts and figures of one scoring run (``as_dict`` gives the reference scorer's JSON)."""

    gold: int
    system: int
    levels: dict[str, LevelScore]
    date_correct: int
    date_matched: int                 # L1 matches whose gold has a date
    date_gold: int                    # dated gold events in scope
    matches: tuple[tuple[int, int, int], ...] = field(default=())   # (gold index, system index, level)

    @property
    def date_accuracy(self) -> float:
        return self.date_correct / self.date_matched if self.date_matched else 0.0

    @property
    def date_recall(self) -> float:
        return self.date_correct / self.date_gold if self.date_gold else 0.0

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"gold": self.gold, "system": self.system}
        for level in LEVELS:
            out[level] = self.levels[level].as_dict()
        out["DATE"] = {"acc_of_matched": round(self.date_accuracy, 3),
                       "recall_of_dated": round(self.date_recall, 3), "n": self.date_correct}
        return out


def score(gold: Sequence[Mapping[str, Any]], system: Sequence[Mapping[str, Any]],
          docs: Iterable[str] | None = None, scope: frozenset[str] = DEFAULT_SCOPE) -> EventScore:
    """Score system event records against gold event records (both as dicts, e.g. JSON lines)."""
    if docs is not None:
        wanted = set(docs)
        gold = [g for g in gold if g.get("doc") in wanted]
        system = [s for s in system if s.get("doc") in wanted]
    annotated = {g.get("doc") for g in gold}
    gold_in = [g for g in gold if _in_scope(g, scope)]
    sys_in = [s for s in system if s.get("doc") in annotated and _in_scope(s, scope)
              and s.get("modality") in COUNTED_MODALITIES]
    by_doc: dict[Any, list[tuple[int, str]]] = {}
    for i, s in enumerate(sys_in):
        by_doc.setdefault(s.get("doc"), []).append((i, normalise(s.get("sentence"))))
    taken: set[int] = set()
    hits = {1: 0, 2: 0, 3: 0}
    date_gold = date_matched = date_correct = 0
    matches = []
    for gi, g in enumerate(gold_in):
        quote = normalise(g.get("quote"))
        dated = bool(g.get("date_start"))
        date_gold += dated
        best, best_level = -1, 0
        for si, sentence in by_doc.get(g.get("doc"), ()):
            if si in taken or not covers(sentence, quote):
                continue
            s = sys_in[si]
            level = 1
            if s.get("source") == g.get("source") and s.get("target") == g.get("target"):
                level = 3 if s.get("quad") == g.get("quad") else 2
            if level > best_level:
                best, best_level = si, level
        if best < 0:
            continue
        taken.add(best)
        matches.append((gi, best, best_level))
        for level in range(1, best_level + 1):
            hits[level] += 1
        if dated:
            date_matched += 1
            date_correct += same_date(g, sys_in[best])
    levels = {}
    for k, name in enumerate(LEVELS, start=1):
        p = hits[k] / len(sys_in) if sys_in else 0.0
        r = hits[k] / len(gold_in) if gold_in else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        levels[name] = LevelScore(p, r, f, hits[k])
    return EventScore(gold=len(gold_in), system=len(sys_in), levels=levels, date_correct=date_correct,
                      date_matched=date_matched, date_gold=date_gold, matches=tuple(matches))


def load_jsonl(path: Path, *, required: Sequence[str] = (), what: str = "gold") -> list[dict[str, Any]]:
    """Records of a JSON-lines file; a malformed line raises GoldFileError naming the file and line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"cannot read {what} file {path}: {exc}",
                            hint=f"give a readable UTF-8 JSON-lines file with --{what}") from exc
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"{path}:{n}: not valid JSON ({exc.msg})",
                                hint="each line must be one JSON object") from exc
        if not isinstance(record, dict):
            raise GoldFileError(f"{path}:{n}: a line is not a JSON object", hint="each line must be one JSON object")
        missing = [k for k in required if k not in record]
        if missing:
            raise GoldFileError(f"{path}:{n}: {what} record lacks {', '.join(missing)}",
                                hint="see ../shared/gold/README.md for the fields of a gold event")
        out.append(record)
    return out


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Gold events of a JSON-lines file in the format of ``../shared/gold/README.md``."""
    return load_jsonl(path, required=GOLD_REQUIRED, what="gold")


def format_report(result: EventScore, title: str | None = None) -> str:
    """The plain-text report ``dyadscope eval`` prints."""
    lines = [title] if title else []
    lines.append(f"gold {result.gold}  system {result.system}")
    for name in LEVELS:
        lv = result.levels[name]
        lines.append(f"{name}: P {lv.precision:.3f} R {lv.recall:.3f} F1 {lv.f1:.3f} (n={lv.n})")
    lines.append(f"DATE: {result.date_accuracy:.3f} of matched, {result.date_recall:.3f} of all dated gold "
                 f"(n={result.date_correct})")
    return "\n".join(lines)
