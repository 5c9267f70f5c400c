"""Decks in other languages: right-to-left Arabic and Hebrew, East Asian Chinese and Japanese.

The outlines under tests/data/languages/ are short translations of the MTCR briefing. Each deck is
built, reopened with python-pptx and its XML read as a viewer would: the language of every run,
the direction and alignment of paragraphs, the script fonts, the theme's per-script fonts, tables
and charts that run right to left. LibreOffice draws the Arabic and Chinese decks with every word
inside its frame.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from helpers import build_file, build_outline
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from test_render_fits import assert_drawn_inside_frames

from yamldeck.cli import main
from yamldeck.layout.breaking import soft_lines
from yamldeck.layout.measure import Run, get_measurer
from yamldeck.layout.metrics import arabic_width

DATA = Path(__file__).parent / "data" / "languages"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def built(name: str, folder: Path) -> Any:
    target = folder / name
    shutil.copyfile(DATA / name, target)
    return build_file(target)


def paragraphs(shape: Any) -> list[Any]:
    return [p for p in shape._element.iter(qn("a:p")) if p.find(qn("a:r")) is not None]


def runs(element: Any) -> list[Any]:
    return list(element.iter(qn("a:r")))


def text_of(r: Any) -> str:
    return r.find(qn("a:t")).text


def rpr(r: Any) -> Any:
    return r.find(qn("a:rPr"))


def typeface(r: Any, slot: str) -> str | None:
    found = rpr(r).find(qn(f"a:{slot}"))
    return None if found is None else found.get("typeface")


def shape_named(slide: Any, idx: int) -> Any:
    return next(s for s in slide.placeholders if s.placeholder_format.idx == idx)


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return built("briefing-ar.yaml", tmp_path_factory.mktemp("ar"))


@pytest.fixture(scope="module")
def chinese(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return built("briefing-zh.yaml", tmp_path_factory.mktemp("zh"))


def test_arabic_paragraphs_run_right_to_left_aligned_right(arabic: Any) -> None:
    checked = 0
    for slide in arabic.prs.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for p in paragraphs(shape):
                p_pr = p.find(qn("a:pPr"))
                if p_pr.get("rtl") == "0":  # a list in columns: see the test below
                    assert p_pr.get("algn") == "r"
                    continue
                assert p_pr.get("rtl") == "1", shape.name
                assert p_pr.get("algn") in ("r", "ctr"), shape.name
                checked += 1
    assert checked > 40


def test_arabic_runs_carry_their_language_and_the_arabic_font(arabic: Any) -> None:
    title = shape_named(arabic.prs.slides[5], 0)  # 'ما هو نظام MTCR؟'
    found = [(text_of(r), rpr(r).get("lang"), rpr(r).get("altLang"), typeface(r, "cs"))
             for r in runs(title._element)]
    assert found == [
        ("ما هو نظام ", "ar", "en-US", "Arial"),
        ("MTCR", "en-US", None, None),  # Latin letters in Arabic text: English, Latin font
        ("؟", "ar", "en-US", "Arial"),
    ]
    # A phrase marked in the outline, [MTCR]{lang=en}, keeps its own language
    presenter = shape_named(arabic.prs.slides[0], 13)
    assert [(text_of(r), rpr(r).get("lang")) for r in runs(presenter._element)][-1] == (
        "MTCR", "en")


def test_the_theme_names_fonts_for_each_script_and_is_mirrored(arabic: Any) -> None:
    with zipfile.ZipFile(arabic.path) as package:
        theme = etree.fromstring(package.read("ppt/theme/theme1.xml"))
        master = etree.fromstring(package.read("ppt/slideMasters/slideMaster1.xml"))
    minor = theme.find(f".//{qn('a:minorFont')}")
    assert minor.find(qn("a:latin")).get("typeface") == "Calibri"
    assert minor.find(qn("a:cs")).get("typeface") == "Arial"
    scripts = {f.get("script"): f.get("typeface") for f in minor.findall(qn("a:font"))}
    assert scripts == {"Hans": "Microsoft YaHei", "Hant": "Microsoft JhengHei",
                       "Jpan": "Yu Gothic", "Hang": "Malgun Gothic", "Arab": "Arial",
                       "Hebr": "Arial"}
    body = master.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}/{qn('a:lvl1pPr')}")
    assert (body.get("rtl"), body.get("algn")) == ("1", "r")
    # The slide number moves to the left edge, the footer to the right
    width = arabic.prs.slide_width
    boxes = {ph.placeholder_format.type: ph for ph in arabic.prs.slide_masters[0].placeholders}
    number = next(ph for t, ph in boxes.items() if "SLIDE_NUMBER" in str(t))
    footer = next(ph for t, ph in boxes.items() if "FOOTER" in str(t))
    assert number.left < width / 4 and footer.left + footer.width > width * 3 / 4


def test_a_right_to_left_table_and_charts(arabic: Any) -> None:
    table_slide = arabic.prs.slides[8]
    frame = next(s for s in table_slide.shapes if s.has_table)
    tbl = frame._element.find(f".//{qn('a:tbl')}")
    assert tbl.find(qn("a:tblPr")).get("rtl") == "1"
    cells = [p.find(qn("a:pPr")) for p in tbl.iter(qn("a:p"))]
    assert all(p.get("rtl") == "1" for p in cells)
    charts = [s.chart_part._element for slide in arabic.prs.slides for s in slide.shapes
              if s.has_chart]
    bar, column = charts
    assert bar.find(f"{C}lang").get("val") == column.find(f"{C}lang").get("val") == "ar"
    # Columns: the first category on the right; bars: growing from the right
    assert column.find(f".//{C}catAx/{C}scaling/{C}orientation").get("val") == "maxMin"
    assert bar.find(f".//{C}valAx/{C}scaling/{C}orientation").get("val") == "maxMin"


def test_columns_start_on_the_right_and_a_long_list_reads_from_the_right(arabic: Any) -> None:
    columns = arabic.prs.slides[6]
    first, second = shape_named(columns, 1), shape_named(columns, 2)
    assert first.left > second.left  # the first column of the outline, on the right
    assert "وضع ضوابط التصدير" in first.text_frame.text
    details = shape_named(arabic.prs.slides[3], 3)
    body_pr = details._element.find(f".//{qn('a:bodyPr')}")
    assert (body_pr.get("numCol"), body_pr.get("rtlCol")) == ("3", "0")
    texts = [p.text for p in details.text_frame.paragraphs]
    # 35 names in three columns of 12: the last column's 11 (and an empty line) come first, so
    # the first name heads the right-hand column
    assert (texts[0], texts[10], texts[11], texts[12], texts[24]) == (
        "البرتغال", "الولايات المتحدة", "", "اليونان", "الأرجنتين")


def test_notes_and_footer_follow_the_language(arabic: Any) -> None:
    notes = arabic.prs.slides[0].notes_slide.notes_text_frame
    assert all(p._p.find(qn("a:pPr")).get("rtl") == "1" for p in notes.paragraphs)
    assert {rpr(r).get("lang") for r in runs(notes._txBody)} == {"ar"}
    footer = next(s for s in arabic.prs.slides[1].shapes if s.name.startswith("Footer"))
    (p,) = paragraphs(footer)
    assert p.find(qn("a:pPr")).get("rtl") == "1"


def test_chinese_runs_carry_the_east_asian_font_and_do_not_hang_punctuation(chinese: Any) -> None:
    bullets = shape_named(chinese.prs.slides[5], 1)
    first = paragraphs(bullets)[0]
    assert first.find(qn("a:pPr")).get("hangingPunct") == "0"
    (r,) = runs(first)
    assert (rpr(r).get("lang"), rpr(r).get("altLang"), typeface(r, "ea")) == (
        "zh-CN", "en-US", "Microsoft YaHei")
    affiliation = [(text_of(r), rpr(r).get("lang")) for r in
                   runs(shape_named(chinese.prs.slides[0], 13)._element)]
    assert ("MTCR", "en-US") in affiliation
    with zipfile.ZipFile(chinese.path) as package:
        theme = etree.fromstring(package.read("ppt/theme/theme1.xml"))
    assert theme.find(f".//{qn('a:minorFont')}/{qn('a:ea')}").get("typeface") == "Microsoft YaHei"
    # Notes written over several lines are joined without spaces between Chinese characters
    notes = chinese.prs.slides[0].notes_slide.notes_text_frame.text
    assert "机会，今天" in notes and " " not in notes


def test_japanese_and_hebrew_decks(tmp_path: Path) -> None:
    japanese = built("briefing-ja.yaml", tmp_path)
    r = runs(shape_named(japanese.prs.slides[1], 1)._element)[0]
    assert (rpr(r).get("lang"), typeface(r, "ea")) == ("ja-JP", "Yu Gothic")
    quote_free = japanese.prs.slides[2]
    assert shape_named(quote_free, 1).text_frame.text.startswith("非加盟国")
    hebrew = built("briefing-he.yaml", tmp_path)
    title = shape_named(hebrew.prs.slides[1], 0)
    assert paragraphs(title)[0].find(qn("a:pPr")).get("rtl") == "1"
    assert [typeface(r, "cs") for r in runs(title._element)][0] == "Arial"


def test_a_templates_fonts_for_a_script_are_used(tmp_path: Path) -> None:
    # python-pptx's own template names a font per script, as Office's themes do (宋体 for
    # simplified Chinese) and none in its East Asian slot
    Presentation().save(str(tmp_path / "office.pptx"))
    deck = build_outline(
        "deck:\n  title: 导弹及其技术控制制度\n  language: zh-CN\n  template: office.pptx\n"
        "slides:\n  - title: 什么是导弹及其技术控制制度？\n    bullets:\n"
        "      - 旨在防止导弹扩散的非正式政治谅解\n", tmp_path)
    slide = deck.prs.slides[0]
    faces = {typeface(r, "ea") for shape in slide.shapes for r in runs(shape._element)}
    assert faces == {"宋体"}


def test_an_english_deck_with_an_arabic_slide_and_a_french_phrase(tmp_path: Path) -> None:
    deck = build_outline(
        "deck:\n  title: Briefing\n  language: en-NZ\nslides:\n"
        "  - title: Why it matters\n    bullets:\n"
        "      - The Regime's motto is [non-prolifération]{lang=fr-FR}\n"
        "  - title: لماذا يهم\n    language: ar\n    bullets:\n      - نظام MTCR منذ 1987\n"
        "  - title: Two sides\n    language: ar\n    columns:\n"
        "      - text: الأول\n      - text: الثاني\n",
        tmp_path,
    )
    english, arabic, sides = deck.prs.slides
    body = shape_named(english, 1)
    assert [(text_of(r), rpr(r).get("lang")) for r in runs(body._element)] == [
        ("The Regime's motto is ", "en-NZ"), ("non-prolifération", "fr-FR")]
    assert paragraphs(body)[0].find(qn("a:pPr")) is None  # as English text always was
    p = paragraphs(shape_named(arabic, 1))[0]
    assert (p.find(qn("a:pPr")).get("rtl"), p.find(qn("a:pPr")).get("algn")) == ("1", "r")
    # Latin words on an Arabic slide of an English deck are in the deck's English
    assert [rpr(r).get("lang") for r in runs(p)] == ["ar", "en-NZ", "ar"]
    # The first column of a right-to-left slide sits on the right of a left-to-right layout
    assert shape_named(sides, 1).text_frame.text == "الثاني"
    assert shape_named(sides, 2).text_frame.text == "الأول"


def test_check_warns_about_scripts_the_language_does_not_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = tmp_path / "talk.yaml"
    outline.write_text(
        "deck:\n  title: Briefing\n  language: en-NZ\nslides:\n"
        "  - title: Names\n    bullets:\n      - In Arabic, نظام مراقبة\n"
        "      - In Thai, ภาษาไทย\n", encoding="utf-8")
    assert main(["check", str(outline)]) == 0
    err = capsys.readouterr().err
    assert (
        f"{outline}:7:9: warning: slide 1 'Names': 'نظام مراقبة' is in Arabic script, but the "
        "text is in 'en-NZ' (Latin): spell-checkers and screen readers take it for that "
        "language and it is laid out as such; give the slide 'language: ar' (or deck: "
        "language:), or mark the phrase as [...]{lang=ar}"
    ) in err
    assert (f"{outline}:8:9: warning: slide 1 'Names': 'ภาษาไทย' is in Thai script, for which the "
            "built-in theme names no font and yamldeck has no metrics") in err


def test_a_phrase_marked_with_no_language_tag_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = tmp_path / "talk.yaml"
    text = ("deck:\n  title: Briefing\n  language: en-NZ\nslides:\n"
            "  - title: Names\n    bullets:\n      - \"[bonjour]{lang=french}\"\n")
    outline.write_text(text, encoding="utf-8")
    assert main(["build", str(outline)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{outline}:7:9: error: slide 1 'Names': marks 'bonjour' as in 'french', which is not a "
        "language tag; write one such as [bonjour]{lang=fr} or [bonjour]{lang=zh-CN}")
    assert not outline.with_suffix(".pptx").exists()
    assert outline.read_text(encoding="utf-8") == text


def test_east_asian_lines_break_between_characters_but_not_before_closing_marks() -> None:
    units = get_measurer()._units
    (line,) = soft_lines((Run("导弹扩散。《准则》MTCR", lang="zh-CN"),), False, units)
    words = ["".join(text for text, _ in pieces) for _, _, pieces in line]
    # '。' stays with the character before it, '《' with the one after, the Latin word whole
    assert words == ["导", "弹", "扩", "散。", "《准", "则》MTCR"]


def test_arabic_words_are_measured_shaped() -> None:
    word = "تكنولوجيا"
    alone = sum(arabic_width(letter, False, "ar") for letter in word)
    shaped = arabic_width(word, False, "ar")
    assert 0.55 * alone < shaped < 0.85 * alone  # joined forms are much narrower


@pytest.mark.usefixtures("needs_libreoffice")
@pytest.mark.parametrize(("name", "font"), [("briefing-ar.yaml", "DejaVuSans"),
                                            ("briefing-zh.yaml", "NotoSansCJK")])
def test_libreoffice_draws_every_word_inside_its_frame(name: str, font: str,
                                                       tmp_path: Path) -> None:
    deck = built(name, tmp_path)
    assert assert_drawn_inside_frames(deck.path, tmp_path) >= 2 * len(deck.prs.slides)
    # ...in a font that has its letters (no empty boxes): the one yamldeck measured it with
    pdf = tmp_path / "pdf" / deck.path.with_suffix(".pdf").name
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    assert font in fonts.stdout
