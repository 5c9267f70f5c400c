"""Charts are safe to open and valid: labels are text in the embedded workbook, never formulas or
links, and the axis ids are the positive numbers the schema allows.

Every deck is read back as another program would: the .xlsx behind "Edit Data" straight from the
.pptx zip (cells, shared strings), and the chart XML (c:cat, c:tx, c:axId, c:crossAx).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from helpers import build_file, build_outline
from lxml import etree

pytestmark = pytest.mark.usefixtures("decks_validated")

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

# Text a spreadsheet would take for a formula (=, +, -, @), a DDE payload, and a link.
DANGEROUS = ["=cmd|' /C calc'!A0", "+1+2", "-3-4", "@SUM(1,2)", "=HYPERLINK(\"http://x\")",
             "https://example.com/a"]
SERIES = ["=1+1", "@Partners"]
# (category, first series, second series) in the order the rows are written.
ROWS = list(zip(DANGEROUS, [25, 4.5, 5, 1, 7, 9], [3, 2, 1, 0, 12, 1.25], strict=True))


def yaml_text(text: str) -> str:
    """A YAML double-quoted scalar holding ``text``."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def csv_text(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


CHART_SLIDE = """\
deck:
  title: Labels
  language: en-NZ
slides:
  - title: From the outline
    chart:
      type: column
      data:
        - [Region, {series}]
{rows}
  - title: From a CSV file
    chart:
      type: bar
      csv: data.csv
"""


