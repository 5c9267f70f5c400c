"""How well text measurement predicts LibreOffice for Chinese, Japanese, Arabic and Hebrew text.

As tests/test_fit_accuracy.py does for Latin text: (1) single paragraphs in plain text boxes of
random widths, sizes and weights, written as yamldeck writes them (language, right-to-left
paragraphs, script fonts); (2) outlines in Chinese and in Arabic with slides of every text kind,
built by yamldeck. Each paragraph's predicted line count is compared with the lines LibreOffice
drew (pdftotext word boxes). Run this file with python to print the figures quoted in
docs/outline.md.
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
from yamldeck.commands.libreoffice import pptx_to_pdf, read_words
from yamldeck.layout.measure import EXACT, WRAP_MARGIN, Paragraph, get_measurer
from yamldeck.outline.inline import parse_inline, plain_text
from yamldeck.package.archive import DEFAULT_EPOCH, deterministic_bytes
from yamldeck.render.fitted import render_fitted
from yamldeck.render.styles import LevelStyle
from yamldeck.render.writing import (
    add_fonts,
    attributes,
    complex_text,
    east_asian,
    runs_of,
    set_direction,
    writing_for,
)

pytestmark = pytest.mark.usefixtures("needs_libreoffice")

SEED = 20261215
BOXES = 120  # per language
SLIDES = 30  # per outline
LANGUAGES = ("zh-CN", "ja-JP", "ko-KR", "ar", "he-IL", "fa-IR", "ur-PK")
_ZH = (
    "导弹及其技术控制制度 是 三十五个 国家 之间的 非正式 政治 谅解 旨在 防止 能够 运载 大规模 "
    "杀伤性 武器 的 导弹 扩散 侧重于 运载工具 而非 武器 本身 制定 和 实施 出口 管制 准则 技术 附件 "
    "是 该制度 的 重要 支柱 标准 代表了 国际 最佳 做法 对话 与 信息 交流 伙伴国 每年 举行 全体会议 "
    "外联 合作 包括 非成员国 两用 部件 材料 技术 逐案 审批 强烈 推定 拒绝 射程 有效载荷 完整 系统"
).split()
_JA = (
    "ミサイル 技術 管理 レジーム は 大量破壊兵器 を 運搬 可能 な 拡散 防止 目的 とした 非公式 "
    "政治的 了解 そのもの ではなく 運搬手段 に 焦点 を 当てている パートナー 国 "
    "ガイドライン 附属書 "
    "各国 の 輸出管理 を 通じて 実施 する 非加盟国 含む アウトリーチ と 協力 が 重要 である"
).split()
_AR = (
    "نظام مراقبة تكنولوجيا القذائف تفاهم سياسي غير رسمي يهدف إلى منع انتشار القادرة على إيصال "
    "أسلحة الدمار الشامل يركز وسائل الإيصال بدلا من ذاتها وضع ضوابط التصدير وتنفيذها تمثل "
    "المبادئ التوجيهية والملحق التقني ركيزتين أساسيتين للنظام أهمية التوعية والتعاون بما في ذلك "
    "مع الدول الأعضاء الشركاء حالة بحالة الفئة الأولى الثانية منظومات صاروخية كاملة مركبات جوية"
).split()
_HE = (
    "משטר בקרת טכנולוגיית טילים הבנה מדינית בלתי רשמית שמטרתה למנוע הפצה של המסוגלים לשאת נשק "
    "להשמדה המונית מתמקד באמצעי השיגור ולא עצמו חשיבות ההסברה ושיתוף הפעולה כולל עם מדינות "
    "שאינן חברות השותפות מיישמות את ההנחיות ואת הנספח הטכני"
).split()
_FA = (
    "رژیم کنترل فناوری موشکی یک تفاهم سیاسی غیررسمی است که هدف آن جلوگیری از گسترش موشک‌های "
    "قادر به حمل سلاح‌های کشتار جمعی است این رژیم بر وسایل حمل تمرکز دارد نه خود سلاح‌ها"
).split()
_UR = (
    "میزائل ٹیکنالوجی کنٹرول رجیم ایک غیر رسمی سیاسی مفاہمت ہے جس کا مقصد بڑے پیمانے پر تباہی "
    "پھیلانے والے ہتھیار لے جانے کی صلاحیت رکھنے والے میزائلوں کے پھیلاؤ کو روکنا ہے"
).split()
_KO = (
    "미사일 기술 통제 체제는 대량살상무기를 운반할 수 있는 미사일의 확산을 방지하기 위한 "
    "비공식적인 정치적 합의이다 파트너 국가들은 지침과 기술 부속서를 각국의 수출 통제를 통해 "
    "이행한다 비회원국을 포함한 아웃리치와 협력이 중요하다"
).split()
_LATIN = ["MTCR", "1987", "35", "500 kg", "300 km", "UAV", "mtcr.info", "G7", "2016"]


def _phrase(rng: random.Random, language: str, low: int, high: int) -> str:
    """Text of the language's words, its punctuation and some Latin words and numbers."""
    n = rng.randint(low, high)
    if language in ("zh-CN", "ja-JP"):
        words = _ZH if language == "zh-CN" else _JA
        out = ""
        for _ in range(n):
            word = rng.choice(words) if rng.random() > 0.06 else rng.choice(_LATIN)
            kind = rng.random()
            if kind < 0.05:
                word = ("《", "》") if language == "zh-CN" else ("「", "」")
                word = word[0] + rng.choice(words) + word[1]
            elif kind < 0.09:
                word = "（" + word + "）"
            out += word + (rng.choice("，。、；：") if rng.random() < 0.12 else "")
        return out
    words = {"ar": _AR, "he-IL": _HE, "fa-IR": _FA, "ur-PK": _UR, "ko-KR": _KO}[language]
    out_words = [rng.choice(words) if rng.random() > 0.07 else rng.choice(_LATIN)
                 for _ in range(n)]
    comma = "،" if language in ("ar", "fa-IR", "ur-PK") else ","
    return " ".join(w + (comma if rng.random() < 0.08 else "") for w in out_words)


