"""Scoring time expressions TempEval-3 style, and readers for the public timex corpora.

- :func:`score` — strict and relaxed extent F1 and value F1. Gold and system expressions of a document are
  aligned in reading order by text overlap (so no shared offsets are needed); strict needs the same words,
  value needs a relaxed match with the same TIMEX3 value (or, when the gold gives one, the same interval).
  It gives the same figures as the project's reference scorer (``../shared/tools/timex_score.py``).
- :func:`read_timeml` — TempEval-3 TimeML files (TimeBank, AQUAINT): plain text, creation time, gold.
- :func:`read_meantime` — NewsReader MEANTIME XML (tokens + TIMEX3 markables): plain text, DCT, gold.
- :func:`run_tagger` — the ``segment`` and ``time`` stages over such documents, as system records.

Records are dicts with ``doc``, ``text``, ``value`` (and optionally ``date_start``, ``date_end``, ``start``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from ..errors import GoldFileError
from ..lexicon import load_yaml

_TOKEN_RE = re.compile(r"[a-z0-9а-яё]+")
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|’s)$", re.IGNORECASE)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“"}


@dataclass(frozen=True, slots=True)
class TimexDoc:
    """One evaluation document: its plain text, creation time and gold expressions."""

    doc: str
    text: str
    dct: str | None
    gold: tuple[dict[str, Any], ...] = field(default_factory=tuple)


@lru_cache(maxsize=1)
def _scoring() -> tuple[frozenset[str], int]:
    data = load_yaml("time/scoring.yaml")
    return frozenset(str(w) for w in data["overlap_stopwords"]), int(data["window"])


def _words(text: str | None) -> list[str]:
    return _TOKEN_RE.findall((text or "").lower())


def overlaps(gold_text: str, system_text: str | None) -> bool:
    """Relaxed match: one text contains the other, or they share a word that is not a stop word."""
    g, s = " ".join(_words(gold_text)), " ".join(_words(system_text))
    if not g or not s:
        return False
    if g in s or s in g:
        return True
    stop, _ = _scoring()
    return bool((set(g.split()) & set(s.split())) - stop)


def same_value(gold: dict[str, Any], system: dict[str, Any]) -> bool:
    gv, sv = gold.get("value"), system.get("value")
    if gv and sv and str(gv).upper() == str(sv).upper():
        return True
    start = gold.get("date_start")
    if not start or start != system.get("date_start"):
        return False
    return (gold.get("date_end") or start) == (system.get("date_end") or system.get("date_start"))


def _f1(hits: int, n_gold: int, n_system: int) -> float:
    precision = hits / n_system if n_system else 0.0
    recall = hits / n_gold if n_gold else 0.0
    return round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0


def score(gold: Sequence[dict[str, Any]], system: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Strict, relaxed and value F1 of ``system`` against ``gold`` (both in reading order per document)."""
    _, window = _scoring()
    system_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in system:
        system_by_doc[s["doc"]].append(s)
    gold_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g["doc"]].append(g)
    strict = relaxed = value = 0
    for doc, golds in gold_by_doc.items():
        candidates = system_by_doc.get(doc, [])
        next_free = 0
        for g in golds:
            for j in range(next_free, min(next_free + window, len(candidates))):
                s = candidates[j]
                if not overlaps(g["text"], s.get("text")):
                    continue
                relaxed += 1
                strict += _words(g["text"]) == _words(s.get("text"))
                value += same_value(g, s)
                next_free = j + 1
                break
    n_gold, n_system = len(gold), len(system)
    return {"gold": n_gold, "system": n_system, "strict_f1": _f1(strict, n_gold, n_system),
            "relaxed_f1": _f1(relaxed, n_gold, n_system), "value_f1": _f1(value, n_gold, n_system)}


def errors(gold: Sequence[dict[str, Any]], system: Sequence[dict[str, Any]]) -> dict[str, list[Any]]:
    """The alignment behind :func:`score`: missed gold, spurious system, (gold, system) pairs with another
    extent (relaxed but not strict matches) and with a wrong value (for error analysis)."""
    _, window = _scoring()
    system_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in system:
        system_by_doc[s["doc"]].append(s)
    out: dict[str, list[Any]] = {"missed": [], "spurious": [], "boundary": [], "wrong_value": []}
    used: set[int] = set()
    gold_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g["doc"]].append(g)
    for doc, golds in gold_by_doc.items():
        candidates = system_by_doc.get(doc, [])
        next_free = 0
        for g in golds:
            for j in range(next_free, min(next_free + window, len(candidates))):
                s = candidates[j]
                if overlaps(g["text"], s.get("text")):
                    used.add(id(s))
                    if _words(g["text"]) != _words(s.get("text")):
                        out["boundary"].append((g, s))
                    if not same_value(g, s):
                        out["wrong_value"].append((g, s))
                    next_free = j + 1
                    break
            else:
                out["missed"].append(g)
    out["spurious"] = [s for s in system if id(s) not in used]
    return out


