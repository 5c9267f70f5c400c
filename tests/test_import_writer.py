"""The outline text an import writes says exactly what the deck said (properties, Hypothesis).

Runs of any text with any formatting become outline markup that outline.inline reads back as the
same characters with the same bold, italic and links; and any text, written by the importer's
writer as a title, a bullet, a sub-bullet's parent, a table cell or notes, is read back by
yamldeck's loader as that text (notes: the same paragraphs, wrapped lines joined).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from yamldeck.importer.draft import Draft, DraftSlide
from yamldeck.importer.texts import markup
from yamldeck.importer.writer import write_outline
from yamldeck.outline.inline import Span, parse_inline
from yamldeck.outline.loader import parse_document

# Letters, and every character that means something to YAML or to the outline's markup.
ALPHABET = st.sampled_from(list("ab Z9é—“”'\"*_[]()\\`:#-?,{}&!|>%@\t~  "))
TEXT = st.text(ALPHABET, min_size=1, max_size=24)
URLS = st.sampled_from([None, "https://example.org", "mailto:ann@example.org",
                        "https://example.org/a(b)c"])
SPANS = st.lists(st.builds(Span, TEXT, st.booleans(), st.booleans(), URLS), min_size=1,
                 max_size=5)


def _formatted(spans: list[Span] | tuple[Span, ...]) -> list[tuple[str, bool, bool, str | None]]:
    """Each character with its formatting (a space's formatting is not seen)."""
    return [(c, s.bold, s.italic, s.url) if not c.isspace() else (c, False, False, None)
            for s in spans for c in s.text]


@settings(max_examples=400, deadline=None)
@given(SPANS)
def test_runs_become_markup_that_reads_back_as_the_same_runs(spans: list[Span]) -> None:
    """The same characters; each with its formatting, unless the markup cannot say it: a run
    touching another run of other formatting (no space between, as italic then bold in
    *a***b**) may lose its formatting, and nothing else does."""
    text = markup(spans)
    read, wanted = _formatted(parse_inline(text)), _formatted(spans)
    assert [c[0] for c in read] == [c[0] for c in wanted], text
    touching = _touching(_runs(spans))
    for index, (got, meant) in enumerate(zip(read, wanted, strict=True)):
        assert got == meant or (got[1:] == (False, False, None) and index in touching), text


def test_markup_keeps_formatting_that_spaces_separate() -> None:
    spans = [Span("*a*"), Span(" bold ", True), Span("[x", False, True, "https://example.org"),
             Span(" and "), Span("both", True, True), Span(" C:\\dir")]
    text = markup(spans)
    assert text == "\\*a\\* **bold** [*\\[x*](https://example.org) and ***both*** C:\\dir"
    assert _formatted(parse_inline(text)) == _formatted(spans)


def _runs(spans: list[Span]) -> list[Span]:
    """Spans with neighbours of the same formatting joined (one run as a reader sees it)."""
    joined: list[Span] = []
    for span in spans:
        if joined and (joined[-1].bold, joined[-1].italic, joined[-1].url) == (
                span.bold, span.italic, span.url):
            joined[-1] = Span(joined[-1].text + span.text, span.bold, span.italic, span.url)
        else:
            joined.append(span)
    return joined


def _touching(spans: list[Span]) -> set[int]:
    """Indexes (of characters) of the formatted runs that touch a run of other formatting, and
    of links whose text holds ']' (which ends a link's text in the outline, even escaped), runs
    starting or ending in '*', and italic runs holding one (outline.inline ends italics at an
    escaped star: *a\\*b* reads as italic 'a\\' then 'b*')."""
    found, start = set(), 0
    for number, span in enumerate(spans):
        end = start + len(span.text)
        edges = (span.text.strip()[:1], span.text.strip()[-1:])
        if span.url and "]" in span.text or "*" in edges or (
                span.italic and not span.bold and "*" in span.text):
            found.update(range(start, end))
        before = spans[number - 1] if number else None
        after = spans[number + 1] if number + 1 < len(spans) else None
        for other, here, there in ((before, span.text[:1], before.text[-1:] if before else ""),
                                   (after, span.text[-1:], after.text[:1] if after else "")):
            if other is not None and (other.bold, other.italic, other.url) != (
                    span.bold, span.italic, span.url) and not here.isspace() \
                    and not there.isspace():
                found.update(range(start, end))
        start = end
    return found


PLAIN = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Co", "Cn", "Zl",
                                                                 "Zp")), min_size=1, max_size=40)
STRUCTURE = st.text(ALPHABET, min_size=1, max_size=30)
ANY = st.one_of(PLAIN, STRUCTURE, STRUCTURE.map(lambda t: t + "\n" + t)).map(str.strip).filter(
    bool)


@settings(max_examples=300, deadline=None)
@given(ANY, ANY, ANY, ANY)
def test_any_text_is_written_so_the_loader_reads_it_back(title: str, bullet: str, parent: str,
                                                         cell: str) -> None:
    notes = f"{bullet} {title}\n\n{parent}"
    draft = Draft(
        {"title": title},
        [DraftSlide({"kind": "bullets", "title": title,
                     "bullets": [bullet, {parent.replace(chr(10), ' '): [cell]}],
                     "notes": notes}),
         DraftSlide({"kind": "table", "title": "t", "rows": [(cell, bullet), (title, "1")]})],
        header=["a header", title.replace("\n", " ")],
    )
    data = parse_document(write_outline(draft).encode("utf-8"), "x.yaml").data
    read_notes = data["slides"][0].pop("notes")
    expected = draft.plain_data()
    made_notes = expected["slides"][0].pop("notes")
    assert data == expected
    assert _paragraphs(read_notes) == _paragraphs(made_notes)


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip())]
