"""Inline formatting in outline text: **bold**, *italic*, [link text](url), [phrase]{lang=fr},
[^1] footnote markers, backslash escapes."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

ALLOWED_SCHEMES = ("http://", "https://", "mailto:")

_LINK = r"\[[^\]\n]+\]\((?:[^()\s]|\([^()\s]*\))*\)"  # a whole [text](url)
_SPAN = r"\[[^\[\]\n]+\]\{lang=[^}\s]+\}"  # a whole [phrase]{lang=..}
_TOKEN = re.compile(
    r"\\([\\*\[\]()_`])"  # 1: escaped character
    r"|\[\^([1-9][0-9]?)\]"  # 2: [^1], a footnote's marker
    # 3, 4: [phrase]{lang=fr}, a phrase in another language (pandoc's bracketed span); it may
    # hold links and formatting, and link text may hold it
    rf"|\[((?:\\.|[^\[\]\n\\]|{_LINK})+)\]\{{lang=([^}}\s]+)\}}"
    rf"|\[((?:{_SPAN}|[^\]\n])+)\]\(((?:[^()\s]|\([^()\s]*\))*)\)"  # 5, 6: [text](url)
    r"|\*\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*\*(?!\*)"  # 7: ***bold italic***
    r"|\*\*(?=\S)(.+?)(?<=\S)\*\*"  # 8: **bold**
    r"|\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)"  # 9: *italic*
)


@dataclass(frozen=True)
class Span:
    """A stretch of text with one formatting; ``url`` set for link text, ``lang`` for a phrase
    marked as in another language; ``note`` for a footnote's marker (its number as text, set
    raised and small)."""

    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None
    lang: str | None = None
    note: bool = False


def parse_inline(text: str) -> tuple[Span, ...]:
    """Split ``text`` into formatted spans; unmatched markers stay as typed."""
    spans: list[Span] = []
    _parse(text, _Style(), spans)
    return tuple(_merge(spans))


def plain_text(text: str) -> str:
    """The text a reader sees: markers removed, link text kept."""
    return "".join(span.text for span in parse_inline(text))


def link_targets(text: str) -> list[str]:
    """Every URL linked from ``text``, in order."""
    return [span.url for span in parse_inline(text) if span.url is not None]


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a link in a deck, or None when it can."""
    if not url:
        return "a link has no address: write [text](https://...)"
    if not url.lower().startswith(ALLOWED_SCHEMES):
        return (
            f"link address '{url}' must start with https://, http:// or mailto: "
            f"(for example https://{url.split('://')[-1]})"
        )
    if any(ch.isspace() for ch in url) or len(url) > 2000:
        return f"link address '{url[:60]}' is not a valid web address"
    return None


def note_numbers(text: str) -> list[int]:
    """The footnotes ``text`` refers to with [^1] markers, in order."""
    return [int(span.text) for span in parse_inline(text) if span.note]


def languages(text: str) -> list[str]:
    """Every language a phrase of ``text`` is marked with, in order."""
    return [span.lang for span in parse_inline(text) if span.lang is not None]


@dataclass(frozen=True)
class _Style:
    bold: bool = False
    italic: bool = False
    url: str | None = None
    lang: str | None = None

    def span(self, text: str) -> Span:
        return Span(text, self.bold, self.italic, self.url, self.lang)


def _parse(text: str, style: _Style, out: list[Span]) -> None:
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            out.append(style.span(text[pos : match.start()]))
        escaped, note, phrase, lang, link_text, link_url, both, strong, emphasis = match.groups()
        if escaped is not None:
            out.append(style.span(escaped))
        elif note is not None:
            out.append(replace(style.span(note), note=True))
        elif phrase is not None:
            _parse(phrase, replace(style, lang=lang.strip('"')), out)
        elif link_text is not None:
            _parse(link_text, replace(style, url=link_url), out)
        elif both is not None:
            _parse(both, replace(style, bold=True, italic=True), out)
        elif strong is not None:
            _parse(strong, replace(style, bold=True), out)
        else:
            _parse(emphasis, replace(style, italic=True), out)
        pos = match.end()
    if pos < len(text):
        out.append(style.span(text[pos:]))


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        last = merged[-1] if merged else None
        if last is not None and not (span.note or last.note) and (
            last.bold, last.italic, last.url, last.lang
        ) == (span.bold, span.italic, span.url, span.lang):
            merged[-1] = replace(last, text=last.text + span.text)
        else:
            merged.append(span)
    return merged
