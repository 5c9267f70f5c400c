"""Entry point for ``python -m yamldeck``."""

from .cli import entry

raise SystemExit(entry())
