"""Language of a document and of each of its paragraphs, with lingua, among ``Options.languages``.

Per paragraph of the cleaned text (blank-line separated, as :func:`dyadscope.text.segment.paragraphs`):

1. a paragraph written in a script that only one configured language uses (Cyrillic → ru when ru is the only
   Cyrillic language configured) gets that language without lingua;
2. a paragraph whose first words are clearly one configured language's function words ("the", "of", "и",
   "в", "və" …) gets that language without lingua (most prose is settled this way, cheaply);
3. otherwise a paragraph with at least ``min_letters`` letters is given to lingua's low-accuracy detector
   (its first ``sample_chars`` characters); shorter ones get no language (None);
4. the majority language is the one with most characters; a paragraph found in another language is checked
   again with the high-accuracy models and keeps that language only with ``minority_confidence``.

``languages`` lists every language that has at least one paragraph, majority first, plus any language whose
script appears in a run of words of the decoded text before cleaning (a "Read in Russian" link the cleaner
removed still shows that the page holds Russian). ``mixed_language`` is true when a second language holds
at least ``mixed_share`` of the characters. Settings: ``data/ingest/language.yaml``.

The detectors are built once per set of languages and cached (lingua loads its models on first use).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import UsageError
from ..lexicon import load_yaml
from ..options import Options
from ..text.segment import paragraphs

_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class LanguageResult:
    language: str | None
    languages: tuple[str, ...]
    mixed: bool
    paragraph_languages: tuple[str | None, ...]


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    return dict(load_yaml("ingest/language.yaml"))


@lru_cache(maxsize=8)
def _lingua_languages(codes: tuple[str, ...]) -> tuple[Any, ...]:
    from lingua import IsoCode639_1, Language

    out = []
    for code in codes:
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is None:
            raise UsageError(f"unknown language code {code!r} in the languages option",
                             hint="use ISO 639-1 codes such as en, ru, az, tr")
        out.append(Language.from_iso_code_639_1(iso))
    return tuple(out)


def check_languages(codes: tuple[str, ...]) -> None:
    """Raise UsageError when a configured language code is not one lingua knows."""
    _lingua_languages(codes)


@lru_cache(maxsize=8)
def detector(codes: tuple[str, ...], high_accuracy: bool = False) -> Any:
    """A lingua detector restricted to ``codes`` (cached: models load once per process)."""
    from lingua import LanguageDetectorBuilder

    langs = _lingua_languages(codes)
    if len(langs) < 2:
        return None
    builder = LanguageDetectorBuilder.from_languages(*langs)
    if not high_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


@lru_cache(maxsize=8)
def _unique_scripts(codes: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]:
    """(letter pattern, run-of-words pattern, language) for scripts that only one configured language uses."""
    cfg = _config()
    n = max(1, int(cfg["script_run_words"]))
    out = []
    for spec in cfg["scripts"].values():
        langs = [code for code in codes if code in spec["languages"]]
        if len(langs) == 1:
            letter = str(spec["pattern"])
            run = re.compile(f"{letter}+(?:[^\\S\\n]+{letter}+){{{n - 1}}}")
            out.append((re.compile(letter), run, langs[0]))
    return tuple(out)


@lru_cache(maxsize=8)
def _function_words(codes: tuple[str, ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    """(language, its function words that no other configured language lists), for configured languages."""
    lists = {code: {str(w).lower() for w in words} for code, words in _config()["function_words"].items()
             if code in codes}
    out = []
    for code, words in lists.items():
        others: set[str] = set().union(*(w for c, w in lists.items() if c != code))
        out.append((code, frozenset(words - others)))
    return tuple(out)


def _by_function_words(sample: str, codes: tuple[str, ...]) -> str | None:
    cfg = _config()
    words = _WORD_RE.findall(sample.lower(), 0)[: int(cfg["function_sample_words"])]
    if len(words) < int(cfg["function_min_words"]):
        return None
    shares = sorted(((sum(1 for w in words if w in fw) / len(words), code) for code, fw in _function_words(codes)),
                    reverse=True)
    if not shares:
        return None
    best, lang = shares[0]
    second = shares[1][0] if len(shares) > 1 else 0.0
    if best >= float(cfg["function_share"]) and second * 3 < best:
        return lang
    return None


def _code(language: Any) -> str:
    return str(language.iso_code_639_1.name).lower()


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def _label(sample: str, codes: tuple[str, ...]) -> tuple[str | None, bool]:
    """Language of a paragraph sample and whether its script decided it."""
    letters = _letters(sample)
    if not letters:
        return None, False
    for letter, _, lang in _unique_scripts(codes):
        if len(letter.findall(sample)) * 2 >= letters:
            return lang, True
    if letters < int(_config()["min_letters"]):
        return None, False
    by_words = _by_function_words(sample, codes)
    if by_words:
        return by_words, False
    det = detector(codes)
    if det is None:
        return codes[0] if codes else None, False
    found = det.detect_language_of(sample)
    return (_code(found) if found is not None else None), False


def _recheck(paragraph: str, majority: str, codes: tuple[str, ...]) -> str | None:
    cfg = _config()
    det = detector(codes, high_accuracy=True)
    values = det.compute_language_confidence_values(paragraph[:1000])
    if not values:
        return None
    top = values[0]
    lang = _code(top.language)
    if lang == majority:
        return majority
    if top.value >= float(cfg["minority_confidence"]) and _letters(paragraph) >= int(cfg["minority_min_letters"]):
        return lang
    return None


def detect_languages(text: str, options: Options, raw_text: str | None = None) -> LanguageResult:
    """Languages of the cleaned ``text`` (and of ``raw_text``, the decoded text before cleaning)."""
    codes = tuple(options.languages)
    _lingua_languages(codes)  # validate early
    cfg = _config()
    sample_chars = int(cfg["sample_chars"])
    spans = list(paragraphs(text))
    labels: list[str | None] = []
    by_script: list[bool] = []
    for start, end in spans:
        label, script = _label(text[start:min(end, start + sample_chars)], codes)
        labels.append(label)
        by_script.append(script)
    weights: Counter[str] = Counter()
    for (start, end), label in zip(spans, labels):
        if label:
            weights[label] += end - start
    if weights:
        majority = weights.most_common(1)[0][0]
        for i, ((start, end), label) in enumerate(zip(spans, labels)):
            if label and label != majority and not by_script[i]:
                labels[i] = _recheck(text[start:end], majority, codes)
        weights = Counter()
        for (start, end), label in zip(spans, labels):
            if label:
                weights[label] += end - start
    languages = [lang for lang, _ in weights.most_common()]
    language = languages[0] if languages else None
    if language is None and text.strip():
        label, _ = _label(text[:1000], codes)
        language = label
        languages = [label] if label else []
    for _, run, lang in _unique_scripts(codes):
        if lang not in languages and run.search(raw_text if raw_text is not None else text):
            languages.append(lang)
    total = sum(weights.values())
    mixed = total > 0 and sum(1 for w in weights.values() if w / total >= float(cfg["mixed_share"])) >= 2
    return LanguageResult(language, tuple(languages), mixed, tuple(labels))