@dataclass
class Tally:
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
        share = self.agree / self.total if self.total else 0.0
        return f"{self.agree}/{self.total} = {share:.1%} (one too many: {self.over}, " \
               f"too few: {self.under})"


@dataclass
class Report:
    exact: dict[str, Tally] = field(default_factory=dict)
    margin: dict[str, Tally] = field(default_factory=dict)
    outside: list[tuple[str, int, str, int]] = field(default_factory=list)
    overlapping: list[tuple[str, int, str, str]] = field(default_factory=list)

    def add(self, name: str, para: Paragraph, width: float, size: float, drawn: int) -> None:
        m = get_measurer()
        self.exact.setdefault(name, Tally()).add(m.line_count(para, width, size, EXACT), drawn)
        self.margin.setdefault(name, Tally()).add(
            m.line_count(para, width, size, WRAP_MARGIN), drawn)


def _box_cases(rng: random.Random) -> list[tuple[str, str, bool, float, float]]:
    """(language, text, bold, size, box width) for every box."""
    m = get_measurer()
    cases: list[tuple[str, str, bool, float, float]] = []
    for language in LANGUAGES:
        found = 0
        while found < BOXES:
            size = rng.choice([12, 14, 16, 18, 20, 24, 28, 32, 40]) + rng.choice([0, 0, 0.5])
            width = rng.uniform(110, 640)
            text, bold = _phrase(rng, language, 1, 40), rng.random() < 0.3
            lines = m.line_count(_paragraph(language, text, bold, size), width - 14.4, size, EXACT)
            if lines * size * 1.2 < 380:  # the box fits on a slide
                cases.append((language, text, bold, size, width))
                found += 1
    return cases


def _paragraph(language: str, text: str, bold: bool, size: float) -> Paragraph:
    writing = writing_for(language, language)
    runs = runs_of(parse_inline(text), writing)
    beyond = complex_text(runs, writing)
    return Paragraph(tuple(r.measured(bold, beyond) for r in runs), size, rtl=writing.rtl)


