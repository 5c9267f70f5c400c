"""The one place that reaches into zipfile's private parts: storing an already-deflated member.

A frozen slide's XML is compressed once, when the slide is finished (render.adder), so that a deck
of thousands of slides holds compressed bytes, not trees. Writing it then without compressing it
again needs three private attributes of the member writer that ``ZipFile.open(info, "w")`` returns
(CPython's ``zipfile._ZipWriteFile``), and one of ``ZipInfo``:

- ``ZipInfo._compresslevel``: the level zipfile records for the member (writestr sets it from its
  ``compresslevel`` argument);
- ``_ZipWriteFile._compressor``: replaced by a stand-in that returns the finished deflate stream;
- ``_ZipWriteFile._crc`` and ``_ZipWriteFile._file_size``: set to the payload's CRC-32 and size,
  which the writer otherwise counts as data passes through it.

Guarded by tests/test_internals.py::test_zip_internals_are_where_yamldeck_expects_them (the names
exist on this Python) and tests/test_package.py (the deck's bytes equal a plain re-zip). A Python
whose writer lacks them gets the payload inflated and written the ordinary way: slower, same bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable

WRITER_ATTRIBUTES = ("_compressor", "_crc", "_file_size")


class _Ready:
    """Stands in for zipfile's compressor when the member's deflate stream is already made."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def compress(self, data: bytes) -> bytes:
        return b""

    def flush(self) -> bytes:
        data, self._data = self._data, b""
        return data


def write_deflated(dst: zipfile.ZipFile, info: zipfile.ZipInfo, deflated: bytes, crc: int,
                   size: int, *, level: int, inflated: Callable[[], bytes]) -> None:
    """What writestr writes for the inflated payload, with the compressing already done."""
    info.file_size = size  # as writestr sets them before opening the member
    info._compresslevel = level  # type: ignore[attr-defined]
    with dst.open(info, "w") as dest:
        if all(hasattr(dest, name) for name in WRITER_ATTRIBUTES):
            dest._compressor = _Ready(deflated)  # type: ignore[attr-defined]
            dest._crc, dest._file_size = crc, size  # type: ignore[attr-defined]
        else:
            dest.write(inflated())
