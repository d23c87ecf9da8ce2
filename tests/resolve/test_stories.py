"""Stories: the same real-world event from several sentences or documents becomes one story."""

from __future__ import annotations

import dataclasses
import itertools
import random
from dataclasses import dataclass

import pytest

from dyadscope.records import Event, Story
from dyadscope.resolve.stories import resolve, words


@dataclass(frozen=True)
class M:
    """A mention, written compactly for the tables below."""

    doc: str
    src: str | None
    tgt: str | None
    plover: str
    date: str | None
    trigger: str
    sentence: str
    issues: tuple[str, ...] = ()
    modality: str = "asserted"
    person: str | None = None


_PREC = {4: "year", 7: "month", 10: "day"}


def ev(m: M, n: int) -> Event:
    return Event(doc=m.doc, doc_id=f"id-{m.doc}", sentence=m.sentence, start=n * 100, end=n * 100 + 50,
                 trigger=m.trigger, trigger_start=n * 100, trigger_end=n * 100 + 5, source=m.src, target=m.tgt,
                 plover=m.plover, quad=1, intensity=0.0, modality=m.modality, date_start=m.date,
                 date_precision=_PREC[len(m.date)] if m.date else None, issues=m.issues,
                 source_person=m.person).with_id()


REFUSAL_93 = M("a.txt", "AZE", "RUS", "REJECT", "1993", "refused",
               "In 1993 Baku refused to let Russian border troops return to the Iranian frontier.", ("SECURITY_ALIGNMENT",))
REFUSAL_92 = M("b.txt", "AZE", "RUS", "REJECT", "1992", "refused",
               "Azerbaijan refused in 1992 to allow Russian border troops back on its frontier with Iran.",
               ("SECURITY_ALIGNMENT",))
MEET_AB = M("a.txt", "AZE", "RUS", "CONSULT", "2001-01-09", "met",
            "The two presidents met in Baku on 9 January 2001 to discuss the Caspian.", ("CASPIAN",))
MEET_BA = M("b.txt", "RUS", "AZE", "CONSULT", "2001-01", "visited",
            "Putin visited Baku in January 2001 for talks on the Caspian seabed.", ("CASPIAN",))

