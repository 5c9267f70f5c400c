"""The outline model: one typed, documented definition per deck setting and slide kind."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from . import tabular
from .inline import parse_inline, url_problem

# Never valid in a deck. The loader has already removed control characters typed as escapes
# (with a located warning); any still here came from code that built the model directly.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def _check_text(value: str) -> str:
    bad = _FORBIDDEN.search(value)
    if bad:
        raise ValueError(_forbidden_message(bad.group()))
    for span in parse_inline(value):
        if span.url is not None:
            problem = url_problem(span.url)
            if problem:
                raise ValueError(problem)
    return value.strip()


def _forbidden_message(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        return (
            f"contains {code}, half of a character written as two escapes (\\u{ord(char):04x}); "
            "a deck cannot hold it: write the whole character, e.g. \\U0001F600, or remove it"
        )
    if char in "\ufffe\uffff":
        return f"contains {code}, which is not a character (perhaps from an escape); remove it"
    return (
        f"contains the invisible control character {code} "
        "(perhaps from an escape such as \\x07); remove it"
    )


Text = Annotated[str, AfterValidator(_check_text)]
# What happens to text that does not fit even at the smallest size (see yamldeck.overflow).
Overflow = Literal["error", "continue"]
HexColor = Annotated[
    str,
    Field(pattern=r"^#?[0-9A-Fa-f]{6}$", description="A colour as six hex digits, e.g. 1B2A41"),
    AfterValidator(lambda v: v.lstrip("#").upper()),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Colors(_Strict):
    """Theme colours; any left out keep the built-in theme's."""

    primary: HexColor | None = Field(
        None, description="Titles and dark backgrounds (default 1B2A41)."
    )
    accent: HexColor | None = Field(
        None, description="Bullets, rules and big numbers (default 0F6CBD)."
    )
    text: HexColor | None = Field(None, description="Body text on light slides (default 262626).")
    background: HexColor | None = Field(
        None, description="Light slide background (default FFFFFF)."
    )
    muted: HexColor | None = Field(
        None, description="Footer, captions and subtitles (default 5B6770)."
    )


class Fonts(_Strict):
    """Theme fonts; use fonts your audience's computers have (Calibri and Arial are safe)."""

    heading: Text | None = Field(None, description="Font for titles (default Calibri).")
    body: Text | None = Field(None, description="Font for all other text (default Calibri).")


class Theme(_Strict):
    """Overrides of the built-in theme."""

    colors: Colors = Field(default_factory=Colors, description="Colour overrides.")
    fonts: Fonts = Field(default_factory=Fonts, description="Font overrides.")


LOGO_POSITIONS = ("top-right", "top-left", "bottom-right", "bottom-left")
_LENGTH = re.compile(r"^(\d+(?:\.\d+)?)\s*(cm|mm|in)$")


