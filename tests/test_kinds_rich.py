"""Pictures, tables, charts, quotes and agendas: built, reopened with python-pptx, checked.

Pictures are drawn here with Pillow. Every deck goes through ../shared/tools/pptx_validate.py.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO, Built, build_file, build_outline, title_shape
from lxml import etree
from PIL import Image
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pptx.util import Emu

import yamldeck.commands.check
from yamldeck import OutlineError, build_deck

pytestmark = pytest.mark.usefixtures("decks_validated")


@pytest.fixture(autouse=True)
def no_deck_lints(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests pin build's own messages; the lints build and check add are tested apart."""
    monkeypatch.setattr(yamldeck.commands.check, "CHECKS", [])

DECK = "deck:\n  title: Rich kinds\n  footer: Rich kinds\nslides:\n"
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
ADEC = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"


def _picture(folder: Path, name: str, size: tuple[int, int]) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, "teal").save(folder / name)


def _build(tmp_path: Path, slides: str, images: dict[str, tuple[int, int]] | None = None) -> Built:
    for name, size in (images or {}).items():
        _picture(tmp_path, name, size)
    return build_outline(DECK + slides, tmp_path)


def _pictures(slide: Any) -> list[Any]:
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]


def _box(slide: Any, idx: int) -> tuple[int, int, int, int]:
    layout = next(p for p in slide.slide_layout.placeholders if p.placeholder_format.idx == idx)
    return layout.left, layout.top, layout.width, layout.height


def _c_nv_pr(picture: Any) -> Any:
    return picture._element.nvPicPr.cNvPr


# --- pictures ------------------------------------------------------------------------------------


def test_picture_has_its_alt_text_and_never_its_path(tmp_path: Path) -> None:
    built = _build(
        tmp_path,
        "  - title: Harbour\n    image: photos/harbour view.png\n"
        "    alt: The harbour at **dawn**, seen from the hill\n",
        images={"photos/harbour view.png": (400, 300)},
    )
    slide = built.prs.slides[0]
    assert slide.slide_layout.name == "Picture"
    (picture,) = _pictures(slide)
    c_nv_pr = _c_nv_pr(picture)
    assert c_nv_pr.get("descr") == "The harbour at dawn, seen from the hill"
    assert c_nv_pr.find(qn("a:extLst")) is None
    assert c_nv_pr.get("name") == "yamldeck:alt"  # the field its alt text is, for import --into
    xml = etree.tostring(slide._element).decode()
    assert "harbour view" not in xml and "photos" not in xml and ".png" not in xml
    assert picture.image.size == (400, 300)


def test_decorative_picture_is_flagged_as_office_does(tmp_path: Path) -> None:
    built = _build(
        tmp_path,
        "  - title: Pattern\n    image: pattern.png\n    decorative: true\n",
        images={"pattern.png": (100, 100)},
    )
    c_nv_pr = _c_nv_pr(_pictures(built.prs.slides[0])[0])
    assert c_nv_pr.get("descr") == ""
    (ext,) = c_nv_pr.find(qn("a:extLst"))
    assert ext.get("uri") == DECORATIVE_URI
    (flag,) = ext
    assert (flag.tag, flag.get("val")) == (ADEC, "1")


