"""Language in the deck's XML: each run's lang and altLang, its script fonts, and paragraphs that
run right to left.

Text is written in a language (the slide's, or a phrase's own: [MTCR]{lang=en}). A run in a
language not written in Latin letters gets altLang (the language PowerPoint assumes for Latin
letters in it) and its script's font in the ea (East Asian) or cs (complex script) slot; Latin
words inside it (MTCR, a web address) become runs of their own in the deck's Latin language, so
spell-checkers and screen readers treat them as such. A paragraph in a right-to-left language gets
rtl="1" and is aligned to the right (PowerPoint then puts its bullet on the right and measures its
indents from the right); East Asian paragraphs get hangingPunct="0", so no full stop hangs past
the frame's edge in any viewer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from ..layout.breaking import NEEDS_SCRIPTS
from ..layout.measure import Run
from ..outline.inline import Span
from ..outline.languages import is_rtl, latin_partner, script_of, slot_of
from ..outline.scripts import BEYOND_LATIN, letter_scripts
from ..outline.writing import font_script
from ..theme.scriptfonts import SCRIPT_FONTS

_LATIN_WORD = r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff][0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff]*"
# Latin words in text of another script, with what joins them (MTCR Guidelines, mtcr.info, G7).
LATIN_STRETCH = re.compile(rf"{_LATIN_WORD}(?:[ \-'\u2019.&/:@_+]+{_LATIN_WORD})*")
_HAS_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_KEPT_ALIGN = frozenset({"ctr", "just", "dist", "justLow", "thaiDist"})


@dataclass(frozen=True)
class Writing:
    """How text in one language is written: its tag, the language of Latin words inside it,
    the fonts of its scripts (script -> typeface) and its direction."""

    language: str
    latin: str = ""
    fonts: Mapping[str, str] = field(default_factory=lambda: SCRIPT_FONTS, compare=False)
    # Right-to-left text set in left-to-right paragraphs, right-aligned: a list in columns,
    # which LibreOffice (7.4) lays out outside its frame when its paragraphs run right to left.
    visual: bool = False

    @property
    def rtl(self) -> bool:
        return is_rtl(self.language)

    @property
    def base_rtl(self) -> bool:
        """Whether its paragraphs are written right to left."""
        return self.rtl and not self.visual

    @property
    def plain(self) -> bool:
        """Written in Latin letters: runs carry lang only, as they always have."""
        return script_of(self.language) == "Latn"

    def of(self, language: str) -> Writing:
        return self if language == self.language else replace(self, language=language)


def writing_for(language: str, deck_language: str,
                fonts: Mapping[str, str] = SCRIPT_FONTS) -> Writing:
    return Writing(language, latin_partner(deck_language), fonts)


@dataclass(frozen=True)
class RunText:
    """One run to write: its text, formatting, language and script fonts."""

    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None
    lang: str = ""
    alt_lang: str | None = None
    ea: str | None = None
    cs: str | None = None
    note: bool = False  # a footnote's marker: raised, as word processors set it

    def measured(self, bold: bool, complex_text: bool) -> Run:
        return Run(self.text, self.bold or bold, self.italic, self.lang if complex_text else "")


def runs_of(spans: tuple[Span, ...], writing: Writing) -> list[RunText]:
    """The runs that write ``spans`` in ``writing``'s language (phrases in their own)."""
    runs: list[RunText] = []
    for span in spans:
        language = span.lang or writing.language
        for text, lang in _stretches(span.text, language, writing.latin):
            runs.append(_run(span, text, writing.of(lang)))
    return runs


def _stretches(text: str, language: str, latin: str) -> Iterator[tuple[str, str]]:
    """(text, language) pieces: Latin words in text of another script in the Latin language."""
    if script_of(language) == "Latn" or not _HAS_LATIN.search(text) or not latin:
        yield text, language
        return
    pos = 0
    for match in LATIN_STRETCH.finditer(text):
        if match.start() > pos:
            yield text[pos:match.start()], language
        yield match.group(), latin
        pos = match.end()
    if pos < len(text):
        yield text[pos:], language


def _run(span: Span, text: str, writing: Writing) -> RunText:
    script = script_of(writing.language)
    slot = slot_of(script)
    found = letter_scripts(text) if BEYOND_LATIN.search(text) else {}
    ea = writing.fonts.get(script) if slot == "ea" else None
    cs = writing.fonts.get(script) if slot == "cs" else None
    for letters in found:
        chosen = font_script(letters, writing.language)
        if chosen is not None and slot_of(chosen) == "ea" and ea is None:
            ea = writing.fonts.get(chosen)
        elif chosen is not None and slot_of(chosen) == "cs" and cs is None:
            cs = writing.fonts.get(chosen)
    alt = writing.latin if slot != "latin" and writing.latin else None
    return RunText(text, span.bold, span.italic, span.url, writing.language, alt, ea, cs,
                   span.note)


