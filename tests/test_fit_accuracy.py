"""How well text measurement predicts LibreOffice: line counts per paragraph, on generated corpora.

Two corpora, one LibreOffice conversion each: (1) single paragraphs in plain text boxes of random
widths, sizes and faces; (2) an outline of slides of every text kind (bullets three levels deep,
statements, columns, numbers with detail lists, sections, quotes) built by yamldeck with its theme,
plus a few tables (fitted by their own code: they count only for overlapping words). Each
paragraph's predicted line count is compared with the lines LibreOffice drew (pdftotext word
boxes). Run this file with python to print the figures quoted in the README.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from helpers import validate_pptx
from layout_probe import FrameText, collisions, read_frame
from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Pt

from yamldeck.commands.build import load_outline
from yamldeck.commands.libreoffice import Word, pptx_to_pdf, read_words
from yamldeck.layout.measure import EXACT, FONT_DIR, WRAP_MARGIN, Paragraph, Run, get_measurer
from yamldeck.outline.inline import plain_text
from yamldeck.package.archive import DEFAULT_EPOCH, deterministic_bytes
from yamldeck.render.fitted import render_fitted

pytestmark = pytest.mark.usefixtures("needs_libreoffice")  # every test renders with LibreOffice

SEED = 20261128
BOXES = 600  # paragraphs in plain text boxes
SLIDES = 80  # slides in the generated outline
TERMS = [
    "non-proliferation",
    "dual-use",
    "missile-related",
    "well-known",
    "2024-25",
    "e.g.",
    "(UAV)",
    "state-of-the-art",
    "co-operation",
    "Türkiye",
    "500 kg",
    "NZ's",
]
LONG_WORDS = [
    "https://example.org/a/very/long/path/to/some/resource/index.html",
    "Donaudampfschifffahrtsgesellschaftskapitän",
]


@dataclass
class Tally:
    """Paragraphs whose predicted line count equals, exceeds or falls short of LibreOffice's."""

    agree: int = 0
    over: int = 0
    under: int = 0

    def add(self, predicted: int, drawn: int) -> None:
        self.agree += predicted == drawn
        self.over += predicted > drawn
        self.under += predicted < drawn

    @property
    def total(self) -> int:
        return self.agree + self.over + self.under

    def __str__(self) -> str:
        return (
            f"{self.agree}/{self.total} = {self.agree / self.total:.1%} "
            f"(one too many: {self.over}, too few: {self.under})"
        )


@dataclass
class Report:
    exact: dict[str, Tally] = field(default_factory=lambda: {"boxes": Tally(), "slides": Tally()})
    margin: dict[str, Tally] = field(default_factory=lambda: {"boxes": Tally(), "slides": Tally()})
    outside: list[tuple[int, str, int]] = field(default_factory=list)  # slide, frame, characters
    overlapping: list[tuple[int, str, str]] = field(default_factory=list)


def _vocabulary() -> list[str]:
    words = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8").split()
    return [w for w in words if len(w) < 18] + TERMS


def _box_cases(rng: random.Random, vocabulary: list[str]) -> list[tuple[Paragraph, float]]:
    """(paragraph, box width) pairs: sizes 12-44 pt, widths 110-640 pt, mixed faces and runs."""
    m = get_measurer()
    cases: list[tuple[Paragraph, float]] = []
    while len(cases) < BOXES:
        size = rng.choice([12, 14, 16, 18, 20, 24, 28, 32, 40, 44]) + rng.choice([0, 0, 0, 0.5])
        width = rng.uniform(110, 640)
        words = [rng.choice(vocabulary) for _ in range(rng.randint(1, 60))]
        if rng.random() < 0.03:
            words.insert(rng.randrange(len(words) + 1), rng.choice(LONG_WORDS))
        kind = rng.random()
        if kind < 0.8:
            runs: tuple[Run, ...] = (
                Run(" ".join(words), bold=0.55 <= kind < 0.7 or kind >= 0.75, italic=kind >= 0.7),
            )
        else:
            pieces, i = [], 0
            while i < len(words):
                n = rng.randint(1, 6)
                tail = " " if i + n < len(words) else ""
                pieces.append(
                    Run(
                        " ".join(words[i : i + n]) + tail,
                        bold=rng.random() < 0.4,
                        italic=rng.random() < 0.3,
                    )
                )
                i += n
            runs = tuple(pieces)
        para = Paragraph(runs, size)
        if m.line_count(para, width - 14.4, size, EXACT) * size * 1.2 < 380:
            cases.append((para, width))
    return cases


