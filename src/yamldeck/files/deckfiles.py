"""The files deck: names (the user's template and logo): found, told apart, checked and read."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import OutlineError, Problem
from ..outline.loader import SourceMap
from ..outline.model import Outline
from .paths import AssetPolicy, AssetProblem, read_file, resolve
from .pictures import Picture, load_picture

MAX_TEMPLATE_BYTES = 100 * 1024 * 1024
# What a template may unpack to, and how compressed a large member may be: a 2 MB zip that
# expands to 2 GB would otherwise be read into memory whole by python-pptx.
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024  # small members (XML) compress well; only large ones are judged
MAX_MEMBERS = 10_000
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PML = "application/vnd.openxmlformats-officedocument.presentationml."
PRESENTATION = _PML + "presentation.main+xml"
# Main content types python-pptx refuses that are the same package: rewritten in memory.
REWRITTEN = {_PML + "template.main+xml": ".potx", _PML + "slideshow.main+xml": ".ppsx"}
_MACROS = "application/vnd.ms-powerpoint."
_OTHER_OFFICE = {
    "wordprocessingml": "a Word document",
    "spreadsheetml": "an Excel workbook",
}
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_SAVE_AS = ("open it in PowerPoint and save it as a PowerPoint Template (.potx) or Presentation "
            "(.pptx)")


@dataclass(frozen=True)
class TemplateFile:
    """A template package python-pptx can open, and where it was named."""

    data: bytes
    path: Path  # the file, resolved
    given: str  # as the user wrote it
    origin: str  # where it was named: "deck" (deck: template:), "--template", or "" (inspect)

    def problem(self, source: SourceMap | None, message: str) -> Problem:
        """``message`` located where the template was named."""
        if self.origin == "deck" and source is not None:
            return source.problem(("deck", "template"), f"deck: {message}")
        return Problem(f"{self.origin}: {message}" if self.origin else message)


@dataclass(frozen=True)
class DeckFiles:
    """The files deck: names, loaded: the template (None: the built-in theme) and the logo."""

    template: TemplateFile | None = None
    logo: Picture | None = None


def load_deck_files(outline: Outline, source: SourceMap, policy: AssetPolicy,
                    template_option: str | Path | None = None) -> DeckFiles:
    """Load the template (``template_option`` overrides deck: template:) and the logo.

    Raise one OutlineError naming every file that cannot be used and what to do about it.
    """
    problems: list[Problem] = []
    template = logo = None
    deck = outline.deck
    if template_option is not None:
        raw = str(template_option)
        try:
            template = load_template(raw, AssetPolicy(Path.cwd(), allow_outside=True),
                                     "--template")
        except AssetProblem as exc:
            problems.append(Problem(f"--template: {exc}"))
    elif deck.template:
        try:
            template = load_template(deck.template, policy, "deck")
        except AssetProblem as exc:
            problems.append(source.problem(("deck", "template"), f"deck: {exc}"))
    if deck.logo is not None:
        try:
            logo = load_picture(deck.logo.image, policy)
        except AssetProblem as exc:
            problems.append(source.problem(("deck", "logo", "image"), f"deck: logo: {exc}"))
    if problems:
        raise OutlineError(problems)
    return DeckFiles(template, logo)


def load_template(raw: str, policy: AssetPolicy, origin: str) -> TemplateFile:
    """Read and check one template file; AssetProblem says what it is and what to do."""
    path = resolve(raw, policy, "template", MAX_TEMPLATE_BYTES)
    data = read_file(path, raw, "template", MAX_TEMPLATE_BYTES)
    return TemplateFile(package_bytes(raw, data), path, raw, origin)


def template_paths(outline: Outline, outline_path: Path,
                   option: str | Path | None) -> list[Path]:
    """The template file a build reads (the deck must never be written over it)."""
    if option is not None:
        return [Path(option)]
    if outline.deck.template:
        return [outline_path.parent / outline.deck.template]
    return []


def theme_warnings(outline: Outline, source: SourceMap,
                   option: str | Path | None = None) -> list[Problem]:
    """deck: theme: colours and fonts are the built-in theme's; a template has its own."""
    theme = outline.deck.theme
    if option is None and not outline.deck.template:
        return []
    given = [name for name, value in (*theme.colors, *theme.fonts) if value is not None]
    if not given:
        return []
    return [source.problem(("deck", "theme"), key=True, message=(
        f"deck: theme: colours and fonts ({', '.join(given)}) are for the built-in theme; a "
        "template keeps its own, so these are not used: change them in the template (in "
        "PowerPoint: View > Slide Master > Colors, Fonts), or remove 'theme:'"))]


def package_bytes(raw: str, data: bytes) -> bytes:
    """The template as a .pptx package python-pptx opens; AssetProblem for anything else."""
    if data.startswith(OLE2):
        raise AssetProblem(_ole2_message(raw, data))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise AssetProblem(_not_a_package(raw, data)) from None
    with archive:
        _check_sizes(raw, archive)
        main = _main_content_type(raw, archive)
        if main == PRESENTATION:
            return data
        if main in REWRITTEN:
            return _rewritten(raw, archive, main)
        if main.startswith(_MACROS):
            raise AssetProblem(
                f"template '{raw}' contains macros (.pptm, .potm or .ppsm), which a deck cannot "
                f"carry; {_SAVE_AS}, without macros")
        kind = next((name for key, name in _OTHER_OFFICE.items() if key in main), None)
        what = f"is {kind}" if kind else f"is not a presentation (its content is '{main}')"
        raise AssetProblem(f"template '{raw}' {what}; give a PowerPoint template (.potx) or "
                           "presentation (.pptx)")