@pytest.mark.parametrize("size", [(1600, 900), (600, 900), (1000, 400)])
def test_whole_picture_keeps_its_shape_inside_the_frame(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    built = _build(
        tmp_path,
        "  - title: Whole\n    image: p.png\n    alt: A test card\n",
        images={"p.png": size},
    )
    slide = built.prs.slides[0]
    (picture,) = _pictures(slide)
    x, y, w, h = _box(slide, 1)
    crops = (picture.crop_left, picture.crop_right, picture.crop_top, picture.crop_bottom)
    assert crops == (0, 0, 0, 0)
    assert picture.width / picture.height == pytest.approx(size[0] / size[1], rel=1e-3)
    assert x <= picture.left and picture.left + picture.width <= x + w
    assert y <= picture.top and picture.top + picture.height <= y + h
    assert picture.width == w or picture.height == h  # as large as the frame allows
    assert abs((picture.left - x) - (x + w - picture.left - picture.width)) <= 1  # centred
    assert abs((picture.top - y) - (y + h - picture.top - picture.height)) <= 1


@pytest.mark.parametrize("size", [(600, 900), (4000, 500)])
def test_fill_covers_the_frame_and_crops_evenly(tmp_path: Path, size: tuple[int, int]) -> None:
    built = _build(
        tmp_path,
        "  - title: Fill\n    image: p.png\n    alt: A test card\n    fit: fill\n",
        images={"p.png": size},
    )
    slide = built.prs.slides[0]
    (picture,) = _pictures(slide)
    assert (picture.left, picture.top, picture.width, picture.height) == _box(slide, 1)
    shown_w = size[0] * (1 - picture.crop_left - picture.crop_right)
    shown_h = size[1] * (1 - picture.crop_top - picture.crop_bottom)
    assert shown_w / shown_h == pytest.approx(picture.width / picture.height, rel=1e-3)
    assert picture.crop_left == pytest.approx(picture.crop_right)
    assert picture.crop_top == pytest.approx(picture.crop_bottom)


def test_caption_sits_under_the_picture_inside_the_frame(tmp_path: Path) -> None:
    built = _build(
        tmp_path,
        "  - title: Captioned\n    image: p.png\n    alt: A test card\n"
        "    caption: Figure 1, **the** card\n",
        images={"p.png": (1600, 900)},
    )
    slide = built.prs.slides[0]
    (picture,) = _pictures(slide)
    (caption,) = [s for s in slide.shapes if s.has_text_frame and "Figure" in s.text_frame.text]
    x, y, w, h = _box(slide, 1)
    assert caption.text_frame.text == "Figure 1, the card"
    assert caption.text_frame.paragraphs[0].runs[1].font.bold
    assert caption.top >= picture.top + picture.height
    assert caption.top + caption.height <= y + h
    assert y <= picture.top


@pytest.mark.parametrize("side", ["right", "left"])
def test_picture_beside_bullets(tmp_path: Path, side: str) -> None:
    built = _build(
        tmp_path,
        f"  - title: Beside\n    image: p.png\n    alt: A test card\n"
        f"    side: {side}\n    bullets:\n      - One\n      - Two\n",
        images={"p.png": (800, 600)},
    )
    slide = built.prs.slides[0]
    assert slide.slide_layout.name == "Two Content"
    (picture,) = _pictures(slide)
    (text,) = [p for p in slide.placeholders if p.placeholder_format.idx in (1, 2)]
    assert [p.text for p in text.text_frame.paragraphs] == ["One", "Two"]
    if side == "right":
        assert text.left + text.width <= picture.left
    else:
        assert picture.left + picture.width <= text.left
    assert picture.top == text.top  # level with the text


# --- tables --------------------------------------------------------------------------------------


def _table(slide: Any) -> Any:
    (frame,) = [s for s in slide.shapes if s.has_table]
    return frame


def _cells(frame: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in frame.table.rows]


def _align(cell: Any) -> str:
    return cell.text_frame.paragraphs[0]._p.pPr.get("algn")


def test_table_cells_header_alignment_and_inline_formatting(tmp_path: Path) -> None:
    built = _build(
        tmp_path,
        "  - title: Partners\n    rows:\n"
        "      - [Region, Partners, Note]\n"
        '      - [Europe, 25, "**most** of them"]\n'
        '      - [Africa, 1, "[site](https://mtcr.info/)"]\n',
    )
    slide = built.prs.slides[0]
    assert slide.slide_layout.name == "Title and Content"
    frame = _table(slide)
    assert _cells(frame) == [
        ["Region", "Partners", "Note"],
        ["Europe", "25", "most of them"],
        ["Africa", "1", "site"],
    ]
    table = frame.table
    assert table.first_row and frame._element.xpath(".//a:tableStyleId")[0].text
    header_runs = [r for cell in table.rows[0].cells for r in cell.text_frame.paragraphs[0].runs]
    assert len(header_runs) == 3 and all(run.font.bold for run in header_runs)
    assert [_align(c) for c in table.rows[1].cells] == ["l", "r", "l"]  # numbers to the right
    assert [_align(c) for c in table.rows[0].cells] == ["l", "r", "l"]
    note = table.cell(1, 2).text_frame.paragraphs[0].runs
    assert (note[0].text, note[0].font.bold, note[1].font.bold) == ("most", True, None)
    assert (
        table.cell(2, 2).text_frame.paragraphs[0].runs[0].hyperlink.address == "https://mtcr.info/"
    )


def test_line_break_in_a_cell_is_kept(tmp_path: Path) -> None:
    built = _build(tmp_path, '  - title: Breaks\n    rows:\n      - [Item, Detail]\n'
                   '      - [One, "first line\\nsecond line"]\n')
    cell = _table(built.prs.slides[0]).table.cell(1, 1)
    assert cell.text_frame.paragraphs[0].text == "first line\vsecond line"
    assert cell._tc.xpath(".//a:br/a:rPr/@sz") == ["1800"]


def test_table_widths_and_alignment_as_asked(tmp_path: Path) -> None:
    built = _build(
        tmp_path,
        "  - title: Widths\n    rows:\n      - [A, B, C]\n      - [x, y, z]\n"
        "    widths: [1, 3, 2]\n    align: [center, right, left]\n",
    )
    slide = built.prs.slides[0]
    frame = _table(slide)
    widths = [c.width for c in frame.table.columns]
    assert widths[1] == pytest.approx(3 * widths[0], abs=2)
    assert widths[2] == pytest.approx(2 * widths[0], abs=2)
    assert sum(widths) == frame.width == _box(slide, 1)[2]
    assert [_align(c) for c in frame.table.rows[1].cells] == ["ctr", "r", "l"]


def test_long_table_continues_with_its_header_and_cont_titles(tmp_path: Path) -> None:
    rows = [("Country", "Region", "Joined")] + [
        (f"Country {i}", f"Region {i % 4}", str(1987 + i)) for i in range(60)
    ]
    (tmp_path / "partners.csv").write_text("\n".join(",".join(r) for r in rows) + "\n", "utf-8")
    built = _build(
        tmp_path,
        "  - title: All **partners**\n    csv: partners.csv\n"
        "    notes: Read the list.\n  - title: After\n    bullets: [Next]\n",
    )
    slides = list(built.prs.slides)
    pages = slides[:-1]
    assert len(pages) >= 3 and built.result.slides == len(slides)
    assert [title_shape(s).text_frame.text for s in pages] == (
        ["All partners"] + ["All partners (cont.)"] * (len(pages) - 1)
    )
    body: list[list[str]] = []
    for slide in pages:
        cells = _cells(_table(slide))
        assert cells[0] == list(rows[0])  # the header on every slide
        body.extend(cells[1:])
        frame = _table(slide)
        x, y, w, h = _box(slide, 1)
        assert frame.top == y and frame.top + sum(r.height for r in frame.table.rows) <= y + h
    assert body == [list(r) for r in rows[1:]]
    counts = [len(_cells(_table(s))) - 1 for s in pages]
    assert max(counts) - min(counts) <= 1  # shared out evenly
    numbers = [s.shapes[-1].text_frame.text for s in slides]
    assert numbers == [str(n) for n in range(1, len(slides) + 1)]
    assert pages[0].has_notes_slide and not any(s.has_notes_slide for s in pages[1:])
    assert title_shape(slides[-1]).text_frame.text == "After"


def test_a_row_too_tall_for_any_slide_is_a_located_error(tmp_path: Path) -> None:
    words = " ".join(["word"] * 900)
    (tmp_path / "slides.yaml").write_text(
        DECK + f"  - title: Huge\n    rows:\n      - [A, B]\n      - [x, {words}]\n", "utf-8"
    )
    with pytest.raises(OutlineError) as caught:
        build_deck(tmp_path / "slides.yaml")
    assert [p.format() for p in caught.value.problems] == [
        f"{tmp_path / 'slides.yaml'}:5:5: error: slide 1 'Huge': a row of the table is too tall "
        "for a slide even at 16 pt; shorten its text or give its column more room with 'widths:'"
    ]
    assert not (tmp_path / "slides.pptx").exists()


# --- charts --------------------------------------------------------------------------------------

REGIONS = (
    "        - [Region, Partners]\n        - [Europe, 25]\n        - [Americas, 4]\n"
    "        - [Asia-Pacific, 5]\n        - [Africa, 1]\n"
)
TRADE = (
    '        - [Year, Exports, Imports]\n        - ["2021", 12.5, 10]\n'
    '        - ["2022", "", 11]\n        - ["2023", "1,400", 12]\n'
)


def _chart(slide: Any) -> Any:
    (frame,) = [s for s in slide.shapes if s.has_chart]
    return frame.chart


@pytest.mark.parametrize(
    "kind,stacked,expected",
    [
        ("column", "false", XL_CHART_TYPE.COLUMN_CLUSTERED),
        ("column", "true", XL_CHART_TYPE.COLUMN_STACKED),
        ("bar", "false", XL_CHART_TYPE.BAR_CLUSTERED),
        ("bar", "true", XL_CHART_TYPE.BAR_STACKED),
        ("line", "false", XL_CHART_TYPE.LINE_MARKERS),
    ],
)
def test_category_charts_type_series_and_categories(
    tmp_path: Path, kind: str, stacked: str, expected: XL_CHART_TYPE
) -> None:
    built = _build(
        tmp_path,
        f"  - title: Trade\n    chart:\n      type: {kind}\n"
        f"      stacked: {stacked}\n      y_title: Million NZD\n      data:\n{TRADE}",
    )
    chart = _chart(built.prs.slides[0])
    assert chart.chart_type == expected
    plot = chart.plots[0]
    assert list(plot.categories) == ["2021", "2022", "2023"]
    assert [(s.name, s.values) for s in plot.series] == [
        ("Exports", (12.5, None, 1400.0)),
        ("Imports", (10.0, 11.0, 12.0)),
    ]
    assert chart.has_legend and not chart.has_title
    assert chart.value_axis.axis_title.text_frame.text == "Million NZD"
    assert not chart.category_axis.has_title


@pytest.mark.parametrize(
    "kind,expected", [("pie", XL_CHART_TYPE.PIE), ("doughnut", XL_CHART_TYPE.DOUGHNUT)]
)
def test_pie_and_doughnut_charts(tmp_path: Path, kind: str, expected: XL_CHART_TYPE) -> None:
    built = _build(
        tmp_path,
        f"  - title: Regions\n    chart:\n      type: {kind}\n"
        f"      labels: true\n      title: Partners by region\n      data:\n{REGIONS}",
    )
    chart = _chart(built.prs.slides[0])
    assert chart.chart_type == expected
    (series,) = chart.plots[0].series
    assert (series.name, series.values) == ("Partners", (25.0, 4.0, 5.0, 1.0))
    assert list(chart.plots[0].categories) == ["Europe", "Americas", "Asia-Pacific", "Africa"]
    assert chart.plots[0].has_data_labels and chart.plots[0].data_labels.show_value
    assert chart.chart_title.text_frame.text == "Partners by region"
    assert chart.has_legend == (kind == "doughnut")  # a pie's labels name its slices


def test_chart_from_csv_embeds_the_numbers_for_edit_data(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "regions.csv").write_text(
        "\ufeffRegion;Partners\r\nEurope;25\r\nAmericas;4\r\n\r\n", "utf-8"
    )
    built = _build(
        tmp_path,
        "  - title: Regions\n    chart:\n      type: bar\n"
        "      csv: data/regions.csv\n      labels: true\n"
        "    caption: Source, mtcr.info\n",
    )
    slide = built.prs.slides[0]
    chart = _chart(slide)
    assert [(s.name, s.values) for s in chart.plots[0].series] == [("Partners", (25.0, 4.0))]
    assert chart.category_axis.reverse_order  # bars read top to bottom in row order
    workbook = chart.part.chart_workbook.xlsx_part.blob
    with zipfile.ZipFile(__import__("io").BytesIO(workbook)) as xlsx:
        sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
        strings = xlsx.read("xl/sharedStrings.xml").decode()
    assert "<v>25</v>" in sheet and "<v>4</v>" in sheet
    assert "Europe" in strings and "Partners" in strings
    captions = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    assert "Source, mtcr.info" in captions
    frame = next(s for s in slide.shapes if s.has_chart)
    caption = next(
        s for s in slide.shapes if s.has_text_frame and s.text_frame.text.startswith("Source")
    )
    assert frame.top + frame.height <= caption.top


def test_charts_and_pictures_rebuild_byte_identically(tmp_path: Path) -> None:
    slides = (
        f"  - title: Regions\n    chart:\n      type: column\n      data:\n{REGIONS}"
        "  - title: Photo\n    image: p.png\n    alt: A test card\n"
    )
    first = _build(tmp_path, slides, images={"p.png": (300, 200)}).path.read_bytes()
    second = build_file(tmp_path / "slides.yaml").path.read_bytes()
    assert first == second


# --- quote and agenda ----------------------------------------------------------------------------


def test_quote_and_attribution(tmp_path: Path) -> None:
    built = _build(
        tmp_path,
        "  - title: In their words\n    quote: Partners *benefit* from "
        "information exchange.\n    attribution: The MTCR partners\n"
        "  - title: Already quoted\n    quote: '\"Quoted.\"'\n",
    )
    first, second = built.prs.slides
    assert first.slide_layout.name == "Quote"
    (body,) = [p for p in first.placeholders if p.placeholder_format.idx == 1]
    paragraphs = body.text_frame.paragraphs
    assert [(p.text, p.level) for p in paragraphs] == [
        ("\u201cPartners benefit from information exchange.\u201d", 0),
        ("\u2014 The MTCR partners", 1),
    ]
    assert paragraphs[0].runs[1].font.italic
    (body,) = [p for p in second.placeholders if p.placeholder_format.idx == 1]
    assert body.text_frame.text == '"Quoted."'


def _agenda(slide: Any) -> list[str]:
    (body,) = [p for p in slide.placeholders if p.placeholder_format.idx == 1]
    for paragraph in body.text_frame.paragraphs:
        assert paragraph._p.pPr.find(qn("a:buAutoNum")).get("type") == "arabicPeriod"
    return [p.text for p in body.text_frame.paragraphs]


def test_agenda_lists_the_section_titles(tmp_path: Path) -> None:
    built = _build(
        tmp_path,
        "  - kind: title\n  - kind: agenda\n"
        "  - kind: section\n    title: Who we are\n  - title: A\n    bullets: [a]\n"
        "  - kind: section\n    title: What we do\n  - title: B\n    bullets: [b]\n",
    )
    assert _agenda(built.prs.slides[1]) == ["Who we are", "What we do"]
    assert title_shape(built.prs.slides[1]).text_frame.text == "Agenda"


def test_agenda_without_sections_lists_the_content_slides(tmp_path: Path) -> None:
    built = _build(
        tmp_path,
        "  - kind: title\n  - kind: agenda\n    title: Today\n"
        "  - title: Why\n    bullets: [a]\n  - title: How\n    statement: b\n"
        "  - title: Why\n    bullets: [again]\n  - kind: closing\n",
    )
    assert _agenda(built.prs.slides[1]) == ["Why", "How"]


def test_agenda_items_override(tmp_path: Path) -> None:
    built = _build(
        tmp_path,
        "  - kind: agenda\n    items:\n      - First **thing**\n"
        "      - Second\n  - kind: section\n    title: Ignored\n",
    )
    assert _agenda(built.prs.slides[0]) == ["First thing", "Second"]


def test_agenda_with_nothing_to_list_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "slides.yaml").write_text(DECK + "  - kind: title\n  - kind: agenda\n", "utf-8")
    with pytest.raises(OutlineError) as caught:
        build_deck(tmp_path / "slides.yaml")
    assert [p.message for p in caught.value.problems] == [
        "slide 2 'Agenda': the agenda has nothing to list; add section slides ('kind: section') "
        "or give the agenda 'items:'"
    ]


