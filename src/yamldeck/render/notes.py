"""Speaker notes: the outline's notes: text written into a slide's notes page."""

from __future__ import annotations

import re
from typing import Any

from ..outline.inline import parse_inline
from .text import plain_run

_BLANK_LINES = re.compile(r"\n\s*\n")


def write_notes(frame: Any, notes: str, language: str) -> None:
    """Speaker notes into the notes slide's text frame (adder.notes_text_frame makes both)."""
    paragraphs = [
        " ".join(line.strip() for line in block.splitlines()).strip()
        for block in _BLANK_LINES.split(notes.strip())
    ]
    for i, text in enumerate(p for p in paragraphs if p):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        for span in parse_inline(text):
            if not span.url:
                attrib = {"b": "1"} if span.bold else {}
                if span.italic:
                    attrib["i"] = "1"
                attrib["lang"] = language
                plain_run(paragraph._p, span.text, attrib)
                continue
            run = paragraph.add_run()
            run.text = span.text
            if span.bold:
                run.font.bold = True
            if span.italic:
                run.font.italic = True
            run._r.get_or_add_rPr().set("lang", language)
            if span.url:
                run.hyperlink.address = span.url
