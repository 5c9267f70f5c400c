"""Where a small build's whole-process time goes: start-up, each library's import, yamldeck's work.

Usage: python startup.py OUTLINE [RUNS]  (prints a Markdown table; bench.py puts it in
RESULTS.md). Each run is a fresh child that imports what `yamldeck build` imports, one library at
a time in the order below (a module two libraries share is counted under the first), then builds
OUTLINE with every import done, then exits; the parent times the whole process. The median of
RUNS runs (default 5) of each step is shown, so the steps need not add up exactly.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# (label, statement run in the child), in order; the build step comes after the last.
STEPS = [
    ("python-pptx and lxml (the floor imports these too)", "import pptx"),
    ("pydantic (with pydantic-core, annotated-types and the standard library they load)",
     "import pydantic, pydantic.types, pydantic.json_schema"),
    ("yamldeck's outline model: pydantic builds its validators at import",
     "import yamldeck.outline.model"),
    ("PyYAML", "import yaml"),
    ("Pillow's font metrics (python-pptx has loaded Pillow already)", "import PIL.ImageFont"),
    ("click and yamldeck's command line", "import click, yamldeck.cli"),
    ("XlsxWriter and python-pptx's chart data (a chart's embedded workbook)",
     "import pptx.chart.data"),
    ("yamldeck's renderer, checks and packaging",
     "import yamldeck.commands.warmup as w; w.load_renderer(); import yamldeck.render.charts"),
]
BUILD = "the build's own work: read, validate, render, zip, self-check, write"

_CHILD = """
import time, json, sys
marks = [time.time()]
from yamldeck import gcpolicy as collector  # light: the package imports nothing until asked
collector.start_one_shot()  # as the yamldeck program runs: imports with the collector off
for statement in json.loads(sys.argv[1]):
    exec(statement)
    marks.append(time.time())
from yamldeck.commands.build import build_deck
build_deck(sys.argv[2], sys.argv[3])
marks.append(time.time())
print(json.dumps(marks))
"""


def one_run(outline: Path, scratch: Path) -> tuple[list[float], float]:
    """Step durations (start-up first, build last) and the whole process, in seconds."""
    statements = json.dumps([statement for _, statement in STEPS])
    command = [sys.executable, "-c", _CHILD, statements, str(outline), str(scratch / "d.pptx")]
    start = time.time()
    run = subprocess.run(command, capture_output=True, text=True, env=os.environ)
    end = time.time()
    if run.returncode != 0:
        raise SystemExit(f"startup.py: the build failed:\n{run.stderr[-2000:]}")
    marks = [start, *json.loads(run.stdout)]
    steps = [b - a for a, b in zip(marks, marks[1:], strict=False)]
    steps.append(end - marks[-1])  # exit
    return steps, end - start


def breakdown(outline: Path, runs: int) -> tuple[list[tuple[str, float]], float]:
    labels = ["interpreter start-up (python and site)",
              *(label for label, _ in STEPS), BUILD, "interpreter exit"]
    samples: list[list[float]] = [[] for _ in labels]
    wholes = []
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(runs):
            steps, whole = one_run(outline, Path(scratch))
            for column, value in zip(samples, steps, strict=True):
                column.append(value)
            wholes.append(whole)
    medians = [statistics.median(column) for column in samples]
    return list(zip(labels, medians, strict=True)), statistics.median(wholes)


def main() -> None:
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rows, whole = breakdown(Path(sys.argv[1]), runs)
    print(f"| step of one build process (median of {runs}) | seconds | share |")
    print("|---|---:|---:|")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.3f} | {seconds / whole:.0%} |")
    print(f"| whole process | {whole:.3f} | 100% |")


if __name__ == "__main__":
    main()
