"""`yamldeck import`: a deck made by another program becomes an outline that builds.

A deck is made here with python-pptx (as a third-party program makes one: its default template,
text boxes, a group, a table, a chart, pictures, a hidden slide, an animation, a video, SmartArt),
imported with the CLI, and the outline read with PyYAML: each slide is the kind that fits it, and
what an outline cannot hold is a warning naming the slide and the shape. Then the files around
it: where the outline goes, --force, --no-template, .potx and .pptm; and damaged or hostile
files, each refused with one line and the exit status, nothing written.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import build_file
from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.text import PP_ALIGN
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.util import Inches

from yamldeck.cli import main

RED = (200, 30, 30)
BLUE = (30, 30, 200)
DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_P = ('xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def png(color: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), color).save(buffer, "PNG")
    return buffer.getvalue()


def foreign_deck(path: Path) -> None:
    """A deck as another program makes one (python-pptx's default template, 4:3)."""
    prs = Presentation()
    layouts = {layout.name: layout for layout in prs.slide_layouts}

    def slide(layout: str, title: str | None = None) -> Any:
        made = prs.slides.add_slide(layouts[layout])
        if title is not None:
            made.shapes.title.text = title
        return made

    s = slide("Title Slide", "Quarterly review")
    s.placeholders[1].text = "Finance team"
    _results(slide("Title and Content", "Results"))
    s = slide("Two Content", "Pros and cons")
    s.placeholders[1].text_frame.text = "Fast"
    s.placeholders[1].text_frame.add_paragraph().text = "Cheap"
    s.placeholders[2].text_frame.text = "Fragile"
    s._element.append(parse_xml(  # an entrance animation on the title
        f'<p:timing {_P}><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" '
        'nodeType="tmRoot"/></p:par></p:tnLst></p:timing>'))
    s = slide("Comparison", "Before and after")
    frames = sorted(s.placeholders, key=lambda p: p.placeholder_format.idx)[1:]
    for frame, text in zip(frames, ["Before", "Manual", "After", "Automatic"], strict=True):
        frame.text_frame.text = text
    _figures(slide)
    s = slide("Section Header", "Part two")
    s.placeholders[1].text = "Plans"
    s._element.set("show", "0")
    s = slide("Title Only", "Process")
    group = s.shapes.add_group_shape()
    group.shapes.add_textbox(Inches(1), Inches(2), Inches(2), Inches(1)).text_frame.text = "Plan"
    group.shapes.add_textbox(Inches(4), Inches(2), Inches(2), Inches(1)).text_frame.text = "Do"
    s.shapes.add_movie(io.BytesIO(b"not really a film"), Inches(7), Inches(5), Inches(1),
                       Inches(1), mime_type="video/mp4")
    _smartart(slide("Title Only", "Steps"))
    slide("Title Only", "Questions so far")
    s = slide("Title Slide", "Thank you")
    run = s.placeholders[1].text_frame.paragraphs[0].add_run()
    run.text = "ann@example.org"
    run.hyperlink.address = "mailto:ann@example.org"
    prs.core_properties.title = "Quarterly review"
    prs.save(str(path))


def _results(s: Any) -> None:
    """Bullets with bold, italic, a link, a level, characters the outline would read as markup,
    a text box beside them, and speaker notes."""
    frame = s.placeholders[1].text_frame
    for text, bold, italic in (("Revenue ", False, False), ("up", True, False),
                               (" by 5 * 3 ", False, False), ("percent", False, True)):
        run = frame.paragraphs[0].add_run()
        run.text, run.font.bold, run.font.italic = text, bold or None, italic or None
    frame.add_paragraph().text = "Details"
    link = frame.add_paragraph()
    link.level = 1
    run = link.add_run()
    run.text = "see the report"
    run.hyperlink.address = "https://example.org/report"
    draft = frame.add_paragraph()
    draft.level, draft.text = 1, "[draft] figures"
    box = s.shapes.add_textbox(Inches(1), Inches(6.5), Inches(4), Inches(0.5))
    box.text_frame.text = "Draft: do not circulate"
    s.notes_slide.notes_text_frame.text = "Say the numbers slowly."


def _figures(slide: Any) -> None:
    """A table, a chart with a caption, a picture with a caption, a picture beside bullets."""
    s = slide("Title Only", "Budget")
    table = s.shapes.add_table(3, 3, Inches(1), Inches(2), Inches(8), Inches(2)).table
    for r, row in enumerate([["Item", "Cost", "Owner"], ["Rent", "1,200", "Ann"],
                             ["Power", "300", "Bob"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
            if c == 2 and r:
                table.cell(r, c).text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
    s = slide("Title Only", "Sales")
    data = CategoryChartData()
    data.categories = ["Q1", "Q2"]
    data.add_series("North", (10, 12.5))
    data.add_series("South", (7, None))
    s.shapes.add_chart(XL_CHART_TYPE.COLUMN_STACKED, Inches(1), Inches(1.5), Inches(8),
                       Inches(4.5), data)
    s.shapes.add_textbox(Inches(1), Inches(6.1), Inches(8), Inches(0.4)).text_frame.text = (
        "Source: ledger")
    s = slide("Title Only", "The site")
    picture = s.shapes.add_picture(io.BytesIO(png(RED)), Inches(2), Inches(1.5), Inches(6),
                                   Inches(4))
    picture._element.nvPicPr.cNvPr.set("descr", "A red site plan")
    s.shapes.add_textbox(Inches(2), Inches(5.6), Inches(6), Inches(0.4)).text_frame.text = (
        "Plan of the site")
    s = slide("Title and Content", "Team")
    body = s.placeholders[1]
    body.left, body.width = Inches(5), Inches(4.5)
    body.text_frame.text = "Ann leads"
    s.shapes.add_picture(io.BytesIO(png(BLUE)), Inches(0.5), Inches(1.6), Inches(4), Inches(3))


def _smartart(s: Any) -> None:
    """A SmartArt graphic's data: two points under the document, the second with a child."""
    points = "".join(f'<dgm:pt modelId="{i}"><dgm:t><a:bodyPr/><a:p><a:r><a:t>{text}</a:t>'
                     "</a:r></a:p></dgm:t></dgm:pt>"
                     for i, text in (("1", "Collect"), ("2", "Decide"), ("3", "Vote")))
    links = "".join(f'<dgm:cxn modelId="c{dest}" srcId="{src}" destId="{dest}" srcOrd="{order}"/>'
                    for src, dest, order in (("0", "1", 0), ("0", "2", 1), ("2", "3", 0)))
    blob = (f'<dgm:dataModel xmlns:dgm="{DGM}" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst>'
            f'<dgm:pt modelId="0" type="doc"/>{points}</dgm:ptLst><dgm:cxnLst>{links}'
            "</dgm:cxnLst></dgm:dataModel>").encode()
    part = Part(PackURI("/ppt/diagrams/data1.xml"),
                "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml",
                s.part.package, blob)
    r_id = s.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/"
                                  "relationships/diagramData")
    s.shapes._spTree.append(parse_xml(
        f'<p:graphicFrame {_P}><p:nvGraphicFramePr><p:cNvPr id="9" name="Diagram 9"/>'
        '<p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="914400" '
        'y="1828800"/><a:ext cx="6400800" cy="3200400"/></p:xfrm><a:graphic><a:graphicData '
        f'uri="{DGM}"><dgm:relIds xmlns:dgm="{DGM}" r:dm="{r_id}" r:lo="" r:qs="" r:cs=""/>'
        "</a:graphicData></a:graphic></p:graphicFrame>"))


EXPECTED_WARNINGS = [
    "slide 2: text box 'TextBox 3': its text is not in a place the outline has; it is added to "
    "the slide's bullets",
    "slide 3: its animations are not brought over",
    "slide 8: picture 'Picture 3' has no alt text; the outline says so in 'alt:' until you "
    "describe the picture",
    "slide 9: the slide is hidden in the deck; the outline shows it",
    "slide 10: video 'movie.mp4': not brought over (an outline cannot hold it)",
    "slide 10: text box 'TextBox 3' in group 'Group 2': its text is outside the layout's "
    "placeholders; it is kept as the slide's columns",
    "slide 10: text box 'TextBox 4' in group 'Group 2': its text is outside the layout's "
    "placeholders; it is kept as the slide's columns",
    "slide 10: its animations are not brought over",  # python-pptx times the video's playing
    "slide 11: SmartArt 'Diagram 9': its text is kept as bullets",
]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], str]:
    """The foreign deck imported with the CLI: the folder, the outline as PyYAML reads it, and
    what the command printed on stderr."""
    folder = tmp_path_factory.mktemp("foreign")
    foreign_deck(folder / "quarterly.pptx")
    capture = io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(capture), contextlib.redirect_stdout(io.StringIO()):
        assert main(["import", str(folder / "quarterly.pptx"), "-o",
                     str(folder / "outline.yaml")]) == 0
    # Every scalar as text, as yamldeck reads an outline (PyYAML's BaseLoader).
    data = yaml.load((folder / "outline.yaml").read_text(encoding="utf-8"), yaml.BaseLoader)
    return folder, data, capture.getvalue()


def test_each_slide_is_the_kind_that_fits_it(imported: tuple[Path, dict[str, Any], str]) -> None:
    _, data, _ = imported
    kinds = [(s["kind"], s.get("title")) for s in data["slides"]]
    assert kinds == [
        ("title", "Quarterly review"), ("bullets", "Results"), ("columns", "Pros and cons"),
        ("columns", "Before and after"), ("table", "Budget"), ("chart", "Sales"),
        ("picture", "The site"), ("picture", "Team"), ("section", "Part two"),
        ("columns", "Process"), ("bullets", "Steps"), ("section", "Questions so far"),
        ("closing", "Thank you"),
    ]
    slides = data["slides"]
    assert slides[0]["subtitle"] == "Finance team"
    assert slides[1]["bullets"] == [
        r"Revenue **up** by 5 * 3 *percent*",
        {"Details": ["[see the report](https://example.org/report)", "[draft] figures"]},
        "Draft: do not circulate",
    ]
    assert slides[1]["notes"].strip() == "Say the numbers slowly."
    assert slides[2]["columns"] == [{"bullets": ["Fast", "Cheap"]}, {"bullets": ["Fragile"]}]
    assert slides[3]["columns"] == [{"heading": "Before", "bullets": ["Manual"]},
                                    {"heading": "After", "bullets": ["Automatic"]}]
    assert slides[10]["bullets"] == ["Collect", {"Decide": ["Vote"]}]
    assert slides[12]["contacts"] == ["[ann@example.org](mailto:ann@example.org)"]


def test_figures_keep_their_numbers_pictures_and_captions(
    imported: tuple[Path, dict[str, Any], str]
) -> None:
    folder, data, _ = imported
    table, chart, site, team = data["slides"][4:8]
    assert table["rows"] == [["Item", "Cost", "Owner"], ["Rent", "1,200", "Ann"],
                             ["Power", "300", "Bob"]]
    assert table["align"] == ["left", "left", "center"]  # as the deck shows them
    assert chart["chart"] == {"type": "column", "stacked": "true", "legend": "false",
                              "data": [["", "North", "South"], ["Q1", "10", "7"],
                                       ["Q2", "12.5", ""]]}
    assert chart["caption"] == "Source: ledger"
    assert (site["alt"], site["caption"]) == ("A red site plan", "Plan of the site")
    assert (folder / site["image"]).read_bytes() == png(RED)
    assert (folder / team["image"]).read_bytes() == png(BLUE)
    assert (team["bullets"], team["side"]) == (["Ann leads"], "left")
    assert team["alt"] == "A picture from the original deck (describe what it shows)"


def test_what_cannot_come_is_a_warning_and_a_comment(
    imported: tuple[Path, dict[str, Any], str]
) -> None:
    folder, _, err = imported
    prefix = f"{folder / 'quarterly.pptx'}: warning: "
    assert err.splitlines() == [prefix + line for line in EXPECTED_WARNINGS]
    text = (folder / "outline.yaml").read_text(encoding="utf-8")
    for comment in ("# Hidden in the original deck", "# Its animations are not brought over.",
                    "# Not brought over: video 'movie.mp4', not brought over (an outline",
                    "# It had only a title: a section slide on its layout ('Title Only')."):
        assert comment in text


def test_the_outline_builds_on_the_decks_template(
    imported: tuple[Path, dict[str, Any], str]
) -> None:
    folder, data, _ = imported
    assert data["deck"]["template"] == "outline-assets/template.pptx"
    assert data["deck"]["title"] == "Quarterly review"
    assert data["deck"]["slide_numbers"] == "false"  # python-pptx's slides show no numbers
    assert [s.get("layout") for s in data["slides"]][4:7] == ["Title Only"] * 3
    built = build_file(folder / "outline.yaml").prs
    texts = [shape.text_frame.text for shape in built.slides[1].shapes if shape.has_text_frame]
    # The escaped markup shows as the deck showed it; the link is a link again.
    assert "Revenue up by 5 * 3 percent\nDetails\nsee the report\n[draft] figures\nDraft: do not "\
           "circulate" in texts
    runs = [r for p in built.slides[1].shapes[1].text_frame.paragraphs for r in p.runs]
    assert [r.text for r in runs if r.font.bold] == ["up"]
    assert [r.hyperlink.address for r in runs if r.hyperlink.address] == [
        "https://example.org/report"]
    assert [layout.name for layout in (s.slide_layout for s in built.slides)][4:7] == [
        "Title Only"] * 3
    with zipfile.ZipFile(folder / "outline-assets" / "template.pptx") as template:
        assert sum(n.startswith("ppt/slides/slide") for n in template.namelist()) == 2
