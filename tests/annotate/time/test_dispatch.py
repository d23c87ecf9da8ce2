"""The tagger tries a rule only where a text holds one of the words the rule declares it ``starts`` with, near
a digit or trigger word. These tests compare that with trying every rule at every word: the same candidates
come out, so a rule whose ``starts`` miss a way it can begin is caught."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from dyadscope.annotate.time.candidates import Candidate, _accept, find, modifier_start
from dyadscope.annotate.time.grammar import DIGIT, Grammar, grammar
from dyadscope.annotate.time.words import time_words
from dyadscope.evaluate.timex import read_timeml
from dyadscope.text.segment import segment
from tests.conftest import EXTERNAL

CASES = Path(__file__).parent / "cases"
_WORD_START = re.compile(r"(?<![\w])[\w'’‘]")


def _everywhere(text: str, lo: int, hi: int, g: Grammar) -> list[tuple[int, int, str]]:
    """What :func:`find` gives, by trying every rule, in order, at every word start."""
    ambiguous = time_words().ambiguous_months
    out: list[tuple[int, int, str]] = []
    pos = lo
    for w in _WORD_START.finditer(text, lo, hi):
        start = w.start()
        if start < pos:
            continue
        for rule in g.rules:
            m = rule.regex.match(text, start, hi)
            if m is None:
                continue
            fields = {k: v for k, v in m.groupdict().items() if v is not None}
            ok, _ = _accept(rule, fields, text, start, m.end(), lo, hi, g.lang, ambiguous)
            if ok:
                out.append((modifier_start(text, start, m.end()), m.end(), rule.rule))
                pos = m.end()
                break
    return out


def _found(cands: list[Candidate]) -> list[tuple[int, int, str]]:
    return [(c.start, c.end, c.rule_id) for c in cands]


def _case_inputs() -> list[tuple[str, str]]:
    out = []
    for name in ("synthetic.yaml", "negative.yaml", "known_failures.yaml"):
        data: dict[str, Any] = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
        out.extend((str(c["input"]), str(c.get("lang", "en"))) for c in data["cases"])
    return out


def test_every_case_gives_the_same_candidates_as_trying_every_rule_everywhere() -> None:
    ambiguous = time_words().ambiguous_months
    for text, lang in _case_inputs():
        g = grammar(lang)
        assert _found(find(text, 0, len(text), -1, g, ambiguous)) == _everywhere(text, 0, len(text), g), text


def test_news_text_gives_the_same_candidates_as_trying_every_rule_everywhere(shared: Path) -> None:
    ambiguous = time_words().ambiguous_months
    g = grammar("en")
    tbaq = EXTERNAL / "tempeval3-tbaq-cleaned"
    docs = read_timeml(tbaq / "AQUAINT")[::3] + read_timeml(tbaq / "TimeBank")[::12]
    for doc in docs:
        lowered = doc.text.lower()
        for s in segment(doc.doc, doc.text):
            want = _everywhere(doc.text, s.start, s.end, g)
            assert _found(find(doc.text, s.start, s.end, s.index, g, ambiguous)) == want, s.text
            assert _found(find(doc.text, s.start, s.end, s.index, g, ambiguous, lowered)) == want, s.text


def test_a_rule_without_starts_is_refused() -> None:
    from dyadscope.annotate.time.grammar import _start_keys
    from dyadscope.errors import DataFileError

    with pytest.raises(DataFileError, match="starts"):
        _start_keys([], {}, "broken")
    with pytest.raises(DataFileError, match="unknown macro"):
        _start_keys(["{nonsense}"], {}, "broken")
    assert _start_keys(["{day}", "The"], {}, "ok") == {DIGIT, "the"}


def test_every_rule_can_begin_somewhere() -> None:
    for lang in ("en", "ru", "az", "tr"):
        for rule in grammar(lang).rules:
            assert rule.starts, rule.id
