"""PyYAML's parser errors retold as located messages a non-programmer can act on."""

from __future__ import annotations

import re
from typing import Any

import yaml

from .escapes import unknown_escape
from .hints import misplaced_slide, missing_dash
from .quoting import CURLY, KEY, indent, previous_content_line, quote, quoted_fix

# Parse errors at a line that may be out of the outline's shape (see hints.py).
_SHAPE_PROBLEMS = (
    "could not find expected ':'",
    "expected <block end>",
    "did not find expected key",
    "did not find expected '-' indicator",
)


def explain(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[Any, str]:
    """The mark to report and the message for a PyYAML parse error."""
    mark = exc.problem_mark or exc.context_mark
    problem, context = exc.problem or "", exc.context or ""
    text = _line(lines, mark)
    if "'\\t'" in problem or "\t" in problem:
        return mark, _tab_message(text, mark.column)
    shaped = _out_of_shape(exc, lines)
    if shaped is not None:
        return shaped
    if "mapping values are not allowed" in problem:
        return _colon(lines, mark)
    if "alias" in context or "anchor" in context:
        start = exc.context_mark or mark
        return start, reference_message(_line(lines, start), start.column)
    if "cannot start any token" in problem:
        char = problem.split("'")[1] if "'" in problem else "?"
        return mark, (
            f"text cannot start with '{char}' in YAML; put the whole text in quotes, "
            f"e.g. {quoted_fix(text)}"
        )
    if "quoted scalar" in context and "end of stream" in problem:
        return exc.context_mark or mark, (
            "this quote is never closed; add the closing quote at the end of the text"
        )
    if "expected a single document" in context + problem:
        return mark, "the file holds several YAML documents ('---'); keep one outline per file"
    if "found '<scalar>'" in problem:
        return _after_closed_text(lines, mark)
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return mark, _indent_message(lines, mark)
    if "did not find expected '-' indicator" in problem:
        return mark, (
            "this line is indented differently from the list it belongs to; "
            "line it up with the '-' above"
        )
    if "could not find expected ':'" in problem:
        return _missing_colon(lines, exc.context_mark or mark)
    if "block scalar" in context and "expected a comment or a line break" in problem:
        start = exc.context_mark or mark
        char = _line(lines, start)[start.column : start.column + 1]
        return start, (
            f"YAML reads '{char}' at the start of a text as the start of a block of lines; "
            f"to show the '{char}', put the whole text in quotes: {quoted_fix(_line(lines, start))}"
        )
    if "flow sequence" in context or "flow mapping" in context:
        opener = "[" if "sequence" in context else "{"
        start = exc.context_mark or mark
        closer = "]" if opener == "[" else "}"
        return start, (
            f"this '{opener}' starts a list that is never closed with '{closer}': close it, or, "
            f"if the '{opener}' is part of a text, put the whole text in quotes: "
            f"{quoted_fix(_line(lines, start))}"
        )
    return mark, f"not valid YAML: {problem or context}"


def _out_of_shape(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[Any, str] | None:
    """A backslash in double quotes, a bullet without its '- ', a slide left of the others."""
    problem, start = exc.problem or "", exc.context_mark
    if "double-quoted" in (exc.context or "") and "escape" in problem and start is not None:
        line, column, message = unknown_escape(lines, start.line, start.column)
        return _Mark(line, column), message
    if not any(shape in problem for shape in _SHAPE_PROBLEMS):
        return None
    mark = start if "expected ':'" in problem and start is not None else exc.problem_mark
    if mark is None or mark.line >= len(lines):
        return None
    message = missing_dash(lines, mark.line) or misplaced_slide(lines, mark.line)
    return None if message is None else (_Mark(mark.line, indent(lines[mark.line])), message)


def reference_message(line_text: str, column: int) -> str:
    """A text starting with '*' or '&', which YAML reads as an alias or an anchor."""
    char = line_text[column : column + 1] or "*"
    what = "a reference to another part of the file" if char == "*" else "an anchor"
    return (
        f"text starting with '{char}' must be put in quotes (YAML reads '{char}' there as "
        f"{what}): {quoted_fix(line_text)}"
    )


def tag_message(line_text: str, tag: str) -> str:
    """A text starting with '!', which YAML reads as a type tag."""
    return (
        f"'{tag}' is a YAML tag, which an outline does not use; if '!' is part of your text, "
        f"put the whole text in quotes: {quoted_fix(line_text)}"
    )


def _line(lines: list[str], mark: Any) -> str:
    return lines[mark.line] if mark is not None and mark.line < len(lines) else ""


def _tab_message(text: str, column: int) -> str:
    if not text[:column].strip():
        return "a tab is used for indentation; YAML needs spaces (replace the tab with spaces)"
    return (
        "a tab character here; YAML allows tabs only inside quotes: "
        "replace the tab with a space, or put the whole text in quotes"
    )


def _colon(lines: list[str], mark: Any) -> tuple[Any, str]:
    """': ' where YAML cannot start a key: in the middle of a text, or on a continuation line."""
    text = _line(lines, mark)
    before = text[: mark.column]
    if re.search(r":(\s|$)", before):
        return mark, colon_message(text)
    previous = previous_content_line(lines, mark.line)
    if previous is None:
        return mark, colon_message(text)
    number, prev = previous
    misplaced = misplaced_slide(lines, number)  # 'kind: section' left of the slides' '- '
    if misplaced is not None:
        return _Mark(number, indent(prev)), misplaced
    key = text.strip().removeprefix("- ").split(":")[0]
    if re.search(r":(\s|$)", prev):
        return mark, (
            f"'{key}:' is indented further than the line above, so YAML reads it as more of "
            f"the text on line {number + 1}; start '{key}:' in the same column as the keys above it"
        )
    body = prev.strip()
    dash = "- " if body.startswith("- ") else ""
    word, _, rest = body[len(dash) :].partition(" ")
    fix = f"{dash}{word}: {rest}" if KEY.fullmatch(word) and rest else f"{dash}{word}:"
    column = len(prev) - len(prev.lstrip()) + len(dash)
    return _Mark(number, column), (
        f"'{body[len(dash) :]}' has no ':' after its key, so YAML reads it and the next line "
        f"as one text; write {fix}"
    )


def colon_message(line_text: str) -> str:
    """Quote a text that contains ': ' (and explain curly quotes when they were meant as quotes)."""
    value = line_text.strip().removeprefix("- ")
    _, sep, after = value.partition(": ")
    if sep and after and after[0] in CURLY:
        return (
            "a text contains ': ', which YAML reads as a new key; the curly quotes \u201c \u201d "
            "(from Word or a web page) are not quotes to YAML: use straight quotes, e.g. "
            f"{quoted_fix(line_text)}"
        )
    return (
        f"a text contains ': ', which YAML reads as a new key; put the text in quotes: "
        f"{quoted_fix(line_text)}"
    )


def _after_closed_text(lines: list[str], mark: Any) -> tuple[Any, str]:
    """More text after a quoted text or a [..] / {..} that YAML read as a list or keys."""
    text = _line(lines, mark)
    before = text[: mark.column].rstrip()
    value = before.strip().removeprefix("- ")
    value = value.split(": ", 1)[1] if re.match(r"[A-Za-z_][\w-]*: ", value) else value
    if value and value[0] in "\"'" and before.endswith(value[0]):
        typed = value[0]
        other = "'" if typed == '"' else '"'
        whole = text.strip().removeprefix("- ")
        whole = whole.split(": ", 1)[1] if re.match(r"[A-Za-z_][\w-]*: ", whole) else whole
        whole = re.sub(r"\s+#\s.*$", "", whole)  # a comment after the text is not part of it
        # '"He said "hi" to me"': the outer quotes were meant as YAML's, the inner ones shown;
        # '"quoted" then more': every quote typed is meant to be shown.
        inner = whole[1:-1] if len(whole) > 1 and whole.endswith(typed) else whole
        fixed = "'" + inner.replace("'", "''") + "'" if other == "'" else quote(inner)
        return mark, (
            f"the quoted text ends at the second {typed} and more text follows; to show a "
            f"{typed} inside a text, put the whole text in {other} quotes instead: "
            f"{_replace_value(text, fixed)}"
        )
    if value and value[0] in "[{":
        return mark, (
            f"YAML reads a text starting with '{value[0]}' as a list; "
            "put the whole text in quotes, "
            f"e.g. {quoted_fix(text)}"
        )
    return mark, _indent_message(lines, mark)


def _replace_value(line_text: str, new: str) -> str:
    stripped = line_text.strip()
    prefix = "- " if stripped.startswith("- ") else ""
    body = stripped[len(prefix) :]
    key, sep, _ = body.partition(": ")
    if sep and KEY.fullmatch(key):
        prefix += key + ": "
    return prefix + new


def _indent_message(lines: list[str], mark: Any) -> str:
    text = _line(lines, mark)
    indent = len(text) - len(text.lstrip())
    block = _block_scalar_above(lines, mark.line, indent)
    if block is not None:
        return (
            f"this line is indented less than the text under '{lines[block].strip()}' "
            f"(line {block + 1}); indent every line of that text at least as far as its first line"
        )
    previous = previous_content_line(lines, mark.line)
    above = ""
    if previous is not None:
        number, prev = previous
        prev_indent = len(prev) - len(prev.lstrip())
        if prev.lstrip().startswith("- ") and not text.lstrip().startswith("- "):
            prev_indent += 2  # a key lines up with the key after '- ', not with the '-'
        above = f": this line starts in column {indent + 1}, line {number + 1} in column " + (
            f"{prev_indent + 1}"
        )
    return (
        f"the indentation here does not line up with the lines above{above}; "
        "items of one list, and keys of one slide, must start in the same column"
    )


_BLOCK_START = re.compile(r"(^|[:-])\s*[|>][-+0-9]*\s*(#.*)?$")


def _block_scalar_above(lines: list[str], index: int, indent: int) -> int | None:
    """The line starting a '|' or '>' text that the line at ``index`` falls out of, if any."""
    for number in range(index - 1, -1, -1):
        line = lines[number]
        if not line.strip():
            continue
        if _BLOCK_START.search(line.rstrip()):
            return number
        if len(line) - len(line.lstrip()) <= indent:
            return None
    return None


def _missing_colon(lines: list[str], mark: Any) -> tuple[Any, str]:
    text = _line(lines, mark)
    word = text[mark.column :].strip()
    if word.startswith("-") and len(word) > 1 and word[1] != " ":
        return mark, f"a '-' starts a list item only with a space after it: write - {word[1:]}"
    if KEY.fullmatch(word):
        return mark, f"'{word}' is missing its ':'; write {word}:"
    return mark, (
        "a key is missing its ':' (write 'key: value'), or a text spans lines without quotes"
    )


class _Mark:
    """A 0-based position, like PyYAML's marks."""

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column
