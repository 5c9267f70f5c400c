"""Language tags: the script a language is written in, its direction, and its font slot.

A deck's text carries a BCP 47 language tag (deck: language, a slide's language, an inline
[phrase]{lang=fr} span). From the tag come the script (ISO 15924: Arab, Hans, Latn...), whether
paragraphs run right to left, and which of a run's three font slots DrawingML sets the script in:
``latin``, ``ea`` (East Asian) or ``cs`` (complex scripts, such as Arabic and Hebrew).
"""

from __future__ import annotations

import re

TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# Latin words in text of another script (MTCR in Arabic, a web address in Chinese) get their own
# run in this language when the deck's own language is not written in Latin letters.
LATIN_FALLBACK = "en-US"

# The script each language is usually written in; any language not listed is written in Latin.
_SCRIPTS = {
    "Arab": "ar fa ur ps sd ug ckb ks prs pnb bal glk mzn azb lrc",
    "Hebr": "he iw yi lad",
    "Syrc": "syr",
    "Thaa": "dv",
    "Nkoo": "nqo",
    "Hans": "zh",
    "Jpan": "ja",
    "Hang": "ko",
    "Cyrl": "ru uk be bg mk sr kk ky tg mn tt ba cv ce os ab av sah",
    "Grek": "el",
    "Armn": "hy",
    "Geor": "ka",
    "Thai": "th",
    "Laoo": "lo",
    "Khmr": "km",
    "Mymr": "my",
    "Deva": "hi mr ne sa kok mai bho doi",
    "Beng": "bn as",
    "Guru": "pa",
    "Gujr": "gu",
    "Orya": "or",
    "Taml": "ta",
    "Telu": "te",
    "Knda": "kn",
    "Mlym": "ml",
    "Sinh": "si",
    "Tibt": "bo dz",
    "Ethi": "am ti",
}
LANGUAGE_SCRIPT = {code: script for script, codes in _SCRIPTS.items() for code in codes.split()}
# Scripts written right to left; their paragraphs get rtl="1".
RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr"})
# East Asian scripts (DrawingML's ea slot); Hani (Han characters) belongs to all of them.
EAST_ASIAN = frozenset({"Hans", "Hant", "Jpan", "Hang", "Hani", "Hira", "Kana", "Bopo"})
# Scripts DrawingML sets in the Latin slot: the rest are "complex" (the cs slot).
LATIN_SLOT = frozenset({"Latn", "Cyrl", "Grek", "Armn", "Geor", "Cher", "Copt", "Runr", "Ogam"})
_TRADITIONAL_REGIONS = {"TW", "HK", "MO"}
SCRIPT_NAMES = {
    "Latn": "Latin", "Cyrl": "Cyrillic", "Grek": "Greek", "Arab": "Arabic", "Hebr": "Hebrew",
    "Hans": "Chinese (simplified)", "Hant": "Chinese (traditional)", "Jpan": "Japanese",
    "Hang": "Korean (Hangul)", "Hani": "Chinese (Han)", "Hira": "Japanese (hiragana)",
    "Kana": "Japanese (katakana)", "Bopo": "Bopomofo", "Thai": "Thai", "Deva": "Devanagari",
    "Armn": "Armenian", "Geor": "Georgian", "Syrc": "Syriac", "Thaa": "Thaana",
    "Beng": "Bengali", "Guru": "Gurmukhi", "Gujr": "Gujarati", "Orya": "Oriya", "Taml": "Tamil",
    "Telu": "Telugu", "Knda": "Kannada", "Mlym": "Malayalam", "Sinh": "Sinhala",
    "Laoo": "Lao", "Khmr": "Khmer", "Mymr": "Myanmar", "Tibt": "Tibetan", "Ethi": "Ethiopic",
}
# A language each script's text may be marked with, for messages that suggest one.
EXAMPLE_LANGUAGE = {
    "Arab": "ar", "Hebr": "he", "Hans": "zh-CN", "Hant": "zh-TW", "Hani": "zh-CN",
    "Jpan": "ja-JP", "Hira": "ja-JP", "Kana": "ja-JP", "Hang": "ko-KR", "Cyrl": "ru",
    "Grek": "el", "Latn": "en", "Thai": "th", "Deva": "hi", "Armn": "hy", "Geor": "ka",
}


# Two-letter language codes of ISO 639-1, for check's warning about a mistyped one.
KNOWN_LANGUAGES = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy "
    "da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu "
    "hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb "
    "lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om "
    "or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw "
    "ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu".split()
)


def is_tag(value: str) -> bool:
    """Whether ``value`` has the shape of a language tag such as en-NZ or zh-Hant-TW."""
    return bool(TAG.match(value))


def primary(tag: str) -> str:
    return tag.split("-")[0].lower()


def script_of(tag: str) -> str:
    """The script ``tag``'s text is written in: a script subtag wins (sr-Latn, zh-Hant)."""
    parts = tag.split("-")
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            return part.title()
    script = LANGUAGE_SCRIPT.get(parts[0].lower(), "Latn")
    if script == "Hans" and any(p.upper() in _TRADITIONAL_REGIONS for p in parts[1:]):
        return "Hant"
    return script


def is_rtl(tag: str) -> bool:
    """Whether paragraphs in ``tag`` run right to left (Arabic, Hebrew, Persian, Urdu...)."""
    return script_of(tag) in RTL_SCRIPTS


def slot_of(script: str) -> str:
    """The font slot of a run that DrawingML sets ``script`` in: latin, ea or cs."""
    if script in EAST_ASIAN:
        return "ea"
    return "latin" if script in LATIN_SLOT else "cs"


def is_latin_written(tag: str) -> bool:
    return script_of(tag) == "Latn"


def latin_partner(deck_language: str) -> str:
    """The language of Latin words typed into text of another script, unless marked: the
    deck's own language when it is written in Latin letters, else English."""
    return deck_language if is_latin_written(deck_language) else LATIN_FALLBACK


def script_name(script: str) -> str:
    return SCRIPT_NAMES.get(script, script)


def same_writing(language_script: str, text_script: str) -> bool:
    """Whether letters of ``text_script`` belong in text written in ``language_script``:
    Han characters in Chinese and Japanese (and Korean), kana in Japanese, Latin anywhere
    (acronyms, names and addresses)."""
    if text_script in (language_script, "Latn"):
        return True
    if text_script == "Hani":
        return language_script in ("Hans", "Hant", "Jpan", "Hang")
    if text_script in ("Hira", "Kana"):
        return language_script == "Jpan"
    if text_script == "Bopo":
        return language_script == "Hant"
    return False
