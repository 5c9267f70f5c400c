"""The command line: what it writes where, what it prints, and its exit codes (0 ok, 1 outline,
2 usage, 3 output). The main cases run both as ``python -m yamldeck`` and through
``yamldeck.cli.main``; the rest in one of the two (the subprocess where the cwd matters)."""

from __future__ import annotations

import importlib.metadata
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import (
    SHIPPED_FILES,
    SHIPPED_OUTLINE,
    CliRun,
    assert_no_traceback,
    copy_shipped,
    files_in,
    listing,
    run_cli,
    shipped_slide_count,
    validate_pptx,
)
from pptx import Presentation

from yamldeck.cli import main

pytestmark = pytest.mark.usefixtures("decks_validated")

Cli = Callable[..., CliRun]
SLIDES = shipped_slide_count()
WROTE = r"wrote {} \(" + str(SLIDES) + r" slides\) in \d+\.\d\d s\n"
BAD = "deck:\n  title: A\n  language: English\nslides:\n  - title: Aims\n    bullet:\n      - a\n"
BAD_ERRORS = [
    "slides.yaml:3:13: error: deck: 'English' is not a language tag; "
    "write one such as en-NZ or fr-FR",
    "slides.yaml:6:5: error: slide 1 'Aims': unknown key 'bullet' on a slide "
    "(did you mean 'bullets'?)",
    "2 problems; nothing was written",
]


