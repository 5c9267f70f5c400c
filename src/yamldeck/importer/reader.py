"""A deck read into a Draft: every slide as the kind that fits it, its notes, and deck: settings.

What the outline cannot hold is kept where it can be (text of free-floating boxes, groups and
SmartArt as bullets or in the notes) and reported: a warning naming the slide and the shape,
and a comment above the slide in the outline.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..outline.inline import Span
from . import logos
from .assets import AssetFolder
from .deckfile import OpenedDeck
from .draft import Draft, DraftSlide
from .figures import PictureData
from .kinds import Made, View, make
from .settings import deck_settings
from .shapes import Boxes, Shape, slide_shapes
from .slidefoot import (
    REVEALED_KINDS,
    add_foot,
    appear_only,
    deck_reveal,
    foot_shape,
    revealed,
)
from .texts import Links, Para, bullet_tree, markup, paragraphs, qn

CSV_FROM_ROWS = 16  # a table or chart of more rows goes in a CSV file beside the outline
NO_ALT = "A picture from the original deck (describe what it shows)"
_HIDDEN = ("0", "false")
_OPENING = ("title", "section", "closing")
_LISTED_NOT = ("title", "agenda", "closing")  # slides an agenda without sections leaves out


@dataclass
class Imported:
    """The Draft, the warnings (one line each) and what went into the assets folder."""

    draft: Draft
    warnings: list[str] = field(default_factory=list)
    pictures: int = 0
    csv_files: int = 0


def read_deck(opened: OpenedDeck, assets: AssetFolder) -> Imported:
    prs = opened.prs
    slides = list(prs.slides)
    size = (int(prs.slide_width or 12192000), int(prs.slide_height or 6858000))
    imported = Imported(Draft({}, []))
    boxes = Boxes()
    furniture: list[Shape] = []
    languages: Counter[str] = Counter()
    repeated = logos.repeated(slides)
    for number, slide in enumerate(slides, 1):
        links = Links(slide.part, [])
        foot, shapes = foot_shape(slide_shapes(slide, links, boxes, size[1]))
        languages.update(r.get("lang") for r in slide._element.iter(qn("a:rPr")) if r.get("lang"))
        view = View(number, slide.slide_layout.name, shapes, number == 1,
                    number == len(slides) and number > 1, size, slide.part, links,
                    frozenset(repeated))
        try:
            made, unread = make(view), False
        except Exception as exc:  # noqa: BLE001 - someone else's slide that the reading trips on
            made, unread = _unread(view, exc, imported), True
        if made.fields.get("kind") not in _OPENING:  # footers are drawn on content slides only
            furniture += [s for s in shapes if s.ph_type in ("ftr", "sldNum", "dt")]
        draft_slide, spare = _finish(imported, made, view, assets)
        add_foot(draft_slide.fields, foot)
        if unread:  # its layout was for what the slide was, not for plain bullets
            draft_slide.source_layout = None
        _notes(draft_slide, slide)
        _flags(draft_slide, slide, number, imported)
        for dropped in sorted(set(links.dropped)):
            imported.warnings.append(f"slide {number}: {dropped} is kept as plain text (an "
                                     "outline links only to web and mail addresses)")
        imported.draft.slides.append(draft_slide)
        if spare:
            title = str(draft_slide.fields.get("title") or "")
            imported.draft.slides.append(DraftSlide(
                {"kind": "bullets", "title": f"{title} (cont.)" if title else "",
                 "bullets": bullet_tree(spare)},
                [f"Slide {number}, continued: the text its {draft_slide.kind} slide has no "
                 "place for."], number=number))
        imported.draft.slides += _following(imported, made, view, draft_slide, assets)
    imported.warnings += [logos.warning(held, len(slides)) for held in repeated.values()]
    _derived_agendas(imported.draft.slides)
    deck, remarks, notes = deck_settings(prs, imported.draft.slides, furniture, languages)
    imported.draft.deck, imported.draft.deck_remarks = deck, remarks
    deck_reveal(imported.draft)
    imported.warnings += notes
    imported.warnings += opened.repairs
    if opened.macros:
        imported.warnings.append("the deck's macros are not brought over (an outline holds none)")
    return imported


def _finish(imported: Imported, made: Made, view: View, assets: AssetFolder
            ) -> tuple[DraftSlide, list[Para]]:
    """The slide's keys with its picture and data saved as files, and the text it could not
    place (added to its bullets where it has them; else returned, for the notes)."""
    fields = made.fields
    fields.setdefault("kind", "bullets")
    slide = DraftSlide(fields, [f"Slide {view.number}."], source_layout=view.layout,
                       number=view.number)
    for shape, what in made.lost:
        imported.warnings.append(f"slide {view.number}: {shape.label}: {what}")
        slide.comments.append(f"Not brought over: {shape.label}, {what}."
                              if what.startswith("not") or what.startswith("is")
                              else f"From {shape.label}: {what}.")
    if made.picture is not None:
        _picture(imported, slide, view.number, made.picture, assets)
    for key, what in (("rows", "table"), ("data", "chart")):
        _to_csv(imported, slide, view.number, key, what, assets)
    extra = [p for shape in made.spare for p in shape.paras] + made.spare_paras
    where = _spare_place(fields, made.fallback)
    for shape in made.spare:
        imported.warnings.append(f"slide {view.number}: {shape.label}: its text is not in a "
                                 f"place the outline has; it is added to {where}")
        slide.comments.append(f"The text of {shape.label} is added to {where}.")
    if extra and where == "the number's details":
        details = fields.get("details") or []
        fields["details"] = [*([details] if isinstance(details, str) else details),
                             *(p.text.strip() for p in extra)]
        return slide, []
    if extra and where == "the slide's bullets":
        fields["kind"] = "picture" if "image" in fields else "bullets"
        fields["bullets"] = list(fields.get("bullets") or []) + bullet_tree(extra)
        return slide, []
    if made.fallback:
        slide.comments.append(f"It had only a title: a section slide on its layout "
                              f"('{view.layout}').")
    return slide, extra


def _unread(view: View, exc: Exception, imported: Imported) -> Made:
    """A slide the kinds could not read (its XML is unusual): its text, every paragraph of
    every shape in reading order, as bullets; the warning names what went wrong."""
    imported.warnings.append(f"slide {view.number}: the slide could not be read as a whole "
                             f"({type(exc).__name__}: {str(exc)[:80]}); its text is kept as "
                             "bullets")
    paras = [p for shape in view.shapes for p in shape.paras]
    title = next((p.text for p in paras), "")
    if len(paras) < 2:
        return Made({"kind": "section", "title": title}, fallback=True)
    return Made({"kind": "bullets", "title": title, "bullets": bullet_tree(paras[1:])})


def _spare_place(fields: dict[str, Any], fallback: bool) -> str:
    """Where text the slide's kind has no place for goes: its bullets (a picture's too), a
    number's details, or a slide after it."""
    if fields["kind"] in ("bullets", "picture") or fallback:
        return "the slide's bullets"
    if fields["kind"] == "number":
        return "the number's details"
    return "a bullets slide after it"


