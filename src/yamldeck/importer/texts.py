"""Text of a deck's shapes as outline text: runs as inline markup, paragraphs as nested bullets.

Bold, italic and web links become **bold**, *italic* and [text](url); characters the outline would
read as markup are escaped with a backslash, and every text is checked by parsing it back with
outline.inline, so what the outline says is what the slide showed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pptx.oxml.ns import qn as pptx_qn

from ..outline.characters import CONTROL
from ..outline.inline import Span, parse_inline, url_problem

# Tags are asked for thousands of times a deck (python-pptx builds each name anew): once each.
qn = lru_cache(maxsize=None)(pptx_qn)

_R_ID = qn("r:id")
_TRUE = ("1", "true")
_URL = re.compile(r"(?:[^()\s]|\([^()\s]*\))*")  # what outline.inline reads as a link's address
_ESCAPABLE = "\\*[]()_`"
_MARKERS = set("\\*[]")
_BULLET_TAGS = {qn("a:buChar"): True, qn("a:buAutoNum"): True, qn("a:buBlip"): True,
                qn("a:buNone"): False}


def shape_id(element: Any) -> int:
    """A shape's id (its p:cNvPr's), 0 where it has none or it is not a number."""
    c_nv_pr = next(element.iter(qn("p:cNvPr")), None)
    number = "" if c_nv_pr is None else c_nv_pr.get("id", "")
    return int(number) if number.isdigit() else 0


@dataclass(frozen=True)
class Para:
    """One paragraph: outline text (markup, escaped), its level, and how it was marked."""

    text: str
    level: int = 0
    bullet: bool | None = None  # a bullet or number (True), none (False), as inherited (None)
    numbered: bool = False
    bold: bool = False  # every character of it bold (headings, table headers)
    size: float | None = None  # the largest run's size in points, where the run says

    @property
    def plain(self) -> str:
        return "".join(span.text for span in parse_inline(self.text))


@dataclass
class Links:
    """Where a run's link goes: the part's relationships, and links left out (for warnings)."""

    part: Any
    dropped: list[str]

    def url(self, r_pr: Any) -> str | None:
        click = r_pr.find(qn("a:hlinkClick")) if r_pr is not None else None
        r_id = click.get(_R_ID) if click is not None else None
        if not r_id:
            return None
        try:
            rel = self.part.rels[r_id]
        except KeyError:
            return None
        if not rel.is_external:
            self.dropped.append("a link to another slide")
            return None
        address = rel.target_ref.strip().replace(" ", "%20")
        if not _URL.fullmatch(address):
            address = address.replace("(", "%28").replace(")", "%29")
        if url_problem(address):
            self.dropped.append(f"a link to '{address[:60]}'")
            return None
        return address


def paragraphs(tx_body: Any, links: Links) -> list[Para]:
    """The paragraphs of a text body (a:txBody or p:txBody), empty ones left out."""
    found = []
    for p in tx_body.iterfind(qn("a:p")):
        para = paragraph(p, links)
        if para.plain.strip():
            found.append(para)
    return found


def paragraph(p: Any, links: Links) -> Para:
    p_pr = p.find(qn("a:pPr"))
    level, bullet, numbered = 0, None, False
    if p_pr is not None:
        lvl = p_pr.get("lvl", "0")
        level = min(int(lvl), 8) if lvl.isdigit() else 0
        for child in p_pr:
            if child.tag in _BULLET_TAGS:
                bullet = _BULLET_TAGS[child.tag]
                numbered = child.tag == qn("a:buAutoNum")
    spans: list[Span] = []
    sizes: list[float] = []
    for child in p:
        tag = child.tag
        if tag == qn("a:br"):
            spans.append(Span("\n"))
        elif tag in (qn("a:r"), qn("a:fld")):
            r_pr = child.find(qn("a:rPr"))
            t = child.find(qn("a:t"))
            text = CONTROL.sub("", t.text or "") if t is not None else ""
            if r_pr is not None and r_pr.get("sz", "").isdigit():
                sizes.append(int(r_pr.get("sz")) / 100)
            bold = r_pr is not None and r_pr.get("b") in _TRUE
            italic = r_pr is not None and r_pr.get("i") in _TRUE
            if _is_marker(r_pr, text):  # a raised number: a footnote's marker, [^1]
                spans.append(Span(text.strip(), bold, italic, None, note=True))
                continue
            spans.append(Span(text, bold, italic, links.url(r_pr)))
    spans = _merged(spans)
    visible = [s for s in spans if s.text.strip()]
    all_bold = bool(visible) and all(s.bold for s in visible)
    return Para(markup(spans), level, bullet, numbered, all_bold, max(sizes, default=None))


def _is_marker(r_pr: Any, text: str) -> bool:
    """A run raised above the line holding a footnote's number (1 to 99)."""
    rise = r_pr.get("baseline", "0") if r_pr is not None else "0"
    number = text.strip()
    return (rise.isdigit() and int(rise) > 0 and number.isdigit() and len(number) <= 2
            and number[0] != "0")


