"""`yamldeck watch`: rebuilds on save, reports a broken save as build does and keeps watching."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers import SHIPPED_OUTLINE, clean_env, run_cli, slide_text, validate_pptx
from pptx import Presentation

from yamldeck.commands.build import Builder
from yamldeck.commands.watch import Watcher, WatchEvent, referenced_files

pytestmark = pytest.mark.usefixtures("decks_validated")
WAIT_S = 60  # generous: the machine is shared; a pass normally takes about a second
STAMP = re.compile(r"^\[\d\d:\d\d:\d\d\] ")  # the local time starting each line about a build


def default_sigint() -> None:
    """Ctrl-C must reach watch even when the tests run where SIGINT is ignored (e.g. with &)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Session:
    """`python -m yamldeck watch` in a subprocess, its output lines read as they come."""

    def __init__(self, folder: Path, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "yamldeck", "watch", *args],
            cwd=folder,
            env=clean_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=default_sigint,
        )
        self.lines: queue.Queue[tuple[str, str]] = queue.Queue()
        self.readers = [
            threading.Thread(target=self._read, args=(name, stream), daemon=True)
            for name, stream in (("out", self.process.stdout), ("err", self.process.stderr))
        ]
        for reader in self.readers:
            reader.start()

    def _read(self, name: str, stream: object) -> None:
        """Each line without the time it starts with (a line about a build has one)."""
        for line in stream:  # type: ignore[attr-defined]
            self.lines.put((name, STAMP.sub("", line.rstrip("\n"), count=1)))

    def until(self, stream: str, start: str) -> list[tuple[str, str]]:
        """Every line up to and including the first on ``stream`` starting with ``start``."""
        seen: list[tuple[str, str]] = []
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                assert self.process.poll() is None, f"watch ended early: {seen}"
                continue
            seen.append(line)
            if line[0] == stream and line[1].startswith(start):
                return seen
        raise AssertionError(f"no {stream} line starting {start!r} within {WAIT_S} s: {seen}")

    def stop(self) -> int:
        """Ctrl-C; the exit code once the process and its output have ended."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=WAIT_S)
        for reader in self.readers:
            reader.join(WAIT_S)
        for stream in (self.process.stdout, self.process.stderr):
            stream.close()  # type: ignore[union-attr]
        return code

    def rest(self) -> list[tuple[str, str]]:
        return list(self.lines.queue)


def save(path: Path, text: str) -> None:
    """Write as an editor does, and make sure the modification time moves even on coarse clocks."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def shipped_outline(folder: Path) -> Path:
    """A copy of the shipped outline and its assets folder in ``folder``."""
    if (SHIPPED_OUTLINE.parent / "assets").is_dir():
        shutil.copytree(SHIPPED_OUTLINE.parent / "assets", folder / "assets")
    shutil.copy(SHIPPED_OUTLINE, folder / "slides.yaml")
    return folder / "slides.yaml"


def titles(deck: Path) -> list[str]:
    return [" ".join(slide_text(slide)) for slide in Presentation(str(deck)).slides]


def test_watch_rebuilds_on_save_survives_a_broken_save_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    outline = shipped_outline(tmp_path)
    original = outline.read_text(encoding="utf-8")
    deck = tmp_path / "slides.pptx"
    session = Session(tmp_path, "slides.yaml")
    try:
        session.until("out", "wrote slides.pptx (")
        assert any("What is the MTCR?" in t for t in titles(deck))

        edited = original.replace("title: What is the MTCR?", "title: What is the MTCR today?")
        save(outline, edited)
        session.until("out", "wrote slides.pptx (")
        assert any("What is the MTCR today?" in t for t in titles(deck))
        validate_pptx(deck)
        good = deck.read_bytes()

        broken = edited.replace("    bullets:\n", "    bulets:\n", 1)
        save(outline, broken)
        seen = session.until("err", "1 problem; the deck was not changed; waiting for the next")
        check = run_cli(["check", "slides.yaml"], tmp_path)
        assert check.code == 1
        printed = [line for stream, line in seen if stream == "err"][:-1]
        assert printed == check.err.splitlines()  # the same located message build/check print
        line = broken.splitlines().index("    bulets:") + 1
        assert printed[0].startswith(f"slides.yaml:{line}:5: error: slide ")
        assert "'What is the MTCR today?'" in printed[0]
        assert deck.read_bytes() == good  # the last good deck is kept

        save(outline, edited.replace("What is the MTCR today?", "What the MTCR is"))
        session.until("out", "wrote slides.pptx (")
        assert any("What the MTCR is" in t for t in titles(deck))
    finally:
        code = session.stop()
    assert code == 130
    assert session.rest()[-1] == ("err", "interrupted")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "assets") == [
        "slides.pptx",
        "slides.yaml",
    ]


def test_watch_refuses_an_output_that_is_not_a_deck(tmp_path: Path) -> None:
    (tmp_path / "slides.yaml").write_text(SHIPPED_OUTLINE.read_text(encoding="utf-8"), "utf-8")
    result = run_cli(["watch", "slides.yaml", "-o", "deck.pdf"], tmp_path)
    assert result.code == 3
    assert result.err == "error: the output 'deck.pdf' must end in .pptx\n"
    assert result.out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slides.yaml"]


