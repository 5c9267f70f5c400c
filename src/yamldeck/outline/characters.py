"""Suspicious characters in outline text: control characters to remove, invisible ones to report."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# C0 and C1 controls other than tab, line feed and carriage return: they arrive through escapes
# such as "\x07" or "\N" and python-pptx would write them as "_x0007_" or as unreadable boxes.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Characters that show nothing but change how text is searched, spell-checked or displayed.
# Joiners and direction marks are needed in some scripts, so they are only reported between
# two ASCII characters, where they can only be an accident of copy and paste.
_ALWAYS = {
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}
_BETWEEN_ASCII = {
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u061c": "Arabic letter mark",
}
_INVISIBLE = re.compile("[" + "".join(_ALWAYS) + "".join(_BETWEEN_ASCII) + "]")
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# A comment that YAML cut from a plain text: ' #' then a word such as '#3' or '#MTCR', or a
# lone '#' ending the line ('ext. #'). Comments written on purpose start '# ' (with a space),
# like those in the shipped slides.yaml.
_PROSE_COMMENT = re.compile(r"\s+(#(?:[^\s#].*?)?)\s*$")


@dataclass(frozen=True)
class Finding:
    """Something suspicious in one text; ``literal`` is the character to look for in the file."""

    message: str
    literal: str | None = None


_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def join_surrogates(text: str) -> str:
    """Join a character written as two escapes ("\\ud83d\\ude00", as JSON does) into one."""
    if not _PAIR.search(text):
        return text
    return _PAIR.sub(lambda m: m.group().encode("utf-16", "surrogatepass").decode("utf-16"), text)


def remove_controls(text: str) -> tuple[str, Finding | None]:
    """The text without control characters, and a finding naming what was removed."""
    found = CONTROL.findall(text)
    if not found:
        return text, None
    names = ", ".join(dict.fromkeys(_describe(char) for char in found))
    cleaned = CONTROL.sub("", text)
    return cleaned, Finding(
        f"this text contains the invisible control character {names}, from an escape such as "
        "\\x07 or \\a; it is left out of the deck: delete the escape"
    )


def invisible_characters(text: str) -> list[Finding]:
    """Each kind of invisible character worth reporting in ``text``."""
    findings: dict[str, Finding] = {}
    for match in _INVISIBLE.finditer(text):
        char = match.group()
        if char in findings:
            continue
        if char in _BETWEEN_ASCII:
            before, after = (
                text[match.start() - 1 : match.start()],
                text[match.end() : match.end() + 1],
            )
            if not (before.isascii() and after.isascii() and before.strip() and after.strip()):
                continue
        name = _ALWAYS.get(char) or _BETWEEN_ASCII[char]
        if char in _BIDI:
            why = "it changes the order in which the text after it is displayed"
        else:
            why = "it shows nothing but breaks searching and spell-checking"
        findings[char] = Finding(
            f"this text contains an invisible {name} (U+{ord(char):04X}), probably pasted from "
            f"another program; {why}; delete it unless you put it there on purpose",
            literal=char,
        )
    return list(findings.values())


def comment_cut(rest_of_line: str) -> str | None:
    """The comment YAML cut from a plain text, when it reads like part of the text (e.g. '#3')."""
    match = _PROSE_COMMENT.match(rest_of_line)
    return match.group(1) if match else None


def _describe(char: str) -> str:
    name = unicodedata.name(char, "") or _C0_NAMES.get(ord(char), "control")
    return f"U+{ord(char):04X} ({name.lower()})" if name else f"U+{ord(char):04X}"


_C0_NAMES = {
    0x00: "null",
    0x07: "bell",
    0x08: "backspace",
    0x0B: "vertical tab",
    0x0C: "form feed",
    0x1B: "escape",
    0x7F: "delete",
    0x85: "next line",
}
