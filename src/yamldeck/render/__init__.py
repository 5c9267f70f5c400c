"""Rendering: turns a validated outline into .pptx bytes. The only package that imports pptx."""

from .deck import render_outline

__all__ = ["render_outline"]
