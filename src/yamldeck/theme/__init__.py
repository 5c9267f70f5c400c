"""The built-in 16:9 theme: its colours, fonts and sizes, and the code that draws its template."""

from .spec import ThemeSpec, theme_for
from .template import LAYOUT_NAMES, build_template

__all__ = ["LAYOUT_NAMES", "ThemeSpec", "build_template", "theme_for"]
