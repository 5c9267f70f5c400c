"""Benchmark: this checkout's code against another revision's, on the same inputs, side by side.

Run from the repository: python benchmarks/revisions.py REV [--runs 7] [--sizes 1000,5000]
For a change that should not change speed (a restructuring): both revisions build the shipped
outline, and synthetic outlines of each size, in interleaved rounds (a busy spell of the machine
slows both alike), each run a whole process from compiled bytecode. It prints the median wall and
CPU seconds, the peak memory and the ratios (this checkout / REV), and whether the two decks are
byte-identical.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import synth

REPO = Path(__file__).resolve().parents[1]


def _run(src: Path, outline: Path, output: Path, work: Path) -> tuple[float, float, float]:
    env = dict(os.environ, PYTHONPATH=str(src), PYTHONPYCACHEPREFIX=str(work / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-m", "yamldeck", "build", str(outline), "-o", str(output)]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=work, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed with {src}: {process.stderr.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="1000,5000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="yamldeck-revisions-") as scratch:
        work = Path(scratch)
        other = work / "other"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(other),
                        args.revision], check=True)
        try:
            return _compare(args, work, other)
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(other)],
                           check=False)


def _compare(args: argparse.Namespace, work: Path, other: Path) -> int:
    shutil.copy(REPO / "slides.yaml", work / "slides.yaml")
    shutil.copytree(REPO / "assets", work / "assets")
    outlines = [("MTCR briefing", work / "slides.yaml")]
    shipped = synth.shipped_outline(REPO / "slides.yaml")
    for size in (int(s) for s in args.sizes.split(",") if s):
        outlines.append((f"{size} slides", synth.write_inputs(shipped, size, work)["yaml"]))
    sources = {"this": REPO / "src", args.revision: other / "src"}
    print(f"| outline | {args.revision} s | this s | wall ratio | CPU ratio | "
          f"{args.revision} MB | this MB | identical |")
    print("|---|---|---|---|---|---|---|---|")
    for label, outline in outlines:
        samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in sources}
        outputs = {name: work / f"{outline.stem}-{i}.pptx" for i, name in enumerate(sources)}
        for name, src in sources.items():  # unmeasured: compiles the bytecode
            _run(src, outline, outputs[name], work)
        for _ in range(args.runs):
            for name, src in sources.items():
                samples[name].append(_run(src, outline, outputs[name], work))
        this, base = samples["this"], samples[args.revision]
        wall = [statistics.median(s[0] for s in x) for x in (base, this)]
        cpu = [statistics.median(s[1] for s in x) for x in (base, this)]
        peak = [max(s[2] for s in x) for x in (base, this)]
        same = _sha(outputs["this"]) == _sha(outputs[args.revision])
        print(f"| {label} | {wall[0]:.3f} | {wall[1]:.3f} | {wall[1] / wall[0]:.2f} | "
              f"{cpu[1] / cpu[0]:.2f} | {peak[0]:.0f} | {peak[1]:.0f} | "
              f"{'yes' if same else 'NO'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
