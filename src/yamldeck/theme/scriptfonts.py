"""The fonts the built-in theme names for each script, and its font scheme's per-script entries.

Each font is one PowerPoint has on Windows and on macOS (with Office's own fonts), so a deck looks
as designed where it is presented. LibreOffice on Linux has none of them: fontconfig gives it Noto
Sans CJK for the East Asian ones (Debian's fonts-noto-cjk), Liberation Sans (Arial's metrics) with
DejaVu Sans's Arabic letters for Arial, and Liberation Sans's Hebrew; yamldeck measures text with
those (layout.metrics). A theme that names fonts per script, as Office's own themes do, lists
them in its font scheme as <a:font script="Arab" typeface="Arial"/>; a user's template's entries
are used instead of these (render.scriptfonts).
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

# Script (ISO 15924, as DrawingML names it) -> typeface, for headings and body alike.
SCRIPT_FONTS = {
    "Hans": "Microsoft YaHei",
    "Hant": "Microsoft JhengHei",
    "Jpan": "Yu Gothic",
    "Hang": "Malgun Gothic",
    "Arab": "Arial",
    "Hebr": "Arial",
}
# Scripts whose letters these fonts cover; yamldeck has metrics for each (check warns about text
# in any other script: it cannot be measured, and may be drawn in a fallback font).
COVERED = frozenset({"Latn", "Cyrl", "Grek", "Hani", "Hira", "Kana", "Bopo", *SCRIPT_FONTS})


def entries(fonts: dict[str, str]) -> str:
    """The per-script <a:font> entries of a theme font (majorFont or minorFont)."""
    return "".join(
        f"<a:font script={quoteattr(script)} typeface={quoteattr(face)}/>"
        for script, face in fonts.items()
    )


def slot_fonts(scripts: tuple[str, ...]) -> tuple[str, str]:
    """(ea, cs) typefaces of the theme of a deck whose text uses ``scripts`` (in order of
    use): the first East Asian and the first complex script's fonts, or "" for none."""
    ea = next((SCRIPT_FONTS[s] for s in scripts if s in ("Hans", "Hant", "Jpan", "Hang")), "")
    cs = next((SCRIPT_FONTS[s] for s in scripts if s in ("Arab", "Hebr")), "")
    return ea, cs
