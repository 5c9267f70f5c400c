"""The build pipeline: read and validate the outline, render the deck, write it safely."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import OutlineError, OutputError, Problem, Warnings
from ..files.deckfiles import template_paths
from ..files.paths import AssetPolicy
from ..gcpolicy import lasting
from ..lints.checks import alt_text_lints
from ..outline.loader import SourceMap, read_document
from ..outline.model import Outline
from ..outline.validate import validate_document
from ..package.writer import write_atomically
from .check import CheckResult, Rendering, findings
from .outlinefiles import missing_outline
from .rendering import load_files, render_deck
from .warmup import load_renderer

# Timestamps inside the deck when SOURCE_DATE_EPOCH is not set: fixed, so rebuilds are identical.
_SLIDE_PART = re.compile(r"ppt/slides/slide\d+\.xml")


@dataclass(frozen=True)
class BuildResult:
    output: Path
    slides: int
    warnings: tuple[Problem, ...] = ()  # located warnings about the outline (printed by the CLI)


def load_outline(
    path: str | Path, warnings: Warnings | None = None, *, strict: bool = False
) -> tuple[Outline, SourceMap]:
    """Read and validate an outline file; raise OutlineError listing every problem.

    Warnings go into ``warnings`` when given; a failure carries them too, and ``strict``
    makes them errors.
    """
    path = Path(path)
    if not path.exists():  # say what is there instead, or how to start one
        raise OutlineError(missing_outline(path))
    found = Warnings() if warnings is None else warnings
    try:
        with lasting():  # millions of objects on a long deck, kept while it builds: collector.py
            document = read_document(path, str(path), found)
            outline = validate_document(document)
    except OutlineError as exc:
        raise _with_warnings(exc, found, strict) from None
    if strict and len(found):
        raise OutlineError(found.merged(strict=True))
    return outline, document.source


def _with_warnings(exc: OutlineError, warnings: Warnings, strict: bool) -> OutlineError:
    """The error with the warnings found before it, so one report lists everything."""
    if not len(warnings):
        return exc
    return type(exc)(warnings.merged(exc.problems, strict=strict))


def default_output(outline_path: Path) -> Path:
    """slides.yaml -> slides.pptx, beside the outline."""
    return outline_path.with_suffix(".pptx")


def check_outline(outline: Path, strict: bool) -> CheckResult:
    """Every problem `check` reports about ``outline``; with ``strict`` every one is an error.

    The outline is rendered in memory as `build` renders it (nothing is written), and the same
    lints run on it (commands.check), so the two print the same.
    """
    load_renderer()
    # As `build` without --allow-outside-assets: check answers "would build succeed?".
    policy = AssetPolicy(outline.parent, allow_outside=False)
    try:
        linted = lint_outline(outline, policy, strict=strict, package=False)
    except OutlineError as exc:
        return CheckResult(list(exc.problems), 0)
    return CheckResult(list(linted.problems), len(linted.outline.slides))


def _slide_count(data: bytes) -> int:
    """Slides in the deck (a long table adds continuation slides to the outline's count)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return sum(1 for name in package.namelist() if _SLIDE_PART.fullmatch(name))


def checked_output(outline_path: Path, output: str | Path | None) -> Path:
    """Where the deck goes: ``output``, or beside the outline; refuse names that cannot work."""
    target = Path(output) if output is not None else default_output(outline_path)
    if target.is_dir():
        name = default_output(Path(outline_path.name))
        raise OutputError(f"'{target}' is a folder; give a file name such as {target / name}")
    if target.suffix.lower() != ".pptx":
        raise OutputError(Problem(f"the output '{target}' must end in .pptx"))
    return target


def build_deck(
    outline_path: str | Path, output: str | Path | None = None, *, strict: bool = False,
    allow_outside_assets: bool = False, template: str | Path | None = None,
) -> BuildResult:
    """Build the deck for ``outline_path`` into ``output`` (default: beside the outline).

    ``strict`` refuses to build while the outline has warnings. Pictures and CSV files are read
    from the outline's folder; ``allow_outside_assets`` lets them come from anywhere.
    ``template`` (a path) builds on that PowerPoint template instead of deck: template:.
    """
    outline_path = Path(outline_path)
    target = checked_output(outline_path, output)
    outline, data, warnings = prepare_deck(outline_path, strict, allow_outside_assets,
                                           template=template)
    inputs = [outline_path, *template_paths(outline, outline_path, template)]
    write_atomically(data, target, protected=inputs)
    return BuildResult(output=target, slides=_slide_count(data), warnings=tuple(warnings))


def prepare_deck(
    outline_path: Path, strict: bool, allow_outside_assets: bool, cache: Any = None,
    template: str | Path | None = None, memory: Any = None,
) -> tuple[Outline, bytes, list[Problem]]:
    """Load, validate, render and lint the outline: the outline, the deck's bytes, the warnings.

    OutlineError lists every problem, the warnings too, when the deck cannot be made or, with
    ``strict``, while there are warnings. ``template`` (a path, from --template) replaces
    deck: template:.
    """
    policy = AssetPolicy(outline_path.parent, allow_outside=allow_outside_assets)
    linted = lint_outline(outline_path, policy, template, strict=strict, cache=cache,
                          memory=memory)
    if any(problem.severity == "error" for problem in linted.problems):
        raise OutlineError(list(linted.problems))
    return linted.outline, linted.data, list(linted.problems)


@dataclass(frozen=True)
class Linted:
    """An outline that loaded, its deck's bytes (b"" when it could not be made, or when only
    measured) and every problem with it, in reading order."""

    outline: Outline
    data: bytes
    problems: tuple[Problem, ...]


def lint_outline(
    outline_path: Path, policy: AssetPolicy, template: str | Path | None = None, *,
    strict: bool = False, cache: Any = None, package: bool = True, memory: Any = None,
) -> Linted:
    """What both `build` and `check` do: load, render (without ``package``: measure only) and
    run every lint (commands.check); OutlineError when the outline does not load."""
    warnings = Warnings()
    try:
        outline, source = load_outline(outline_path, warnings)
    except OutlineError as exc:
        if not strict:
            raise
        raise type(exc)([replace(p, severity="error") for p in exc.problems]) from None
    option = Path(template) if template is not None else None
    data, rendering, errors = b"", Rendering(template=option), ()
    try:
        files, assets = load_files(outline, source, policy, template)
        data, fits = render_deck(outline, source, files, assets, cache=cache, package=package,
                                 memory=memory)
        rendering = Rendering(fits, option)
    except OutlineError as exc:
        errors = exc.problems
    # Missing alt text is refused like a mistake, whatever lints are plugged in (CHECKS).
    errors = (*alt_text_lints(outline, source), *errors)
    found = findings(outline, source, rendering, loaded=warnings, errors=errors, strict=strict)
    return Linted(outline, data, tuple(found))


class Builder:
    """A warm builder that is used again and again (by ``yamldeck watch``).

    Between builds the process keeps its imports, the drawn template of each theme, the measured
    word widths and the last deck's bytes: a rebuild giving the same bytes leaves the file alone.
    """

    def __init__(
        self, outline_path: str | Path, output: str | Path | None = None, *, strict: bool = False,
        allow_outside_assets: bool = False, template: str | Path | None = None,
    ) -> None:
        self.outline_path = Path(outline_path)
        self.output = output
        self.strict = strict
        self.allow_outside_assets = allow_outside_assets
        self.template = Path(template) if template is not None else None  # --template
        self.outline: Outline | None = None  # the last outline that loaded cleanly
        self.written = False  # whether the last build replaced the deck file
        self._last: tuple[bytes, Path, tuple[int, int, int]] | None = None
        self._cache: Any = None  # render.cache.SlideCache, made when the renderer is imported
        self._memory: Any = None  # lints.fits.FitMemory: the fit warnings of the cached slides
        checked_output(self.outline_path, output)  # a wrong -o is a usage error, not a retry

    @property
    def deck(self) -> bytes | None:
        """The bytes of the last deck built and written (for a preview that draws it)."""
        return self._last[0] if self._last is not None else None

    def warm_up(self) -> None:
        """Import the renderer and load the fonts now, so the first rebuild is already fast."""
        from ..layout.measure import get_measurer
        from ..lints.fits import FitMemory
        from ..render.slidecache import SlideCache  # imports python-pptx

        get_measurer()
        if self._cache is None:
            self._cache, self._memory = SlideCache(), FitMemory()

    def build(self) -> BuildResult:
        """Build as build_deck does; skip the write when the bytes and the file are unchanged."""
        target = checked_output(self.outline_path, self.output)
        self.warm_up()
        self._cache.next_build()
        try:
            outline, data, warnings = prepare_deck(
                self.outline_path, self.strict, self.allow_outside_assets, self._cache,
                template=self.template, memory=self._memory,
            )
        except OutlineError:
            self.outline = _loaded_or(self.outline_path, self.outline)
            raise
        self.outline = outline
        last = self._last
        self.written = last is None or last[:2] != (data, target) or _file_stamp(target) != last[2]
        if self.written:
            inputs = [self.outline_path, *template_paths(outline, self.outline_path, self.template)]
            write_atomically(data, target, protected=inputs)
            self._last = (data, target, _file_stamp(target))
        return BuildResult(output=target, slides=_slide_count(data), warnings=tuple(warnings))


def _loaded_or(outline_path: Path, previous: Outline | None) -> Outline | None:
    """The outline when it loads although the deck failed (e.g. a missing picture), else previous.

    Watching needs to know which files a broken build names, so that fixing one rebuilds.
    """
    try:
        return load_outline(outline_path)[0]
    except OutlineError:
        return previous


def _file_stamp(path: Path) -> tuple[int, int, int]:
    """What changes when anyone else writes the file: inode, size and modification time."""
    try:
        info = path.stat()
    except OSError:
        return (-1, -1, -1)
    return (info.st_ino, info.st_size, info.st_mtime_ns)
