"""The garbage collector around imports and the outline (yamldeck.gcpolicy).

The `yamldeck` program runs one command and exits: it imports with the collector off, freezes
what imports and the loaded outline made, and renders with the collector on. A library caller's
collector is paused only while yamldeck makes cycle-free data, and nothing of it is frozen.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import clean_env, copy_shipped, shipped_slide_count, validate_pptx
from pptx import Presentation

from yamldeck import gcpolicy as collector
from yamldeck.cli import main

pytestmark = pytest.mark.usefixtures("decks_validated")

# Runs the real program entry with spies on the steps: the collector's state in each.
PROBE = """
import gc, json, sys
import yamldeck.commands.build as build, yamldeck.render.fitted as overflow
import yamldeck.package.integrity as integrity
seen = {}
def spy(module, name, key):
    real = getattr(module, name)
    def wrapper(*a, **k):
        seen[key] = [gc.isenabled(), gc.get_freeze_count()]
        return real(*a, **k)
    setattr(module, name, wrapper)
spy(build, "read_document", "load")
spy(overflow, "render_fitted", "render")
spy(integrity, "package_issues", "integrity")
sys.argv = ["yamldeck", *sys.argv[1:]]
from yamldeck.cli import entry
code = entry()
seen["after"] = [gc.isenabled(), gc.get_freeze_count()]
print(json.dumps({"code": code, "seen": seen}))
"""


@pytest.fixture
def restore_collector() -> Iterator[None]:
    """Leave the test process's collector as it was (unfrozen, on, not one-shot)."""
    yield
    collector.long_running()
    gc.unfreeze()


def _probe(args: list[str], cwd: Path) -> dict:
    run = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=cwd, env=clean_env(),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.splitlines()[-1])


@pytest.mark.parametrize("command", ["build", "check"])
def test_the_program_freezes_imports_and_outline_and_renders_with_the_collector_on(
    tmp_path: Path, command: str
) -> None:
    copy_shipped(tmp_path)
    result = _probe([command], tmp_path)
    assert result["code"] == 0
    seen = result["seen"]
    load_on, frozen_by_imports = seen["load"]
    render_on, frozen_at_render = seen["render"]
    assert load_on is False  # the outline is read with the collector paused
    assert frozen_by_imports > 10_000  # imports were frozen before the outline was read
    assert render_on is True  # rendering makes cycles: the collector runs
    assert frozen_at_render > frozen_by_imports  # the loaded outline was frozen too
    if command == "build":
        assert seen["integrity"][0] is False  # the package check's summaries: paused
        validate_pptx(tmp_path / "slides.pptx")
        assert len(Presentation(str(tmp_path / "slides.pptx")).slides) == shipped_slide_count()
    else:
        assert not (tmp_path / "slides.pptx").exists()


def test_a_library_caller_keeps_its_collector_and_nothing_is_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_shipped(tmp_path)
    monkeypatch.chdir(tmp_path)
    frozen = gc.get_freeze_count()
    for args in (["build"], ["check"], ["--help"], ["build", "--bogus"]):
        assert gc.isenabled()
        code = main(args)
        assert code == (2 if "--bogus" in args else 0)
        assert gc.isenabled()
        assert gc.get_freeze_count() == frozen
    capsys.readouterr()
    validate_pptx(tmp_path / "slides.pptx")
    gc.disable()
    try:
        assert main(["build"]) == 0
        assert not gc.isenabled()  # a caller that had it off gets it back off
    finally:
        gc.enable()


@pytest.mark.usefixtures("restore_collector")
def test_one_shot_freezes_what_lasts_and_long_running_stops_freezing() -> None:
    collector.start_one_shot()
    assert not gc.isenabled()
    collector.imports_done()
    assert gc.isenabled()
    after_imports = gc.get_freeze_count()
    assert after_imports > 0
    kept = []
    with collector.lasting():
        assert not gc.isenabled()
        kept.extend([i] for i in range(1000))
    assert gc.isenabled()
    assert gc.get_freeze_count() >= after_imports + 1000
    collector.long_running()
    before = gc.get_freeze_count()
    with collector.lasting():
        kept.extend([i] for i in range(1000))
    assert gc.get_freeze_count() == before
    assert gc.isenabled()


@pytest.mark.usefixtures("restore_collector")
def test_a_failed_block_is_not_frozen_and_the_collector_comes_back() -> None:
    collector.start_one_shot()
    collector.imports_done()
    before = gc.get_freeze_count()
    with pytest.raises(ValueError), collector.lasting():
        raise ValueError("bad outline")
    assert gc.get_freeze_count() == before
    assert gc.isenabled()


@pytest.mark.parametrize("args", [["schema"], ["--help"], ["build", "--help"]])
def test_every_command_of_the_program_ends_with_the_collector_on_or_only_parsing(
    tmp_path: Path, args: list[str]
) -> None:
    """Commands that import and work (schema, inspect...) turn the collector back on; --help,
    which only parses arguments, may end with it off: it makes nothing that lasts."""
    result = _probe(args, tmp_path)
    assert result["code"] == 0
    enabled, frozen = result["seen"]["after"]
    if args == ["schema"]:
        assert enabled is True
        assert frozen > 10_000
    else:
        assert frozen == 0
