"""Backslashes in double-quoted texts: Windows paths that YAML reads as escapes such as \\n.

Inside "..." YAML reads a backslash as the start of an escape: "assets\\map.png" is refused
('\\m' is no escape) and "assets\\new.png" quietly holds a line break. Both are reported where
the backslash is typed, with the fix: / between folders, or single quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quoting import quote, single_quote

# The keys whose value names a file beside the outline (image: also under deck: logo:).
FILE_KEYS = ("image", "csv", "template")

# What YAML makes of each escape of one character (PyYAML's table), and how messages name it.
_SIMPLE = {
    "0": ("\x00", "a null character"),
    "a": ("\x07", "a bell character"),
    "b": ("\x08", "a backspace"),
    "t": ("\t", "a tab"),
    "\t": ("\t", "a tab"),
    "n": ("\n", "a line break"),
    "v": ("\x0b", "a vertical tab"),
    "f": ("\x0c", "a form feed"),
    "r": ("\r", "a carriage return"),
    "e": ("\x1b", "an escape character"),
    " ": (" ", "a space"),
    '"': ('"', "a quote"),
    "/": ("/", "a slash"),
    "\\": ("\\", "a backslash"),
    "N": ("\x85", "a next-line character"),
    "_": ("\xa0", "a non-breaking space"),
    "L": ("\u2028", "a line separator"),
    "P": ("\u2029", "a paragraph separator"),
}
_CODES = {"x": 2, "u": 4, "U": 8}
_HEX = re.compile(r"[0-9A-Fa-f]+")
_DRIVE = re.compile(r"^[A-Za-z]:\\")
_EXTENSION = re.compile(r"\\[^\\\s]*\.[A-Za-z][A-Za-z0-9]{0,4}$")
_KEY_BEFORE = re.compile(r"([A-Za-z_][\w-]*):$")
_LINE_START = re.compile(r"-|(?:-\s+)?[A-Za-z_][\w-]*:")


@dataclass(frozen=True)
class Escape:
    """One backslash escape in the text typed between double quotes."""

    offset: int  # where its backslash is in the raw text
    typed: str  # as typed, e.g. '\\n' or '\\x07'
    char: str | None  # what YAML makes of it; None: YAML knows no such escape

    @property
    def hidden(self) -> bool:
        """True when YAML turns it into a character that does not show as typed."""
        return self.char is not None and not self.char.isprintable()

    def named(self) -> str:
        """What YAML reads it as, for a message: '\\n as a line break'."""
        if self.char is None and self.typed[1] in _CODES:
            return (
                f"{self.typed[:2]} inside double quotes as the start of an escape, which needs "
                f"{_CODES[self.typed[1]]} hexadecimal digits after it"
            )
        if self.char is None:
            return (
                f"{self.typed} inside double quotes as the start of an escape, and there is no "
                f"escape {self.typed}"
            )
        name = _SIMPLE[self.typed[1]][1] if len(self.typed) == 2 else f"U+{ord(self.char):04X}"
        return f"{self.typed} as {name}"


@dataclass(frozen=True)
class Quoted:
    """A double-quoted text as typed: where it starts, what precedes it, and its raw text."""

    lines: list[str]
    line: int  # 0-based, of the opening quote
    column: int
    raw: str  # between the quotes, lines joined with '\n'
    named_key: str | None = None  # the key it is the value of, when known from the document

    @property
    def before(self) -> str:
        """What the line holds before the opening quote, e.g. 'image:' or '- title:'."""
        return self.lines[self.line][: self.column].strip()

    @property
    def key(self) -> str | None:
        """The key whose value it is: given, or read from the line ('image:' -> 'image')."""
        if self.named_key is not None:
            return self.named_key
        found = _KEY_BEFORE.search(self.before)
        return found.group(1) if found else None

    def where(self, offset: int) -> tuple[int, int]:
        """The 0-based line and column of ``offset`` in the raw text."""
        breaks = self.raw.count("\n", 0, offset)
        start = self.raw.rfind("\n", 0, offset) + 1
        return self.line + breaks, (self.column + 1 if not breaks else 0) + offset - start

    def fixed(self, value: str) -> str:
        """The line as it should be typed, from its start to the end of the text."""
        if self.before and _LINE_START.fullmatch(self.before):
            return f"{self.before} {value}"
        return value  # alone: inside [...] the rest of the line is needed too


def read_quoted(lines: list[str], line: int, column: int, key: str | None = None) -> Quoted:
    """The text typed from the double quote at ``line``, ``column`` to its closing quote."""
    parts, start = [], column + 1
    for number in range(line, len(lines)):
        text, i = lines[number], start
        while i < len(text) and text[i] != '"':
            i += 2 if text[i] == "\\" else 1
        parts.append(text[start:i])
        if i < len(text):
            break
        start = 0
    return Quoted(lines, line, column, "\n".join(parts), key)


def escapes(raw: str) -> list[Escape]:
    """Every escape in ``raw``, the text typed between double quotes."""
    found, i = [], raw.find("\\")
    while 0 <= i < len(raw) - 1:
        letter = raw[i + 1]
        size = _CODES.get(letter, 0)
        typed = raw[i : i + 2 + size]
        if size:
            digits = typed[2:]
            code = int(digits, 16) if len(digits) == size and _HEX.fullmatch(digits) else None
            if code is not None and code < 0x110000:
                found.append(Escape(i, typed, chr(code)))
            else:
                found.append(Escape(i, typed[:2], None))
        elif letter != "\n":  # a backslash ending a line joins it to the next: no character
            found.append(Escape(i, typed, _SIMPLE.get(letter, ("", ""))[0] or None))
        i = raw.find("\\", i + len(typed))
    return found


def unknown_escape(lines: list[str], line: int, column: int) -> tuple[int, int, str]:
    """Where and why the double-quoted text at ``line``, ``column`` holds no valid escape."""
    quoted = read_quoted(lines, line, column)
    found = escapes(quoted.raw)
    bad = next((e for e in found if e.char is None), None)
    if bad is None:  # pragma: no cover - PyYAML refused an escape this reads as valid
        return line, column, "this text in double quotes holds a backslash YAML cannot read"
    at_line, at_column = quoted.where(bad.offset)
    # Who types an escape YAML does not know meant every backslash as a backslash.
    return at_line, at_column, f"YAML reads {bad.named()}; " + _fix(quoted, found, _literal(found))


def hidden_escape(
    lines: list[str], line: int, column: int, key: str | None
) -> tuple[int, int, str, bool] | None:
    """A Windows path in a double-quoted text that YAML turned into other characters.

    Returns the line, column, message and whether it is an error (the text is a file name),
    or None when every escape is meant.
    """
    quoted = read_quoted(lines, line, column, key)
    if "\\" not in quoted.raw:
        return None
    found = escapes(quoted.raw)
    is_file = quoted.key in FILE_KEYS
    hidden = [e for e in found if e.hidden and (is_file or _in_path(quoted.raw, e.offset))]
    if not hidden:
        return None
    names = " and ".join(dict.fromkeys(e.named() for e in hidden[:3]))
    at_line, at_column = quoted.where(hidden[0].offset)
    if is_file:
        message = f"in double quotes YAML reads {names}, so this file name is not {quoted.raw} "
        return at_line, at_column, message + "as typed; " + _fix(quoted, found, True), True
    meant = _literal(found) and all(e in hidden or e.char is None for e in found)
    return at_line, at_column, (
        f"in double quotes YAML reads {names}, so {_token(quoted.raw, hidden[0].offset)} is not "
        f"shown as typed; if it is a Windows path, {_fix(quoted, found, meant)}"
    ), False


def _literal(found: list[Escape]) -> bool:
    """True unless an escape is clearly meant: \\\\ for a backslash or \\" for a quote."""
    return all(e.typed not in ("\\\\", '\\"') for e in found)


