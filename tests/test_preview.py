"""`yamldeck preview` and `export --pdf`: LibreOffice renders, each run checked and bounded."""

from __future__ import annotations

import os
import shutil
import stat
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers import clean_env, listing, run_cli
from PIL import Image

from yamldeck.commands.contactsheet import deck_titles
from yamldeck.commands.libreoffice import RendererError, pptx_to_pdf, read_words
from yamldeck.errors import EXIT_OUTPUT

pytestmark = pytest.mark.usefixtures("decks_validated")

OUTLINE = """\
deck:
  title: Preview
  language: en-NZ
slides:
  - kind: title
  - title: First point
    bullets:
      - one
  - title: Second point
    statement: Two
"""


def write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    outline = folder / "slides.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    return outline


def fake_soffice(folder: Path, body: str) -> dict[str, str]:
    """An environment whose only 'soffice' runs ``body`` (a shell script)."""
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return clean_env(PATH=f"{bin_dir}{os.pathsep}{Path(sys.executable).parent}")


@pytest.mark.usefixtures("needs_libreoffice")
def test_preview_writes_one_picture_per_slide_and_a_numbered_sheet(tmp_path: Path) -> None:
    write(tmp_path)
    folder = tmp_path / "slides-preview"
    folder.mkdir()
    (folder / "slide-09.png").write_bytes(b"an old picture")  # from an earlier, longer deck
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    run = run_cli(["preview", "slides.yaml"], tmp_path)
    assert run.code == 0, run.err
    assert run.out.startswith("wrote 3 slides and slides-preview/contact-sheet.png in ")
    assert sorted(p.name for p in folder.iterdir()) == [
        "contact-sheet.png",
        "notes.txt",
        "slide-01.png",
        "slide-02.png",
        "slide-03.png",
    ]
    for number in (1, 2, 3):
        with Image.open(folder / f"slide-0{number}.png") as picture:
            assert picture.size == (1280, 720)
    with Image.open(folder / "slide-01.png") as first:
        assert first.convert("RGB").getpixel((20, 20)) == (0x1B, 0x2A, 0x41)  # the navy title slide
    with Image.open(folder / "contact-sheet.png") as sheet:
        assert sheet.width == 24 + 3 * (400 + 24)  # three across
        assert sheet.height == 24 + (225 + 34 + 24)  # one row of 16:9 thumbnails and captions
    assert not list(tmp_path.glob("*.pptx"))  # the deck beside the outline is not touched


@pytest.mark.usefixtures("needs_libreoffice")
def test_preview_into_a_chosen_folder(tmp_path: Path) -> None:
    write(tmp_path)
    run = run_cli(["preview", "slides.yaml", "-o", "pics"], tmp_path)
    assert run.code == 0, run.err
    assert len(list((tmp_path / "pics").glob("slide-*.png"))) == 3


@pytest.mark.usefixtures("needs_libreoffice")
def test_export_pdf_writes_a_page_per_slide(tmp_path: Path) -> None:
    write(tmp_path)
    run = run_cli(["export", "--pdf", "slides.yaml"], tmp_path)
    assert run.code == 0, run.err
    assert run.out.startswith("wrote slides.pdf in ")
    pages = read_words(tmp_path / "slides.pdf")
    assert [" ".join(w.text for w in page) for page in pages][1:] == [
        "First point \u2022 one 2",
        "Second point Two 3",
    ]
    other = run_cli(["export", "--pdf", "slides.yaml", "-o", "out/talk.pdf"], tmp_path)
    assert (other.code, other.err) == (
        3, "error: cannot write 'out/talk.pdf': the folder 'out' does not exist\n")
    (tmp_path / "out").mkdir()
    assert run_cli(["export", "--pdf", "slides.yaml", "-o", "out/talk.pdf"], tmp_path).code == 0
    assert (tmp_path / "out" / "talk.pdf").read_bytes().startswith(b"%PDF")


def test_export_needs_a_format_and_a_pdf_name(tmp_path: Path) -> None:
    write(tmp_path)
    before = listing(tmp_path)
    run = run_cli(["export", "slides.yaml"], tmp_path)
    assert run.code == 2
    assert "choose a format to export to: --pdf" in run.err
    wrong = run_cli(["export", "--pdf", "slides.yaml", "-o", "talk.pptx"], tmp_path)
    assert (wrong.code, wrong.err) == (3, "error: the output 'talk.pptx' must end in .pdf\n")
    (tmp_path / "out").mkdir()
    before = listing(tmp_path)
    folder = run_cli(["export", "--pdf", "slides.yaml", "-o", "out"], tmp_path)
    assert (folder.code, folder.err) == (
        3, "error: 'out' is a folder; give a file name such as out/slides.pdf\n"
    )
    assert listing(tmp_path) == before


def test_without_libreoffice_the_message_says_how_to_install_it(tmp_path: Path) -> None:
    write(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    env = clean_env(PATH=str(empty))
    for command in (["preview", "slides.yaml"], ["export", "--pdf", "slides.yaml"]):
        run = run_cli(command, tmp_path, env)
        assert run.code == EXIT_OUTPUT == 3
        assert run.err == (
            "error: 'soffice' was not found, so slides cannot be rendered; install LibreOffice "
            "and poppler, e.g. on Debian or Ubuntu: sudo apt-get install libreoffice-impress "
            "poppler-utils fonts-crosextra-carlito (on macOS: brew install --cask libreoffice && "
            "brew install poppler)\n"
        )
    assert not (tmp_path / "slides-preview").exists() and not (tmp_path / "slides.pdf").exists()


def test_libreoffice_exiting_0_without_a_pdf_is_an_error(tmp_path: Path) -> None:
    write(tmp_path)
    env = fake_soffice(tmp_path, 'echo "Error: source file could not be loaded" >&2; exit 0')
    run = run_cli(["export", "--pdf", "slides.yaml"], tmp_path, env)
    assert run.code == 3
    assert run.err == (
        "error: LibreOffice did not produce a PDF of 'deck.pptx' (exit 0, it said: "
        "Error: source file could not be loaded)\n"
    )
    assert not (tmp_path / "slides.pdf").exists()


def test_a_libreoffice_that_hangs_is_stopped_at_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "pid"
    sleep = shutil.which("sleep")
    env = fake_soffice(tmp_path, f'echo $$ > "{pid_file}"; {sleep} 60 & wait')
    monkeypatch.setenv("PATH", env["PATH"])
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"not used")
    start = time.monotonic()
    with pytest.raises(RendererError) as caught:
        pptx_to_pdf(deck, tmp_path / "out", timeout=1)
    assert time.monotonic() - start < 10
    assert [p.message for p in caught.value.problems] == [
        "LibreOffice did not finish within 1 s; nothing was written"
    ]
    pid = int(pid_file.read_text())
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # the whole process group was ended
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("needs_libreoffice")
def test_two_conversions_at_once_each_use_their_own_profile(tmp_path: Path) -> None:
    outline = write(tmp_path)
    from yamldeck.commands.build import build_deck

    decks = [build_deck(outline, tmp_path / f"deck{i}.pptx").output for i in (1, 2)]
    results: dict[int, Path | Exception] = {}

    def convert(i: int) -> None:
        try:
            results[i] = pptx_to_pdf(decks[i - 1], tmp_path / f"pdf{i}")
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results[i] = exc

    threads = [threading.Thread(target=convert, args=(i,)) for i in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert results == {1: tmp_path / "pdf1" / "deck1.pdf", 2: tmp_path / "pdf2" / "deck2.pdf"}
    assert deck_titles(decks[0]) == ["Preview", "First point", "Second point"]