def _box_deck(cases: list[tuple[str, str, bool, float, float]], path: Path) -> list[FrameText]:
    """One text box per case, written as yamldeck writes text, packed onto slides."""
    m = get_measurer()
    prs = Presentation()
    prs.slide_width, prs.slide_height = Pt(960), Pt(540)
    frames: list[FrameText] = []
    slide, x, y, row = None, 0.0, 0.0, 0.0
    for language, text, bold, size, width in cases:
        para = _paragraph(language, text, bold, size)
        lines = m.line_count(para, width - 14.4, size)
        height = (lines + 2) * size * 1.2 + 7.2
        if slide is None or x + width > 960:
            x, y, row = 0.0, y + row, 0.0
        if slide is None or y + height > 540:
            slide, x, y, row = prs.slides.add_slide(prs.slide_layouts[6]), 0.0, 0.0, 0.0
        box = slide.shapes.add_textbox(Pt(x), Pt(y), Pt(width), Pt(height))
        frame = box.text_frame
        frame.word_wrap, frame.auto_size = True, MSO_AUTO_SIZE.NONE
        _write(frame.paragraphs[0], language, text, bold, size)
        frames.append(FrameText(len(prs.slides) - 1, x, y, width, height,
                                (plain_text(text),), insets=(7.2, 7.2), name=language))
        x, row = x + width, max(row, height)
    prs.save(str(path))
    return frames


def _write(paragraph: object, language: str, text: str, bold: bool, size: float) -> None:
    writing = writing_for(language, language)
    runs = runs_of(parse_inline(text), writing)
    level = LevelStyle(size, 0.0, 0.0, 0.0, 1.0, bold)
    set_direction(paragraph._p, writing, level, east_asian(runs, writing))  # type: ignore[attr-defined]
    for run in runs:
        r = paragraph.add_run()  # type: ignore[attr-defined]
        r.text = run.text
        r.font.size, r.font.name, r.font.bold = Pt(size), "Calibri", bold
        r_pr = r._r.get_or_add_rPr()
        for name, value in attributes(run).items():
            r_pr.set(name, value)
        add_fonts(r_pr, run)


def _bullets(rng: random.Random, language: str, depth: int = 0) -> list[object]:
    items: list[object] = []
    for _ in range(rng.randint(1, 4 if depth == 0 else 2)):
        text = _phrase(rng, language, 2, 20)
        if depth < 2 and rng.random() < 0.3:
            items.append({text: _bullets(rng, language, depth + 1)})
        else:
            items.append(text)
    return items


def _outline(rng: random.Random, language: str) -> dict[str, object]:
    """Slides of the text kinds, in ``language``: bullets, statements, columns, number details
    (set in columns), quotes and sections."""
    slides: list[dict[str, object]] = []
    for _ in range(SLIDES):
        kind, title = rng.random(), _phrase(rng, language, 1, 6)
        if kind < 0.45:
            slides.append({"title": title, "bullets": _bullets(rng, language)})
        elif kind < 0.6:
            slides.append({"title": title, "statement": _phrase(rng, language, 4, 30)})
        elif kind < 0.75:
            slides.append({"title": title, "columns": [
                {"heading": _phrase(rng, language, 1, 3), "text": _phrase(rng, language, 5, 30)},
                {"bullets": _bullets(rng, language, 1)}]})
        elif kind < 0.85:
            details = [_phrase(rng, language, 1, 2) for _ in range(rng.randint(2, 30))]
            slides.append({"title": title, "number": str(rng.randint(1, 999)),
                           "caption": _phrase(rng, language, 2, 10), "details": details})
        elif kind < 0.93:
            slides.append({"title": title, "quote": _phrase(rng, language, 4, 24),
                           "attribution": _phrase(rng, language, 1, 3)})
        else:
            slides.append({"kind": "section", "title": title,
                           "subtitle": _phrase(rng, language, 2, 10)})
    return {"deck": {"title": "Corpus", "language": language, "overflow": "continue"},
            "slides": slides}


