"""The command line: argument parsing, printing and exit codes; nothing else."""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from . import gcpolicy as collector
from .commands.outlinefiles import file_not_command
from .commands.report import count as _count
from .commands.report import typed, watch_lines
from .commands.warmup import load_renderer
from .errors import (
    EXIT_BUG,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTLINE,
    EXIT_USAGE,
    OutlineError,
    Problem,
    YamldeckError,
)
from .serve.command import serve_command

if TYPE_CHECKING:
    from .commands.watch import WatchEvent

OUTLINE = click.argument("outline", type=click.Path(path_type=Path, dir_okay=True),
                         default="slides.yaml", required=False)
STRICT = click.option("--strict", is_flag=True,
                      help="Treat warnings as errors: nothing is built while there are any.")
# Options shared by `build` and `watch` (watch takes every option of build).
OUTPUT = click.option("-o", "--output", type=click.Path(path_type=Path), help="Where to write "
                      "the deck (default: the outline's name with .pptx, beside it).")
ALLOW_OUTSIDE_ASSETS = click.option("--allow-outside-assets", is_flag=True, help="Let pictures "
                                    "and CSV files come from outside the outline's folder "
                                    "(only for outlines you trust).")
TEMPLATE = click.option("--template", type=click.Path(path_type=Path), help="Build on this "
                        "PowerPoint template (.potx or .pptx) instead of deck: template: or the "
                        "built-in theme.")


def _echo_problems(problems: Iterable[Problem]) -> None:
    """Each problem on a line of its own, on stderr."""
    for problem in problems:
        click.echo(problem.format(), err=True)


class _Commands(click.Group):
    """The commands; a file name typed where a command belongs says how to build it."""

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[Any, Any, list[str]]:
        if args and self.get_command(ctx, args[0]) is None and not args[0].startswith("-"):
            message = file_not_command(args[0])
            if message is not None:
                raise click.UsageError(message, ctx)
        return super().resolve_command(ctx, args)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="yamldeck")
@click.option("-v", "--verbose", is_flag=True, help="Show a traceback for internal errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    """Turn a YAML outline of a talk into an editable PowerPoint deck."""
    ctx.obj = {"verbose": verbose}


@cli.command()
@click.argument("file", type=click.Path(path_type=Path), default="slides.yaml", required=False)
def new(file: Path) -> None:
    """Start a new outline, FILE (default: ./slides.yaml), with one slide of each kind."""
    from .commands.starter import write_starter

    collector.imports_done()
    made = write_starter(file)
    ignore = f" and {made.ignore} (what yamldeck makes, for git to skip)" if made.ignore else ""
    click.echo(f"wrote {made.outline} ({_count(made.slides, 'slide')}, one of each kind){ignore}")
    click.echo(f"next: change the words in {made.outline}, then type: "
               f"yamldeck build {typed(made.outline)}")


@cli.command()
@OUTLINE
@OUTPUT
@STRICT
@ALLOW_OUTSIDE_ASSETS
@TEMPLATE
def build(outline: Path, output: Path | None, strict: bool, allow_outside_assets: bool,
          template: Path | None) -> None:
    """Build the deck from OUTLINE (default: ./slides.yaml)."""
    from .commands.build import build_deck

    load_renderer()
    start = time.perf_counter()
    result = build_deck(outline, output, strict=strict, allow_outside_assets=allow_outside_assets,
                        template=template)
    seconds = time.perf_counter() - start
    _echo_problems(result.warnings)
    click.echo(f"wrote {result.output} ({_count(result.slides, 'slide')}) in {seconds:.2f} s")


@cli.command()
@OUTLINE
@STRICT
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="json: print the problems as a JSON list on stdout.",
)
@click.pass_context
def check(ctx: click.Context, outline: Path, strict: bool, fmt: str) -> None:
    """Check OUTLINE for mistakes without building a deck."""
    from .commands.build import check_outline

    result = check_outline(outline, strict)
    problems = result.problems
    errors = sum(problem.severity == "error" for problem in problems)
    if fmt == "json":
        # ASCII-only: any console encoding can carry it, and JSON readers restore the text.
        click.echo(json.dumps([p.as_dict() for p in problems], indent=2))
        if errors:
            ctx.exit(EXIT_OUTLINE)
    elif errors:
        raise OutlineError(problems)  # printed by main(), as for build
    else:
        _echo_problems(problems)
        more = f", {_count(len(problems), 'warning')}" if problems else ""
        click.echo(f"{outline}: ok ({_count(result.slides, 'slide')}{more})")


@cli.command()
@OUTLINE
@OUTPUT
@click.option(
    "--preview", is_flag=True,
    help="Also render the slide pictures after each build (needs LibreOffice).",
)
@STRICT
@ALLOW_OUTSIDE_ASSETS
@TEMPLATE
@click.pass_context
def watch(ctx: click.Context, outline: Path, output: Path | None, preview: bool, strict: bool,
          allow_outside_assets: bool, template: Path | None) -> None:
    """Rebuild the deck whenever OUTLINE or a file it uses changes (Ctrl-C stops)."""
    from .commands.build import Builder
    from .commands.watch import Watcher

    load_renderer()
    collector.long_running()  # rebuilds must not freeze the outlines they replace
    builder = Builder(outline, output, strict=strict, allow_outside_assets=allow_outside_assets,
                      template=template)
    click.echo(f"watching {outline} and the files it uses; Ctrl-C stops")
    verbose = bool(ctx.obj and ctx.obj.get("verbose"))
    Watcher(builder, lambda event: _print_watch_event(event, verbose), preview=preview).run()


def _clock() -> time.struct_time:
    """The local time for watch's lines (a function, so tests can fix it)."""
    return time.localtime()


def _print_watch_event(event: WatchEvent, verbose: bool) -> None:
    """One line per build, as `build` prints it; problems as `build` prints them, then go on.
    Each line starts with the time, so that after many saves the newest is plain to see."""
    stamp = time.strftime("[%H:%M:%S]", _clock())
    for text, err in watch_lines(event, verbose):
        click.echo(f"{stamp} {text}", err=err)


@cli.command()
@OUTLINE
@click.option(
    "-o", "--output", "folder", type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the pictures (default: the outline's name with -preview, beside it).",
)
def preview(outline: Path, folder: Path | None) -> None:
    """Build OUTLINE and render every slide to a PNG, plus a numbered contact sheet."""
    from .commands.preview import preview as render_preview

    load_renderer()
    start = time.perf_counter()
    result = render_preview(outline, folder)
    _echo_problems(result.warnings)
    slides = _count(len(result.pictures), "slide")
    click.echo(f"wrote {slides} and {result.sheet} in {time.perf_counter() - start:.1f} s")


@cli.command()
@OUTLINE
@click.option("--pdf", "pdf", is_flag=True, help="Write a PDF (rendered by LibreOffice).")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path),
    help="Where to write it (default: the outline's name with .pdf, beside it).",
)
def export(outline: Path, pdf: bool, output: Path | None) -> None:
    """Build OUTLINE and export the deck in another format (--pdf)."""
    from .commands.preview import export_pdf

    load_renderer()

    if not pdf:
        raise click.UsageError("choose a format to export to: --pdf")
    start = time.perf_counter()
    result = export_pdf(outline, output)
    _echo_problems(result.warnings)
    click.echo(f"wrote {result.output} in {time.perf_counter() - start:.1f} s")


