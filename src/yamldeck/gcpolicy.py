"""The garbage collector around what yamldeck makes in bulk and keeps: imports, the outline.

Python's collector runs again and again while objects pile up, and every run looks at all the
objects that have survived so far. Imports make a few hundred thousand objects that live until
the process ends; loading a 5000-slide outline makes millions (nodes, marks, models) that live
until the deck is written. Neither makes reference cycles that need finding, so yamldeck pauses
the collector while it makes them (0.6 s of a 5000-slide load was the collector's), and the
`yamldeck` program, which runs one command and exits, also freezes them afterwards (later runs
skip frozen objects). Rendering runs with the collector on: python-pptx's objects do form cycles,
and without it a big deck's memory would grow by half.

A library caller (tests, `yamldeck watch`, a program importing yamldeck) keeps its collector as
it was: only pausing, never freezing, so nothing of a previous build is kept alive.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_one_shot = False


def start_one_shot() -> None:
    """This process runs one command and exits: collector off until imports_done()."""
    global _one_shot
    _one_shot = True
    gc.disable()


def long_running() -> None:
    """This process stays (`yamldeck watch`): freeze nothing from now on, collector on."""
    global _one_shot
    _one_shot = False
    gc.enable()


def imports_done() -> None:
    """The command's imports are done: in a one-shot process, freeze them and collect again."""
    if _one_shot:
        gc.freeze()
        gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the collector off (for objects that form no cycles)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def lasting() -> Iterator[None]:
    """paused(), for objects that live until the process ends: frozen after, in a one-shot run."""
    with paused():
        yield
        if _one_shot:
            gc.freeze()
