"""The helper that keeps one LibreOffice busy: run by a Python that has LibreOffice's `uno` module.

yamldeck's own Python usually cannot import `uno` (it comes with LibreOffice: Debian's python3-uno,
or the python inside LibreOffice's program folder on Windows and macOS), so this file runs as a
script under such a Python: ``python3 unoworker.py PIPE``. It connects to the LibreOffice that
yamldeck started listening on the named pipe PIPE (a pipe, not a TCP port: only this user can
reach it), says ``ready``, then reads one request per line on stdin and answers one line on stdout:

    convert<TAB>DECK<TAB>PDF   ->  ok  |  error<TAB>MESSAGE
    quit (or end of input)     ->  LibreOffice is told to exit, then the helper exits

End of input means yamldeck went away: LibreOffice is stopped too, so nothing is left running.
It imports nothing from yamldeck and keeps to the Python of older LibreOffice releases (3.8).
"""

from __future__ import annotations

import os
import sys
import time

import uno  # type: ignore[import-not-found]  # LibreOffice's bridge, present where this runs
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

CONNECT_TIMEOUT_S = 120.0  # a first start on a slow machine builds the profile: tens of seconds


def _properties(**values: object) -> tuple[object, ...]:
    return tuple(PropertyValue(Name=name, Value=value) for name, value in values.items())


def connect(pipe: str) -> object:
    """LibreOffice's desktop, once the office listening on ``pipe`` answers."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + CONNECT_TIMEOUT_S
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)  # still starting: it listens a few seconds after it was launched
    return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def convert(desktop: object, deck: str, pdf: str) -> None:
    """Open ``deck`` hidden and read-only, write every slide to ``pdf``, close it."""
    document = desktop.loadComponentFromURL(  # type: ignore[attr-defined]
        uno.systemPathToFileUrl(deck), "_blank", 0, _properties(Hidden=True, ReadOnly=True)
    )
    if document is None:
        raise RuntimeError(f"LibreOffice could not open {deck}")
    try:
        document.storeToURL(
            uno.systemPathToFileUrl(pdf), _properties(FilterName="impress_pdf_Export")
        )
    finally:
        document.close(True)


def main(pipe: str) -> int:
    desktop = connect(pipe)
    print("ready", flush=True)
    try:
        for line in sys.stdin:
            request = line.rstrip("\n").split("\t")
            if request[0] == "quit":
                break
            if request[0] != "convert" or len(request) != 3:
                print(f"error\tnot a request: {line.strip()!r}", flush=True)
                continue
            try:
                convert(desktop, request[1], request[2])
            except Exception as exc:  # noqa: BLE001 - any failure is answered, the helper goes on
                message = " ".join(str(exc).split()) or type(exc).__name__
                print(f"error\t{message}", flush=True)
            else:
                print("ok", flush=True)
    finally:
        try:
            desktop.terminate()  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001, S110 - the office drops the bridge while it exits
            pass
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1])
    sys.stdout.flush()
    # Python's own exit, after the bridge to a stopped office, can crash in pyuno's clean-up.
    os._exit(code)