CASES = [
    # (mentions, expected stories as sorted lists of mention indexes, date conflicts expected, why)
    ([REFUSAL_93, REFUSAL_92], [[0, 1]], 1,
     "the same refusal dated 1993 by one document and 1992 by another is one story with a date conflict"),
    ([REFUSAL_93, M("b.txt", "AZE", "ARM", "REJECT", "1993", "refused",
                    "In 1993 Baku refused to let Armenian border troops return to the frontier.")], [[0], [1]], 0,
     "different dyads are different stories"),
    ([MEET_AB, MEET_BA], [[0, 1]], 0,
     "a meeting is symmetric: A met B and B visited A in the same month are one story"),
    ([M("a.txt", "RUS", "AZE", "ACCUSE", "1994-05", "accused", "Moscow accused Baku of hosting fighters in May 1994."),
      M("b.txt", "AZE", "RUS", "ACCUSE", "1994-05", "accused", "Baku accused Moscow of arming fighters in May 1994.")],
     [[0], [1]], 0, "an accusation is directed: each side accusing the other is two stories"),
    ([M("a.txt", "RUS", "AZE", "SUPPORT", "1997-07-03", "signed", "Yeltsin and Aliyev signed the friendship treaty on 3 July 1997."),
      M("b.txt", "AZE", "RUS", "AGREE", "1997-07", "agreed", "In July 1997 Baku and Moscow agreed a friendship treaty.")],
     [[0, 1]], 0, "signing is symmetric and AGREE is compatible with SUPPORT for agreements"),
    ([M("a.txt", "RUS", "ARM", "SUPPORT", "1993", "backed", "Russia backed Armenia diplomatically in 1993."),
      M("b.txt", "ARM", "RUS", "SUPPORT", "1993", "backed", "Armenia backed Russia diplomatically in 1993.")],
     [[0], [1]], 0, "supporting a side is directed"),
    ([MEET_AB, M("c.txt", "AZE", "RUS", "CONSULT", "2001", "met",
                 "Aliyev and Putin met in Baku in 2001 and discussed the Caspian.", ("CASPIAN",))],
     [[0, 1]], 0, "a day inside a year overlaps at the coarser precision"),
    ([M("a.txt", "RUS", "AZE", "COOPERATE", "2010", "supplied", "Russia supplied gas to Azerbaijan in 2010 under a new contract.", ("ENERGY",)),
      M("b.txt", "RUS", "AZE", "COOPERATE", "2010", "trained", "Russian instructors trained Azerbaijani pilots in 2010.", ("ARMS",))],
     [[0], [1]], 0, "two unrelated acts of one type in the same year stay apart"),
    ([REFUSAL_93, M("c.txt", "AZE", "RUS", "REJECT", None, "refused",
                    "Baku refused to let Russian border troops return to its frontier with Iran.", ("SECURITY_ALIGNMENT",))],
     [[0, 1]], 0, "an undated mention that matches strongly joins the dated story"),
    ([REFUSAL_93, M("c.txt", "AZE", "RUS", "REJECT", None, "declined",
                    "Azerbaijan declined an offer of cheaper fuel.", ("ENERGY",))],
     [[0], [1]], 0, "an undated mention that matches weakly stays on its own"),
    ([REFUSAL_93, M("b.txt", "AZE", "RUS", "REJECT", "1992", "refused",
                    "Baku refused to let Russian border troops return.", ("SECURITY_ALIGNMENT",), "hypothetical")],
     [[0]], 0, "events that did not happen form no story"),
    ([REFUSAL_93, dataclasses.replace(REFUSAL_92, doc="a.txt")],
     [[0], [1]], 0, "one document giving two years describes two events, not a contradiction"),
    ([REFUSAL_93, M("b.txt", "AZE", "RUS", "REJECT", "2008", "refused", REFUSAL_92.sentence.replace("1992", "2008"),
                    ("SECURITY_ALIGNMENT",))],
     [[0], [1]], 0, "dates fifteen years apart are different events however alike the words"),
    ([MEET_AB, MEET_BA, M("c.txt", "AZE", "RUS", "CONSULT", "2001-01-09", "talks",
                          "Talks between the presidents took place in Baku on 9 January 2001.", ("CASPIAN",))],
     [[0, 1, 2]], 0, "three mentions from three documents"),
    ([M("a.txt", "RUS", "AZE", "CONSULT", "2003-02", "visited", "A Duma delegate visited Baku in February 2003.",
        person="Dmitry Rogozin"),
      M("a.txt", "RUS", "AZE", "CONSULT", "2003-02", "visited", "The defence minister visited Baku in February 2003.",
        person="Sergey Ivanov")],
     [[0], [1]], 0, "the same kind of act by two named people is two stories"),
    ([M("a.txt", "AZE", "AZE", "COERCE", "1993", "overthrew", "Rebels overthrew the elected government in 1993.",
        ("DOMESTIC_POLITICS",)),
      M("b.txt", "AZE", "AZE", "COERCE", "1993", "coup", "The 1993 coup brought a new leader to Baku.",
        ("DOMESTIC_POLITICS",))],
     [[0, 1]], 0, "different words for one rare act (synonyms) in the same year are one story"),
    ([M("a.txt", "ARM", "AZE", "COERCE", "1993", "occupied", "In 1993 Armenian forces occupied seven districts.",
        ("KARABAKH",)),
      M("b.txt", "ARM", "AZE", "COERCE", None, "held", "Armenian units held a fifth of the country.", ("KARABAKH",))],
     [[0, 1]], 0, "an undated rare act joins the only story of its kind told by another document"),
    ([M("a.txt", "RUS", "RUS", "ASSAULT", "1999", "began", "In 1999 the second war in Chechnya began.",
        ("NORTH_CAUCASUS",)),
      M("a.txt", "RUS", "RUS", "ASSAULT", None, "started", "The first war in Chechnya had started earlier.",
        ("NORTH_CAUCASUS",))],
     [[0], [1]], 0, "but not one the same document tells separately"),
]


def _groups(mentions: list[M]) -> tuple[list[list[int]], int, list[Event]]:
    events = [ev(m, i) for i, m in enumerate(mentions)]
    index = {e.event_id: i for i, e in enumerate(events)}
    res = resolve(events)
    groups = sorted(sorted(index[e] for e in s.event_ids) for s in res.stories)
    conflicts = sum(s.date_conflict for s in res.stories)
    assert len(res.contradictions) == conflicts
    return groups, conflicts, events


