"""Words of text in other scripts: where East Asian, Arabic and Hebrew lines may break, and widths.

Text that is all Latin letters wraps at spaces and hyphens (measure.py). Here, text with other
scripts is cut into the pieces LibreOffice keeps on one line, each with its width in the font
LibreOffice sets it in (layout.scripts, layout.metrics):

- East Asian text breaks between any two characters (no spaces needed) except where the rules of
  its language forbid (kinsoku): no line starts with a closing mark or a small kana, none ends
  with an opening mark. Korean breaks between words, at spaces, as LibreOffice does.
- Arabic and Hebrew break at spaces; an Arabic word's width is its shaped width.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..outline.languages import script_of
from . import metrics
from .scripts import ASIAN, COMPLEX, LATIN, script_type, script_types

# Characters a line may not start or end with, by language, as LibreOffice's locale data lists
# them (i18npool's zh_CN, zh_TW and ja_JP; Korean as Traditional Chinese).
_NO_START = {
    "Hans": (
        "!),.:;?]}¢'\"、。〉》」』】〕〗〞︰︱︳﹐､﹒﹔﹕﹖﹗﹚﹜﹞！），．"
        "：；？｜｝︴︶︸︺︼︾﹀﹂﹄﹏～￠々‖•·ˇˉ―′’”"
    ),
    "Hant": (
        "!),.:;?]}¢·'\"¨•′、。〉》」』】〕〞︰︱︳︴︶︸︺︼︾﹀﹂﹄﹏﹐"
        "､﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？｜｝"
    ),
    "Jpan": (
        "!%),.:;?]}¢°’”‰′″℃、。々〉》」』】〕ぁぃぅぇぉっゃゅょゎ゛゜ゝ"
        "ゞァィゥェォッャュョヮヵヶ・ーヽヾ！％），．：；？］｝｡｣､･ｧｨｩｪｫｬｭｮｯ"
        "ｰﾞﾟ"
    ),
}
_NO_END = {
    "Hans": (
        "([{£¥'\"‵〈《「『【〔〖（［｛￡￥〝︵︷︹︻︽︿﹁﹃﹙﹛﹝“‘"
    ),
    "Hant": (
        "([{£¥'\"‵〈《「『【〔〝︵︷︹︻︽︿﹁﹃﹙﹛﹝（｛"
    ),
    "Jpan": (
        "$([¥{£‘“〈《「『【〔＄（［｛｢￡￥"
    ),
}
_NO_START["Hang"], _NO_END["Hang"] = _NO_START["Hant"], _NO_END["Hant"]
# Closing marks (Unicode line breaking class CL) that no line break separates from a Latin word
# or number after them, as ICU breaks text LibreOffice sets in a Latin font.
_CLOSING = frozenset("、。，．〉》」』】〕〗〙〛）］｝｣")
OTHER_WIDTH = 600.0  # a character of a script yamldeck has no metrics for (check warns)
# LibreOffice's "space between Asian and non-Asian text" (on by default in Impress): a fifth of
# the portion's height (1.2 em with the font-independent line spacing of decks), added where
# Asian text meets text of another script.
SPACE_UNITS = 240.0
SCRIPT_SPACE = (False, False, "space", "")

# Viewers break a line after a hyphen or dash inside a word when a letter follows (Unicode line
# breaking, UAX #14: "non-proliferation" may end a line as "non-"); not before digits ("2-3").
HYPHEN_BREAK = re.compile(r"(?<=[^\s][-\u2010\u2013\u2014])(?=[^\W\d_])")
# Characters LibreOffice sets in an Asian or complex font: text without them is Latin (Cyrillic
# and Greek included), measured word by word in Carlito.
NEEDS_SCRIPTS = re.compile(
    "[\u0590-\u109f\u1100-\u11ff\u1200-\u137f\u1780-\u18af\u2e80-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7af\uf900-\ufaff\ufb1d-\ufdff\ufe30-\ufe4f\ufe70-\ufeff\uff00-\uffef"
    "\U00020000-\U0002fa1f]"
)

Face = tuple[bool, bool]  # (bold, italic)
# A piece of a word in one font: (text, face), the face (bold, italic, font kind, language)
# outside Latin text.
Piece = tuple[str, Any]
# A word as it sits on a line: (width in units, width of the spaces after it, its pieces, kept
# so that an over-long word can be broken by characters).
Token = tuple[float, float, tuple[Piece, ...]]
Line = tuple[Token, ...]
Units = Callable[[str, Face], float]


@dataclass(frozen=True)
class Char:
    ch: str
    bold: bool
    italic: bool
    lang: str


def region(lang: str) -> str:
    """The East Asian variant whose rules and widths apply to text in ``lang``."""
    script = script_of(lang) if lang else "Hans"
    return script if script in _NO_START else "Hans"


def font_kind(ch: str, kind: str) -> str:
    """The font a character of script type ``kind`` is measured with."""
    if kind == LATIN:
        return "latin"
    if kind == ASIAN:
        # A space between Korean words is as wide as Arial's in LibreOffice (measured: 0.28 em,
        # not the CJK font's 0.22 em)
        return "liberation" if ch == " " else "cjk"
    if metrics.liberation_has(ch):
        return "liberation"
    return "arabic" if script_type(ch) == COMPLEX and _arabic(ch) else "other"


def _arabic(ch: str) -> bool:
    cp = ord(ch)
    return 0x600 <= cp <= 0x8FF or 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF


def piece_width(text: str, key: tuple[bool, bool, str, str], latin: Units) -> float:
    """Width of ``text`` in thousandths of an em, in the font ``key`` names."""
    bold, italic, kind, lang = key
    if kind == "space":
        return SPACE_UNITS
    if kind == "latin":
        return latin(text, (bold, italic))
    if kind == "cjk":
        return metrics.cjk_width(text, bold, region(lang))
    if kind == "liberation":
        return metrics.liberation_width(text, bold)
    if kind == "arabic":
        return metrics.arabic_width(text, bold, lang)
    return OTHER_WIDTH * len(text)


def _breaks(chars: Sequence[Char], kinds: Sequence[str], hyphens: set[int]) -> list[bool]:
    """Whether a line may break before each character (spaces are handled by the caller)."""
    allowed = [False] * len(chars)
    for i in range(1, len(chars)):
        before, here = chars[i - 1].ch, chars[i].ch
        if i in hyphens:
            allowed[i] = True
            continue
        if ASIAN not in (kinds[i - 1], kinds[i]) or (_hangul(before) and _hangul(here)):
            continue
        lang = chars[i].lang if kinds[i] == ASIAN else chars[i - 1].lang
        rules = region(lang)
        if kinds[i] != ASIAN and before in _CLOSING:
            continue  # a closing mark stays with the Latin word or number after it (ICU's rules)
        allowed[i] = here not in _NO_START[rules] and before not in _NO_END[rules]
    return allowed


def _hangul(ch: str) -> bool:
    cp = ord(ch)
    return 0xAC00 <= cp <= 0xD7AF or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F


def tokens(chars: Sequence[Char], rtl: bool, hyphens: set[int],
           latin: Units) -> tuple[Token, ...]:
    """One soft line's tokens: (word width, width of the spaces after it, its pieces)."""
    text = "".join(c.ch for c in chars)
    kinds = script_types(text, rtl)
    allowed = _breaks(chars, kinds, hyphens)
    found: list[Token] = []
    word: list[Piece] = []
    spaces: list[Piece] = []

    def close() -> None:
        if word or spaces:
            found.append((_width(word, latin), _width(spaces, latin), tuple(word)))
        word.clear()
        spaces.clear()

    # LibreOffice sets a fifth of the line's height between Asian text and text of another
    # script: inside a word, or hanging at its end like a space where the line may break
    between = False
    for i, c in enumerate(chars):
        key = (c.bold, c.italic, font_kind(c.ch, kinds[i]), c.lang)
        if c.ch == " " or spaces or allowed[i]:
            if between:
                _add(spaces, "", SCRIPT_SPACE)
            if c.ch != " ":
                close()
        elif between:
            _add(word, "", SCRIPT_SPACE)
        _add(spaces if c.ch == " " else word, c.ch, key)
        between = i + 1 < len(chars) and kinds[i + 1] != kinds[i] \
            and ASIAN in (kinds[i], kinds[i + 1])
    close()
    return tuple(found)


