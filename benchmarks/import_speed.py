"""Benchmark: `yamldeck import` of a 200-slide deck, as a user runs it (a whole process).

Run from the repository: python benchmarks/import_speed.py [--slides 200] [--runs 5]
The deck is synth.py's outline of that many slides (the shipped outline's slides in turn) built
by `yamldeck build`, once on the built-in theme and once on python-pptx's default template (a
deck on a template of its own: the import keeps the template and checks each slide's layout).
Each is imported as built, and as saved again by an editor (its revision counted on): then the
import renders the outline to find text that does not fit, as for any deck not yamldeck's own.
Each import is measured as bench.py measures a build: median wall and CPU time of --runs runs of
the whole process (start-up and imports included) and its peak memory, the imports taking turns.
The target: under 3 s for 200 slides; the decks that miss it are named.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import bench
import synth

TARGET_SECONDS = 3.0


def decks(work: Path, slides: int) -> dict[str, Path]:
    """The synthetic outline built into a deck on each look: name -> deck."""
    outline = synth.synthetic_outline(synth.shipped_outline(bench.REPO / "slides.yaml"), slides)
    found = {}
    for name, template in (("built-in theme", None), ("python-pptx's default template", "t")):
        folder = work / ("builtin" if template is None else "template")
        folder.mkdir()
        if (bench.REPO / "assets").is_dir():
            shutil.copytree(bench.REPO / "assets", folder / "assets")
        data = dict(outline, deck=dict(outline["deck"]))
        if template is not None:
            from pptx import Presentation

            Presentation().save(str(folder / "template.pptx"))
            data["deck"]["template"] = "template.pptx"
        synth.write_outline(data, folder / "talk.yaml")
        bench._run_once(bench.yamldeck("build", str(folder / "talk.yaml")), folder)
        found[name] = folder / "talk.pptx"
        found[f"{name}, saved again"] = saved_again(folder / "talk.pptx", folder / "saved.pptx")
    return found


def saved_again(deck: Path, target: Path) -> Path:
    """The deck as an editor saves it: the same slides, its properties' revision counted on."""
    from pptx import Presentation

    prs = Presentation(str(deck))
    prs.core_properties.revision = 2
    prs.save(str(target))
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slides", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="yamldeck-import-speed-") as scratch:
        work = Path(scratch)
        bench.ENV.clear()  # as bench.py runs its children: from compiled bytecode
        bench.ENV.update(bench.child_environment(work))
        made = decks(work, options.slides)
        commands = [bench.yamldeck("import", str(deck), "-o", str(deck.parent / "imported.yaml"),
                                   "--force") for deck in made.values()]
        results = bench.measure_together(commands, work, options.runs)
        print(f"`yamldeck import` of a {options.slides}-slide deck: median of {options.runs} "
              "runs, whole process")
        print("| deck | wall time | CPU time | peak memory |")
        print("|---|--:|--:|--:|")
        missed = []
        for name, (wall, peak, cpu) in zip(made, results, strict=True):
            print(f"| {name} | {wall:.2f} s | {cpu:.2f} s | {peak:.0f} MB |")
            if wall >= TARGET_SECONDS:
                missed.append(name)
        print(f"\ntarget: under {TARGET_SECONDS:g} s for {options.slides} slides: "
              + (f"NOT met by: {', '.join(missed)}" if missed else "met by every deck"))
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