@pytest.mark.parametrize(("mentions", "expected", "conflicts", "why"), CASES, ids=[c[3] for c in CASES])
def test_mentions_group_into_stories(mentions: list[M], expected: list[list[int]], conflicts: int, why: str) -> None:
    groups, found, _ = _groups(mentions)
    assert groups == expected, why
    assert found == conflicts, why


def test_a_date_conflict_becomes_a_story_date_contradiction_quoting_both_sources() -> None:
    res = resolve([ev(REFUSAL_93, 0), ev(REFUSAL_92, 1)])
    (story,) = res.stories
    assert story.date_conflict and story.num_sources == 2 and story.num_mentions == 2
    (c,) = res.contradictions
    assert c.kind == "story_date"
    assert {(c.a_doc, c.a_value, c.a_quote), (c.b_doc, c.b_value, c.b_quote)} == {
        ("a.txt", "1993", REFUSAL_93.sentence), ("b.txt", "1992", REFUSAL_92.sentence)}
    assert story.story_id in c.note


def test_a_story_counts_mentions_and_sources_and_takes_the_date_most_sources_support() -> None:
    day = M("c.txt", "AZE", "RUS", "CONSULT", "2001-01-09", "met", "Aliyev met Putin in Baku on 9 January 2001.", ("CASPIAN",))
    res = resolve([ev(MEET_AB, 0), ev(MEET_BA, 1), ev(day, 2), ev(MEET_AB, 3)])
    (story,) = res.stories
    assert (story.num_mentions, story.num_sources) == (4, 3)
    assert set(story.docs) == {"a.txt", "b.txt", "c.txt"}
    assert (story.date_start, story.date_precision, story.date_conflict) == ("2001-01-09", "day", False)
    assert story.plover == "CONSULT" and story.issues == ("CASPIAN",)
    assert story.rule == "resolve.stories.v1"


def test_an_undated_mention_between_two_equally_good_stories_joins_neither() -> None:
    a = M("a.txt", "AZE", "RUS", "REJECT", "1993", "refused", "Baku refused Russian border troops in 1993.")
    b = M("b.txt", "AZE", "RUS", "REJECT", "1999", "refused", "Baku refused Russian border troops in 1999.")
    u = M("c.txt", "AZE", "RUS", "REJECT", None, "refused", "Baku refused Russian border troops.")
    groups, _, _ = _groups([a, b, u])
    assert groups == [[0], [1], [2]]


def test_stories_do_not_depend_on_the_order_the_events_come_in() -> None:
    mentions = [m for case in CASES for m in case[0]]
    events = [ev(m, i) for i, m in enumerate(mentions)]
    first = resolve(events).stories
    rng = random.Random(7)
    for _ in range(5):
        rng.shuffle(events)
        assert resolve(events).stories == first


def test_streaming_in_date_order_gives_the_same_stories_and_refuses_unordered_input() -> None:
    events = [ev(m, i) for i, m in enumerate(itertools.chain.from_iterable(c[0] for c in CASES))]
    ordered = sorted(events, key=lambda e: (e.date_start is None, e.date_start or ""))
    def partition(stories: list[Story]) -> set[tuple[frozenset[str], str | None, bool]]:
        return {(frozenset(s.event_ids), s.date_start, s.date_conflict) for s in stories}

    assert partition(resolve(iter(ordered), ordered=True).stories) == partition(resolve(events).stories)
    with pytest.raises(ValueError, match="out of date order"):
        resolve(list(reversed(ordered)), ordered=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia signed the treaties", {"russia", "~signing", "treat"}),
    ("The talks were held in 1993", {"~meeting", "held"}),
    ("Rebels overthrew the government in a coup", {"rebel", "~regime_change", "government"}),
    ("Armenia armed the separatists", {"armenia", "~arms_supply", "separatist"}),
    ("", set()),
])
def test_words_are_lower_cased_stems_or_synonym_groups_without_stop_words_or_numbers(text: str, expected: set[str]) -> None:
    assert words(text) == expected
