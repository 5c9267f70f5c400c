"""How a line of the outline is quoted and indented: the pieces every suggested fix is made of."""

from __future__ import annotations

import re

KEY = re.compile(r"[A-Za-z_][\w-]*")
CURLY = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"


def quote(text: str) -> str:
    """``text`` as a double-quoted YAML string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def single_quote(text: str) -> str:
    """``text`` as a single-quoted YAML string, where a backslash is just a backslash."""
    return "'" + text.replace("'", "''") + "'"


def quoted_fix(line_text: str) -> str:
    """The line with its text in double quotes (curly quotes around it made straight)."""
    stripped = line_text.strip()
    prefix = "- " if stripped.startswith("- ") else ""
    body = stripped[len(prefix) :]
    key, sep, value = body.partition(": ")
    if sep and KEY.fullmatch(key):
        prefix, body = f"{prefix}{key}: ", value
    body = body.strip()
    if len(body) >= 2 and body[0] in CURLY and body[-1] in CURLY:
        body = body[1:-1]
    return prefix + quote(body)


def indent(line: str) -> int:
    """How many spaces start ``line``."""
    return len(line) - len(line.lstrip(" "))


def previous_content_line(lines: list[str], index: int) -> tuple[int, str] | None:
    """The nearest line above ``index`` that is neither blank nor a comment, with its index."""
    for number in range(index - 1, -1, -1):
        stripped = lines[number].strip()
        if stripped and not stripped.startswith("#"):
            return number, lines[number]
    return None


def spaces(count: int) -> str:
    """'1 space', '3 spaces'."""
    return f"{count} space{'s' if count != 1 else ''}"
