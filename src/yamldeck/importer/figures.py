"""Tables, charts, SmartArt and pictures of a slide as outline data, with what could not come.

A table's cells (merged cells split), its header row and alignment; a chart's type and numbers
from its own cached data (what PowerPoint shows); SmartArt's text as bullets; a picture's bytes,
format, alt text and decorative flag.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from PIL import Image

from ..files.pictures import MAX_PICTURE_BYTES, MAX_PIXELS
from ..outline import tabular
from ..outline.inline import Span
from .texts import Links, Para, joined, markup, paragraphs, qn, unbolded

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_ALIGN = {"l": "left", "ctr": "center", "r": "right", "just": "left", "dist": "left"}
_DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
_PICTURE_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "BMP": "bmp", "TIFF": "tiff",
                    "WEBP": "webp"}
_DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_FILE_NAME = re.compile(r"[^/\\]*\.(png|jpe?g|gif|bmp|tiff?|webp|emf|wmf|svg)", re.IGNORECASE)


@dataclass
class Figure:
    """A figure's outline keys, and what of it could not be brought over (for warnings)."""

    fields: dict[str, Any]
    lost: list[str] = field(default_factory=list)


def table(frame: Any, links: Links) -> Figure | None:
    """A table's rows and alignment; None for a table of fewer than two rows."""
    tbl = frame.find(f"{qn('a:graphic')}/{qn('a:graphicData')}/{qn('a:tbl')}")
    if tbl is None:
        return None
    rows: list[tuple[str, ...]] = []
    aligns: list[list[str]] = []
    merged = False
    for number, tr in enumerate(tbl.iterfind(qn("a:tr"))):
        cells, row_align = [], []
        for tc in tr.iterfind(qn("a:tc")):
            merged = merged or any(tc.get(a) for a in ("gridSpan", "rowSpan", "hMerge", "vMerge"))
            body = tc.find(qn("a:txBody"))
            paras = paragraphs(body, links) if body is not None else []
            if number == 0:
                paras = [unbolded(p) for p in paras]
            cells.append(joined(paras))
            p_pr = body.find(f"{qn('a:p')}/{qn('a:pPr')}") if body is not None else None
            row_align.append(_ALIGN.get(p_pr.get("algn", "l") if p_pr is not None else "l",
                                        "left"))
        rows.append(tuple(cells))
        aligns.append(row_align)
    width = max((len(row) for row in rows), default=0)
    if len(rows) < 2 or not width:
        return None
    rows = [row + ("",) * (width - len(row)) for row in rows]
    figure = Figure({"rows": rows})
    align = _alignment(rows, [a + ["left"] * (width - len(a)) for a in aligns[1:]])
    if align:
        figure.fields["align"] = tuple(align)
    if merged:
        figure.lost.append("merged cells (each is now a cell of its own)")
    return figure


def _alignment(rows: list[tuple[str, ...]], aligns: list[list[str]]) -> list[str] | None:
    """Each column's alignment (the most common in its body cells); None when every column is
    aligned as yamldeck aligns it anyway (numbers right, the rest left)."""
    data = tabular.table_data(rows)
    numeric = tabular.numeric_columns(data)
    chosen = []
    for column in range(len(numeric)):
        seen = [row[column] for row in aligns]
        chosen.append(max(("left", "center", "right"), key=seen.count) if seen else "left")
    defaults = ["right" if n else "left" for n in numeric]
    return None if chosen == defaults else chosen


_TYPES = {"barChart": "column", "bar3DChart": "column", "lineChart": "line",
          "line3DChart": "line", "pieChart": "pie", "pie3DChart": "pie", "ofPieChart": "pie",
          "doughnutChart": "doughnut", "areaChart": "line", "area3DChart": "line"}


def chart(frame: Any, part: Any) -> Figure:
    """A chart's keys (type, numbers, titles, legend, labels); a chart type an outline cannot
    draw gives its numbers as a table (the 'rows' key) instead."""
    c_chart = frame.find(f"{qn('a:graphic')}/{qn('a:graphicData')}/{qn('c:chart')}")
    chart_part = part.related_part(c_chart.get(qn("r:id")))
    graph = chart_part.chart
    plot_area = chart_part._element.find(f"{qn('c:chart')}/{qn('c:plotArea')}")
    plots = [child for child in plot_area if child.tag.endswith("Chart")]
    tag = plots[0].tag.rsplit("}", 1)[-1] if plots else ""
    lost: list[str] = []
    rows = _chart_rows(graph)
    if tag not in _TYPES:
        what = tag.removesuffix("Chart") or "unknown"
        return Figure({"rows": rows}, [f"a {what} chart (its numbers become a table)"])
    kind = _TYPES[tag]
    bar_dir = plots[0].find(qn("c:barDir"))
    if kind == "column" and bar_dir is not None and bar_dir.get("val") == "bar":
        kind = "bar"
    grouping = plots[0].find(qn("c:grouping"))
    stacking = grouping.get("val", "") if grouping is not None else ""
    if "3D" in tag:
        lost.append("its 3-D look (drawn flat)")
    if tag.startswith("area"):
        lost.append("its areas (drawn as lines)")
    if len(plots) > 1:
        lost.append("its second chart type (one type is drawn)")
    fields: dict[str, Any] = {"type": kind}
    if "tacked" in stacking and kind in tabular.STACKABLE:
        fields["stacked"] = True
        if stacking == "percentStacked":
            lost.append("stacking to 100% (the numbers are stacked as they are)")
    if kind in ("pie", "doughnut") and len(rows[0]) > 2:
        rows = [row[:2] for row in rows]
        lost.append("every series but the first (a pie shows one)")
    fields.update(_chart_texts(graph))
    labels = bool(graph.plots and graph.plots[0].has_data_labels)
    if labels:
        fields["labels"] = True
    series = len(rows[0]) - 1
    default = series > 1 or kind == "doughnut" or (kind == "pie" and not labels)
    if graph.has_legend != default:
        fields["legend"] = graph.has_legend
    fields["data"] = rows
    try:
        tabular.check_chart(kind, tabular.chart_data(rows))
    except ValueError:
        return Figure({"rows": rows}, [f"a {kind} chart whose numbers it cannot draw (they "
                                       "become a table)"])
    return Figure(fields, lost)