def _derived_agendas(slides: list[DraftSlide]) -> None:
    """An agenda listing what yamldeck would list anyway (the section slides' titles, or with
    none the content slides') keeps no 'items:', so it follows the outline when that changes."""
    sections = [s.fields.get("title") for s in slides if s.kind == "section"]
    content = [s.fields.get("title") for s in slides if s.kind not in _LISTED_NOT
               and not str(s.fields.get("title") or "").endswith(" (cont.)")]
    derived = sections or list(dict.fromkeys(content))
    for slide in slides:
        if slide.kind == "agenda" and slide.fields.get("items") == derived:
            del slide.fields["items"]
            if slide.fields.get("title") == "Agenda":
                del slide.fields["title"]


def _following(imported: Imported, made: Made, view: View, slide: DraftSlide,
               assets: AssetFolder) -> list[DraftSlide]:
    """Slides of their own for the figures a slide held beside its first one, after it."""
    made_slides = []
    title = str(slide.fields.get("title") or "")
    for found in made.follow:
        fields = {"kind": found.kind, "title": f"{title} (cont.)" if title else "",
                  **found.fields}
        extra = DraftSlide(fields, [f"Slide {view.number}, continued: its {found.shape.label}."],
                           source_layout=view.layout, number=view.number)
        if found.picture is not None:
            _picture(imported, extra, view.number, (found.shape, found.picture), assets)
        for key, what in (("rows", "table"), ("data", "chart")):
            _to_csv(imported, extra, view.number, key, what, assets)
        imported.warnings.append(f"slide {view.number}: {found.shape.label}: a slide of an "
                                 "outline holds one figure; it follows on a slide of its own")
        made_slides.append(extra)
    return made_slides


