"""Pictures and CSV files an outline names: the "Images and other assets" rows of bad-inputs.md.

Each bad input gives one located message (at the outline's `image:` or `csv:` value), exit 1, and
leaves the previous deck as it was. Pictures are made here with Pillow; no binaries are committed.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import validate_pptx
from PIL import Image
from pptx import Presentation

import yamldeck.commands.check
from yamldeck.cli import main

pytestmark = pytest.mark.usefixtures("decks_validated")


@pytest.fixture(autouse=True)
def no_deck_lints(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests pin build's own messages; the lints build and check add are tested apart."""
    monkeypatch.setattr(yamldeck.commands.check, "CHECKS", [])

OUTLINE = """deck:
  title: Pictures
slides:
  - title: Where
    image: {image}
    alt: A map of the region
"""
AT = "slides.yaml:5:12: error: slide 1 'Where': "


def _png(path: Path, size: tuple[int, int] = (40, 20), color: str = "navy") -> Path:
    Image.new("RGB", size, color).save(path)
    return path


def _bomb(path: Path) -> None:
    """A tiny PNG whose header declares 10000 x 10000 pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", 10000, 10000, 1, 0, 0, 0, 0)
    body = zlib.compress(b"\x00" * 1251 * 100)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )


def _sparse(path: Path, size: int) -> None:
    """A file of ``size`` bytes that takes no disk space."""
    path.write_bytes(b"")
    os.truncate(path, size)


def _truncated(path: Path) -> None:
    noise = Image.effect_noise((300, 300), 60).convert("RGB")
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a good picture and a deck built from it; the CLI runs from there."""
    folder = tmp_path / "talk"
    folder.mkdir()
    _png(folder / "good.png")
    monkeypatch.chdir(folder)
    (folder / "slides.yaml").write_text(OUTLINE.format(image="good.png"), encoding="utf-8")
    assert main(["build", "slides.yaml"]) == 0
    return folder


def _build_with(
    project: Path, image: str, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, list[str]]:
    deck = (project / "slides.pptx").read_bytes()
    capsys.readouterr()
    (project / "slides.yaml").write_text(OUTLINE.format(image=image), encoding="utf-8")
    code = main(["build", "slides.yaml", *extra])
    err = capsys.readouterr().err.splitlines()
    if code != 0:
        assert (project / "slides.pptx").read_bytes() == deck  # the previous deck is untouched
    return code, err


