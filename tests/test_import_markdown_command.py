"""`yamldeck import talk.md`: a Markdown talk through the command, into an outline that builds."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from helpers import build_file

from yamldeck.cli import main

TALK = """\
---
title: Community garden
author: Ann Lee
---

## Why a garden

- Fresh food
- Shared work
  - Weeding rota
  - Watering rota

## What we need

- A plot
- Tools
"""


def test_import_of_a_markdown_talk_builds(tmp_path: Path) -> None:
    talk = tmp_path / "talk.md"
    talk.write_text(TALK, encoding="utf-8")
    outline = tmp_path / "outline.yaml"
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["import", str(talk), "-o", str(outline)]) == 0
    assert "warning" not in err.getvalue()
    built = build_file(outline, tmp_path / "talk.pptx")
    slides = list(built.prs.slides)
    assert [s.shapes.title.text for s in slides] == ["Community garden", "Why a garden",
                                                     "What we need"]
    body = next(s for s in slides[1].placeholders if s.placeholder_format.idx == 1)
    levels = [(p.text, p.level) for p in body.text_frame.paragraphs]
    assert levels == [("Fresh food", 0), ("Shared work", 0), ("Weeding rota", 1),
                      ("Watering rota", 1)]