def _chart_rows(graph: Any) -> list[tuple[str, ...]]:
    plot = graph.plots[0]
    categories = [_cell(str(label)) for label in plot.categories]
    series = list(plot.series)
    count = max([len(categories), *(len(s.values) for s in series)], default=0)
    categories += [""] * (count - len(categories))
    header = ("", *(_cell(s.name or f"Series {i}") or f"Series {i}"
                    for i, s in enumerate(series, 1)))
    body = []
    for index in range(count):
        values = [s.values[index] if index < len(s.values) else None for s in series]
        body.append((categories[index], *(_number(v) for v in values)))
    return [header, *body]


def _chart_texts(graph: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    axes = (("title", lambda: graph), ("x_title", lambda: graph.category_axis),
            ("y_title", lambda: graph.value_axis))
    for key, owner in axes:
        try:
            holder = owner()
            title = holder.chart_title if key == "title" else holder.axis_title
            has = holder.has_title
        except (ValueError, AttributeError, KeyError, NotImplementedError):
            continue
        text = " ".join(title.text_frame.text.split()) if has and title.has_text_frame else ""
        if text:
            found[key] = _cell(text)
    return found


def _cell(text: str) -> str:
    return markup([Span(text)])


def _number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.15g}"


def smartart(frame: Any, part: Any, links: Links) -> list[Para]:
    """The text of a SmartArt graphic, each point a paragraph at its depth in the diagram."""
    rel_ids = frame.find(f"{qn('a:graphic')}/{qn('a:graphicData')}/{_DGM}relIds")
    if rel_ids is None:
        return []
    try:
        data = etree.fromstring(part.related_part(rel_ids.get(qn("r:dm"))).blob, _PARSER)
    except (KeyError, etree.XMLSyntaxError, ValueError):
        return []
    points = {pt.get("modelId"): pt for pt in data.iter(f"{_DGM}pt")}
    children: dict[str, list[tuple[int, str]]] = {}
    for cxn in data.iter(f"{_DGM}cxn"):
        if cxn.get("type", "parOf") == "parOf":
            children.setdefault(cxn.get("srcId"), []).append(
                (int(cxn.get("srcOrd", "0")), cxn.get("destId")))
    root = next((key for key, pt in points.items() if pt.get("type") == "doc"), None)
    found: list[Para] = []

    def visit(node: str | None, depth: int) -> None:
        for _, child in sorted(children.get(node or "", [])):
            pt = points.get(child)
            if pt is None or pt.get("type", "node") != "node":
                continue
            body = pt.find(f"{_DGM}t")
            for para in paragraphs(body, links) if body is not None else []:
                found.append(Para(para.text, depth, True))
            visit(child, depth + 1)

    visit(root, 0)
    return found


@dataclass(frozen=True)
class PictureData:
    """A picture's bytes and the file extension they need, its alt text and flags."""

    data: bytes
    ext: str
    alt: str
    decorative: bool
    cropped: bool


def picture(element: Any, part: Any) -> PictureData | str:
    """The picture's image, or why it cannot come over (a message ending a warning)."""
    blip = element.find(f"{qn('p:blipFill')}/{qn('a:blip')}")
    r_id = blip.get(qn("r:embed")) if blip is not None else None
    if not r_id:
        return "a linked picture (not stored in the deck) is left out"
    try:
        image = part.related_part(r_id)
    except KeyError:
        return "its image is missing from the deck, so it is left out"
    data = image.blob
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            opened = Image.open(io.BytesIO(data), formats=list(_PICTURE_FORMATS))
            size, kind = opened.size, opened.format
    except Exception:  # noqa: BLE001 - Pillow's errors for unreadable images vary
        what = image.content_type.rsplit("/", 1)[-1].removeprefix("x-").upper()
        return f"its image ({what}) is not a format an outline takes, so it is left out"
    if len(data) > MAX_PICTURE_BYTES or size[0] * size[1] > MAX_PIXELS:
        return "its image is larger than an outline's pictures may be, so it is left out"
    c_nv_pr = element.find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}")
    decorative = any(node.get("val") in ("1", "true") for node in c_nv_pr.iter(_DECORATIVE))
    alt = " ".join((c_nv_pr.get("descr") or c_nv_pr.get("title") or "").split())
    if _FILE_NAME.fullmatch(alt):
        alt = ""  # a file's name (what python-pptx and some programs write) says nothing
    crop = element.find(f"{qn('p:blipFill')}/{qn('a:srcRect')}")
    cropped = crop is not None and any(int(v or 0) for v in crop.attrib.values()
                                       if v.lstrip("-").isdigit())
    return PictureData(data, _PICTURE_FORMATS[kind or "PNG"], alt, decorative, cropped)
