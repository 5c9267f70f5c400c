"""The deck to import: read, told apart from what it is not, checked, and opened with python-pptx.

The same checks as a template gets (files/deckfiles.py: an old .ppt or a password-protected file,
not a zip, a zip bomb, another Office or OpenDocument file), worded for a deck to import, plus
what would make python-pptx fail or loop: relationships pointing at parts the file lacks, and
parts that are not XML. A .potx, .ppsx or .pptm is read as the presentation it holds (its macros
are left behind).
"""

from __future__ import annotations

import difflib
import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation

from ..errors import EXIT_OUTLINE, YamldeckError
from ..files.deckfiles import MAX_RATIO, MAX_UNPACKED_BYTES, OLE2, PRESENTATION, packed_size

MAX_DECK_BYTES = 500 * 1024 * 1024
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_PML = "application/vnd.openxmlformats-officedocument.presentationml."
_MACRO = "application/vnd.ms-powerpoint."
# Main content types of the same package under other names: read as a presentation.
READABLE = {_PML + "template.main+xml", _PML + "slideshow.main+xml",
            _MACRO + "presentation.macroEnabled.main+xml",
            _MACRO + "template.macroEnabled.main+xml", _MACRO + "slideshow.macroEnabled.main+xml"}
_RESAVE = "open it in PowerPoint and save it as a PowerPoint Presentation (.pptx)"


class UnreadableDeck(YamldeckError):
    """The file given to import is not a deck yamldeck can read."""

    exit_code = EXIT_OUTLINE


@dataclass(frozen=True)
class OpenedDeck:
    """A deck opened for reading, and the package it was opened from (a .pptx's bytes)."""

    prs: Any
    data: bytes
    name: str  # as the user gave it
    macros: bool  # it held macros (.pptm), which an outline leaves behind
    repairs: list[str]  # parts a damaged deck refers to but lacks, left out (for warnings)


