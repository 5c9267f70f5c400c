"""Speaker notes: the outline's notes: text written into a slide's notes page."""

from __future__ import annotations

import re
from typing import Any

from ..layout.scripts import ASIAN, script_type
from ..outline.inline import parse_inline
from .styles import LevelStyle
from .text import plain_run
from .writing import Writing, add_fonts, attributes, east_asian, runs_of, set_direction

_BLANK_LINES = re.compile(r"\n\s*\n")
_NOTES_LEVEL = LevelStyle(12.0, 0.0, 0.0, 0.0, 1.0, False)  # the notes page's left-aligned text


def joined(lines: list[str]) -> str:
    """A notes paragraph's lines as one text: joined by a space, but not between two East Asian
    characters (Chinese and Japanese put no spaces between words)."""
    text = ""
    for line in (line.strip() for line in lines):
        if text and line and not (script_type(text[-1]) == ASIAN == script_type(line[0])):
            text += " "
        text += line
    return text.strip()


def write_notes(frame: Any, notes: str, writing: Writing) -> None:
    """Speaker notes into the notes slide's text frame (adder.notes_text_frame makes both)."""
    paragraphs = [joined(block.splitlines()) for block in _BLANK_LINES.split(notes.strip())]
    for i, text in enumerate(p for p in paragraphs if p):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        runs = runs_of(parse_inline(text), writing)
        set_direction(paragraph._p, writing, _NOTES_LEVEL, east_asian(runs, writing))
        for span in runs:
            if not span.url:
                attrib = {"b": "1"} if span.bold else {}
                if span.italic:
                    attrib["i"] = "1"
                attrib.update(attributes(span))
                add_fonts(plain_run(paragraph._p, span.text, attrib), span)
                continue
            run = paragraph.add_run()
            run.text = span.text
            if span.bold:
                run.font.bold = True
            if span.italic:
                run.font.italic = True
            r_pr = run._r.get_or_add_rPr()
            for name, value in attributes(span).items():
                r_pr.set(name, value)
            run.hyperlink.address = span.url
            add_fonts(r_pr, span)