def _ole2_message(raw: str, data: bytes) -> str:
    """Password-protected OOXML and 97-2003 files are both OLE2 containers: tell them apart by
    the names of the streams inside (stored as UTF-16 in the container's directory)."""
    def holds(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if holds("EncryptionInfo") or holds("EncryptedPackage"):
        return (f"template '{raw}' is protected by a password, and yamldeck cannot open "
                "encrypted files; open it in PowerPoint, remove the password (File > Info > "
                "Protect Presentation > Encrypt with Password, clear the box) and save a copy")
    if holds("PowerPoint Document"):
        return (f"template '{raw}' is an old PowerPoint 97-2003 file (.ppt/.pot); {_SAVE_AS} "
                f"(or run: soffice --headless --convert-to pptx {Path(raw).name})")
    return (f"template '{raw}' is an old Office 97-2003 file, not a PowerPoint template; give a "
            "PowerPoint template (.potx) or presentation (.pptx)")


def _not_a_package(raw: str, data: bytes) -> str:
    name = Path(raw).name
    if data.startswith(b"%PDF"):
        return (f"template '{raw}' is a PDF; a template must be a PowerPoint file (.potx or "
                ".pptx) with its slide masters and layouts")
    return (f"template '{raw}' is not a PowerPoint file: it is not a .pptx or .potx package "
            f"(damaged, only partly copied, or another kind of file named '{name}'); {_SAVE_AS}")


@dataclass(frozen=True)
class PackedSize:
    """What a zip's directory promises, read before any member is unpacked."""

    files: int
    unpacked: int  # bytes
    packed: int  # bytes, at least 1
    too_big: bool  # over the limits above: more files, bytes or compression than a deck has


def packed_size(archive: zipfile.ZipFile) -> PackedSize:
    """The package's size as its directory gives it, and whether it is over the limits."""
    members = archive.infolist()
    total = sum(info.file_size for info in members)
    packed = max(1, sum(info.compress_size for info in members))
    worst = max((info.file_size / max(1, info.compress_size) for info in members
                 if info.file_size >= RATIO_FROM_BYTES), default=0.0)
    too_big = len(members) > MAX_MEMBERS or total > MAX_UNPACKED_BYTES or worst > MAX_RATIO
    return PackedSize(len(members), total, packed, too_big)


def _check_sizes(raw: str, archive: zipfile.ZipFile) -> None:
    """Refuse a package whose directory promises more than a template can need (a zip bomb),
    before any member is read."""
    size = packed_size(archive)
    if size.too_big:
        raise AssetProblem(
            f"template '{raw}' would unpack to {size.unpacked / 1048576:,.0f} MB from "
            f"{size.packed / 1048576:,.1f} MB ({size.files} files inside); a template may unpack "
            f"to at most {MAX_UNPACKED_BYTES // 1048576} MB, no file inside compressed more than "
            f"{MAX_RATIO} to 1, so this is not a real template (a 'zip bomb'?): ask its author "
            "for the original .potx or .pptx")


def _main_content_type(raw: str, archive: zipfile.ZipFile) -> str:
    names = set(archive.namelist())
    if "mimetype" in names:
        kind = archive.read("mimetype")[:80].decode("ascii", "replace")
        if "opendocument.presentation" in kind:
            name = Path(raw).name
            return_error = (f"template '{raw}' is a LibreOffice/OpenDocument file; convert it "
                            f"first: soffice --headless --convert-to pptx {name}")
            raise AssetProblem(return_error)
    if "[Content_Types].xml" not in names:
        raise AssetProblem(_not_a_package(raw, b""))
    try:
        types = etree.fromstring(archive.read("[Content_Types].xml"), _PARSER)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError):
        raise AssetProblem(_damaged(raw)) from None
    for override in types.iter(f"{_CT}Override"):
        content = override.get("ContentType") or ""
        if content.endswith(".main+xml"):
            return content
    raise AssetProblem(_not_a_package(raw, b""))


def _damaged(raw: str) -> str:
    return (f"template '{raw}' is damaged and cannot be read; open it in PowerPoint and save it "
            "again, or ask its author for a fresh copy")


def _rewritten(raw: str, archive: zipfile.ZipFile, main: str) -> bytes:
    """The same package with a presentation's main content type (python-pptx refuses a .potx)."""
    buffer = io.BytesIO()
    try:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for info in archive.infolist():
                data = archive.read(info)
                if info.filename == "[Content_Types].xml":
                    data = data.replace(main.encode("ascii"), PRESENTATION.encode("ascii"))
                out.writestr(info, data)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise AssetProblem(_damaged(raw)) from None
    return buffer.getvalue()


def damaged_message(template: TemplateFile, detail: str) -> str:
    """python-pptx could not open the package (a part missing or not XML)."""
    return f"{_damaged(template.given)} ({detail})"
