"""The outline model: the slide kinds that carry text, the registry of every kind, the outline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal, Union

from pydantic import BaseModel, Field

from .citations import Footnotes, Reveal, SourceLine
from .diagrams import ProcessSlide, TimelineSlide
from .fields import Bullets, FilledText, Language, LayoutName, Notes, Overflow, Text, _Strict

# The kinds that carry data live in outline.figures (and the diagrams in outline.diagrams);
# callers (render's `m.ChartSlide`, ...) name them through this module, with the outline's other
# types.
from .figures import Chart as Chart
from .figures import ChartSlide, NumberSlide, PictureSlide, TableSlide
from .settings import Deck


class TitleSlide(_Strict):
    """The opening slide: title, subtitle and who is presenting (defaults from deck:)."""

    kind: Literal["title"] = Field(description="Opening slide.")
    title: Text | None = Field(None, description="Defaults to deck: title.")
    subtitle: Text | None = Field(None, description="Defaults to deck: subtitle.")
    presenter: Text | None = Field(None, description="Defaults to deck: presenter.")
    affiliation: Text | None = Field(None, description="Defaults to deck: affiliation.")
    date: Text | None = Field(None, description="Defaults to deck: date.")
    language: Language = None
    layout: LayoutName = None
    notes: Notes = None
    source: SourceLine = None
    footnotes: Footnotes = None


class SectionSlide(_Strict):
    """A divider that opens a part of the talk."""

    kind: Literal["section"] = Field(description="Section divider.")
    title: Text = Field(description="The section's name.")
    subtitle: Text | None = Field(None, description="One line under the section name.")
    language: Language = None
    layout: LayoutName = None
    notes: Notes = None
    source: SourceLine = None
    footnotes: Footnotes = None


class BulletsSlide(_Strict):
    """A title and bullet points, nested up to nine levels (as PowerPoint allows)."""

    kind: Literal["bullets"] = Field(description="Title and bullet points.")
    title: Text = Field(description="The slide's title.")
    bullets: Bullets = Field(description="The points, in order.")
    overflow: Overflow | None = Field(
        None, description="'continue' or 'error' for this slide (default: deck: overflow)."
    )
    reveal: Reveal = None
    language: Language = None
    layout: LayoutName = None
    notes: Notes = None
    source: SourceLine = None
    footnotes: Footnotes = None


class StatementSlide(_Strict):
    """One sentence shown large."""

    kind: Literal["statement"] = Field(description="One statement shown large.")
    title: Text = Field(description="The slide's title.")
    statement: FilledText = Field(description="The sentence to show large.")
    language: Language = None
    layout: LayoutName = None
    notes: Notes = None
    source: SourceLine = None
    footnotes: Footnotes = None


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
    reveal: Reveal = None
    language: Language = None
    layout: LayoutName = None
    notes: Notes = None
    source: SourceLine = None
    footnotes: Footnotes = None


class ClosingSlide(_Strict):
    """The last slide: thanks, and how to get in touch."""

    kind: Literal["closing"] = Field(description="Closing slide.")
    title: Text = Field("Thank you", description="Defaults to 'Thank you'.")
    subtitle: Text | None = Field(None, description="One line under the title.")
    contacts: list[Text] = Field(
        default_factory=list, description="Lines with contact details and links."
    )
    language: Language = None
    layout: LayoutName = None
    notes: Notes = None
    source: SourceLine = None
    footnotes: Footnotes = None


class QuoteSlide(_Strict):
    """A quotation, shown large, and who said it."""

    kind: Literal["quote"] = Field(description="A quotation.")
    title: Text = Field(description="The slide's title.")
    quote: FilledText = Field(description="The words quoted (quotation marks are added).")
    attribution: Text | None = Field(None, description="Who said or wrote it.")
    language: Language = None
    layout: LayoutName = None
    notes: Notes = None
    source: SourceLine = None
    footnotes: Footnotes = None


class AgendaSlide(_Strict):
    """A numbered list of what the talk covers, made from the outline's section slides."""

    kind: Literal["agenda"] = Field(description="An agenda.")
    title: Text = Field("Agenda", description="Defaults to 'Agenda'.")
    items: list[Text] | None = Field(
        None,
        description="The items; by default the section titles (or, with no sections, the "
        "titles of the content slides).",
    )
    reveal: Reveal = None
    language: Language = None
    layout: LayoutName = None
    notes: Notes = None
    source: SourceLine = None
    footnotes: Footnotes = None


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
    TimelineSlide,
    ProcessSlide,
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
    "timeline": TimelineSlide,
    "process": ProcessSlide,
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
    ("events", "timeline"),
    ("steps", "process"),
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
