"""Entry point for ``python -m yamldeck``."""

from .cli import main

raise SystemExit(main())
