"""The command line: argument parsing, printing and exit codes; nothing else."""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path

import click

from . import __version__
from .errors import EXIT_BUG, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, YamldeckError

OUTLINE = click.argument(
    "outline", type=click.Path(path_type=Path, dir_okay=True), default="slides.yaml", required=False
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="yamldeck")
@click.option("-v", "--verbose", is_flag=True, help="Show a traceback for internal errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    """Turn a YAML outline of a talk into an editable PowerPoint deck."""
    ctx.obj = {"verbose": verbose}


@cli.command()
@OUTLINE
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Where to write the deck "
              "(default: the outline's name with .pptx, beside it).")
def build(outline: Path, output: Path | None) -> None:
    """Build the deck from OUTLINE (default: ./slides.yaml)."""
    from .build import build_deck

    start = time.perf_counter()
    result = build_deck(outline, output)
    seconds = time.perf_counter() - start
    noun = "slide" if result.slides == 1 else "slides"
    click.echo(f"wrote {result.output} ({result.slides} {noun}) in {seconds:.2f} s")


@cli.command()
@OUTLINE
def check(outline: Path) -> None:
    """Check OUTLINE for mistakes without building a deck."""
    from .build import load_outline

    loaded, _ = load_outline(outline)
    noun = "slide" if len(loaded.slides) == 1 else "slides"
    click.echo(f"{outline}: ok ({len(loaded.slides)} {noun})")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and map every outcome to the documented exit code."""
    verbose = "-v" in (argv or sys.argv[1:]) or "--verbose" in (argv or sys.argv[1:])
    try:
        cli.main(args=argv, prog_name="yamldeck", standalone_mode=False)
    except YamldeckError as exc:
        for problem in exc.problems:
            click.echo(problem.format(), err=True)
        errors = sum(p.severity == "error" for p in exc.problems)
        if errors > 1:
            click.echo(f"{errors} problems; nothing was written", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
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
    return EXIT_OK
