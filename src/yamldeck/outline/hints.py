"""Lines that break the outline's shape: a bullet without its '- ', a slide left of the others."""

from __future__ import annotations

import re

from .quoting import KEY, indent, quote, spaces

# A line that opens a list or keys under it: 'bullets:', '- Parent bullet:', '- columns:'.
_OPENER = re.compile(r"(?:-\s+)?(.+?):\s*(?:#.*)?")
# The first line of a slide: '- ' and its first key, such as '- title: Aims' or '- kind:'.
_SLIDE_START = re.compile(r"-\s+[A-Za-z_][\w-]*:(?:\s|$)")
# An item holding keys, such as '- title: Aims' (a parent bullet, '- Background:', has no value).
_ITEM_WITH_KEYS = re.compile(r"-\s+[A-Za-z_][\w-]*:\s+[^#\s]")
_TOP_KEYS = ("deck", "slides")


def missing_dash(lines: list[str], index: int) -> str | None:
    """The message when the line at ``index`` sits among a list's '- ' lines without its own."""
    text = lines[index] if index < len(lines) else ""
    body = text.strip()
    if not body or body.startswith(("-", "#")):
        return None
    column = indent(text)
    siblings = 0
    for number in range(index - 1, -1, -1):
        line = lines[number]
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or indent(line) > column:
            continue  # sub-bullets and comments between the items of the list
        if indent(line) == column and (stripped == "-" or stripped.startswith("- ")):
            if _ITEM_WITH_KEYS.match(stripped):
                return None  # a list of slides or columns: the line may be a key gone astray
            siblings += 1
            continue
        opener = _OPENER.fullmatch(stripped)
        key, sep, value = body.partition(": ")
        if not siblings or opener is None or sep and KEY.fullmatch(key):
            return None  # not in a list, or a key that belongs beside the list ('notes: x')
        if indent(line) == column and KEY.fullmatch(body):
            return None  # a list lined up with its key: 'notes' may be a key missing its ':'
        fixed = "- " + (quote(body) if sep else body)
        what = "a bullet" if opener.group(1) == "bullets" or stripped.startswith("-") else (
            f"an item of the '{opener.group(1)}:' list"
        )
        return (
            f"this line looks like {what} missing its '- '; write {fixed} (or, if it goes on "
            "from the line above, indent it further than the '-' above)"
        )
    return None


def misplaced_slide(lines: list[str], index: int) -> str | None:
    """The message when the line at ``index`` starts a slide left of the other slides' '- '."""
    text = lines[index] if index < len(lines) else ""
    column = slide_column(lines, index)
    body = text.strip()
    if column is None or indent(text) >= column:
        return None
    if _SLIDE_START.match(body):
        return (
            f"this slide starts in column {indent(text) + 1}, left of the other slides (their "
            f"'- ' is in column {column + 1}); add {spaces(column - indent(text))} before this "
            "line and before each line of this slide, to line up with the other slides"
        )
    key = body.split(":", 1)[0]
    if KEY.fullmatch(key) and key not in _TOP_KEYS and body[len(key) :].startswith(":"):
        return (
            f"'{key}:' is in column {indent(text) + 1}, left of the slides (their '- ' is in "
            f"column {column + 1}); if it starts a new slide, write it as - {body} with the '- ' "
            f"in column {column + 1}, and line up the slide's other lines with '{key}:'"
        )
    return None


def slide_column(lines: list[str], index: int) -> int | None:
    """The column (0-based) of the slides' '- ' when the line at ``index`` follows 'slides:'."""
    for number in range(index - 1, -1, -1):
        line = lines[number]
        if not line or line[0] in " #-":
            continue
        if re.fullmatch(r"slides:\s*(?:#.*)?", line.rstrip()) is None:
            return None  # another key at the top after 'slides:': not in the slides
        for after in range(number + 1, index):
            stripped = lines[after].strip()
            if stripped and not stripped.startswith("#"):
                return indent(lines[after]) if _SLIDE_START.match(stripped) else None
        return None
    return None
