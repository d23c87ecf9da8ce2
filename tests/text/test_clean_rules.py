"""The decisions inside the cleaning steps, one table each: line joins, hyphens, note markers, layout,
citations, widget lines."""

from __future__ import annotations

import pytest

from dyadscope.text.clean.base import Layout, StepContext, is_list_item, is_prose, layout_of, split_lines
from dyadscope.text.clean.chrome import match_line
from dyadscope.text.clean.footnotes import remove_footnote_markers
from dyadscope.text.clean.notes import citation_signals
from dyadscope.text.clean.paragraphs import heading_like, joins
from dyadscope.text.clean.vocab import Vocabulary, keep_hyphen

PRINT = Layout(wrapped=True, double_spaced=False, width=90)
DOUBLE = Layout(wrapped=True, double_spaced=True, width=90)
WEB = Layout()
FULL = "x" * 80   # a printed line as long as the column

JOINS = [
    # (a, b, blank lines between, layout, joined?, why)
    ("the Russian arms supply and political", "support to Armenia", 1, PRINT, True, "lower-case continuation across a page break"),
    ("relations between Azerbaijan and", "Turkey deteriorated", 1, PRINT, True, "a line cannot end on 'and'"),
    ("the treaty was signed in Moscow,", "Baku agreed", 0, WEB, True, "a comma goes on"),
    ("This was the end of the war.", "The next stage began.", 1, PRINT, False, "a sentence end before a blank line"),
    ("Short line ends here.", "Next paragraph starts.", 0, PRINT, False, "a short line ending a sentence ends a paragraph"),
    (FULL + " ends a sentence.", "And the next printed line", 0, PRINT, True, "a full line is just a line"),
    (FULL + " ends a sentence.", "And the next printed line", 1, DOUBLE, True, "double-spaced: one blank line is a line gap"),
    (FULL + " ends a sentence.", "And the next printed line", 2, DOUBLE, False, "double-spaced: two blank lines are a break"),
    ("All Quiet on the Northern Front", "The conflict remains the main topic.", 1, PRINT, False, "heading"),
    ("II. The Evolution of Policy:", "Concepts About the Neighbours", 1, DOUBLE, True, "a numbered heading goes on"),
    ("the last sentence of the section.", "B. Interests in the Region", 0, PRINT, False, "a numbered heading starts"),
    ("A list follows:", "• first item of the list", 0, PRINT, False, "a bullet starts a new paragraph"),
    ("Year | Turnover | Source", "2021 | 3.3 | customs", 0, PRINT, False, "table rows stay rows"),
    ("One paragraph per line on a web page.", "Another paragraph.", 0, WEB, False, "web text: each line a paragraph"),
    ("from joining CSTO (Common Security", "Treaty Organization and more", 0, PRINT, True, "an open bracket goes on"),
]


@pytest.mark.parametrize("a,b,gap,layout,expected,why", JOINS, ids=[j[5] for j in JOINS])
def test_lines_join_into_paragraphs_when_the_signals_say_so(a: str, b: str, gap: int, layout: Layout,
                                                            expected: bool, why: str) -> None:
    assert joins(a, b, gap, layout) is expected, why


def test_a_line_that_continues_a_sentence_is_no_heading_even_when_capitalised() -> None:
    assert heading_like("Common Security Council", PRINT)
    assert not joins("Common Security Council", "Meets Today", 1, PRINT)
    assert joins("Common Security Council", "Treaty Organization - ODKB), Eurasian", 0, PRINT, a_continued=True)


DOC = "The government acted. The government in Baku and the co-operation treaty. Partners met."
HYPHENS = [
    # (left, right, keep hyphen?, why)
    ("govern", "ment", False, "the joined word occurs in the document"),
    ("co", "operation", True, "the document writes the hyphenated form"),
    ("Russian", "Azerbaijani", True, "a capitalised second part is a compound of names"),
    ("through", "out", False, "a known closed compound"),
    ("re", "domination", True, "a prefix before a word, neither form known"),
    ("one", "seventh", True, "two words"),
    ("ac", "cusing", False, "the joined form is an inflection of a known word"),
    ("Kara", "bakh", False, "two non-words are a split syllable"),
    ("1992", "1997", True, "numbers keep the dash"),
]


@pytest.mark.parametrize("left,right,keep,why", HYPHENS, ids=[h[3] for h in HYPHENS])
def test_a_hyphen_at_a_line_end_is_kept_only_for_compounds(left: str, right: str, keep: bool, why: str) -> None:
    decided, _ = keep_hyphen(left, right, Vocabulary(DOC))
    assert decided is keep, why