@pytest.fixture(params=["subprocess", "main"])
def cli(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Cli:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    def run(args: list[str], cwd: Path) -> CliRun:
        if request.param == "subprocess":
            result = run_cli(args, cwd)
        else:
            monkeypatch.chdir(cwd)
            capsys.readouterr()
            code = main(args)
            out, err = capsys.readouterr()
            result = CliRun(code, out, err)
        assert_no_traceback(result.err)
        return result

    return run


@pytest.fixture
def talk(tmp_path: Path) -> Path:
    """A folder holding a copy of the shipped outline as slides.yaml."""
    return copy_shipped(tmp_path / "talk").parent


def assert_shipped_deck(path: Path) -> None:
    validate_pptx(path)
    assert len(Presentation(str(path)).slides) == SLIDES


def test_build_defaults_to_slides_yaml_in_the_current_folder(cli: Cli, talk: Path) -> None:
    run = cli(["build"], talk)
    assert (run.code, run.err) == (0, "")
    assert re.fullmatch(WROTE.format(r"slides\.pptx"), run.out), run.out
    assert files_in(talk) == sorted([*SHIPPED_FILES, "slides.pptx"])
    assert_shipped_deck(talk / "slides.pptx")
    assert (talk / "slides.yaml").read_bytes() == SHIPPED_OUTLINE.read_bytes()


@pytest.mark.parametrize("cli", ["main"], indirect=True)
def test_output_option_writes_elsewhere(cli: Cli, talk: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "briefing.pptx"
    run = cli(["build", "-o", str(target)], talk)
    assert (run.code, run.err) == (0, "")
    assert re.fullmatch(WROTE.format(re.escape(str(target))), run.out), run.out
    assert files_in(elsewhere) == ["briefing.pptx"]
    assert files_in(talk) == SHIPPED_FILES
    assert_shipped_deck(target)


@pytest.mark.parametrize("cli", ["subprocess"], indirect=True)
def test_default_output_lands_beside_the_outline_not_in_the_cwd(
    cli: Cli, talk: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    run = cli(["build", "../talk/slides.yaml"], other)
    assert (run.code, run.err) == (0, "")
    assert re.fullmatch(WROTE.format(re.escape(os.path.join("..", "talk", "slides.pptx"))), run.out)
    assert list(other.iterdir()) == []
    assert_shipped_deck(talk / "slides.pptx")


@pytest.mark.parametrize("cli", ["main"], indirect=True)
def test_check_prints_ok_and_writes_nothing(cli: Cli, talk: Path) -> None:
    before = listing(talk)
    run = cli(["check"], talk)
    assert (run.code, run.out, run.err) == (0, f"slides.yaml: ok ({SLIDES} slides)\n", "")
    assert listing(talk) == before


def test_outline_problems_exit_1_with_every_message(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "slides.yaml").write_text(BAD, encoding="utf-8")
    for command in ("build", "check"):
        run = cli([command], tmp_path)
        assert (run.code, run.out) == (1, "")
        assert run.err.splitlines() == BAD_ERRORS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slides.yaml"]


@pytest.mark.parametrize("cli", ["main"], indirect=True)
def test_missing_outline_exits_1(cli: Cli, tmp_path: Path) -> None:
    run = cli(["build"], tmp_path)
    assert (run.code, run.out, run.err) == (
        1, "", "error: outline not found: 'slides.yaml'; to start a new outline, type: "
        "yamldeck new slides.yaml\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["build", "--frobnicate"], "Error: No such option '--frobnicate'"),
        (["check", "-x"], "Error: No such option '-x'"),
        (["frob"], "Error: No such command 'frob'"),
    ],
)
def test_usage_errors_exit_2(cli: Cli, talk: Path, args: list[str], error: str) -> None:
    before = listing(talk)
    run = cli(args, talk)
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith("Usage: yamldeck ")
    assert run.err.rstrip("\n").splitlines()[-1].startswith(error)
    assert listing(talk) == before


def test_output_into_a_missing_folder_exits_3(cli: Cli, talk: Path) -> None:
    before = listing(talk)
    target = os.path.join("missing", "deck.pptx")
    run = cli(["build", "-o", target], talk)
    assert (run.code, run.out) == (3, "")
    assert run.err == f"error: cannot write '{target}': the folder 'missing' does not exist\n"
    assert listing(talk) == before


def test_output_equal_to_the_outline_is_refused(cli: Cli, talk: Path) -> None:
    before = listing(talk)
    run = cli(["build", "-o", "slides.yaml"], talk)
    assert (run.code, run.out, run.err) == (
        3,
        "",
        "error: the output 'slides.yaml' must end in .pptx\n",
    )
    assert listing(talk) == before


@pytest.mark.parametrize("cli", ["main"], indirect=True)
def test_output_that_is_the_outline_under_another_name_is_refused(cli: Cli, talk: Path) -> None:
    (talk / "alias.pptx").symlink_to("slides.yaml")
    os.link(talk / "slides.yaml", talk / "hard.pptx")
    before = listing(talk)
    for name in ("alias.pptx", "hard.pptx"):
        run = cli(["build", "-o", name], talk)
        assert (run.code, run.out) == (3, "")
        assert run.err == (
            "error: refusing to write the deck over the input file 'slides.yaml'; "
            "choose another output name with -o\n"
        )
    assert listing(talk) == before
    assert (talk / "slides.yaml").read_bytes() == SHIPPED_OUTLINE.read_bytes()
    assert os.readlink(talk / "alias.pptx") == "slides.yaml"


@pytest.mark.parametrize("cli", ["main"], indirect=True)
def test_outline_named_like_a_deck_is_not_overwritten_by_its_default_output(
    cli: Cli, tmp_path: Path
) -> None:
    copy_shipped(tmp_path, "talk.pptx")
    run = cli(["build", "talk.pptx"], tmp_path)
    assert (run.code, run.out) == (3, "")
    assert run.err == (
        "error: refusing to write the deck over the input file 'talk.pptx'; "
        "choose another output name with -o\n"
    )
    expected = [name for name in SHIPPED_FILES if name != "slides.yaml"] + ["talk.pptx"]
    assert files_in(tmp_path) == sorted(expected)
    assert (tmp_path / "talk.pptx").read_bytes() == SHIPPED_OUTLINE.read_bytes()


@pytest.mark.parametrize("cli", ["main"], indirect=True)
def test_failed_build_keeps_the_previous_deck(cli: Cli, talk: Path) -> None:
    assert cli(["build"], talk).code == 0
    deck = (talk / "slides.pptx").read_bytes()
    validate_pptx(talk / "slides.pptx")
    outline = talk / "slides.yaml"
    lines = outline.read_text(encoding="utf-8").splitlines(keepends=True)
    line = lines.index("  language: en-NZ\n")
    lines[line] = "  language: English\n"
    outline.write_text("".join(lines), encoding="utf-8")
    run = cli(["build"], talk)
    assert (run.code, run.out) == (1, "")
    assert run.err == (
        f"slides.yaml:{line + 1}:13: error: deck: 'English' is not a language tag; "
        "write one such as en-NZ or fr-FR\n"
    )
    assert (talk / "slides.pptx").read_bytes() == deck
    assert files_in(talk) == sorted([*SHIPPED_FILES, "slides.pptx"])


def test_version(cli: Cli, tmp_path: Path) -> None:
    run = cli(["--version"], tmp_path)
    assert (run.code, run.err) == (0, "")
    assert run.out == f"yamldeck, version {importlib.metadata.version('yamldeck')}\n"


@pytest.mark.parametrize("option", ["--help", "-h"])
def test_help_lists_the_commands(cli: Cli, tmp_path: Path, option: str) -> None:
    run = cli([option], tmp_path)
    assert (run.code, run.err) == (0, "")
    commands = re.findall(r"^  (\w+)\s+\S", run.out.split("Commands:", 1)[1], flags=re.M)
    assert {"build", "check"} <= set(commands), commands
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("cli", ["main"], indirect=True)
def test_build_help_names_the_output_option(cli: Cli, tmp_path: Path) -> None:
    run = cli(["build", "--help"], tmp_path)
    assert (run.code, run.err) == (0, "")
    assert run.out.startswith("Usage: yamldeck build [OPTIONS] [OUTLINE]\n")
    assert re.search(r"^\s+-o, --output PATH\s", run.out, flags=re.M)

