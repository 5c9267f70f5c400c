"""Save-to-page latency of `yamldeck serve`: from saving a one-word change to the new picture shown.

Copies the shipped slides.yaml and assets/ to a temporary folder, starts `yamldeck serve` on it
and opens the page in headless Chromium (Selenium, Debian's chromium and chromium-driver). Each
round changes one word of a bullet on slide 4 (a new word each time, so every round draws a new
picture) and times, in the page, the moment the new picture has been fetched, decoded and put in
place. The server's own timings split each round: build, LibreOffice (deck to PDF), picture
(PDF page to PNG), delivery (sent until shown) and the rest (noticing the save, waiting for it to
settle, publishing the text first).

    python benchmarks/serve_latency.py [--rounds 10]
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BULLET = "      - Focuses on means of delivery rather than the WMD themselves\n"
WORDS = ["Concentrates", "Centres", "Dwells", "Settles", "Narrows", "Rests", "Zeroes", "Homes",
         "Trains", "Bears", "Draws", "Fixes", "Turns", "Keys", "Hinges", "Insists", "Relies",
         "Builds", "Leans", "Works"]
TIMEOUT_S = 120
# Records when a slide's picture changes and is decoded: (slide number, src, epoch milliseconds).
HOOK = """
window.benchChanges = [];
new MutationObserver(records => records.forEach(r => {
  const img = r.target, article = img.closest('article');
  img.decode().catch(() => undefined).then(() => window.benchChanges.push(
    [Number(article.dataset.number), img.getAttribute('src'), Date.now(),
     window.yamldeckLast && window.yamldeckLast.timings]));
})).observe(document.getElementById('deck'), {subtree: true, attributeFilter: ['src']});
"""


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(folder: Path) -> tuple[subprocess.Popen[str], str, queue.Queue[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "yamldeck", "serve", "--no-open", "slides.yaml"], cwd=folder,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, preexec_fn=_default_sigint,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    stream = process.stdout
    threading.Thread(target=lambda: [lines.put(x.rstrip()) for x in stream], daemon=True).start()
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        line = lines.get(timeout=TIMEOUT_S)
        found = re.search(r"at (http://\S+/)", line)
        if found:
            return process, found.group(1), lines
    raise SystemExit("serve did not start")


def _browser() -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--window-size=1440,900",
                 f"--user-data-dir={tempfile.mkdtemp(prefix='bench-chromium-')}"):
        options.add_argument(flag)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


def _wait(driver: Any, script: str) -> Any:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        value = driver.execute_script(f"return {script};")
        if value:
            return value
        time.sleep(0.005)
    raise SystemExit(f"timed out waiting for: {script}")


def measure(rounds: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as scratch:
        folder = Path(scratch)
        shutil.copy(REPO / "slides.yaml", folder / "slides.yaml")
        shutil.copytree(REPO / "assets", folder / "assets")
        outline = folder / "slides.yaml"
        original = outline.read_text(encoding="utf-8")
        assert BULLET in original, "the shipped outline changed: pick another bullet"
        process, url, _lines = _start(folder)
        driver = _browser()
        try:
            driver.get(url)
            first = time.monotonic()
            _wait(driver, "document.querySelectorAll('#deck img').length > 0 && [...document."
                  "querySelectorAll('#deck img')].every(i => i.complete && i.naturalWidth)")
            print(f"first page with every picture: {time.monotonic() - first:.1f} s after loading")
            driver.execute_script(HOOK)
            rows = [_round(driver, outline, original, word) for word in WORDS[:rounds]]
        finally:
            driver.quit()
            process.send_signal(signal.SIGINT)
            process.wait(timeout=TIMEOUT_S)
    return _summary(rows)


def _round(driver: Any, outline: Path, original: str, word: str) -> dict[str, float]:
    time.sleep(1.0)  # a person saves now and then
    seen = driver.execute_script("return window.benchChanges.length;")
    saved = time.time()
    outline.write_text(original.replace(BULLET, BULLET.replace("Focuses", word)),
                       encoding="utf-8")
    number, _src, shown_ms, timings = _wait(
        driver, f"window.benchChanges.slice({seen}).find(c => c[0] === 4)")
    total = shown_ms / 1000 - saved
    row = {"total": total, "build": timings["build"], "libreoffice": timings["office"],
           "picture": timings["pictures"], "delivery": shown_ms / 1000 - timings["sent"]}
    row["rest"] = total - row["build"] - row["libreoffice"] - row["picture"] - row["delivery"]
    print("  ".join(f"{k} {v:.3f}" for k, v in row.items()))
    return row


def _summary(rows: list[dict[str, float]]) -> dict[str, Any]:
    keys = rows[0].keys()
    return {
        "rounds": len(rows),
        "median": {k: round(statistics.median(r[k] for r in rows), 3) for k in keys},
        "worst": {k: round(max(r[k] for r in rows), 3) for k in keys},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    summary = measure(min(args.rounds, len(WORDS)))
    print(f"\n{summary['rounds']} rounds on {os.cpu_count()} cores (seconds)")
    for name in ("median", "worst"):
        print(f"{name:>6}: " + "  ".join(f"{k} {v:.3f}" for k, v in summary[name].items()))
    if summary["median"]["total"] > 1.5:
        print("over the 1.5 s target")


if __name__ == "__main__":
    main()
