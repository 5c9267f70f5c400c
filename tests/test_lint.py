"""The code stays ruff-clean under the project's settings (pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from helpers import REPO


def test_ruff_finds_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "src", "tests", "benchmarks",
         "scripts"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
