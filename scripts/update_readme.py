"""Regenerate the outline key reference inside README.md from the outline model."""

from __future__ import annotations

import sys
from pathlib import Path

from yamldeck.outline.reference import END, START, reference_markdown

README = Path(__file__).resolve().parents[1] / "README.md"


def updated(text: str) -> str:
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return head + reference_markdown() + tail


if __name__ == "__main__":
    new = updated(README.read_text(encoding="utf-8"))
    if "--check" in sys.argv:
        sys.exit(0 if new == README.read_text(encoding="utf-8") else 1)
    README.write_text(new, encoding="utf-8")