def test_the_halves_of_a_broken_word_do_not_count_as_words_of_the_document() -> None:
    v = Vocabulary("the station after noti-\nfying Baku")
    assert v.count("noti") == 0 and v.count("fying") == 0 and v.count("baku") == 1


MARKERS = [
    # (text, expected after the step)
    ("A first.1 A second.2 A third.3", "A first. A second. A third."),
    ("He said “yes.”4 Then left.5 Then came.6 Back.7", "He said “yes.” Then left. Then came. Back."),
    ("It ended in 1993.1 Later.2 Again.3 More.4", "It ended in 1993. Later. Again. More."),
    ("It ended in 1993.2 Later.1 Again.3 More.4", "It ended in 1993.2 Later. Again. More."),
    ("See Vol.7 and No.2 and p.82 here.", "See Vol.7 and No.2 and p.82 here."),
    ("Trade was 3.71 billion in 2001. 12 people came.", "Trade was 3.71 billion in 2001. 12 people came."),
    ("Section A.1 applies.", "Section A.1 applies."),
    ("The G20 and the Su27 flew.", "The G20 and the Su27 flew."),
]


@pytest.mark.parametrize("text,expected", MARKERS, ids=[m[0][:30] for m in MARKERS])
def test_note_numbers_go_and_other_numbers_stay(text: str, expected: str) -> None:
    assert remove_footnote_markers(text, StepContext()).text == expected


def _layout(text: str) -> Layout:
    return layout_of(split_lines(text))


def test_the_layout_of_a_text_is_measured_from_its_lines() -> None:
    printed = "\n".join(["word " * 16 + "and"] * 10)
    double = "\n\n".join(["word " * 16 + "and"] * 10)
    web = "\n\n".join(["A paragraph of one sentence that ends. " * k for k in range(1, 11)])
    assert _layout(printed).wrapped and not _layout(printed).double_spaced
    assert _layout(double).wrapped and _layout(double).double_spaced
    assert not _layout(web).wrapped
    assert _layout("\n".join(["ALL CAPS CABLE TEXT HERE NOW."] * 5)).caps


CITATIONS = [
    ('1. Ivan Petrov, "The Caspian", Review, Vol. 4, No. 2, 1999, p. 45.', True),
    ("2. Anna Aliyeva, Power and Oil, London: Regional Press, 2016, p. 112.", True),
    ("3. Ibid., p. 118.", True),
    ("1. Both states will consult each other on threats to their security.", False),
    ("4 Reports by agencies, spring 2012, https://example.org/report.html", True),
    ("4 Reports by agencies and officials", False),
]


@pytest.mark.parametrize("line,is_citation", CITATIONS, ids=[c[0][:30] for c in CITATIONS])
def test_citations_are_told_from_sentences(line: str, is_citation: bool) -> None:
    assert (citation_signals(line) >= 2) is is_citation


WIDGETS = [
    # (line, where, kind or None)
    ("Read 5,452 times", ("anywhere",), "view_counter"),
    ("(votes: 12, rating: 4.5)", ("anywhere",), "rating_widget"),
    ("Share on Facebook", ("anywhere",), "share_links"),
    ("Читать на русском", ("anywhere",), "language_switch"),
    ("Sign up for our weekly newsletter", ("anywhere",), "newsletter"),
    ("© 2024 Caspian Wire. All rights reserved.", ("anywhere",), "copyright_footer"),
    ("Home", ("margin",), "footer_navigation"),
    ("Home", ("anywhere",), None),
    ("Read the full statement", ("anywhere", "margin"), None),
    ("Share prices rose in Baku on Monday.", ("anywhere",), None),
    ("Copyright law was reformed in 2019.", ("anywhere",), None),
    ("Monday, 3 May 2021", ("margin",), "dateline"),
    ("By Leyla Mammadova (5/4/2017 issue of the Letter)", ("top",), "byline"),
    ("By 1993 the war had turned.", ("top",), None),
]


@pytest.mark.parametrize("line,wheres,kind", WIDGETS, ids=[f"{w[0][:24]}-{w[1][0]}" for w in WIDGETS])
def test_widget_lines_are_recognised_only_whole_and_where_allowed(line: str, wheres: tuple[str, ...],
                                                                  kind: str | None) -> None:
    p = match_line(line, wheres)
    assert (p.kind if p else None) == kind


def test_prose_and_list_items_are_told_apart() -> None:
    assert is_prose("The two ministers met in Baku on Monday and agreed to meet again soon.")
    assert not is_prose("Oped Anna Petrova, Ports of the Caspian, Review, March 2022.")
    assert is_list_item("Oped Anna Petrova, Ports of the Caspian, Review, March 2022.")
    assert not is_list_item("The two ministers met in Baku on Monday, 3 May 2021, and agreed.")
