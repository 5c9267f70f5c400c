"""RESULTS.md for the benchmark: the machine, the table, the ratios against the targets."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# Everything after this line in an existing RESULTS.md is kept: the hand-written analysis.
ANALYSIS_MARK = "<!-- analysis: kept by bench.py -->"


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        mem_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal:"))
        ram = f"{mem_kb / 1024 / 1024:.1f} GB"
    except (OSError, StopIteration):
        ram = "unknown"
    pandoc = "not installed"
    if shutil.which("pandoc"):
        out = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout
        pandoc = out.splitlines()[0] if out else "unknown"
    versions = ", ".join(f"{name} {_version(name)}" for name in
                         ("python-pptx", "pydantic", "lxml", "Pillow", "PyYAML"))
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores (shared with other work while this ran)",
        f"- RAM: {ram}; OS: {platform.platform()}",
        f"- Python {platform.python_version()}; {versions}",
        f"- {pandoc} (Debian package `pandoc`: a benchmark-only dependency, not needed by tests)",
    ]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def _cell(value: float | None, fmt: str) -> str:
    return "-" if value is None else format(value, fmt)


def table(rows: list[Any]) -> list[str]:
    out = ["| what | slides | wall time (median) | CPU time (median) | peak memory | note |",
           "|---|---:|---:|---:|---:|---|"]
    for row in rows:
        slides = "" if row.slides is None else str(row.slides)
        out.append(f"| {row.name} | {slides} | {_cell(row.seconds, '.3f')} s | "
                   f"{_cell(row.cpu, '.3f')} s | {_cell(row.peak_mb, '.0f')} MB | {row.note} |")
    return out


def targets(rows: list[Any], latency: dict[str, Any]) -> list[str]:
    by = {row.name: row for row in rows}

    def secs(name: str) -> float | None:
        row = by.get(name)
        return None if row is None else row.seconds

    def cpu(name: str) -> float | None:
        row = by.get(name)
        return None if row is None else row.cpu

    checks = [
        ("MTCR build / floor", secs("yamldeck build (MTCR)"),
         secs("floor (import pptx, save empty)"), 1.5),
        ("1000 slides / hand python-pptx", secs("yamldeck build (1000)"),
         secs("hand python-pptx (1000)"), 0.25),
        ("1000 slides / pandoc", secs("yamldeck build (1000)"), secs("pandoc (1000)"), 0.25),
        ("5000 slides / 1000 slides", secs("yamldeck build (5000)"), secs("yamldeck build (1000)"),
         5.5),
        ("check / build (MTCR)", secs("yamldeck check (MTCR)"), secs("yamldeck build (MTCR)"), 0.5),
    ]
    out = ["| target | wall-time ratio | CPU-time ratio | limit | met (wall) |",
           "|---|---:|---:|---:|---|"]
    for name, a, b, limit in checks:
        if a is None or b is None:
            out.append(f"| {name} | not measured | | {limit} | - |")
            continue
        ratio = a / b
        cpu_ratio = _ratio(by, name)
        out.append(f"| {name} | {ratio:.2f} | {cpu_ratio} | {limit} | "
                   f"{'yes' if ratio <= limit else 'NO'} |")
    peak = by.get("yamldeck build (5000)")
    if peak is not None and peak.peak_mb is not None:
        met = "yes" if peak.peak_mb < 300 else "NO"
        out.append(f"| peak memory at 5000 slides | {peak.peak_mb:.0f} MB | | < 300 MB | {met} |")
    out.extend(_walls(by))
    median = latency["latency_median_s"]
    worst = latency["latency_max_s"]
    out.append(f"| watch: save to new deck (MTCR), median / worst of {latency['edits']} | "
               f"{median * 1000:.0f} / {worst * 1000:.0f} ms | | 100 ms | "
               f"{'yes' if median <= 0.1 else 'NO'} |")
    return out


# The processes that show what a target leaves for yamldeck's own code (bench.py's rows).
FLOOR = "floor (import pptx, save empty)"
LIBRARIES = "libraries only (floor + pydantic, PyYAML, XlsxWriter, click)"
# What any `check` imports, even one measuring text without python-pptx: the outline model it
# validates with, the YAML reader, the command line and the font metrics.
CHECK_LIBRARIES = "check's libraries only (outline model, PyYAML, click, Pillow fonts)"


def _walls(by: dict[str, Any]) -> list[str]:
    """Rows for the time no implementation on these libraries can go below, as the same ratios."""
    out = []
    floor, libraries = by.get(FLOOR), by.get(LIBRARIES)
    build, model = by.get("yamldeck build (MTCR)"), by.get(CHECK_LIBRARIES)
    if floor and libraries and floor.seconds and libraries.seconds:
        out.append(f"| *lower bound:* importing the libraries a build uses, then saving an empty "
                   f"deck / floor | {libraries.seconds / floor.seconds:.2f} | "
                   f"{_cpu(libraries, floor)} | 1.5 | - |")
    if build and model and build.seconds and model.seconds:
        out.append(f"| *lower bound:* importing what any check needs, even without python-pptx "
                   f"/ build (MTCR) | {model.seconds / build.seconds:.2f} | {_cpu(model, build)} "
                   "| 0.5 | - |")
    return out


def _cpu(top: Any, bottom: Any) -> str:
    return f"{top.cpu / bottom.cpu:.2f}" if top.cpu and bottom.cpu else ""


# The CPU-time version of each target: (numerator row, denominator row).
_CPU_PAIRS = {
    "MTCR build / floor": ("yamldeck build (MTCR)", "floor (import pptx, save empty)"),
    "1000 slides / hand python-pptx": ("yamldeck build (1000)", "hand python-pptx (1000)"),
    "1000 slides / pandoc": ("yamldeck build (1000)", "pandoc (1000)"),
    "5000 slides / 1000 slides": ("yamldeck build (5000)", "yamldeck build (1000)"),
    "check / build (MTCR)": ("yamldeck check (MTCR)", "yamldeck build (MTCR)"),
}


def _ratio(by: dict[str, Any], target: str) -> str:
    top, bottom = (by.get(name) for name in _CPU_PAIRS[target])
    if top is None or bottom is None or not top.cpu or not bottom.cpu:
        return ""
    return f"{top.cpu / bottom.cpu:.2f}"


def markdown(rows: list[Any], latency: dict[str, Any], runs: int, elapsed: float) -> str:
    kept = ""
    old = HERE / "RESULTS.md"
    if old.exists() and ANALYSIS_MARK in old.read_text(encoding="utf-8"):
        kept = old.read_text(encoding="utf-8").split(ANALYSIS_MARK, 1)[1]
    lines = [
        "# Benchmark results",
        "",
        "Written by `python benchmarks/bench.py` (this run took "
        f"{elapsed:.0f} s). Whole-process wall time, median of {runs} runs (hand python-pptx and "
        "pandoc run once above 1000 slides; the processes under a second more often, taking "
        "turns, as the note says), and the child's peak resident memory. Every "
        "process runs from compiled bytecode, as after `pip install` (bench.child_environment).",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Results",
        "",
        *table(rows),
        "",
        "## Targets",
        "",
        *targets(rows, latency),
        "",
        f"`yamldeck watch` (MTCR outline): first deck {latency['first_deck_s']:.2f} s after start "
        f"(imports and the first build); then save-to-deck {latency['latency_min_s'] * 1000:.0f}"
        f"-{latency['latency_max_s'] * 1000:.0f} ms (median "
        f"{latency['latency_median_s'] * 1000:.0f} ms) over {latency['edits']} saves, of which "
        f"the build itself {latency['rebuild_median_s'] * 1000:.0f} ms (median, as watch prints "
        f"it) and the rest polling (every 10 ms) and settling (5 ms); Ctrl-C exit code "
        f"{latency['exit_code']}.",
        "",
        f"Load average of the machine (2 cores, shared): {latency.get('load', 'unknown')}. Wall "
        "times on a busy machine vary by 2x between runs; CPU times vary much less.",
        "",
        *(["## Where the MTCR build's time goes (whole process, not profiled)", "",
           latency["startup"].rstrip(), ""] if latency.get("startup") else []),
        *(["## Where the time goes (1000 slides, profiled)", "", latency["profile"].rstrip(), ""]
          if latency.get("profile") else []),
        ANALYSIS_MARK,
    ]
    return "\n".join(lines) + (kept if kept else "\n")
