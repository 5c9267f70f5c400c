"""The script of each character (Unicode's Script property) and the scripts a text is written in.

The table is Unicode's Scripts.txt, bundled as range starts (fonts/metrics/unicode-scripts.json,
made by scripts/extract_font_metrics.py). Characters every script shares (spaces, digits,
punctuation) are "Zyyy" (common) and combining marks "Zinh" (inherited): neither says what a
text is written in.
"""

from __future__ import annotations

import bisect
import json
import re
from functools import cache
from pathlib import Path

TABLE = Path(__file__).parent.parent / "fonts" / "metrics" / "unicode-scripts.json"
NEUTRAL = frozenset({"Zyyy", "Zinh", "Zzzz"})
# Text with none of these characters is written in Latin letters (or none): the common case,
# decided without looking characters up one by one.
BEYOND_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\u2100-\u214f]")


@cache
def _table() -> tuple[list[int], list[str]]:
    data = json.loads(TABLE.read_text(encoding="ascii"))
    return data["starts"], data["scripts"]


def char_script(ch: str) -> str:
    """The ISO 15924 code of ``ch``'s script: Latn, Arab, Hani, Hira... Zyyy for common."""
    starts, scripts = _table()
    return scripts[bisect.bisect_right(starts, ord(ch)) - 1]


def letter_scripts(text: str) -> dict[str, int]:
    """The scripts of ``text``'s letters, each with the index of its first letter, in order."""
    if not BEYOND_LATIN.search(text):
        index = next((i for i, ch in enumerate(text) if ch.isalpha()), None)
        return {} if index is None else {"Latn": index}
    found: dict[str, int] = {}
    for i, ch in enumerate(text):
        if ch.isascii() and not ch.isalpha():
            continue
        script = char_script(ch)
        if script not in NEUTRAL and script not in found:
            found[script] = i
    return found


def is_latin_only(text: str) -> bool:
    """Whether every letter of ``text`` is Latin (also true of text without letters)."""
    return not BEYOND_LATIN.search(text) or set(letter_scripts(text)) <= {"Latn"}
