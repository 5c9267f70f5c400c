"""The atomic write: a deck reaches its file whole, or the previous file stays as it was."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError

__all__ = ["write_atomically"]


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
