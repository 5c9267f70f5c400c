"""Slide kinds that carry data: a big number, a picture, a table, a chart, and a chart's keys."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from . import tabular
from .citations import Footnotes, SourceLine
from .fields import (
    Bullets,
    FilledText,
    Language,
    LayoutName,
    Notes,
    Rows,
    Text,
    _checked,
    _choice,
    _either,
    _Strict,
)


class Chart(_Strict):
    """A native PowerPoint chart (editable, with its numbers behind 'Edit Data')."""

    type: _choice(*tabular.CHART_TYPES) = Field(  # type: ignore[valid-type]
        "column", description="The kind of chart."
    )
    stacked: bool = Field(False, description="Stack the series (column and bar charts).")
    data: Rows | None = Field(
        None,
        description="Rows like a spreadsheet: first [label, series names...], then "
        "[category, numbers...], e.g. - [Europe, 25].",
    )
    csv: Text | None = Field(
        None,
        validate_default=True,
        description="A CSV file beside the outline with the same rows (instead of 'data').",
    )
    title: Text | None = Field(None, description="A title inside the chart.")
    x_title: Text | None = Field(None, description="Title of the category axis.")
    y_title: Text | None = Field(None, description="Title of the value axis.")
    legend: bool | None = Field(
        None, description="Show the legend (default: when there are several series, or a pie)."
    )
    labels: bool = Field(False, description="Show each value on its bar, point or slice.")

    @field_validator("data")
    @classmethod
    def _data(cls, value: Rows | None, info: ValidationInfo) -> Rows | None:
        if value is not None:
            data = tabular.chart_data(value)
            if "type" in info.data:
                tabular.check_chart(info.data["type"], data)
        return value

    @field_validator("stacked")
    @classmethod
    def _stacked(cls, value: bool, info: ValidationInfo) -> bool:
        kind = info.data.get("type")
        if value and kind and kind not in tabular.STACKABLE:
            raise ValueError(f"does not apply to a {kind} chart; only column and bar charts stack")
        return value

    @field_validator("csv")
    @classmethod
    def _csv(cls, value: str | None, info: ValidationInfo) -> str | None:
        _either(info, value, "csv", "data", "the chart's numbers, as rows or a CSV file")
        return value


class NumberSlide(_Strict):
    """A big number with its caption, and optional small details beside it."""

    kind: Literal["number"] = Field(description="A big number with a caption.")
    title: Text = Field(description="The slide's title.")
    number: FilledText = Field(
        description='The number, as it should appear, e.g. "35" or "1987".'
    )
    caption: Text | None = Field(None, description="What the number counts.")
    details: Text | list[Text] | None = Field(
        None, description="A text, or a list of short items shown in columns beside the number."
    )
    chart: Chart | None = Field(
        None, description="A small chart under the number (keys as on a chart slide)."
    )
    language: Language = None
    layout: LayoutName = None
    notes: Notes = None
    source: SourceLine = None
    footnotes: Footnotes = None


class PictureSlide(_Strict):
    """A picture with an optional caption; with bullets, the picture sits beside them."""

    kind: Literal["picture"] = Field(description="A picture.")
    title: Text = Field(description="The slide's title.")
    image: Text = Field(
        description="The picture file (PNG, JPEG, GIF, BMP, TIFF or WebP) beside the outline."
    )
    decorative: bool = Field(
        False, description="true when the picture is only decoration (screen readers skip it)."
    )
    alt: Text | None = Field(
        None,
        validate_default=True,
        description="What the picture shows, for people who cannot see it "
        "(required unless decorative).",
    )
    fit: _choice("whole", "fill") = Field(  # type: ignore[valid-type]
        "whole", description="whole: show all of it; fill: fill the frame, trimming the edges."
    )
    caption: Text | None = Field(None, description="A line under the picture.")
    bullets: Bullets | None = Field(None, description="Points shown beside the picture.")
    side: _choice("left", "right") = Field(  # type: ignore[valid-type]
        "right", description="Which side the picture is on, when there are bullets."
    )
    language: Language = None
    layout: LayoutName = None
    notes: Notes = None
    source: SourceLine = None
    footnotes: Footnotes = None

    @field_validator("alt")
    @classmethod
    def _alt(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("decorative") and value:
            raise ValueError(
                "is not used on a decorative picture; remove 'alt:' or 'decorative: true'"
            )
        # A missing alt text is reported by outline.alttext (an error in build and check), so
        # that it is listed with every other problem in one run.
        return value


class TableSlide(_Strict):
    """A table with a header row; a long table continues on the following slides."""

    kind: Literal["table"] = Field(description="A table.")
    title: Text = Field(description="The slide's title; continuation slides add '(cont.)'.")
    rows: Rows | None = Field(
        None, description="Rows of cells, e.g. - [Region, Partners]; the first row is the header."
    )
    csv: Text | None = Field(
        None,
        validate_default=True,
        description="A CSV file beside the outline (first line: the header), instead of 'rows'.",
    )
    align: list[_choice(*tabular.ALIGNMENTS)] | None = Field(  # type: ignore[valid-type]
        None, description="left, center or right for each column (numbers default to right)."
    )
    widths: list[Text] | None = Field(
        None, description="Relative column widths, e.g. [1, 3, 2] (default: from the text)."
    )
    language: Language = None
    layout: LayoutName = None
    notes: Notes = None
    source: SourceLine = None
    footnotes: Footnotes = None

    @field_validator("rows")
    @classmethod
    def _rows(cls, value: Rows | None) -> Rows | None:
        return value if value is None else _checked(tabular.table_data, value)

    @field_validator("csv")
    @classmethod
    def _csv(cls, value: str | None, info: ValidationInfo) -> str | None:
        _either(info, value, "csv", "rows", "the table's cells, as rows or a CSV file")
        return value

    @field_validator("align", "widths")
    @classmethod
    def _per_column(cls, value: list[str] | None, info: ValidationInfo) -> list[str] | None:
        if value is not None and info.field_name == "widths":
            bad = [w for w in value if not tabular.is_number(w) or float(w.replace(",", "")) <= 0]
            if bad:
                raise ValueError(
                    f"has '{bad[0]}', which is not a positive number; write e.g. [1, 3, 2]"
                )
        if value is not None and info.data.get("rows"):
            count = len(info.data["rows"][0])
            if len(value) != count:
                raise ValueError(tabular.columns_mismatch(len(value), count))
        return value

    def column_widths(self) -> list[float] | None:
        return [float(w.replace(",", "")) for w in self.widths] if self.widths else None


class ChartSlide(_Strict):
    """A native, editable chart: column, bar, line, pie or doughnut."""

    kind: Literal["chart"] = Field(description="A chart.")
    title: Text = Field(description="The slide's title.")
    chart: Chart = Field(description="The chart: its type and numbers (see 'a chart' below).")
    caption: Text | None = Field(None, description="A line under the chart, e.g. the source.")
    language: Language = None
    layout: LayoutName = None
    notes: Notes = None
    source: SourceLine = None
    footnotes: Footnotes = None