# --- mistakes in the outline ---------------------------------------------------------------------

MISTAKES = [
    (
        "  - title: Map\n    image: m.png\n    decorative: true\n    alt: A map\n",
        "8:10: error: slide 1 'Map': 'alt' is not used on a decorative picture; remove 'alt:' or "
        "'decorative: true'",
    ),
    (
        "  - title: Map\n    image: m.png\n    alt: A map\n    fit: stretch\n",
        "8:10: error: slide 1 'Map': 'fit' must be one of whole, fill, not 'stretch'",
    ),
    (
        "  - title: T\n    rows:\n      - [Region, Partners]\n      - [Europe, 25, x]\n",
        "8:9: error: slide 1 'T': 'rows' row 2 has 3 cells but the header row has 2; give every "
        'row the same number of cells (write "" for an empty one)',
    ),
    (
        "  - title: T\n    rows:\n      - [A, B]\n      - [c, d]\n    align: [left]\n",
        "9:12: error: slide 1 'T': 'align' lists 1 column but the table has 2; give one entry per "
        "column",
    ),
    (
        "  - title: T\n    rows:\n      - [A, B]\n      - [c, d]\n    widths: [1, 0]\n",
        "9:13: error: slide 1 'T': 'widths' has '0', which is not a positive number; write e.g. "
        "[1, 3, 2]",
    ),
    (
        "  - title: C\n    chart:\n      data:\n        - [Region, Partners]\n"
        "        - [Europe, 25]\n        - [Americas, 2x]\n",
        "10:22: error: slide 1 'C': 'data' row 3 'Americas': '2x' is not a number; write digits "
        "such as 25 or 4.5",
    ),
    (
        "  - title: C\n    chart:\n      type: colum\n      csv: d.csv\n",
        "7:13: error: slide 1 'C': 'type' must be one of column, bar, line, pie, doughnut, not "
        "'colum' (did you mean 'column'?)",
    ),
    (
        "  - title: C\n    chart:\n      type: pie\n      data:\n        - [Region, A, B]\n"
        "        - [Europe, 1, 2]\n",
        "9:9: error: slide 1 'C': 'data' has 2 series (A, B) but a pie chart shows one; keep one "
        "column of numbers or choose a column or bar chart",
    ),
    (
        "  - title: C\n    chart:\n      type: line\n      stacked: true\n      csv: d.csv\n",
        "8:16: error: slide 1 'C': 'stacked' does not apply to a line chart; only column and bar "
        "charts stack",
    ),
    (
        "  - title: C\n    chart:\n      type: bar\n",
        "7:7: error: slide 1 'C': 'csv' (or 'data') is needed: the chart's numbers, as rows or a "
        "CSV file",
    ),
    (
        "  - title: T\n    rows:\n      - [A]\n      - [b]\n    csv: t.csv\n",
        "9:10: error: slide 1 'T': 'csv' and 'rows' cannot both be given; keep one",
    ),
]


