"""The built-in 16:9 theme: its colours, fonts and sizes, and the XML of its master and layouts."""

from .layouts import LAYOUT_NAMES
from .spec import ThemeSpec, theme_for

__all__ = ["LAYOUT_NAMES", "ThemeSpec", "theme_for"]