Setup = Callable[[Path], str]  # makes the files, returns the `image:` value
CASES: list[tuple[str, Setup, str]] = [
    (
        "misspelt-name",
        lambda p: (_png(p / "Map.png"), "map.png")[1],
        "picture 'map.png' not found (looked for {p}/map.png; did you mean 'Map.png'?)",
    ),
    (
        "near-miss-in-subfolder",
        lambda p: ((p / "img").mkdir(), _png(p / "img" / "harbour.png"), "img/harbor.png")[2],
        "picture 'img/harbor.png' not found (looked for {p}/img/harbor.png; "
        "did you mean 'img/harbour.png'?)",
    ),
    (
        "folder-in-other-case",
        lambda p: (
            (p / "Photos").mkdir(), _png(p / "Photos" / "Launch.png"), "photos/launch.png"
        )[2],
        "picture 'photos/launch.png' not found (looked for {p}/photos/launch.png; "
        "did you mean 'Photos/Launch.png'?)",
    ),
    (
        "windows-backslashes",
        lambda p: ((p / "img").mkdir(), _png(p / "img" / "map.png"), "img\\map.png")[2],
        "picture 'img\\map.png' not found (looked for {p}/img\\map.png; write / between folders, "
        "not \\: did you mean 'img/map.png'?)",
    ),
    (
        "file-in-a-subfolder",
        lambda p: (
            (p / "assets" / "photos").mkdir(parents=True),
            _png(p / "assets" / "photos" / "map.png"),
            "map.png",
        )[2],
        "picture 'map.png' not found (looked for {p}/map.png; did you mean "
        "'assets/photos/map.png'?)",
    ),
    (
        "same-name-in-a-subfolder-beats-a-near-miss-beside-it",
        lambda p: (
            (p / "assets").mkdir(), _png(p / "assets" / "map.png"), _png(p / "map2.png"), "map.png"
        )[3],
        "picture 'map.png' not found (looked for {p}/map.png; did you mean 'assets/map.png'?)",
    ),
    (
        "misspelt-folder",
        lambda p: ((p / "photos").mkdir(), _png(p / "photos" / "map.png"), "photo/map.png")[2],
        "picture 'photo/map.png' not found (looked for {p}/photo/map.png; did you mean "
        "'photos/map.png'?)",
    ),
    (
        "missing-folder",
        lambda p: "pics/map.png",
        "picture 'pics/map.png' not found (looked for {p}/pics/map.png; "
        "there is no folder {p}/pics)",
    ),
    (
        "parent-folder",
        lambda p: (_png(p.parent / "secret.png"), "../secret.png")[1],
        "picture '../secret.png' is outside the outline's folder ({p}); copy it into that folder, "
        "or build with --allow-outside-assets if you trust this outline",
    ),
    (
        "absolute-path",
        lambda p: str(_png(p.parent / "secret.png")),
        "picture '{p.parent}/secret.png' is outside the outline's folder ({p}); copy it into that "
        "folder, or build with --allow-outside-assets if you trust this outline",
    ),
    (
        "symlink-leading-outside",
        lambda p: ((p / "link.png").symlink_to(_png(p.parent / "secret.png")), "link.png")[1],
        "picture 'link.png' is a link to a file outside the outline's folder ({p}); copy it into "
        "that folder, or build with --allow-outside-assets if you trust this outline",
    ),
    (
        "directory",
        lambda p: ((p / "maps").mkdir(), "maps")[1],
        "picture 'maps' is a folder; give the file inside it",
    ),
    (
        "fifo",
        lambda p: (os.mkfifo(p / "pipe.png"), "pipe.png")[1],
        "picture 'pipe.png' is not a regular file (it is a device, pipe or socket)",
    ),
    (
        "over-the-size-cap",
        lambda p: (_sparse(p / "huge.png", 51 * 1024 * 1024), "huge.png")[1],
        "picture 'huge.png' is 51.0 MB; the limit is 50 MB: save a smaller copy",
    ),
    (
        "text-named-png",
        lambda p: ((p / "notes.png").write_text("not a picture\n"), "notes.png")[1],
        "picture 'notes.png' is not a picture yamldeck can read (its content is not PNG, JPEG, "
        "GIF, BMP, TIFF or WebP); open it in an image editor and save it as PNG or JPEG",
    ),
    (
        "truncated-png",
        lambda p: (_truncated(p / "cut.png"), "cut.png")[1],
        "picture 'cut.png' is damaged or incomplete (image file is truncated); save or download it "
        "again",
    ),
    (
        "svg",
        lambda p: (
            (p / "logo.svg").write_text('<?xml version="1.0"?>\n<svg xmlns="x"/>'),
            "logo.svg",
        )[1],
        "picture 'logo.svg' is an SVG drawing, which yamldeck does not place; export it as PNG "
        "(in Inkscape: inkscape logo.svg -o logo.png) and use that. Supported: PNG, JPEG, GIF, "
        "BMP, TIFF or WebP",
    ),
    (
        "heic",
        lambda p: (
            (p / "photo.heic").write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64),
            "photo.heic",
        )[1],
        "picture 'photo.heic' is a HEIC photo, which PowerPoint cannot show everywhere; convert it "
        "to JPEG (on a Mac: open it in Preview, File > Export, JPEG; on Linux: heif-convert "
        "photo.heic photo.jpg). Supported: PNG, JPEG, GIF, BMP, TIFF or WebP",
    ),
    (
        "decompression-bomb",
        lambda p: (_bomb(p / "bomb.png"), "bomb.png")[1],
        "picture 'bomb.png' is 10000 x 10000 pixels (100 megapixels); the limit is 40 megapixels: "
        "save a smaller copy (4000 pixels across is plenty for a slide)",
    ),
    (
        "url",
        lambda p: "https://example.org/map.png",
        "picture 'https://example.org/map.png' is a web address; pictures must be files: download "
        "it into the outline's folder and give its file name",
    ),
]


