"""A Markdown talk (pandoc's or Marp's) read into a Draft, as a PowerPoint deck is by reader.py.

Slides are split as pandoc splits them for its slide formats: at headings of the slide level (the
highest heading level followed directly by content, not by another heading), headings above it
making section slides, and at every `---`. A file whose front matter says `marp: true` is split
as Marp splits it: at `---` only (and at headings up to its `headingDivider`), each slide's first
heading its title. Front matter (YAML between `---` lines) or pandoc's `%` title block gives
deck: its title, subtitle, presenter, affiliation, date and language; with a title, pandoc makes
a title slide, and so does this. mdblocks.py gathers a slide's blocks, mdslides.py picks its kind.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import yaml
from markdown_it.tree import SyntaxTreeNode

from ..errors import Problem
from ..outline.inline import Span
from .assets import AssetFolder
from .deckfile import UnreadableDeck
from .draft import Draft, DraftSlide
from .mdblocks import Reading, gather, line_of, text_of
from .mdparse import inline, parse
from .mdparse import strip_attributes as clean
from .mdslides import make_slide, only_comments
from .reader import Imported
from .texts import markup

SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
MAX_BYTES = 5_000_000  # as an outline: a talk's Markdown is far smaller
_LINE = re.compile(r"line (\d+): ")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_DECK_KEYS = {"title": "title", "subtitle": "subtitle", "author": "presenter",
              "institute": "affiliation", "date": "date", "lang": "language",
              "footer": "footer"}


def read_markdown(path: Path, name: str, assets: AssetFolder) -> Imported:
    """The talk in ``path`` (``name`` as the user gave it); UnreadableDeck when it is none."""
    text = _read(path, name)
    text, block = _title_block(text)
    text, front = _front_matter(text, name)
    root = parse(text)
    meta = {**block, **front}
    reading = Reading(name, path.parent, marp=str(meta.get("marp", "")).lower() == "true")
    deck = _deck(meta)
    slides: list[DraftSlide] = []
    if "title" in deck and not reading.marp:
        slides.append(DraftSlide({"kind": "title"}, ["The title slide, from deck: above."]))
    for heading, blocks, line in _chunks(root, meta, reading.marp):
        opening = reading.marp and not slides and heading is not None and _depth(heading) == 1
        title = text_of(_title(heading)) if heading is not None else None
        content = gather(blocks, reading)  # a heading alone (above the slide level): a section
        slides.append(make_slide(title, content, reading, assets, len(slides) + 1, line, opening))
    if not any(s.kind != "title" for s in slides):
        raise UnreadableDeck(Problem(
            f"'{name}' has no slides: start each slide with a heading ('## Title') or separate "
            "slides with a line of '---'", file=name))
    if reading.footer and "footer" not in deck:
        deck["footer"] = markup([Span(reading.footer)])
    deck.setdefault("title", _first_title(slides) or markup([Span(path.stem)]))
    draft = Draft(deck, slides, header=[f"Imported from {name} by yamldeck import; the comment "
                                        "above each slide is the line it starts on there."])
    pictures = sum(1 for s in slides if "image" in s.fields)
    return Imported(draft, reading.warnings, pictures=pictures)


def located(warnings: list[str], name: str) -> tuple[Problem, ...]:
    """The warnings of read_markdown as problems at their line of ``name`` ('line 12: ...'
    becomes 'talk.md:12: warning: ...'), for the command to print."""
    found = []
    for warning in warnings:
        where = _LINE.match(warning)
        line = int(where.group(1)) if where else None
        message = warning[where.end():] if where else warning
        found.append(Problem(message, file=name, line=line, severity="warning"))
    return tuple(found)


def _read(path: Path, name: str) -> str:
    try:
        if not path.is_file():
            what = "is a folder" if path.is_dir() else "not found"
            raise UnreadableDeck(f"Markdown file '{name}' {what}")
        if path.stat().st_size > MAX_BYTES:
            raise UnreadableDeck(f"'{name}' is larger than {MAX_BYTES:,} bytes; a talk's "
                                 "Markdown is far smaller: is it the right file?")
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableDeck(f"cannot read '{name}': {exc.strerror or exc}") from None
    raw = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        return raw.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UnreadableDeck(Problem(
            f"'{name}' is not UTF-8 text (byte 0x{raw[exc.start]:02X}); save it with UTF-8 "
            "encoding and import again", file=name, line=line)) from None


def _title_block(text: str) -> tuple[str, dict[str, Any]]:
    """Pandoc's title block ('% title', '% author; author', '% date' on the first lines) read,
    and blanked so that line numbers stay as in the file."""
    lines = text.split("\n")
    found: list[str] = []
    while len(found) < 3 and len(found) < len(lines) and lines[len(found)].startswith("%"):
        found.append(lines[len(found)][1:].strip())
    if not found:
        return text, {}
    values = dict(zip(("title", "author", "date"), found, strict=False))
    if "author" in values:
        values["author"] = [a.strip() for a in values["author"].split(";") if a.strip()]
    return "\n" * len(found) + "\n".join(lines[len(found):]), {k: v for k, v in values.items()
                                                                 if v}


def _front_matter(text: str, name: str) -> tuple[str, dict[str, Any]]:
    """Front matter (YAML between a '---' on the first line and the next '---' or '...') read,
    and blanked so that line numbers stay as in the file."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return text, {}
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return text, {}
    content = "\n".join(lines[1:end])
    try:
        data = yaml.safe_load(content) if content.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        raise UnreadableDeck(Problem(
            "the lines between the first two '---' are read as front matter (YAML such as "
            f"'title: My talk'), but are not valid YAML ({getattr(exc, 'problem', exc)}); fix "
            "them, or start the file with a blank line if they are a slide", file=name,
            line=line)) from None
    if not isinstance(data, dict):
        raise UnreadableDeck(Problem(
            "the lines between the first two '---' are read as front matter, but they are not "
            "keys such as 'title: My talk'; start the file with a blank line if they are a "
            "slide", file=name, line=1))
    return "\n" * (end + 1) + "\n".join(lines[end + 1:]), data


