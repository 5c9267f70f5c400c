"""LibreOffice kept running between builds, so a refresh does not pay its start-up (about 2 s).

One LibreOffice listens on a named pipe (only this user can reach it, unlike a TCP port) and the
helper in unoworker.py, run by a Python that has LibreOffice's `uno` module, converts a deck to PDF
on request in about half a second. Each office gets its own profile and temporary folder inside
the serve session's folder. Where no such Python is found, each conversion starts LibreOffice
afresh (commands.libreoffice.pptx_to_pdf): slower, but the preview still works.
"""

from __future__ import annotations

import os
import queue
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..commands.libreoffice import SOFFICE_TIMEOUT_S, RendererError, find_tool, pptx_to_pdf
from ..errors import Problem

WORKER = Path(__file__).with_name("unoworker.py")
START_TIMEOUT_S = 150.0  # LibreOffice's first start on a new profile, on a slow shared machine
STOP_WAIT_S = 10.0
STARTING_STOP_WAIT_S = 30.0
_SOFFICE_NAMES = ("soffice", "libreoffice")


def uno_python(soffice: str) -> str | None:
    """A Python that can import LibreOffice's `uno` module, or None.

    YAMLDECK_UNO_PYTHON wins; then this Python, the one inside LibreOffice's program folder
    (Windows, macOS) and the system's python3 (Debian's python3-uno).
    """
    program = Path(os.path.realpath(soffice)).parent
    candidates = [
        os.environ.get("YAMLDECK_UNO_PYTHON", ""),
        sys.executable,
        str(program / "python.exe"),
        str(program / "python"),
        str(program.parent / "Resources" / "python"),  # macOS: LibreOffice.app/Contents
        shutil.which("python3") or "",
        "/usr/bin/python3",
    ]
    for candidate in dict.fromkeys(c for c in candidates if c and Path(c).is_file()):
        try:
            found = subprocess.run([candidate, "-c", "import uno"], capture_output=True,
                                   timeout=30, check=False)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if found.returncode == 0:
            return candidate
    return None


class ColdOffice:
    """A fresh LibreOffice for every conversion (no Python with `uno` was found)."""

    warm = False

    def start(self) -> None:
        find_tool(_SOFFICE_NAMES)

    def convert(self, deck: Path, pdf: Path) -> None:
        produced = pptx_to_pdf(deck, pdf.parent)
        os.replace(produced, pdf)

    def close(self) -> None:
        return None


@dataclass
class _Started:
    """One LibreOffice and its helper, as launched."""

    office: subprocess.Popen[bytes]
    worker: subprocess.Popen[str]
    pipe: str
    answers: queue.Queue[str | None] = field(default_factory=queue.Queue)
    reader: threading.Thread = field(default_factory=threading.Thread)
    ready: bool = False