def _fix(quoted: Quoted, found: list[Escape], literal: bool) -> str:
    """How to write the text so that its backslashes stay backslashes."""
    single = quoted.fixed(single_quote(quoted.raw)) if literal else None
    if quoted.key in FILE_KEYS:
        slashed = quoted.fixed(quote(re.sub(r"\\+", "/", quoted.raw)))
        return "write / between folders: " + slashed + (
            f", or put the name in single quotes: {single}" if single else ""
        )
    if single:
        return f"put the whole text in single quotes: {single}"
    doubled, end = "", 0
    for escape in found:  # only the backslashes that were not meant as escapes
        if escape.char is None or escape.hidden and _in_path(quoted.raw, escape.offset):
            doubled += quoted.raw[end : escape.offset] + "\\"
            end = escape.offset
    doubled += quoted.raw[end:]
    return f"write each of those \\ as \\\\: {quoted.fixed(chr(34) + doubled + chr(34))}"


def _token(raw: str, offset: int) -> str:
    """The word (no spaces) of ``raw`` that holds ``offset``."""
    for match in re.finditer(r"\S+", raw):
        if match.start() <= offset < match.end():
            return match.group()
    return ""


def _in_path(raw: str, offset: int) -> bool:
    """True when the backslash at ``offset`` is in a word that reads as a Windows path."""
    word = _token(raw, offset).strip("()[],;'")
    return bool(_DRIVE.match(word) or word.count("\\") >= 2 or _EXTENSION.search(word))
