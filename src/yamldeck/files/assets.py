"""Files an outline names (pictures, CSV data): resolved beside the outline, checked, loaded."""

from __future__ import annotations

import difflib
import io
import os
import re
import stat
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from ..errors import OutlineError, Problem
from ..outline import tabular
from ..outline.fields import _check_text
from ..outline.inline import plain_text
from ..outline.loader import SourceMap
from ..outline.model import ChartSlide, NumberSlide, Outline, PictureSlide, TableSlide

MAX_PICTURE_BYTES = 50 * 1024 * 1024
MAX_CSV_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
# What PowerPoint and python-pptx embed as they are; WebP and AVIF are converted to PNG.
EMBEDDED = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "BMP": "bmp", "TIFF": "tiff"}
CONVERTED = ("WEBP", "AVIF")
# Only these decoders may see a file: no EPS (Pillow runs Ghostscript for it), no exotic formats.
_DECODERS = ["PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP", "AVIF"]
SUPPORTED = "PNG, JPEG, GIF, BMP, TIFF or WebP"
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|data:|www\.)", re.IGNORECASE)
_ORIENTATION = 0x0112


class AssetProblem(Exception):
    """Why an asset cannot be used; the message is shown at the outline's value."""


@dataclass(frozen=True)
class AssetPolicy:
    """Where assets are looked for, and whether they may come from outside that folder."""

    folder: Path
    allow_outside: bool = False


@dataclass(frozen=True)
class Picture:
    """A picture ready to embed: bytes in a format every viewer reads, upright, with its size."""

    data: bytes
    width: int  # pixels
    height: int
    ext: str


@dataclass
class Assets:
    """What the outline's slides refer to, loaded once, keyed by the text the outline gives."""

    pictures: dict[str, Picture] = field(default_factory=dict)
    rows: dict[str, list[list[str]]] = field(default_factory=dict)


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


def _unsupported(raw: str, data: bytes) -> str | None:
    """A message for formats people try that cannot go on a slide, recognised by their content."""
    head = data[:1024].lstrip().lower()
    name = Path(raw).name
    stem = Path(raw).stem
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return (f"picture '{raw}' is an SVG drawing, which yamldeck does not place; export it as "
                f"PNG (in Inkscape: inkscape {name} -o {stem}.png) and use that. "
                f"Supported: {SUPPORTED}")
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"hevc", b"heim", b"heis",
                                               b"hevm", b"hevs", b"mif1", b"msf1"):
        return (f"picture '{raw}' is a HEIC photo, which PowerPoint cannot show everywhere; "
                f"convert it to JPEG (on a Mac: open it in Preview, File > Export, JPEG; on Linux: "
                f"heif-convert {name} {stem}.jpg). Supported: {SUPPORTED}")
    if data.startswith(b"%PDF"):
        return (f"picture '{raw}' is a PDF; export the page as PNG (e.g. pdftoppm -png -r 200 "
                f"{name} {stem}) and use that. Supported: {SUPPORTED}")
    return None


def load_picture(raw: str, policy: AssetPolicy) -> Picture:
    """Check and load one picture; AssetProblem names what is wrong and how to fix it."""
    data = read_file(resolve(raw, policy, "picture", MAX_PICTURE_BYTES), raw, "picture",
                     MAX_PICTURE_BYTES)
    problem = _unsupported(raw, data)
    if problem:
        raise AssetProblem(problem)
    with warnings.catch_warnings():
        # We apply our own, lower pixel cap below, before anything is decoded.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=_DECODERS)
        except Image.DecompressionBombError:
            raise AssetProblem(_too_many_pixels(raw, None)) from None
        except Exception:  # noqa: BLE001 - any decoder failure means "not a picture we can read"
            raise AssetProblem(
                f"picture '{raw}' is not a picture yamldeck can read (its content is not "
                f"{SUPPORTED}); open it in an image editor and save it as PNG or JPEG"
            ) from None
        if image.width * image.height > MAX_PIXELS:
            raise AssetProblem(_too_many_pixels(raw, image.size))
        try:
            image.load()
        except Exception as exc:  # noqa: BLE001 - truncated or corrupt data, whatever the decoder
            raise AssetProblem(
                f"picture '{raw}' is damaged or incomplete ({exc}); save or download it again"
            ) from None
        return _embeddable(image, data)


def _too_many_pixels(raw: str, size: tuple[int, int] | None) -> str:
    if size:
        found = f"{size[0]} x {size[1]} pixels ({size[0] * size[1] / 1e6:.0f} megapixels)"
    else:
        found = "too many pixels"
    return (f"picture '{raw}' is {found}; the limit is {MAX_PIXELS // 1_000_000} megapixels: "
            "save a smaller copy (4000 pixels across is plenty for a slide)")


