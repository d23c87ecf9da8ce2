"""Scores of periods, facts and contradictions against development gold (``../shared/gold/README.md``).

A system record matches a gold record when it is in the same document and its evidence sentence covers
the gold quote: after normalising case, punctuation, whitespace and line-break hyphenation the quote is a
substring of the sentence, or — for quotes of four words or more — at least 80% of the quote's words are in
it. Each gold record matches at most one system record. Tests pin floors on these scores; ``python -m
dyadscope.analyze.quality GOLD_DIR PATH...`` prints them for a folder of documents.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GoldFileError
from ..records import Contradiction, Fact, Period

__all__ = ["ConflictScore", "FactScore", "PeriodScore", "covers", "load_gold", "normalise", "score_conflicts",
           "score_facts", "score_periods"]


def normalise(text: str) -> str:
    """Lower case, line-break hyphenation joined, punctuation dropped, whitespace collapsed."""
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    text = re.sub(r"[^\w%$€£]+", " ", text.lower())
    return " ".join(text.split())


def covers(sentence: str, quote: str) -> bool:
    """Does an evidence sentence cover a gold quote (see the module docstring)?"""
    s, q = normalise(sentence), normalise(quote)
    if not q:
        return False
    if q in s:
        return True
    words = q.split()
    if len(words) < 4:
        return False
    have = Counter(s.split())
    hits = 0
    for w in words:
        if have[w] > 0:
            have[w] -= 1
            hits += 1
    return hits / len(words) >= 0.8


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a gold JSON-lines file."""
    rows = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldFileError(f"cannot read gold file {path}: {exc}", hint="give the path of a .jsonl gold file") from exc
    for n, line in enumerate(lines, start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise GoldFileError(f"{path}:{n}: not JSON ({exc.msg})", hint="fix that line of the gold file") from exc
    return rows


def _match(gold: Sequence[dict[str, Any]], system: Sequence[Any], sentence_of: Callable[[Any], str],
           better: Callable[[dict[str, Any], Any], int]) -> dict[int, int]:
    """Gold index → system index: each gold to at most one system record, preferring ``better`` scores."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if s.doc == g["doc"] and covers(sentence_of(s), g["quote"]):
                pairs.append((-better(g, s), gi, si))
    pairs.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = {}
    for _, gi, si in pairs:
        if gi not in used_g and si not in used_s:
            out[gi] = si
            used_g.add(gi)
            used_s.add(si)
    return out


def _year(value: str | None) -> str | None:
    return value[:4] if value else None


@dataclass
class PeriodScore:
    relationship_gold: int = 0
    relationship_found: int = 0            # matched, with both years right
    relationship_matched: int = 0          # matched, whatever the years
    system: int = 0
    system_matched: int = 0                # system periods matching a gold periodisation of any kind
    misses: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.relationship_found / self.relationship_gold if self.relationship_gold else 1.0

    @property
    def precision(self) -> float:
        return self.system_matched / self.system if self.system else 1.0


def score_periods(gold: Sequence[dict[str, Any]], periods: Sequence[Period]) -> PeriodScore:
    """Recall of the ``relationship`` periodisations with the right years; precision over every kind."""
    def years_right(g: dict[str, Any], p: Period) -> bool:
        return (_year(g.get("start")), _year(g.get("end"))) == (_year(p.start), _year(p.end))

    matched = _match(gold, periods, lambda p: p.sentence, lambda g, p: int(years_right(g, p)))
    score = PeriodScore(system=len(periods), system_matched=len(set(matched.values())))
    for gi, g in enumerate(gold):
        if g.get("kind") != "relationship":
            continue
        score.relationship_gold += 1
        if gi in matched:
            score.relationship_matched += 1
            p = periods[matched[gi]]
            if years_right(g, p):
                score.relationship_found += 1
                continue
            score.misses.append(f"{g['id']}: years {p.start}–{p.end}, gold {g.get('start')}–{g.get('end')}")
        else:
            score.misses.append(f"{g['id']}: not found")
    score.extra = [f"{p.doc}: {p.label}" for si, p in enumerate(periods) if si not in set(matched.values())]
    return score


@dataclass
class FactScore:
    gold: int = 0
    found: int = 0                         # gold facts whose quote a system fact's sentence covers
    value_right: int = 0                   # … and whose value agrees with the gold's
    system: int = 0
    system_matched: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.system_matched / self.system if self.system else 1.0


def _digits(value: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?", value.replace(",", "")))


def _value_agrees(g: dict[str, Any], f: Fact) -> bool:
    gv, fv = str(g.get("value", "")), f"{f.value} {f.date or ''} {f.quote}"
    gd = _digits(gv)
    return bool(gd) and gd <= (_digits(fv) | _digits(f.sentence))


def score_facts(gold: Sequence[dict[str, Any]], facts: Sequence[Fact]) -> FactScore:
    """Recall of gold facts by quote coverage (and how many also carry the gold's value); precision."""
    matched = _match(gold, facts, lambda f: f.sentence, lambda g, f: int(_value_agrees(g, f)))
    score = FactScore(gold=len(gold), found=len(matched), system=len(facts), system_matched=len(matched))
    for gi, g in enumerate(gold):
        if gi in matched:
            score.value_right += int(_value_agrees(g, facts[matched[gi]]))
        else:
            score.misses.append(f"{g['id']}: {g['subject']} = {g['value']}")
    return score


@dataclass
class ConflictScore:
    gold_pairs: int = 0                    # pairs of documents the gold says disagree
    flagged: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.flagged / self.gold_pairs if self.gold_pairs else 1.0


def score_conflicts(gold: Sequence[dict[str, Any]], contradictions: Iterable[Contradiction]) -> ConflictScore:
    """Are the gold's conflicts between two documents flagged? A gold fact whose ``conflicts_with`` names
    another document is flagged when a contradiction pairs that document with a quote covering the fact's."""
    found = list(contradictions)
    score = ConflictScore()
    for g in gold:
        for other in g.get("conflicts_with") or ():
            if other == "established_fact" or other == g["doc"]:
                continue
            score.gold_pairs += 1
            hit = any(
                {c.a_doc, c.b_doc} == {g["doc"], other}
                and covers(c.a_quote if c.a_doc == g["doc"] else c.b_quote, g["quote"])
                for c in found)
            if hit:
                score.flagged += 1
            else:
                score.misses.append(f"{g['id']} vs {other}: {g['subject']}")
    return score


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m dyadscope.analyze.quality GOLD_DIR PATH...``: run the pipeline over PATH and print the
    scores of periods, facts and contradictions against ``seed_periods.jsonl`` and ``seed_facts.jsonl``."""
    import argparse

    from ..batch import BatchSummary, analyses
    from ..options import make_options
    from ..resolve.contradictions import find_contradictions

    ap = argparse.ArgumentParser(prog="python -m dyadscope.analyze.quality", description=main.__doc__)
    ap.add_argument("gold", type=Path, help="folder with seed_periods.jsonl and seed_facts.jsonl")
    ap.add_argument("paths", type=Path, nargs="+", help="the documents the gold annotates")
    ap.add_argument("--periods", default="seed_periods.jsonl", help="periods gold file name in the folder")
    ap.add_argument("--facts", default="seed_facts.jsonl", help="facts gold file name in the folder")
    args = ap.parse_args(argv)
    found = list(analyses(args.paths, make_options(), BatchSummary()))
    periods = [p for a in found for p in a.periods]
    facts = [f for a in found for f in a.facts]
    ps = score_periods(load_gold(args.gold / args.periods), periods)
    gold_facts = load_gold(args.gold / args.facts)
    fs = score_facts(gold_facts, facts)
    ft = score_facts(gold_facts, [f for f in facts if f.kind != "dated_mention"])
    contradictions = find_contradictions(facts)
    cs = score_conflicts(gold_facts, contradictions)
    lines = [
        (f"periods: relationship periodisations with the right years {ps.relationship_found}/{ps.relationship_gold}"
        f" (recall {ps.recall:.2f}); stages found {ps.system}, matching a gold periodisation of any kind "
        f"{ps.system_matched} (precision {ps.precision:.2f})"),
        (f"facts: gold facts covered {fs.found}/{fs.gold} (recall {fs.recall:.2f}), value agrees {fs.value_right}; "
        f"without dated mentions {ft.found}/{ft.gold} (recall {ft.recall:.2f}); facts found {fs.system}"),
        (f"contradictions: gold conflicts between documents flagged {cs.flagged}/{cs.gold_pairs}; "
        f"contradictions found {len(contradictions)}"),
        *(f"  {c.subject}: {c.a_doc} {c.a_value} vs {c.b_doc} {c.b_value}" for c in contradictions),
        *(f"  missed period {m}" for m in ps.misses),
        *(f"  extra period {m}" for m in ps.extra),
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
