"""`build` prints the warnings `check` prints, named and located the same way, also for slides
after one that continued; `--strict` refuses the same outlines in both, with the same exit code,
and build then writes nothing. `watch` reports the fit warnings of the slides it copies from its
last build as a fresh build would."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import CliRun, assert_no_traceback, listing, validate_pptx
from pptx import Presentation

from yamldeck.cli import main
from yamldeck.commands.build import Builder
from yamldeck.render import slidecache

pytestmark = pytest.mark.usefixtures("decks_validated")

LONG = "".join(f"      - Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu {i}\n"
               for i in range(24))
STATEMENT = " ".join(["Partners keep reviewing how their controls apply to new technologies"] * 5)
# Slide 1 continues onto a second slide; slide 2's statement is shrunk and slide 3 repeats its
# title. The deck has four slides; the messages number the slides as the file does.
OUTLINE = (
    "deck:\n  title: Lints\n  language: en-NZ\nslides:\n"
    "  - title: Long one\n    overflow: continue\n    bullets:\n" + LONG
    + f"  - title: Results\n    statement: {STATEMENT}\n"
    + "  - title: Results\n    bullets:\n      - Costs fell\n"
)
WARNINGS = [
    "slides.yaml:5:5: warning: slide 1 'Long one': 24 bullet points on one slide (more than 7); "
    "keep the key points and move the rest to the notes or another slide",
    "slides.yaml:5:5: warning: slide 1 'Long one': 312 words on one slide (more than 60, title not "
    "counted); say the rest and put it in the notes",
    "slides.yaml:5:5: warning: slide 1 'Long one': the bullets were shrunk from 24 pt to 17 pt to "
    "fit; shorten them to keep the designed size",
    "slides.yaml:32:5: warning: slide 2 'Results': the statement was shrunk from 36 pt to 33 pt to "
    "fit; shorten it to keep the designed size",
    "slides.yaml:34:12: warning: slide 3 'Results': the same title as slide 2; screen-reader users "
    "find slides by their titles: make each title different",
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "slides.yaml").write_text(OUTLINE, encoding="utf-8")
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


def test_build_prints_exactly_the_warnings_check_prints(
    folder: Path, cli: Callable[..., CliRun]
) -> None:
    check = cli("check")
    assert check == CliRun(
        0, "slides.yaml: ok (3 slides, 5 warnings)\n", "\n".join(WARNINGS) + "\n")
    build = cli("build")
    assert build.code == 0
    assert build.err == check.err
    assert re.fullmatch(r"wrote slides\.pptx \(4 slides\) in \d+\.\d\d s\n", build.out)
    deck = folder / "slides.pptx"
    validate_pptx(deck)
    titles = [s.shapes.title.text for s in Presentation(str(deck)).slides]
    assert titles == ["Long one", "Long one (cont.)", "Results", "Results"]


def test_strict_refuses_in_both_with_the_same_code_and_build_writes_nothing(
    folder: Path, cli: Callable[..., CliRun]
) -> None:
    errors = [line.replace(": warning: ", ": error: ") for line in WARNINGS]
    expected = CliRun(1, "", "\n".join([*errors, "5 problems; nothing was written"]) + "\n")
    assert cli("check", "--strict") == expected
    assert cli("build", "--strict") == expected
    assert sorted(p.name for p in folder.iterdir()) == ["slides.yaml"]
    (folder / "slides.pptx").write_bytes(b"the deck of yesterday")
    before = listing(folder)
    assert cli("build", "--strict") == expected
    assert listing(folder) == before


def test_json_lists_what_build_prints(folder: Path, cli: Callable[..., CliRun]) -> None:
    import json

    records = json.loads(cli("check", "--format", "json").out)
    shown = [f"{r['file']}:{r['line']}:{r['column']}: {r['severity']}: {r['message']}"
             for r in records]
    assert shown == cli("build").err.splitlines() == WARNINGS
    assert [r["path"] for r in records] == [
        "slides[0]", "slides[0]", "slides[0]", "slides[1]", "slides[2].title"]


def test_watch_reports_the_fit_warnings_of_the_slides_it_copies(
    folder: Path, cli: Callable[..., CliRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild copies unchanged slides from the last build instead of measuring them again;
    their warnings are the same as a fresh build's."""
    replayed: list[bool] = []
    replay = slidecache.RenderReuse.replay

    def spy(self: slidecache.RenderReuse, *args: object) -> bool:
        replayed.append(replay(self, *args))  # type: ignore[arg-type]
        return replayed[-1]

    monkeypatch.setattr(slidecache.RenderReuse, "replay", spy)
    outline = folder / "slides.yaml"
    builder = Builder(Path("slides.yaml"))
    assert [w.format() for w in builder.build().warnings] == WARNINGS
    assert True in replayed  # continuing slide 1 renders again, copying what it drew first

    renamed = OUTLINE.replace("      - Costs fell\n", "      - Costs fell sharply\n")
    outline.write_text(renamed.replace("  - title: Results\n    bullets:", "  - title: Costs\n"
                                       "    bullets:"), encoding="utf-8")
    replayed.clear()
    rebuilt = [w.format() for w in builder.build().warnings]
    assert rebuilt == WARNINGS[:4]  # slide 3 has a title of its own now
    assert replayed.count(True) >= 3  # both parts of slide 1 and slide 2 came from the cache
    assert rebuilt == cli("check").err.splitlines()