def measure(folder: Path) -> Report:
    """Build both corpora, render them with LibreOffice and compare."""
    rng = random.Random(SEED)
    report = Report()
    cases = _box_cases(rng)
    boxes = folder / "boxes.pptx"
    frames = _box_deck(cases, boxes)
    pages = read_words(pptx_to_pdf(boxes, folder))
    for (language, text, bold, size, width), frame in zip(cases, frames, strict=True):
        reading = read_frame(frame, pages[frame.slide])
        if reading.missing:
            report.outside.append((language, frame.slide + 1, "box", reading.missing))
        report.add(f"{language} boxes", _paragraph(language, text, bold, size), width - 14.4,
                   size, reading.lines[0])
    validate_pptx(boxes)
    for language in ("zh-CN", "ar"):
        _slides(report, rng, language, folder)
    return report


def _slides(report: Report, rng: random.Random, language: str, folder: Path) -> None:
    outline = folder / f"corpus-{language}.yaml"
    outline.write_text(yaml.safe_dump(_outline(rng, language), allow_unicode=True, width=1000),
                       encoding="utf-8")
    loaded, source = load_outline(outline)
    rendered = render_fitted(loaded, source, epoch=DEFAULT_EPOCH)
    deck = folder / f"corpus-{language}.pptx"
    deck.write_bytes(deterministic_bytes(rendered.data, epoch=DEFAULT_EPOCH))
    validate_pptx(deck)
    pages = read_words(pptx_to_pdf(deck, folder))
    slides = Presentation(str(deck)).slides
    m = get_measurer()
    for record in rendered.records:
        shape = next(s for s in slides[record.slide].placeholders
                     if s.placeholder_format.idx == record.idx)
        measured = record.measured
        texts = tuple(plain_text(p.text) for p in record.paras)
        frame = FrameText(record.slide, shape.left / 12700, shape.top / 12700,
                          shape.width / 12700, shape.height / 12700,
                          tuple(t for t in texts if t.strip()), measured.frame.columns,
                          measured.frame.column_gap_pt,
                          (measured.frame.inset_left_pt, measured.frame.inset_right_pt),
                          record.what)
        reading = read_frame(frame, pages[record.slide])
        if reading.missing:
            report.outside.append((language, record.slide + 1, record.what, reading.missing))
        width = m.column_width_pt(measured.frame)
        shown = [p for p, t in zip(measured.paragraphs, texts, strict=True) if t.strip()]
        for para, drawn in zip(shown, reading.lines, strict=True):
            size = para.size_pt - measured.fit.shrink_pt
            report.add(f"{language} slides", para, width, size, drawn)
    for number, page in enumerate(pages, start=1):
        report.overlapping.extend((language, number, a.text, b.text) for a, b in collisions(page))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return measure(tmp_path_factory.mktemp("scripts"))


def _all(tallies: dict[str, Tally]) -> Tally:
    return Tally(*(sum(getattr(t, k) for t in tallies.values()) for k in ("agree", "over",
                                                                            "under")))


def test_predicted_line_counts_match_libreoffice_for_east_asian_and_arabic_text(
    report: Report,
) -> None:
    both = _all(report.exact)
    assert both.total >= len(LANGUAGES) * BOXES + 200
    assert both.agree / both.total >= 0.97, str(both)
    for name, tally in report.exact.items():
        assert tally.agree / tally.total >= 0.95, f"{name}: {tally}"


def test_the_fitting_margin_never_predicts_too_few_lines(report: Report) -> None:
    both = _all(report.margin)
    assert both.under == 0, str(both)


def test_every_word_stays_in_its_frame_and_off_the_others(report: Report) -> None:
    assert report.outside == []
    assert report.overlapping == []


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        figures = measure(Path(scratch))
    for kind, tallies in (("exact width", figures.exact), ("fitting margin", figures.margin)):
        for name, tally in sorted(tallies.items()):
            print(f"{kind}: {name}: {tally}")
        print(f"{kind}: all: {_all(tallies)}")
    print(f"text outside its frame: {figures.outside}")
    print(f"words overlapping: {figures.overlapping[:20]} ({len(figures.overlapping)})")
