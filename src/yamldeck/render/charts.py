"""Native, editable charts (the numbers sit in an embedded workbook), in the theme's colours."""

from __future__ import annotations

import copy
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_TICK_MARK,
)
from pptx.enum.chart import XL_TICK_LABEL_POSITION as TICKS
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Pt

from ..outline import tabular
from ..outline.inline import Span
from ..outline.model import Chart
from .context import SlideContext
from .pptx_internals import workbook_blob
from .writing import Writing, add_fonts, attributes, runs_of

TYPES = {
    ("column", False): XL_CHART_TYPE.COLUMN_CLUSTERED,
    ("column", True): XL_CHART_TYPE.COLUMN_STACKED,
    ("bar", False): XL_CHART_TYPE.BAR_CLUSTERED,
    ("bar", True): XL_CHART_TYPE.BAR_STACKED,
    ("line", False): XL_CHART_TYPE.LINE_MARKERS,
    ("pie", False): XL_CHART_TYPE.PIE,
    ("doughnut", False): XL_CHART_TYPE.DOUGHNUT,
}
ACCENTS = (MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_2, MSO_THEME_COLOR.ACCENT_3,
           MSO_THEME_COLOR.ACCENT_4, MSO_THEME_COLOR.ACCENT_5, MSO_THEME_COLOR.ACCENT_6)
_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
# Light grey lines from the theme's background colour, so they suit any template.
_GRID = (f'<a:solidFill {_A}><a:schemeClr val="bg1"><a:lumMod val="85000"/></a:schemeClr>'
         "</a:solidFill>")
_FILLS = {qn(f"a:{name}") for name in ("noFill", "solidFill", "gradFill", "pattFill")}


def chart_numbers(ctx: SlideContext, chart: Chart) -> tabular.ChartData:
    rows = chart.data if chart.data is not None else ctx.assets.rows[chart.csv]
    return tabular.chart_data(rows)


def add_chart(ctx: SlideContext, box: tuple[int, int, int, int], chart: Chart,
              size_pt: float) -> Any:
    """Draw ``chart`` in ``box``: type, data, titles, legend and labels as the outline asks."""
    data = chart_numbers(ctx, chart)
    numbers = _Numbers(number_format="General")
    numbers.categories = data.categories
    for series in data.series:
        numbers.add_series(series.name, [_tidy(v) for v in series.values])
    numbers.key = repr((list(data.categories),
                        [(s.name, [_tidy(v) for v in s.values]) for s in data.series]))
    frame = ctx.slide.shapes.add_chart(TYPES[(chart.type, chart.stacked)], *box, numbers)
    frame.name = f"Chart {frame.shape_id - 1}"
    writing = ctx.writing()
    key = (repr(chart), numbers.key, size_pt, writing.language)
    styled = _STYLED.get(key)
    if styled is not None:  # the same chart, styled before: its XML, without the proxies again
        part = frame.chart_part
        for cached in ("chart", "chart_workbook"):  # proxies holding the unstyled tree
            part.__dict__.pop(cached, None)
        part._element = copy.deepcopy(styled)
        return frame
    graph = frame.chart
    graph.font.size = Pt(size_pt)
    graph.font.color.theme_color = MSO_THEME_COLOR.TEXT_1
    _title(graph, chart.title, size_pt)
    _legend(graph, chart, len(data.series), size_pt)
    _colors(graph, chart.type)
    if chart.type not in ("pie", "doughnut"):
        _axes(graph, chart, size_pt)
    if chart.labels:
        _labels(graph, chart, size_pt)
    if not writing.plain:
        _language(frame.chart_part._element, chart, writing)
    number_axes(frame.chart_part._element)
    if len(_STYLED) >= _WORKBOOK_LIMIT:
        _STYLED.clear()
    _STYLED[key] = copy.deepcopy(frame.chart_part._element)
    return frame


# Styled chart XML by chart, data and size: a deck that repeats a chart (one per region, or
# a chart on every number slide) styles it through python-pptx's proxies once. A new chart
# part's only relationship is its workbook's, rId1, so the XML is the same on every copy.
_STYLED: dict[tuple[str, str, float, str], Any] = {}


# Workbooks by chart data: a deck of one chart per region often repeats its data, and writing a
# workbook (XlsxWriter) is half of a chart's cost. Equal data give equal workbooks but for their
# creation time, which package.deterministic_bytes fixes in every embedded workbook anyway.
_WORKBOOKS: dict[str, bytes] = {}
_WORKBOOK_LIMIT = 64


class _Numbers(CategoryChartData):
    """Chart data whose workbook is written once per distinct data."""

    key = ""

    @property
    def xlsx_blob(self) -> bytes:
        blob = _WORKBOOKS.get(self.key)
        if blob is None:
            blob = workbook_blob(self)
            if len(_WORKBOOKS) >= _WORKBOOK_LIMIT:
                _WORKBOOKS.clear()
            _WORKBOOKS[self.key] = blob
        return blob


_AXIS_REFERENCES = (qn("c:axId"), qn("c:crossAx"))


def number_axes(chart_space: Any) -> None:
    """Renumber the chart's axis ids 1, 2, ... in the order they first appear, the references
    between axes and from the plot following.

    python-pptx writes fixed negative ids (-2068027336); the schema's type is unsignedInt, so
    strict validators reject them. Small numbers also stay clear of readers that take the
    value as a signed 32-bit integer.
    """
    elements = list(chart_space.iter(*_AXIS_REFERENCES))
    numbers: dict[str, str] = {}
    for element in elements:
        numbers.setdefault(element.get("val"), str(len(numbers) + 1))
    for element in elements:
        element.set("val", numbers[element.get("val")])