def _box_deck(cases: list[tuple[Paragraph, float]], path: Path) -> list[FrameText]:
    """One text box per case, packed onto 13.33 x 7.5 in slides; room for two extra lines."""
    m = get_measurer()
    prs = Presentation()
    prs.slide_width, prs.slide_height = Pt(960), Pt(540)
    frames: list[FrameText] = []
    slide, x, y, row = None, 0.0, 0.0, 0.0
    for para, width in cases:
        height = (m.line_count(para, width - 14.4, para.size_pt) + 2) * para.size_pt * 1.2 + 7.2
        if slide is None or x + width > 960:
            x, y, row = 0.0, y + row, 0.0
        if slide is None or y + height > 540:
            slide, x, y, row = prs.slides.add_slide(prs.slide_layouts[6]), 0.0, 0.0, 0.0
        box = slide.shapes.add_textbox(Pt(x), Pt(y), Pt(width), Pt(height))
        frame = box.text_frame
        frame.word_wrap, frame.auto_size = True, MSO_AUTO_SIZE.NONE
        for run in para.runs:
            r = frame.paragraphs[0].add_run()
            r.text = run.text
            r.font.size, r.font.name = Pt(para.size_pt), "Calibri"
            r.font.bold, r.font.italic = run.bold, run.italic
        frames.append(
            FrameText(
                len(prs.slides) - 1,
                x,
                y,
                width,
                height,
                ("".join(r.text for r in para.runs),),
                insets=(7.2, 7.2),
            )
        )
        x, row = x + width, max(row, height)
    prs.save(str(path))
    return frames


def _sentence(rng: random.Random, vocabulary: list[str], low: int, high: int) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(rng.randint(low, high)))


def _bullets(rng: random.Random, vocabulary: list[str], depth: int = 0) -> list[object]:
    items: list[object] = []
    for _ in range(rng.randint(1, 4 if depth == 0 else 2)):
        text = _sentence(rng, vocabulary, 2, 26)
        if depth < 2 and rng.random() < 0.3:
            items.append({text: _bullets(rng, vocabulary, depth + 1)})
        else:
            items.append(text)
    return items


def _outline(rng: random.Random, vocabulary: list[str]) -> dict[str, object]:
    """Slides of every text kind, with text of random length (some shrink, none overflow)."""

    def say(low: int, high: int) -> str:
        return _sentence(rng, vocabulary, low, high)

    slides: list[dict[str, object]] = []
    for _ in range(SLIDES):
        kind, title = rng.random(), say(1, 9)
        if kind < 0.5:
            slides.append({"title": title, "bullets": _bullets(rng, vocabulary)})
        elif kind < 0.62:
            slides.append({"title": title, "statement": say(4, 40)})
        elif kind < 0.8:
            columns = []
            for _ in range(2):
                column: dict[str, object] = {"heading": say(1, 4)} if rng.random() < 0.5 else {}
                if rng.random() < 0.5:
                    column["bullets"] = _bullets(rng, vocabulary, 1)
                else:
                    column["text"] = say(5, 50)
                columns.append(column)
            slides.append({"title": title, "columns": columns})
        elif kind < 0.87:
            slides.append(
                {
                    "title": title,
                    "number": str(rng.randint(1, 9999)),
                    "caption": say(2, 14),
                    "details": [say(1, 3) for _ in range(rng.randint(2, 30))],
                }
            )
        elif kind < 0.92:
            slides.append({"kind": "section", "title": title, "subtitle": say(2, 12)})
        elif kind < 0.96:
            slides.append({"title": title, "quote": say(4, 30), "attribution": say(1, 4)})
        else:  # tables are fitted by their own code: here they only count for overlaps
            rows = [[say(1, 4) for _ in range(3)] for _ in range(rng.randint(2, 7))]
            slides.append({"title": title, "rows": rows})
    # Some slides get more bullets than fit: they continue, and are measured like the others.
    return {
        "deck": {"title": "Corpus", "language": "en-NZ", "overflow": "continue"},
        "slides": slides,
    }


