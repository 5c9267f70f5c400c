"""Contrast of the theme's text colours against the backgrounds they sit on (WCAG 2.1 AA, 1.4.3)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..errors import Problem
from ..outline.loader import SourceMap
from ..outline.model import Outline
from ..theme.spec import ThemeSpec, theme_for

TEXT_CONTRAST, LARGE_CONTRAST = 4.5, 3.0  # large: 18 pt and up, or 14 pt bold and up
# (foreground, background, what uses it, smallest size it is shown at, bold): the built-in theme.
_ROLES = (
    ("text", "background", "body text", 12, False),
    ("primary", "background", "titles, statements and column headings", 13, True),
    ("accent", "background", "big numbers and links on light slides", 12, False),
    ("muted", "background", "the footer and slide numbers", 12, False),
    ("on_dark", "primary", "titles and text on dark slides", 12, False),
    ("on_dark_muted", "primary", "subtitles on dark slides", 13, False),
    ("highlight", "primary", "links on dark slides", 13, False),
)

def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two 'RRGGBB' colours, from 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(color: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _mix(color: str, toward: str, share: float) -> str:
    parts = [int(color[i : i + 2], 16) for i in (0, 2, 4)]
    goal = [int(toward[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(a + (b - a) * share):02X}" for a, b in zip(parts, goal, strict=True))


def _roles(spec: ThemeSpec) -> Iterator[tuple[str, str, str, float, float]]:
    """(foreground key, background key, role, contrast, contrast needed) for each text role."""
    for fg, bg, role, size, bold in _ROLES:
        large = size >= 18 or (bold and size >= 14)
        need = LARGE_CONTRAST if large else TEXT_CONTRAST
        yield fg, bg, role, contrast_ratio(getattr(spec, fg), getattr(spec, bg)), need


def _better(spec: ThemeSpec, key: str) -> str | None:
    """The colour nearest to ``key``'s, darker or lighter, with which every role reads."""
    for step in range(1, 101):
        for toward in ("000000", "FFFFFF"):
            candidate = replace(spec, **{key: _mix(getattr(spec, key), toward, step / 100)})
            if all(
                ratio >= need for fg, bg, _, ratio, need in _roles(candidate) if key in (fg, bg)
            ):
                return getattr(candidate, key)
    return None


def contrast_lints(outline: Outline, source: SourceMap) -> Iterator[Problem]:
    """Theme colours against the backgrounds they sit on: 4.5:1, or 3:1 for large text."""
    spec: ThemeSpec = theme_for(outline.deck)
    chosen = outline.deck.theme.colors
    failures: dict[str | None, list[str]] = {}
    for fg, bg, role, ratio, need in _roles(spec):
        if ratio < need:
            mine = fg if getattr(chosen, fg, None) else bg if getattr(chosen, bg, None) else None
            failures.setdefault(mine, []).append(
                f"{getattr(spec, fg)} on {getattr(spec, bg)} ({role}) is {ratio:.1f}:1, "
                f"needs {need:g}:1"
            )
    for key, details in failures.items():
        where = ("deck", "theme", "colors", key) if key else ("deck", "theme")
        better = _better(spec, key) if key else None
        named = f"the colour {key}: {getattr(spec, key)}" if key else "the theme's colours"
        yield source.problem(
            where,
            f"deck: {named} is hard to read (WCAG 2.1 AA contrast): "
            + "; ".join(details)
            + (f"; try {key}: {better}" if better else ""),
            severity="warning",
        )
