"""An outline's slides as blocks of its text, to delete, move and add whole slides: each block
is a slide's lines with the comment lines right above its ``- kind:`` line, so a slide's
comments go where it goes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Blocks:
    """The text before the slides, each slide's block (no trailing blank lines), the blank
    lines between slides, and the text after the last slide."""

    head: list[str]
    slides: list[list[str]]
    gap: list[str]
    tail: list[str]
    indent: int  # the column of each slide's "- "

    def text(self, order: list[list[str]]) -> str:
        lines = list(self.head)
        for index, block in enumerate(order):
            lines += block + (self.gap if index < len(order) - 1 else [])
        return "".join(lines + self.tail)


def split(text: str, starts: list[int], indent: int) -> Blocks:
    """Cut ``text`` at the slides, given the line (0-based) of each slide's "- " and its column."""
    lines = text.splitlines(keepends=True)
    firsts = [_with_comments(lines, start) for start in starts]
    end = _end(lines, starts[-1] + 1, indent)
    bounds = [*firsts, end]
    slides = []
    gap: list[str] | None = None
    for first, following in zip(bounds, bounds[1:], strict=False):
        block = lines[first:following]
        trailing = len(block) - len(_rstrip(block))
        if gap is None and following != end:
            gap = block[len(block) - trailing:]
        slides.append(block[:len(block) - trailing])
    last = lines[firsts[-1]:end]
    tail_blank = last[len(_rstrip(last)):]
    return Blocks(lines[:firsts[0]], slides, gap if gap is not None else ["\n"],
                  tail_blank + lines[end:], indent)


def _with_comments(lines: list[str], start: int) -> int:
    first = start
    while first > 0 and lines[first - 1].lstrip().startswith("#"):
        first -= 1
    return first


def _end(lines: list[str], after: int, indent: int) -> int:
    """The line after the last slide: the next line as far left as the list's "- " that is
    not part of a slide (another key), else the end of the file."""
    for index in range(after, len(lines)):
        line = lines[index]
        stripped = line.lstrip()
        if not stripped or stripped.startswith("#"):
            continue
        column = len(line) - len(stripped)
        if column < indent or (column == indent and not stripped.startswith("-")):
            return _with_comments(lines, index)
    return len(lines)


def _rstrip(block: list[str]) -> list[str]:
    end = len(block)
    while end > 0 and not block[end - 1].strip():
        end -= 1
    return block[:end]


def reindented(lines: list[str], indent: int) -> list[str]:
    """A slide written at column 2 (importer.writer) moved to the outline's column."""
    shift = indent - 2
    if shift == 0:
        return lines
    if shift > 0:
        return [" " * shift + line if line.strip() else line for line in lines]
    return [line[-shift:] if line[:-shift].strip() == "" else line for line in lines]