def _picture(imported: Imported, slide: DraftSlide, number: int,
             found: tuple[Shape, PictureData], assets: AssetFolder) -> None:
    shape, data = found
    fields = slide.fields
    fields["image"] = assets.picture(number, data.data, data.ext)
    imported.pictures += 1
    if data.decorative:
        fields["decorative"] = True
    elif data.alt:
        fields["alt"] = markup([Span(data.alt)])
    else:
        fields["alt"] = NO_ALT
        slide.remarks["alt"] = "the original has no alt text: say what the picture shows"
        imported.warnings.append(f"slide {number}: {shape.label} has no alt text; the outline "
                                 "says so in 'alt:' until you describe the picture")
    if data.cropped:
        fields["fit"] = "fill"


def _to_csv(imported: Imported, slide: DraftSlide, number: int, key: str, what: str,
            assets: AssetFolder) -> None:
    holder = slide.fields.get("chart") if key == "data" else slide.fields
    if not isinstance(holder, dict) or len(holder.get(key) or ()) <= CSV_FROM_ROWS:
        return
    name = assets.csv(number, what, holder[key])
    if name is not None:
        del holder[key]
        holder["csv"] = name
        imported.csv_files += 1


def _notes(draft: DraftSlide, slide: Any) -> None:
    """The speaker notes (a line break in a paragraph starts a new one: a note's paragraphs are
    what an outline keeps)."""
    texts: list[str] = []
    if slide.has_notes_slide:
        notes = slide.notes_slide
        links = Links(notes.part, [])
        for sp in notes._element.iter(qn("p:sp")):  # the notes page's body placeholder
            ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
            body = sp.find(qn("p:txBody"))
            if ph is None or ph.get("type") != "body" or body is None:
                continue
            for para in paragraphs(body, links):
                texts += [line.strip() for line in para.text.split("\n") if line.strip()]
            break
    if texts:
        draft.fields["notes"] = "\n\n".join(texts)


def _flags(draft: DraftSlide, slide: Any, number: int, imported: Imported) -> None:
    element = slide._element
    if element.get("show") in _HIDDEN:
        draft.comments.append("Hidden in the original deck; an outline's slides are all shown "
                              "(delete this slide to leave it out).")
        imported.warnings.append(f"slide {number}: the slide is hidden in the deck; the outline "
                                 "shows it")
    timing = element.find(qn("p:timing"))
    if draft.kind in REVEALED_KINDS and revealed(slide):
        draft.fields["reveal"] = True
        if not appear_only(slide):
            draft.comments.append("Its points came in one click at a time with another effect; "
                                  "here they appear (reveal: true).")
    elif timing is not None and next(timing.iter(qn("p:par")), None) is not None:
        draft.comments.append("Its animations are not brought over.")
        imported.warnings.append(f"slide {number}: its animations are not brought over")
