"""The blocks of one Markdown slide gathered by what they are: text, pictures, tables, notes.

Paragraphs, list items and headings inside a slide become paragraphs with levels (a list nested
in a list one level deeper; what follows a heading inside a slide one level under it), as the
outline's bullets hold them. Pictures are checked and loaded here (files/pictures.py, the same
checks a build makes), so a picture that cannot go on a slide is a warning with its line, not a
failed build later. Notes come from `::: notes` divs and HTML comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it.tree import SyntaxTreeNode

from ..files.paths import AssetPolicy, AssetProblem
from ..files.pictures import Picture, load_picture
from ..outline.inline import Span
from .mdparse import ImageRef, Inline, comments, directives, div_name, inline, note_text
from .mdparse import strip_attributes as clean
from .texts import Para, markup

_ALIGN = {"text-align:left": "left", "text-align:center": "center", "text-align:right": "right"}
_PAUSE = ". . ."  # pandoc's pause between builds of a slide
# A quotation's last words after a dash ('... more. -- Mies') say who said it.
_ATTRIBUTION = re.compile(r"(.*\S)\s+(?:\u2014|\u2013|--|~)\s*([^\u2014\u2013]+)")
ATTRIBUTION_WORDS = 8


@dataclass
class Table:
    rows: list[tuple[str, ...]]
    align: list[str | None]
    line: int


@dataclass
class Quote:
    text: str
    attribution: str | None


@dataclass
class Content:
    """What a slide's blocks hold, in order of kind; ``kinds`` lists each block's kind."""

    paras: list[Para] = field(default_factory=list)
    pictures: list[tuple[ImageRef, Picture]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    columns: list[list[SyntaxTreeNode]] | None = None
    columns_line: int = 0
    notes: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    code: bool = False


@dataclass
class Reading:
    """What every slide of one Markdown file shares: where pictures are found, the warnings."""

    name: str
    folder: Path
    marp: bool = False
    warnings: list[str] = field(default_factory=list)
    footer: str | None = None  # Marp's footer directive

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"line {line}: {message}")


def line_of(node: SyntaxTreeNode) -> int:
    return node.map[0] + 1 if node.map else 0


def text_of(found: Inline) -> str:
    """Outline text of inline content (markup escaped), spaces at the ends trimmed."""
    spans = list(found.spans)
    while spans and not spans[0].text.strip():
        spans.pop(0)
    if spans:
        first = spans[0]
        spans[0] = Span(first.text.lstrip(), first.bold, first.italic, first.url)
        last = spans[-1]
        spans[-1] = Span(last.text.rstrip(), last.bold, last.italic, last.url)
    return markup([s for s in spans if s.text]).strip()


def gather(blocks: list[SyntaxTreeNode], reading: Reading, level: int = 0,
           content: Content | None = None) -> Content:
    """Everything ``blocks`` hold, paragraphs from ``level`` on."""
    content = content if content is not None else Content()
    base = level
    for node in blocks:
        kind, line = node.type, line_of(node)
        if kind == "paragraph":
            _paragraph(node, reading, content, base)
        elif kind == "heading":
            content.paras.append(Para(text_of(_inline(node, reading)), level))
            content.kinds.append("heading")
            base = level + 1
        elif kind in ("bullet_list", "ordered_list"):
            content.kinds.append("list")
            _list(node, reading, content, base)
        elif kind == "blockquote":
            _quote(node, reading, content, base)
        elif kind == "table":
            content.tables.append(_table(node, reading))
            content.kinds.append("table")
        elif kind in ("fence", "code_block"):
            content.code = True
            content.kinds.append("code")
            lines = [ln.rstrip() for ln in node.content.splitlines() if ln.strip()]
            content.paras += [Para(markup([Span(ln.strip())]), base) for ln in lines]
        elif kind == "html_block":
            _html(node.content, line, reading, content)
        elif kind == "fenced_div":
            _div(node, reading, content, base)
    return content


def _inline(node: SyntaxTreeNode, reading: Reading, line: int = 0) -> Inline:
    """A block's inline content (``line``: where it is, for a table cell, which has none)."""
    line = line or line_of(node)
    found = inline(node, line)
    if node.type == "heading":
        found.spans = clean(found.spans)
    for href in found.dropped:
        reading.warn(line, f"the link to '{href[:60]}' is kept as plain text (an outline links "
                           "only to web and mail addresses)")
    return found


