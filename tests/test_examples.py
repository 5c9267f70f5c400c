"""The example translations of the shipped outline (examples/mtcr-*.yaml), built with the CLI.

Each example is built as a user would (``yamldeck build FILE -o DECK``, from another folder), then
reopened with python-pptx. Expectations are written out here (the translated titles, chart
labels and languages) or read from the outlines with yaml.safe_load, never from yamldeck's code.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import (
    REPO,
    SHIPPED_OUTLINE,
    assert_no_traceback,
    copy_shipped,
    link_addresses,
    notes_paragraphs,
    run_cli,
    text_runs_xml,
    title_shape,
    validate_pptx,
)
from pptx import Presentation
from pptx.oxml.ns import qn

EXAMPLES = REPO / "examples"

LANGUAGES = {"ar": "ar", "zh": "zh-CN", "ru": "ru-RU", "fr": "fr-FR", "es": "es-ES"}

# Every slide's title, in order: the deck's title on the title slide, then the agenda and so on.
TITLES = {
    "ar": [
        "نظام مراقبة تكنولوجيا القذائف", "جدول الأعمال", "العضوية في نظام MTCR",
        "تاريخ نظام MTCR",
        "ما هو نظام MTCR؟", "كيف نحقق أهدافنا؟", "التواصل مع الآخرين",
        "مجالات التركيز الحالية", "التحديات", "قيمة نظام MTCR", "الالتزام", "شكراً على وقتكم",
    ],
    "zh": [
        "导弹及其技术控制制度", "议程", "MTCR成员情况", "MTCR的历史",
        "什么是MTCR？", "我们如何实现目标？",
        "与其他方面的接触", "当前工作重点", "挑战", "MTCR的价值", "单方面遵守", "感谢各位拨冗聆听",
    ],
    "ru": [
        "Режим контроля за ракетной технологией", "Повестка дня", "Состав MTCR", "История MTCR",
        "Что такое MTCR?", "Как мы достигаем наших целей?", "Взаимодействие с другими",
        "Текущие приоритеты", "Вызовы", "Значение MTCR", "Присоединение", "Благодарю за внимание",
    ],
    "fr": [
        "Régime de contrôle de la technologie des missiles", "Ordre du jour",
        "Composition du MTCR", "Historique du MTCR", "Qu’est-ce que le MTCR ?",
        "Comment atteignons-nous nos objectifs ?",
        "Dialogue avec les autres", "Priorités actuelles", "Défis", "Valeur ajoutée du MTCR",
        "Adhésion", "Merci de votre attention",
    ],
    "es": [
        "Régimen de Control de Tecnología de Misiles", "Orden del día", "Composición del MTCR",
        "Historia del MTCR",
        "¿Qué es el MTCR?", "¿Cómo alcanzamos nuestros objetivos?",
        "Colaboración con otros actores", "Prioridades actuales", "Retos", "Valor del MTCR",
        "Adhesión", "Gracias por su atención",
    ],
}

# The membership chart: its series name and its categories (the regions), translated.
CHARTS = {
    "ar": ("الشركاء", ["أوروبا", "الأمريكتان", "آسيا والمحيط الهادئ", "أفريقيا"]),
    "zh": ("伙伴国", ["欧洲", "美洲", "亚太", "非洲"]),
    "ru": ("Партнеры", ["Европа", "Америка", "Азия и Тихий океан", "Африка"]),
    "fr": ("Partenaires", ["Europe", "Amériques", "Asie-Pacifique", "Afrique"]),
    "es": ("Socios", ["Europa", "Américas", "Asia-Pacífico", "África"]),
}

CODES = sorted(LANGUAGES)


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def example(code: str) -> Path:
    return EXAMPLES / f"mtcr-{code}.yaml"


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The English deck, built from a copy of the shipped slides.yaml with the CLI."""
    folder = tmp_path_factory.mktemp("english")
    copy_shipped(folder)
    run = run_cli(["build", "slides.yaml"], folder)
    assert run.code == 0, run.err
    validate_pptx(folder / "slides.pptx")
    return Presentation(str(folder / "slides.pptx"))


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every example built with the CLI from an unrelated folder, into that folder."""
    folder = tmp_path_factory.mktemp("examples")
    built = {}
    for code in CODES:
        out = folder / f"mtcr-{code}.pptx"
        run = run_cli(["build", str(example(code)), "-o", str(out)], folder)
        assert_no_traceback(run.err)
        assert run.code == 0, (code, run.err)
        assert re.fullmatch(r"wrote .+ \(12 slides\) in \d+\.\d\d s\n", run.out), run.out
        assert "error" not in run.err, run.err
        validate_pptx(out)
        built[code] = Presentation(str(out))
    return built


def test_every_example_is_here_with_its_language() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("mtcr-*.yaml")) == [
        f"mtcr-{code}.yaml" for code in CODES
    ]
    for code, language in LANGUAGES.items():
        assert load(example(code))["deck"]["language"] == language


@pytest.mark.parametrize("code", CODES)
def test_check_finds_no_errors(code: str, tmp_path: Path) -> None:
    run = run_cli(["check", str(example(code))], tmp_path)
    assert_no_traceback(run.err)
    assert run.code == 0, run.out + run.err
    assert run.out.startswith(f"{example(code)}: ok (12 slides"), run.out
    assert not [line for line in run.err.splitlines() if ": error: " in line], run.err


@pytest.mark.parametrize("code", CODES)
def test_same_slides_kinds_and_keys_as_the_english_outline(code: str) -> None:
    source, translated = load(SHIPPED_OUTLINE), load(example(code))
    assert set(translated) == set(source)
    assert set(translated["deck"]) == set(source["deck"])
    assert len(translated["slides"]) == len(source["slides"])
    for number, (theirs, ours) in enumerate(
        zip(source["slides"], translated["slides"], strict=True), start=1
    ):
        assert ours["kind"] == theirs["kind"], number
        # The agenda names its title: the default, 'Agenda', is English.
        added = {"title"} if ours["kind"] == "agenda" else set()
        assert set(ours) == set(theirs) | added, number
        assert bool(ours.get("notes")) == bool(theirs.get("notes")), number
        for key in ("bullets", "details", "contacts"):
            if key in theirs:
                assert len(ours[key]) == len(theirs[key]), (number, key)
        if "number" in theirs:  # numbers are not translated
            assert ours["number"] == theirs["number"], number
        if "chart" in theirs:  # the same chart, from a translated copy of its CSV
            assert {**ours["chart"], "csv": ""} == {**theirs["chart"], "csv": ""}, number


@pytest.mark.parametrize("code", CODES)
def test_files_named_by_an_example_are_beside_it(code: str) -> None:
    for slide in load(example(code))["slides"]:
        chart = slide.get("chart") or {}
        if "csv" in chart:
            path = (EXAMPLES / chart["csv"]).resolve()
            assert path.is_file() and path.is_relative_to(EXAMPLES), chart["csv"]


@pytest.mark.parametrize("code", CODES)
def test_as_many_slides_as_the_english_deck(code: str, decks: dict[str, Any], english: Any) -> None:
    assert len(decks[code].slides) == len(english.slides) == len(TITLES[code])


@pytest.mark.parametrize("code", CODES)
def test_every_title_is_translated(code: str, decks: dict[str, Any]) -> None:
    titles = [title_shape(slide).text_frame.text for slide in decks[code].slides]
    assert titles == TITLES[code]
    assert decks[code].core_properties.title == TITLES[code][0]


@pytest.mark.parametrize("code", CODES)
def test_notes_wherever_the_english_deck_has_notes(
    code: str, decks: dict[str, Any], english: Any
) -> None:
    outline = load(example(code))
    for number, (ours, theirs, raw) in enumerate(
        zip(decks[code].slides, english.slides, outline["slides"], strict=True), start=1
    ):
        if not (theirs.has_notes_slide and theirs.notes_slide.notes_text_frame.text.strip()):
            continue
        assert ours.has_notes_slide, (code, number)
        got = [p.text for p in ours.notes_slide.notes_text_frame.paragraphs]
        assert got == notes_paragraphs(raw["notes"]), (code, number)
        assert got != [p.text for p in theirs.notes_slide.notes_text_frame.paragraphs]


@pytest.mark.parametrize("code", CODES)
def test_text_runs_carry_the_deck_language(code: str, decks: dict[str, Any]) -> None:
    language = LANGUAGES[code]
    for number, slide in enumerate(decks[code].slides, start=1):
        for element in (slide._element, slide.notes_slide._element):
            runs = text_runs_xml(element)
            assert runs, (code, number)
            for run in runs:
                rpr = run.find(qn("a:rPr"))
                text = run.findtext(qn("a:t"))
                # Latin words inside Arabic, Chinese or Russian text (MTCR, web addresses) are
                # runs in English, so spell-checkers and screen readers take them as such
                latin = code in ("ar", "zh", "ru") and re.search("[A-Za-z]", text)
                latin = latin and not re.search("[\u0400-\u04ff\u0600-\u06ff\u4e00-\u9fff]", text)
                assert rpr is not None and rpr.get("lang") == ("en-US" if latin else language), (
                    code, number, text)
    assert decks[code].core_properties.language == language


@pytest.mark.parametrize("code", CODES)
def test_membership_chart_is_labelled_in_the_language(code: str, decks: dict[str, Any]) -> None:
    charts = [s.chart for s in decks[code].slides[2].shapes if s.has_chart]
    assert len(charts) == 1
    series, regions = CHARTS[code]
    assert [s.name for s in charts[0].series] == [series]
    assert list(charts[0].plots[0].categories) == regions
    # The same numbers as the English chart's CSV, region by region.
    with (REPO / "assets" / "partners-by-region.csv").open(encoding="utf-8") as handle:
        english = [float(row[1]) for row in list(csv.reader(handle))[1:]]
    assert list(charts[0].series[0].values) == english


@pytest.mark.parametrize("code", CODES)
def test_links_and_presenter_are_kept(code: str, decks: dict[str, Any], english: Any) -> None:
    closing, theirs = decks[code].slides[-1], english.slides[-1]
    # a link whose text mixes scripts is written as several runs, each carrying the link
    ours = [a for i, a in enumerate(link_addresses(closing))
            if i == 0 or a != link_addresses(closing)[i - 1]]
    assert ours == link_addresses(theirs)
    assert ours == ["https://twitter.com/mtcr_chair", "https://mtcr.info/"]
    texts = [s.text_frame.text for s in decks[code].slides[0].shapes if s.has_text_frame]
    assert any(t.startswith("Georgina Sargison\n") for t in texts), texts
    assert decks[code].core_properties.author == "Georgina Sargison"


@pytest.mark.usefixtures("needs_libreoffice")
def test_libreoffice_draws_every_word_inside_its_frame_and_none_on_another(
    tmp_path: Path,
) -> None:
    """Each translation as LibreOffice draws it with Debian's Noto fonts: every character of
    every text frame (diagram texts included) inside its box, and no word on top of another."""
    from layout_probe import collisions, deck_frames, read_frame
    from test_templates import soffice

    from yamldeck.commands.libreoffice import read_words

    decks = []
    for code in CODES:
        out = tmp_path / f"mtcr-{code}.pptx"
        assert run_cli(["build", str(example(code)), "-o", str(out)], tmp_path).code == 0
        decks.append(out)
    soffice("--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, decks),
            profile=tmp_path / "lo")
    for deck in decks:
        pages = read_words(tmp_path / "pdf" / f"{deck.stem}.pdf")
        assert len(pages) == 12, deck.name
        frames = deck_frames(str(deck))
        outside = [(f.slide + 1, f.name, read_frame(f, pages[f.slide]).missing) for f in frames]
        assert [o for o in outside if o[2]] == [], f"{deck.name}: text outside its frame"
        overlapping = [(n, a.text, b.text) for n, page in enumerate(pages, start=1)
                       for a, b in collisions(page)]
        assert overlapping == [], deck.name
