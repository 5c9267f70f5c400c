"""A chart's numbers taken back: read from the edited deck's chart, and written where the
outline keeps them (its ``data:`` rows, or the CSV file it names, line by line).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from pptx.exc import InvalidXmlError
from ruamel.yaml.comments import CommentedSeq

from ..render.marks import row_text
from .merge import Item, item
from .texts import qn, shape_id


class UnreadableChart(Exception):
    """The chart yamldeck drew is there, but its part or its XML is damaged."""


def _drawn_chart(slide: Any, highest: int) -> Any:
    """The chart yamldeck drew on the slide (the first one it drew), or None."""
    for element in slide._element.iter(qn("p:graphicFrame")):  # not slide.shapes: a damaged
        if not 0 < shape_id(element) <= highest:  # shape there stops python-pptx
            continue
        reference = next(element.iter(qn("c:chart")), None)
        if reference is not None:
            try:
                return slide.part.related_part(reference.get(qn("r:id"))).chart
            except (ValueError, KeyError, AttributeError, InvalidXmlError) as exc:
                raise UnreadableChart from exc
    return None


def deck_rows(slide: Any, highest: int) -> list[list[Any]] | None:
    """The numbers of the chart yamldeck drew on the slide, as rows: each category with its
    values; None when the slide has no such chart."""
    chart = _drawn_chart(slide, highest)
    if chart is None:
        return None
    try:
        plot = chart.plots[0]
        categories = [str(c) for c in plot.categories]
        series = [list(s.values) for s in plot.series]
    except (ValueError, KeyError, IndexError, AttributeError, TypeError,
            InvalidXmlError) as exc:
        raise UnreadableChart from exc
    return [[category, *(values[i] if i < len(values) else None for values in series)]
            for i, category in enumerate(categories)]


def deck_titles(slide: Any, highest: int) -> dict[str, str]:
    """The titles of the chart yamldeck drew on the slide, by field (``chart.title``,
    ``chart.x_title``: its category axis's, ``chart.y_title``: its value axis's); "" for one
    it does not show. Nothing for a chart whose axes cannot be told apart."""
    chart = _drawn_chart(slide, highest)
    if chart is None:
        return {}
    space = chart._chartSpace
    found = {"chart.title": _title_text(space.find(f"{qn('c:chart')}/{qn('c:title')}"))}
    plot_area = space.find(f"{qn('c:chart')}/{qn('c:plotArea')}")
    for key, tag in (("chart.x_title", "c:catAx"), ("chart.y_title", "c:valAx")):
        axes = [] if plot_area is None else plot_area.findall(qn(tag))
        if len(axes) == 1:
            found[key] = _title_text(axes[0].find(qn("c:title")))
        elif axes:  # two value axes (a scatter chart): which is which is not recorded
            return {"chart.title": found["chart.title"]}
    return found


def _title_text(title: Any) -> str:
    if title is None:
        return ""
    paragraphs = title.iter(qn("a:p"))
    return " ".join("".join(t.text or "" for t in p.iter(qn("a:t"))) for p in paragraphs).strip()


def deck_items(rows: list[list[Any]]) -> list[Item]:
    return [item(0, row_text(row), None) for row in rows]


def outline_items(chart: Any, folder: Path) -> tuple[list[Item], list[str] | None]:
    """The chart's rows in the outline now (the header row left out), each with what the
    outline has (a row of ``data:``, or a CSV file's line); and the CSV file's lines."""
    data = chart.get("data")
    if data is not None:
        return [item(0, row_text(row), row) for row in list(data)[1:]], None
    lines = (folder / str(chart["csv"])).read_text("utf-8-sig").splitlines(keepends=True)
    items = []
    for line in lines[1:]:
        if line.strip():
            cells = next(csv.reader([line]))
            items.append(item(0, row_text(cells), line))
    return items, lines


def set_rows(chart: Any, items: list[Item]) -> None:
    """The chart's ``data:`` rows with the deck's numbers (unchanged rows as they were)."""
    data = chart["data"]
    rows = [data[0]]
    for entry in items:
        if entry.node is not None:
            rows.append(entry.node)
        else:
            row = CommentedSeq(_typed(cell) for cell in _cells(entry.text))
            row.fa.set_flow_style()
            rows.append(row)
    data[:] = rows


def csv_text(lines: list[str], items: list[Item]) -> str:
    """The CSV file with the deck's numbers: its header and unchanged lines as they were."""
    ending = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    out = [lines[0]]
    for entry in items:
        if entry.node is not None:
            out.append(entry.node)
        else:
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator=ending).writerow(_cells(entry.text))
            out.append(buffer.getvalue())
    return "".join(out)


def _cells(text: str) -> list[str]:
    """A row's text (marks.row_text) back as cells, numbers written as people write them."""
    cells = text.split("\t")
    return [cells[0], *(_written(cell) for cell in cells[1:])]


def _typed(cell: str) -> Any:
    """A cell as YAML writes it plainly: a number as a number, other text as text."""
    for kind in (int, float):
        try:
            return kind(cell)
        except ValueError:
            pass
    return cell


def _written(cell: str) -> str:
    try:
        number = float(cell)
    except ValueError:
        return cell
    return str(int(number)) if number.is_integer() else repr(number)
