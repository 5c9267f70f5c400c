"""Inline formatting in outline text: **bold**, *italic*, [link text](url), [^1] footnote markers,
backslash escapes."""

from __future__ import annotations

import re
from dataclasses import dataclass

ALLOWED_SCHEMES = ("http://", "https://", "mailto:")

_TOKEN = re.compile(
    r"\\([\\*\[\]()_`])"  # 1: escaped character
    r"|\[\^([1-9][0-9]?)\]"  # 2: [^1], a footnote's marker
    r"|\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))*)\)"  # 3, 4: [text](url), url (a)(b) kept
    r"|\*\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*\*(?!\*)"  # 5: ***bold italic***
    r"|\*\*(?=\S)(.+?)(?<=\S)\*\*"  # 6: **bold**
    r"|\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)"  # 7: *italic*
)


@dataclass(frozen=True)
class Span:
    """A stretch of text with one formatting; ``url`` set for link text; ``note`` for a
    footnote's marker (its number as text, set raised and small)."""

    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None
    note: bool = False


def parse_inline(text: str) -> tuple[Span, ...]:
    """Split ``text`` into formatted spans; unmatched markers stay as typed."""
    spans: list[Span] = []
    _parse(text, False, False, None, spans)
    return tuple(_merge(spans))


def plain_text(text: str) -> str:
    """The text a reader sees: markers removed, link text kept."""
    return "".join(span.text for span in parse_inline(text))


def note_numbers(text: str) -> list[int]:
    """The footnotes ``text`` refers to with [^1] markers, in order."""
    return [int(span.text) for span in parse_inline(text) if span.note]


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


def _parse(text: str, bold: bool, italic: bool, url: str | None, out: list[Span]) -> None:
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            out.append(Span(text[pos : match.start()], bold, italic, url))
        escaped, note, link_text, link_url, both, strong, emphasis = match.groups()
        if escaped is not None:
            out.append(Span(escaped, bold, italic, url))
        elif note is not None:
            out.append(Span(note, bold, italic, url, note=True))
        elif link_text is not None:
            _parse(link_text, bold, italic, link_url, out)
        elif both is not None:
            _parse(both, True, True, url, out)
        elif strong is not None:
            _parse(strong, True, italic, url, out)
        else:
            _parse(emphasis, bold, True, url, out)
        pos = match.end()
    if pos < len(text):
        out.append(Span(text[pos:], bold, italic, url))


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if merged and not (span.note or merged[-1].note) and (
            merged[-1].bold, merged[-1].italic, merged[-1].url
        ) == (span.bold, span.italic, span.url):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic, span.url)
        else:
            merged.append(span)
    return merged
