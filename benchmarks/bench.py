"""Benchmark: yamldeck against the floor, hand-written python-pptx and pandoc; writes RESULTS.md.

Run from the repository: python benchmarks/bench.py [--runs 3] [--sizes 100,1000,5000] [--full]
Every measurement is a whole process (start-up and imports included): the median wall time of
--runs runs and the peak resident memory of the child (getrusage via os.wait4). Inputs are
generated into a temporary folder from the shipped slides.yaml (see synth.py). pandoc is a
benchmark-only dependency (Debian/Ubuntu: apt-get install pandoc); without it its rows say so.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import report
import synth
import watch_latency
from report import CHECK_LIBRARIES, LIBRARIES

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable
FLOOR = "from pptx import Presentation; Presentation().save({out!r})"
# The floor plus the other libraries a build of the MTCR deck imports (the outline's validation,
# its reading, the chart's workbook, the command line): what any build on them pays first.
LIBRARY_FLOOR = ("import gc; gc.disable(); import pydantic, pydantic.types, yaml, pptx.chart.data, "
                 "click; "
                 "from pptx import Presentation; Presentation().save({out!r})")
CHECK_FLOOR = "import gc; gc.disable(); import yamldeck.outline.model, yaml, click, PIL.ImageFont"
# Hand-written python-pptx and pandoc are quadratic or slow at 5000 slides (minutes per run):
# they run at that size only with --full.
SLOW_LIMIT = 1000
# Runs of each process under a second (the floor, the MTCR build, check...): cheap, and their
# ratios are what the start-up targets are about.
QUICK_RUNS = 11


@dataclass
class Row:
    name: str
    slides: int | None
    seconds: float | None  # median wall time
    peak_mb: float | None
    note: str = ""
    cpu: float | None = None  # median user + system CPU seconds (less sensitive to a busy machine)


def child_environment(work: Path) -> dict[str, str]:
    """The environment every measured process runs in: compiled bytecode, as installed.

    pip compiles a package's modules when it installs it (python-pptx, pydantic... and yamldeck
    itself from `pip install .`), so a user's every run starts from bytecode. An editable
    install, or PYTHONDONTWRITEBYTECODE, would compile yamldeck's modules in every run instead
    (about 50 ms): the children keep their bytecode in a cache of their own, filled by an
    unmeasured first run of each command.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


ENV: dict[str, str] = dict(os.environ)


def _run_once(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) and CPU seconds of one run of ``command``."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty child cannot block
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors,
                                   env=ENV)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        errors.seek(0)
        error = errors.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{error}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # maxrss: KB on Linux


def _warm_up(command: list[str], cwd: Path) -> None:
    """An unmeasured run of a yamldeck command: compiles what it imports (see child_environment).

    The short commands run first (measure_together) and import everything a long build does.
    """
    if any("yamldeck" in part for part in command):
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=ENV)


def measure(command: list[str], cwd: Path, runs: int) -> tuple[float, float, float]:
    """Median wall seconds, largest peak RSS (MB), median CPU seconds of ``runs`` runs."""
    return _summary([_run_once(command, cwd) for _ in range(runs)])