def _add(pieces: list[Piece], ch: str, key: tuple[bool, bool, str, str]) -> None:
    if pieces and pieces[-1][1] == key and key is not SCRIPT_SPACE:
        pieces[-1] = (pieces[-1][0] + ch, key)
    else:
        pieces.append((ch, key))


def _width(pieces: list[Piece], latin: Units) -> float:
    return sum(piece_width(text, key, latin) for text, key in pieces)


def soft_lines(runs: Sequence[Any], rtl: bool, units: Units) -> tuple[Line, ...]:
    """A paragraph's runs as soft lines (split at "\\n") of tokens."""
    if rtl or any(run.lang or NEEDS_SCRIPTS.search(run.text) for run in runs):
        return _script_lines(runs, rtl, units)
    return _latin_lines(runs, units)


def _script_lines(runs: Sequence[Any], rtl: bool, units: Units) -> tuple[Line, ...]:
    lines: list[list[Char]] = [[]]
    for run in runs:
        for i, segment in enumerate(run.text.split("\n")):
            if i:
                lines.append([])
            lines[-1].extend(Char(ch, run.bold, run.italic, run.lang) for ch in segment)
    result = []
    for chars in lines:
        text = "".join(c.ch for c in chars)
        hyphens = {m.start() for m in HYPHEN_BREAK.finditer(text)}
        result.append(tokens(chars, rtl, hyphens, units))
    return tuple(result)


def _latin_lines(runs: Sequence[Any], units: Units) -> tuple[Line, ...]:
    """Latin text: words at spaces and after hyphens, each measured whole in its face."""
    lines: list[Line] = []
    found: list[Token] = []
    pieces: list[Piece] = []
    word = space = 0.0

    def close_word() -> None:
        nonlocal word, space, pieces
        if pieces or space:
            found.append((word, space, tuple(pieces)))
        word, space, pieces = 0.0, 0.0, []

    for run in runs:
        face = (run.bold, run.italic)
        for i, segment in enumerate(run.text.split("\n")):
            if i:  # soft return: the current line ends here
                close_word()
                lines.append(tuple(found))
                found.clear()
            for j, chunk in enumerate(segment.split(" ")):
                if j:
                    space += units(" ", face)
                for k, part in enumerate(HYPHEN_BREAK.split(chunk) if chunk else ()):
                    if k or space:  # after a hyphen, or a word after spaces: a new token
                        close_word()
                    word += units(part, face)
                    pieces.append((part, face))
    close_word()
    lines.append(tuple(found))
    return tuple(lines)