def _paragraph(node: SyntaxTreeNode, reading: Reading, content: Content, level: int,
               bullet: bool = False) -> None:
    found = _inline(node, reading)
    for image in found.images:
        picture = load(image, reading)
        if picture is not None:
            content.pictures.append((image, picture))
            content.kinds.append("picture")
    for comment in found.comments:
        _html(f"<!--{comment}-->", line_of(node), reading, content)
    text = text_of(found)
    if text and found.plain.strip() != _PAUSE:
        bold = all(s.bold for s in found.spans if s.text.strip())
        content.paras.append(Para(text, level, bullet=bullet, bold=bold))
        content.kinds.append("paragraph")


def load(image: ImageRef, reading: Reading) -> Picture | None:
    """The picture, checked as a build would; None (and a warning) when it cannot be used."""
    src = image.src
    problem: str | None = None
    if src.lower().startswith(("http://", "https://", "data:", "www.")):
        problem = (f"picture '{src[:80]}' is a web address; download it beside the Markdown "
                   "file, write its file name, and import again")
    else:
        base = reading.folder.resolve()
        if not (base / src).resolve().is_relative_to(base):
            problem = (f"picture '{src}' is outside the Markdown file's folder ({base}); copy "
                       "it into that folder and import again")
    if problem is None:
        try:
            return load_picture(src, AssetPolicy(reading.folder, allow_outside=True))
        except AssetProblem as exc:
            problem = str(exc)
    reading.warn(image.line, f"{problem}; the slide is made without it")
    return None


def _list(node: SyntaxTreeNode, reading: Reading, content: Content, level: int) -> None:
    for item in node.children:
        first = True
        for child in item.children:
            if child.type == "paragraph":
                before = len(content.paras)
                _paragraph(child, reading, content, level if first else level + 1, True)
                first = first and len(content.paras) == before
            elif child.type in ("bullet_list", "ordered_list"):
                _list(child, reading, content, level + 1)
            else:
                gather([child], reading, level + 1, content)


def _quote(node: SyntaxTreeNode, reading: Reading, content: Content, level: int) -> None:
    inner = gather(node.children, reading, 0, Content())
    text = " ".join(" ".join(para.text.split()) for para in inner.paras)
    attribution = None
    said = _ATTRIBUTION.fullmatch(text)
    if said and len(said.group(2).split()) <= ATTRIBUTION_WORDS:
        text, attribution = said.group(1), said.group(2)
    content.quotes.append(Quote(text, attribution))
    content.kinds.append("quote")
    shown = f"\u201c{text}\u201d" + (f" \u2014 {attribution}" if attribution else "")
    content.paras.append(Para(shown, level))
    content.notes += inner.notes
    content.pictures += inner.pictures


def _table(node: SyntaxTreeNode, reading: Reading) -> Table:
    rows: list[tuple[str, ...]] = []
    align: list[str | None] = []
    for section in node.children:
        for row in section.children:
            cells = row.children
            if not align:
                align = [_ALIGN.get(str(c.attrs.get("style", ""))) for c in cells]
            rows.append(tuple(text_of(_inline(c, reading, line_of(row))) if c.children
                              else "" for c in cells))
    return Table(rows, align, line_of(node))


def _html(html: str, line: int, reading: Reading, content: Content) -> None:
    found = comments(html)
    for comment in found:
        settings = directives(comment)
        if settings is None:
            note = note_text(comment)
            if note:
                content.notes.append(note)
            continue
        for name, value in settings:
            if name == "footer" and value:
                reading.footer = value
    if not found and html.strip():
        reading.warn(line, "HTML is left out (an outline holds text, pictures and tables)")


def _div(node: SyntaxTreeNode, reading: Reading, content: Content, level: int) -> None:
    name = div_name(node.info)
    if name == "notes":
        content.notes.append(notes_text(node.children, reading))
    elif name == "columns" and content.columns is None:
        content.columns = [c.children if c.type == "fenced_div" else [c] for c in node.children]
        content.columns_line = line_of(node)
        content.kinds.append("columns")
    else:  # a column outside columns, 'incremental' and others: what is inside counts
        gather(node.children, reading, level, content)


def notes_text(blocks: list[SyntaxTreeNode], reading: Reading) -> str:
    """Blocks as speaker notes: a paragraph each, list items starting with '- '."""
    inner = gather(blocks, reading, 0, Content())
    texts = [("- " if para.bullet else "") + para.text for para in inner.paras]
    return "\n\n".join(texts + inner.notes)
