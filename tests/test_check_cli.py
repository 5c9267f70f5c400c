"""`yamldeck check` (text and JSON), `--strict` for check and build, warnings on stderr, and the
exit codes: 0 ok, 1 outline, 2 usage, 70 internal bug (traceback only with -v), 130 Ctrl-C."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import CliRun, assert_no_traceback, listing, run_cli, validate_pptx

import yamldeck.commands.check
from yamldeck.cli import main
from yamldeck.errors import Problem

HEAD = "deck:\n  title: Talk\nslides:\n"
CLEAN = HEAD + "  - title: Aims\n    bullets:\n      - one\n"
WARNED = HEAD + "  - title: Item #3\n    bullets:\n      - one\n"
BROKEN = HEAD + "  - title: Aims\n    bullet:\n      - one\n  - title: Q3: results\n"
CUT = (
    "slide 1 'Item': YAML reads ' #' as the start of a comment, so this text ends at 'Item' and "
    "'#3' is left out; if it belongs to the text, put the whole text in quotes: "
    '- title: "Item #3"'
)


@pytest.fixture(autouse=True)
def no_deck_lints(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests pin the outline's own messages; the deck lints `check` adds are tested apart."""
    monkeypatch.setattr(yamldeck.commands.check, "CHECKS", [])


def run(args: list[str], folder: Path, outline: str, capsys: pytest.CaptureFixture[str]) -> CliRun:
    (folder / "slides.yaml").write_text(outline, encoding="utf-8")
    capsys.readouterr()
    code = main(args)
    out, err = capsys.readouterr()
    return CliRun(code, out, err)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- check, text ----------------------------------------------------------------------------------


