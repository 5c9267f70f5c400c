"""Names an outline gives for its files, resolved against the outline's folder and read safely."""

from __future__ import annotations

import difflib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|data:|www\.)", re.IGNORECASE)


class AssetProblem(Exception):
    """Why an asset cannot be used; the message is shown at the outline's value."""


@dataclass(frozen=True)
class AssetPolicy:
    """Where assets are looked for, and whether they may come from outside that folder."""

    folder: Path
    allow_outside: bool = False


def resolve(raw: str, policy: AssetPolicy, what: str, limit: int) -> Path:
    """The regular file ``raw`` names, relative to the outline's folder; AssetProblem otherwise."""
    if _URL.match(raw.strip()):
        raise AssetProblem(
            f"{what} '{raw}' is a web address; {what}s must be files: download it into the "
            "outline's folder and give its file name"
        )
    base = policy.folder.resolve()
    candidate = base / raw
    try:
        real = candidate.resolve()
    except (OSError, RuntimeError):
        raise AssetProblem(f"{what} '{raw}' is a symbolic link that loops") from None
    if not policy.allow_outside and not real.is_relative_to(base):
        inside = Path(os.path.normpath(candidate)).is_relative_to(base)  # as typed, no links
        how = "is a link to a file outside" if inside else "is outside"
        raise AssetProblem(
            f"{what} '{raw}' {how} the outline's folder ({base}); copy it into that folder, "
            "or build with --allow-outside-assets if you trust this outline"
        )
    try:
        info = os.stat(real)
    except FileNotFoundError:
        raise AssetProblem(_not_found(raw, real, what, base)) from None
    except OSError as exc:
        raise AssetProblem(f"cannot read {what} '{raw}': {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise AssetProblem(f"{what} '{raw}' is a folder; give the file inside it")
    if not stat.S_ISREG(info.st_mode):
        raise AssetProblem(f"{what} '{raw}' is not a regular file (it is a device, pipe or socket)")
    if info.st_size > limit:
        raise AssetProblem(
            f"{what} '{raw}' is {info.st_size / 1048576:.1f} MB; the limit is "
            f"{limit // 1048576} MB: save a smaller copy"
        )
    return real


def _not_found(raw: str, real: Path, what: str, base: Path) -> str:
    """'... not found (looked for ...; did you mean ...?)': the file the user most likely meant."""
    found = _meant(raw, base)
    if found is not None:
        slash = "write / between folders, not \\: " if "\\" in raw else ""
        hint = f"; {slash}did you mean '{found}'?"
    elif real.parent.is_dir():
        hint = ""
    else:
        hint = f"; there is no folder {real.parent}"
    return f"{what} '{raw}' not found (looked for {real}{hint})"


_MAX_LISTED = 5000  # names looked at in one folder, and files looked at in all (a huge folder)


def _meant(raw: str, base: Path) -> str | None:
    """The existing file ``raw`` most likely means, as the outline would name it, or None.

    Folder by folder: the same name in other letter case, then the closest name (Windows
    backslashes read as /). Failing that, a file of that name (in any case) in a subfolder
    of the outline's folder: 'photo.png' for assets/photo.png.
    """
    parts = [part for part in raw.replace("\\", "/").split("/") if part not in ("", ".")]
    if not parts or ".." in parts:
        return None
    here, named = base, []
    for position, part in enumerate(parts):
        names = _names(here)
        last = position == len(parts) - 1
        match = part if part in names else {n.lower(): n for n in names}.get(part.lower())
        if match is None and last:  # the very name in a subfolder beats a near miss here
            elsewhere = _elsewhere(part, base)
            if elsewhere is not None:
                return elsewhere
        if match is None:
            close = difflib.get_close_matches(part, names, n=1, cutoff=0.6)
            match = close[0] if close else None
        if match is None or (not last and not (here / match).is_dir()):
            break
        here, named = here / match, [*named, match]
        if last and here.is_file():
            return "/".join(named)
    return _elsewhere(parts[-1], base)


def _elsewhere(name: str, base: Path) -> str | None:
    """The first file called ``name`` (any letter case) in a subfolder of ``base``, or None."""
    wanted, seen = name.lower(), 0
    for folder, subfolders, files in os.walk(base):
        deep = len(Path(folder).relative_to(base).parts) >= 3  # look no deeper than that
        subfolders[:] = [] if deep else sorted(d for d in subfolders if not d.startswith("."))
        for file in sorted(files):
            if file.lower() == wanted:
                return Path(folder, file).relative_to(base).as_posix()
        seen += len(files)
        if seen > _MAX_LISTED:
            return None
    return None


def _names(folder: Path) -> list[str]:
    try:
        return sorted(n for n in os.listdir(folder) if not n.startswith("."))[:_MAX_LISTED]
    except OSError:
        return []


def read_file(path: Path, raw: str, what: str, limit: int) -> bytes:
    """Read a file resolve() accepted, never blocking and never past ``limit``."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since resolve()
                raise AssetProblem(f"{what} '{raw}' is not a regular file")
            data = handle.read(limit + 1)
    except OSError as exc:
        raise AssetProblem(f"cannot read {what} '{raw}': {exc.strerror or exc}") from None
    if len(data) > limit:
        raise AssetProblem(
            f"{what} '{raw}' is larger than {limit // 1048576} MB; save a smaller copy")
    return data