# ------------------------------------------------------------------------------------------------ readers

def read_timeml(folder: str | Path) -> list[TimexDoc]:
    """TempEval-3 TimeML files of ``folder`` (``*.tml``): text of <TEXT>, the DCT, and the TIMEX3 gold."""
    docs = []
    for path in sorted(Path(folder).glob("*.tml")):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as exc:
            raise GoldFileError(f"{path}: not well-formed TimeML ({exc})", hint="check the file") from exc
        dct_el = root.find("DCT/TIMEX3")
        body = root.find("TEXT")
        if body is None:
            raise GoldFileError(f"{path}: no <TEXT> element", hint="give TempEval-3 style TimeML")
        pieces: list[str] = []
        gold: list[dict[str, Any]] = []
        _walk_timeml(body, body, pieces, gold, path.stem + ".txt")
        raw = "".join(pieces)
        lead = len(raw) - len(raw.lstrip("\n"))
        for g in gold:
            g["start"] -= lead
        docs.append(TimexDoc(doc=path.stem + ".txt", text=raw.strip("\n") + "\n",
                             dct=dct_el.get("value") if dct_el is not None else None, gold=tuple(gold)))
    return docs


def _walk_timeml(el: ET.Element, top: ET.Element, pieces: list[str], gold: list[dict[str, Any]], doc: str) -> None:
    if el.tag == "TIMEX3":
        surface = "".join(el.itertext())
        gold.append({"doc": doc, "text": surface, "value": el.get("value"), "type": el.get("type"),
                     "start": sum(len(p) for p in pieces)})
        pieces.append(surface)
    else:
        pieces.append(el.text or "")
        for child in el:
            _walk_timeml(child, top, pieces, gold, doc)
    if el is not top and el.tail:
        pieces.append(el.tail)


def _detokenise(tokens: Iterable[str]) -> tuple[str, list[int]]:
    """Text of ``tokens`` with ordinary spacing, and the offset of each token in it."""
    out: list[str] = []
    offsets: list[int] = []
    length = 0
    previous = ""
    for tok in tokens:
        if out and not _NO_SPACE_BEFORE.match(tok) and previous not in _NO_SPACE_AFTER:
            out.append(" ")
            length += 1
        offsets.append(length)
        out.append(tok)
        length += len(tok)
        previous = tok
    return "".join(out), offsets


def _dateline(line: str) -> str | None:
    """The date of a short dateline ("September 01 , 2007"), parsed with dateparser; None if it is not one."""
    if len(line) > 40 or not any(c.isdigit() for c in line):
        return None
    import dateparser

    parsed = dateparser.parse(line.replace(" ,", ","), languages=["en"])
    return parsed.date().isoformat() if parsed else None


