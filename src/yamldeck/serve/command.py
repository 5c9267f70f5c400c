"""The `yamldeck serve` command: its options, and what it prints in the terminal.

cli.py registers it with the options it shares with `build` and `watch` and the printer of
their build lines, so that serve prints a build exactly as watch does; this module adds the
options of its own and the lines about the server and the pictures.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from .. import gcpolicy as collector
from ..errors import Problem

Decorator = Callable[[Any], Any]
INSTALL_SERVER = "pip install starlette uvicorn sse-starlette"


def serve_command(shared: Sequence[Decorator], print_build: Callable[[Any, bool], None]
                  ) -> click.Command:
    """The click command; ``shared`` are the outline and build options of cli.py, in order."""

    def serve(outline: Path, port: int | None, host: str, no_open: bool, **build: Any) -> None:
        """Show OUTLINE's slides live in the browser, drawn by LibreOffice and redrawn on every
        save of the outline or a file it uses (Ctrl-C stops)."""
        verbose = bool(click.get_current_context().find_root().obj.get("verbose"))
        run_serve(outline, port, host, not no_open, build,
                  lambda event: _print_event(event, verbose, print_build))

    command: Any = serve
    options: list[Decorator] = [
        *shared,
        click.option("--port", type=click.IntRange(1, 65535),
                     help="Port to listen on (default: 8765, or a free one if it is taken)."),
        click.option("--host", default="127.0.0.1", show_default=True,
                     help="Address to listen on; the default lets only this computer in."),
        click.option("--no-open", is_flag=True, help="Do not open the page in the browser."),
    ]
    for option in reversed(options):
        command = option(command)
    return click.command("serve")(command)


def run_serve(outline: Path, port: int | None, host: str, open_browser: bool,
              build: dict[str, Any], report: Callable[[Any], None]) -> None:
    """Build, serve and rebuild until Ctrl-C (KeyboardInterrupt, exit 130 in cli.main)."""
    try:
        import sse_starlette  # noqa: F401
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        from .server import ServeError

        raise ServeError(Problem(f"yamldeck serve needs the web server packages ({exc.name} "
                                 f"is missing); install them with: {INSTALL_SERVER}")) from None
    from ..commands.build import Builder
    from ..commands.warmup import load_renderer
    from .server import bind, run
    from .session import Session

    load_renderer()
    collector.long_running()  # rebuilds must not freeze the outlines they replace
    builder = Builder(outline, **build)
    session = Session(builder, report)  # no LibreOffice: RendererError, exit 3, with the hint
    try:  # whatever happens from here on, LibreOffice and the temporary files go
        sock, address = bind(host, port)
        if address.moved_from is not None:
            click.echo(f"port {address.moved_from} is in use; using port {address.port}")
        if not ipaddress.ip_address(address.host).is_loopback:
            click.echo(f"warning: --host {host}: other computers that can reach this one can "
                       "see the slides and their notes; use it only on a network you trust",
                       err=True)
        warm = "" if session.office.warm else (
            " (LibreOffice starts afresh for every drawing; python3-uno makes it faster)")
        click.echo(f"serving {outline} at {address.url}{warm}; Ctrl-C stops")
        run(session, sock, address, open_browser=open_browser)
    finally:
        session.close()


def _print_event(event: Any, verbose: bool, print_build: Callable[[Any, bool], None]) -> None:
    """Build lines as watch prints them; one line for each drawing of changed slides."""
    if event.kind == "preview":
        slides = f"{event.detail} slide{'s' if event.detail != '1' else ''}"
        click.echo(f"drew {slides} in {event.seconds:.2f} s")
    else:
        print_build(event, verbose)
