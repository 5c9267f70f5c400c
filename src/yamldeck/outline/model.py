"""The outline model: one typed, documented definition per slide kind, and the outline itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal, Union

from pydantic import (
    BaseModel,
    Field,
    ValidationInfo,
    field_validator,
)

from . import tabular
from .fields import (
    Bullets,
    FilledText,
    LayoutName,
    Notes,
    Overflow,
    Rows,
    Text,
    _checked,
    _choice,
    _either,
    _Strict,
)
from .settings import Deck


class TitleSlide(_Strict):
    """The opening slide: title, subtitle and who is presenting (defaults from deck:)."""

    kind: Literal["title"] = Field(description="Opening slide.")
    title: Text | None = Field(None, description="Defaults to deck: title.")
    subtitle: Text | None = Field(None, description="Defaults to deck: subtitle.")
    presenter: Text | None = Field(None, description="Defaults to deck: presenter.")
    affiliation: Text | None = Field(None, description="Defaults to deck: affiliation.")
    date: Text | None = Field(None, description="Defaults to deck: date.")
    layout: LayoutName = None
    notes: Notes = None


class SectionSlide(_Strict):
    """A divider that opens a part of the talk."""

    kind: Literal["section"] = Field(description="Section divider.")
    title: Text = Field(description="The section's name.")
    subtitle: Text | None = Field(None, description="One line under the section name.")
    layout: LayoutName = None
    notes: Notes = None


class BulletsSlide(_Strict):
    """A title and bullet points, nested up to nine levels (as PowerPoint allows)."""

    kind: Literal["bullets"] = Field(description="Title and bullet points.")
    title: Text = Field(description="The slide's title.")
    bullets: Bullets = Field(description="The points, in order.")
    overflow: Overflow | None = Field(
        None, description="'continue' or 'error' for this slide (default: deck: overflow)."
    )
    layout: LayoutName = None
    notes: Notes = None


class StatementSlide(_Strict):
    """One sentence shown large."""

    kind: Literal["statement"] = Field(description="One statement shown large.")
    title: Text = Field(description="The slide's title.")
    statement: FilledText = Field(description="The sentence to show large.")
    layout: LayoutName = None
    notes: Notes = None



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
    layout: LayoutName = None
    notes: Notes = None


class Column(_Strict):
    """One column of a two-column slide: a heading, and bullets or a text."""

    heading: Text | None = Field(None, description="Heading above the column.")
    bullets: Bullets | None = Field(None, description="Bullet points in this column.")
    text: Text | None = Field(None, description="A paragraph in this column (instead of bullets).")


class ColumnsSlide(_Strict):
    """Two columns side by side, e.g. a comparison."""

    kind: Literal["columns"] = Field(description="Two columns side by side.")
    title: Text = Field(description="The slide's title.")
    columns: Annotated[list[Column], Field(min_length=2, max_length=2)] = Field(
        description="Exactly two columns, left then right."
    )
    layout: LayoutName = None
    notes: Notes = None


class ClosingSlide(_Strict):
    """The last slide: thanks, and how to get in touch."""

    kind: Literal["closing"] = Field(description="Closing slide.")
    title: Text = Field("Thank you", description="Defaults to 'Thank you'.")
    subtitle: Text | None = Field(None, description="One line under the title.")
    contacts: list[Text] = Field(
        default_factory=list, description="Lines with contact details and links."
    )
    layout: LayoutName = None
    notes: Notes = None


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
    layout: LayoutName = None
    notes: Notes = None

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
    layout: LayoutName = None
    notes: Notes = None

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
    layout: LayoutName = None
    notes: Notes = None


class QuoteSlide(_Strict):
    """A quotation, shown large, and who said it."""

    kind: Literal["quote"] = Field(description="A quotation.")
    title: Text = Field(description="The slide's title.")
    quote: FilledText = Field(description="The words quoted (quotation marks are added).")
    attribution: Text | None = Field(None, description="Who said or wrote it.")
    layout: LayoutName = None
    notes: Notes = None


class AgendaSlide(_Strict):
    """A numbered list of what the talk covers, made from the outline's section slides."""

    kind: Literal["agenda"] = Field(description="An agenda.")
    title: Text = Field("Agenda", description="Defaults to 'Agenda'.")
    items: list[Text] | None = Field(
        None,
        description="The items; by default the section titles (or, with no sections, the "
        "titles of the content slides).",
    )
    layout: LayoutName = None
    notes: Notes = None


Slide = Union[  # noqa: UP007 - a runtime alias that pydantic and the schema generator read
    TitleSlide,
    SectionSlide,
    BulletsSlide,
    StatementSlide,
    NumberSlide,
    ColumnsSlide,
    ClosingSlide,
    PictureSlide,
    TableSlide,
    ChartSlide,
    QuoteSlide,
    AgendaSlide,
]
SLIDE_MODELS: dict[str, type[BaseModel]] = {
    "title": TitleSlide,
    "section": SectionSlide,
    "bullets": BulletsSlide,
    "statement": StatementSlide,
    "number": NumberSlide,
    "columns": ColumnsSlide,
    "picture": PictureSlide,
    "table": TableSlide,
    "chart": ChartSlide,
    "quote": QuoteSlide,
    "agenda": AgendaSlide,
    "closing": ClosingSlide,
}
# The key whose presence makes a slide's kind obvious, in order of precedence.
KIND_BY_KEY: tuple[tuple[str, str], ...] = (
    ("contacts", "closing"),
    ("columns", "columns"),
    ("number", "number"),
    ("statement", "statement"),
    ("chart", "chart"),
    ("image", "picture"),  # before bullets: a picture with bullets sits beside them
    ("rows", "table"),
    ("csv", "table"),
    ("quote", "quote"),
    ("items", "agenda"),
    ("bullets", "bullets"),
)


@dataclass(frozen=True)
class Outline:
    """A validated outline: deck settings and slides, ready to render."""

    deck: Deck
    slides: tuple[Slide, ...]
    source_file: str


def slide_keys(kind: str) -> list[str]:
    """The keys a slide of ``kind`` accepts."""
    return list(SLIDE_MODELS[kind].model_fields)


def all_slide_keys() -> set[str]:
    return {key for kind in SLIDE_MODELS for key in slide_keys(kind)}