def read_meantime(folder: str | Path) -> list[TimexDoc]:
    """MEANTIME NAF-like XML files under ``folder`` (recursively): text, DCT and TIMEX3 gold.

    The title is the first paragraph; the dateline sentence that holds the creation time is left out of the
    text (it is the DCT, as in TempEval); the other sentences follow, one per line. MEANTIME annotates only
    the first sentences of each article, so the text stops after the last sentence with any annotation.
    """
    docs = []
    for path in sorted(Path(folder).rglob("*.xml")):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as exc:
            raise GoldFileError(f"{path}: not well-formed XML ({exc})", hint="check the file") from exc
        tokens = [(t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
        timexes = []
        dct, dct_tokens = None, set()
        for tx in root.iter("TIMEX3"):
            ids = [a.get("t_id", "") for a in tx.findall("token_anchor")]
            if tx.get("functionInDocument") == "CREATION_TIME":
                dct, dct_tokens = tx.get("value"), set(ids)
            elif ids:
                timexes.append((ids, tx.get("value"), tx.get("type")))
        sentence_of = {tid: sent for tid, sent, _ in tokens}
        markables = root.find("Markables")
        annotated = [sentence_of.get(a.get("t_id", ""), -1) for m in (markables if markables is not None else [])
                     for a in m.findall("token_anchor")]
        last = max(annotated, default=-1)
        sentences: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for tid, sent, surface in tokens:
            if sent <= last:
                sentences[sent].append((tid, surface))
        if dct is not None and not re.match(r"^\d{4}-\d{2}-\d{2}", dct) and 1 in sentences:
            dct = _dateline(" ".join(surface for _, surface in sentences[1])) or dct   # a malformed value
        if dct is None and 1 in sentences:   # a dateline without its CREATION_TIME markable
            dct = _dateline(" ".join(surface for _, surface in sentences[1]))
            if dct is not None:
                dct_tokens = {tid for tid, _ in sentences[1]}
        parts: list[str] = []
        where: dict[str, tuple[int, int]] = {}
        length = 0
        for n in sorted(sentences):
            toks = sentences[n]
            if dct_tokens and {tid for tid, _ in toks} <= dct_tokens:
                continue
            line, offsets = _detokenise(s for _, s in toks)
            sep = "" if not parts else ("\n\n" if len(parts) == 1 else "\n")
            length += len(sep)
            for (tid, surface), off in zip(toks, offsets):
                where[tid] = (length + off, length + off + len(surface))
            parts.append(sep + line)
            length += len(line)
        text = "".join(parts) + "\n"
        name = path.stem + ".txt"
        gold: list[dict[str, Any]] = []
        for ids, value, ttype in timexes:
            spans = [where[i] for i in ids if i in where]
            if not spans:
                continue
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
            gold.append({"doc": name, "text": text[start:end], "value": value, "type": ttype, "start": start})
        gold.sort(key=lambda g: g["start"])
        docs.append(TimexDoc(doc=name, text=text, dct=dct, gold=tuple(gold)))
    return docs


def run_tagger(docs: Sequence[TimexDoc], lang: str = "en") -> list[dict[str, Any]]:
    """System records of the ``segment`` and ``time`` stages over ``docs`` (publication date = DCT)."""
    from ..options import Options
    from ..pipeline import plan, run
    from ..records import Document, text_id

    planned = plan(("segment", "time"))
    options = Options()
    out: list[dict[str, Any]] = []
    for d in docs:
        dct = (d.dct or "")[:10] or None
        document = Document(doc=d.doc, doc_id=text_id(d.text), text=d.text, published=dct, language=lang)
        analysis = run(document, planned, options)
        for t in analysis.timexes:
            out.append({"doc": d.doc, "text": t.text, "start": t.start, "end": t.end, "value": t.value,
                        "date_start": t.date_start, "date_end": t.date_end, "type": t.type, "rule": t.rule})
    return out


def gold_records(docs: Sequence[TimexDoc]) -> list[dict[str, Any]]:
    return [g for d in docs for g in d.gold]


# ------------------------------------------------------------------------------------- dates of gold events

def _quote_norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text).lower().replace("’", "'")
    return " ".join(re.findall(r"[a-z0-9а-яё]+", text))


def date_fits(gold_start: str, gold_end: str | None, start: str | None, end: str | None) -> bool:
    """``start``/``end`` give the gold date at the gold's precision (both ends of a range)."""
    if not start or start[: len(gold_start)] != gold_start:
        return False
    if gold_end and gold_end != gold_start:
        return (end or start)[: len(gold_end)] == gold_end
    return True


def event_date_status(events: Iterable[dict[str, Any]], analysis: Any) -> dict[str, str]:
    """For each dated gold event of ``analysis``'s document (``id``, ``quote``, ``date_start``, ``date_end``):
    ``explicit`` when a time expression of its quote's sentence has the gold date, ``narrative`` when the
    sentence's narrative time has it, ``missed`` otherwise, ``no_sentence`` when no sentence holds the quote."""
    normed = [_quote_norm(s.text) for s in analysis.sentences]
    out: dict[str, str] = {}
    for e in events:
        if not e.get("date_start"):
            continue
        quote = _quote_norm(e["quote"])
        where = [i for i, s in enumerate(normed) if quote in s]
        if not where:
            out[e["id"]] = "no_sentence"
            continue
        i = where[0]
        own = [t for t in analysis.timexes if t.sentence == analysis.sentences[i].index]
        nt = analysis.narrative[i]
        if any(date_fits(e["date_start"], e["date_end"], t.date_start, t.date_end) for t in own):
            out[e["id"]] = "explicit"
        elif date_fits(e["date_start"], e["date_end"], nt.date_start, nt.date_end):
            out[e["id"]] = "narrative"
        else:
            out[e["id"]] = "missed"
    return out