def unbolded(para: Para) -> Para:
    """The paragraph without bold where all of it is bold (as a heading or a table's header row
    is drawn anyway: the outline need not say so)."""
    if not para.bold:
        return para
    spans = [Span(s.text, False, s.italic, s.url, note=s.note) for s in parse_inline(para.text)]
    return Para(markup(spans), para.level, para.bullet, para.numbered, False, para.size)


def markup(spans: list[Span]) -> str:
    """Outline text showing ``spans``: plain where markup is not needed, escaped where a
    character would be read as markup; formatting is dropped only if no writing reads back."""
    spans = _merged(spans)
    if len(spans) == 1 and not (spans[0].bold or spans[0].italic or spans[0].url
                                or spans[0].note) \
            and not _MARKERS.intersection(spans[0].text):
        return spans[0].text  # most text: nothing to mark and nothing to escape
    for escape_all in (False, True):
        text = "".join(_span_markup(span, escape_all) for span in spans)
        if _same(parse_inline(text), spans):
            return text
    return _closest(spans)


def _closest(spans: list[Span]) -> str:
    """Markup for formatting the outline cannot say (a link whose text holds ']', italics
    holding a star, italic touching bold as in *a***b**): the runs that cannot be said on their
    own lose their formatting, then one more run, then one after another, until it reads back."""
    def plain(found: list[Span], index: int) -> list[Span]:
        return [*found[:index], Span(found[index].text), *found[index + 1:]]

    def written(found: list[Span]) -> str | None:
        text = "".join(_span_markup(s, True) for s in found)
        return text if _same(parse_inline(text), found) else None

    formatted = [i for i, span in enumerate(spans) if span.bold or span.italic or span.url]
    for index in formatted:
        if written([spans[index]]) is None:
            spans = plain(spans, index)
    for trial in (spans, *(plain(spans, index) for index in formatted)):
        text = written(trial)
        if text is not None:
            return text
    for index in formatted:
        spans = plain(spans, index)
        text = written(spans)
        if text is not None:
            return text
    return "".join(_escape(span.text, True) for span in spans)


def _span_markup(span: Span, escape_all: bool) -> str:
    text = span.text
    if span.note:
        return f"[^{text}]"
    core = text.strip()
    if not core or "\n" in core:
        inner = _escape(text, escape_all)
        return f"[{inner}]({span.url})" if span.url and core else inner
    lead, tail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    inner = _escape(core, escape_all)
    marker = "***" if span.bold and span.italic else "**" if span.bold else "*" if span.italic \
        else ""
    inner = f"{marker}{inner}{marker}"
    if span.url:
        inner = f"[{inner}]({span.url})"
    return f"{lead}{inner}{tail}"


def _escape(text: str, escape_all: bool) -> str:
    """A backslash before a backslash that would escape what follows it (or ends the text);
    with ``escape_all`` before every '*', '[' and ']' too (first tried without, for a text that
    reads plainly)."""
    out = []
    for i, char in enumerate(text):
        following = text[i + 1] if i + 1 < len(text) else ""
        if char == "\\" and (not following or following in _ESCAPABLE):
            out.append("\\\\")
        elif escape_all and char in "*[]":
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def _same(parsed: tuple[Span, ...], wanted: list[Span]) -> bool:
    """The same characters with the same formatting (spaces may differ in formatting: markers
    sit inside them)."""
    def chars(spans: Any) -> list[tuple[str, bool, bool, str | None, bool]]:
        return [(c, s.bold, s.italic, s.url, s.note) if not c.isspace()
                else (c, False, False, None, False) for s in spans for c in s.text]
    return chars(parsed) == chars(wanted)


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if merged and not (span.note or merged[-1].note) and (
                merged[-1].bold, merged[-1].italic, merged[-1].url) == (
                span.bold, span.italic, span.url):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic, span.url)
        else:
            merged.append(span)
    return merged


def bullet_tree(paras: list[Para]) -> list[Any]:
    """Paragraphs as the outline's bullets: texts, and {'Parent': [children]} for a paragraph
    with deeper ones under it. Only the order of levels counts: paragraphs at levels 1, 1, 3, 2
    are bullets, bullets, a sub-bullet and a sub-bullet (each level one deeper than its parent)."""
    depths: list[int] = []
    open_levels: list[int] = []
    for para in paras:
        while open_levels and open_levels[-1] >= para.level:
            open_levels.pop()
        depths.append(len(open_levels))
        open_levels.append(para.level)
    return _children(paras, depths, 0, len(paras), 0)


def _children(paras: list[Para], depths: list[int], start: int, end: int, depth: int
              ) -> list[Any]:
    items: list[Any] = []
    i = start
    while i < end:
        j = i + 1
        while j < end and depths[j] > depth:
            j += 1
        text = paras[i].text.strip()
        items.append({text: _children(paras, depths, i + 1, j, depth + 1)} if j > i + 1
                     else text)
        i = j
    return items


def joined(paras: list[Para], separator: str = "\n") -> str:
    """Paragraphs as one text (its line breaks shown as line breaks on the slide; empty lines,
    which only make room in a box drawn larger than yamldeck draws it, left out)."""
    text = separator.join(para.text.strip() for para in paras)
    return re.sub(r"\n\s*\n", "\n", text)