def _logo_position(value: str) -> str:
    lowered = value.strip().lower().replace(" ", "-")
    if lowered in LOGO_POSITIONS:
        return lowered
    close = difflib.get_close_matches(lowered, LOGO_POSITIONS, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise ValueError(f"must be one of {', '.join(LOGO_POSITIONS)}, not '{value}'{hint}")


def _length(value: str) -> str:
    if not _LENGTH.match(value.strip().lower()):
        raise ValueError(f"must be a length such as 3cm, 25mm or 1.2in, not '{value}'")
    return value.strip().lower()


class Logo(_Strict):
    """A picture shown on every slide, such as the organisation's logo (drawn on the master)."""

    image: Text = Field(description="The picture file beside the outline (PNG, JPEG...).")
    decorative: bool = Field(False, description="true when the logo is only decoration.")
    alt: Text | None = Field(
        None,
        validate_default=True,
        description="What the logo says, e.g. the organisation's name (required unless "
        "decorative).",
    )
    position: Annotated[
        str,
        AfterValidator(_logo_position),
        WithJsonSchema({"type": "string", "enum": list(LOGO_POSITIONS)}),
    ] = Field("top-right", description="Which corner of the slide it sits in.")
    width: Annotated[str, AfterValidator(_length)] | None = Field(
        None, description="How wide, e.g. 3cm or 1.2in (default: a tenth of the slide's width)."
    )

    @field_validator("alt")
    @classmethod
    def _alt(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("decorative") and value:
            raise ValueError(
                "is not used on a decorative logo; remove 'alt:' or 'decorative: true'"
            )
        if not info.data.get("decorative", True) and not value:
            raise ValueError(
                "is needed: say what the logo shows (e.g. the organisation's name), "
                "or add 'decorative: true'"
            )
        return value

    def width_emu(self, slide_width: int) -> int:
        """The logo's width in EMU (a tenth of the slide's width when not given)."""
        if self.width is None:
            return slide_width // 10
        number, unit = _LENGTH.match(self.width).groups()  # type: ignore[union-attr]
        return round(float(number) * {"cm": 360000, "mm": 36000, "in": 914400}[unit])


class Layouts(_Strict):
    """Which layout of the template each kind of slide uses, by the layout's name."""

    title: Text | None = Field(None, description="Layout for the title slide.")
    agenda: Text | None = Field(None, description="Layout for agenda slides.")
    section: Text | None = Field(None, description="Layout for section slides.")
    bullets: Text | None = Field(None, description="Layout for bullets slides.")
    statement: Text | None = Field(None, description="Layout for statement slides.")
    number: Text | None = Field(None, description="Layout for number slides.")
    columns: Text | None = Field(None, description="Layout for columns slides.")
    picture: Text | None = Field(None, description="Layout for picture slides.")
    table: Text | None = Field(None, description="Layout for table slides.")
    chart: Text | None = Field(None, description="Layout for chart slides.")
    quote: Text | None = Field(None, description="Layout for quote slides.")
    closing: Text | None = Field(None, description="Layout for the closing slide.")


class Deck(_Strict):
    """Settings for the whole deck."""

    title: Text = Field(description="The deck's title; also the default title of the title slide.")
    subtitle: Text | None = Field(
        None, description="Subtitle for the title slide and file properties."
    )
    presenter: Text | None = Field(None, description="Who gives the talk; the file's author.")
    affiliation: Text | None = Field(None, description="The presenter's role or organisation.")
    date: Text | None = Field(
        None,
        description="Date shown on the title slide (and with footer_date: true at the foot "
        "of content slides), exactly as typed.",
    )
    footer: Text | None = Field(None, description="Text at the bottom of content slides.")
    language: str = Field(
        "en-GB",
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        description="Language of the text, e.g. en-NZ (spell-checking and screen readers).",
    )
    slide_numbers: bool = Field(True, description="Show slide numbers on content slides.")
    overflow: Overflow = Field(
        "error",
        description="Bullets too long for their slide even at the smallest size: 'error' stops "
        "the build; 'continue' carries the rest onto new slides titled '... (cont.)'.",
    )
    theme: Theme = Field(default_factory=Theme, description="Colour and font overrides.")
    footer_date: bool = Field(
        False, description="Show deck: date at the bottom of content slides, beside the footer."
    )
    logo: Logo | None = Field(None, description="A logo on every slide (see 'deck: logo:' below).")
    template: Text | None = Field(
        None,
        description="Your PowerPoint template (.pptx or .potx) beside the outline: the deck uses "
        "its masters, layouts, colours and fonts.",
    )
    layouts: Layouts = Field(
        default_factory=Layouts,
        description="The layout, by name, for each kind of slide (see 'deck: layouts:' below).",
    )

    @field_validator("footer_date")
    @classmethod
    def _footer_date(cls, value: bool, info: ValidationInfo) -> bool:
        if value and not info.data.get("date"):
            raise ValueError("needs the date to show: add 'date:' to deck:")
        return value


@dataclass(frozen=True)
class Bullet:
    """One bullet point and the points nested under it."""

    text: str
    children: tuple[Bullet, ...] = ()


_BULLET_SCHEMA: dict[str, Any] = {
    "type": "array",
    "minItems": 1,
    "description": "Bullet points. For sub-points, end the parent with ':' and indent a list "
    "under it.",
    "items": {"$ref": "#/$defs/BulletItem"},
}
BULLET_ITEM_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "description": "A bullet point."},
        {
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "description": "A bullet point (the key) with its sub-points (the list).",
            "additionalProperties": {"type": "array", "items": {"$ref": "#/$defs/BulletItem"}},
        },
    ]
}
Bullets = Annotated[tuple[Bullet, ...], WithJsonSchema(_BULLET_SCHEMA)]
Notes = Annotated[
    Text | None,
    Field(description="Speaker notes. Blank lines separate paragraphs."),
]
LayoutName = Annotated[
    Text | None,
    Field(description="A layout of the template, by name, for this slide (see yamldeck inspect)."),
]


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
    """A title and bullet points, nested up to three levels or more."""

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
    statement: Text = Field(description="The sentence to show large.")
    layout: LayoutName = None
    notes: Notes = None


def _choice(*options: str) -> Any:
    """A text that must be one of ``options`` (case-insensitive), with a did-you-mean message."""

    def check(value: str) -> str:
        lowered = value.strip().lower()
        if lowered in options:
            return lowered
        close = difflib.get_close_matches(lowered, options, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ValueError(f"must be one of {', '.join(options)}, not '{value}'{hint}")

    schema = WithJsonSchema({"type": "string", "enum": list(options)})
    return Annotated[str, AfterValidator(check), schema]


def _checked(check: Any, value: Any) -> Any:
    """Run a tabular check; its ValueError becomes the field's located message."""
    check(value)
    return value


def _either(info: ValidationInfo, value: Any, key: str, other: str, what: str) -> None:
    """Exactly one of ``key`` (this field) and ``other`` must be given."""
    if other not in info.data and value is None:
        return  # 'other' had its own problem, already reported
    if value is not None and info.data.get(other) is not None:
        raise ValueError(f"and '{other}' cannot both be given; keep one")
    if value is None and info.data.get(other) is None:
        raise ValueError(f"(or '{other}') is needed: {what}")


Rows = list[list[Text]]


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
    number: Text = Field(description='The number, as it should appear, e.g. "35" or "1987".')
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
        # A missing alt text is reported by check.alt_text_lints (an error in build and check),
        # so that `check` can list it together with every other lint in one run.
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
    quote: Text = Field(description="The words quoted (quotation marks are added).")
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
