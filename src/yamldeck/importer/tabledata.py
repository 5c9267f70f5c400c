"""A table's cells taken back: read from the edited deck's table (the parts of a table that
continued on further slides joined, their repeated header left out), and written where the
outline keeps them (its ``rows:``, or the CSV file it names, line by line).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..render.marks import table_text
from .merge import Item, item
from .texts import Links, paragraphs, qn, shape_id, unbolded
from .writer import scalar


def deck_table(slide: Any, highest: int) -> list[list[str]] | None:
    """The cells (outline text) of the first table yamldeck drew on the slide, row by row."""
    for element in slide._element.iter(qn("p:graphicFrame")):  # not slide.shapes: a damaged
        table = next(element.iter(qn("a:tbl")), None)  # shape there stops python-pptx
        if table is None or not 0 < shape_id(element) <= highest:
            continue
        links = Links(slide.part, [])
        rows = []
        for number, tr in enumerate(table.iterfind(qn("a:tr"))):
            cells = []
            for tc in tr.iterfind(qn("a:tc")):
                body = tc.find(qn("a:txBody"))
                paras = paragraphs(body, links) if body is not None else []
                cells.append(" ".join((unbolded(p) if number == 0 else p).text for p in paras))
            rows.append(cells)
        return rows
    return None


def joined(first: list[list[str]] | None, more: list[list[str]] | None) -> list[list[str]] | None:
    """A table and its next part, the part's repeated header row left out."""
    if first is None or more is None:
        return first or more
    return first + (more[1:] if more[:1] == first[:1] else more)


def deck_items(rows: list[list[str]]) -> list[Item]:
    return [item(0, table_text(row)) for row in rows]


def outline_items(slide: Any, folder: Path) -> tuple[list[Item], list[str] | None]:
    """The table's rows in the outline now (header first), each with what the outline has (a
    row of ``rows:``, or a CSV file's line); and the CSV file's lines."""
    rows = slide.get("rows")
    if rows is not None:
        return [item(0, table_text(row), row) for row in rows], None
    lines = (folder / str(slide["csv"])).read_text("utf-8-sig").splitlines(keepends=True)
    found = []
    for line in lines:
        if line.strip():
            found.append(item(0, table_text(next(csv.reader([line]))), line))
    return found, lines


def set_rows(slide: Any, items: list[Item]) -> None:
    """The table's ``rows:`` with the deck's cells (unchanged rows as they were)."""
    rows = slide["rows"]
    fresh = []
    for entry in items:
        if entry.node is not None:
            fresh.append(entry.node)
            continue
        row = CommentedSeq(_value(cell) for cell in entry.text.split("\t"))
        row.fa.set_flow_style()
        fresh.append(row)
    rows[:] = fresh


def _value(cell: str) -> Any:
    """A cell as the row writes it: a number plainly (as a number that reads back the same),
    other text plainly where YAML allows, else in double quotes."""
    for kind in (int, float):
        try:
            if str(kind(cell)) == cell:
                return kind(cell)
        except ValueError:
            pass
    if scalar(cell, flow=True) == cell and not cell[:1].isdigit():
        return cell
    return DoubleQuotedScalarString(cell)


def csv_text(lines: list[str], items: list[Item]) -> str:
    """The CSV file with the deck's cells: unchanged lines as they were."""
    ending = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    out = []
    for entry in items:
        if entry.node is not None:
            out.append(entry.node)
        else:
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator=ending).writerow(entry.text.split("\t"))
            out.append(buffer.getvalue())
    return "".join(out)
