"""Error types and the located-problem record shared by every stage of a build."""

from __future__ import annotations

from dataclasses import dataclass
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

    def format(self) -> str:
        """Render as ``FILE:LINE:COL: severity: message`` (location parts omitted when unknown)."""
        where = [str(p) for p in (self.file, self.line, self.column) if p is not None]
        prefix = ":".join(where) + ": " if where else ""
        return f"{prefix}{self.severity}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message,
        }


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