def _embeddable(image: Any, data: bytes) -> Picture:
    """The picture as PowerPoint should get it: upright, in a format every viewer reads."""
    fmt = image.format
    orientation = image.getexif().get(_ORIENTATION, 1)
    if fmt in EMBEDDED and orientation in (1, None, 0):
        return Picture(data, image.width, image.height, EMBEDDED[fmt])
    upright = ImageOps.exif_transpose(image)  # a phone photo comes out the way it was held
    if fmt in ("JPEG", "MPO"):  # MPO: a phone's multi-picture JPEG; keep the first picture
        out_fmt, options = "JPEG", {"quality": 95}  # type: dict[str, Any]
        if upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
    elif fmt in EMBEDDED:
        out_fmt, options = fmt, {}
    else:
        out_fmt, options = "PNG", {}
    if image.info.get("icc_profile") and out_fmt in ("JPEG", "PNG"):
        options["icc_profile"] = image.info["icc_profile"]  # keep the colours as they were
    buffer = io.BytesIO()
    upright.save(buffer, out_fmt, **options)
    return Picture(buffer.getvalue(), upright.width, upright.height, EMBEDDED[out_fmt])


def load_rows(raw: str, policy: AssetPolicy) -> list[list[str]]:
    """The rows of a CSV file beside the outline."""
    data = read_file(resolve(raw, policy, "CSV file", MAX_CSV_BYTES), raw, "CSV file",
                     MAX_CSV_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AssetProblem(
            f"CSV file '{raw}' is not UTF-8 text; in Excel use Save As > 'CSV UTF-8', "
            "in LibreOffice tick 'Edit filter settings' and choose Unicode (UTF-8)"
        ) from None
    try:
        rows = tabular.parse_csv(text)
        for number, row in enumerate(rows, start=1):
            for column, cell in enumerate(row, start=1):
                try:
                    row[column - 1] = _check_text(cell)
                except ValueError as exc:
                    raise ValueError(f"row {number}, column {column}: {exc}") from None
    except ValueError as exc:
        raise AssetProblem(f"CSV file '{raw}' {exc}") from None
    return rows


def load_assets(outline: Outline, source: SourceMap, policy: AssetPolicy) -> Assets:
    """Load every picture and CSV file the outline names; one OutlineError lists all problems."""
    assets = Assets()
    problems: list[Problem] = []
    for index, slide in enumerate(outline.slides):
        label = f"slide {index + 1} '{plain_text(getattr(slide, 'title', None) or '')}'"
        for path, check in _references(slide):
            try:
                check(assets, policy)
            except AssetProblem as exc:
                problems.append(source.problem(("slides", index, *path), f"{label}: {exc}"))
    if problems:
        raise OutlineError(problems)
    return assets


def _references(slide: Any) -> list[tuple[tuple[str, ...], Any]]:
    """(where in the slide, a loader) for each file the slide names."""
    found: list[tuple[tuple[str, ...], Any]] = []
    if isinstance(slide, PictureSlide):
        found.append((("image",), lambda a, p, raw=slide.image: _picture(a, p, raw)))
    if isinstance(slide, TableSlide) and slide.csv:
        found.append((("csv",), lambda a, p, s=slide: _table(a, p, s)))
    chart = slide.chart if isinstance(slide, (ChartSlide, NumberSlide)) else None
    if chart is not None and chart.csv:
        found.append((("chart", "csv"), lambda a, p, c=chart: _chart(a, p, c)))
    return found


def _picture(assets: Assets, policy: AssetPolicy, raw: str) -> None:
    if raw not in assets.pictures:
        assets.pictures[raw] = load_picture(raw, policy)


def _csv(assets: Assets, policy: AssetPolicy, raw: str) -> list[list[str]]:
    if raw not in assets.rows:
        assets.rows[raw] = load_rows(raw, policy)
    return assets.rows[raw]


def _table(assets: Assets, policy: AssetPolicy, slide: TableSlide) -> None:
    rows = _csv(assets, policy, slide.csv or "")
    try:
        data = tabular.table_data(rows)
    except ValueError as exc:
        raise AssetProblem(f"CSV file '{slide.csv}' {exc}") from None
    count = len(data.header)
    for key, given in (("align", slide.align), ("widths", slide.widths)):
        if given is not None and len(given) != count:
            raise AssetProblem(
                f"CSV file '{slide.csv}' has {count} columns but '{key}' lists {len(given)}; "
                "give one entry per column"
            )


def _chart(assets: Assets, policy: AssetPolicy, chart: Any) -> None:
    rows = _csv(assets, policy, chart.csv)
    try:
        tabular.check_chart(chart.type, tabular.chart_data(rows))
    except ValueError as exc:
        raise AssetProblem(f"CSV file '{chart.csv}' {exc}") from None
