"""The README stays true: its key reference is current and its example outlines build."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from pptx import Presentation

from yamldeck import build_deck
from yamldeck.outline.reference import END, START, reference_markdown

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_key_reference_is_generated_from_the_model() -> None:
    section = README[README.index(START) : README.index(END) + len(END)]
    assert section == reference_markdown()


def test_update_script_reports_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_readme.py"), "--check"], check=False
    )
    assert result.returncode == 0


def _yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", README, flags=re.S)


def test_readme_examples_build(tmp_path: Path) -> None:
    first, kinds = _yaml_blocks()[:2]
    deck_part = first.split("\nslides:")[0]
    for number, body in enumerate((first, deck_part + "\n" + kinds)):
        outline = tmp_path / f"example{number}.yaml"
        outline.write_text(body, encoding="utf-8")
        result = build_deck(outline)
        data = yaml.safe_load(body)
        prs = Presentation(str(result.output))
        assert len(prs.slides) == len(data["slides"])
        assert result.slides == len(data["slides"])


def test_readme_set_up_commands_match_ci() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(line for line in README.splitlines() if "pytest" in line and "pip" in line)
    venv_part = test_command[test_command.index("python3 -m venv") :]
    assert venv_part.replace("pip install -e", "pip install -q -e") in ci