def run_watcher(builder: Builder, action: object, *, preview: bool = False) -> list[WatchEvent]:
    """Run a Watcher in a thread; ``action(events)`` edits files while it runs; then stop it."""
    events: list[WatchEvent] = []
    stop = threading.Event()
    watcher = Watcher(builder, events.append, preview=preview, poll_s=0.02, settle_s=0.01)
    thread = threading.Thread(target=watcher.run, args=(stop,))
    thread.start()
    try:
        wait_for(events, 1)
        action(events)  # type: ignore[operator]
    finally:
        stop.set()
        thread.join(WAIT_S)
    assert not thread.is_alive()
    return events


def wait_for(events: list[WatchEvent], count: int) -> None:
    deadline = time.monotonic() + WAIT_S
    while len(events) < count:
        assert time.monotonic() < deadline, events
        time.sleep(0.01)


def test_a_save_without_changes_leaves_the_deck_file_alone(tmp_path: Path) -> None:
    outline = shipped_outline(tmp_path)

    def touch(events: list[WatchEvent]) -> None:
        stamp = (tmp_path / "slides.pptx").stat()
        save(outline, outline.read_text(encoding="utf-8"))
        wait_for(events, 2)
        after = (tmp_path / "slides.pptx").stat()
        assert (after.st_ino, after.st_mtime_ns) == (stamp.st_ino, stamp.st_mtime_ns)

    events = run_watcher(Builder(outline), touch)
    assert [e.kind for e in events] == ["built", "unchanged"]
    assert events[1].result is not None
    assert events[1].result.slides == events[0].result.slides  # type: ignore[union-attr]
    assert events[1].result.slides == len(Presentation(str(tmp_path / "slides.pptx")).slides)


def test_a_changed_picture_rebuilds_and_a_missing_one_is_reported(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (64, 48), "navy").save(tmp_path / "map.png")
    outline = tmp_path / "slides.yaml"
    outline.write_text(
        "deck:\n  title: Pictures\nslides:\n  - kind: picture\n    title: Where\n"
        "    image: map.png\n    alt: A map of the region\n",
        "utf-8",
    )
    builder = Builder(outline)

    def repaint(events: list[WatchEvent]) -> None:
        first = (tmp_path / "slides.pptx").read_bytes()
        Image.new("RGB", (64, 48), "orange").save(tmp_path / "map.png")
        wait_for(events, 2)
        assert (tmp_path / "slides.pptx").read_bytes() != first
        (tmp_path / "map.png").unlink()
        wait_for(events, 3)
        Image.new("RGB", (64, 48), "green").save(tmp_path / "map.png")
        wait_for(events, 4)

    events = run_watcher(builder, repaint)
    assert [e.kind for e in events] == ["built", "built", "failed", "built"]
    (problem,) = [p for p in events[2].problems if p.severity == "error"]  # beside the lints
    assert problem.file == str(outline) and problem.line == 6 and "map.png" in problem.message
    assert referenced_files(builder.outline, outline) == {tmp_path / "map.png"}


def test_preview_runs_after_each_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import yamldeck.commands.preview

    outline = shipped_outline(tmp_path)
    rendered: list[tuple[Path, Path]] = []

    class Result:
        folder = tmp_path / "slides-preview"

    def fake_preview(path: Path, folder: Path | None = None, *, deck: Path) -> Result:
        rendered.append((path, deck))  # LibreOffice itself is exercised by the preview tests
        return Result()

    monkeypatch.setattr(yamldeck.commands.preview, "preview", fake_preview)

    def edit(events: list[WatchEvent]) -> None:
        wait_for(events, 2)
        save(outline, outline.read_text(encoding="utf-8").replace("Challenges", "Hurdles"))
        wait_for(events, 4)

    events = run_watcher(Builder(outline), edit, preview=True)
    assert [e.kind for e in events] == ["built", "preview", "built", "preview"]
    assert events[1].detail == str(tmp_path / "slides-preview")
    assert rendered == [(outline, tmp_path / "slides.pptx")] * 2  # the deck just built


def test_a_changed_template_rebuilds(tmp_path: Path) -> None:
    """--template names a file the outline does not: watch follows it too (and copies nothing
    stale: the kept slides depend on the template's bytes)."""
    from yamldeck.outline.model import Deck
    from yamldeck.render.builtin import build_template
    from yamldeck.theme import theme_for

    def template(primary: str) -> bytes:
        return build_template(theme_for(Deck(title="T", theme={"colors": {"primary": primary}})))

    (tmp_path / "corp.pptx").write_bytes(template("1B2A41"))
    outline = tmp_path / "slides.yaml"
    text = "deck:\n  title: T\nslides:\n  - title: One\n    bullets:\n      - a point\n"
    outline.write_text(text, "utf-8")
    deck = tmp_path / "slides.pptx"

    def restyle(events: list[WatchEvent]) -> None:
        first = deck.read_bytes()
        (tmp_path / "corp.pptx").write_bytes(template("552200"))
        wait_for(events, 2)
        assert deck.read_bytes() != first

    events = run_watcher(Builder(outline, template=tmp_path / "corp.pptx"), restyle)
    assert [e.kind for e in events] == ["built", "built"]
    fresh = tmp_path / "fresh.pptx"
    args = ["build", "slides.yaml", "--template", "corp.pptx", "-o", "fresh.pptx"]
    run = run_cli(args, tmp_path)
    assert run.code == 0, run.err
    assert deck.read_bytes() == fresh.read_bytes()
