"""`yamldeck new`: a short starter outline with every common kind of slide, which builds as it is.

Its text is the package file starter.yaml. Nothing is ever written over: the outline is created
only where no file is (in one step, so no other program's file of that name can be lost), and
the .gitignore beside it only when there is none.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import EXIT_USAGE, OutputError, Problem, YamldeckError
from .report import typed

OUTLINE_ENDINGS = (".yaml", ".yml")
_SLIDE = re.compile(rb"^  - kind: ", re.MULTILINE)  # each slide of starter.yaml (not comments)


class NameRefused(YamldeckError):
    """The name given to `yamldeck new` is not an outline's (a usage mistake)."""

    exit_code = EXIT_USAGE


@dataclass(frozen=True)
class Starter:
    """What `yamldeck new` wrote."""

    outline: Path
    slides: int
    ignore: Path | None  # the .gitignore written beside it; None when there was one already


def starter_text() -> bytes:
    """The starter outline, exactly as shipped."""
    return resources.files(__package__).joinpath("starter.yaml").read_bytes()


def ignore_text(outline: Path) -> bytes:
    """A .gitignore listing what yamldeck makes from ``outline``: git need not keep what
    `yamldeck build`, `export` and `preview` make again."""
    stem = outline.stem
    return (
        f"# What yamldeck makes from {outline.name}; `yamldeck build` makes it again.\n"
        f"{stem}.pptx\n{stem} (new*).pptx\n{stem}.pdf\n{stem}-preview/\n"
    ).encode()


def write_starter(path: Path) -> Starter:
    """Write the starter outline at ``path`` (a folder: slides.yaml in it) and a .gitignore
    beside it unless one exists; OutputError, with nothing written, if ``path`` exists."""
    if path.is_dir():
        path = path / "slides.yaml"
    if path.suffix.lower() not in OUTLINE_ENDINGS:
        better = path.with_name(path.name + ".yaml")
        raise NameRefused(Problem(f"an outline's name ends in .yaml, such as "
                                  f"'{better.name}': yamldeck new {typed(better)}"))
    text = starter_text()
    _create(path, text)
    ignore = path.parent / ".gitignore"
    if os.path.lexists(ignore):
        return Starter(path, len(_SLIDE.findall(text)), None)
    try:
        _create(ignore, ignore_text(path))
    except OutputError as exc:
        raise OutputError(Problem(f"{exc.problems[0].message}; '{path}' was written")) from None
    return Starter(path, len(_SLIDE.findall(text)), ignore)


def _create(path: Path, data: bytes) -> None:
    """Write a new file; never one that exists, never half of one."""
    try:
        handle = open(path, "xb")  # noqa: SIM115 - closed below, after removing a partial file
    except FileExistsError:
        raise OutputError(Problem(
            f"'{path}' already exists; yamldeck new never writes over a file: give another "
            f"name, e.g. yamldeck new {typed(_free_name(path))}")) from None
    except FileNotFoundError:
        raise OutputError(Problem(
            f"cannot write '{path}': the folder '{path.parent}' does not exist")) from None
    except OSError as exc:
        raise OutputError(Problem(f"cannot write '{path}': {exc.strerror or exc}")) from None
    try:
        with handle:
            handle.write(data)
    except BaseException as exc:  # disk full, Ctrl-C: no half-written outline is left behind
        path.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(Problem(f"cannot write '{path}': {exc.strerror or exc}")) from None
        raise


def _free_name(path: Path) -> Path:
    """slides.yaml -> slides-2.yaml, or the first of -3, -4... that is free."""
    for number in range(2, 100):
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not os.path.lexists(candidate):
            return candidate
    return path.with_name(f"talk{path.suffix}")
