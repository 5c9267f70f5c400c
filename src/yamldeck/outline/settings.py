"""Settings for the whole deck: title, presenter, language, theme, logo and template."""

from __future__ import annotations

import difflib
import re
from typing import Annotated

from pydantic import (
    AfterValidator,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from .fields import HexColor, Overflow, Text, _Strict


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
    match = _LENGTH.match(value.strip().lower())
    if not match:
        raise ValueError(f"must be a length such as 3cm, 25mm or 1.2in, not '{value}'")
    if not float(match.group(1)):
        raise ValueError(f"must be more than nothing, such as 3cm, not '{value}'")
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
    timeline: Text | None = Field(None, description="Layout for timeline slides.")
    process: Text | None = Field(None, description="Layout for process slides.")
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
    reveal: bool = Field(
        False,
        description="true: the points of bullets, columns and agenda slides appear one click at "
        "a time when presenting (a slide's 'reveal: false' keeps its points together).",
    )

    @field_validator("footer_date")
    @classmethod
    def _footer_date(cls, value: bool, info: ValidationInfo) -> bool:
        if value and not info.data.get("date"):
            raise ValueError("needs the date to show: add 'date:' to deck:")
        return value


