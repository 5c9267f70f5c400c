"""The command line's first hour: `yamldeck new`, an outline that is missing or named a little
differently, a file name typed where a command belongs, and the time on watch's lines.

Each case runs the CLI (``yamldeck.cli.main`` in this process, or ``python -m yamldeck``) and
pins the exact message and exit code, and that nothing was written over or lost.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from helpers import REPO, CliRun, assert_no_traceback, listing, run_cli, validate_pptx
from pptx import Presentation

import yamldeck.cli
from yamldeck.cli import main
from yamldeck.commands.watch import Watcher

pytestmark = pytest.mark.usefixtures("decks_validated")

STARTER = REPO / "src" / "yamldeck" / "commands" / "starter.yaml"  # as shipped in the package
KINDS = ["title", "section", "bullets", "statement", "number", "columns", "table", "chart",
         "process", "quote", "closing"]
TITLES = ["The title of your talk", "The first part", "Three points to make", "The key message",
          "A figure that matters", "Before and after", "Facts at a glance", "Growth over time",
          "How it works", "In their words", "Thank you"]
NEW_OUTLINE = ("error: outline not found: 'slides.yaml'; to start a new outline, type: "
               "yamldeck new slides.yaml\n")
GOOD = ("deck:\n  title: Talk\n  language: en-NZ\nslides:\n"
        "  - title: Aims\n    bullets:\n      - one\n")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return tmp_path


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliRun]:
    def run(*args: str) -> CliRun:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        assert_no_traceback(err)
        return CliRun(code, out, err)

    return run


# --- yamldeck new ---------------------------------------------------------------------------------


def test_new_in_an_empty_folder_writes_a_starter_that_builds_as_it_is(
    folder: Path, cli: Callable[..., CliRun]
) -> None:
    made = cli("new")
    assert made == CliRun(
        0,
        "wrote slides.yaml (11 slides, one of each kind) and .gitignore (what yamldeck makes, "
        "for git to skip)\n"
        "next: change the words in slides.yaml, then type: yamldeck build slides.yaml\n",
        "",
    )
    assert sorted(p.name for p in folder.iterdir()) == [".gitignore", "slides.yaml"]
    text = (folder / "slides.yaml").read_bytes()
    assert text == STARTER.read_bytes()
    assert [slide["kind"] for slide in yaml.safe_load(text)["slides"]] == KINDS
    assert "#     yamldeck build      makes the deck, slides.pptx, from this file" in text.decode()

    built = cli("build")
    assert (built.code, built.err) == (0, "")  # no warning: the starter is a model outline
    assert re.fullmatch(r"wrote slides\.pptx \(11 slides\) in \d+\.\d\d s\n", built.out)
    deck = folder / "slides.pptx"
    validate_pptx(deck)
    slides = list(Presentation(str(deck)).slides)
    assert [s.shapes.title.text for s in slides] == TITLES
    assert [s.slide_layout.name for s in slides] == [
        "Title Slide", "Section Header", "Title and Content", "Statement", "Big Number",
        "Comparison", "Title and Content", "Title and Content", "Title and Content", "Quote",
        "Closing",
    ]
    assert [any(s.has_table for s in slides[6].shapes), any(s.has_chart for s in slides[7].shapes)
            ] == [True, True]
    (process,) = [s for s in slides[8].shapes if "GROUP" in str(s.shape_type)]
    assert [s.text_frame.text for s in process.shapes] == ["Plan", "Do", "Review"]
    runs = [r for p in slides[2].placeholders[1].text_frame.paragraphs for r in p.runs]
    assert [(r.text, r.font.bold) for r in runs if r.font.bold] == [("most important", True)]
    assert [r.hyperlink.address for r in runs if r.hyperlink.address] == ["https://example.org"]
    assert cli("check") == CliRun(0, "slides.yaml: ok (11 slides)\n", "")


@pytest.mark.parametrize(
    ("present", "suggested"), [(["slides.yaml"], "slides-2.yaml"),
                               (["slides.yaml", "slides-2.yaml"], "slides-3.yaml")]
)
def test_new_never_writes_over_a_file(
    folder: Path, cli: Callable[..., CliRun], present: list[str], suggested: str
) -> None:
    for name in present:
        (folder / name).write_text("my own talk\n", encoding="utf-8")
    before = listing(folder)
    assert cli("new") == CliRun(
        3, "", "error: 'slides.yaml' already exists; yamldeck new never writes over a file: "
        f"give another name, e.g. yamldeck new {suggested}\n"
    )
    assert listing(folder) == before  # untouched, and no .gitignore either


def test_new_keeps_an_existing_gitignore(folder: Path, cli: Callable[..., CliRun]) -> None:
    (folder / ".gitignore").write_text("*.log\n", encoding="utf-8")
    assert cli("new", "my talk.yaml") == CliRun(
        0,
        "wrote my talk.yaml (11 slides, one of each kind)\n"
        'next: change the words in my talk.yaml, then type: yamldeck build "my talk.yaml"\n',
        "",
    )
    assert (folder / ".gitignore").read_text(encoding="utf-8") == "*.log\n"
    assert (folder / "my talk.yaml").read_bytes() == STARTER.read_bytes()


def test_the_gitignore_leaves_out_what_yamldeck_makes_and_keeps_the_outline(
    folder: Path, cli: Callable[..., CliRun]
) -> None:
    assert cli("new", "talk.yaml").code == 0
    assert (folder / ".gitignore").read_text(encoding="utf-8") == (
        "# What yamldeck makes from talk.yaml; `yamldeck build` makes it again.\n"
        "talk.pptx\ntalk (new*).pptx\ntalk.pdf\ntalk-preview/\n"
    )
    git = shutil.which("git")
    assert git is not None, "git is needed to check the .gitignore"
    subprocess.run([git, "init", "-q"], cwd=folder, check=True)
    made = ["talk.pptx", "talk (new).pptx", "talk (new 2).pptx", "talk.pdf",
            "talk-preview/slide-01.png"]
    kept = ["talk.yaml", "corporate.pptx", "notes.pdf"]
    run = subprocess.run([git, "check-ignore", "--no-index", *made, *kept], cwd=folder,
                         capture_output=True, text=True)
    assert run.stdout.splitlines() == made


def test_new_in_a_folder_writes_slides_yaml_inside_it(
    folder: Path, cli: Callable[..., CliRun]
) -> None:
    (folder / "talk").mkdir()
    made = cli("new", "talk")
    assert made.code == 0
    assert made.out.splitlines()[1] == (
        "next: change the words in talk/slides.yaml, then type: yamldeck build talk/slides.yaml")
    assert sorted(p.name for p in (folder / "talk").iterdir()) == [".gitignore", "slides.yaml"]


@pytest.mark.parametrize(
    ("name", "code", "error"),
    [
        ("talk", 2, "an outline's name ends in .yaml, such as 'talk.yaml': yamldeck new talk.yaml"),
        ("talk.pptx", 2, "an outline's name ends in .yaml, such as 'talk.pptx.yaml': "
                         "yamldeck new talk.pptx.yaml"),
        ("missing/talk.yaml", 3, "cannot write 'missing/talk.yaml': the folder 'missing' does "
                                 "not exist"),
    ],
)
def test_new_refuses_what_cannot_be_an_outline(
    folder: Path, cli: Callable[..., CliRun], name: str, code: int, error: str
) -> None:
    assert cli("new", name) == CliRun(code, "", f"error: {error}\n")
    assert list(folder.iterdir()) == []


# --- a missing outline, or one named a little differently ----------------------------------------


@pytest.mark.parametrize("args", [["build"], ["check"], ["preview"], ["export", "--pdf"]])
def test_every_command_in_a_folder_without_an_outline_suggests_new(
    folder: Path, cli: Callable[..., CliRun], args: list[str]
) -> None:
    assert cli(*args) == CliRun(1, "", NEW_OUTLINE)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("present", "typed", "message"),
    [
        (["slides.yaml"], "slides.yml", "did you mean 'slides.yaml'?"),
        (["slides.yml"], "slides.yaml", "did you mean 'slides.yml'?"),
        (["Slides.yaml"], "slides.yaml", "did you mean 'Slides.yaml'?"),
        (["slides.YAML"], "slides.yaml", "did you mean 'slides.YAML'?"),
        (["slides.yaml"], "slides", "did you mean 'slides.yaml'?"),
        (["slides.yaml"], "slide.yaml", "did you mean 'slides.yaml'?"),
        (["slides.yaml.txt"], "slides.yaml", "did you mean 'slides.yaml.txt'? (its name ends "
         "in '.txt', which Windows hides: rename it to 'slides.yaml')"),
        (["Slides.yaml", "slides.yml", "notes.yaml"], "slides.yaml",
         "did you mean 'Slides.yaml' or 'slides.yml'?"),
        (["talk/slides.yaml"], "talk/slides.yml", "did you mean 'talk/slides.yaml'?"),
    ],
)
def test_a_near_miss_outline_name_suggests_the_file_meant(
    folder: Path, cli: Callable[..., CliRun], present: list[str], typed: str, message: str
) -> None:
    for name in present:
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(GOOD, encoding="utf-8")
    before = listing(folder)
    for command in ("build", "check"):
        assert cli(command, typed) == CliRun(
            1, "", f"error: outline not found: '{typed}'; {message}\n")
    assert listing(folder) == before


def test_other_outlines_in_the_folder_are_named_beside_the_suggestion_of_new(
    folder: Path, cli: Callable[..., CliRun]
) -> None:
    (folder / "mtcr.yaml").write_text(GOOD, encoding="utf-8")
    assert cli("build") == CliRun(
        1, "", "error: outline not found: 'slides.yaml' (this folder has 'mtcr.yaml'); to start "
        "a new outline, type: yamldeck new slides.yaml\n")
    assert cli("build", "talks/x.yaml") == CliRun(
        1, "", "error: outline not found: 'talks/x.yaml': there is no folder 'talks'\n")
    assert sorted(p.name for p in folder.iterdir()) == ["mtcr.yaml"]


# --- a file name where a command belongs ----------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "error"),
    [
        ("slides.yaml", "'slides.yaml' is a file, not a command; to build it: "
                        "yamldeck build slides.yaml"),
        ("my talk.yml", "'my talk.yml' is a file, not a command; to build it: "
                        'yamldeck build "my talk.yml"'),
        ("talk", "'talk' is a folder, not a command; to build the outline in it: "
                 "yamldeck build talk/slides.yaml"),
        ("notes.txt", "'notes.txt' is a file, not a command; yamldeck --help lists the commands"),
        ("biuld", "No such command 'biuld'. Did you mean 'build'?"),
        ("frob", "No such command 'frob'."),
    ],
)
def test_a_file_name_typed_as_a_command_says_how_to_build_it(
    folder: Path, cli: Callable[..., CliRun], word: str, error: str
) -> None:
    for name in ("slides.yaml", "my talk.yml", "notes.txt"):
        (folder / name).write_text(GOOD, encoding="utf-8")
    (folder / "talk").mkdir()
    before = listing(folder)
    run = cli(word)
    assert (run.code, run.out) == (2, "")
    assert run.err.splitlines() == [
        "Usage: yamldeck [OPTIONS] COMMAND [ARGS]...", "Try 'yamldeck --help' for help.", "",
        f"Error: {error}",
    ]
    assert listing(folder) == before


def test_the_program_says_the_same_for_a_file_given_as_a_command(tmp_path: Path) -> None:
    (tmp_path / "slides.yaml").write_text(GOOD, encoding="utf-8")
    run = run_cli(["slides.yaml"], tmp_path)
    assert (run.code, run.out) == (2, "")
    assert run.err.splitlines()[-1] == (
        "Error: 'slides.yaml' is a file, not a command; to build it: yamldeck build slides.yaml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slides.yaml"]


# --- watch: every line starts with the time ------------------------------------------------------


def save(path: Path, text: str) -> None:
    """Write as an editor does; make sure the modification time moves even on coarse clocks."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        import os

        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def clock(*times: str) -> Callable[[], time.struct_time]:
    """A clock that gives each of ``times`` (HH:MM:SS) in turn, then the last again."""
    stamps: Iterator[str] = iter(times)
    last = [times[0]]

    def now() -> time.struct_time:
        last[0] = next(stamps, last[0])
        hour, minute, second = map(int, last[0].split(":"))
        return time.struct_time((2025, 3, 5, hour, minute, second, 2, 64, 0))

    return now


