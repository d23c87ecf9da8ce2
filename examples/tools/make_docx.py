"""Write the example briefing note ``examples/az-ru/briefing-2024-after-karabakh.docx``.

The briefing is written by the dyadscope team for the demonstration corpus (facts and their public sources
are listed in ``examples/az-ru/SOURCES.md``). It looks like the Word files analysts circulate: a header
that repeats on every page ("not for citation"), a footer with a page-number field, headings, a bulleted
summary, a table of figures and an annex, with title, author and dates in the core properties. The
output is byte-stable: the core properties are fixed and the zip entries get a fixed timestamp.

    .venv/bin/python examples/tools/make_docx.py            # rewrite the committed DOCX
    .venv/bin/python examples/tools/make_docx.py OUT.docx   # write elsewhere

``source_text()`` returns the text of the body (paragraphs and table rows) as plain text; the corpus
tests check the expected annotations against it. python-docx is imported only when building.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "az-ru" / "briefing-2024-after-karabakh.docx"

TITLE = "Azerbaijan and Russia after Karabakh: allies on paper, partners in practice"
AUTHOR = "Caspian Policy Desk"
LAST_MODIFIED_BY = "L. Farzaliyeva"
CREATED = dt.datetime(2024, 6, 20, 10, 0, 0)
MODIFIED = dt.datetime(2024, 6, 21, 16, 30, 0)
HEADER = "Caspian Policy Desk \u2013 Briefing note 2024/07 \u2013 NOT FOR CITATION"
ZIP_TIME = (2024, 6, 21, 16, 30, 0)

#: (kind, text): "title", "meta", "h1", "p", "bullet", or "table" (rows separated by "\n", cells by "\t").
BLOCKS: tuple[tuple[str, str], ...] = (
    ("title", TITLE),
    ("meta", "Briefing note 2024/07 \u00b7 Caspian Policy Desk \u00b7 20 June 2024"),
    ("h1", "Summary"),
    ("bullet", ("Since the war of 2020 the relationship has rested on three pillars: Russian mediation, a "
               "formal alliance and growing trade.")),
    ("bullet", "The Russian peacekeeping mission that began in November 2020 ended early, in June 2024."),
    ("bullet", "Trade reached a record in 2023, but Baku's energy future lies in Europe."),
    ("h1", "1. Background"),
    ("p", ("Russia mediated between Armenia and Azerbaijan for three decades, first on its own and, from "
          "1997, as one of the three co-chairs of the OSCE Minsk Group. The arrangement suited Moscow: it "
          "sold arms to both sides while keeping a military base in Armenia. Russia's only military "
          "facility in Azerbaijan, the Gabala radar station, was leased under a 2003 agreement and closed "
          "when the lease ran out in 2012.")),
    ("h1", "2. The period after 2020"),
    ("p", ("The period after 2020 differs from everything before it. The trilateral statement of 10 "
          "November 2020 ended 44 days of fighting and brought some 2,000 Russian peacekeepers into "
          "Karabakh for an initial term of five years.")),
    ("p", ("On 22 February 2022 Presidents Ilham Aliyev and Vladimir Putin signed the Declaration on Allied "
          "Interaction in Moscow. The 43-point document commits both sides to refrain from actions that "
          "harm the other and foresees military assistance on the basis of the UN Charter. Two days later "
          "Russia invaded Ukraine. Azerbaijan sent humanitarian aid to Ukraine but has not joined Western "
          "sanctions against Russia.")),
    ("p", ("The peacekeepers did not intervene when Azerbaijani forces launched a one-day operation on 19 "
          "September 2023 that ended with the surrender of the separatist forces. On 20 September several "
          "Russian peacekeepers were killed when their vehicle came under fire near the village of "
          "Janyatag; Aliyev apologised to Putin in a telephone call the next day. The separatist "
          "authorities announced their own dissolution on 28 September, and more than 100,000 Armenians "
          "left the region for Armenia within two weeks.")),
    ("p", ("In mid-April 2024 the Kremlin confirmed that the peacekeepers had begun to leave. The joint "
          "Russian-Turkish monitoring centre in Aghdam closed the same month, and the last Russian units "
          "left in June 2024, more than a year before their mandate expired. Armenia, meanwhile, has "
          "frozen its participation in the Collective Security Treaty Organization, as Prime Minister "
          "Nikol Pashinyan said in February 2024.")),
    ("h1", "3. Trade and energy"),
    ("p", ("Russia remains one of Azerbaijan's main trading partners. According to Russian officials, "
          "bilateral trade grew by about 24 percent in 2022, to $4.17 billion, and reached $4.4 billion "
          "in 2023.")),
    ("table", ("Year\tTrade turnover (US$ billion)\tAs reported by\n"
              "2019\tover 3.0\tForeign Minister of Azerbaijan\n"
              "2022\t4.17\tDeputy Prime Minister of Russia\n"
              "2023\t4.4\tRussian ambassador in Baku")),
    ("p", ("From November 2022 to March 2023 Gazprom agreed to supply up to one billion cubic metres of "
          "gas to Azerbaijan, which helped Baku meet domestic demand while it raised exports to Europe. "
          "On 17 May 2023 Russia and Iran signed an agreement to build the Rasht\u2013Astara railway, the "
          "missing link of the North\u2013South corridor, which is meant to carry Russian freight through "
          "Azerbaijan to the Gulf.")),
    ("h1", "4. Outlook"),
    ("p", ("Should Moscow seek to regain leverage, it could use the large Azerbaijani labour diaspora in "
          "Russia or its role in the North\u2013South corridor. Baku, for its part, may slow joint projects "
          "if relations sour. We expect the alliance to remain a formula rather than a commitment.")),
    ("h1", "Annex: sources consulted"),
    ("bullet", ("Kremlin and Azerbaijani presidential websites (statements of 10 November 2020 and 22 "
               "February 2022)")),
    ("bullet", "Gazprom press release on deliveries to Azerbaijan, 18 November 2022"),
    ("bullet", "Interviews of Russian officials with Izvestia and TASS, 2023\u20132024"),
)


def source_text() -> str:
    """The body text as plain text (table cells separated by tabs, rows by newlines)."""
    return "\n\n".join(text for _, text in BLOCKS) + "\n"


def _add_page_field(paragraph: object) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()  # type: ignore[attr-defined]
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, None), ("end", None)):
        if kind is not None:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text is not None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = "1"
            run._r.append(t)


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry timestamps so that the file is byte-stable."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return buf.getvalue()


def build(path: Path = OUT) -> Path:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    props = doc.core_properties
    props.title = TITLE
    props.author = AUTHOR
    props.last_modified_by = LAST_MODIFIED_BY
    props.created = CREATED
    props.modified = MODIFIED
    props.revision = 3
    props.subject = "Azerbaijan-Russia relations"
    props.keywords = "Azerbaijan; Russia; Karabakh; peacekeepers; trade"
    props.language = "en-GB"
    props.comments = "Draft for internal discussion"
    props.category = "Briefing note"

    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.text = HEADER
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.text = "Page "
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_page_field(footer)

    for kind, text in BLOCKS:
        if kind == "title":
            doc.add_heading(text, level=0)
        elif kind == "meta":
            run = doc.add_paragraph().add_run(text)
            run.italic = True
            run.font.size = Pt(9)
        elif kind == "h1":
            doc.add_heading(text, level=1)
        elif kind == "bullet":
            doc.add_paragraph(text, style="List Bullet")
        elif kind == "table":
            rows = [r.split("\t") for r in text.split("\n")]
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Light Grid Accent 1"
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
        else:
            doc.add_paragraph(text)

    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(_normalise_zip(buf.getvalue()))
    return path


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else OUT
    build(target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