def _deck(meta: dict[str, Any]) -> dict[str, Any]:
    deck: dict[str, Any] = {}
    for key, field in _DECK_KEYS.items():
        value = _text(meta.get(key))
        if value and (field != "language" or _LANGUAGE.fullmatch(value)):
            deck[field] = value if field == "language" else markup([Span(value)])
    return deck


def _text(value: Any) -> str:
    """A front matter value as text: a list of authors joined, a date as written in ISO."""
    if isinstance(value, list):
        return ", ".join(t for t in (_text(v) for v in value) if t)
    if isinstance(value, dict):  # pandoc's author: [{name: ..., affiliation: ...}]
        return _text(value.get("name", ""))
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None or isinstance(value, bool):
        return ""
    return " ".join(str(value).split())


def _title(heading: SyntaxTreeNode) -> Any:
    found = inline(heading, line_of(heading))
    found.spans = clean(found.spans)
    return found


Chunk = tuple[SyntaxTreeNode | None, list[SyntaxTreeNode], int]


def _chunks(root: SyntaxTreeNode, meta: dict[str, Any], marp: bool) -> list[Chunk]:
    """Each slide's title heading, its blocks and its first line."""
    blocks = list(root.children)
    if marp:
        divider = meta.get("headingDivider")
        return _marp_chunks(blocks, divider if isinstance(divider, int) else 0)
    level = slide_level(blocks)
    chunks: list[Chunk] = []
    for node in blocks:
        depth = _depth(node)
        if depth and depth <= level:
            chunks.append((node, [], line_of(node)))
        elif node.type == "hr":
            chunks.append((None, [], line_of(node)))
        elif chunks:
            chunks[-1][1].append(node)
        else:
            chunks.append((None, [node], line_of(node)))
    return [c for c in chunks if c[0] is not None or not only_comments(c[1])]


def slide_level(blocks: list[SyntaxTreeNode]) -> int:
    """Pandoc's slide level: the highest level of a heading followed directly by content (a
    comment is not content); with none, the deepest heading's level."""
    levels = [_depth(n) for n in blocks if _depth(n)]
    followed = [_depth(node) for node, after in zip(blocks, blocks[1:], strict=False)
                if _depth(node) and not _depth(after) and after.type != "hr"
                and not only_comments([after])]
    return min(followed) if followed else max(levels, default=0)


def _depth(node: SyntaxTreeNode) -> int:
    return int(node.tag[1]) if node.type == "heading" else 0


def _marp_chunks(blocks: list[SyntaxTreeNode], divider: int) -> list[Chunk]:
    parts: list[tuple[list[SyntaxTreeNode], int]] = []
    for node in blocks:
        if node.type == "hr":
            parts.append(([], line_of(node) + 1))
        elif divider and 0 < _depth(node) <= divider and (not parts or parts[-1][0]):
            parts.append(([node], line_of(node)))
        elif parts:
            parts[-1][0].append(node)
        else:
            parts.append(([node], line_of(node)))
    chunks: list[Chunk] = []
    for part, line in parts:
        heading = next((n for n in part if _depth(n)), None)
        rest = [n for n in part if n is not heading]
        if heading is not None or not only_comments(rest):
            chunks.append((heading, rest, line_of(heading) if heading else line))
    return chunks


def _first_title(slides: list[DraftSlide]) -> str | None:
    return next((str(s.fields["title"]) for s in slides if s.fields.get("title")), None)
