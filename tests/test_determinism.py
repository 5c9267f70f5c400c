"""Reproducible decks: the same outline gives the same bytes, whatever the process, hash seed or
time zone; SOURCE_DATE_EPOCH sets the dates inside the deck."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import (
    SHIPPED_FILES,
    assert_no_traceback,
    build_file,
    clean_env,
    copy_shipped,
    files_in,
    run_cli,
)
from pptx import Presentation

pytestmark = pytest.mark.usefixtures("decks_validated")


def copy_outline(folder: Path) -> Path:
    return copy_shipped(folder)


def utc(epoch: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).replace(tzinfo=None)


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = build_file(copy_outline(tmp_path / "a")).path.read_bytes()
    again = build_file(tmp_path / "a" / "slides.yaml").path.read_bytes()
    elsewhere = build_file(copy_outline(tmp_path / "b" / "deeper")).path.read_bytes()
    assert first == again == elsewhere


def test_builds_in_separate_processes_are_byte_identical(tmp_path: Path) -> None:
    decks = []
    for name, seed, zone in (("one", "1", "UTC0"), ("two", "4242", "NZST-12NZDT,M9.5.0,M4.1.0/3")):
        outline = copy_outline(tmp_path / name)
        run = run_cli(
            ["build", "slides.yaml"], outline.parent, env=clean_env(PYTHONHASHSEED=seed, TZ=zone)
        )
        assert (run.code, run.err) == (0, ""), run.err
        decks.append((outline.parent / "slides.pptx").read_bytes())
    assert decks[0] == decks[1]


def test_source_date_epoch_sets_the_created_and_modified_dates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outline = copy_outline(tmp_path / "talk")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    default = build_file(outline, tmp_path / "default.pptx")
    results = {}
    for epoch in (1_700_000_000, 1_234_567_890):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        built = build_file(outline, tmp_path / f"{epoch}.pptx")
        props = built.prs.core_properties
        assert props.created == utc(epoch)
        assert props.modified == utc(epoch)
        results[epoch] = built.path.read_bytes()
    assert default.prs.core_properties.created not in (utc(1_700_000_000), utc(1_234_567_890))
    assert len({default.path.read_bytes(), *results.values()}) == 3
    # The same epoch gives the same bytes again.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_file(outline, tmp_path / "again.pptx").path.read_bytes() == results[1_700_000_000]


def test_source_date_epoch_is_honoured_by_the_cli(tmp_path: Path) -> None:
    outline = copy_outline(tmp_path / "talk")
    run = run_cli(
        ["build"], outline.parent, env=clean_env(SOURCE_DATE_EPOCH="1500000000", TZ="UTC0")
    )
    assert (run.code, run.err) == (0, "")
    props = Presentation(str(outline.parent / "slides.pptx")).core_properties
    assert props.created == utc(1_500_000_000)


def test_invalid_source_date_epoch_is_an_output_error(tmp_path: Path) -> None:
    outline = copy_outline(tmp_path / "talk")
    run = run_cli(["build"], outline.parent, env=clean_env(SOURCE_DATE_EPOCH="yesterday"))
    assert (run.code, run.out) == (3, "")
    assert run.err == (
        "error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got 'yesterday'\n"
    )
    assert_no_traceback(run.err)
    assert files_in(outline.parent) == SHIPPED_FILES