def read_deck(path: Path, name: str) -> OpenedDeck:
    """Read and check ``path``; UnreadableDeck says what the file is and what to do."""
    if not path.exists():
        raise UnreadableDeck(f"deck not found: '{name}'{_suggestion(path)}")
    if path.is_dir():
        raise UnreadableDeck(f"'{name}' is a folder; give a PowerPoint file (.pptx)")
    try:
        if not path.is_file():
            raise UnreadableDeck(f"'{name}' is not a regular file; give a PowerPoint file (.pptx)")
        if path.stat().st_size > MAX_DECK_BYTES:
            raise UnreadableDeck(f"deck '{name}' is larger than {MAX_DECK_BYTES // 1048576} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDeck(f"cannot read '{name}': {exc.strerror or exc}") from None
    data, macros, repairs = package(name, data)
    try:
        prs = Presentation(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - any failure to parse someone else's file
        raise UnreadableDeck(f"{_damaged(name)} ({type(exc).__name__}: {str(exc)[:120]})"
                             ) from None
    return OpenedDeck(prs, data, name, macros, repairs)


def _suggestion(path: Path) -> str:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        decks = [p.name for p in folder.iterdir() if p.suffix.lower() in (".pptx", ".potx",
                                                                          ".pptm", ".ppsx")]
    except OSError:
        return ""
    close = difflib.get_close_matches(path.name, decks, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def package(name: str, data: bytes) -> tuple[bytes, bool, list[str]]:
    """The deck as a .pptx package python-pptx opens, whether it held macros, and what of it
    was left out as damaged (for warnings)."""
    if data.startswith(OLE2):
        raise UnreadableDeck(_ole2_message(name, data))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnreadableDeck(_not_a_deck(name, data)) from None
    try:
        with archive:
            _check_sizes(name, archive)
            main = _main_content_type(name, archive)
            changed, notes = _repairs(name, archive)
            if main == PRESENTATION and not changed:
                return data, False, notes
            return _rewritten(archive, main, changed), main.startswith(_MACRO), notes
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError):
        raise UnreadableDeck(_damaged(name)) from None


def _ole2_message(name: str, data: bytes) -> str:
    """Password-protected decks and PowerPoint 97-2003 files are both OLE2 containers: told
    apart by the names of the streams inside (UTF-16 in the container's directory)."""
    def holds(stream: str) -> bool:
        return stream.encode("utf-16-le") in data

    if holds("EncryptionInfo") or holds("EncryptedPackage"):
        return (f"deck '{name}' is protected by a password, and yamldeck cannot open encrypted "
                "files; open it in PowerPoint, remove the password (File > Info > Protect "
                "Presentation > Encrypt with Password, clear the box) and save a copy")
    if holds("PowerPoint Document"):
        return (f"deck '{name}' is an old PowerPoint 97-2003 file (.ppt); {_RESAVE} (or run: "
                f"soffice --headless --convert-to pptx {Path(name).name})")
    return (f"deck '{name}' is an old Office 97-2003 file, not a PowerPoint presentation; give "
            "a PowerPoint file (.pptx)")


def _not_a_deck(name: str, data: bytes) -> str:
    if data.startswith(b"%PDF"):
        return f"deck '{name}' is a PDF; yamldeck imports PowerPoint files (.pptx)"
    if data.startswith(b"PK"):
        return (f"deck '{name}' is damaged or only partly copied (its zip directory is missing "
                "or cut short); copy it again, or open it in PowerPoint and save it again")
    return (f"deck '{name}' is not a PowerPoint file: it is not a .pptx package (damaged, only "
            f"partly copied, or another kind of file named '{Path(name).name}'); {_RESAVE}")


def _damaged(name: str) -> str:
    return (f"deck '{name}' is damaged and cannot be read; open it in PowerPoint (which offers "
            "to repair it) and save it again, or ask its author for a fresh copy")


def _check_sizes(name: str, archive: zipfile.ZipFile) -> None:
    """Refuse, before anything is unpacked, a package whose directory promises more than a deck
    holds: the template's limits (files/deckfiles.py)."""
    size = packed_size(archive)
    if size.too_big:
        raise UnreadableDeck(
            f"deck '{name}' would unpack to {size.unpacked / 1048576:,.0f} MB from "
            f"{size.packed / 1048576:,.1f} MB ({size.files} files inside); a deck may unpack to at "
            f"most {MAX_UNPACKED_BYTES // 1048576} MB, no file inside compressed more than "
            f"{MAX_RATIO} to 1, so this is not a real deck (a 'zip bomb'?): ask its author for "
            "the original .pptx")


def _main_content_type(name: str, archive: zipfile.ZipFile) -> str:
    names = set(archive.namelist())
    if "mimetype" in names and b"opendocument" in archive.read("mimetype")[:80]:
        raise UnreadableDeck(f"deck '{name}' is a LibreOffice/OpenDocument file; convert it "
                             f"first: soffice --headless --convert-to pptx {Path(name).name}")
    if "[Content_Types].xml" not in names:
        raise UnreadableDeck(_not_a_deck(name, b""))
    try:
        types = etree.fromstring(archive.read("[Content_Types].xml"), _PARSER)
    except etree.XMLSyntaxError:
        raise UnreadableDeck(_damaged(name)) from None
    mains = [o.get("ContentType") or "" for o in types.iter(f"{_CT}Override")
             if (o.get("ContentType") or "").endswith(".main+xml")]
    main = next((m for m in mains if m == PRESENTATION or m in READABLE), None)
    if main is not None:
        return main
    found = mains[0] if mains else ""
    what = ("a Word document" if "wordprocessingml" in found else "an Excel workbook"
            if "spreadsheetml" in found else f"not a presentation (its content is '{found}')")
    raise UnreadableDeck(f"deck '{name}' is {what}; give a PowerPoint file (.pptx)")


def _repairs(name: str, archive: zipfile.ZipFile) -> tuple[dict[str, bytes], list[str]]:
    """Relationships that point at parts the package lacks, left out as PowerPoint's repair
    leaves them out (python-pptx would fail on them with a bare KeyError): the rewritten parts,
    and what was left out. A slide without its layout, or a layout without its master, cannot be
    read at all: UnreadableDeck."""
    names = set(archive.namelist())
    changed: dict[str, bytes] = {}
    notes: list[str] = []
    for owner, rels, root in _reached(name, archive, names):
        dropped = []
        for rel, part in _targets(root, posixpath.dirname(owner)):
            if part in names:
                continue
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            essential = kind == "officeDocument" if not owner else kind in (
                "slideLayout", "slideMaster") and "/slide" in owner
            if essential:
                raise UnreadableDeck(
                    f"deck '{name}' is damaged: '{owner or '_rels/.rels'}' refers to '{part}', "
                    "which is not in the file; open it in PowerPoint (which offers to repair it) "
                    "and save it again, or ask its author for a fresh copy")
            rel.getparent().remove(rel)
            dropped.append(rel.get("Id"))
            if not owner.startswith("ppt/slides/"):  # a slide's shapes say what they miss
                notes.append(f"the deck is damaged: '{owner}' refers to '{part}', which is not "
                             "in the file; it is left out")
        if dropped:
            changed[rels] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                           standalone=True)
            if owner == "ppt/presentation.xml":
                changed[owner] = _without_ids(name, archive, owner, set(dropped))
    return changed, notes


def _reached(name: str, archive: zipfile.ZipFile, names: set[str]
             ) -> list[tuple[str, str, Any]]:
    """(part, its relationships' part, their XML) for the package ('') and every part its
    relationships reach: parts no one refers to are never read, so their references do not
    count."""
    found, queue, seen = [], [""], {""}
    while queue:
        owner = queue.pop(0)
        folder, base = posixpath.split(owner)
        rels = posixpath.join(folder, "_rels", f"{base}.rels") if owner else "_rels/.rels"
        if rels not in names:
            continue
        root = _xml(name, archive, rels)
        found.append((owner, rels, root))
        for _, part in _targets(root, folder):
            if part in names and part not in seen:
                seen.add(part)
                queue.append(part)
    return found


def _targets(root: Any, folder: str) -> list[tuple[Any, str]]:
    """Each internal relationship of ``root`` and the part it names (relative to ``folder``)."""
    found = []
    for rel in root.iter(f"{_RELS}Relationship"):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") != "External":
            found.append((rel, posixpath.normpath(target.lstrip("/") if target.startswith("/")
                                                  else posixpath.join(folder, target))))
    return found


def _without_ids(name: str, archive: zipfile.ZipFile, part: str, r_ids: set[str]) -> bytes:
    """The presentation without the slides and masters it lists under relationships left out."""
    root = _xml(name, archive, part)
    for element in list(root.iter()):
        if element.get(_R_ID) in r_ids:
            element.getparent().remove(element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _xml(name: str, archive: zipfile.ZipFile, part: str) -> Any:
    try:
        return etree.fromstring(archive.read(part), _PARSER)
    except etree.XMLSyntaxError:
        raise UnreadableDeck(f"{_damaged(name)} (its part '{part}' is not XML)") from None


def _rewritten(archive: zipfile.ZipFile, main: str, changed: dict[str, bytes]) -> bytes:
    """The same package with a presentation's main content type (python-pptx opens no other)
    and the parts ``changed``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            data = changed.get(info.filename) or archive.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(main.encode("ascii"), PRESENTATION.encode("ascii"))
            out.writestr(info, data)
    return buffer.getvalue()
