"""The report's typed context, pinned on a small hand-made corpus (STYLE 12)."""

from __future__ import annotations

from reportkit import small_context

from dyadscope.present.context import ReportContext


def test_the_context_pins_what_the_page_will_show() -> None:
    ctx = small_context()
    assert isinstance(ctx, ReportContext)
    assert (ctx.generated, ctx.dyad, ctx.title) == ("2024-01-01 00:00 UTC", ("AZE", "RUS"),
                                                    "AZE–RUS relations: evidence report")
    assert [(d.doc, d.sentences, d.events, d.happened, d.facts, d.periods, d.removed) for d in ctx.documents] == [
        ("a.txt", 4, 3, 2, 1, 1, {"running_header": 1}),
        ("b.txt", 3, 2, 2, 2, 0, {}),
    ]
    assert (ctx.events_total, ctx.happened_total, ctx.stories_total, ctx.facts_total) == (5, 4, 1, 2)


def test_the_timeline_holds_happened_dated_events_with_their_evidence_and_rule() -> None:
    ctx = small_context()
    assert [(p.date, p.quad, p.doc) for p in ctx.timeline] == [
        ("1997", 1, "a.txt"), ("1999", 3, "a.txt"), ("1997", 1, "b.txt"), ("2003-02", 2, "b.txt")]
    assert ctx.timeline[0].x == 1997.5 and ctx.timeline[3].x == 2003.122
    assert all(p.rule == "events.rules.v1:test" and p.sentence for p in ctx.timeline)
    assert ctx.timeline_note == ""


def test_the_index_counts_the_story_once_and_shows_its_sources() -> None:
    ctx = small_context()
    both = {p.period: (p.n, p.sources, p.quads) for p in ctx.index_year if p.direction == "both"}
    assert both == {"1997": (1, 2, (1, 0, 0, 0)), "1999": (1, 1, (0, 0, 1, 0)), "2003": (1, 1, (0, 1, 0, 0))}
    assert [p.period for p in ctx.index_month] == ["2003-02", "2003-02"]


def test_stories_list_every_evidence_and_tables_hold_periods_facts_contradictions() -> None:
    ctx = small_context()
    (story,) = ctx.stories
    assert [m.doc for m in story.mentions] == ["a.txt", "b.txt"] and story.num_sources == 2
    assert [p.label for p in ctx.periods] == ["First stage (1991–1999)"]
    assert [f.kind for f in ctx.facts] == ["happening", "happening"]
    assert [c.subject for c in ctx.contradictions] == ["vladimir_putin:took_office"]
    assert ctx.issues_by_year == {"KARABAKH": {"1999": 1}, "TRADE": {"1997": 2, "2003": 1}}


def test_profiles_give_each_document_a_stance_toward_both_states() -> None:
    ctx = small_context()
    a, b = ctx.profiles
    assert set(a.stance) >= {"AZE", "RUS"} and set(b.stance) >= {"AZE", "RUS"}
    assert a.stance["AZE"].negative >= 1 and a.stance["AZE"].positive >= 1 and a.happened_events == 2