def watch(
    monkeypatch: pytest.MonkeyPatch, cli: Callable[..., CliRun], edits: list[Callable[[], None]]
) -> CliRun:
    """`yamldeck watch` in this process: after each report one of ``edits`` is made, and after
    the report that follows the last edit, watch stops (as Ctrl-C would, without the signal)."""
    run = Watcher.run
    pending = list(edits)

    def stopping(self: Watcher, stop: threading.Event | None = None) -> None:
        stop = threading.Event()
        report = self.report

        def then(event: object) -> None:
            report(event)  # type: ignore[arg-type]
            if pending:
                pending.pop(0)()
            else:
                stop.set()

        self.report = then
        run(self, stop)

    monkeypatch.setattr(Watcher, "run", stopping)
    return cli("watch")


def test_each_line_watch_prints_starts_with_the_time(
    folder: Path, cli: Callable[..., CliRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamldeck.cli, "_clock", clock("09:07:05", "09:12:41", "09:13:02"))
    outline = folder / "slides.yaml"
    outline.write_text(GOOD, encoding="utf-8")
    broken = GOOD.replace("bullets:", "bulets:")
    run = watch(monkeypatch, cli, [lambda: save(outline, broken), lambda: save(outline, GOOD)])
    assert run.code == 0
    out = run.out.splitlines()
    assert out[0] == "watching slides.yaml and the files it uses; Ctrl-C stops"
    assert [re.sub(r"in \d+\.\d\d s$", "in S s", line) for line in out[1:]] == [
        "[09:07:05] wrote slides.pptx (1 slide) in S s",
        "[09:13:02] unchanged: slides.pptx (1 slide) in S s",
    ]
    assert run.err.splitlines() == [
        "[09:12:41] slides.yaml:6:5: error: slide 1 'Aims': unknown key 'bulets' on a slide "
        "(did you mean 'bullets'?)",
        "[09:12:41] 1 problem; the deck was not changed; waiting for the next save",
    ]


def test_watch_without_an_outline_suggests_new_and_builds_it_once_it_is_there(
    folder: Path, cli: Callable[..., CliRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamldeck.cli, "_clock", clock("10:00:00", "10:00:30"))
    run = watch(monkeypatch, cli, [lambda: save(folder / "slides.yaml", GOOD)])
    assert run.err.splitlines() == [
        f"[10:00:00] {NEW_OUTLINE.strip()}",
        "[10:00:00] 1 problem; the deck was not changed; waiting for the next save",
    ]
    assert re.fullmatch(r"watching slides\.yaml and the files it uses; Ctrl-C stops\n"
                        r"\[10:00:30\] wrote slides\.pptx \(1 slide\) in \d+\.\d\d s\n", run.out)
    validate_pptx(folder / "slides.pptx")
