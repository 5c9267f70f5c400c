"""Tests for yamldeck.package.archive: reproducible deck bytes and the atomic, loss-free write."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import subprocess
import sys
import time
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from helpers import VALIDATOR
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from yamldeck.errors import EXIT_OUTPUT, OutputError
from yamldeck.package.archive import deterministic_bytes, source_date_epoch
from yamldeck.package.writer import write_atomically

EPOCH = 1_700_000_000  # 2023-11-14T22:13:20Z
EPOCH_DATE = (2023, 11, 14, 22, 13, 20)
EPOCH_ISO = "2023-11-14T22:13:20Z"
SLIDES = [("Why yamldeck", "Outlines, not pixels"), ("How it works", "YAML in, deck out")]
REPO = Path(__file__).resolve().parents[1]
WORKBOOK = "ppt/embeddings/Microsoft_Excel_Sheet1.xlsx"


def build_deck() -> bytes:
    """Two text slides and one native chart (which embeds an .xlsx), saved as yamldeck saves."""
    prs = Presentation()
    for title, body in SLIDES:
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = title
        slide.placeholders[1].text = body
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Numbers"
    data = CategoryChartData()
    data.categories = ["Q1", "Q2", "Q3"]
    data.add_series("Sales", (1.0, 2.5, 4.0))
    slide.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(1.5), Inches(8), Inches(5), data
    )
    buffer = BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def slide_texts(data: bytes) -> list[list[str]]:
    prs = Presentation(BytesIO(data))
    return [[s.text_frame.text for s in slide.shapes if s.has_text_frame] for slide in prs.slides]


def message(exc: pytest.ExceptionInfo[OutputError]) -> str:
    assert exc.value.exit_code == EXIT_OUTPUT
    assert len(exc.value.problems) == 1
    return str(exc.value.problems[0].message)


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- deterministic_bytes ------------------------------------------------------------------------


def test_same_bytes_for_saves_at_other_times_and_in_other_time_zones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = build_deck()
    try:
        with monkeypatch.context() as patch:
            patch.setenv("TZ", "XYZ-5:30")
            time.tzset()
            later = time.time() + 86_400 + 3
            patch.setattr(time, "time", lambda: later)
            second = build_deck()
            second_fixed = deterministic_bytes(second, epoch=EPOCH)
    finally:
        time.tzset()
    assert sha(first) != sha(second)  # the raw saves really differ, so the test has teeth
    assert sha(deterministic_bytes(first, epoch=EPOCH)) == sha(second_fixed)


def test_same_bytes_across_processes_hash_seeds_and_time_zones() -> None:
    script = (
        "import hashlib, json, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_package import EPOCH, build_deck\n"
        "from yamldeck.package.archive import deterministic_bytes\n"
        "raw = build_deck()\n"
        "fixed = deterministic_bytes(raw, epoch=EPOCH)\n"
        "print(json.dumps([hashlib.sha256(raw).hexdigest(), hashlib.sha256(fixed).hexdigest()]))\n"
    )
    results = []
    for seed, zone in (("1", "UTC0"), ("4242", "XYZ-5:30")):
        env = dict(os.environ, PYTHONHASHSEED=seed, TZ=zone)
        paths = [str(REPO / "src"), env.get("PYTHONPATH", "")]
        env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
        env.pop("SOURCE_DATE_EPOCH", None)
        run = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
        )
        assert run.returncode == 0, run.stderr
        results.append(json.loads(run.stdout))
    (raw_a, fixed_a), (raw_b, fixed_b) = results
    assert raw_a != raw_b
    assert fixed_a == fixed_b


def test_members_have_fixed_metadata_and_order() -> None:
    raw = build_deck()
    fixed = zipfile.ZipFile(BytesIO(deterministic_bytes(raw, epoch=EPOCH)))
    original = zipfile.ZipFile(BytesIO(raw)).namelist()
    names = fixed.namelist()
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert names == ["[Content_Types].xml", "_rels/.rels"] + [
        n for n in original if n not in ("[Content_Types].xml", "_rels/.rels")
    ]
    assert len(names) == len(set(names))
    for info in fixed.infolist():
        assert info.date_time == EPOCH_DATE
        assert info.create_system == 3
        assert info.external_attr == 0o644 << 16
        assert info.compress_type == zipfile.ZIP_DEFLATED
    for name in original:
        if name != WORKBOOK:
            assert fixed.read(name) == zipfile.ZipFile(BytesIO(raw)).read(name)


def test_result_opens_with_python_pptx_and_keeps_the_text() -> None:
    raw = build_deck()
    fixed = deterministic_bytes(raw, epoch=EPOCH)
    texts = slide_texts(fixed)
    assert texts == slide_texts(raw)
    assert texts[0] == list(SLIDES[0])
    chart = [s for s in Presentation(BytesIO(fixed)).slides[2].shapes if s.has_chart][0].chart
    assert list(chart.plots[0].series[0].values) == [1.0, 2.5, 4.0]


def test_embedded_workbook_is_deterministic_too() -> None:
    fixed = zipfile.ZipFile(BytesIO(deterministic_bytes(build_deck(), epoch=EPOCH)))
    workbook = zipfile.ZipFile(BytesIO(fixed.read(WORKBOOK)))
    assert workbook.namelist()[:2] == ["[Content_Types].xml", "_rels/.rels"]
    for info in workbook.infolist():
        assert (info.date_time, info.create_system) == (EPOCH_DATE, 3)
        assert info.external_attr == 0o644 << 16
    core = workbook.read("docProps/core.xml").decode()
    assert f'W3CDTF">{EPOCH_ISO}</dcterms:created>' in core
    assert f'W3CDTF">{EPOCH_ISO}</dcterms:modified>' in core


def test_epoch_before_1980_is_clamped_in_the_zip_only() -> None:
    fixed = zipfile.ZipFile(BytesIO(deterministic_bytes(build_deck(), epoch=0)))
    assert {info.date_time for info in fixed.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    core = zipfile.ZipFile(BytesIO(fixed.read(WORKBOOK))).read("docProps/core.xml").decode()
    assert ">1970-01-01T00:00:00Z</dcterms:created>" in core


def test_odd_epoch_is_rounded_down_to_what_zip_can_store() -> None:
    fixed = zipfile.ZipFile(BytesIO(deterministic_bytes(build_deck(), epoch=EPOCH + 1)))
    assert {info.date_time for info in fixed.infolist()} == {EPOCH_DATE}


def test_duplicate_members_are_written_once() -> None:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as z, pytest.warns(UserWarning, match="Duplicate name"):
        z.writestr("ppt/a.xml", b"old")
        z.writestr("[Content_Types].xml", b"types")
        z.writestr("ppt/a.xml", b"new")
    fixed = zipfile.ZipFile(BytesIO(deterministic_bytes(buffer.getvalue(), epoch=EPOCH)))
    assert fixed.namelist() == ["[Content_Types].xml", "ppt/a.xml"]
    assert fixed.read("ppt/a.xml") == b"new"


def test_deterministic_deck_passes_the_shared_validator(tmp_path: Path) -> None:
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(deterministic_bytes(build_deck(), epoch=EPOCH))
    assert zipfile.ZipFile(deck).testzip() is None
    if VALIDATOR.exists():  # ../shared is absent outside the team checkout; only this part needs it
        run = subprocess.run(
            [sys.executable, str(VALIDATOR), str(deck)], capture_output=True, text=True, timeout=300
        )
        assert run.returncode == 0, run.stdout + run.stderr


# --- source_date_epoch --------------------------------------------------------------------------


def test_source_date_epoch_unset_or_empty_gives_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert source_date_epoch(123) == 123
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    assert source_date_epoch(123) == 123


def test_source_date_epoch_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert source_date_epoch(0) == EPOCH
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert source_date_epoch(5) == 0


@pytest.mark.parametrize("raw", ["abc", "-5", "1.5", "1e9", "+7", "١٢٣"])
def test_invalid_source_date_epoch_is_refused(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", raw)
    with pytest.raises(OutputError) as exc:
        source_date_epoch(0)
    assert message(exc) == (
        f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got '{raw}'"
    )


def test_source_date_epoch_beyond_year_9999_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "99999999999999")
    with pytest.raises(OutputError) as exc:
        source_date_epoch(0)
    assert message(exc) == (
        "SOURCE_DATE_EPOCH must be at most 253402300799 (9999-12-31), got '99999999999999'"
    )


# --- write_atomically ---------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work inside tmp_path so targets can be named as a user types them (relative)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_writes_a_new_file_with_the_usual_mode(folder: Path) -> None:
    old_mask = os.umask(0o027)
    try:
        written = write_atomically(b"deck", Path("deck.pptx"))
    finally:
        os.umask(old_mask)
    assert written == Path("deck.pptx")
    assert (folder / "deck.pptx").read_bytes() == b"deck"
    assert stat.S_IMODE((folder / "deck.pptx").stat().st_mode) == 0o640
    assert listing(folder) == ["deck.pptx"]


def test_replacing_keeps_the_old_mode(folder: Path) -> None:
    deck = folder / "deck.pptx"
    deck.write_bytes(b"old")
    deck.chmod(0o640)
    write_atomically(b"new", Path("deck.pptx"))
    assert deck.read_bytes() == b"new"
    assert stat.S_IMODE(deck.stat().st_mode) == 0o640
    assert listing(folder) == ["deck.pptx"]


def test_symlinked_target_is_written_through(folder: Path) -> None:
    (folder / "real").mkdir()
    real = folder / "real" / "deck.pptx"
    real.write_bytes(b"old")
    (folder / "link.pptx").symlink_to(real)
    assert write_atomically(b"new", Path("link.pptx")) == Path("link.pptx")
    assert (folder / "link.pptx").is_symlink()
    assert real.read_bytes() == b"new"
    assert listing(folder / "real") == ["deck.pptx"]


def test_dangling_symlink_creates_the_file_it_names(folder: Path) -> None:
    (folder / "link.pptx").symlink_to(folder / "made.pptx")
    write_atomically(b"new", Path("link.pptx"))
    assert (folder / "link.pptx").is_symlink()
    assert (folder / "made.pptx").read_bytes() == b"new"


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink", "hardlink"])
def test_refuses_to_overwrite_an_input(folder: Path, spelling: str) -> None:
    outline = folder / "slides.yaml"
    outline.write_bytes(b"title: Talk\n")
    target = {
        "same": Path("slides.yaml"),
        "dotted": Path("sub/../slides.yaml"),
        "symlink": Path("alias.pptx"),
        "hardlink": Path("hard.pptx"),
    }[spelling]
    (folder / "sub").mkdir()
    (folder / "alias.pptx").symlink_to(outline)
    os.link(outline, folder / "hard.pptx")
    with pytest.raises(OutputError) as exc:
        write_atomically(b"deck", target, protected=[Path("other.png"), outline])
    assert message(exc) == (
        "refusing to write the deck over the input file 'slides.yaml'; "
        "choose another output name with -o"
    )
    assert outline.read_bytes() == b"title: Talk\n"
    assert listing(folder) == ["alias.pptx", "hard.pptx", "slides.yaml", "sub"]


def test_refuses_a_folder_as_target(folder: Path) -> None:
    (folder / "out").mkdir()
    with pytest.raises(OutputError) as exc:
        write_atomically(b"deck", Path("out"))
    assert message(exc) == "'out' is a folder; give a file name such as out/deck.pptx"
    assert listing(folder / "out") == []


def test_missing_parent_folder(folder: Path) -> None:
    with pytest.raises(OutputError) as exc:
        write_atomically(b"deck", Path("x/deck.pptx"))
    assert message(exc) == "cannot write 'x/deck.pptx': the folder 'x' does not exist"
    assert listing(folder) == []


def test_parent_that_is_a_file(folder: Path) -> None:
    (folder / "x").write_bytes(b"")
    with pytest.raises(OutputError) as exc:
        write_atomically(b"deck", Path("x/deck.pptx"))
    assert message(exc) == "cannot write 'x/deck.pptx': 'x' is not a folder"


def test_refuses_a_target_that_is_not_a_regular_file(folder: Path) -> None:
    os.mkfifo(folder / "pipe")
    with pytest.raises(OutputError) as exc:
        write_atomically(b"deck", Path("pipe"))
    assert message(exc) == "'pipe' is not a regular file; choose another name with -o"
    assert stat.S_ISFIFO((folder / "pipe").stat().st_mode)


def test_symlink_loop(folder: Path) -> None:
    (folder / "a.pptx").symlink_to(folder / "b.pptx")
    (folder / "b.pptx").symlink_to(folder / "a.pptx")
    with pytest.raises(OutputError) as exc:
        write_atomically(b"deck", Path("a.pptx"))
    assert message(exc) == "cannot write 'a.pptx': it is a symbolic link that loops"


def test_read_only_target_is_left_alone(folder: Path) -> None:
    deck = folder / "deck.pptx"
    deck.write_bytes(b"old")
    deck.chmod(0o444)
    with pytest.raises(OutputError) as exc:
        write_atomically(b"new", Path("deck.pptx"))
    assert message(exc) == (
        "'deck.pptx' is read-only; make it writable or choose another name with -o"
    )
    assert deck.read_bytes() == b"old"
    assert stat.S_IMODE(deck.stat().st_mode) == 0o444
    assert listing(folder) == ["deck.pptx"]


def test_disk_full_while_writing_keeps_the_old_deck(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = folder / "deck.pptx"
    deck.write_bytes(b"old deck")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError) as exc:
        write_atomically(b"new deck", Path("deck.pptx"))
    assert message(exc) == "cannot write 'deck.pptx': no space left on device"
    assert deck.read_bytes() == b"old deck"
    assert listing(folder) == ["deck.pptx"]


def test_permission_denied_creating_the_temp_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("yamldeck.package.writer.tempfile.mkstemp", denied)
    with pytest.raises(OutputError) as exc:
        write_atomically(b"deck", Path("deck.pptx"))
    assert message(exc) == "cannot write 'deck.pptx': permission denied"
    assert listing(folder) == []


def test_other_error_on_replace_cleans_up(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "deck.pptx").write_bytes(b"old")

    def cross_device(src: str, dst: str) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", cross_device)
    with pytest.raises(OutputError) as exc:
        write_atomically(b"new", Path("deck.pptx"))
    assert message(exc) == "cannot write 'deck.pptx': input/output error"
    assert listing(folder) == ["deck.pptx"]
    assert (folder / "deck.pptx").read_bytes() == b"old"


def locked(src: str, dst: str) -> None:
    raise PermissionError(errno.EACCES, "Access is denied")


def test_deck_open_elsewhere_is_kept_under_another_name(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "deck.pptx").write_bytes(b"old")
    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError) as exc:
        write_atomically(b"new", Path("deck.pptx"))
    assert message(exc) == (
        "could not replace 'deck.pptx' (is it open in another program?); "
        "the new deck was saved as 'deck (new).pptx'"
    )
    assert (folder / "deck.pptx").read_bytes() == b"old"
    assert (folder / "deck (new).pptx").read_bytes() == b"new"
    assert listing(folder) == ["deck (new).pptx", "deck.pptx"]


def test_kept_name_does_not_clobber_an_earlier_one(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "out").mkdir()
    (folder / "out" / "deck.pptx").write_bytes(b"old")
    (folder / "out" / "deck (new).pptx").write_bytes(b"earlier")
    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError) as exc:
        write_atomically(b"new", Path("out/deck.pptx"))
    assert message(exc) == (
        "could not replace 'out/deck.pptx' (is it open in another program?); "
        "the new deck was saved as 'out/deck (new 2).pptx'"
    )
    assert (folder / "out" / "deck (new).pptx").read_bytes() == b"earlier"
    assert (folder / "out" / "deck (new 2).pptx").read_bytes() == b"new"


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_interrupt_leaves_no_temp_file_and_the_old_deck(
    folder: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    (folder / "deck.pptx").write_bytes(b"old")

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, where, interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(b"new", Path("deck.pptx"))
    assert listing(folder) == ["deck.pptx"]
    assert (folder / "deck.pptx").read_bytes() == b"old"


def test_writes_a_real_deterministic_deck_that_reopens(folder: Path) -> None:
    data = deterministic_bytes(build_deck(), epoch=EPOCH)
    write_atomically(data, Path("deck.pptx"), protected=[folder / "slides.yaml"])
    assert sha((folder / "deck.pptx").read_bytes()) == sha(data)
    assert slide_texts((folder / "deck.pptx").read_bytes())[1] == list(SLIDES[1])