@pytest.mark.parametrize("setup,message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_picture_is_one_located_message_and_keeps_the_deck(
    project: Path, capsys: pytest.CaptureFixture[str], setup: Setup, message: str
) -> None:
    image = setup(project)
    code, err = _build_with(project, image, capsys)
    assert code == 1
    assert err == [AT + message.format(p=project)]


def test_outside_pictures_are_used_when_the_user_opts_in(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _png(project.parent / "shared.png", (30, 60))
    (project / "link.png").symlink_to(project.parent / "shared.png")
    for image in ("../shared.png", str(project.parent / "shared.png"), "link.png"):
        code, err = _build_with(project, image, capsys, "--allow-outside-assets")
        assert (code, err) == (0, [])
        slide = Presentation("slides.pptx").slides[0]
        picture = next(s for s in slide.shapes if s.shape_type == 13)
        assert picture.image.size == (30, 60)
        assert "shared" not in picture._element.nvPicPr.cNvPr.get("descr")


def test_dev_zero_is_refused_even_when_outside_pictures_are_allowed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _build_with(project, "/dev/zero", capsys, "--allow-outside-assets")
    assert code == 1
    assert err == [
        AT + "picture '/dev/zero' is not a regular file (it is a device, pipe or socket)"
    ]


def _embedded(deck: Path) -> tuple[str, tuple[int, int], str]:
    """(content type, pixel size, part name) of the deck's only picture."""
    slide = Presentation(str(deck)).slides[0]
    picture = next(s for s in slide.shapes if s.shape_type == 13)
    return picture.image.content_type, picture.image.size, picture.image.filename


def test_phone_photo_with_exif_rotation_comes_out_upright(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to display"
    Image.new("RGB", (80, 40), "green").save(project / "photo.jpg", exif=exif)
    code, _ = _build_with(project, "photo.jpg", capsys)
    assert code == 0
    content_type, size, _ = _embedded(project / "slides.pptx")
    assert (content_type, size) == ("image/jpeg", (40, 80))
    slide = Presentation("slides.pptx").slides[0]
    picture = next(s for s in slide.shapes if s.shape_type == 13)
    assert picture.height > picture.width  # placed upright, not sideways


def test_webp_is_converted_to_png(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Image.new("RGBA", (64, 32), (200, 40, 40, 128)).save(project / "chart.webp")
    assert _build_with(project, "chart.webp", capsys)[0] == 0
    content_type, size, _ = _embedded(project / "slides.pptx")
    assert (content_type, size) == ("image/png", (64, 32))


def test_multi_picture_jpeg_from_a_phone_is_embedded_as_jpeg(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = Image.new("RGB", (60, 30), "red"), Image.new("RGB", (60, 30), "blue")
    first.save(project / "camera.jpg", "MPO", save_all=True, append_images=[second])
    with Image.open(project / "camera.jpg") as written:
        assert written.format == "MPO"
    assert _build_with(project, "camera.jpg", capsys)[0] == 0
    content_type, size, _ = _embedded(project / "slides.pptx")
    assert (content_type, size) == ("image/jpeg", (60, 30))


@pytest.mark.parametrize(
    "fmt,content_type",
    [
        ("PNG", "image/png"),
        ("JPEG", "image/jpeg"),
        ("GIF", "image/gif"),
        ("BMP", "image/bmp"),
        ("TIFF", "image/tiff"),
    ],
)
def test_supported_formats_are_embedded_as_they_are(
    project: Path, capsys: pytest.CaptureFixture[str], fmt: str, content_type: str
) -> None:
    name = f"picture.{fmt.lower()}"
    Image.new("RGB", (50, 25), "orange").save(project / name, fmt)
    assert _build_with(project, name, capsys)[0] == 0
    assert _embedded(project / "slides.pptx")[:2] == (content_type, (50, 25))
    with zipfile.ZipFile(project / "slides.pptx") as package:
        media = [n for n in package.namelist() if n.startswith("ppt/media/")]
        assert len(media) == 1
        assert package.read(media[0]) == (project / name).read_bytes()


CHART = """deck:
  title: Charts
slides:
  - title: Partners
    chart:
      type: bar
      csv: {csv}
"""
CHART_AT = "slides.yaml:7:12: error: slide 1 'Partners': "


@pytest.mark.parametrize(
    "content,message",
    [
        (
            "Region,Partners\nEurope,25\nAmericas,4x\n",
            "CSV file 'data.csv' row 3 'Americas': '4x' is not a number; write digits such as "
            "25 or 4.5",
        ),
        (
            "Region,Partners\nEurope,25\nAmericas\n",
            "CSV file 'data.csv' row 3 has 1 cell but the header row has 2; give every row the "
            'same number of cells (write "" for an empty one)',
        ),
        (
            "Region,Partners\n",
            "CSV file 'data.csv' needs a header row and at least one row of numbers below it",
        ),
        (
            "Region,Partners\nEurope,25\nCaf\xe9,1\n",  # written as Latin-1: not UTF-8
            "CSV file 'data.csv' is not UTF-8 text; in Excel use Save As > 'CSV UTF-8', in "
            "LibreOffice tick 'Edit filter settings' and choose Unicode (UTF-8)",
        ),
    ],
    ids=["not-a-number", "short-row", "header-only", "not-utf8"],
)
def test_bad_csv_is_located_at_the_csv_value(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: str,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data.csv").write_bytes(content.encode("latin-1"))
    (tmp_path / "slides.yaml").write_text(CHART.format(csv="data.csv"), encoding="utf-8")
    assert main(["build", "slides.yaml"]) == 1
    assert capsys.readouterr().err.splitlines() == [CHART_AT + message]
    assert not (tmp_path / "slides.pptx").exists()


def test_missing_csv_and_missing_picture_are_reported_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slides.yaml").write_text(
        CHART.format(csv="numbers.csv") + "  - title: Map\n    image: map.png\n    alt: A map\n",
        encoding="utf-8",
    )
    assert main(["build", "slides.yaml"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        CHART_AT + f"CSV file 'numbers.csv' not found (looked for {tmp_path}/numbers.csv)",
        f"slides.yaml:9:12: error: slide 2 'Map': picture 'map.png' not found (looked for "
        f"{tmp_path}/map.png)",
        "2 problems; nothing was written",
    ]


def test_assets_resolve_against_the_outline_folder_not_the_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    talk = tmp_path / "talk"
    (talk / "assets").mkdir(parents=True)
    _png(talk / "assets" / "map.png", (20, 40))
    (talk / "assets" / "data.csv").write_text("Year,Value\n2020,1\n2021,2\n", encoding="utf-8")
    (talk / "slides.yaml").write_text(
        OUTLINE.format(image="assets/map.png")
        + CHART.split("slides:\n")[1].format(csv="assets/data.csv"),
        encoding="utf-8",
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["build", "../talk/slides.yaml"]) == 0
    validate_pptx(talk / "slides.pptx")
    prs = Presentation(str(talk / "slides.pptx"))
    chart = next(s for s in prs.slides[1].shapes if s.has_chart).chart
    assert chart.plots[0].series[0].values == (1, 2)
    assert _embedded(talk / "slides.pptx")[1] == (20, 40)
