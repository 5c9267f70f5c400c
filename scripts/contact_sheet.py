"""Regenerate docs/contact-sheet.png, the README's picture of the MTCR deck (needs LibreOffice).

    python scripts/contact_sheet.py

It runs `yamldeck preview` on the shipped slides.yaml into a scratch folder and keeps the sheet.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from yamldeck.commands.preview import preview
from yamldeck.errors import YamldeckError

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "docs" / "contact-sheet.png"


def main() -> int:
    try:
        with tempfile.TemporaryDirectory(prefix="yamldeck-sheet-") as scratch:
            result = preview(REPO / "slides.yaml", Path(scratch) / "preview")
            TARGET.parent.mkdir(exist_ok=True)
            shutil.copyfile(result.sheet, TARGET)
    except YamldeckError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        return exc.exit_code
    print(f"wrote {TARGET.relative_to(REPO)} ({len(result.pictures)} slides)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