def measure_together(commands: list[list[str]], cwd: Path,
                     runs: int) -> list[tuple[float, float, float]]:
    """measure() for each command, run in turn round by round.

    A busy spell of the (shared) machine then slows every command of a round alike, so the
    ratios between short commands, such as the MTCR build and the floor, stay fair.
    """
    for command in commands:
        _warm_up(command, cwd)
    samples: list[list[tuple[float, float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for command, taken in zip(commands, samples, strict=True):
            taken.append(_run_once(command, cwd))
    return [_summary(taken) for taken in samples]


def _summary(taken: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Median wall time, largest peak memory, median CPU time."""
    return (statistics.median(t[0] for t in taken), max(t[1] for t in taken),
            statistics.median(t[2] for t in taken))


def yamldeck(*args: str) -> list[str]:
    return [PY, "-m", "yamldeck", "-v", *args]  # -v: a traceback if a run fails


def run_all(sizes: list[int], runs: int, full: bool, work: Path,
            profile: bool) -> tuple[list[Row], dict]:
    rows: list[Row] = []
    shipped = synth.shipped_outline(REPO / "slides.yaml")
    shutil.copy(REPO / "slides.yaml", work / "slides.yaml")
    if (REPO / "assets").is_dir():  # the CSV files and pictures the outline names
        shutil.copytree(REPO / "assets", work / "assets")
    have_pandoc = shutil.which("pandoc") is not None

    def record(name: str, slides: int | None, measured: tuple[float, float, float],
               note: str = "") -> None:
        seconds, peak, cpu = measured
        rows.append(Row(name, slides, seconds, peak, note, cpu))
        print(f"  {name:<34} {seconds:7.3f} s {cpu:7.3f} s CPU {peak:7.1f} MB", flush=True)

    def add(name: str, slides: int | None, command: list[str], times: int = runs) -> None:
        record(name, slides, measure(command, work, times),
               "" if times == runs else f"{times} run")

    mtcr = len(shipped["slides"])
    quick = [  # processes under a second: measured together, round by round, QUICK_RUNS times
        ("python start-up (python -c pass)", None, [PY, "-c", "pass"]),
        ("floor (import pptx, save empty)", 0,
         [PY, "-c", FLOOR.format(out=str(work / "e.pptx"))]),
        (LIBRARIES, 0, [PY, "-c", LIBRARY_FLOOR.format(out=str(work / "l.pptx"))]),
        (CHECK_LIBRARIES, None, [PY, "-c", CHECK_FLOOR]),
        ("yamldeck --help", None, yamldeck("--help")),
        ("yamldeck check (MTCR)", mtcr, yamldeck("check", "slides.yaml")),
        ("yamldeck build (MTCR)", mtcr, yamldeck("build", "slides.yaml", "-o", "mtcr.pptx")),
    ]
    quick_runs = max(runs, QUICK_RUNS)
    measured = measure_together([command for *_, command in quick], work, quick_runs)
    for (name, slides, _), result in zip(quick, measured, strict=True):
        record(name, slides, result, f"{quick_runs} runs, interleaved")
    for size in sizes:
        paths = synth.write_inputs(shipped, size, work)
        ours = (f"yamldeck build ({size})", yamldeck("build", paths["yaml"].name, "-o",
                                                      f"y{size}.pptx"))
        peers = [(f"hand python-pptx ({size})",
                  [PY, str(HERE / "hand_pptx.py"), paths["json"].name, f"h{size}.pptx"])]
        if have_pandoc:
            peers.append((f"pandoc ({size})", ["pandoc", paths["md"].name, "-o", f"p{size}.pptx"]))
        if size <= SLOW_LIMIT:  # yamldeck and its peers take turns, round by round
            together = [ours, *peers]
            results = measure_together([command for _, command in together], work, runs)
            for (name, _), result in zip(together, results, strict=True):
                record(name, size, result, "interleaved")
        else:
            add(ours[0], size, ours[1])
            for name, command in peers:
                if full:
                    add(name, size, command, 1)
                else:
                    rows.append(Row(name, size, None, None, "--full runs it"))
        if not have_pandoc:
            rows.append(Row(f"pandoc ({size})", size, None, None, "pandoc not installed"))
    latency = watch_latency.measure(work / "slides.yaml", work / "watched.pptx", edits=10,
                                    env=ENV)
    run = subprocess.run([PY, str(HERE / "startup.py"), "slides.yaml", str(runs * 2 + 1)],
                         cwd=work, capture_output=True, text=True, check=True, env=ENV)
    latency["startup"] = run.stdout
    if profile:
        run = subprocess.run([PY, str(HERE / "profile_build.py"), "deck1000.yaml"], cwd=work,
                             capture_output=True, text=True, check=True, env=ENV)
        latency["profile"] = run.stdout
    return rows, latency


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--full", action="store_true", help="also hand/pandoc above 1000 slides")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--no-profile", action="store_true",
                        help="skip the profile of the 1000-slide build")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    start, load = time.perf_counter(), os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="yamldeck-bench-") as scratch:
        ENV.clear()
        ENV.update(child_environment(Path(scratch)))
        rows, latency = run_all(sizes, args.runs, args.full, Path(scratch),
                                not args.no_profile and 1000 in sizes)
    elapsed = time.perf_counter() - start
    latency["load"] = f"{load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    text = report.markdown(rows, latency, args.runs, elapsed)
    print()
    print(text)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({elapsed:.0f} s)")


if __name__ == "__main__":
    main()