def test_check_clean(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(["check"], folder, CLEAN, capsys)
    assert result == CliRun(0, "slides.yaml: ok (1 slide)\n", "")
    assert sorted(p.name for p in folder.iterdir()) == ["slides.yaml"]


def test_check_with_a_warning_still_exits_0(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(["check"], folder, WARNED, capsys)
    assert result == CliRun(
        0, "slides.yaml: ok (1 slide, 1 warning)\n", f"slides.yaml:4:17: warning: {CUT}\n"
    )


def test_check_strict_turns_the_warning_into_an_error(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(["check", "--strict"], folder, WARNED, capsys)
    assert result == CliRun(1, "", f"slides.yaml:4:17: error: {CUT}\n")


def test_check_lists_every_problem_with_warnings_in_reading_order(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = (
        HEAD + "  - title: Item #3\n    bullet:\n      - one\n  - title: A\n    statement: x\n"
    )
    result = run(["check"], folder, outline, capsys)
    assert result.code == 1 and result.out == ""
    assert result.err.splitlines() == [
        f"slides.yaml:4:17: warning: {CUT}",
        "slides.yaml:5:5: error: slide 1 'Item': unknown key 'bullet' on a slide "
        "(did you mean 'bullets'?)",
    ]


def test_check_parse_error(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(["check"], folder, BROKEN, capsys)
    assert result == CliRun(
        1,
        "",
        "slides.yaml:7:14: error: a text contains ': ', which YAML reads as a new key; put the "
        'text in quotes: - title: "Q3: results"\n',
    )


# --- check --format json ---------------------------------------------------------------------


def test_json_clean_is_an_empty_list(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(["check", "--format", "json"], folder, CLEAN, capsys)
    assert (result.code, json.loads(result.out), result.err) == (0, [], "")


def test_json_gives_the_same_records_as_text(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = HEAD + "  - title: Item #3\n    bullet:\n      - one\n"
    result = run(["check", "--format", "json"], folder, outline, capsys)
    assert (result.code, result.err) == (1, "")
    assert json.loads(result.out) == [
        {
            "file": "slides.yaml",
            "line": 4,
            "column": 17,
            "severity": "warning",
            "message": CUT,
            "path": "slides[0].title",
        },
        {
            "file": "slides.yaml",
            "line": 5,
            "column": 5,
            "severity": "error",
            "message": "slide 1 'Item': unknown key 'bullet' on a slide (did you mean 'bullets'?)",
            "path": "slides[0].bullet",
        },
    ]
    text = run(["check"], folder, outline, capsys)
    records = [Problem(**{k: v for k, v in r.items()}) for r in json.loads(result.out)]
    assert text.err.splitlines() == [r.format() for r in records]


def test_json_warning_only_exits_0_and_strict_exits_1(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = run(["check", "--format", "json"], folder, WARNED, capsys)
    strict = run(["check", "--format", "json", "--strict"], folder, WARNED, capsys)
    assert plain.code == 0 and [r["severity"] for r in json.loads(plain.out)] == ["warning"]
    assert strict.code == 1 and [r["severity"] for r in json.loads(strict.out)] == ["error"]


def test_json_when_the_outline_is_missing(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code = main(["check", "--format", "json", "nowhere.yaml"])
    out, err = capsys.readouterr()
    assert (code, err) == (1, "")
    assert json.loads(out) == [
        {
            "file": None,
            "line": None,
            "column": None,
            "severity": "error",
            "message": "outline not found: 'nowhere.yaml'; to start a new outline, type: "
            "yamldeck new nowhere.yaml",
            "path": None,
        }
    ]


def test_json_is_ascii_so_any_console_can_carry_it(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = HEAD + "  - title: Café #1\n    bullets:\n      - one\n"
    result = run(["check", "--format", "json"], folder, outline, capsys)
    assert result.out.isascii()
    assert json.loads(result.out)[0]["message"].startswith("slide 1 'Café': ")


def test_json_in_a_subprocess(tmp_path: Path) -> None:
    (tmp_path / "slides.yaml").write_text(BROKEN, encoding="utf-8")
    result = run_cli(["check", "--format", "json"], tmp_path)
    assert (result.code, result.err) == (1, "")
    (record,) = json.loads(result.out)
    assert (record["line"], record["column"], record["severity"]) == (7, 14, "error")


def test_more_producers_can_be_plugged_into_check(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deck lints append producers to commands.check.CHECKS; their problems join the report in
    order."""

    def lint(outline: object, source: object, rendering: object) -> list[Problem]:
        return [Problem("a lint", file="slides.yaml", line=1, column=1, severity="warning")]

    monkeypatch.setattr(yamldeck.commands.check, "CHECKS", [lint])
    result = run(["check"], folder, WARNED, capsys)
    assert result == CliRun(
        0,
        "slides.yaml: ok (1 slide, 2 warnings)\n",
        f"slides.yaml:1:1: warning: a lint\nslides.yaml:4:17: warning: {CUT}\n",
    )
    strict = run(["check", "--strict"], folder, WARNED, capsys)
    assert strict.code == 1 and "slides.yaml:1:1: error: a lint\n" in strict.err


# --- build: warnings and --strict ----------------------------------------------------------------


def test_build_prints_warnings_and_builds(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(["build"], folder, WARNED, capsys)
    assert result.code == 0
    assert result.out.startswith("wrote slides.pptx (1 slide) in ")
    assert result.err == f"slides.yaml:4:17: warning: {CUT}\n"
    validate_pptx(folder / "slides.pptx")


def test_build_strict_refuses_and_writes_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "slides.pptx").write_bytes(b"the previous deck")
    (folder / "slides.yaml").write_text(WARNED, encoding="utf-8")
    before = listing(folder)
    capsys.readouterr()
    code = main(["build", "--strict"])
    out, err = capsys.readouterr()
    assert (code, out, err) == (1, "", f"slides.yaml:4:17: error: {CUT}\n")
    assert listing(folder) == before


def test_build_deck_api_returns_the_warnings(folder: Path) -> None:
    (folder / "slides.yaml").write_text(WARNED, encoding="utf-8")
    result = yamldeck.build_deck("slides.yaml")
    assert [w.format() for w in result.warnings] == [f"slides.yaml:4:17: warning: {CUT}"]
    validate_pptx(folder / "slides.pptx")


# --- exit codes -----------------------------------------------------------------------------------


def test_usage_error_exits_2(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(["check", "--format", "xml"], folder, CLEAN, capsys)
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines()[-1] == (
        "Error: Invalid value for '--format': 'xml' is not one of 'text', 'json'."
    )


@pytest.mark.parametrize("verbose", [False, True])
def test_internal_bug_exits_70_with_a_traceback_only_with_v(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, verbose: bool
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("yamldeck.commands.build.load_outline", broken)
    result = run(["-v", "check"] if verbose else ["check"], folder, CLEAN, capsys)
    assert (result.code, result.out) == (70, "")
    first = result.err.splitlines()[0]
    assert first == (
        "yamldeck: internal error - this is a bug in yamldeck, not in your outline; please "
        "report it with the outline and the output of 'yamldeck -v ...'"
    )
    if verbose:
        assert "Traceback" in result.err and result.err.endswith("RuntimeError: a bug\n")
    else:
        assert_no_traceback(result.err.replace(first, ""))
        assert result.err == first + "\n"


def test_ctrl_c_during_check_exits_130(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("yamldeck.commands.build.load_outline", interrupted)
    result = run(["check"], folder, CLEAN, capsys)
    assert (result.code, result.out, result.err) == (130, "", "\ninterrupted\n")