@cli.command("inspect")
@click.argument("template", type=click.Path(path_type=Path))
@click.option(
    "--units", type=click.Choice(["cm", "in"]), default="cm", show_default=True,
    help="Units for positions and sizes.",
)
def inspect_template(template: Path, units: str) -> None:
    """List TEMPLATE's masters, layouts and placeholders, and the slides each layout is for."""
    from .render.inspect import describe

    collector.imports_done()
    click.echo(describe(template, units), nl=False)


@cli.command("import")
@click.argument("deck", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="The outline to write "
              "(default: the deck's name with .yaml); its files go in NAME-assets/ beside it.")
@click.option("--force", is_flag=True, help="Replace the outline and files of an earlier import.")
@click.option("--no-template", is_flag=True, help="Use the built-in theme, not the deck's look.")
@click.option("--into", type=click.Path(path_type=Path), help="Take DECK's edits back into "
              "this outline (the one DECK was built from).")
@click.option("--dry-run", is_flag=True, help="With --into: print the change, write nothing.")
def import_command(deck: Path, output: Path | None, force: bool, no_template: bool,
                   into: Path | None, dry_run: bool) -> int:
    """Make an outline of DECK (.pptx, .potx, .pptm, .md), or take DECK's edits --into one."""
    from .commands.importing import run_import

    load_renderer()
    result = run_import(deck, output, force=force, template=not no_template, into=into,
                        dry_run=dry_run)
    _echo_problems(result.warnings)
    click.echo(result.summary)
    return result.exit_code


@cli.command()
def schema() -> None:
    """Print the JSON Schema of an outline, for editors (see the README)."""
    from .outline.schema import schema_text

    collector.imports_done()
    click.echo(schema_text(), nl=False)


cli.add_command(serve_command([OUTLINE, OUTPUT, STRICT, ALLOW_OUTSIDE_ASSETS, TEMPLATE],
                              _print_watch_event))


def entry() -> int:
    """The `yamldeck` program (its console script and python -m yamldeck): one command, exit."""
    collector.start_one_shot()
    return main()


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and map every outcome to the documented exit code."""
    verbose = "-v" in (argv or sys.argv[1:]) or "--verbose" in (argv or sys.argv[1:])
    try:
        code = cli.main(args=argv, prog_name="yamldeck", standalone_mode=False)
    except YamldeckError as exc:
        _echo_problems(exc.problems)
        errors = sum(p.severity == "error" for p in exc.problems)
        if errors > 1:
            click.echo(f"{errors} problems; nothing was written", err=True)
        return exc.exit_code
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("interrupted", err=True)
        return EXIT_INTERRUPTED
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code if exc.exit_code else EXIT_USAGE
    except Exception:  # noqa: BLE001 - the last line of defence: a bug, reported as one
        click.echo(
            "yamldeck: internal error - this is a bug in yamldeck, not in your outline; "
            "please report it with the outline and the output of 'yamldeck -v ...'",
            err=True,
        )
        if verbose:
            traceback.print_exc()
        return EXIT_BUG
    return code if isinstance(code, int) else EXIT_OK  # a command's ctx.exit(code)