def write_outline(folder: Path) -> Path:
    series = ", ".join(yaml_text(name) for name in SERIES)
    rows = "\n".join(f"        - [{yaml_text(label)}, {a}, {b}]" for label, a, b in ROWS)
    outline = folder / "slides.yaml"
    outline.write_text(CHART_SLIDE.format(series=series, rows=rows), encoding="utf-8")
    lines = [",".join(["Region", *map(csv_text, SERIES)])]
    lines += [f"{csv_text(label)},{a},{b}" for label, a, b in ROWS]
    (folder / "data.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return outline


def sheet_cells(xlsx: bytes) -> dict[str, tuple[str | None, bool, str]]:
    """Cell reference -> (t attribute, has a formula, value: shared string text or number)."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as book:
        names = book.namelist()
        strings = []
        if "xl/sharedStrings.xml" in names:
            shared = etree.fromstring(book.read("xl/sharedStrings.xml"))
            strings = ["".join(si.itertext()) for si in shared.iter(S + "si")]
        sheet = etree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    cells = {}
    for c in sheet.iter(S + "c"):
        kind, value = c.get("t"), c.findtext(S + "v") or ""
        if kind == "s":
            value = strings[int(value)]
        elif kind == "inlineStr":
            value = "".join(c.find(S + "is").itertext())
        cells[c.get("r")] = (kind, c.find(S + "f") is not None, value)
    return cells


def charts_and_workbooks(deck: Path) -> list[tuple[etree._Element, bytes]]:
    """Each chart part's XML and the workbook its relationship names, in chart order."""
    found = []
    with zipfile.ZipFile(deck) as package:
        charts = sorted(
            (n for n in package.namelist() if re.fullmatch(r"ppt/charts/chart\d+\.xml", n)),
            key=lambda n: int(re.findall(r"\d+", n)[-1]),
        )
        for name in charts:
            rels_name = name.replace("charts/", "charts/_rels/") + ".rels"
            rels = etree.fromstring(package.read(rels_name))
            (target,) = [r.get("Target") for r in rels if r.get("Type", "").endswith("/package")]
            workbook = "ppt/embeddings/" + target.rsplit("/", 1)[-1]
            found.append((etree.fromstring(package.read(name)), package.read(workbook)))
    return found


def test_labels_are_text_cells_never_formulas_or_links(tmp_path: Path) -> None:
    built = build_file(write_outline(tmp_path))
    charts = charts_and_workbooks(built.path)
    assert len(charts) == 2  # the outline's chart and the CSV file's
    for chart, xlsx in charts:
        cells = sheet_cells(xlsx)
        for row, (label, a, b) in enumerate(ROWS, start=2):
            assert cells[f"A{row}"] == ("s", False, label), f"A{row}"
            for column, number in (("B", a), ("C", b)):
                kind, formula, value = cells[f"{column}{row}"]
                assert kind in (None, "n") and not formula and float(value) == number
        for column, name in zip("BC", SERIES, strict=True):
            assert cells[f"{column}1"] == ("s", False, name)
        assert not any(formula for _, formula, _ in cells.values())
        with zipfile.ZipFile(io.BytesIO(xlsx)) as book:  # no link: no hyperlink part or element
            assert not [n for n in book.namelist() if "worksheets/_rels" in n]
            assert b"hyperlink" not in book.read("xl/worksheets/sheet1.xml")
        # The chart shows the labels exactly as written.
        categories = [v.text for v in chart.find(f".//{C}cat").iter(C + "v")]
        assert categories == DANGEROUS
        names = [ser.find(f"{C}tx//{C}v").text for ser in chart.iter(C + "ser")]
        assert names == SERIES


def test_a_chart_from_plain_labels_keeps_its_workbook_layout(tmp_path: Path) -> None:
    built = build_outline(
        "deck:\n  title: Plain\n  language: en-NZ\nslides:\n  - title: Partners\n    chart:\n"
        "      data:\n        - [Region, Partners]\n        - [Europe, 25]\n"
        "        - [Africa, 1]\n",
        tmp_path)
    ((_, xlsx),) = charts_and_workbooks(built.path)
    cells = sheet_cells(xlsx)
    assert cells["B1"] == ("s", False, "Partners")
    assert cells["A2"] == ("s", False, "Europe") and cells["A3"] == ("s", False, "Africa")
    assert [float(cells[r][2]) for r in ("B2", "B3")] == [25.0, 1.0]
    assert cells["B2"][0] in (None, "n")


KINDS = """\
deck:
  title: Axes
  language: en-NZ
slides:
""" + "".join(
    f"  - title: {kind} {stacked}\n    chart:\n      type: {kind}\n      stacked: {stacked}\n"
    "      data:\n        - [Year, North, South]\n        - ['2020', 1, 2]\n"
    "        - ['2021', 3, 4]\n"
    for kind, stacked in (("column", "false"), ("column", "true"), ("bar", "false"),
                          ("bar", "true"), ("line", "false"))
) + (
    "  - title: pie\n    chart:\n      type: pie\n      data:\n        - [Region, Share]\n"
    "        - [North, 1]\n        - [South, 2]\n"
    "  - title: doughnut\n    chart:\n      type: doughnut\n      data:\n"
    "        - [Region, Share]\n"
    "        - [North, 1]\n        - [South, 2]\n"
)


def test_axis_ids_are_positive_and_the_axes_still_cross(tmp_path: Path) -> None:
    built = build_outline(KINDS, tmp_path)
    charts = [chart for chart, _ in charts_and_workbooks(built.path)]
    assert len(charts) == 7
    with_axes = 0
    for chart in charts:
        plot_area = chart.find(f"{C}chart/{C}plotArea")
        values = [int(e.get("val")) for e in chart.iter(C + "axId", C + "crossAx")]
        assert all(v > 0 for v in values), values
        axes = {ax.find(C + "axId").get("val"): ax.find(C + "crossAx").get("val")
                for ax in plot_area if ax.tag in (C + "catAx", C + "valAx")}
        plotted = [e.get("val") for plot in plot_area if plot.tag.endswith("Chart")
                   for e in plot.findall(C + "axId")]
        if not axes:  # pie and doughnut have none
            assert plotted == []
            continue
        with_axes += 1
        assert len(axes) == 2 and sorted(plotted) == sorted(axes)
        (first, second) = axes
        assert axes[first] == second and axes[second] == first  # each crosses the other
    assert with_axes == 5


def test_chart_decks_are_byte_identical_across_builds(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        write_outline(folder)
    assert (build_file(first / "slides.yaml").path.read_bytes()
            == build_file(second / "slides.yaml").path.read_bytes())
