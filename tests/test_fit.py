"""Tests for yamldeck.layout.measure: widths, wrapping, heights, columns and the shrink search."""

from __future__ import annotations

import math

import pytest
from PIL import ImageFont

from yamldeck.layout.measure import (
    FONT_DIR,
    LINE_PITCH,
    WRAP_MARGIN,
    Fit,
    Frame,
    Measurer,
    Paragraph,
    Run,
    get_measurer,
)

# The expectations below are computed from the font file directly, not through the Measurer.
_REGULAR = ImageFont.truetype(str(FONT_DIR / "Carlito-Regular.ttf"), 1000)


def _raw_pt(text: str, size: float) -> float:
    return _REGULAR.getlength(text) * size / 1000


def _para(text: str, size: float = 20.0, **kw: float) -> Paragraph:
    return Paragraph((Run(text),), size, **kw)


def test_bundled_fonts_and_licence_are_present() -> None:
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert (FONT_DIR / f"Carlito-{face}.ttf").stat().st_size > 100_000
    licence = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert 'Reserved Font Name "Carlito"' in licence


def test_get_measurer_is_a_singleton() -> None:
    assert get_measurer() is get_measurer()


def test_width_scales_linearly_with_size() -> None:
    m = get_measurer()
    w10 = m.text_width_pt("Quarterly revenue grew", 10)
    assert w10 > 0
    assert m.text_width_pt("Quarterly revenue grew", 20) == pytest.approx(2 * w10)
    assert m.text_width_pt("Quarterly revenue grew", 35) == pytest.approx(3.5 * w10)


def test_width_matches_the_font_file() -> None:
    assert get_measurer().text_width_pt("Hello", 24) == pytest.approx(_raw_pt("Hello", 24))


def test_bold_is_wider_than_regular() -> None:
    m = get_measurer()
    text = "The quick brown fox jumps over the lazy dog"
    assert m.text_width_pt(text, 20, bold=True) > m.text_width_pt(text, 20) * 1.01


def test_short_string_fits_on_one_line() -> None:
    assert get_measurer().line_count(_para("Hello world", 24), 400, 24) == 1


@pytest.mark.parametrize("width", [150.0, 220.0, 300.0, 410.0, 555.0])
def test_long_paragraph_wraps_into_expected_lines(width: float) -> None:
    size, n = 20.0, 57
    word, space = _raw_pt("alpha", size), _raw_pt(" ", size)
    # k words take k*word + (k-1)*space; the measurer keeps a 0.5% safety margin.
    per_line = math.floor((width * WRAP_MARGIN + space) / (word + space))
    assert 2 < per_line < n
    expected = math.ceil(n / per_line)
    assert get_measurer().line_count(_para(" ".join(["alpha"] * n), size), width, size) == expected


def test_line_at_the_wrap_width_is_predicted_to_wrap() -> None:
    text = "alpha beta"
    exact = get_measurer().text_width_pt(text, 20)
    assert get_measurer().line_count(_para(text), exact * 1.001, 20) == 2
    assert get_measurer().line_count(_para(text), exact * 1.01, 20) == 1


def test_over_long_word_breaks_by_characters() -> None:
    size, width = 20.0, 100.0
    per_line = math.floor(width * WRAP_MARGIN / _raw_pt("x", size))
    lines = get_measurer().line_count(_para("x" * 500, size), width, size)
    assert lines == math.ceil(500 / per_line)


def test_over_long_word_in_a_sentence_and_narrow_box() -> None:
    m = get_measurer()
    para = _para("see https://example.org/a/very/long/path/that/never/ends for details")
    assert m.line_count(para, 80, 20) >= 4
    # A box narrower than one character still terminates: one character per line.
    assert m.line_count(_para("abc"), 1, 20) == 3


def test_empty_paragraph_is_one_line() -> None:
    m = get_measurer()
    assert m.line_count(Paragraph((), 20), 200, 20) == 1
    assert m.line_count(_para(""), 200, 20) == 1
    lines, height = m.text_height_pt([Paragraph((), 20)], Frame(200, 100), 0)
    assert lines == 1
    assert height == pytest.approx(LINE_PITCH * 20 + 3.6 + 3.6)


def test_soft_return_breaks_the_line() -> None:
    m = get_measurer()
    assert m.line_count(_para("one\ntwo"), 400, 20) == 2
    assert m.line_count(_para("one\n"), 400, 20) == 2


