"""`yamldeck serve`: the live page in a real browser, the server's refusals, a clean stop.

The page is driven in headless Chromium (Selenium, Debian's chromium and chromium-driver); the
server runs as `python -m yamldeck serve` in a subprocess with LibreOffice (libreoffice-impress,
poppler-utils, python3-uno). Where those are missing the tests are skipped with the reason,
except with CI=true, where they fail: CI must not pass by skipping them.
"""

from __future__ import annotations

import collections
import http.client
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import clean_env, copy_shipped

from yamldeck.commands.libreoffice import INSTALL_HINT

IN_CI = os.environ.get("CI", "").lower() == "true"
WAIT_S = 90  # generous: the machine is shared; LibreOffice's first start takes a few seconds
APT = "sudo apt-get install libreoffice-impress poppler-utils python3-uno chromium chromium-driver"
EDITED_BULLET = "      - Focuses on means of delivery rather than the WMD themselves\n"


def require(*tools: str) -> None:
    """Skip (fail under CI=true) when a program the test needs is not installed."""
    missing = [tool for tool in tools if not shutil.which(tool)]
    if missing:
        reason = f"{', '.join(missing)} not found; install with: {APT}"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)


def default_signals() -> None:
    """Ctrl-C must reach serve even when the tests run where SIGINT is ignored (e.g. with &)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Serve:
    """`python -m yamldeck serve --no-open` in a subprocess, its output lines read as they come."""

    def __init__(self, folder: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "yamldeck", "serve", "--no-open", *args], cwd=folder,
            env=env or clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            preexec_fn=default_signals,
        )
        self.lines: queue.Queue[tuple[str, str]] = queue.Queue()
        self.seen: dict[str, list[str]] = {"out": [], "err": []}
        self.readers = [
            threading.Thread(target=self._read, args=(name, stream), daemon=True)
            for name, stream in (("out", self.process.stdout), ("err", self.process.stderr))
        ]
        for reader in self.readers:
            reader.start()
        self.url = ""

    def _read(self, name: str, stream: Any) -> None:
        for line in stream:
            self.lines.put((name, line.rstrip("\n")))

    def until(self, stream: str, test: Callable[[str], bool]) -> str:
        """The first line on ``stream`` (from now on) that passes ``test``."""
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            try:
                name, line = self.lines.get(timeout=0.5)
            except queue.Empty:
                assert self.process.poll() is None, f"serve ended early: {self.seen}"
                continue
            self.seen[name].append(line)
            if name == stream and test(line):
                return line
        raise AssertionError(f"no such line on std{stream} within {WAIT_S} s: {self.seen}")

    def started(self) -> Serve:
        line = self.until("out", lambda text: text.startswith("serving "))
        found = re.search(r"at (http://127\.0\.0\.1:(\d+)/); Ctrl-C stops$", line)
        assert found, line
        self.url, self.port = found.group(1), int(found.group(2))
        return self

    def stop(self, sig: int = signal.SIGINT) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=WAIT_S)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            for reader in self.readers:
                reader.join(timeout=WAIT_S)
            for stream in (self.process.stdout, self.process.stderr):
                if stream is not None:
                    stream.close()

    def rest(self) -> list[str]:
        """Every line on stderr, once the process has ended."""
        while not self.lines.empty():
            name, line = self.lines.get()
            self.seen[name].append(line)
        return self.seen["err"]


def offices_in(folder: Path) -> list[str]:
    """Command lines of running processes that mention ``folder`` (LibreOffice's profile there)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if str(folder) in command:
            found.append(command)
    return found


# --- one server for the page and the refusals ---------------------------------------------------


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serve]:
    """serve on a copy of the shipped outline, its default port held by another socket."""
    require("soffice", "pdftoppm")
    folder = tmp_path_factory.mktemp("live")
    copy_shipped(folder)
    holder = socket.socket()
    # Bound despite connections of an earlier run still closing (TIME_WAIT), as serve binds.
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        holder.bind(("127.0.0.1", 8765))  # taken: serve must move to a free port and say so
        holder.listen(1)
        held = True
    except OSError:  # another program listens there (it may stop before serve starts)
        held = False
    serve = Serve(folder).started()
    holder.close()
    try:
        if held:
            assert "port 8765 is in use; using port " + str(serve.port) in serve.seen["out"]
        serve.until("out", lambda line: line.startswith("drew "))
        serve.folder = folder  # type: ignore[attr-defined]
        yield serve
    finally:
        serve.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require("chromium", "chromedriver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or ""
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--window-size=1440,900"):
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="yamldeck-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or ""),
                              options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(driver: Any, script: str, what: str) -> Any:
    """Poll a JavaScript expression until it is truthy; return its value."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        value = driver.execute_script(f"return {script};")
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"the page did not show {what} within {WAIT_S} s")


PICTURES = """[...document.querySelectorAll('#deck article')].map(a => {
  const img = a.querySelector('img');
  return [Number(a.dataset.number), img.getAttribute('src'), img.complete && img.naturalWidth];
})"""
FETCHED = """performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)
  .filter(p => p.startsWith('/pictures/'))"""


def all_drawn(driver: Any, count: int) -> list[list[Any]]:
    return wait_for(driver, f"(() => {{ const p = {PICTURES}; return p.length === {count} && "
                    "p.every(x => x[1] && x[2] > 0) && p; })()", f"{count} slide pictures")


def slide_count(deck: Path) -> int:
    from pptx import Presentation

    return len(Presentation(str(deck)).slides)


def test_the_page_shows_every_slide_and_follows_each_save(live: Serve, browser: Any) -> None:
    outline = live.folder / "slides.yaml"  # type: ignore[attr-defined]
    original = outline.read_text(encoding="utf-8")
    count = slide_count(outline.with_suffix(".pptx"))
    browser.get(live.url)
    before = all_drawn(browser, count)
    assert [number for number, _, _ in before] == list(range(1, count + 1))
    assert all(width == 1600 for _, _, width in before)  # crisp: 1600 px for a ~1000 px slide

    # Each slide's number, title, notes and its place in the outline, as text and as a link.
    fifth = browser.find_element("id", "slide-5")
    assert fifth.find_element("css selector", ".number").text.lower() == "slide 5"
    assert fifth.find_element("css selector", ".title").text == "What is the MTCR?"
    assert "not a treaty" in fifth.find_element("css selector", ".notes").text
    start = next(n for n, text in enumerate(original.splitlines(), 1)
                 if text == "    title: What is the MTCR?") - 1
    link = fifth.find_element("css selector", ".line")
    assert link.text == f"slides.yaml:{start}"
    assert link.get_attribute("href") == f"vscode://file{outline.resolve().as_posix()}:{start}"

    # A one-word change: only slide 5's picture changes; the page neither reloads nor scrolls.
    browser.execute_script("window.stayed = true; document.getElementById('slide-6')"
                           ".scrollIntoView(); document.querySelectorAll('#deck img')"
                           ".forEach(i => i.dataset.kept = 'yes');")
    scrolled = browser.execute_script("return window.scrollY;")
    assert scrolled > 1000
    assert EDITED_BULLET in original, "the shipped outline changed: pick another bullet to edit"
    outline.write_text(original.replace(EDITED_BULLET, EDITED_BULLET.replace("Focuses",
                                                                             "Concentrates")),
                       encoding="utf-8")
    old = before[4][1]
    wait_for(browser, f"(() => {{ const p = {PICTURES}[4]; return p[1] !== '{old}' && p[2]; }})()",
             "slide 5's new picture")
    after = browser.execute_script(f"return {PICTURES};")
    assert [x for x in after if x not in before] == [after[4]]
    fetched = collections.Counter(browser.execute_script(f"return {FETCHED};"))
    assert set(fetched) == {src for _, src, _ in before} | {after[4][1]}
    assert set(fetched.values()) == {1}  # no unchanged picture was fetched again
    assert browser.execute_script("return window.stayed === true && [...document.querySelectorAll("
                                  "'#deck img')].every(i => i.dataset.kept === 'yes');")
    assert abs(browser.execute_script("return window.scrollY;") - scrolled) <= 1

    # A mistake: the terminal's located message above the last good slides; the deck is kept.
    deck = outline.with_suffix(".pptx")
    good_deck = deck.read_bytes()
    broken = outline.read_text(encoding="utf-8").replace(
        "    title: What is the MTCR?\n    bullets:", "    title: What is the MTCR?\n    bulets:")
    outline.write_text(broken, encoding="utf-8")
    bad_line = start + 2
    terminal = live.until("err", lambda line: f"slides.yaml:{bad_line}:" in line)
    terminal = re.sub(r"^\[\d\d:\d\d:\d\d\] ", "", terminal)  # watch's lines may be timed
    assert terminal.startswith(
        f"slides.yaml:{bad_line}:5: error: slide 5 'What is the MTCR?': unknown key 'bulets' on a "
        "bullets slide (did you mean 'bullets'?)")
    shown = wait_for(browser, "!document.getElementById('problems').hidden && [...document."
                     "querySelectorAll('#problem-list li')].map(li => li.textContent)",
                     "the problem")
    assert shown == [terminal]
    assert browser.find_element("id", "problems-title").text == "1 problem in slides.yaml"
    assert browser.find_element("id", "status").text == "1 problem"
    assert browser.execute_script(f"return {PICTURES};") == after  # the last good slides stay
    assert deck.read_bytes() == good_deck

    # Fixed: the message goes.
    outline.write_text(original, encoding="utf-8")
    wait_for(browser, "document.getElementById('problems').hidden && document.getElementById("
             "'status').dataset.status === 'ready'", "the problem gone")
    assert browser.find_element("id", "status").text == "Up to date"
    assert browser.execute_script("return window.stayed === true;")


def test_the_grid_shows_all_slides_and_leads_back_to_one(live: Serve, browser: Any) -> None:
    browser.get(live.url)
    count = slide_count(live.folder / "slides.pptx")  # type: ignore[attr-defined]
    all_drawn(browser, count)
    browser.find_element("id", "view-grid").click()
    assert browser.execute_script("return document.body.classList.contains('grid');")
    assert browser.find_element("id", "view-grid").get_attribute("aria-pressed") == "true"
    widths = browser.execute_script("return [...document.querySelectorAll('#deck .frame')]"
                                    ".map(f => f.getBoundingClientRect().width);")
    assert len(widths) == count and all(250 < width < 450 for width in widths)
    assert not browser.find_element("css selector", "#slide-1 .notes").is_displayed()
    browser.find_element("css selector", "#slide-7 .frame").click()
    assert not browser.execute_script("return document.body.classList.contains('grid');")
    top = browser.execute_script(
        "return document.getElementById('slide-7').getBoundingClientRect().top;")
    assert 0 <= top < 120  # below the bar, at the top of the window
    browser.execute_script("localStorage.removeItem('yamldeck-view');")


# --- what the server refuses --------------------------------------------------------------------


def request(serve: Serve, path: str, *, method: str = "GET",
            host: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """One request sent as written (http.client does not tidy the path)."""
    connection = http.client.HTTPConnection("127.0.0.1", serve.port, timeout=30)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", host if host is not None else f"127.0.0.1:{serve.port}")
        connection.endheaders()
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_requests_for_another_host_are_refused(live: Serve) -> None:
    """A web page that points its own name at 127.0.0.1 (DNS rebinding) reads nothing."""
    assert request(live, "/")[0] == 200
    assert request(live, "/", host=f"localhost:{live.port}")[0] == 200
    for host in (f"attacker.example:{live.port}", "attacker.example", f"127.0.0.1:{live.port + 1}",
                 f"localhost.attacker.example:{live.port}", ""):
        for path in ("/", "/app.js", "/events"):
            status, _, body = request(live, path, host=host)
            assert (host, path, status) == (host, path, 403)
            assert body == b"this preview answers only to its own address\n"


def test_nothing_outside_the_preview_is_served(live: Serve) -> None:
    outline = (live.folder / "slides.yaml").resolve()  # type: ignore[attr-defined]
    paths = [
        "/slides.yaml", "/slides.pptx", "/assets/", "/pictures/", "/static/", "/static/app.js",
        "/../slides.yaml", "/../../../../etc/passwd", "/pictures/../slides.yaml",
        "/%2e%2e/slides.yaml", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/pictures/..%2fslides.yaml",
        "/pictures/%2e%2e%2f%2e%2e%2fslides.yaml", "/pictures/..%5c..%5cslides.yaml",
        "//etc/passwd", "/etc/passwd", outline.as_posix(), "/" + outline.as_posix(),
        "/pictures/" + "0" * 32 + ".png", "/index.html", "/.git/config", "/app.js/..%2f..%2f",
    ]
    for path in paths:
        status, _, body = request(live, path)
        assert (path, status) == (path, 404)
        assert b"MTCR" not in body and b"root:" not in body


def test_only_reading_is_allowed(live: Serve) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
        for path in ("/", "/events", "/pictures/x.png", "/nowhere"):
            status, headers, _ = request(live, path, method=method)
            assert (method, path, status) == (method, path, 405)
            assert headers["allow"] == "GET, HEAD"
    status, headers, body = request(live, "/", method="HEAD")
    assert (status, body) == (200, b"")
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


# --- starting and stopping ----------------------------------------------------------------------


def isolated(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A copy of the shipped outline, and an environment whose temporary folder is ours."""
    folder = tmp_path / "talk"
    copy_shipped(folder)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    return folder, clean_env(TMPDIR=str(scratch))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_stopping_leaves_no_libreoffice_and_no_files(tmp_path: Path, sig: int) -> None:
    require("soffice", "pdftoppm")
    folder, env = isolated(tmp_path)
    scratch = Path(env["TMPDIR"])
    serve = Serve(folder, env=env).started()
    serve.until("out", lambda line: line.startswith("drew "))  # LibreOffice is running
    assert any("soffice" in command for command in offices_in(scratch))
    assert [p.name for p in scratch.iterdir()][0].startswith("yamldeck-serve-")
    assert serve.stop(sig) == 130
    assert serve.rest()[-1] == "interrupted"
    assert offices_in(scratch) == []
    assert list(scratch.iterdir()) == []
    assert not list(Path("/tmp").glob(f"OSL_PIPE_*_yamldeck-{serve.process.pid}-*"))
    assert (folder / "slides.pptx").is_file()


