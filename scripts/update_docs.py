"""Regenerate the outline key reference inside docs/reference.md from the outline model.

`python scripts/update_docs.py` rewrites the part between the markers; with `--check` it only
exits 1 when that part is out of date (a test runs this).
"""

from __future__ import annotations

import sys
from pathlib import Path

from yamldeck.outline.reference import END, START, reference_markdown

PAGE = Path(__file__).resolve().parents[1] / "docs" / "reference.md"


def updated(text: str) -> str:
    if text.count(START) != 1 or text.count(END) != 1 or text.index(START) > text.index(END):
        raise SystemExit(f"{PAGE}: expected one {START} before one {END}")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return head + reference_markdown() + tail


if __name__ == "__main__":
    current = PAGE.read_text(encoding="utf-8")
    new = updated(current)
    if "--check" in sys.argv:
        sys.exit(0 if new == current else 1)
    PAGE.write_text(new, encoding="utf-8")
