"""Rows of cells (typed in the outline or read from a CSV file) checked as table or chart data."""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .inline import plain_text

CHART_TYPES = ("column", "bar", "line", "pie", "doughnut")
STACKABLE = ("column", "bar")
ALIGNMENTS = ("left", "center", "right")
# 25, -3, 4.5, .5, 1,234,567.89, 1e6: what people type in a spreadsheet cell (no units, no %).
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?")
_DIGIT = re.compile(r"\d")

Rows = Sequence[Sequence[str]]


class RowError(ValueError):
    """A problem in one row (and cell) of the rows, which it carries so the outline's message
    can point at that row or cell (0-based, as in the rows given) rather than at the whole list."""

    def __init__(self, message: str, row: int, cell: int | None = None) -> None:
        super().__init__(message)
        self.row = row
        self.cell = cell


@dataclass(frozen=True)
class TableData:
    """A table: its header row and body rows, every row as long as the header."""

    header: tuple[str, ...]
    body: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # None for an empty cell: a gap in the chart


@dataclass(frozen=True)
class ChartData:
    """A chart's numbers: one category per body row, one series per column after the first."""

    categories: tuple[str, ...]
    series: tuple[Series, ...]


def is_number(text: str) -> bool:
    text = text.strip()
    return bool(text) and bool(_DIGIT.search(text)) and _NUMBER.fullmatch(text) is not None


def parse_number(text: str) -> float | None:
    """The number a cell holds, None when it is empty; ValueError when it is not a number."""
    text = text.strip()
    if not text:
        return None
    if not is_number(text):
        hint = " (without the %)" if text.endswith("%") else ""
        raise ValueError(f"'{text}' is not a number; write digits such as 25 or 4.5{hint}")
    value = float(text.replace(",", ""))
    if not math.isfinite(value) or abs(value) > 1e15:
        raise ValueError(f"'{text}' is too large a number for a chart")
    return value


def _rows(rows: Rows, what: str) -> tuple[tuple[str, ...], ...]:
    if len(rows) < 2:
        raise ValueError(f"needs a header row and at least one row of {what} below it")
    header = tuple(rows[0])
    if not header:
        raise RowError("row 1 (the header) is empty", 0)
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            cells = "cell" if len(row) == 1 else "cells"
            raise RowError(
                f"row {number} has {len(row)} {cells} but the header row has {len(header)}; "
                'give every row the same number of cells (write "" for an empty one)',
                number - 1,
            )
    return tuple(tuple(row) for row in rows)


def table_data(rows: Rows) -> TableData:
    """Rows as a table (the first row is the header); ValueError says what is wrong."""
    checked = _rows(rows, "cells")
    return TableData(header=checked[0], body=checked[1:])


def chart_data(rows: Rows) -> ChartData:
    """Rows as chart data: header = (label, series names...), then (category, numbers...)."""
    checked = _rows(rows, "numbers")
    header = checked[0]
    if len(header) < 2:
        raise RowError(
            "row 1 (the header) needs a label for the categories and at least one series name, "
            "e.g. [Region, Partners]",
            0,
        )
    for column, name in enumerate(header[1:], start=2):
        if not name.strip():
            raise RowError(
                f"row 1 (the header) has no series name in column {column}", 0, column - 1
            )
    values: list[list[float | None]] = [[] for _ in header[1:]]
    for number, row in enumerate(checked[1:], start=2):
        for column, cell in enumerate(row[1:]):
            try:
                values[column].append(parse_number(cell))
            except ValueError as exc:
                message = f"row {number} '{plain_text(row[0])}': {exc}"
                raise RowError(message, number - 1, column + 1) from None
    return ChartData(
        categories=tuple(plain_text(row[0]) for row in checked[1:]),
        series=tuple(
            Series(plain_text(name), tuple(column))
            for name, column in zip(header[1:], values, strict=True)
        ),
    )


def check_chart(kind: str, data: ChartData) -> None:
    """Data a chart of ``kind`` cannot show; the ValueError reads after the data's name."""
    values = [v for series in data.series for v in series.values if v is not None]
    if not values:
        raise ValueError("has no numbers, so the chart would be empty; fill in the values")
    if kind in ("pie", "doughnut") and not any(values):
        raise ValueError(
            f"has only zeros, which a {kind} chart cannot divide into slices; "
            "fill in the values or choose a column or bar chart"
        )
    if kind in ("pie", "doughnut"):
        if len(data.series) > 1:
            names = ", ".join(s.name for s in data.series)
            raise ValueError(
                f"has {len(data.series)} series ({names}) but a {kind} chart shows one; "
                "keep one column of numbers or choose a column or bar chart"
            )
        for row, (category, value) in enumerate(
            zip(data.categories, data.series[0].values, strict=True), start=1
        ):
            if value is not None and value < 0:
                raise RowError(
                    f"has a negative number for '{category}', which a {kind} chart cannot show; "
                    "choose a column or bar chart",
                    row,
                    1,
                )


def columns_mismatch(given: int, count: int) -> str:
    noun = "column" if given == 1 else "columns"
    return f"lists {given} {noun} but the table has {count}; give one entry per column"


def numeric_columns(data: TableData) -> tuple[bool, ...]:
    """Columns whose body cells are all numbers (or empty): these are right-aligned by default."""
    columns = range(len(data.header))
    return tuple(
        any(row[c].strip() for row in data.body)
        and all(is_number(row[c]) or not row[c].strip() for row in data.body)
        for c in columns
    )


def parse_csv(text: str) -> list[list[str]]:
    """Rows of a CSV file, separated by commas (or semicolons or tabs, if the header uses them)."""
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        rows = [[cell.strip() for cell in row] for row in reader]
    except csv.Error as exc:
        raise ValueError(f"is not a valid CSV file (line {reader.line_num}: {exc})") from None
    while rows and not any(rows[-1]):
        rows.pop()  # spreadsheets often end a file with empty lines
    return [row for row in rows if row]
