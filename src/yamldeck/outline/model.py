"""The outline model: one typed, documented definition per deck setting and slide kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

from .inline import parse_inline, url_problem

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def _check_text(value: str) -> str:
    bad = _FORBIDDEN.search(value)
    if bad:
        raise ValueError(
            f"contains the invisible control character U+{ord(bad.group()):04X} "
            "(perhaps from an escape such as \\x07); remove it"
        )
    for span in parse_inline(value):
        if span.url is not None:
            problem = url_problem(span.url)
            if problem:
                raise ValueError(problem)
    return value.strip()


Text = Annotated[str, AfterValidator(_check_text)]
HexColor = Annotated[
    str,
    Field(pattern=r"^#?[0-9A-Fa-f]{6}$", description="A colour as six hex digits, e.g. 1B2A41"),
    AfterValidator(lambda v: v.lstrip("#").upper()),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Colors(_Strict):
    """Theme colours; any left out keep the built-in theme's."""

    primary: HexColor | None = Field(None, description="Titles and dark backgrounds (default 1B2A41).")
    accent: HexColor | None = Field(None, description="Bullets, rules and big numbers (default 0F6CBD).")
    text: HexColor | None = Field(None, description="Body text on light slides (default 262626).")
    background: HexColor | None = Field(None, description="Light slide background (default FFFFFF).")
    muted: HexColor | None = Field(None, description="Footer, captions and subtitles (default 5B6770).")


class Fonts(_Strict):
    """Theme fonts; use fonts your audience's computers have (Calibri and Arial are safe)."""

    heading: Text | None = Field(None, description="Font for titles (default Calibri).")
    body: Text | None = Field(None, description="Font for all other text (default Calibri).")


class Theme(_Strict):
    """Overrides of the built-in theme."""

    colors: Colors = Field(default_factory=Colors, description="Colour overrides.")
    fonts: Fonts = Field(default_factory=Fonts, description="Font overrides.")


class Deck(_Strict):
    """Settings for the whole deck."""

    title: Text = Field(description="The deck's title; also the default title of the title slide.")
    subtitle: Text | None = Field(None, description="Subtitle for the title slide and file properties.")
    presenter: Text | None = Field(None, description="Who gives the talk; the file's author.")
    affiliation: Text | None = Field(None, description="The presenter's role or organisation.")
    date: Text | None = Field(None, description="Date shown on the title slide, exactly as typed.")
    footer: Text | None = Field(None, description="Text at the bottom of content slides.")
    language: str = Field(
        "en-GB",
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        description="Language of the text, e.g. en-NZ (spell-checking and screen readers).",
    )
    slide_numbers: bool = Field(True, description="Show slide numbers on content slides.")
    theme: Theme = Field(default_factory=Theme, description="Colour and font overrides.")


@dataclass(frozen=True)
class Bullet:
    """One bullet point and the points nested under it."""

    text: str
    children: tuple[Bullet, ...] = ()


_BULLET_SCHEMA: dict[str, Any] = {
    "type": "array",
    "minItems": 1,
    "description": "Bullet points. For sub-points, end the parent with ':' and indent a list under it.",
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


class TitleSlide(_Strict):
    """The opening slide: title, subtitle and who is presenting (defaults from deck:)."""

    kind: Literal["title"] = Field(description="Opening slide.")
    title: Text | None = Field(None, description="Defaults to deck: title.")
    subtitle: Text | None = Field(None, description="Defaults to deck: subtitle.")
    presenter: Text | None = Field(None, description="Defaults to deck: presenter.")
    affiliation: Text | None = Field(None, description="Defaults to deck: affiliation.")
    date: Text | None = Field(None, description="Defaults to deck: date.")
    notes: Notes = None


class SectionSlide(_Strict):
    """A divider that opens a part of the talk."""

    kind: Literal["section"] = Field(description="Section divider.")
    title: Text = Field(description="The section's name.")
    subtitle: Text | None = Field(None, description="One line under the section name.")
    notes: Notes = None


class BulletsSlide(_Strict):
    """A title and bullet points, nested up to three levels or more."""

    kind: Literal["bullets"] = Field(description="Title and bullet points.")
    title: Text = Field(description="The slide's title.")
    bullets: Bullets = Field(description="The points, in order.")
    notes: Notes = None


class StatementSlide(_Strict):
    """One sentence shown large."""

    kind: Literal["statement"] = Field(description="One statement shown large.")
    title: Text = Field(description="The slide's title.")
    statement: Text = Field(description="The sentence to show large.")
    notes: Notes = None


class NumberSlide(_Strict):
    """A big number with its caption, and optional small details beside it."""

    kind: Literal["number"] = Field(description="A big number with a caption.")
    title: Text = Field(description="The slide's title.")
    number: Text = Field(description='The number, as it should appear, e.g. "35" or "1987".')
    caption: Text | None = Field(None, description="What the number counts.")
    details: Text | list[Text] | None = Field(
        None, description="A text, or a list of short items shown in columns beside the number."
    )
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
    notes: Notes = None


class ClosingSlide(_Strict):
    """The last slide: thanks, and how to get in touch."""

    kind: Literal["closing"] = Field(description="Closing slide.")
    title: Text = Field("Thank you", description="Defaults to 'Thank you'.")
    subtitle: Text | None = Field(None, description="One line under the title.")
    contacts: list[Text] = Field(
        default_factory=list, description="Lines with contact details and links."
    )
    notes: Notes = None


Slide = Union[
    TitleSlide, SectionSlide, BulletsSlide, StatementSlide, NumberSlide, ColumnsSlide, ClosingSlide
]
SLIDE_MODELS: dict[str, type[BaseModel]] = {
    "title": TitleSlide,
    "section": SectionSlide,
    "bullets": BulletsSlide,
    "statement": StatementSlide,
    "number": NumberSlide,
    "columns": ColumnsSlide,
    "closing": ClosingSlide,
}
# The key whose presence makes a slide's kind obvious, in order of precedence.
KIND_BY_KEY: tuple[tuple[str, str], ...] = (
    ("contacts", "closing"),
    ("columns", "columns"),
    ("number", "number"),
    ("statement", "statement"),
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
