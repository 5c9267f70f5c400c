"""Where a build's time goes: cProfile of one build, as inclusive times of the pipeline's steps.

Usage: python profile_build.py OUTLINE  (prints a Markdown table; bench.py includes it in
RESULTS.md). Times are under the profiler (about 1.5x slower than without); the shares are what
to read.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

# (label, file ending, function name, who owns the code): the steps, outermost first.
STEPS = [
    ("load + validate the outline", "yamldeck/commands/build.py", "load_outline"),
    ("read pictures and CSV files", "yamldeck/files/assets.py", "load_assets"),
    ("render (everything below)", "yamldeck/render/slides.py", "render_outline"),
    ("  text frames: find placeholder, styles, fit, write", "yamldeck/render/context.py", "fill"),
    ("    placeholder styles (styles.frame_style)", "yamldeck/render/styles.py", "frame_style"),
    ("    writing runs (text._write)", "yamldeck/render/text.py", "_write"),
    ("    measuring (layout.measure.Measurer.fit)", "yamldeck/layout/measure.py", "fit"),
    ("  charts", "yamldeck/render/charts.py", "add_chart"),
    ("  remove empty placeholders", "yamldeck/render/context.py", "remove_empty_placeholders"),
    ("  add slides (SlideAdder)", "yamldeck/render/adder.py", "add_slide"),
    ("  footer and slide number (SlideAdder)", "yamldeck/render/adder.py", "add_chrome"),
    ("  notes slides (SlideAdder)", "yamldeck/render/adder.py", "notes_slide"),
    ("  notes text", "yamldeck/render/notes.py", "write_notes"),
    ("  finished slides to bytes (frozen.freeze)", "yamldeck/render/frozen.py", "freeze"),
    ("  write the zip in one pass (archive.zip_deck)", "yamldeck/package/archive.py", "zip_deck"),
    ("re-zip for identical bytes (no-op)", "yamldeck/package/archive.py", "deterministic_bytes"),
    ("integrity check of the package", "yamldeck/package/integrity.py", "verify_package"),
    ("write the file", "yamldeck/package/writer.py", "write_atomically"),
]


def profile(outline: Path) -> tuple[float, list[tuple[str, float]]]:
    from yamldeck.commands.build import build_deck

    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as scratch:
        start = time.perf_counter()
        profiler.runcall(build_deck, outline, Path(scratch) / "deck.pptx")
        total = time.perf_counter() - start
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = []
    for label, ending, name in STEPS:
        seconds = sum(cumulative for (file, _, function), (_, _, _, cumulative, _) in stats.items()
                      if file.endswith(ending) and function == name)
        if seconds:
            rows.append((label, seconds))
    return total, rows


def main() -> None:
    total, rows = profile(Path(sys.argv[1]))
    print("| step | seconds (profiled) | share |")
    print("|---|---:|---:|")
    for label, seconds in rows:
        shown = label.replace("  ", "&nbsp;&nbsp;")
        print(f"| {shown} | {seconds:.2f} | {seconds / total:.0%} |")
    print(f"| whole build_deck (profiled) | {total:.2f} | 100% |")


if __name__ == "__main__":
    main()
