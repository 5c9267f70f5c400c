"""Packaging the saved deck: reproducible zip bytes, and an atomic write that never loses a deck."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable
from io import BytesIO
from pathlib import Path
from typing import NamedTuple

from yamldeck.errors import OutputError, Problem

__all__ = ["Deflated", "deflate", "deterministic_bytes", "inflate", "source_date_epoch",
           "write_atomically", "zip_deck"]

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


class _Ready:
    """Stands in for zipfile's compressor when the member's deflate stream is already made."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def compress(self, data: bytes) -> bytes:
        return b""

    def flush(self) -> bytes:
        data, self._data = self._data, b""
        return data


# The last deck zip_deck made, with its epoch: deterministic_bytes gives it back as it is.
_made: tuple[bytes, int] | None = None


def deterministic_bytes(pptx_bytes: bytes, *, epoch: int) -> bytes:
    """Re-zip a saved package so the same content always gives the same bytes."""
    global _made
    if _made is not None and _made[0] is pptx_bytes and _made[1] == epoch:
        _made = None  # zip_deck wrote exactly what the re-zip would: nothing to do
        return pptx_bytes
    return _rezip(pptx_bytes, epoch, _deck_member)


def zip_deck(members: Iterable[tuple[str, Callable[[], bytes | Deflated]]], *,
             epoch: int) -> bytes:
    """What deterministic_bytes gives for a package of these members, without the package.

    ``members`` are (name, payload maker) in the order a package writer would store them, every
    name once; each payload is made, compressed and dropped in turn. A payload given as
    Deflated (a frozen slide) is stored as it is: the same bytes, without compressing it again.
    """
    global _made
    listed = list(members)
    first = [m for name in _FIRST_MEMBERS for m in listed if m[0] == name]
    ordered = first + [m for m in listed if m[0] not in _FIRST_MEMBERS]
    # Charts with equal data share one workbook's bytes: each distinct workbook is re-zipped once.
    workbooks: dict[bytes, bytes] = {}
    data = _zip(((name, lambda make=make, name=name: _deck_member(name, make(), epoch, workbooks))
                 for name, make in ordered), epoch)
    _made = (data, epoch)
    return data


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
                _write_deflated(dst, info, payload)
            else:
                dst.writestr(info, payload, compresslevel=_COMPRESSLEVEL)
    return out.getvalue()


def _write_deflated(dst: zipfile.ZipFile, info: zipfile.ZipInfo, payload: Deflated) -> None:
    """What writestr writes for the inflated payload, with the compressing already done.

    zipfile's writer takes the stream, CRC and size from its compressor and counters; a Python
    whose writer lacks them gets the payload inflated and written the ordinary way.
    """
    info.file_size = payload.size  # as writestr sets them before opening the member
    info._compresslevel = _COMPRESSLEVEL  # type: ignore[attr-defined]
    with dst.open(info, "w") as dest:
        if all(hasattr(dest, name) for name in ("_compressor", "_crc", "_file_size")):
            dest._compressor = _Ready(payload.data)  # type: ignore[attr-defined]
            dest._crc, dest._file_size = payload.crc, payload.size  # type: ignore[attr-defined]
        else:
            dest.write(inflate(payload))


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


def write_atomically(data: bytes, target: Path, *, protected: Iterable[Path] = ()) -> Path:
    """Write data to target so that a failure at any point leaves the previous file untouched.

    A symlinked target is written through: the file it points to is replaced and the link stays.
    Returns `target` as given.
    """
    target = Path(target)
    resolved = _checked_destination(target, protected)
    temp = _write_temp(data, target, resolved, _mode_for(resolved))
    try:
        os.replace(temp, resolved)
    except PermissionError:
        # Windows refuses to replace a file another program holds open (PowerPoint does).
        _keep_beside(temp, target, resolved)
    except BaseException as exc:
        _remove(temp)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from exc
        raise
    _fsync_folder(resolved.parent)
    return target


def _checked_destination(target: Path, protected: Iterable[Path]) -> Path:
    """Refuse every destination that would lose data or cannot work; return the real file path."""
    resolved = Path(os.path.realpath(target))
    for source in protected:
        if _same_file(resolved, Path(source)):
            raise OutputError(
                f"refusing to write the deck over the input file '{Path(source).name}'; "
                "choose another output name with -o"
            )
    if resolved.is_dir():
        raise OutputError(
            f"'{target}' is a folder; give a file name such as {target / 'deck.pptx'}"
        )
    for folder in (target.parent, resolved.parent):  # as typed, then where a symlink leads
        if not folder.exists():
            raise OutputError(f"cannot write '{target}': the folder '{folder}' does not exist")
        if not folder.is_dir():
            raise OutputError(f"cannot write '{target}': '{folder}' is not a folder")
    if resolved.is_symlink():
        raise OutputError(f"cannot write '{target}': it is a symbolic link that loops")
    if resolved.exists():
        mode = resolved.stat().st_mode
        if not stat.S_ISREG(mode):
            raise OutputError(f"'{target}' is not a regular file; choose another name with -o")
        # Mode bits, not os.access alone: root may write anything, but read-only is a request.
        if not mode & stat.S_IWUSR or not os.access(resolved, os.W_OK):
            raise OutputError(
                f"'{target}' is read-only; make it writable or choose another name with -o"
            )
    return resolved


def _same_file(resolved: Path, source: Path) -> bool:
    if resolved == Path(os.path.realpath(source)):
        return True
    try:
        return resolved.exists() and source.exists() and os.path.samefile(resolved, source)
    except OSError:
        return False


def _mode_for(resolved: Path) -> int:
    """The old file's permissions, or those a plain new file would get (mkstemp uses 0600)."""
    try:
        return stat.S_IMODE(resolved.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_current_umask()


def _current_umask() -> int:
    try:  # Linux shows it without changing it; os.umask can only read it by setting it.
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_temp(data: bytes, target: Path, resolved: Path, mode: int) -> str:
    """Write a complete, synced copy beside the destination; on any failure leave nothing behind."""
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{resolved.name}.", suffix=".tmp", dir=resolved.parent)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
    except BaseException as exc:
        _remove(temp)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from exc
        raise
    return temp


def _keep_beside(temp: str, target: Path, resolved: Path) -> None:
    """Give the finished temp file a visible name next to the locked deck, then report both."""
    stem, suffix = resolved.stem, resolved.suffix
    for number in range(1, 100):
        label = "new" if number == 1 else f"new {number}"
        kept = resolved.with_name(f"{stem} ({label}){suffix}")
        if os.path.lexists(kept):
            continue
        try:
            os.rename(temp, kept)
        except OSError:
            break
        # Name it as the user would see it: in the folder they typed unless a symlink led elsewhere.
        typed_folder = Path(os.path.realpath(target.parent)) == resolved.parent
        shown = target.with_name(kept.name) if typed_folder else kept
        raise OutputError(
            f"could not replace '{target}' (is it open in another program?); "
            f"the new deck was saved as '{shown}'"
        )
    _remove(temp)
    raise OutputError(
        f"could not replace '{target}' (is it open in another program?); close it and build again"
    )


def _cannot_write(target: Path, exc: OSError) -> OutputError:
    reason = os.strerror(exc.errno).lower() if exc.errno else str(exc)
    return OutputError(f"cannot write '{target}': {reason}")


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; some platforms cannot sync a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