@pytest.mark.parametrize("slides,message", MISTAKES)
def test_mistakes_are_located_with_a_fix(tmp_path: Path, slides: str, message: str) -> None:
    outline = tmp_path / "slides.yaml"
    outline.write_text(DECK + slides, "utf-8")
    with pytest.raises(OutlineError) as caught:
        build_deck(outline)
    assert [p.format() for p in caught.value.problems] == [f"{outline}:{message}"]


def test_missing_alt_text_is_an_error_located_at_the_picture(tmp_path: Path) -> None:
    Image.new("RGB", (40, 30), "navy").save(tmp_path / "m.png")
    outline = tmp_path / "slides.yaml"
    outline.write_text(DECK + "  - title: Map\n    image: m.png\n", "utf-8")
    with pytest.raises(OutlineError) as caught:
        build_deck(outline)
    assert [p.format() for p in caught.value.problems] == [
        f"{outline}:6:12: error: slide 1 'Map': the picture 'm.png' has no alt text; add 'alt:' "
        "saying what it shows, for screen-reader users (or 'decorative: true' if it only "
        "decorates)"
    ]
    assert not (tmp_path / "slides.pptx").exists()


# --- the MTCR deck -------------------------------------------------------------------------------


def test_mtcr_deck_has_an_agenda_and_a_chart_of_partners_by_region(tmp_path: Path) -> None:
    talk = tmp_path / "talk"
    talk.mkdir()
    shutil.copyfile(REPO / "slides.yaml", talk / "slides.yaml")
    shutil.copytree(REPO / "assets", talk / "assets")
    built = build_file(talk / "slides.yaml")
    slides = list(built.prs.slides)
    assert title_shape(slides[1]).text_frame.text == "Agenda"
    content = [title_shape(s).text_frame.text for s in slides[2:-1]]
    assert _agenda(slides[1]) == content
    assert "35 partners" in slides[1].notes_slide.notes_text_frame.text
    membership = slides[2]
    assert membership.slide_layout.name == "Big Number and Chart"
    chart = _chart(membership)
    assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert list(chart.plots[0].categories) == ["Europe", "Americas", "Asia-Pacific", "Africa"]
    assert chart.plots[0].series[0].values == (25.0, 4.0, 5.0, 1.0)
    assert sum(chart.plots[0].series[0].values) == 35
    details = next(p for p in membership.placeholders if p.placeholder_format.idx == 3)
    assert len(details.text_frame.paragraphs) == 35
    frame = next(s for s in membership.shapes if s.has_chart)
    number = next(p for p in membership.placeholders if p.placeholder_format.idx == 1)
    assert number.text_frame.text == "35"
    assert frame.left + frame.width <= details.left and frame.top >= number.top + number.height
    assert frame.top + frame.height <= Emu(int(6.8 * 914400))  # above the footer's hairline


