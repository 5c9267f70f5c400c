"""Save-to-deck latency of `yamldeck watch`: from writing the outline to the new deck in place."""

from __future__ import annotations

import os
import queue
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

_WROTE = re.compile(r"^wrote .* in (\d+\.\d+) s$")
TIMEOUT_S = 60


def _default_sigint() -> None:
    """Let Ctrl-C reach the child even when this script runs where SIGINT is ignored (nohup, &)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_ino, info.st_mtime_ns)


def measure(outline: Path, deck: Path, edits: int = 10,
            env: dict[str, str] | None = None) -> dict[str, float | int | str]:
    """Start watch on ``outline``, save ``edits`` changed titles, time each until the deck moves."""
    original = outline.read_text(encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "yamldeck", "watch", outline.name, "-o", deck.name],
        cwd=outline.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        preexec_fn=_default_sigint, env=env,
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(x.rstrip()) for x in process.stdout],
                              daemon=True)
    started = time.perf_counter()
    reader.start()
    first = _next_build(lines)
    first_deck = time.perf_counter() - started
    latencies, builds = [], [first]
    for n in range(edits):
        time.sleep(0.3)  # a person saves now and then, not continuously
        before = _stamp(deck)
        text = original.replace("title: Challenges", f"title: Challenges, take {n + 1}")
        start = time.perf_counter()
        outline.write_text(text, encoding="utf-8")
        while _stamp(deck) == before:
            if time.perf_counter() - start > TIMEOUT_S:
                raise SystemExit("watch did not rebuild within a minute")
            time.sleep(0.001)
        latencies.append(time.perf_counter() - start)
        builds.append(_next_build(lines))
    process.send_signal(signal.SIGINT)
    code = process.wait(timeout=TIMEOUT_S)
    reader.join(TIMEOUT_S)
    process.stdout.close()
    outline.write_text(original, encoding="utf-8")
    os.utime(outline)
    return {
        "edits": edits,
        "first_deck_s": first_deck,
        "latency_median_s": statistics.median(latencies),
        "latency_max_s": max(latencies),
        "latency_min_s": min(latencies),
        "rebuild_median_s": statistics.median(builds[1:]),
        "exit_code": code,
    }


def _next_build(lines: queue.Queue[str]) -> float:
    """The build time watch printed for its next build ("wrote ... in 0.05 s")."""
    deadline = time.perf_counter() + TIMEOUT_S
    while time.perf_counter() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        found = _WROTE.match(line)
        if found:
            return float(found.group(1))
        if "error" in line:
            raise SystemExit(f"watch reported a problem: {line}")
    raise SystemExit("watch printed no build within a minute")
