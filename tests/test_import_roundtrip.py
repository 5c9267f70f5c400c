"""Round trip: `yamldeck build` of `yamldeck import` of a built deck gives the same deck.

For every outline here (the shipped outline, an outline with every kind of slide, and both on
user templates as test_templates.py makes them: python-pptx's default template and LibreOffice's
Vivid), the deck built from it is imported, the outline that gives is built, and the two decks
are read with python-pptx and compared as a reader sees them: each slide's layout by name, its
title, every text frame's paragraphs (text, level, numbering, and which characters are bold,
italic or links where), its notes, tables (cells and alignment), charts (type, categories,
series and numbers, legend, labels, titles) and pictures (image bytes, alt text, decorative).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import build_file, copy_shipped, validate_pptx
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn

from yamldeck.cli import main

FURNITURE = ("dt", "ftr", "sldNum")
DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"

EVERY_KIND = """\
deck:
  title: All **kinds**
  subtitle: A tour
  presenter: Ann Example
  affiliation: Example Org
  date: 5 March 2024
  footer: Kinds footer
  language: en-NZ
  theme:
    colors:
      primary: "#112233"
      accent: aa5500
    fonts:
      heading: Georgia
      body: Verdana
slides:
  - kind: title
    notes: |
      Opening notes with
      [a link](https://example.org/notes).
  - kind: agenda
  - kind: section
    title: Part one
    subtitle: The start
  - title: Nested bullets
    bullets:
      - Plain **bold** and *italic* and [a link](https://example.org)
      - Parent:
          - Child one
          - Child parent:
              - Grandchild
      - \\*literal\\* stars, a_b, C:\\\\Temp and [not a link] (x)
      - "Ends with a colon:"
  - title: Big statement
    statement: One **big** idea
  - title: Members
    number: "35"
    caption: partners
    details:
      - One
      - Two
  - title: Year
    number: "1987"
    caption: founded
    details: Seven founding countries
  - title: Two columns
    columns:
      - bullets:
          - Left a
          - Left b
      - text: Right text
  - title: Compare
    columns:
      - heading: Before
        bullets:
          - Old way
      - heading: After
        text: New way
  - title: The Annex
    rows:
      - [Category, What it covers, Exports]
      - [I, "Complete rocket systems: 500 kg", Denial]
      - [II, Other **dual-use** items, "1,234.5"]
    align: [center, left, left]
  - title: Partners by region
    chart:
      type: bar
      labels: true
      data:
        - [Region, Partners, Observers]
        - [Europe, 25, 2]
        - [Americas, 4, 1.5]
    caption: "Source: mtcr.info"
  - title: A pie
    chart:
      type: pie
      title: Shares
      data:
        - [Region, Share]
        - [A, 60]
        - [B, 40]
  - title: Where
    image: red.png
    alt: A red rectangle
    caption: The red one
  - title: Beside
    image: blue.jpg
    decorative: true
    side: left
    bullets:
      - Point one
  - title: In their words
    quote: Partners benefit from information exchange.
    attribution: The MTCR partners
  - title: Milestones
    spacing: date
    events:
      - date: April 1987
        label: Founded by **seven** countries
        detail: Canada, France, Germany, Italy, Japan, the UK and the US
      - date: 1992-93
        label: Extended to all WMD delivery systems
      - date: "2016"
        label: India joins
  - title: How it works
    steps:
      - Plan
      - heading: Do
        text: Carry out the plan
      - Review
  - title: Round and round
    cycle: true
    steps:
      - heading: Plan
        text: Decide what to do
      - Do
      - Check
      - heading: Act
        text: Improve the process
  - kind: closing
    title: Thank you
    subtitle: Questions?
    contacts:
      - "Web: [example.org](https://example.org)"
      - "[Mail](mailto:ann@example.org)"
"""


def every_kind(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), (200, 30, 30)).save(folder / "red.png")
    Image.new("RGB", (40, 40), (30, 30, 200)).save(folder / "blue.jpg")
    outline = folder / "every.yaml"
    outline.write_text(EVERY_KIND, encoding="utf-8")
    return outline


def on_template(outline: Path, template: Path) -> None:
    """The outline on ``template`` (copied beside it), as test_templates.py puts it there."""
    shutil.copyfile(template, outline.parent / "template.pptx")
    text = outline.read_text(encoding="utf-8")
    anchor = "  language: en-NZ\n"
    assert anchor in text
    outline.write_text(text.replace(anchor, anchor + "  template: template.pptx\n", 1),
                       encoding="utf-8")


@pytest.fixture(scope="session")
def vivid(needs_libreoffice: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """LibreOffice's Vivid Impress template converted to .pptx (its masters repeat layout names)."""
    from test_templates import PRESNT, soffice

    folder = tmp_path_factory.mktemp("vivid")
    soffice("--convert-to", "pptx", "--outdir", str(folder), str(PRESNT / "Vivid.otp"),
            profile=folder / "lo")
    assert (folder / "Vivid.pptx").is_file(), sorted(folder.iterdir())
    return folder / "Vivid.pptx"


def _outline(case: str, folder: Path, request: pytest.FixtureRequest) -> Path:
    outline = copy_shipped(folder) if case.startswith("shipped") else every_kind(folder)
    if case.endswith("default template"):
        Presentation().save(str(folder / "default.pptx"))
        on_template(outline, folder / "default.pptx")
    elif case.endswith("Vivid"):
        on_template(outline, request.getfixturevalue("vivid"))
    return outline


CASES = ["shipped", "every kind", "shipped on the default template",
         "every kind on the default template", "shipped on Vivid", "every kind on Vivid"]


@pytest.mark.parametrize("case", CASES)
def test_build_of_import_of_build_is_the_same_deck(
    case: str, tmp_path: Path, request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
) -> None:
    original = build_file(_outline(case, tmp_path / "original", request)).path
    (tmp_path / "imported").mkdir()
    imported = tmp_path / "imported" / "talk.yaml"
    assert main(["import", str(original), "-o", str(imported)]) == 0
    out, err = capsys.readouterr()
    assert err == ""  # a deck yamldeck made has nothing an outline cannot hold
    assert out.startswith(f"wrote {imported} (")
    rebuilt = build_file(imported).path
    assert describe(rebuilt) == describe(original)
    deck = yaml.safe_load(imported.read_text(encoding="utf-8"))["deck"]
    if "template" in case or "Vivid" in case:
        # The deck's look is kept as its template, beside the outline.
        assert deck["template"] == "talk-assets/template.pptx"
        validate_pptx(tmp_path / "imported" / "talk-assets" / "template.pptx")
    else:  # drawn on the built-in theme: its colours and fonts, not a template
        assert "template" not in deck
        expected = {"colors": {"primary": "112233", "accent": "AA5500"},
                    "fonts": {"heading": "Georgia", "body": "Verdana"}} if "every" in case else None
        assert deck.get("theme") == expected


CHANGES = {  # one change a reader sees, and the slide it is on
    "a level": (("- Child parent:\n              - Grandchild",
                 "- Child parent\n          - Grandchild"), 4),
    "a bold word": (("Other **dual-use** items", "Other dual-use items"), 10),
    "a link": (("(https://example.org)\n", "(https://example.com)\n"), 4),
    "a kind": (("    number: \"1987\"\n    caption: founded\n    details: Seven founding countries",
                "    statement: Founded in 1987"), 7),
    "a date on a timeline": (('- date: "2016"', '- date: "2006"'), 16),
    "a step": (("      - Review\n", "      - Revise\n"), 17),
    "a loop": (("    cycle: true\n", "    cycle: false\n"), 18),
}


@pytest.fixture(scope="module")
def every_kind_deck(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return describe(build_file(every_kind(tmp_path_factory.mktemp("every"))).path)


@pytest.mark.parametrize("change", [*CHANGES, "a picture"])
def test_the_comparison_sees_each_difference(
    change: str, tmp_path: Path, every_kind_deck: list[dict[str, Any]]
) -> None:
    """describe() is not blind: one change on one slide makes that slide, and no other, differ."""
    outline = every_kind(tmp_path)
    if change == "a picture":
        Image.new("RGB", (64, 48), (10, 30, 30)).save(tmp_path / "red.png")
        slide = 13
    else:
        (old, new), slide = CHANGES[change]
        text = outline.read_text(encoding="utf-8")
        assert old in text
        text = text.replace(old, new, 1)
        outline.write_text(text, encoding="utf-8")
    after = describe(build_file(outline).path)
    differing = [n for n, (a, b) in enumerate(zip(every_kind_deck, after, strict=True), 1)
                 if a != b]
    assert differing == [slide]


# --- the deck as a reader sees it ----------------------------------------------------------------


def describe(path: Path) -> list[dict[str, Any]]:
    """Every slide as python-pptx reads it (see the module's docstring)."""
    prs = Presentation(str(path))
    slides = []
    for slide in prs.slides:
        shapes = [found for shape in slide.shapes if (found := _shape(shape)) is not None]
        notes = slide.notes_slide.notes_text_frame if slide.has_notes_slide else None
        slides.append({
            "layout": slide.slide_layout.name,
            "shapes": shapes,
            "notes": [p.text for p in notes.paragraphs] if notes is not None else [],
        })
    return slides


def _shape(shape: Any) -> tuple[Any, ...] | None:
    ph = shape._element.find(f".//{qn('p:nvPr')}/{qn('p:ph')}")
    if ph is not None and ph.get("type") in FURNITURE:
        return None  # footer, date and number: drawn from deck:, checked by other tests
    if shape.shape_type is not None and "GROUP" in str(shape.shape_type):
        # A timeline or process: its name, alt text and every shape in it, in order, with its
        # place (shapes that moved would be a different diagram).
        c_nv_pr = shape._element.find(f".//{qn('p:cNvPr')}")
        inside = tuple((child.name, child.left, child.top, child.width, child.height,
                        _shape(child)) for child in shape.shapes)
        return ("group", shape.name, c_nv_pr.get("descr"), inside)
    if shape.has_text_frame:
        paragraphs = [_paragraph(p) for p in shape.text_frame.paragraphs if p.text.strip()]
        return ("text", ph.get("type") if ph is not None else None, tuple(paragraphs))
    if getattr(shape, "has_table", False) and shape.has_table:
        return ("table", tuple(tuple((cell.text, cell.text_frame.paragraphs[0].alignment,
                                      tuple(_paragraph(p) for p in cell.text_frame.paragraphs))
                                     for cell in row.cells) for row in shape.table.rows))
    if getattr(shape, "has_chart", False) and shape.has_chart:
        return ("chart", *_chart(shape.chart))
    if shape.shape_type is not None and "PICTURE" in str(shape.shape_type):
        c_nv_pr = shape._element.find(f".//{qn('p:cNvPr')}")
        return ("picture", hashlib.sha256(shape.image.blob).hexdigest(), c_nv_pr.get("descr"),
                next(c_nv_pr.iter(DECORATIVE), None) is not None)
    return ("other", str(shape.shape_type))


def _paragraph(paragraph: Any) -> tuple[Any, ...]:
    """Text, level, numbering, and each visible character with its bold, italic and link."""
    characters = []
    for run in paragraph.runs:
        for char in run.text:
            if not char.isspace():
                characters.append((char, bool(run.font.bold), bool(run.font.italic),
                                   run.hyperlink.address))
    numbered = paragraph._p.find(f"{qn('a:pPr')}/{qn('a:buAutoNum')}") is not None
    return paragraph.text, paragraph.level, numbered, tuple(characters)


def _chart(chart: Any) -> tuple[Any, ...]:
    plot = chart.plots[0]
    series = tuple((s.name, tuple(s.values)) for s in plot.series)
    title = chart.chart_title.text_frame.text if chart.has_title else None
    return (str(chart.chart_type), tuple(plot.categories), series, chart.has_legend,
            plot.has_data_labels, title)


def test_vivid_is_a_template_of_several_masters(vivid: Path) -> None:
    """The Vivid case means something: its layouts' names repeat across its masters."""
    names = [layout.name for master in Presentation(str(vivid)).slide_masters
             for layout in master.slide_layouts]
    assert len(names) > len(set(names))
