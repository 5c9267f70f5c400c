"""yamldeck: turn a YAML outline of a talk into a polished, editable PowerPoint deck."""

from .build import BuildResult, build_deck, load_outline
from .errors import OutlineError, OutputError, Problem, YamldeckError

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
