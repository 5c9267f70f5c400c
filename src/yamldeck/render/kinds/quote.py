"""A quote slide: the quotation, shown large, and who said it."""

from __future__ import annotations

from ...outline import model as m
from ...outline.languages import primary, script_of
from ..context import SlideContext
from ..text import Para

_QUOTES = "\"'\u201c\u2018\u00ab\u201e\u300c\u300e"
# Quotation marks by language (others: English's); French sets them off with no-break spaces.
_MARKS = {
    **dict.fromkeys(("ar", "fa", "ur", "ps", "ru", "uk", "be", "es", "ca", "it", "pt", "el"),
                    ("\u00ab", "\u00bb")),
    "fr": ("\u00ab\u00a0", "\u00a0\u00bb"),
    "de": ("\u201e", "\u201c"),
    "ja": ("\u300c", "\u300d"),
}


def quotation_marks(language: str) -> tuple[str, str]:
    """The opening and closing marks a quotation in ``language`` is set between."""
    if script_of(language) == "Hant":
        return "\u300c", "\u300d"
    return _MARKS.get(primary(language), ("\u201c", "\u201d"))


def render_quote(ctx: SlideContext, slide: m.QuoteSlide) -> None:
    ctx.fill_title(slide.title)
    opening, closing = quotation_marks(ctx.writing().language)
    quote = slide.quote if slide.quote[:1] in _QUOTES else f"{opening}{slide.quote}{closing}"
    paras = [Para(quote)]
    if slide.attribution:
        paras.append(Para(f"\u2014 {slide.attribution}", level=1))
    ctx.fill(1, paras, what="quote", plain=True)


def unquoted(text: str) -> str:
    """A quote as its slide shows it, without a pair of the quotation marks render_quote sets it
    between (in any language)."""
    pairs = {*_MARKS.values(), ("\u201c", "\u201d"), ("\u300c", "\u300d")}
    for opening, closing in sorted(pairs, key=lambda pair: -len(pair[0])):
        if len(text) > len(opening) + len(closing) and text.startswith(opening) and \
                text.endswith(closing):
            return text[len(opening):-len(closing)]
    return text
