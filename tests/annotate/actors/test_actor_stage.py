"""The ``actors`` stage: mentions of every sentence, each resolved by the sentence's narrative time (or else
the publication date), with offsets into the cleaned text."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from dyadscope import pipeline
from dyadscope.annotate.actors import actors_stage, mentions_of
from dyadscope.options import Options
from dyadscope.pipeline import Analysis
from dyadscope.records import Document, NarrativeTime, text_id
from dyadscope.text.segment import segment

TEXT = "Aliyev met the Russian president in Moscow.\n\nLater President Aliyev flew to Baku."


def _analysis(published: str | None, narrative: dict[int, str] | None = None) -> Analysis:
    doc = Document(doc="t.txt", doc_id=text_id(TEXT), text=TEXT, published=published, language="en")
    sentences = tuple(segment(doc.doc_id, TEXT))
    nts = tuple(NarrativeTime(doc_id=doc.doc_id, sentence=i, date_start=d, date_end=d, precision="year",
                              basis="explicit") for i, d in (narrative or {}).items())
    return Analysis(document=doc, sentences=sentences, narrative=nts)


def test_the_stage_is_registered_after_time_and_before_events():
    st = pipeline._REGISTRY["actors"]
    assert (st.func, st.requires, st.assigns) == (actors_stage, ("sentences",), ("mentions",))
    assert "dyadscope.annotate.actors" in pipeline.STAGE_MODULES
    order = pipeline.DEFAULT_STAGES
    assert order.index("time") < order.index("actors") < order.index("events")


def test_mentions_resolve_by_the_publication_date_when_there_is_no_narrative_time():
    out = actors_stage(_analysis("1996-05-01"), Options())
    persons = [(m.sentence, m.text, m.person) for m in out.mentions if m.person]
    assert persons == [(0, "Aliyev", "Heydar Aliyev"), (0, "Russian president", "Boris Yeltsin"),
                       (1, "President Aliyev", "Heydar Aliyev")]


def test_a_sentence_s_narrative_time_wins_over_the_publication_date():
    out = actors_stage(_analysis("1996-05-01", {1: "2010"}), Options())
    assert [m.person for m in out.mentions if m.sentence == 1 and m.person] == ["Ilham Aliyev"]
    assert [m.person for m in out.mentions if m.sentence == 0 and m.person] == ["Heydar Aliyev", "Boris Yeltsin"]


def test_without_any_date_roles_and_shared_surnames_stay_unresolved_but_keep_their_state():
    out = mentions_of(_analysis(None))
    assert [(m.text, m.actor, m.person) for m in out if m.kind in ("person", "role")] == [
        ("Aliyev", "AZE", None), ("Russian president", "RUS", None), ("President Aliyev", "AZE", None)]


def test_mentions_carry_document_offsets_and_are_sorted():
    a = _analysis("2000")
    out = mentions_of(a)
    assert out == tuple(sorted(out, key=lambda m: (m.start, -m.end)))
    for m in out:
        assert TEXT[m.start:m.end] == m.text and m.doc_id == a.document.doc_id


def test_the_stage_returns_a_new_analysis_and_leaves_the_input_alone():
    a = _analysis("2000")
    out = actors_stage(a, Options())
    assert a.mentions == () and out.mentions and dataclasses.replace(out, mentions=()) == a


def test_the_stage_keeps_pace_with_a_blank_tokenizer_on_the_seed_corpus(shared: Path):
    """Guard against slowdowns: finding mentions costs a few times blank tokenisation (about 2x measured)."""
    from dyadscope.annotate.actors.matcher import compiled, find
    from dyadscope.text.segment import tokenizer

    seeds = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    sentences = [s.text for p in seeds for s in segment("x", p.read_text("utf-8"))]
    compiled("en")
    nlp = tokenizer("en")

    def best(fn) -> float:
        times = []
        for _ in range(3):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return min(times)

    tokens = best(lambda: [nlp.make_doc(s) for s in sentences])
    mentions = best(lambda: [find(s) for s in sentences])
    assert mentions < 6.0 * tokens + 0.02, f"mentions {mentions:.3f}s vs tokens {tokens:.3f}s"


def test_the_public_surface_is_pinned():
    from dyadscope.annotate import actors, issues

    assert sorted(actors.__all__) == ["ACTING_KINDS", "RULESET", "actor_info", "actors_in", "actors_stage", "can_act",
                                      "mentions_of", "resolve_role", "state_of"]
    assert sorted(issues.__all__) == ["ISSUE_CODES", "IssueHit", "describe", "issue_hits", "issue_scores", "issues_in",
                                      "lexicon", "rank"]
