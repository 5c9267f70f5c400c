"""One Markdown slide as outline keys: the kind its content fits, its picture saved, its notes.

In order: two columns (a `:::: columns` div); a table; a picture (beside bullets when there is
text, with the picture's title or a lone line of text as its caption); a quotation (a block quote
alone); a statement (one short paragraph alone); bullets; a section slide (a title alone). What
the kind cannot hold goes into the notes, with a warning, as the PowerPoint importer does.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.tree import SyntaxTreeNode

from ..outline.inline import Span
from .assets import AssetFolder
from .draft import DraftSlide
from .mdblocks import Content, Reading, Table, gather
from .texts import Para, bullet_tree, markup, unbolded

NO_ALT = "A picture from the Markdown talk (describe what it shows)"
STATEMENT_WORDS = 30  # one paragraph up to this long is a statement; a longer one is a bullet
_NUMBER = re.compile(r"[-+\u2212]?[$\u20ac\u00a3]?\d[\d,.\s]*%?")
_MARP_SIZE = re.compile(r"(w|h|width|height|blur|brightness|contrast|sepia|opacity|"
                        r"saturate|grayscale|invert|hue-rotate|drop-shadow):\S*|\d+%|"
                        r"contain|cover|fit|auto|left|right|vertical")


def make_slide(title: str | None, content: Content, reading: Reading, assets: AssetFolder,
               number: int, line: int, opening: bool = False) -> DraftSlide:
    """The slide numbered ``number`` in the outline, from Markdown at ``line``; ``opening``: it
    may be the title slide (Marp's first slide: a heading and a line or two under it)."""
    slide = DraftSlide({"kind": "bullets", "title": title or f"Slide {number}"},
                       [f"Line {line}."])
    if not title:
        slide.remarks["title"] = "the Markdown slide has no heading: give it a title"
    fields = slide.fields
    spare: list[Para] = []
    if opening and title and content.paras and set(content.kinds) == {"paragraph"} and len(
            content.paras) <= 2:
        fields.update(kind="title", subtitle=content.paras[0].text)
        if len(content.paras) > 1:
            fields["presenter"] = content.paras[1].text
        slide.comments.append("The first slide, read as the title slide.")
    elif content.columns is not None and _columns(fields, content, reading):
        spare = content.paras
    elif content.tables:
        spare = _table(fields, content, reading)
    elif content.pictures:
        _picture(slide, content, reading, assets, number)
    elif content.kinds == ["quote"]:
        quote = content.quotes[0]
        fields.update(kind="quote", quote=quote.text)
        if quote.attribution:
            fields["attribution"] = quote.attribution
    elif content.kinds == ["paragraph"] and _short(content.paras[0]):
        fields.update(kind="statement", statement=content.paras[0].text)
    elif content.paras:
        fields["bullets"] = bullet_tree(content.paras)
    else:
        fields["kind"] = "section"
    if content.code:
        slide.comments.append("A code block's lines are bullets here (an outline has no code "
                              "blocks).")
    _notes(slide, content, spare, reading, number)
    return slide


def _short(para: Para) -> bool:
    return "\n" not in para.text and len(para.plain.split()) <= STATEMENT_WORDS


def _notes(slide: DraftSlide, content: Content, spare: list[Para], reading: Reading,
           number: int) -> None:
    texts = [note for note in content.notes if note.strip()]
    if spare:
        reading.warnings.append(f"slide {number}: its text beside the "
                                f"{slide.fields['kind']} is not in a place the outline has; it "
                                "is added to the speaker notes")
        slide.comments.append(f"Its text beside the {slide.fields['kind']} is added to the "
                              "speaker notes.")
        texts.append("Text from the slide that the outline has no place for:")
        texts += [("- " if para.bullet else "") + para.text for para in spare]
    if texts:
        slide.fields["notes"] = "\n\n".join(texts)


def _columns(fields: dict[str, Any], content: Content, reading: Reading) -> bool:
    """Two columns; any other number are bullets, each column's first line a parent."""
    assert content.columns is not None
    line = content.columns_line
    columns: list[dict[str, Any]] = []
    paras: list[Para] = []
    for blocks in content.columns:
        inner = gather(blocks, reading)
        content.notes += inner.notes
        if inner.pictures or inner.tables:
            reading.warn(line, "a picture or table in a column is left out (a column holds "
                               "text)")
        column = _column(inner)
        if column:
            columns.append(column)
            # As bullets: a heading is a parent, the rest one level under it.
            under = 1 if "heading" in column and len(inner.paras) > 1 else 0
            paras += [Para(p.text, p.level + (under if i else 0), p.bullet)
                      for i, p in enumerate(inner.paras)]
    if len(columns) == 2:
        fields.update(kind="columns", columns=columns)
        return True
    reading.warn(line, f"{len(columns)} columns: a columns slide has two; they are bullets here")
    content.paras = paras + content.paras
    return False


def _column(inner: Content) -> dict[str, Any]:
    """A column's keys: a heading when its first line stands above a list, or is all bold."""
    paras = list(inner.paras)
    column: dict[str, Any] = {}
    first = paras[0] if paras else None
    if first is not None and len(paras) > 1 and not first.bullet and (
            first.bold or inner.kinds[0] == "heading" or paras[1].bullet):
        column["heading"] = unbolded(first).text
        paras = paras[1:]
    if len(paras) == 1 and not paras[0].bullet:
        column["text"] = paras[0].text
    elif paras:
        column["bullets"] = bullet_tree(paras)
    elif column:
        column = {"text": column["heading"]}
    return column


def _table(fields: dict[str, Any], content: Content, reading: Reading) -> list[Para]:
    """The first table with two rows or more; other tables' rows are returned as text."""
    tables = [t for t in content.tables if len(t.rows) > 1]
    spare = list(content.paras)
    for table in content.tables:
        if not tables or table is not tables[0]:
            spare += [Para(" | ".join(row), 0, True) for row in table.rows]
    if not tables:
        return _bullets_instead(fields, spare)
    table = tables[0]
    fields.update(kind="table", rows=table.rows)
    align = _align(table)
    if align is not None:
        fields["align"] = align
    if len(content.tables) > 1:
        reading.warn(table.line, "only one table fits a slide: the rows of the others are added "
                                 "to the speaker notes")
    return spare


def _bullets_instead(fields: dict[str, Any], paras: list[Para]) -> list[Para]:
    fields["bullets"] = bullet_tree(paras)
    return []


def _align(table: Table) -> list[str] | None:
    """The columns' alignment when the Markdown gives any; an unaligned column of numbers is
    right-aligned (as yamldeck does when 'align:' is left out), others left."""
    if not any(table.align):
        return None
    aligned = []
    for index, given in enumerate(table.align):
        cells = [row[index] for row in table.rows[1:] if index < len(row) and row[index]]
        numbers = bool(cells) and all(_NUMBER.fullmatch(cell) for cell in cells)
        aligned.append(given or ("right" if numbers else "left"))
    return aligned


def _picture(slide: DraftSlide, content: Content, reading: Reading, assets: AssetFolder,
             number: int) -> None:
    fields = slide.fields
    image, picture = content.pictures[0]
    for other, _ in content.pictures[1:]:
        reading.warn(other.line, f"picture '{other.src}' is left out: a slide shows one picture")
    fields.update(kind="picture", image=assets.picture(number, picture.data, picture.ext))
    alt, background, side = _marp_alt(image.alt) if reading.marp else (image.alt, False, None)
    if background and side is None:
        fields["decorative"], fields["fit"] = True, "fill"
    elif alt:
        fields["alt"] = markup([Span(alt)])
    else:
        fields["alt"] = NO_ALT
        slide.remarks["alt"] = "the Markdown gives no alt text: say what the picture shows"
        reading.warn(image.line, f"picture '{image.src}' has no alt text; the outline says so "
                                 "in 'alt:' until you describe the picture")
    paras = content.paras
    if image.title:
        fields["caption"] = markup([Span(image.title)])
    elif len(paras) == 1 and not paras[0].bullet and _short(paras[0]):
        fields["caption"] = paras[0].text
        paras = []
    if paras:
        fields["bullets"] = bullet_tree(paras)
        if side == "left":
            fields["side"] = "left"


def _marp_alt(alt: str) -> tuple[str, bool, str | None]:
    """Marp's keywords in alt text ('bg left', 'w:300'): the alt text left, a background, a
    side."""
    words = alt.split()
    background = bool(words) and words[0].lower() == "bg"
    words = words[1:] if background else words
    side = next((w.lower() for w in words if w.lower() in ("left", "right")), None) \
        if background else None
    kept = [w for w in words if not _MARP_SIZE.fullmatch(w.lower())]
    return " ".join(kept), background, side


def only_comments(blocks: list[SyntaxTreeNode]) -> bool:
    """Whether ``blocks`` are only HTML comments (notes, directives): no content on a slide."""
    return all(b.type == "html_block" and b.content.strip().startswith("<!--") for b in blocks)
