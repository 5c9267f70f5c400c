"""The lints `check`, `build` and `watch` all run, and every problem they report in order.

One list (CHECKS) and one function (findings), so that the three print the same warnings, named
and located the same way, and `--strict` refuses the same outlines. `check` itself is `build`
short of writing the deck: commands.build.check_outline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem, sort_problems

if TYPE_CHECKING:
    from ..outline.loader import SourceMap
    from ..outline.model import Outline


@dataclass(frozen=True)
class CheckResult:
    """What `check` found: the CLI prints it as text or JSON and picks the exit code."""

    problems: list[Problem]  # every problem, in reading order
    slides: int  # 0 when the outline did not load


@dataclass(frozen=True)
class Rendering:
    """What the lints read besides the outline: how its render went."""

    fits: tuple[Problem, ...] = ()  # lints.fits's warnings (none when the render failed)
    template: Path | None = None  # --template, which replaces deck: template:


# Each returns more located problems (warnings, or errors) about an outline that loaded cleanly.
Lint = Callable[["Outline", "SourceMap", Rendering], Iterable[Problem]]


def _deck_lints(outline: Outline, source: SourceMap, rendering: Rendering) -> Iterable[Problem]:
    """lints.checks's lints (titles, alt text, contrast, language, links, density) and the fit
    warnings the render measured."""
    from ..lints.checks import outline_lints

    return [*outline_lints(outline, source), *rendering.fits]


def _template_lints(outline: Outline, source: SourceMap, rendering: Rendering
                    ) -> Iterable[Problem]:
    """deck: theme: settings that a template (deck: template: or --template) makes useless."""
    from ..files.deckfiles import theme_warnings

    found = theme_warnings(outline, source, rendering.template)
    return [replace(w, severity="warning") for w in found]


CHECKS: list[Lint] = [_deck_lints, _template_lints]


def findings(
    outline: Outline, source: SourceMap, rendering: Rendering, *, loaded: Iterable[Problem] = (),
    errors: Iterable[Problem] = (), strict: bool = False,
) -> list[Problem]:
    """Every problem with the outline in reading order: the warnings found while ``loaded``, each
    lint's, then the render's ``errors``; with ``strict`` every one is an error."""
    found = [*loaded, *(p for lint in CHECKS for p in lint(outline, source, rendering)), *errors]
    if strict:
        found = [replace(problem, severity="error") for problem in found]
    return sort_problems(found)
