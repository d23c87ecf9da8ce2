"""Typeset the example journal article ``examples/az-ru/caspian-affairs-review-2013.pdf``.

The article is written by the dyadscope team for the demonstration corpus (facts and their public sources
are listed in ``examples/az-ru/SOURCES.md``). It is set the way journal PDFs are: a running header with
the journal name, volume and page number on every page, a copyright footer, justified lines with
hyphenation at line ends, and superscript footnote markers with the notes at the foot of the page. The
output is byte-stable: reportlab runs in invariant mode and the creation date is fixed.

    .venv/bin/python examples/tools/make_pdf.py            # rewrite the committed PDF
    .venv/bin/python examples/tools/make_pdf.py OUT.pdf    # write elsewhere

``source_text()`` returns the article as plain text (no headers, no hyphenation, no footnote markers);
the corpus tests check the expected annotations against it. reportlab is imported only when building.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "az-ru" / "caspian-affairs-review-2013.pdf"

JOURNAL = "Caspian Affairs Review"
ISSUE = "Vol. 9, No. 2, Summer 2013"
FIRST_PAGE = 41
TITLE = "Between Suspicion and Pragmatism: Azerbaijan and Russia, 1991\u20132012"
AUTHOR = "Teymur Ashrafli"
AFFILIATION = "Independent researcher, Baku"
CREATED = "D:20130617090000+04'00'"

ABSTRACT = (
    "This article traces relations between Azerbaijan and the Russian Federation from the end of the "
    "Soviet Union to the closure of the Gabala radar station. It proposes a division into four stages "
    "and argues that each turn was driven less by ideology than by the Karabakh conflict and by energy."
)

#: (kind, text): kind is "h" (section heading) or "p" (paragraph). ``[^n]`` marks footnote n.
BODY: tuple[tuple[str, str], ...] = (
    ("h", "1. Introduction"),
    ("p", ("For two decades Baku has tried to keep Moscow close enough to avoid its hostility and far "
          "enough to protect its independence. Below I distinguish "
          "four stages and discuss what moved the relationship from one to the next.")),
    ("h", "2. Estrangement"),
    ("p", ("The first stage, from 1991 to 1993, was one of estrangement. Russia and Azerbaijan established "
          "diplomatic relations on 4 April 1992, but the Popular Front government of Abulfaz Elchibey, "
          "elected in June 1992, turned the country towards Turkey. In October 1992 the Azerbaijani "
          "parliament declined to ratify the agreement establishing the Commonwealth of Independent "
          "States. The stage ended in June 1993, when a military revolt in Ganja "
          "toppled Elchibey and brought Heydar Aliyev back to power.")),
    ("h", "3. Normalisation under pressure"),
    ("p", ("The second stage, from 1993 to 2000, combined normalisation with pressure. Azerbaijan joined "
          "the CIS in September 1993, and in May 1994 Russian mediation produced the Karabakh ceasefire. "
          "Yet Baku refused to let Russian border troops or bases onto its territory. In December 1994, "
          "after the start of the war in Chechnya, Russia closed the land border, and restrictions on "
          "freight stayed in force, with short pauses, for most of the following years. In 1997 a Duma "
          "inquiry revealed large-scale arms deliveries to Armenia. Aliyev nonetheless travelled to "
          "Moscow, where on 3 July 1997 he and Boris Yeltsin signed the Treaty of Friendship, Cooperation "
          "and Mutual Security. Azerbaijani oil began to flow to Novorossiysk in October 1997, although "
          "Baku preferred export routes that avoided Russia.")),
    ("h", "4. Pragmatic partnership"),
    ("p", ("The third stage began with Vladimir Putin's visit to Baku on 9\u201310 January 2001, the first by "
          "a Russian head of state since independence. The two presidents signed the Baku Declaration "
          "and a joint statement on the Caspian that accepted the division of the seabed along a median "
          "line. In January 2002 the governments signed an agreement on the Gabala radar station: the "
          "station remained Azerbaijani property, while Russia leased it for ten years and paid seven "
          "million dollars a year.[^1] During a visit by Defence Minister Sergei Ivanov to Baku in "
          "February 2003, the two governments signed an agreement on military-technical cooperation. "
          "Ilham Aliyev, elected president in October 2003, kept to his father's line.")),
    ("h", "5. A partnership tested"),
    ("p", ("The fourth stage opened with the war between Russia and Georgia in August 2008. A month "
          "earlier, on 3 July 2008, Dmitry Medvedev had signed in Baku a Declaration of Friendship and "
          "Strategic Partnership. Baku kept a careful silence during the war and did not recognise the "
          "independence of Abkhazia and South Ossetia, which Moscow recognised on 26 August 2008. "
          "Gazprom began buying Azerbaijani gas in 2010, and on 3 September 2010 Medvedev and Ilham "
          "Aliyev signed a treaty on the state border together with an agreement on sharing the water "
          "of the Samur river. Russian arms sales grew as well: two batteries of S-300 air-defence "
          "systems were delivered in 2010, and in June 2013 the Moscow press reported contracts for "
          "tanks and rocket launchers worth about one billion dollars. In August 2010, however, Russia "
          "also extended the lease of its military base in Gyumri, Armenia, until 2044.")),
    ("p", ("The stage closed with a dispute. In the spring of 2012, press reports said that Baku was "
          "asking as much as $300 million a year for Gabala.[^2] The talks failed, and on 10 December "
          "2012 Russia stopped using the station after notifying Baku in a diplomatic note.")),
    ("h", "6. Conclusion"),
    ("p", ("Each turn in the relationship followed a change in Karabakh or in energy, not in ideology. If "
          "Moscow continues to arm both sides, Baku is likely to keep buying Russian weapons while "
          "deepening its ties with Turkey and the West. Russia could regain influence only by offering a "
          "settlement in Karabakh that Azerbaijan can accept, something it has not done in twenty years.")),
)

FOOTNOTES: dict[int, str] = {
    1: "Terms as summarised by the Russian presidency (kremlin.ru) in January 2002.",
    2: "Reports by RIA Novosti and other agencies, spring 2012; the figure was never confirmed officially.",
}

_MARK = re.compile(r"\[\^(\d+)\]")


def source_text() -> str:
    """The article as plain text: title, author, abstract, headings, paragraphs and notes."""
    parts = [TITLE, AUTHOR, AFFILIATION, "Abstract: " + ABSTRACT]
    parts += [_MARK.sub("", text) for _, text in BODY]
    parts += [f"{n} {note}" for n, note in sorted(FOOTNOTES.items())]
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------------------------------------- layout

PAGE_W, PAGE_H = 432.0, 648.0  # 6 x 9 inch trim, as many journals use
LEFT, RIGHT, TOP, BOTTOM = 54.0, 54.0, 58.0, 60.0
WIDTH = PAGE_W - LEFT - RIGHT
BODY_FONT, BODY_SIZE, LEADING = "Times-Roman", 10.5, 13.4
NOTE_SIZE, NOTE_LEADING = 8.0, 9.8
VOWELS = set("aeiouyAEIOUY")
NO_SPLIT = {"th", "ch", "sh", "ph", "ck", "gh", "wh", "qu", "ng"}


@dataclass
class Line:
    words: list[str]
    font: str
    size: float
    justify: bool
    notes: list[int]
    space_before: float = 0.0
    leading: float = LEADING


def split_points(word: str) -> list[int]:
    """Where a word may be broken at a line end: after an existing hyphen, or between syllables."""
    points = [i + 1 for i, ch in enumerate(word) if ch == "-" and 2 < i < len(word) - 3]
    core = re.match(r"[A-Za-z]+", word)
    if core is None or core.end() < 7 or "[" in word:
        return sorted(points)
    w = core.group(0)
    for i in range(3, len(w) - 2):
        a, b, c = w[i - 1], w[i], w[i + 1]
        if (a + b).lower() in NO_SPLIT or (b + c).lower() in NO_SPLIT:
            continue
        v_cv = a in VOWELS and b not in VOWELS and c in VOWELS
        vc_cv = a not in VOWELS and b not in VOWELS and c in VOWELS and w[i - 2] in VOWELS
        if v_cv or vc_cv:
            points.append(i)
    return sorted(set(points))


def _visible(word: str) -> str:
    return _MARK.sub("", word)


def wrap(text: str, font: str, size: float, width: float, measure: Any) -> list[list[str]]:
    """Greedy line filling with hyphenation of the word that does not fit."""
    space = measure(" ", font, size)

    def w_of(words: list[str]) -> float:
        return sum(measure(_visible(w), font, size) for w in words) + space * max(len(words) - 1, 0)

    lines: list[list[str]] = []
    cur: list[str] = []
    for word in text.split():
        if w_of(cur + [word]) <= width:
            cur.append(word)
            continue
        broke = False
        for p in reversed(split_points(word)):
            head = word[:p] if word[p - 1] == "-" else word[:p] + "-"
            if cur and w_of(cur + [head]) <= width:
                lines.append(cur + [head])
                cur = [word[p:]]
                broke = True
                break
        if not broke:
            lines.append(cur)
            cur = [word]
    if cur:
        lines.append(cur)
    return lines


def layout(measure: Any) -> list[Line]:
    out: list[Line] = []
    for kind, text in BODY:
        if kind == "h":
            out.append(Line([text], "Times-Bold", 11.0, False, [], space_before=10.0))
            continue
        rows = wrap(text, BODY_FONT, BODY_SIZE, WIDTH, measure)
        for i, row in enumerate(rows):
            notes = [int(n) for w in row for n in _MARK.findall(w)]
            out.append(Line(row, BODY_FONT, BODY_SIZE, i < len(rows) - 1, notes,
                            space_before=4.0 if i == 0 else 0.0))
    return out


def _note_height(n: int, measure: Any) -> float:
    rows = wrap(f"{n} {FOOTNOTES[n]}", "Times-Roman", NOTE_SIZE, WIDTH, measure)
    return len(rows) * NOTE_LEADING


def build(path: Path = OUT) -> Path:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    c.setTitle(TITLE)
    c.setAuthor(AUTHOR)
    c.setSubject(f"{JOURNAL}, {ISSUE}")
    c.setCreator(f"{JOURNAL} typesetting")
    c.setKeywords("Azerbaijan; Russia; Gabala; Karabakh; Caspian")
    c.setDateFormatter(lambda *_: CREATED)

    page = FIRST_PAGE

    def furniture() -> None:
        c.setFont("Times-Italic", 8.5)
        c.drawString(LEFT, PAGE_H - 34, f"{JOURNAL}, {ISSUE}")
        c.setFont("Times-Roman", 8.5)
        c.drawRightString(PAGE_W - RIGHT, PAGE_H - 34, str(page))
        c.setLineWidth(0.4)
        c.line(LEFT, PAGE_H - 39, PAGE_W - RIGHT, PAGE_H - 39)
        c.setFont("Times-Roman", 7.0)
        c.drawCentredString(PAGE_W / 2, 30, f"\u00a9 2013 {JOURNAL}. For personal research use only.")

    def draw_words(words: list[str], x: float, y: float, font: str, size: float, extra: float) -> None:
        space = stringWidth(" ", font, size)
        for w in words:
            m = _MARK.search(w)
            visible = _MARK.sub("", w)
            c.setFont(font, size)
            c.drawString(x, y, visible)
            x += stringWidth(visible, font, size)
            if m:
                c.setFont(font, size * 0.62)
                c.drawString(x + 0.3, y + size * 0.38, m.group(1))
                x += stringWidth(m.group(1), font, size * 0.62) + 0.3
            x += space + extra

    def draw_notes(notes: list[int]) -> None:
        if not notes:
            return
        height = sum(_note_height(n, stringWidth) for n in notes)
        y = BOTTOM + height - NOTE_SIZE + 2
        c.setLineWidth(0.4)
        c.line(LEFT, y + NOTE_LEADING + 1, LEFT + 72, y + NOTE_LEADING + 1)
        for n in notes:
            rows = wrap(FOOTNOTES[n], "Times-Roman", NOTE_SIZE, WIDTH - 8, stringWidth)
            c.setFont("Times-Roman", NOTE_SIZE * 0.7)
            c.drawString(LEFT, y + 3, str(n))
            c.setFont("Times-Roman", NOTE_SIZE)
            for row in rows:
                c.drawString(LEFT + 8, y, " ".join(row))
                y -= NOTE_LEADING

    # first page: title block
    furniture()
    y = PAGE_H - TOP - 20
    c.setFont("Times-Bold", 15)
    for row in wrap(TITLE, "Times-Bold", 15, WIDTH, stringWidth):
        c.drawString(LEFT, y, " ".join(row))
        y -= 18
    y -= 4
    c.setFont("Times-Roman", 11)
    c.drawString(LEFT, y, AUTHOR)
    y -= 13
    c.setFont("Times-Italic", 9)
    c.drawString(LEFT, y, AFFILIATION)
    y -= 20
    abstract_rows = wrap("Abstract: " + ABSTRACT, "Times-Italic", 9.5, WIDTH - 20, stringWidth)
    for i, row in enumerate(abstract_rows):
        gap = WIDTH - 20 - stringWidth(" ".join(row), "Times-Italic", 9.5)
        extra = gap / (len(row) - 1) if i < len(abstract_rows) - 1 and len(row) > 1 else 0.0
        draw_words(row, LEFT + 10, y, "Times-Italic", 9.5, extra)
        y -= 12
    y -= 6

    page_notes: list[int] = []
    reserved = 0.0
    for line in layout(stringWidth):
        need = line.space_before + line.leading
        extra_notes = [n for n in line.notes if n not in page_notes]
        note_need = sum(_note_height(n, stringWidth) for n in extra_notes) + (6 if extra_notes and not
                                                                              page_notes else 0)
        if y - need < BOTTOM + reserved + note_need:
            draw_notes(page_notes)
            c.showPage()
            page += 1
            furniture()
            y = PAGE_H - TOP
            page_notes, reserved = [], 0.0
            note_need = sum(_note_height(n, stringWidth) for n in line.notes) + (6 if line.notes else 0)
            extra_notes = list(line.notes)
        else:
            y -= line.space_before
        page_notes += extra_notes
        reserved += note_need
        natural = sum(stringWidth(_visible(w), line.font, line.size) for w in line.words)
        natural += stringWidth(" ", line.font, line.size) * (len(line.words) - 1)
        extra = (WIDTH - natural) / (len(line.words) - 1) if line.justify and len(line.words) > 1 else 0.0
        y -= line.leading
        draw_words(line.words, LEFT, y, line.font, line.size, extra)
    draw_notes(page_notes)
    c.showPage()
    c.save()
    return path


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else OUT
    build(target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
