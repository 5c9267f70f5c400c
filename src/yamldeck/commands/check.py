"""What `check` does: load the outline, run the lints on it, and collect its problems in order."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import OutlineError, Problem, Warnings, sort_problems
from .warmup import load_renderer

if TYPE_CHECKING:
    from ..outline.loader import SourceMap
    from ..outline.model import Outline

# What `check` runs on an outline that loaded cleanly, each returning more located problems
# (warnings or errors); deck lints are added here.
CHECKS: list[Callable[[Outline, SourceMap], Iterable[Problem]]] = []


@dataclass(frozen=True)
class CheckResult:
    """What `check` found: the CLI prints it as text or JSON and picks the exit code."""

    problems: list[Problem]  # every problem, in reading order
    slides: int  # 0 when the outline did not load


def _deck_lints(outline: Outline, source: SourceMap) -> Iterable[Problem]:
    """yamldeck.lints.checks's lints: fit, titles, alt text, contrast, language, links, density."""
    from ..lints.checks import lint

    return lint(outline, source)


CHECKS.append(_deck_lints)


def _template_lints(outline: Outline, source: SourceMap) -> Iterable[Problem]:
    """deck: theme: settings that a deck: template: makes useless."""
    from ..files.deckfiles import theme_warnings

    return [replace(w, severity="warning") for w in theme_warnings(outline, source)]


CHECKS.append(_template_lints)


def check_outline(outline: Path, strict: bool) -> CheckResult:
    """Every problem `check` reports about ``outline``; with ``strict`` every one is an error."""
    # On use: the build module loads the outline model (pydantic), which no import here needs.
    from .build import load_outline

    load_renderer()

    warnings = Warnings()
    slides = 0
    try:
        loaded, source = load_outline(outline, warnings)  # strict applies to lints' warnings too
    except OutlineError as exc:
        found = list(exc.problems)
    else:
        slides = len(loaded.slides)
        found = [*warnings, *(problem for produce in CHECKS for problem in produce(loaded, source))]
    if strict:
        found = [replace(problem, severity="error") for problem in found]
    return CheckResult(sort_problems(found), slides)
