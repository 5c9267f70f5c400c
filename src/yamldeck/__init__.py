"""yamldeck: turn a YAML outline of a talk into a polished, editable PowerPoint deck."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import OutlineError, OutputError, Problem, YamldeckError

if TYPE_CHECKING:
    from .commands.build import BuildResult, build_deck, load_outline

__version__ = "0.1.0"
__all__ = [
    "BuildResult",
    "OutlineError",
    "OutputError",
    "Problem",
    "YamldeckError",
    "__version__",
    "build_deck",
    "load_outline",
]

_LAZY = {"BuildResult", "build_deck", "load_outline"}


def __getattr__(name: str) -> Any:
    """The build pipeline is imported on first use: `yamldeck --help` need not load pydantic."""
    if name in _LAZY:
        from .commands import build

        return getattr(build, name)
    raise AttributeError(f"module 'yamldeck' has no attribute {name!r}")
