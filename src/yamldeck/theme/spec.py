"""Theme values (colours, fonts, type sizes, geometry) and how deck: overrides change them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..outline.languages import is_rtl
from ..outline.model import Deck

EMU_PER_INCH = 914400
EMU_PER_PT = 12700


def inches(value: float) -> int:
    return round(value * EMU_PER_INCH)


@dataclass(frozen=True)
class ThemeSpec:
    """Everything the template and the renderer need to agree on."""

    primary: str = "1B2A41"  # titles, dark slide backgrounds
    accent: str = "0F6CBD"  # bullets, rules, big numbers
    text: str = "262626"  # body text
    background: str = "FFFFFF"  # light slide background
    muted: str = "5B6770"  # footer, captions, subtitles on light slides
    on_dark: str = "FFFFFF"  # text on dark slides
    on_dark_muted: str = "C9D3DF"  # secondary text on dark slides
    highlight: str = "6CB4EE"  # rules and links on dark slides
    hairline: str = "D5DBE1"  # footer separator
    heading_font: str = "Calibri"
    body_font: str = "Calibri"
    language: str = "en-GB"
    # East Asian and complex scripts the deck's text uses (outline.writing.deck_scripts): the
    # font scheme names their fonts; none, and it names none, as before.
    scripts: tuple[str, ...] = ()
    rtl: bool = False  # the deck's language runs right to left: the layouts are mirrored
    # Type sizes in points, per body level (1-based) and for each text role.
    title_pt: int = 32
    body_pt: tuple[int, int, int] = (24, 20, 18)
    floor_pt: int = 14


def theme_for(deck: Deck, scripts: tuple[str, ...] = ()) -> ThemeSpec:
    """The built-in theme with the outline's colour and font overrides applied, naming fonts
    for ``scripts`` and mirrored for a right-to-left deck."""
    colors = deck.theme.colors
    fonts = deck.theme.fonts
    changes = {
        name: value
        for name, value in {
            "primary": colors.primary,
            "accent": colors.accent,
            "text": colors.text,
            "background": colors.background,
            "muted": colors.muted,
            "heading_font": fonts.heading,
            "body_font": fonts.body,
        }.items()
        if value is not None
    }
    return replace(ThemeSpec(), language=deck.language, scripts=scripts,
                   rtl=is_rtl(deck.language), **changes)
