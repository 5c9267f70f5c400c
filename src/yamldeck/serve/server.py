"""Serving the preview: the listening socket, uvicorn, the browser, and a clean stop.

The socket is bound here (not by uvicorn) so that a port in use is known before anything starts
and the default port can give way to a free one. uvicorn runs in the main thread and stops on
Ctrl-C (or SIGTERM); the session, which runs LibreOffice, is closed after it whatever happens.
"""

from __future__ import annotations

import ipaddress
import os
import signal
import socket
import threading
import webbrowser
from dataclasses import dataclass

from ..errors import EXIT_OUTPUT, Problem, YamldeckError
from .session import Session

DEFAULT_PORT = 8765
LOCAL = "127.0.0.1"


class ServeError(YamldeckError):
    """The preview cannot listen where asked (exit 3)."""

    exit_code = EXIT_OUTPUT


@dataclass(frozen=True)
class Address:
    host: str
    port: int
    moved_from: int | None  # the default port, when it was taken and another was chosen

    @property
    def url(self) -> str:
        host = {"0.0.0.0": LOCAL, "::": "::1"}.get(self.host, self.host)  # noqa: S104
        return f"http://[{host}]:{self.port}/" if ":" in host else f"http://{host}:{self.port}/"

    def answers(self, host_header: str) -> bool:
        """Whether a request's Host names this server: its address or a loopback name, and its
        port. Bound to every address (--host 0.0.0.0), any address written as numbers is
        accepted too; a name is not: a web page can point a name of its own at this machine
        (DNS rebinding), never a number."""
        name, _, port = host_header.rpartition(":")
        if port != str(self.port):
            return False
        name = name[1:-1] if name.startswith("[") and name.endswith("]") else name
        if name.lower() in {LOCAL, "localhost", "::1", self.host}:
            return True
        if self.host not in ("0.0.0.0", "::"):  # noqa: S104
            return False
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True


def bind(host: str, port: int | None) -> tuple[socket.socket, Address]:
    """A listening socket on ``host``: ``port``, or the default port, or else a free one."""
    host = LOCAL if host.lower() == "localhost" else host
    try:
        family = socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:
        raise ServeError(Problem(
            f"--host {host}: give an address such as 127.0.0.1 (this computer only)")) from None
    wanted = port if port is not None else DEFAULT_PORT
    try:
        return _listen(family, host, wanted), Address(host, wanted, None)
    except OSError as exc:
        if port is not None:
            raise ServeError(Problem(
                f"cannot listen on {host} port {port}: {exc.strerror or exc} (another program, "
                "or another yamldeck serve, may use it); choose another --port"
            )) from exc
    sock = _listen(family, host, 0)
    return sock, Address(host, sock.getsockname()[1], DEFAULT_PORT)


def _listen(family: socket.AddressFamily, host: str, port: int) -> socket.socket:
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if os.name == "nt":  # on Windows SO_REUSEADDR would let two servers share the port
            exclusive = socket.SO_EXCLUSIVEADDRUSE  # type: ignore[attr-defined]
            sock.setsockopt(socket.SOL_SOCKET, exclusive, 1)
        else:  # a port just freed (TIME_WAIT) may be taken again; one in use still may not
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except BaseException:
        sock.close()
        raise
    sock.set_inheritable(False)
    return sock


def run(session: Session, sock: socket.socket, address: Address, *, open_browser: bool) -> None:
    """Start the session and serve until Ctrl-C (KeyboardInterrupt); the caller closes it."""
    import uvicorn

    from .app import create_app

    config = uvicorn.Config(
        create_app(session.store, address.answers), log_level="warning", access_log=False,
        lifespan="off", timeout_graceful_shutdown=2, server_header=False,
    )
    server = uvicorn.Server(config)
    previous = signal.getsignal(signal.SIGTERM)
    # uvicorn stops on SIGTERM and raises it again once stopped: as KeyboardInterrupt here, the
    # session below is still closed (the default action would end the process at once).
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        session.start()
        if open_browser:
            threading.Thread(target=_open_when_started, args=(server, address.url),
                             daemon=True, name="yamldeck-open").start()
        server.run(sockets=[sock])
        if server.should_exit:  # stopped by a signal that was ignored after uvicorn handled it
            raise KeyboardInterrupt
    finally:
        signal.signal(signal.SIGTERM, previous)
        sock.close()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _open_when_started(server: object, url: str) -> None:
    """Open the page in the browser once uvicorn serves it (not if it stopped first)."""
    pause = threading.Event()
    while not getattr(server, "started", False):
        if getattr(server, "should_exit", False) or pause.wait(0.02):
            return
    webbrowser.open(url)
