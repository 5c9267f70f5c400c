"""Markdown read with markdown-it-py: CommonMark, pipe tables, strikethrough, pandoc's fenced divs.

A parser rather than regular expressions: CommonMark's rules (lazy continuation lines, list
indentation, emphasis that does not nest across links, code spans that hide markers, HTML
comments over several lines) are many and subtle, and markdown-it-py follows the spec and its test
suite. Pandoc's fenced divs (`::: notes`, `:::: columns`) get a block rule of their own here, in
the way markdown-it's plugins add one: mdit-py-plugins' container plugin closes a div at the first
bare fence of at least its length, but pandoc nests divs whose fences are all `:::` (a fence with
a name or attributes always opens one, a bare fence always closes the innermost). Front matter is
cut off before parsing (markdown.py). Inline content becomes outline.inline's Spans, which
texts.markup writes as outline text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.tree import SyntaxTreeNode

from ..outline.inline import Span, url_problem

_OPEN = re.compile(r":{3,}[ \t]*([^:\s][^\n]*?)[ \t:]*")
_CLOSE = re.compile(r":{3,}[ \t]*")
_CLASS = re.compile(r"\.([\w-]+)")
_ATTRIBUTES = re.compile(r"\s*\{[^{}\n]*\}")  # pandoc's {width=50%} after an image or heading
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
# Marp's directives live in HTML comments ('<!-- paginate: true -->'); every other comment is a
# presenter note. The leading '_' scopes a directive to one slide.
_DIRECTIVE = re.compile(
    r"\s*_?(theme|paginate|header|footer|class|backgroundColor|backgroundImage|"
    r"backgroundPosition|backgroundRepeat|backgroundSize|color|size|headingDivider|style|math|"
    r"lang|marp|transition|title|description|author|image|url)\s*:\s*(.*)", re.DOTALL)


def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.block.ruler.before("fence", "fenced_div", _fenced_div,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    return md


def parse(text: str) -> SyntaxTreeNode:
    return SyntaxTreeNode(parser().parse(text))


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line]: state.eMarks[line]]


def _fenced_div(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A pandoc fenced div, from its opening fence to the bare fence that closes it."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    opening = _OPEN.fullmatch(_line(state, start))
    if opening is None:
        return False
    if silent:
        return True
    depth, line = 1, start + 1
    while line < end:
        text = _line(state, line)
        if text and state.sCount[line] < state.blkIndent:
            break  # less indented than the list item holding the div: the item (and div) end
        if state.sCount[line] - state.blkIndent < 4:
            if _CLOSE.fullmatch(text):
                depth -= 1
                if depth == 0:
                    break
            elif _OPEN.fullmatch(text):
                depth += 1
        line += 1
    old_parent, old_max = state.parentType, state.lineMax
    state.parentType, state.lineMax = "fenced_div", line  # type: ignore[assignment]
    token = state.push("fenced_div_open", "div", 1)
    token.info, token.map, token.block = opening.group(1), [start, line], True
    state.md.block.tokenize(state, start + 1, line)
    state.push("fenced_div_close", "div", -1).block = True
    state.parentType, state.lineMax = old_parent, old_max
    state.line = min(line + 1, end)
    return True


def div_name(info: str) -> str:
    """'notes' for '::: notes' and '::: {.notes}'; the first class or word otherwise."""
    info = info.strip()
    if info.startswith("{"):
        found = _CLASS.search(info)
        return found.group(1).lower() if found else ""
    return info.split()[0].lower() if info else ""


@dataclass
class ImageRef:
    """A picture a paragraph shows: where it is, its alt text and title, and its line."""

    src: str
    alt: str
    title: str
    line: int


@dataclass
class Inline:
    """A block's inline content: its spans, pictures, comments, and links it could not keep."""

    spans: list[Span] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    @property
    def plain(self) -> str:
        return "".join(span.text for span in self.spans)


def inline(node: SyntaxTreeNode, line: int) -> Inline:
    """The inline content of a block node (a paragraph, heading or cell) starting at ``line``."""
    found = Inline()
    children = node.children[0].children if node.children and node.children[0].type == "inline" \
        else node.children
    _walk(children, found, False, False, None, [line])
    found.spans = [s for s in found.spans if s.text]
    return found


def _walk(nodes: list[SyntaxTreeNode], out: Inline, bold: bool, italic: bool, url: str | None,
          line: list[int]) -> None:
    after_image = False
    for node in nodes:
        kind = node.type
        if kind == "text":
            text = node.content
            if after_image:  # pandoc's {width=50%} after it, and one of the spaces around it
                text = _ATTRIBUTES.sub("", text, count=1) if _ATTRIBUTES.match(text) else text
                if out.spans and out.spans[-1].text.endswith(" "):
                    text = text.lstrip(" ")
            out.spans.append(Span(text, bold, italic, url))
        elif kind in ("softbreak", "hardbreak"):
            out.spans.append(Span(" " if kind == "softbreak" else "\n", bold, italic, url))
            line[0] += 1
        elif kind == "code_inline":
            out.spans.append(Span(node.content, bold, italic, url))
        elif kind in ("strong", "em", "s"):
            _walk(node.children, out, bold or kind == "strong", italic or kind == "em", url, line)
        elif kind == "link":
            href = str(node.attrs.get("href", ""))
            if url_problem(href) is not None:
                out.dropped.append(href)
                href = ""
            _walk(node.children, out, bold, italic, href or url, line)
        elif kind == "image":
            alt = Inline()
            _walk(node.children, alt, False, False, None, [line[0]])
            out.images.append(ImageRef(str(node.attrs.get("src", "")), alt.plain.strip(),
                                       str(node.attrs.get("title", "") or ""), line[0]))
        elif kind == "html_inline":
            comment = _COMMENT.fullmatch(node.content)
            if comment:
                out.comments.append(comment.group(1))
            elif re.fullmatch(r"<br\s*/?>", node.content, re.IGNORECASE):
                out.spans.append(Span("\n", bold, italic, url))
        after_image = kind == "image"


def strip_attributes(spans: list[Span]) -> list[Span]:
    """A heading's text without pandoc's trailing attributes ('# Results {.unnumbered}')."""
    if spans and re.search(r"\{[^{}\n]*\}\s*$", spans[-1].text):
        last = spans[-1]
        text = re.sub(r"\s*\{[^{}\n]*\}\s*$", "", last.text)
        spans = [*spans[:-1], Span(text, last.bold, last.italic, last.url)]
    return [s for s in spans if s.text]


def comments(html: str) -> list[str]:
    """The text of each HTML comment in a block of HTML."""
    return [match.group(1) for match in _COMMENT.finditer(html)]


def directives(comment: str) -> list[tuple[str, str]] | None:
    """Marp's directives in a comment, (name, value) each, when every line of it is one."""
    found = [_DIRECTIVE.fullmatch(line) for line in comment.strip().splitlines() if line.strip()]
    if not found or any(match is None for match in found):
        return None
    return [(m.group(1), m.group(2).strip().strip("'\"")) for m in found if m is not None]


def note_text(comment: str) -> str:
    """A comment as a note: 'notes:' or 'note:' in front of it left out."""
    return re.sub(r"^notes?\s*(:\s*|$|\n\s*)", "", comment.strip(), count=1, flags=re.IGNORECASE)
