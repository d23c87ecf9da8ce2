"""Sentence and paragraph segmentation."""

import pytest

from dyadscope.text.segment import segment

CASES = [
    # (text, expected sentences)
    ("The minister visited Baku on 26 May. Talks followed.", ["The minister visited Baku on 26 May.", "Talks followed."]),
    ("S. Frederick Starr met Mr. Aliyev. He left.", ["S. Frederick Starr met Mr. Aliyev.", "He left."]),
    ("See Vol. 7, No. 2 of the journal. Next.", ["See Vol. 7, No. 2 of the journal.", "Next."]),
    ("He said: “We will not join.” Then he left.", ["He said: “We will not join.”", "Then he left."]),
    ("First paragraph ends here\n\nSecond one.", ["First paragraph ends here", "Second one."]),
    ("Relations with the U.S. improved in 2003 and Moscow noticed.",
     ["Relations with the U.S. improved in 2003 and Moscow noticed."]),
    ("a line that\nwraps inside a sentence. Another.", ["a line that\nwraps inside a sentence.", "Another."]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_sentences_are_cut_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert [s.text for s in segment("d", text)] == expected


def test_offsets_point_into_the_text_and_paragraphs_are_counted() -> None:
    text = "One. Two.\n\n  Three four.  \n"
    sents = segment("d", text)
    assert [text[s.start:s.end] for s in sents] == ["One.", "Two.", "Three four."]
    assert [s.paragraph for s in sents] == [0, 0, 1]
    assert [s.index for s in sents] == [0, 1, 2]