def complex_text(runs: list[RunText], writing: Writing) -> bool:
    """Whether measuring needs each run's language (text beyond Latin, or right to left)."""
    return not writing.plain or any(NEEDS_SCRIPTS.search(r.text) for r in runs)


def east_asian(runs: list[RunText], writing: Writing) -> bool:
    return slot_of(script_of(writing.language)) == "ea" or any(r.ea for r in runs)


def set_direction(p: Any, writing: Writing, level: Any, cjk: bool) -> None:
    """Direction and alignment of paragraph ``p`` (a:p) written in ``writing``, against the
    style it inherits (``level``: a styles.LevelStyle)."""
    if writing.visual:
        p_pr = p.get_or_add_pPr()
        p_pr.set("rtl", "0")
        p_pr.set("algn", "r")
    elif writing.rtl:
        p_pr = p.get_or_add_pPr()
        p_pr.set("rtl", "1")
        if level.align not in _KEPT_ALIGN:
            p_pr.set("algn", "r")
    elif level.rtl:  # left-to-right text on a right-to-left layout
        p_pr = p.get_or_add_pPr()
        p_pr.set("rtl", "0")
        if level.align == "r":
            p_pr.set("algn", "l")
    if cjk:
        p.get_or_add_pPr().set("hangingPunct", "0")


NOTE_BASELINE = "30000"  # a footnote marker's rise, in thousandths of a per cent of its size


def attributes(run: RunText) -> dict[str, str]:
    """a:rPr attributes: the run's language (altLang for text beyond Latin letters) and a
    footnote marker's rise."""
    found = {"lang": run.lang}
    if run.alt_lang:
        found["altLang"] = run.alt_lang
    if run.note:
        found["baseline"] = NOTE_BASELINE
    return found


_BEFORE_FONTS = {qn(f"a:{t}") for t in ("ln", "noFill", "solidFill", "gradFill", "blipFill",
                                         "pattFill", "grpFill", "effectLst", "effectDag",
                                         "highlight", "uLnTx", "uLn", "uFillTx", "uFill",
                                         "latin")}


def add_fonts(r_pr: Any, run: RunText) -> None:
    """a:ea and a:cs typefaces, where the schema puts them (after fills, before links)."""
    if not (run.ea or run.cs):
        return
    at = len([c for c in r_pr if c.tag in _BEFORE_FONTS])
    for slot, face in (("ea", run.ea), ("cs", run.cs)):
        if face:
            element = etree.Element(qn(f"a:{slot}"), typeface=face)
            r_pr.insert(at, element)
            at += 1


def fonts_xml(run: RunText) -> str:
    """The same fonts as XML text (for runs written as strings: table cells)."""
    return "".join(f"<a:{slot} typeface={quoteattr(face)}/>"
                   for slot, face in (("ea", run.ea), ("cs", run.cs)) if face)


def run_xml(part: Any, run: RunText, extra: str, fills: str, link_ns: str = "") -> str:
    """A run written as XML text (table cells, diagram boxes): a:rPr with its language
    attributes, then ``extra`` attributes, ``fills`` (and latin) before its script fonts and its
    link (related from ``part``); each line break of its text an a:br with the same properties."""
    attrs = "".join(f" {k}={quoteattr(v)}" for k, v in attributes(run).items()) + extra
    inner = fills + fonts_xml(run)
    if run.url:
        r_id = part.relate_to(run.url, RT.HYPERLINK, is_external=True)
        inner += f'<a:hlinkClick{link_ns} r:id="{r_id}"/>'
    properties = f"<a:rPr{attrs}>{inner}</a:rPr>"
    pieces = [f"<a:r>{properties}<a:t>{escape(piece)}</a:t></a:r>" if piece else ""
              for piece in run.text.split("\n")]
    return f"<a:br>{properties}</a:br>".join(pieces)


_EA = ("Hans", "Hant", "Jpan", "Hang")
_CS = ("Arab", "Hebr")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def theme_script_fonts(master: Any) -> tuple[dict[str, str], dict[str, str]]:
    """(headings', body's) fonts by script in a template's theme: an East Asian or complex
    typeface it names serves all of that slot's scripts (as in PowerPoint), else its per-script
    entries, else the built-in theme's fonts."""
    try:
        root = etree.fromstring(master.part.part_related_by(RT.THEME).blob, _PARSER)
    except (KeyError, etree.XMLSyntaxError):
        root = None
    found = []
    for name in ("majorFont", "minorFont"):
        fonts = dict(SCRIPT_FONTS)
        element = root.find(f".//{qn('a:' + name)}") if root is not None else None
        if element is not None:
            for entry in element.findall(qn("a:font")):
                if entry.get("script") in fonts and entry.get("typeface"):
                    fonts[entry.get("script")] = entry.get("typeface")
            for slot, scripts in (("ea", _EA), ("cs", _CS)):
                face = element.find(qn(f"a:{slot}"))
                if face is not None and face.get("typeface"):
                    fonts.update(dict.fromkeys(scripts, face.get("typeface")))
        found.append(fonts)
    return found[0], found[1]
