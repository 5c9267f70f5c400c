"""The warm-up before a command: the renderer's imports, then the collector's turn (gcpolicy)."""

from __future__ import annotations

from .. import gcpolicy as collector


def load_renderer() -> None:
    """Import what building and checking use; then the collector runs again (see gcpolicy.py).

    In the `yamldeck` program these imports run with the garbage collector off and are frozen
    after: scanning their objects again and again while the modules load was a tenth of a small
    build's time.
    """
    from ..render import slides as deck  # noqa: F401

    collector.imports_done()
