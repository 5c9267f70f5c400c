"""Pictures an outline names: recognised by content, capped in pixels, made upright, embeddable."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from .paths import AssetPolicy, AssetProblem, read_file, resolve

MAX_PICTURE_BYTES = 50 * 1024 * 1024
MAX_PIXELS = 40_000_000
# What PowerPoint and python-pptx embed as they are; WebP and AVIF are converted to PNG.
EMBEDDED = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "BMP": "bmp", "TIFF": "tiff"}
CONVERTED = ("WEBP", "AVIF")
# Only these decoders may see a file: no EPS (Pillow runs Ghostscript for it), no exotic formats.
_DECODERS = ["PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP", "AVIF"]
SUPPORTED = "PNG, JPEG, GIF, BMP, TIFF or WebP"
_ORIENTATION = 0x0112


@dataclass(frozen=True)
class Picture:
    """A picture ready to embed: bytes in a format every viewer reads, upright, with its size."""

    data: bytes
    width: int  # pixels
    height: int
    ext: str


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
