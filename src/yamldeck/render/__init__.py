"""Rendering: turns a validated outline into .pptx bytes. The only package that imports pptx."""

from .slides import render_outline

__all__ = ["render_outline"]
