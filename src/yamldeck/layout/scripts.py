"""Which font LibreOffice sets each character of a paragraph in: its Latin, Asian or complex font.

LibreOffice's text engine gives every character a script type (i18npool's BreakIterator and
editeng's ImpEditEngine::InitScriptTypes): by Unicode block first (all of Basic Latin is
"Latin", CJK punctuation is "Asian", Arabic presentation forms are "complex"), else by the
character's Unicode script; spaces and other characters every script shares are "weak" and
join the portion before them. Then every right-to-left run of the bidirectional algorithm, and
every embedded left-to-right run without a strong Latin letter (digits in Arabic), becomes
"complex": the spaces between Arabic words and the numbers among them are set in the complex
script's font. This module follows those rules, with the bidirectional algorithm's weak and
neutral rules (UAX #9 W1-W7, N1-N2, I1-I2) and no explicit embeddings.
"""

from __future__ import annotations

import unicodedata

from ..outline.scripts import char_script

LATIN, ASIAN, COMPLEX, WEAK = "latin", "asian", "complex", "weak"
# (first, last, script type) of the Unicode blocks LibreOffice types by block.
_BLOCKS = (
    (0x0300, 0x036F, None),  # combining marks: by their script (inherited: weak)
    (0x0000, 0x02FF, LATIN), (0x0370, 0x058F, LATIN), (0x0590, 0x109F, COMPLEX),
    (0x10A0, 0x10FF, LATIN), (0x1100, 0x11FF, ASIAN), (0x1200, 0x137F, COMPLEX),
    (0x13A0, 0x16FF, LATIN), (0x1780, 0x18AF, COMPLEX), (0x1E00, 0x1FFF, LATIN),
    (0x2150, 0x218F, WEAK), (0x2C60, 0x2C7F, LATIN), (0x2E80, 0x4DBF, ASIAN),
    (0x4E00, 0x9FFF, ASIAN), (0xA000, 0xA4CF, ASIAN), (0xA720, 0xA7FF, LATIN),
    (0xAC00, 0xD7AF, ASIAN), (0xF900, 0xFAFF, ASIAN), (0xFB50, 0xFDFF, COMPLEX),
    (0xFE30, 0xFE4F, ASIAN), (0xFE70, 0xFEFF, COMPLEX), (0xFF00, 0xFFEF, ASIAN),
    (0x20000, 0x2FA1F, ASIAN),
)
_LATIN_SCRIPTS = frozenset(
    "Latn Grek Cyrl Armn Geor Cher Copt Goth Ogam Ital Runr Cans Brai Cprt Osma Shaw Glag "
    "Dsrt Linb Ugar Xpeo Tfng".split()
)
_ASIAN_SCRIPTS = frozenset("Hani Hira Kana Hang Bopo Yiii Hrkt".split())
_ALWAYS_WEAK = frozenset((0x01, 0x02, 0x20, 0xA0, 0x2C7, 0x2CA, 0x2CB, 0x2D9))


def script_type(ch: str) -> str:
    """LibreOffice's script type of one character: latin, asian, complex or weak."""
    cp = ord(ch)
    if cp in _ALWAYS_WEAK:
        return WEAK
    if 0x2C80 <= cp <= 0x2CE3:
        return LATIN
    for first, last, kind in _BLOCKS:
        if first <= cp <= last:
            if kind is not None:
                return kind
            break
    script = char_script(ch)
    if script in ("Zyyy", "Zinh", "Zzzz"):
        return WEAK
    if script in _LATIN_SCRIPTS:
        return LATIN
    return ASIAN if script in _ASIAN_SCRIPTS else COMPLEX


def script_types(text: str, rtl: bool) -> list[str]:
    """The script type LibreOffice sets each character of a paragraph in (none weak)."""
    kinds = [script_type(ch) for ch in text]
    first = next((k for k in kinds if k != WEAK), LATIN)
    current = first
    for i, kind in enumerate(kinds):  # weak characters join the portion before them
        if kind == WEAK:
            kinds[i] = current
        else:
            current = kind
    levels = bidi_levels(text, rtl)
    start = 0
    for end in range(1, len(text) + 1):
        if end == len(text) or levels[end] != levels[start]:
            level = levels[start]
            strong_latin = any(unicodedata.bidirectional(ch) == "L" for ch in text[start:end])
            if level % 2 == 1 or (level > 0 and not strong_latin):
                kinds[start:end] = [COMPLEX] * (end - start)
            start = end
    return kinds


_NEUTRAL = {"WS", "ON", "B", "S", "BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI",
            "PDI"}


def bidi_levels(text: str, rtl: bool) -> list[int]:
    """Embedding levels of UAX #9 for a paragraph of base direction ``rtl``, without explicit
    embeddings (W1-W7, N1-N2, I1-I2)."""
    base = 1 if rtl else 0
    types = _weak_types(text, "R" if rtl else "L")
    _resolve_neutrals(types, "R" if rtl else "L")
    levels = []
    for kind in types:
        if base == 0:
            levels.append(1 if kind == "R" else 2 if kind in ("EN", "AN") else 0)
        else:
            levels.append(2 if kind in ("L", "EN", "AN") else 1)
    return levels


def _weak_types(text: str, sos: str) -> list[str]:
    """Bidi classes with the weak rules W1-W7 applied."""
    types = [unicodedata.bidirectional(ch) or "L" for ch in text]
    last_strong, previous = sos, sos
    for i, kind in enumerate(types):
        if kind == "NSM":  # W1
            kind = previous if previous not in _NEUTRAL else "ON"
        if kind == "EN" and last_strong == "AL":  # W2
            kind = "AN"
        if kind in ("L", "R", "AL"):
            last_strong = kind
        types[i] = "R" if kind == "AL" else kind  # W3
        previous = types[i]
    for i in range(1, len(types) - 1):  # W4
        before, after = types[i - 1], types[i + 1]
        if types[i] == "ES" and before == after == "EN":
            types[i] = "EN"
        elif types[i] == "CS" and before == after and before in ("EN", "AN"):
            types[i] = before
    for i, kind in enumerate(types):  # W5: European terminators beside a number
        if kind == "ET" and _touches_number(types, i):
            types[i] = "EN"
    last_strong = sos
    for i, kind in enumerate(types):
        if kind in ("ES", "ET", "CS"):  # W6
            types[i] = "ON"
        elif kind in ("L", "R"):
            last_strong = kind
        elif kind == "EN" and last_strong == "L":  # W7
            types[i] = "L"
    return types


def _touches_number(types: list[str], i: int) -> bool:
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(types) and types[j] == "ET":
            j += step
        if 0 <= j < len(types) and types[j] == "EN":
            return True
    return False


def _resolve_neutrals(types: list[str], embedding: str) -> None:
    """N1-N2: neutrals between two strong types of one direction take it, else the
    embedding's; numbers count as right-to-left."""
    i = 0
    while i < len(types):
        if types[i] not in _NEUTRAL:
            i += 1
            continue
        end = i
        while end < len(types) and types[end] in _NEUTRAL:
            end += 1
        before = _direction(types[i - 1]) if i > 0 else embedding
        after = _direction(types[end]) if end < len(types) else embedding
        fill = before if before == after else embedding
        types[i:end] = [fill] * (end - i)
        i = end


def _direction(kind: str) -> str:
    return "L" if kind == "L" else "R"