def test_readme_picture_examples_build(tmp_path: Path) -> None:
    readme = (REPO / "docs" / "outline.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, flags=re.S) if "image:" in b)
    for name in re.findall(r"image: (\S+)", block):
        _picture(tmp_path, name, (640, 400))
    shutil.copytree(REPO / "assets", tmp_path / "assets", dirs_exist_ok=True)
    lines = ["Name,Region"] + [f"Partner {i},Region {i % 4}" for i in range(35)]
    (tmp_path / "assets" / "partners.csv").write_text("\n".join(lines) + "\n", "utf-8")
    built = build_outline("deck:\n  title: Example\n" + block, tmp_path)
    titles = [title_shape(s).text_frame.text for s in built.prs.slides]
    assert titles[:4] == [
        "Where the partners are",
        "Founded in 1987",
        "MTCR membership",
        "The partners",
    ]
    assert len(titles) > 4 and set(titles[4:]) == {"The partners (cont.)"}  # 35 rows continue
    assert built.result.slides == len(titles)


# --- how LibreOffice draws them ------------------------------------------------------------------

EVERY_KIND = """deck:
  title: Every kind
  footer: Every kind
slides:
  - kind: agenda
  - kind: section
    title: Pictures
  - title: Captioned
    image: wide.png
    alt: A wide test card
    caption: A caption long enough to wrap onto a second line when the picture is narrow and tall
  - title: Beside
    image: tall.png
    alt: A tall test card
    caption: Under the picture
    bullets:
      - A point beside the picture that is long enough to wrap onto a second line
      - Another point
  - kind: section
    title: Numbers
  - title: Annex
    rows:
      - [Category, What it covers, Exports]
      - - I
        - Complete rocket systems and unmanned aerial vehicles able to deliver at least 500 kg
          to at least 300 km, their major subsystems and production facilities
        - Strong presumption of denial
      - - II
        - Other complete systems of at least 300 km range, and a wide range of less sensitive,
          often dual-use, components
        - Case by case
  - title: Partners
    csv: partners.csv
  - title: Trade
    chart:
      type: column
      labels: true
      y_title: Million NZD
      data:
        - [Year, Exports, Imports]
        - ["2021", 12, 10]
        - ["2022", 9, 11]
    caption: "Source: invented for this test"
  - title: Membership
    number: "35"
    caption: countries from all around the world
    details: [Argentina, Australia, Austria, Belgium, Brazil, Bulgaria, Canada, Czech Republic,
      Denmark, Finland, France, Germany, Greece, Hungary, Iceland, India, Ireland, Italy, Japan,
      Luxembourg, Netherlands, New Zealand, Norway, Poland, Portugal, Republic of Korea,
      Russian Federation, South Africa, Spain, Sweden, Switzerland, Türkiye, Ukraine,
      United Kingdom, United States]
    chart:
      type: bar
      labels: true
      data:
        - [Region, Partners]
        - [Europe, 25]
        - [Americas, 4]
        - [Asia-Pacific, 5]
        - [Africa, 1]
  - title: In their words
    quote: Partners also benefit from information exchange and access to best practice, and
      membership allows them to play an active role.
    attribution: Value of the MTCR
"""
HAIRLINE_PT = 6.8 * 72
MARGIN_PT = 0.6 * 72
SLIDE_W_PT = 13.333333 * 72


@pytest.mark.usefixtures("needs_libreoffice")
def test_every_new_kind_is_drawn_inside_its_frames(tmp_path: Path) -> None:
    from layout_probe import collisions, deck_frames, read_frame

    from yamldeck.commands.libreoffice import pptx_to_pdf, read_words

    _picture(tmp_path, "wide.png", (1600, 900))
    _picture(tmp_path, "tall.png", (600, 1000))
    lines = ["Country,Region,Joined"] + [
        f"Country {i},Region {i % 4},{1987 + i}" for i in range(30)
    ]
    (tmp_path / "partners.csv").write_text("\n".join(lines) + "\n", "utf-8")
    built = build_outline(EVERY_KIND, tmp_path)
    pages = read_words(pptx_to_pdf(built.path, tmp_path / "pdf"))
    assert len(pages) == len(built.prs.slides) == built.result.slides
    frames = deck_frames(str(built.path))
    outside = [(f.slide + 1, f.name) for f in frames if read_frame(f, pages[f.slide]).missing]
    assert outside == []
    overlaps = [
        (n + 1, a.text, b.text) for n, page in enumerate(pages) for a, b in collisions(page)
    ]
    assert overlaps == []
    for slide, words in zip(built.prs.slides, pages, strict=True):  # no cell word broken in two
        drawn = {w.text for w in words}
        for frame in (s for s in slide.shapes if s.has_table):
            cells = [c.text for row in frame.table.rows for c in row.cells]
            assert [w for c in cells for w in c.split() if w not in drawn] == []
    furniture = {"Every", "kind"} | {str(n) for n in range(1, len(pages) + 1)}
    for number, (slide, words) in enumerate(zip(built.prs.slides, pages, strict=True), start=1):
        if slide.slide_layout.name in ("Section Header",):
            continue
        for word in words:  # tables, charts and captions stay inside the margins, above the footer
            assert MARGIN_PT - 2 <= word.x0, (number, word)
            assert word.x1 <= SLIDE_W_PT - MARGIN_PT + 2, (number, word)
            assert word.y1 <= HAIRLINE_PT or word.text in furniture, (number, word)