def measure(folder: Path) -> Report:
    """Build both corpora, render them with LibreOffice and compare."""
    rng = random.Random(SEED)
    vocabulary = _vocabulary()
    report = Report()
    m = get_measurer()
    cases = _box_cases(rng, vocabulary)
    boxes = folder / "boxes.pptx"
    frames = _box_deck(cases, boxes)
    pages = read_words(pptx_to_pdf(boxes, folder))
    for (para, width), frame in zip(cases, frames, strict=True):
        (drawn,) = read_frame(frame, pages[frame.slide]).lines
        for tallies, margin in ((report.exact, EXACT), (report.margin, WRAP_MARGIN)):
            tallies["boxes"].add(m.line_count(para, width - 14.4, para.size_pt, margin), drawn)
    outline = folder / "corpus.yaml"
    outline.write_text(
        yaml.safe_dump(_outline(rng, vocabulary), allow_unicode=True, width=1000), encoding="utf-8"
    )
    loaded, source = load_outline(outline)
    rendered = render_fitted(loaded, source, epoch=DEFAULT_EPOCH)
    deck = folder / "corpus.pptx"
    deck.write_bytes(deterministic_bytes(rendered.data, epoch=DEFAULT_EPOCH))
    validate_pptx(boxes, deck)
    _compare_slides(report, rendered.records, deck, read_words(pptx_to_pdf(deck, folder)))
    return report


def _compare_slides(
    report: Report, records: tuple[object, ...], deck: Path, pages: list[list[Word]]
) -> None:
    m = get_measurer()
    slides = Presentation(str(deck)).slides
    for record in records:
        # The slide's index as rendered (continuation slides included).
        number = record.slide  # type: ignore[attr-defined]
        shape = next(
            s for s in slides[number].placeholders if s.placeholder_format.idx == record.idx
        )  # type: ignore[attr-defined]
        measured = record.measured  # type: ignore[attr-defined]
        frame = FrameText(
            number,
            shape.left / 12700,
            shape.top / 12700,
            shape.width / 12700,
            shape.height / 12700,
            tuple(plain_text(p.text) for p in record.paras),  # type: ignore[attr-defined]
            measured.frame.columns,
            measured.frame.column_gap_pt,
            (measured.frame.inset_left_pt, measured.frame.inset_right_pt),
            record.what,
        )  # type: ignore[attr-defined]
        reading = read_frame(frame, pages[number])
        if reading.missing:
            report.outside.append((number + 1, frame.name, reading.missing))
        width = m.column_width_pt(measured.frame)
        for para, drawn in zip(measured.paragraphs, reading.lines, strict=True):
            size = para.size_pt - measured.fit.shrink_pt
            report.exact["slides"].add(m.line_count(para, width, size, EXACT), drawn)
            report.margin["slides"].add(m.line_count(para, width, size, WRAP_MARGIN), drawn)
    for number, page in enumerate(pages, start=1):
        report.overlapping.extend((number, a.text, b.text) for a, b in collisions(page))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return measure(tmp_path_factory.mktemp("accuracy"))


def _combined(tallies: dict[str, Tally]) -> Tally:
    return Tally(
        *(sum(getattr(t, k) for t in tallies.values()) for k in ("agree", "over", "under"))
    )


def test_predicted_line_counts_match_libreoffice_for_98_percent_of_paragraphs(
    report: Report,
) -> None:
    both = _combined(report.exact)
    assert both.total >= BOXES + 400
    assert both.agree / both.total >= 0.98, str(both)
    assert report.exact["slides"].agree / report.exact["slides"].total >= 0.98


def test_the_fitting_margin_never_predicts_too_few_lines(report: Report) -> None:
    # Fitting decisions wrap 0.5% early: a miss may cost a point of size, never an overflow.
    both = _combined(report.margin)
    assert both.under == 0, str(both)
    assert both.agree / both.total >= 0.95, str(both)


def test_no_word_is_drawn_outside_its_frame_or_on_another_word(report: Report) -> None:
    assert report.outside == []
    assert report.overlapping == []


def test_the_probe_finds_text_drawn_outside_its_frame(tmp_path: Path) -> None:
    """The comparison can fail: a box too short for its text is caught, line by line."""
    para = Paragraph((Run(" ".join(["overflowing"] * 12)),), 24)
    cases = [(para, 300.0)]
    path = tmp_path / "short.pptx"
    (frame,) = _box_deck(cases, path)
    short = FrameText(
        frame.slide, frame.left, frame.top, frame.width, 60.0, frame.paragraphs, insets=frame.insets
    )
    validate_pptx(path)
    pages = read_words(pptx_to_pdf(path, tmp_path))
    full, cut = read_frame(frame, pages[0]), read_frame(short, pages[0])
    assert full.missing == 0 and full.lines[0] > 3
    assert cut.missing > 0 and 0 < cut.lines[0] < full.lines[0]


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        figures = measure(Path(scratch))
    for name, tallies in (("exact width", figures.exact), ("fitting margin", figures.margin)):
        print(
            f"{name}: boxes {tallies['boxes']}; slides {tallies['slides']}; "
            f"all {_combined(tallies)}"
        )
    print(f"text outside its frame: {figures.outside}; words overlapping: {figures.overlapping}")
