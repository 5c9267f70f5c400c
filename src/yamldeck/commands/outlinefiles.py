"""Outline file names as people type them: near misses of a missing outline, files as commands.

What is there when the outline named is not, and what to say when a file name is typed where a
command belongs. Windows hides known endings by default, so a file Notepad saved as
slides.yaml.txt looks like slides.yaml there; other outlines end in .yml, or differ in letter
case (which Windows ignores and Linux does not).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from ..errors import Problem
from .report import typed

# An outline's name: what comes before its ending (.yaml or .yml, in any case), and a hidden .txt.
_OUTLINE = re.compile(r"(?P<core>.+?)\.ya?ml(?P<txt>\.txt)?", re.IGNORECASE)
_SHOWN = 3  # at most this many other outlines are named


def _core(name: str) -> str:
    """'Slides.YAML.txt' -> 'slides': the name without its outline endings, in lower case."""
    match = _OUTLINE.fullmatch(name)
    return (match.group("core") if match else name).casefold()


def _outlines_beside(path: Path) -> list[str]:
    """The names of the outline files in ``path``'s folder, sorted."""
    try:
        return sorted(p.name for p in path.parent.iterdir()
                      if _OUTLINE.fullmatch(p.name) and p.is_file())
    except OSError:
        return []


def near_misses(path: Path, names: list[str]) -> list[str]:
    """Which of ``names`` (files beside ``path``) may be the outline meant: the same name with
    other endings or letter case, else a name a typo away."""
    wanted = _core(path.name)
    same = [name for name in names if _core(name) == wanted and name != path.name]
    if same:
        return same
    close = difflib.get_close_matches(wanted, [_core(name) for name in names], n=_SHOWN,
                                      cutoff=0.8)
    return [name for name in names if _core(name) in close]


def missing_outline(path: Path) -> Problem:
    """Why ``path`` cannot be read, and what to type instead: the file meant, or `yamldeck new`."""
    name = str(path)
    folder = path.parent
    if not folder.is_dir():
        return Problem(f"outline not found: '{name}': there is no folder '{folder}'")
    names = _outlines_beside(path)
    meant = near_misses(path, names)
    if meant:
        shown = [str(path.with_name(n)) for n in meant]
        hint = f"did you mean {' or '.join(repr(s) for s in shown)}?"
        hidden = [n for n in meant if n.lower().endswith(".txt")]
        if len(meant) == 1 and hidden:
            hint += (f" (its name ends in '.txt', which Windows hides: rename it to "
                     f"'{hidden[0][:-4]}')")
        return Problem(f"outline not found: '{name}'; {hint}")
    starter = path if _OUTLINE.fullmatch(path.name) else path.with_name(path.name + ".yaml")
    others = ""
    if names:
        where = "this folder" if str(folder) == "." else f"the folder '{folder}'"
        listed = ", ".join(f"'{n}'" for n in names[:_SHOWN]) + (", ..." if names[_SHOWN:] else "")
        others = f" ({where} has {listed})"
    return Problem(f"outline not found: '{name}'{others}; to start a new outline, type: "
                   f"yamldeck new {typed(starter)}")


def file_not_command(word: str) -> str | None:
    """The message when ``word``, typed where a command belongs, names a file or folder (else
    None: an unknown command, which click answers)."""
    path = Path(word)
    if path.is_dir():
        return (f"'{word}' is a folder, not a command; to build the outline in it: "
                f"yamldeck build {typed(path / 'slides.yaml')}")
    if _OUTLINE.fullmatch(path.name):
        return f"'{word}' is a file, not a command; to build it: yamldeck build {typed(word)}"
    if path.is_file():
        return f"'{word}' is a file, not a command; yamldeck --help lists the commands"
    return None