def test_libreoffice_stops_even_when_serve_is_killed(tmp_path: Path) -> None:
    """Killed at once (no clean-up of its own), serve's helper sees it gone and ends LibreOffice."""
    require("soffice", "pdftoppm")
    folder, env = isolated(tmp_path)
    scratch = Path(env["TMPDIR"])
    serve = Serve(folder, env=env).started()
    serve.until("out", lambda line: line.startswith("drew "))
    assert any("soffice" in command for command in offices_in(scratch))
    assert serve.stop(signal.SIGKILL) == -signal.SIGKILL
    deadline = time.monotonic() + WAIT_S
    while offices_in(scratch) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert offices_in(scratch) == []


def test_without_libreoffice_serve_says_how_to_install_it(tmp_path: Path) -> None:
    folder, env = isolated(tmp_path)
    empty = tmp_path / "bin"
    empty.mkdir()
    env["PATH"] = str(empty)  # no soffice, no pdftoppm
    done = subprocess.run([sys.executable, "-m", "yamldeck", "serve", "--no-open"], cwd=folder,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 3
    assert done.stderr == (
        f"error: 'soffice' was not found, so slides cannot be rendered; {INSTALL_HINT}\n")
    assert done.stdout == ""
    assert list(Path(env["TMPDIR"]).iterdir()) == []


def test_a_port_asked_for_and_in_use_is_an_error(tmp_path: Path) -> None:
    require("soffice", "pdftoppm")
    folder, env = isolated(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "yamldeck", "serve", "--no-open", "--port", str(port)],
            cwd=folder, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 3
    assert done.stderr == (
        f"error: cannot listen on 127.0.0.1 port {port}: Address already in use (another "
        "program, or another yamldeck serve, may use it); choose another --port\n")
    assert list(Path(env["TMPDIR"]).iterdir()) == []


def test_without_the_web_server_packages_serve_says_how_to_install_them(tmp_path: Path) -> None:
    folder, env = isolated(tmp_path)
    code = ("import sys; sys.modules['uvicorn'] = None; from yamldeck.cli import main; "
            "sys.exit(main(['serve', '--no-open']))")
    done = subprocess.run([sys.executable, "-c", code], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 3
    assert done.stderr == (
        "error: yamldeck serve needs the web server packages (uvicorn is missing); install them "
        "with: pip install starlette uvicorn sse-starlette\n")


# --- the parts, without a server ----------------------------------------------------------------


def test_the_host_check_accepts_only_names_of_this_server() -> None:
    from yamldeck.serve.server import Address

    local = Address("127.0.0.1", 8765, None)
    assert [local.answers(h) for h in ("127.0.0.1:8765", "localhost:8765", "LOCALHOST:8765",
                                       "[::1]:8765")] == [True] * 4
    assert [local.answers(h) for h in ("127.0.0.1:8766", "127.0.0.1", "evil.example:8765",
                                       "192.168.1.5:8765", "127.0.0.1.nip.io:8765", "",
                                       "localhost:8765:8765")] == [False] * 7
    everywhere = Address("0.0.0.0", 9000, None)
    assert everywhere.url == "http://127.0.0.1:9000/"
    assert everywhere.answers("192.168.1.5:9000") and everywhere.answers("[fe80::1]:9000")
    assert not everywhere.answers("evil.example:9000")  # a name can be rebound; a number cannot


def test_changed_pages_are_drawn_in_runs_shared_between_cores() -> None:
    from yamldeck.serve.pictures import _runs

    assert _runs(list(range(1, 12)), 2) == [(1, 5), (6, 11)]
    assert _runs([4], 2) == [(4, 4)]
    assert _runs([2, 9], 2) == [(2, 2), (9, 9)]  # never the pages between
    assert _runs([1, 2, 3, 7], 1) == [(1, 3), (7, 7)]


def test_a_page_is_sent_only_the_slides_that_changed() -> None:
    from yamldeck.serve.store import SlideView, Store

    store = Store("slides.yaml", "/talk/slides.yaml")
    one, two = SlideView(1, "A", "", 3, "a.png"), SlideView(2, "B", "", 9, "b.png")
    first = store.publish({"a.png": b"A", "b.png": b"B"}, slides=(one, two), status="ready")
    second = store.publish({"c.png": b"C"}, slides=(one, SlideView(2, "B", "", 9, "c.png")))
    assert first.message(None)["slides"] == [vars_of(one), vars_of(two)]
    assert second.message(first)["slides"] == [vars_of(SlideView(2, "B", "", 9, "c.png"))]
    assert second.message(first)["count"] == 2 and not second.message(first)["full"]
    assert store.picture("b.png") == b"B"  # the page may still be fetching the previous one
    store.publish(status="ready")
    assert store.picture("b.png") is None and store.picture("c.png") == b"C"


def vars_of(slide: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(slide)


def test_only_the_slide_that_changed_gets_a_new_fingerprint(tmp_path: Path) -> None:
    from yamldeck import build_deck
    from yamldeck.serve.deckinfo import read_deck

    outline = copy_shipped(tmp_path)
    original = outline.read_text(encoding="utf-8")
    facts = [read_deck(build_deck(outline).output.read_bytes())]
    for old, new in ((EDITED_BULLET, EDITED_BULLET.replace("Focuses", "Concentrates")),
                     ("is not a treaty", "is not at all a treaty")):  # slide 5's notes
        outline.write_text(original.replace(old, new), encoding="utf-8")
        facts.append(read_deck(build_deck(outline).output.read_bytes()))
    before, bullet, notes = facts
    assert bullet.fingerprint == before.fingerprint == notes.fingerprint
    assert [a.fingerprint == b.fingerprint for a, b in zip(before.slides, bullet.slides,
                                                           strict=True)].count(False) == 1
    assert bullet.slides[4].fingerprint != before.slides[4].fingerprint
    assert [s.fingerprint for s in notes.slides] == [s.fingerprint for s in before.slides]
    assert "not at all a treaty" in notes.slides[4].notes
    assert before.slides[4].title == "What is the MTCR?"


def test_continuation_slides_point_at_the_slide_they_continue(tmp_path: Path) -> None:
    from yamldeck import build_deck
    from yamldeck.serve.deckinfo import read_deck
    from yamldeck.serve.session import slide_lines

    bullets = "".join(f"      - Point number {n} of a long list that goes on and on\n"
                      for n in range(40))
    outline = tmp_path / "slides.yaml"
    outline.write_text("deck:\n  title: Long\nslides:\n  - kind: title\n    title: Long\n"
                       "  - kind: bullets\n    title: Many\n    overflow: continue\n"
                       f"    bullets:\n{bullets}  - kind: bullets\n    title: After\n"
                       "    bullets:\n      - One\n", encoding="utf-8")
    facts = read_deck(build_deck(outline).output.read_bytes())
    assert len(facts.slides) > 3
    after = 10 + len(bullets.splitlines())
    assert slide_lines(outline, facts) == [4, *[6] * (len(facts.slides) - 2), after]
    assert [s.title for s in facts.slides][2].endswith("(cont.)")


def test_an_excerpt_draws_its_slides_exactly_as_the_whole_deck(tmp_path: Path) -> None:
    """LibreOffice reads only the changed slides after a save; they must look the same."""
    require("soffice", "pdftoppm")
    from yamldeck import build_deck
    from yamldeck.serve.excerpt import excerpt
    from yamldeck.serve.office import open_office
    from yamldeck.serve.pictures import draw_pages

    data = build_deck(copy_shipped(tmp_path / "talk")).output.read_bytes()
    count = slide_count(tmp_path / "talk" / "slides.pptx")
    shown = [3, 4, count]  # a chart and a table of names, bullets, the last slide's links
    office = open_office(tmp_path)
    try:
        office.start()
        (tmp_path / "whole.pptx").write_bytes(data)
        (tmp_path / "part.pptx").write_bytes(excerpt(data, shown))
        office.convert(tmp_path / "whole.pptx", tmp_path / "whole.pdf")
        office.convert(tmp_path / "part.pptx", tmp_path / "part.pdf")
    finally:
        office.close()
    whole = draw_pages(tmp_path / "whole.pdf", range(1, count + 1), tmp_path, set())
    part = draw_pages(tmp_path / "part.pdf", range(1, len(shown) + 1), tmp_path, set())
    info = subprocess.run(["pdfinfo", str(tmp_path / "part.pdf")], capture_output=True,
                          text=True, check=True).stdout
    assert re.search(r"^Pages:\s+3$", info, re.M)  # a page for each slide shown, no more
    assert [part[page][0] for page in (1, 2, 3)] == [whole[number][0] for number in shown]
    assert len({name for name, _ in whole.values()}) == count  # every slide looks different
