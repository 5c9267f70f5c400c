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


def measure(command: list[str], cwd: Path, runs: int, warm: bool) -> tuple[float, float, float]:
    """Median wall seconds, largest peak RSS (MB), median CPU seconds of ``runs`` runs.

    ``warm``: a first, unmeasured run compiles yamldeck's modules (see child_environment).
    """
    if warm:
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=ENV)
    times, peaks, cpus = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty child cannot block
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors,
                                       env=ENV)
            _, status, usage = os.wait4(process.pid, 0)
            times.append(time.perf_counter() - start)
            errors.seek(0)
            error = errors.read().decode(errors="replace")
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{error}")
        peaks.append(usage.ru_maxrss / 1024)  # KB on Linux
        cpus.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(times), max(peaks), statistics.median(cpus)


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

    def add(name: str, slides: int | None, command: list[str], times: int = runs) -> None:
        warm = any("yamldeck" in part for part in command)  # compile yamldeck's modules first
        seconds, peak, cpu = measure(command, work, times, warm)
        rows.append(Row(name, slides, seconds, peak, "" if times == runs else f"{times} run",
                        cpu))
        print(f"  {name:<34} {seconds:7.3f} s {cpu:7.3f} s CPU {peak:7.1f} MB", flush=True)

    add("python start-up (python -c pass)", None, [PY, "-c", "pass"])
    add("floor (import pptx, save empty)", 0, [PY, "-c", FLOOR.format(out=str(work / "e.pptx"))])
    add(LIBRARIES, 0, [PY, "-c", LIBRARY_FLOOR.format(out=str(work / "l.pptx"))])
    add(CHECK_LIBRARIES, None, [PY, "-c", CHECK_FLOOR])
    add("yamldeck --help", None, yamldeck("--help"))
    mtcr = len(shipped["slides"])
    add("yamldeck check (MTCR)", mtcr, yamldeck("check", "slides.yaml"))
    add("yamldeck build (MTCR)", mtcr, yamldeck("build", "slides.yaml", "-o", "mtcr.pptx"))
    for size in sizes:
        paths = synth.write_inputs(shipped, size, work)
        add(f"yamldeck build ({size})", size,
            yamldeck("build", paths["yaml"].name, "-o", f"y{size}.pptx"))
        slow_runs = runs if size <= SLOW_LIMIT else 1
        if size > SLOW_LIMIT and not full:
            rows.append(Row(f"hand python-pptx ({size})", size, None, None, "--full runs it"))
            rows.append(Row(f"pandoc ({size})", size, None, None, "--full runs it"))
            continue
        add(f"hand python-pptx ({size})", size,
            [PY, str(HERE / "hand_pptx.py"), paths["json"].name, f"h{size}.pptx"], slow_runs)
        if have_pandoc:
            add(f"pandoc ({size})", size, ["pandoc", paths["md"].name, "-o", f"p{size}.pptx"],
                slow_runs)
        else:
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
