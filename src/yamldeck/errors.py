"""Error types and the located-problem record shared by every stage of a build."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

Severity = Literal["error", "warning"]

# One exit-code policy, used by the CLI (documented in the README).
EXIT_OK = 0
EXIT_OUTLINE = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_BUG = 70
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the user's input, located where possible (1-based line and column)."""

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    severity: Severity = "error"
    path: str | None = None  # where in the outline, e.g. "slides[2].bullets[0]" (for machines)

    def format(self) -> str:
        """Render as ``FILE:LINE:COL: severity: message`` (location parts omitted when unknown).

        Always one line: editors and CI read problems line by line, and a title quoted in a
        message may hold a line break.
        """
        where = [str(p) for p in (self.file, self.line, self.column) if p is not None]
        prefix = ":".join(where) + ": " if where else ""
        message = " ".join(part.strip() for part in self.message.splitlines() if part.strip())
        return f"{prefix}{self.severity}: {message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
        }


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in reading order: by file, then line and column; unlocated ones first."""
    return sorted(problems, key=lambda p: (p.file or "", p.line or 0, p.column or 0))


@dataclass
class Warnings:
    """Located warnings collected while reading an outline; ``--strict`` makes them errors."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(replace(problem, severity="warning"))

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def merged(self, problems: Iterable[Problem] = (), *, strict: bool = False) -> list[Problem]:
        """These warnings (as errors when ``strict``) with ``problems``, in reading order."""
        severity: Severity = "error" if strict else "warning"
        return sort_problems([*problems, *(replace(w, severity=severity) for w in self.items)])


class YamldeckError(Exception):
    """Base of every error yamldeck reports to the user; carries one or more problems."""

    exit_code = EXIT_OUTLINE

    def __init__(self, problems: Problem | list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


class OutlineError(YamldeckError):
    """The outline (or an asset it names) cannot be turned into a deck."""

    exit_code = EXIT_OUTLINE


class OutputError(YamldeckError):
    """The deck could not be written where the user asked."""

    exit_code = EXIT_OUTPUT