def _tidy(value: float | None) -> float | int | None:
    """25.0 -> 25, so the workbook behind 'Edit Data' shows the number as it was typed."""
    return int(value) if value is not None and value.is_integer() else value


def _title(graph: Any, title: str | None, size_pt: float) -> None:
    graph.has_title = bool(title)  # False also stops PowerPoint inventing one from the series
    if title:
        frame = graph.chart_title.text_frame
        frame.text = title
        font = frame.paragraphs[0].font
        font.size, font.bold = Pt(size_pt + 2), True


def _legend(graph: Any, chart: Chart, series: int, size_pt: float) -> None:
    # A pie's labels name their slices; without labels its legend does.
    pie = chart.type in ("pie", "doughnut") and not (chart.type == "pie" and chart.labels)
    show = chart.legend if chart.legend is not None else (series > 1 or pie)
    graph.has_legend = show
    if show:
        graph.legend.position = XL_LEGEND_POSITION.BOTTOM
        graph.legend.include_in_layout = False
        graph.legend.font.size = Pt(size_pt)


def _colors(graph: Any, kind: str) -> None:
    plot = graph.plots[0]
    if kind in ("pie", "doughnut"):
        plot.vary_by_categories = True
        for index, point in enumerate(plot.series[0].points):
            point.format.fill.solid()
            point.format.fill.fore_color.theme_color = ACCENTS[index % len(ACCENTS)]
        return
    plot.vary_by_categories = False
    if kind != "line":
        plot.gap_width = 60
    for index, series in enumerate(plot.series):
        color = ACCENTS[index % len(ACCENTS)]
        if kind == "line":
            series.smooth = False
            series.format.line.width = Pt(2.5)
            series.format.line.color.theme_color = color
            series.marker.size = 7
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.theme_color = color
            series.marker.format.line.color.theme_color = color
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.theme_color = color


def _axes(graph: Any, chart: Chart, size_pt: float) -> None:
    category, value = graph.category_axis, graph.value_axis
    category.major_tick_mark = XL_TICK_MARK.NONE
    category.tick_labels.font.size = Pt(size_pt)
    _grey(category.format.line)
    if chart.type == "bar":  # read top to bottom in the order the rows are written
        category.reverse_order = True
        # ...with the value axis still at the bottom: it crosses at the last category.
        value._element.find(qn("c:crosses")).set("val", "max")
    value.major_tick_mark = XL_TICK_MARK.NONE
    value.format.line.fill.background()
    value.tick_labels.font.size = Pt(size_pt)
    value.has_major_gridlines = not chart.labels
    if chart.labels and len(graph.plots[0].series) == 1:
        value.tick_label_position = TICKS.NONE  # the labels already give every number
    else:
        value.major_gridlines.format.line.width = Pt(0.75)
        _grey(value.major_gridlines.format.line)
    for axis, text in ((category, chart.x_title), (value, chart.y_title)):
        if text:
            axis.has_title = True
            axis.axis_title.text_frame.text = text
            axis.axis_title.text_frame.paragraphs[0].font.size = Pt(size_pt)
            axis.axis_title.text_frame.paragraphs[0].font.bold = False


def _language(chart_space: Any, chart: Chart, writing: Writing) -> None:
    """A chart in a language not written in Latin letters: its language and script fonts on
    all its text, right-to-left paragraphs, and on a right-to-left slide the first category on
    the right (bars growing to the left), as a reader of that language expects."""
    lang = chart_space.makeelement(qn("c:lang"), {"val": writing.language})
    chart_space.find(qn("c:date1904")).addnext(lang)
    (run,) = runs_of((Span("."),), writing)
    for text_props in chart_space.iter(qn("a:defRPr"), qn("a:rPr")):
        for name, value in attributes(run).items():
            text_props.set(name, value)
        add_fonts(text_props, run)
    if not writing.rtl:
        return
    for p_pr in chart_space.iter(qn("a:pPr")):
        p_pr.set("rtl", "1")
    plot = chart_space.find(f"{qn('c:chart')}/{qn('c:plotArea')}")
    category, value = plot.find(qn("c:catAx")), plot.find(qn("c:valAx"))
    if category is None or value is None:
        return
    flipped = value if chart.type == "bar" else category  # bars: their values grow leftwards
    scaling = flipped.find(qn("c:scaling"))
    orientation = scaling.find(qn("c:orientation"))
    if orientation is None:
        orientation = scaling.makeelement(qn("c:orientation"), {})
        scaling.append(orientation)
    orientation.set("val", "maxMin")


def _grey(line: Any) -> None:
    """A light grey line, derived from the theme's background colour."""
    ln = line._get_or_add_ln()
    for child in list(ln):
        if child.tag in _FILLS:
            ln.remove(child)
    ln.insert(0, parse_xml(_GRID))


def _labels(graph: Any, chart: Chart, size_pt: float) -> None:
    plot = graph.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = "General"
    labels.number_format_is_linked = True
    labels.show_value = True
    labels.font.size = Pt(size_pt)
    if chart.type == "doughnut":  # on the ring: white on the theme's accent colours
        labels.font.bold = True
        labels.font.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
    if chart.type in ("column", "bar"):
        labels.position = (XL_LABEL_POSITION.CENTER if chart.stacked
                           else XL_LABEL_POSITION.OUTSIDE_END)
    elif chart.type == "line":
        labels.position = XL_LABEL_POSITION.ABOVE
    elif chart.type == "pie":
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        labels.show_category_name = True
        separator = labels._element.makeelement(qn("c:separator"), {})
        separator.text = "\n"  # the name above its number, not "Europe; 25"
        labels._element.find(qn("c:showBubbleSize")).addnext(separator)
    # A doughnut takes no label position (PowerPoint repairs a deck that gives one).
