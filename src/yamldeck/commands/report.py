"""The words the commands print besides problems: counts, commands to type, watch's lines.

Light on purpose: the CLI imports it before any command runs (`yamldeck --help` stays fast).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

# Characters that make a shell (bash, PowerShell or Command Prompt) split or read a word.
_SPECIAL = re.compile(r"[\s\"'`$&|;<>()*?#%!^,{}\[\]]")


def count(number: int, noun: str) -> str:
    """``number`` and ``noun``, plural unless it is 1: '1 slide', '3 slides', '0 warnings'."""
    return f"{number} {noun}{'s' if number != 1 else ''}"


def typed(path: str | Path) -> str:
    """A file name as it is typed in a command: in double quotes when it holds spaces or the
    like (every shell a user may have reads "my talk.yaml" as one name)."""
    text = str(path)
    return f'"{text}"' if _SPECIAL.search(text) else text


def watch_lines(event: Any, verbose: bool) -> list[tuple[str, bool]]:
    """What watch prints for ``event`` (commands.watch.WatchEvent), one (text, on stderr) pair per
    line: a build as `build` prints it, problems as `build` prints them."""
    if event.kind in ("built", "unchanged") and event.result is not None:
        done = "wrote" if event.kind == "built" else "unchanged:"
        slides = count(event.result.slides, "slide")
        return [*((p.format(), True) for p in event.result.warnings),
                (f"{done} {event.result.output} ({slides}) in {event.seconds:.2f} s", False)]
    if event.kind in ("failed", "preview-failed"):
        errors = count(sum(p.severity == "error" for p in event.problems), "problem")
        what = "the deck was not changed" if event.kind == "failed" else "no pictures were made"
        return [*((p.format(), True) for p in event.problems),
                (f"{errors}; {what}; waiting for the next save", True)]
    if event.kind == "bug":
        bug = ("yamldeck: internal error - this is a bug in yamldeck, not in your outline; "
               "please report it (watch -v shows the traceback); waiting for the next save")
        return [(bug, True), *((line, True) for line in event.detail.splitlines() if verbose)]
    if event.kind == "preview":
        return [(f"pictures in {event.detail} in {event.seconds:.1f} s", False)]
    if event.kind == "no-preview":
        return [("--preview: this installation of yamldeck cannot render slide pictures; "
                 "building the deck only", True)]
    return []