def test_runs_are_measured_with_their_own_face() -> None:
    m = get_measurer()
    para = Paragraph((Run("Total "), Run("grew", bold=True), Run("fast", italic=True)), 20)
    joined = m.text_width_pt("grew", 20, bold=True) + m.text_width_pt("fast", 20, italic=True)
    whole = m.text_width_pt("Total ", 20) + joined
    # Measured in regular only, the text would be narrower and fit below `whole`.
    assert m.line_count(para, whole / WRAP_MARGIN + 0.01, 20) == 1
    assert m.line_count(para, whole / WRAP_MARGIN - 0.01, 20) == 2
    # "grewfast" has no space between its runs: one word, broken by characters when too wide.
    assert m.line_count(para, joined / WRAP_MARGIN + 0.01, 20) == 2
    assert m.line_count(para, joined / WRAP_MARGIN - 0.01, 20) == 3


def test_indents_change_the_first_line_only_when_positive() -> None:
    m = get_measurer()
    text = "alpha beta gamma"
    exact = m.text_width_pt(text, 20) / WRAP_MARGIN + 0.5
    assert m.line_count(_para(text, indent_pt=-18), exact, 20) == 1
    assert m.line_count(_para(text, indent_pt=18), exact, 20) == 2
    assert m.line_count(_para(text, left_pt=18), exact, 20) == 2
    assert m.line_count(_para(text, left_pt=18), exact + 18, 20) == 1


def test_height_adds_pitch_spacing_and_insets_scaled_by_shrink() -> None:
    m = get_measurer()
    paras = [
        _para("a", 20, space_before_pt=10),
        _para("b", 20, space_before_pt=10, line_spacing=1.5),
    ]
    frame = Frame(400, 300)
    assert m.text_height_pt(paras, frame, 0) == (2, pytest.approx(24 + 10 + 36 + 7.2))
    # At 16 pt everything scales by 0.8; spacing before the first paragraph is never added.
    assert m.text_height_pt(paras, frame, 4) == (2, pytest.approx(0.8 * (24 + 10 + 36) + 7.2))


def test_fit_picks_the_first_whole_point_shrink_that_fits() -> None:
    m = get_measurer()
    paras = [_para("Revenue grew in every region this quarter", 32) for _ in range(4)]
    frame = Frame(400, 200)
    result = m.fit(paras, frame, floor_pt=12)
    assert result.fits
    assert result.shrink_pt > 0
    lines, height = m.text_height_pt(paras, frame, result.shrink_pt)
    assert result == Fit(result.shrink_pt, lines, height, True)
    assert height <= frame.height_pt
    assert m.text_height_pt(paras, frame, result.shrink_pt - 1)[1] > frame.height_pt


def test_fit_reports_overflow_at_the_floor() -> None:
    m = get_measurer()
    paras = [_para("Title", 40), _para(" ".join(["overflowing"] * 80), 24)]
    result = m.fit(paras, Frame(300, 80), floor_pt=14)
    assert not result.fits
    assert result.shrink_pt == 10  # the smallest size (24) reaches the floor (14)
    assert result.height_pt > 80


def test_fit_without_shrink_when_it_already_fits() -> None:
    result = get_measurer().fit([_para("Short", 28)], Frame(400, 100), floor_pt=12)
    assert result == Fit(0, 1, pytest.approx(LINE_PITCH * 28 + 7.2), True)


def test_more_columns_hold_more_lines() -> None:
    m = get_measurer()
    pitch = LINE_PITCH * 20
    frame1 = Frame(600, 10 * pitch + 7.2 + 0.01)
    frame2 = Frame(600, frame1.height_pt, columns=2, column_gap_pt=20)
    twenty = [_para(f"item {i}") for i in range(20)]
    assert m.text_height_pt(twenty[:10], frame1, 0)[1] <= frame1.height_pt
    assert m.text_height_pt(twenty, frame1, 0)[1] > frame1.height_pt
    assert m.text_height_pt(twenty, frame2, 0) == (20, pytest.approx(10 * pitch + 7.2))
    assert m.text_height_pt([*twenty, _para("one more")], frame2, 0)[1] > frame2.height_pt
    assert m.fit(twenty, frame2, 12).shrink_pt == 0
    assert m.fit(twenty, frame1, 12).shrink_pt > 0


def test_a_paragraph_breaks_across_columns() -> None:
    m = get_measurer()
    pitch = LINE_PITCH * 20
    para = _para(" ".join(["alpha"] * 60))
    frame = Frame(2 * 150 + 14.4, 10 * pitch + 7.2 + 0.01, columns=2)
    lines = m.line_count(para, 150, 20)
    assert 10 < lines <= 20
    assert m.text_height_pt([para], frame, 0) == (lines, pytest.approx(10 * pitch + 7.2))


def test_non_positive_size_is_rejected() -> None:
    with pytest.raises(ValueError):
        Measurer().line_count(_para("x"), 100, 0)
