"""The files an imported outline names, beside it in one folder: pictures, CSV data, template.

Kept in memory until the import has succeeded, then written (each file atomically), so a failed
import leaves nothing behind. Equal pictures are one file; names say which slide they are from.
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from ..errors import OutputError
from ..outline import tabular
from ..package.writer import write_atomically

TEMPLATE_NAME = "template.pptx"


class AssetFolder:
    """Files for the folder ``folder`` (named in the outline as ``prefix``/NAME)."""

    def __init__(self, folder: Path, prefix: str) -> None:
        self.folder = folder
        self.prefix = prefix
        self.files: dict[str, bytes] = {}
        self._names_by_digest: dict[str, str] = {}

    def add(self, stem: str, ext: str, data: bytes) -> str:
        """The outline's name for a file STEM.EXT of ``data`` (the same bytes: one file)."""
        digest = hashlib.sha256(data).hexdigest()
        if digest in self._names_by_digest:
            return f"{self.prefix}/{self._names_by_digest[digest]}"
        name, number = f"{stem}.{ext}", 1
        while name in self.files:
            number += 1
            name = f"{stem}-{number}.{ext}"
        self.files[name] = data
        self._names_by_digest[digest] = name
        return f"{self.prefix}/{name}"

    def picture(self, slide: int, data: bytes, ext: str) -> str:
        """The outline's name for a picture of slide number ``slide``."""
        return self.add(f"slide-{slide:02d}", ext, data)

    def csv(self, slide: int, what: str, rows: list[tuple[str, ...]]) -> str | None:
        """The outline's name for ``rows`` as a CSV file; None when a CSV would not read back as
        these rows (yamldeck guesses a CSV's separator from its first line)."""
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        text = buffer.getvalue()
        try:
            if tabular.parse_csv(text) != [list(row) for row in rows]:
                return None
        except ValueError:
            return None
        return self.add(f"slide-{slide:02d}-{what}", "csv", text.encode("utf-8"))

    def template(self, data: bytes) -> str:
        self.files[TEMPLATE_NAME] = data
        return f"{self.prefix}/{TEMPLATE_NAME}"

    def targets(self) -> list[Path]:
        return [self.folder / name for name in self.files]

    def write(self, protected: list[Path]) -> None:
        """Write every file (the folder made if needed); ``protected`` are never written over."""
        if not self.files:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot make the folder '{self.folder}' for the outline's files: "
                              f"{exc.strerror or exc}") from None
        for name, data in self.files.items():
            write_atomically(data, self.folder / name, protected=protected)
