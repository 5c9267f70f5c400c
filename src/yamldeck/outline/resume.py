"""After a syntax error, the slides below it read one by one, so one run reports their errors too.

PyYAML stops at the first error. Each slide of the 'slides:' list starts with '- key:' in the
column of the other slides' '- ', so the lines after the error split there into slides that
YAML can read on their own: a slide's syntax errors are the same alone as in the file. Lines
that may not split cleanly (a tab in the indentation, a line left of the slides) end the
search rather than risk a message about a mistake that is not there.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import yaml

from ..errors import Problem
from .composer import MAX_DEPTH, ComposeLoader, Refused
from .fastload import compose_fast
from .messages import explain
from .quoting import indent
from .source import SourceMap

MAX_REPORTED = 20  # syntax problems listed in one run; the rest are counted

_SLIDES = re.compile(r"slides:\s*(?:#.*)?")
_SLIDE_START = re.compile(r"-\s+[A-Za-z_][\w-]*:(?:\s|$)")


def later_problems(source: SourceMap, after: int) -> list[Problem]:
    """One syntax problem for each slide that starts after line ``after`` (0-based) and has one;
    past MAX_REPORTED with the first, a last problem says how many more slides have one."""
    room = MAX_REPORTED - 1  # the error that stopped the parser is one of them
    found: list[Problem] = []
    more = 0
    for start, end in slide_chunks(source.lines):
        if start <= after:
            continue
        # Past the room, only counted: explaining walks the lines above, so explaining every
        # slide of a long outline would take time that grows with the square of its length.
        problem = _chunk_problem(source, start, end, explained=len(found) <= room)
        if problem is not None and len(found) <= room:
            found.append(problem)
        elif problem is not None:
            more += 1
    if len(found) <= room:
        return found
    more += 1  # the one whose place the summary takes
    return [
        *found[:room],
        replace(
            found[room],
            message=f"{more} more slide{'s' if more > 1 else ''} from here on "
            f"{'have' if more > 1 else 'has'} a syntax error too (not listed); fix the ones "
            "above, then run again to see them",
        ),
    ]


def slide_chunks(lines: list[str]) -> list[tuple[int, int]]:
    """Each slide of the 'slides:' list as (first line, line after its last), 0-based."""
    top = next((i for i, line in enumerate(lines) if _SLIDES.fullmatch(line.rstrip())), None)
    if top is None:
        return []
    starts: list[int] = []
    column, end = None, len(lines)
    for number in range(top + 1, len(lines)):
        line = lines[number]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line[: len(line) - len(line.lstrip())].strip(" "):  # spaces only before the text
            if column is None:
                column = indent(line) if _SLIDE_START.match(stripped) else -1
            if column < 0 or indent(line) < column or column == 0 and stripped[0] != "-":
                end = number  # a line left of the slides: another key, or a slide misplaced
                break
            if indent(line) == column and _SLIDE_START.match(stripped):
                starts.append(number)
        elif column is None or column == 0:
            end = number  # a tab before the first slide, or where the top keys are: no split
            break
    return list(zip(starts, [*starts[1:], end][: len(starts)], strict=True))


def _chunk_problem(
    source: SourceMap, start: int, end: int, *, explained: bool = True
) -> Problem | None:
    """The first syntax problem of the slide on lines ``start`` to ``end``, read on its own
    (without its message unless ``explained``)."""
    text = "\n".join(source.lines[start:end])
    if compose_fast(text, MAX_DEPTH - 1) is not None:  # clean: LibYAML reads it 10x faster
        return None
    loader = ComposeLoader(text)
    loader.depth = 1  # the list starts as deep as in the file: under the outline's keys
    try:
        loader.get_single_node()
    except Refused as exc:
        exc.mark.line += start
        return _at(source, exc.mark, exc.message)
    except yaml.MarkedYAMLError as exc:
        marks = {id(m): m for m in (exc.problem_mark, exc.context_mark) if m is not None}
        for mark in marks.values():
            mark.line += start
        if not explained:
            return _at(source, exc.problem_mark or exc.context_mark, "")
        return _at(source, *explain(exc, source.lines))
    finally:
        loader.dispose()
    return None


def _at(source: SourceMap, mark: Any, message: str) -> Problem:
    return Problem(message, file=source.file, line=mark.line + 1, column=mark.column + 1)