class WarmOffice:
    """One LibreOffice and its helper, started once; conversions are requests to the helper."""

    warm = True

    def __init__(self, folder: Path, python: str, soffice: str) -> None:
        self.folder = folder
        self.python = python
        self.soffice = soffice
        self._started: _Started | None = None
        self._converting = threading.Lock()  # one conversion at a time
        self._state = threading.Lock()  # guards _started and _closed, never held for long
        self._closed = False

    def start(self) -> None:
        """Launch LibreOffice and the helper, without waiting for them (the first build runs
        meanwhile)."""
        self._current()

    def _current(self) -> _Started:
        with self._state:
            if self._closed:
                raise RendererError(Problem("the preview is stopping"))
            if self._started is None:
                self._started = self._launch()
            return self._started

    def _launch(self) -> _Started:
        pipe = f"yamldeck-{os.getpid()}-{secrets.token_hex(6)}"
        scratch = Path(tempfile.mkdtemp(prefix="office-", dir=self.folder))
        (scratch / "tmp").mkdir()
        env = {**os.environ, "TMPDIR": str(scratch / "tmp"), "TMP": str(scratch / "tmp"),
               "TEMP": str(scratch / "tmp")}
        command = [self.soffice, f"-env:UserInstallation={(scratch / 'profile').as_uri()}",
                   "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
                   "--nofirststartwizard", f"--accept=pipe,name={pipe};urp;"]
        office = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, env=env, cwd=scratch, **_own_group())
        worker = subprocess.Popen(
            [self.python, str(WORKER), pipe], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True, encoding="utf-8", env=env, cwd=scratch,
            **_own_group(),
        )
        started = _Started(office, worker, pipe)
        started.reader = threading.Thread(target=_read, args=(worker, started.answers),
                                          daemon=True, name="yamldeck-office")
        started.reader.start()
        return started

    def convert(self, deck: Path, pdf: Path) -> None:
        """Write ``deck`` as ``pdf``; a failure stops this office (the next call starts one)."""
        with self._converting:
            started = self._current()
            try:
                if not started.ready:
                    _expect(started, "ready", START_TIMEOUT_S, "start")
                    started.ready = True
                assert started.worker.stdin is not None
                started.worker.stdin.write(f"convert\t{deck}\t{pdf}\n")
                started.worker.stdin.flush()
                _expect(started, "ok", SOFFICE_TIMEOUT_S, "draw the deck")
            except (RendererError, OSError, ValueError) as exc:  # ValueError: stdin closed
                self._stop(started)
                if isinstance(exc, RendererError):
                    raise
                raise RendererError(Problem(f"LibreOffice stopped answering: {exc}")) from exc

    def close(self) -> None:
        """Stop LibreOffice and the helper at once (a conversion under way then fails);
        nothing of theirs is left running or on disk."""
        with self._state:
            self._closed = True
            started = self._started
        if started is not None:
            self._stop(started)

    def _stop(self, started: _Started) -> None:
        with self._state:
            if self._started is started:
                self._started = None
        try:  # end of input: the helper, once connected, has LibreOffice exit cleanly, which
            # removes its pipe and temporary files (a killed one leaves them)
            assert started.worker.stdin is not None
            started.worker.stdin.close()
        except (OSError, ValueError):
            pass
        # A helper still waiting for LibreOffice to start gets it to exit once it has started.
        _end(started.worker, STOP_WAIT_S if started.ready else STARTING_STOP_WAIT_S)
        _end(started.office, STOP_WAIT_S)
        started.reader.join(timeout=STOP_WAIT_S)  # it reads to the end, then the pipe closes
        if started.worker.stdout is not None:
            started.worker.stdout.close()
        if os.name == "posix":  # left behind only by an office that was killed
            Path(f"/tmp/OSL_PIPE_{os.getuid()}_{started.pipe}").unlink(missing_ok=True)


def _read(worker: subprocess.Popen[str], answers: queue.Queue[str | None]) -> None:
    assert worker.stdout is not None
    try:
        for line in worker.stdout:
            answers.put(line.rstrip("\n"))
    except (OSError, ValueError):  # the pipe was closed under it
        pass
    answers.put(None)  # the helper ended


def _expect(started: _Started, wanted: str, timeout: float, what: str) -> None:
    try:
        answer = started.answers.get(timeout=timeout)
    except queue.Empty:
        raise RendererError(Problem(f"LibreOffice did not {what} within {timeout:g} s")) from None
    if answer == wanted:
        return
    if answer is None:
        raise RendererError(Problem(f"LibreOffice stopped before it could {what}"))
    said = answer.partition("\t")[2] or answer
    raise RendererError(Problem(f"LibreOffice could not {what}: {said}"))


def _own_group() -> dict[str, object]:
    """Popen options that keep a Ctrl-C in the terminal away from the process: we stop it."""
    if os.name == "nt":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def _end(process: subprocess.Popen[str] | subprocess.Popen[bytes], wait: float) -> None:
    """Wait for ``process`` to exit; after ``wait`` seconds end it and everything it started."""
    try:
        process.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        if os.name == "nt":
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)],
                           capture_output=True, check=False)
        else:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        process.wait()
    else:
        if os.name == "posix":  # soffice's children (soffice.bin) share its process group
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def open_office(folder: Path) -> ColdOffice | WarmOffice:
    """The best LibreOffice this machine offers; RendererError (with the install hint) if none."""
    soffice = find_tool(_SOFFICE_NAMES)
    find_tool(["pdftoppm"])
    python = uno_python(soffice)
    return WarmOffice(folder, python, soffice) if python else ColdOffice()
