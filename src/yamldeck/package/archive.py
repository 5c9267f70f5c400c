"""The deck's zip: the same content always gives the same bytes (fixed dates, order, metadata)."""

from __future__ import annotations

import os
import re
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable
from io import BytesIO
from typing import NamedTuple

from ..errors import OutputError, Problem
from .zip_internals import write_deflated

__all__ = ["DEFAULT_EPOCH", "Deflated", "ZippedDeck", "deflate", "deterministic_bytes", "inflate",
           "source_date_epoch", "zip_deck"]

DEFAULT_EPOCH = 315532800  # 1980-01-01T00:00:00Z: the date a deck carries without SOURCE_DATE_EPOCH

# Zip stores local DOS times: nothing before 1980, nothing after 2107, and only even seconds.
_ZIP_MIN_EPOCH = 315532800  # 1980-01-01T00:00:00Z
_ZIP_MAX_EPOCH = 4354819198  # 2107-12-31T23:59:58Z
_ISO_MAX_EPOCH = 253402300799  # 9999-12-31T23:59:59Z, the last time W3CDTF can write
_COMPRESSLEVEL = 6
_FIRST_MEMBERS = ("[Content_Types].xml", "_rels/.rels")
# core.xml of the workbooks python-pptx embeds (XlsxWriter's); only dcterms has these names.
_CORE_DATE = re.compile(rb"(<(?:[\w.-]+:)?(created|modified)\b[^>]*>)[^<]*(</(?:[\w.-]+:)?\2>)")

Transform = Callable[[str, bytes, int], bytes]


class Deflated(NamedTuple):
    """A member's payload already compressed exactly as the zip writer below would compress it."""

    data: bytes  # raw deflate
    crc: int
    size: int


def deflate(payload: bytes) -> Deflated:
    """``payload`` as _zip stores it: zipfile's compressor (raw deflate, our level), one write."""
    compressor = zlib.compressobj(_COMPRESSLEVEL, zlib.DEFLATED, -15)
    data = compressor.compress(payload) + compressor.flush()
    return Deflated(data, zlib.crc32(payload), len(payload))


def inflate(deflated: Deflated) -> bytes:
    return zlib.decompress(deflated.data, -15)


class ZippedDeck(NamedTuple):
    """A deck's zip as zip_deck made it: already what deterministic_bytes gives for ``epoch``."""

    data: bytes
    epoch: int


def deterministic_bytes(pptx_bytes: bytes | ZippedDeck, *, epoch: int) -> bytes:
    """Re-zip a saved package so the same content always gives the same bytes."""
    if isinstance(pptx_bytes, ZippedDeck):
        if pptx_bytes.epoch == epoch:
            return pptx_bytes.data  # zip_deck wrote exactly what the re-zip would
        pptx_bytes = pptx_bytes.data
    return _rezip(pptx_bytes, epoch, _deck_member)


def zip_deck(members: Iterable[tuple[str, Callable[[], bytes | Deflated]]], *,
             epoch: int) -> ZippedDeck:
    """What deterministic_bytes gives for a package of these members, without the package.

    ``members`` are (name, payload maker) in the order a package writer would store them, every
    name once; each payload is made, compressed and dropped in turn. A payload given as
    Deflated (a frozen slide) is stored as it is: the same bytes, without compressing it again.
    """
    listed = list(members)
    first = [m for name in _FIRST_MEMBERS for m in listed if m[0] == name]
    ordered = first + [m for m in listed if m[0] not in _FIRST_MEMBERS]
    # Charts with equal data share one workbook's bytes: each distinct workbook is re-zipped once.
    workbooks: dict[bytes, bytes] = {}
    data = _zip(((name, lambda make=make, name=name: _deck_member(name, make(), epoch, workbooks))
                 for name, make in ordered), epoch)
    return ZippedDeck(data, epoch)


def _rezip(data: bytes, epoch: int, transform: Transform) -> bytes:
    """Rewrite a zip with fixed metadata, a fixed member order and one entry per name."""
    with zipfile.ZipFile(BytesIO(data)) as src:
        # read() resolves a duplicated name to its last entry, as other readers of the deck do.
        return _zip(((name, lambda name=name: transform(name, src.read(name), epoch))
                     for name in _member_order(src)), epoch)


def _zip(members: Iterable[tuple[str, Callable[[], bytes | Deflated]]], epoch: int) -> bytes:
    """Zip ``members`` with fixed metadata (the one place that sets it)."""
    date_time = _zip_date_time(epoch)
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name, make in members:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.create_system = 3  # Unix, whatever platform builds the deck
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            payload = make()
            if isinstance(payload, Deflated):
                write_deflated(dst, info, payload.data, payload.crc, payload.size,
                               level=_COMPRESSLEVEL, inflated=lambda p=payload: inflate(p))
            else:
                dst.writestr(info, payload, compresslevel=_COMPRESSLEVEL)
    return out.getvalue()


def _member_order(src: zipfile.ZipFile) -> list[str]:
    """Content types and package rels first (consumers look there first), then the written order."""
    names = list(dict.fromkeys(info.filename for info in src.infolist()))
    first = [name for name in _FIRST_MEMBERS if name in names]
    return first + [name for name in names if name not in first]


def _deck_member(name: str, payload: bytes | Deflated, epoch: int,
                 done: dict[bytes, bytes] | None = None) -> bytes | Deflated:
    if isinstance(payload, Deflated):
        return payload  # a frozen slide, notes slide or chart: stored as it is
    if name.startswith("ppt/embeddings/") and name.lower().endswith(".xlsx"):
        if done is not None and payload in done:
            return done[payload]
        try:
            fixed = _rezip(payload, epoch, _workbook_member)
        except zipfile.BadZipFile:
            fixed = payload  # not ours to repair; its bytes are already fixed by the input
        if done is not None:
            done[payload] = fixed
        return fixed
    return payload


def _workbook_member(name: str, payload: bytes, epoch: int) -> bytes:
    if name != "docProps/core.xml":
        return payload
    stamp = _iso_timestamp(epoch).encode("ascii")
    return _CORE_DATE.sub(lambda m: m.group(1) + stamp + m.group(3), payload)


def _zip_date_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    clamped = min(max(epoch, _ZIP_MIN_EPOCH), _ZIP_MAX_EPOCH)
    clamped -= clamped % 2  # what a reader gets back anyway
    year, month, day, hour, minute, second = time.gmtime(clamped)[:6]
    return (year, month, day, hour, minute, second)


def _iso_timestamp(epoch: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(min(max(epoch, 0), _ISO_MAX_EPOCH)))


def source_date_epoch(default: int) -> int:
    """SOURCE_DATE_EPOCH from the environment when set and valid, else default.

    An empty value counts as unset: `SOURCE_DATE_EPOCH= yamldeck ...` in a shell means "no value".
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH", "")
    if raw == "":
        return default
    if not raw.strip().isascii() or not raw.strip().isdigit():
        raise OutputError(
            Problem(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got '{raw}'")
        )
    value = int(raw)
    if value > _ISO_MAX_EPOCH:
        raise OutputError(
            Problem(f"SOURCE_DATE_EPOCH must be at most {_ISO_MAX_EPOCH} (9999-12-31), got '{raw}'")
        )
    return value
