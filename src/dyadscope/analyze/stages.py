"""Stages of the relationship detected from the index: change points in yearly net cooperation.

The signal is the dyad's yearly net cooperation, each year weighted by the number of events behind it
(a year with one event moves the fit far less than a year with forty; a year with none not at all). The
fit is ruptures' Pelt with a weighted L2 cost — the within-segment sum of squares of the events' own
cooperation values (+1 for quads 1–2, −1 for quads 3–4) — so it is the change-in-mean model on the events
themselves, with segments cut at year boundaries. Years without events weigh nothing and are left out of
the fit, so a change point falls on the first year with events of the new stage.

**Penalty rule** (BIC for a change in mean): ``pen = 2 · σ² · ln N``, where N is the number of events and
σ² their pooled within-year variance (the noise a change must rise above); when no year has two events,
σ² = 1, the largest variance a ±1 value can have.

**Thin evidence**: every detected stage must rest on at least ``min_events`` (5) events; a change point
that would leave a thinner stage is dropped.

**Uncertainty**: the events are resampled with replacement (``bootstrap`` times, fixed seed) and the fit
repeated. For each change point, ``support`` is the share of resamples with a change point within one year
of it, and ``low``–``high`` the 5th–95th percentile of where the nearest such change point fell.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import ruptures as rpt
from ruptures.base import BaseCost

from ..records import Period
from .index import Unit

__all__ = ["RULESET", "ChangePoint", "DetectedStages", "detect_stages"]

RULESET = "stages.pelt.v1"


class _WeightedL2(BaseCost):
    """Weighted sum of squares around the weighted mean; the signal's columns are (weight, weighted sum,
    weighted sum of squares) per year."""

    model = "weighted_l2"
    min_size = 1

    def fit(self, signal: np.ndarray) -> _WeightedL2:
        self.signal = signal
        zero = np.zeros((1, 3))
        self.cum = np.vstack([zero, np.cumsum(signal, axis=0)])
        return self

    def error(self, start: int, end: int) -> float:
        w, s, q = self.cum[end] - self.cum[start]
        return float(q - s * s / w) if w > 0 else 0.0


@dataclass(frozen=True, slots=True)
class ChangePoint:
    year: int                   # the first year of the new stage
    low: int
    high: int
    support: float              # share of bootstrap resamples with a change point within a year of it


@dataclass(frozen=True, slots=True)
class DetectedStages:
    years: tuple[int, ...]
    net: tuple[float | None, ...]         # yearly net cooperation (None: no events)
    weights: tuple[int, ...]              # events per year
    change_points: tuple[ChangePoint, ...]
    periods: tuple[Period, ...]           # the stages between change points (kind "detected")
    penalty: float
    sigma2: float


def _value(unit: Unit) -> float:
    return 1.0 if unit.quad in (1, 2) else -1.0


def _yearly(year_index: np.ndarray, values: np.ndarray, n_years: int) -> np.ndarray:
    """Per year: (events, sum of values, sum of squared values)."""
    return np.column_stack([np.bincount(year_index, minlength=n_years).astype(float),
                            np.bincount(year_index, weights=values, minlength=n_years),
                            np.bincount(year_index, weights=values * values, minlength=n_years)])


def _fit(sig: np.ndarray, pen: float, min_events: int) -> list[int]:
    """Change points (indexes of the first year of each new stage); every stage keeps ``min_events``."""
    rows = np.flatnonzero(sig[:, 0] > 0)  # years without events cost nothing: fit on the others only
    if len(rows) < 2:
        return []
    algo = rpt.Pelt(custom_cost=_WeightedL2(), min_size=1, jump=1).fit(sig[rows])
    cps = [int(rows[b]) for b in algo.predict(pen=pen) if b < len(rows)]
    while cps:
        bounds = [0, *cps, len(sig)]
        counts = [sig[a:b, 0].sum() for a, b in itertools.pairwise(bounds)]
        thin = min(range(len(counts)), key=lambda i: counts[i])
        if counts[thin] >= min_events:
            break
        cps.pop(min(thin, len(cps) - 1) if thin < len(cps) else len(cps) - 1)
    return cps


def _sigma2(units: Sequence[Unit]) -> float:
    by_year: dict[str, list[float]] = {}
    for u in units:
        by_year.setdefault(u.date[:4], []).append(_value(u))
    ss = sum(float(np.var(v)) * len(v) for v in by_year.values() if len(v) > 1)
    dof = sum(len(v) - 1 for v in by_year.values() if len(v) > 1)
    return ss / dof if dof > 0 and ss > 0 else 1.0


def detect_stages(units: Sequence[Unit], *, bootstrap: int = 100, seed: int = 0, min_events: int = 5
                  ) -> DetectedStages:
    """Change points of the yearly net cooperation of ``units`` (see the module docstring)."""
    dated = [u for u in units if u.date[:4].isdigit() and u.quad]
    if not dated:
        return DetectedStages((), (), (), (), (), 0.0, 0.0)
    years = list(range(min(int(u.date[:4]) for u in dated), max(int(u.date[:4]) for u in dated) + 1))
    year_index = np.array([int(u.date[:4]) - years[0] for u in dated], dtype=np.int64)
    values = np.array([_value(u) for u in dated])
    sig = _yearly(year_index, values, len(years))
    n = len(dated)
    sigma2 = _sigma2(dated)
    pen = 2.0 * sigma2 * math.log(max(n, 2))
    cps = _fit(sig, pen, min_events)
    rng = np.random.default_rng(seed)
    replicates: list[list[int]] = []
    if cps and bootstrap:
        for _ in range(bootstrap):
            pick = rng.integers(0, n, size=n)
            resampled = _yearly(year_index[pick], values[pick], len(years))
            replicates.append([years[b] for b in _fit(resampled, pen, min_events)])
    points = []
    for b in cps:
        year = years[b]
        near = [min(r, key=lambda y: abs(y - year)) for r in replicates if r]
        close = [y for y in near if abs(y - year) <= 3]
        support = sum(1 for y in near if abs(y - year) <= 1) / len(replicates) if replicates else 0.0
        low, high = (int(np.percentile(close, 5)), int(np.percentile(close, 95))) if close else (year, year)
        points.append(ChangePoint(year, min(low, year), max(high, year), support))
    weights = tuple(int(w) for w in sig[:, 0])
    net = tuple((float(s / w) if w else None) for w, s, _ in sig)
    return DetectedStages(tuple(years), net, weights, tuple(points),
                          tuple(_periods(years, sig, points)), pen, sigma2)


def _periods(years: list[int], sig: np.ndarray, points: Sequence[ChangePoint]) -> list[Period]:
    bounds = [years[0], *(p.year for p in points), years[-1] + 1]
    out = []
    for k, (a, b) in enumerate(itertools.pairwise(bounds), start=1):
        rows = sig[a - years[0]:b - years[0]]
        w, s = float(rows[:, 0].sum()), float(rows[:, 1].sum())
        net = s / w if w else 0.0
        support = points[k - 2].support if k >= 2 else 1.0
        out.append(Period(doc="", doc_id="", label=f"Detected stage {k} ({a}–{b - 1}): net cooperation {net:+.2f}, "
                          f"{int(w)} events", start=str(a), end=str(b - 1), sentence="", kind="detected",
                          confidence=round(support, 3), rule=f"{RULESET}:pelt_weighted_l2", ordinal=k,
                          scheme_size=len(points) + 1))
    return out
