"""Contradictions between documents: table-driven on hand-made facts, then the seeds' known conflicts."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from dyadscope.records import Event, Fact, Story
from dyadscope.resolve.contradictions import RULESET, compatible, find_contradictions


def fact(doc: str, subject: str, value: str, *, kind: str = "happening", date: str | None = None,
         basis: str = "explicit", tolerance: float = 0.0, low: float | None = None, high: float | None = None,
         unit: str = "date", actors: tuple[str, ...] = ("AZE", "RUS")) -> Fact:
    return Fact(doc=doc, doc_id=f"id-{doc}", subject=subject, value=value, unit=unit,
                date=date if date is not None else (value if kind == "happening" else None),
                sentence=f"{doc} says {value}.", start=0, end=10, quote=value, kind=kind, low=low, high=high,
                date_basis=basis, tolerance=tolerance, actors=actors)


PUTIN = "vladimir_putin:took_office"
TRADE = "AZE-RUS:trade_turnover"
PAIRS = [
    # (comment, a, b, can both be true)
    ("a loosely carried 1999 and a stated 2000 agree",
     fact("a", PUTIN, "1999", basis="carried", tolerance=1), fact("b", PUTIN, "2000"), True),
    ("two stated years one apart disagree", fact("a", PUTIN, "2001"), fact("b", PUTIN, "2000"), False),
    ("a loose 1999 and a stated 2001 disagree",
     fact("a", PUTIN, "1999", basis="carried", tolerance=1), fact("b", PUTIN, "2001"), False),
    ("a month and its year agree", fact("a", "founded:CIS", "1991-12"), fact("b", "founded:CIS", "1991"), True),
    ("'over 1 billion' and '1.2 billion' agree",
     fact("a", TRADE, "1000000000", kind="quantity", date="2020", low=1e9, high=math.inf, unit="USD"),
     fact("b", TRADE, "1200000000", kind="quantity", date="2020", low=1.15e9, high=1.25e9, unit="USD"), True),
    ("'about 100 million' and '150 million' disagree",
     fact("a", TRADE, "100000000", kind="quantity", date="2020", low=90e6, high=110e6, unit="USD"),
     fact("b", TRADE, "150000000", kind="quantity", date="2020", low=145e6, high=155e6, unit="USD"), False),
    ("a rounded 4.4 billion and a precise 4.358 billion agree",
     fact("a", TRADE, "4400000000", kind="quantity", date="2023", low=4.35e9, high=4.45e9, unit="USD"),
     fact("b", TRADE, "4358000000", kind="quantity", date="2023", low=4.3575e9, high=4.3585e9, unit="USD"), True),
    ("figures of different years are not compared",
     fact("a", TRADE, "1", kind="quantity", date="2022", low=1, high=1, unit="USD"),
     fact("b", TRADE, "9", kind="quantity", date="2023", low=9, high=9, unit="USD"), True),
    ("figures in different units are not compared",
     fact("a", TRADE, "1", kind="quantity", date="2022", low=1, high=1, unit="USD"),
     fact("b", TRADE, "9", kind="quantity", date="2022", low=9, high=9, unit="percent"), True),
    ("different vote counts disagree", fact("a", "AZE:vote", "30-13", kind="vote", date="1993"),
     fact("b", "AZE:vote", "31-13", kind="vote", date="1993"), False),
]


@pytest.mark.parametrize("comment,a,b,ok", PAIRS, ids=[p[0] for p in PAIRS])
def test_two_facts_contradict_only_when_their_values_cannot_both_be_true(comment: str, a: Fact, b: Fact,
                                                                          ok: bool) -> None:
    assert compatible(a, b)[0] is ok
    found = find_contradictions([a, b])
    assert len(found) == (0 if ok else 1)


def test_a_contradiction_carries_both_evidences_and_says_why() -> None:
    (c,) = find_contradictions([fact("a", PUTIN, "2001"), fact("b", PUTIN, "2000")])
    assert (c.kind, c.subject, c.a_doc, c.b_doc) == ("fact", PUTIN, "a", "b")
    assert (c.a_quote, c.b_quote) == ("a says 2001.", "b says 2000.")
    assert "2001" in c.note and "2000" in c.note
    assert c.rule == f"{RULESET}:fact" and c.a_doc_id == "id-a"


NOT_COMPARED = [
    ("facts of the same document", [fact("a", PUTIN, "2001"), fact("a", PUTIN, "2000")]),
    ("recurring dated events", [fact("a", "signed:AZE-RUS", "1997", kind="dated_event"),
                                fact("b", "signed:AZE-RUS", "2002", kind="dated_event")]),
    ("dated mentions", [fact("a", "mention:money", "1992", kind="dated_mention"),
                        fact("b", "mention:money", "1994", kind="dated_mention")]),
    ("quantities whose actors are unknown",
     [fact("a", "any:investment", "1", kind="quantity", date="2020", low=1, high=1, unit="USD", actors=()),
      fact("b", "any:investment", "9", kind="quantity", date="2020", low=9, high=9, unit="USD", actors=())]),
    ("different subjects", [fact("a", PUTIN, "2000"), fact("b", "boris_yeltsin:took_office", "1991")]),
]


@pytest.mark.parametrize("comment,facts", NOT_COMPARED, ids=[n[0] for n in NOT_COMPARED])
def test_facts_that_are_not_comparable_never_contradict(comment: str, facts: list[Fact]) -> None:
    assert find_contradictions(facts) == []


def test_the_same_disagreement_is_reported_once() -> None:
    facts = [fact("a", PUTIN, "2001"), fact("a", PUTIN, "2001"), fact("b", PUTIN, "2000")]
    assert len(find_contradictions(facts)) == 1


def _event(doc: str, year: str, eid: str) -> Event:
    return Event(doc=doc, doc_id=f"id-{doc}", sentence=f"In {year} they met.", start=0, end=20, trigger="met",
                 trigger_start=10, trigger_end=13, source="AZE", target="RUS", plover="CONSULT", quad=1,
                 intensity=1.0, date_start=year, date_precision="year", event_id=eid)


def test_an_event_dated_against_its_better_supported_story_is_flagged() -> None:
    events = [_event("a", "1997", "e1"), _event("b", "1997", "e2"), _event("c", "1995", "e3")]
    story = Story(story_id="s1", plover="CONSULT", source="AZE", target="RUS", date_start="1997", date_end=None,
                  date_precision="year", event_ids=("e1", "e2", "e3"), docs=("a", "b", "c"), num_mentions=3,
                  num_sources=3)
    found = find_contradictions([], [story], events=events)
    assert [(c.kind, c.a_doc, c.a_value, c.b_value) for c in found] == [("story_date", "c", "1995", "1997")]


def test_a_fact_in_an_events_sentence_is_checked_against_the_story() -> None:
    events = [_event("a", "1997", "e1"), _event("b", "1997", "e2"), _event("c", "1995", "e3")]
    story = Story(story_id="s1", plover="CONSULT", source="AZE", target="RUS", date_start="1997", date_end=None,
                  date_precision="year", event_ids=("e1", "e2", "e3"), docs=("a", "b", "c"), num_mentions=3,
                  num_sources=3)
    f = Fact(doc="c", doc_id="id-c", subject="founded:commission", value="1995", unit="date", date="1995",
             sentence="In 1995 they met.", start=0, end=20, kind="happening", date_basis="explicit")
    kinds = [c.kind for c in find_contradictions([f], [story], events=events)]
    assert "fact_vs_story" in kinds


def test_the_conflicts_between_seed_documents_in_the_gold_are_flagged(shared: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analyze"))
    from seedkit import GOLD, seed_analyses

    from dyadscope.analyze.quality import load_gold, score_conflicts

    facts = [f for a in seed_analyses() for f in a.facts]
    found = find_contradictions(facts)
    score = score_conflicts(load_gold(GOLD / "seed_facts.jsonl"), found)
    assert score.gold_pairs == 4
    assert score.recall == 1.0, score.misses
    # measured: 2 contradictions, both true; a ceiling guards against a flood of false ones
    assert len(found) <= 4, [(c.subject, c.a_doc, c.a_value, c.b_doc, c.b_value) for c in found]


def test_figures_of_one_particular_thing_compare_whatever_actors_their_sentences_name() -> None:
    crash = [fact("a", "casualties@crash", "38", kind="quantity", low=37.5, high=38.5, unit="persons", actors=()),
             fact("b", "casualties@crash", "39", kind="quantity", low=38.5, high=39.5, unit="persons", actors=("RUS",)),
             fact("c", "casualties@crash", "38", kind="quantity", date="2024-12", low=37.5, high=38.5, unit="persons")]
    found = find_contradictions(crash)
    assert sorted((c.a_doc, c.b_doc) for c in found) == [("a", "b"), ("b", "c")]
    far = fact("d", "casualties@crash", "12", kind="quantity", date="1995", low=11.5, high=12.5, unit="persons")
    assert find_contradictions([crash[2], far]) == []  # dated ten years apart: another crash


def test_the_example_corpus_conflicts_are_flagged() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analyze"))
    from seedkit import EXAMPLES_GOLD, example_analyses

    from dyadscope.analyze.quality import load_gold, score_conflicts

    facts = [f for a in example_analyses() for f in a.facts]
    found = find_contradictions(facts)
    score = score_conflicts(load_gold(EXAMPLES_GOLD / "az-ru-facts.jsonl"), found)
    # measured: 6 of 8 (missed: a lease signed "in January 2002" against "a 2003 agreement"); 3 found, all true
    assert score.recall >= 0.75, score.misses
    assert len(found) <= 5, [(c.subject, c.a_doc, c.a_value, c.b_doc, c.b_value) for c in found]


DOCUMENTS = [
    # (comment, subject of a, subject of b, compared)
    ("a name and a shorter name with the same head", "signed_document:treaty_state_border",
     "signed_document:treaty_border", True),
    ("an agreement and a treaty of the same name (one kind of document)", "signed_document:treaty_state_border",
     "signed_document:treaty_state_border", True),
    ("two declarations of different names", "signed_document:declaration_mutual_security",
     "signed_document:declaration_allied_interaction", False),
    ("two agreements that share only their head", "signed_document:treaty_military_technical_cooperation",
     "signed_document:treaty_humanitarian_cooperation", False),
    ("a declaration and a treaty of the same name", "signed_document:declaration_border",
     "signed_document:treaty_border", False),
    ("a name with a qualifier and one without", "signed_document:treaty_border_delimitation",
     "signed_document:treaty_state_border", True),
    ("one name's verb and the other's noun", "signed_document:treaty_delimiting_border",
     "signed_document:treaty_border_delimitation", True),
    ("a one-word name inside a longer one", "signed_document:treaty_gas", "signed_document:treaty_gas_transit", True),
    ("names that share only a qualifier", "signed_document:treaty_state_border",
     "signed_document:treaty_state_sovereignty", False),
]


@pytest.mark.parametrize("comment,a,b,compared", DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_signed_documents_are_the_same_when_kind_head_and_words_agree(comment: str, a: str, b: str,
                                                                      compared: bool) -> None:
    found = find_contradictions([fact("x", a, "2010-09-03"), fact("y", b, "2011")])
    assert len(found) == (1 if compared else 0)
    if compared:
        assert found[0].subject == a and "2010-09-03" in found[0].note


def test_the_same_document_dated_on_two_days_of_one_month_disagrees_and_on_its_month_agrees() -> None:
    key = "signed_document:declaration_mutual_security"
    assert not compatible(fact("x", key, "2022-02-22"), fact("y", key, "2022-02-24"))[0]
    assert compatible(fact("x", key, "2022-02-22"), fact("y", key, "2022-02"))[0]


# Three short reports of our own: two date the visit and the treaty signed on it to July 1997, one to 1996.
VISIT = {
    "a.txt": ("Visit report\n\nBy Ann Lee | 3 May 2001\n\nPresident Aliyev of Azerbaijan visited Moscow in July 1997 "
              "and signed the Treaty on Friendship, Cooperation and Mutual Security with Russia.\n\nTrade grew.\n"),
    "b.txt": ("Caucasus notes\n\nBy Tom Ray | 9 June 2003\n\nAzerbaijan and Russia signed the Treaty on Friendship, "
              "Cooperation and Mutual Security in July 1997, when Aliyev visited Moscow.\n\nLittle changed.\n"),
    "c.txt": ("A history\n\nBy Li Wu | 1 March 2010\n\nAliyev visited Moscow in 1996 and signed the Treaty on "
              "Friendship, Cooperation and Mutual Security with Russia.\n\nRelations warmed.\n"),
}


def test_a_document_against_the_better_supported_story_is_flagged_end_to_end(tmp_path: Path) -> None:
    from dyadscope.batch import BatchSummary
    from dyadscope.code.extract import analyses
    from dyadscope.options import make_options
    from dyadscope.pipeline import DEFAULT_STAGES
    from dyadscope.resolve.stories import resolve

    for name, text in VISIT.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    done = list(analyses([tmp_path], make_options(None), BatchSummary(), stages=DEFAULT_STAGES))
    facts = [f for a in done for f in a.facts]
    events = [e for a in done for e in a.events]
    found = find_contradictions(facts, resolve(events).stories, events=events)
    odd = {(c.kind, Path(c.a_doc).name, c.a_value) for c in found if Path(c.a_doc).name == "c.txt"}
    pairs = {(c.kind, *sorted([Path(c.a_doc).name, Path(c.b_doc).name])) for c in found if c.kind == "fact"}
    # the treaty's two datings, between documents
    assert pairs == {("fact", "a.txt", "c.txt"), ("fact", "b.txt", "c.txt")}
    # the odd document against the story two sources agree on, once per sentence
    assert {k for k, _, _ in odd} == {"story_date", "fact_vs_story"}
    assert sum(1 for c in found if c.kind == "story_date") == 1
    assert all(c.b_value.startswith("1997") for c in found if c.kind != "fact")
