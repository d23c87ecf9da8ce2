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
    # text in capitals (cables) is cut like any other, abbreviations in capitals included
    ("THE MINISTER TOLD POLOFF ON MAY 4 THAT BAKU WOULD WAIT. MR. ALIYEV AGREED. GEN. ABIYEV DID NOT.",
     ["THE MINISTER TOLD POLOFF ON MAY 4 THAT BAKU WOULD WAIT.", "MR. ALIYEV AGREED.", "GEN. ABIYEV DID NOT."]),
    ("THE TALKS ENDED ON THE U.S. SIDE'S TERMS. BAKU AGREED.",
     ["THE TALKS ENDED ON THE U.S. SIDE'S TERMS.", "BAKU AGREED."]),
    # a fragment ending its paragraph without a full stop is a sentence of its own, as is a heading
    ("HE SAID MOSCOW HAD INFORMED THE EMBASSY IN ADVANCE\n\nTHE AMBASSADOR DISAGREED.",
     ["HE SAID MOSCOW HAD INFORMED THE EMBASSY IN ADVANCE", "THE AMBASSADOR DISAGREED."]),
    ("Background\n\nThe station went into service in 1985.", ["Background", "The station went into service in 1985."]),
    # negative: a full stop before a lower-case word, or after an initial, ends nothing
    ("The deal was signed in Baku. and Moscow agreed later.", ["The deal was signed in Baku. and Moscow agreed later."]),
    ("A. ALIYEV SIGNED THE DECREE.", ["A. ALIYEV SIGNED THE DECREE."]),
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
