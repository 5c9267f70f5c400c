"""Timelines and processes in Arabic and Chinese: runs in their language with their script's
fonts, paragraphs right to left, diagrams mirrored on a right-to-left slide, and Chinese labels
measured as LibreOffice breaks them (between characters)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import build_outline
from pptx.oxml.ns import qn

pytestmark = pytest.mark.usefixtures("decks_validated")  # every deck left behind is validated

AR_TIMELINE = """\
deck:
  title: تاريخ
  language: ar
slides:
  - kind: timeline
    title: تاريخ نظام MTCR
    events:
      - date: 1987
        label: أنشأته سبعة بلدان
        detail: كندا وفرنسا وألمانيا
      - date: 1992
        label: توسيع المبادئ التوجيهية
      - date: 2016
        label: الهند تصبح الشريك الخامس والثلاثين
"""
ZH_LABEL = "准则扩大到所有大规模杀伤性武器的运载系统"
ZH_TIMELINE = f"""\
deck:
  title: 历史
  language: zh-CN
slides:
  - kind: timeline
    title: MTCR的历史
    events:
      - date: 1987年4月
        label: 由七个国家建立
        detail: 加拿大、法国、德国、意大利、日本、英国和美国
      - date: 1992—1993年
        label: {ZH_LABEL}
        detail: 核武器、化学武器和生物武器
      - date: 2016年
        label: 印度成为第35个伙伴国
"""
AR_PROCESS = """\
deck:
  title: عملية
  language: ar
slides:
  - kind: process
    title: مراحل
    steps:
      - heading: التخطيط
        text: تحديد ما يجب القيام به
      - heading: التقييم
        text: تقييم الطلب
      - heading: الترخيص
        text: إصدار القرار
  - kind: process
    title: دورة
    cycle: true
    steps: [خطط, نفّذ, تحقق, حسّن]
"""


def shapes_of(slide: Any) -> dict[str, Any]:
    (group,) = [s for s in slide.shapes if s.shape_type == 6]  # the diagram's group
    return {s.name: s for s in group.shapes}


def runs(shape: Any) -> list[Any]:
    return shape._element.findall(f".//{qn('a:r')}")


def test_arabic_timeline_runs_right_to_left_in_arabic(tmp_path: Path) -> None:
    (slide,) = build_outline(AR_TIMELINE, tmp_path).prs.slides
    shapes = shapes_of(slide)
    (group,) = [s for s in slide.shapes if s.shape_type == 6]
    descr = group._element.nvGrpSpPr.cNvPr.get("descr")
    assert descr.index("1987") < descr.index("1992") < descr.index("2016")  # in event order
    markers = [shapes[f"Marker {n}"] for n in (1, 2, 3)]
    centres = [m.left + m.width // 2 for m in markers]
    assert centres[0] > centres[1] > centres[2]  # the first event at the right
    labels = [shapes[f"Label {n}"] for n in (1, 2, 3)]
    assert all(lab.left + lab.width // 2 > nxt.left + nxt.width // 2
               for lab, nxt in zip(labels, labels[1:], strict=False))
    label = shapes["Label 1"]
    (run,) = runs(label)
    r_pr = run.find(qn("a:rPr"))
    assert (r_pr.get("lang"), r_pr.get("altLang")) == ("ar", "en-US")
    assert r_pr.find(qn("a:cs")).get("typeface")
    assert r_pr.find(qn("a:ea")) is None
    p_pr = label._element.find(f".//{qn('a:pPr')}")
    assert p_pr.get("rtl") == "1"
    assert p_pr.get("hangingPunct") is None


def test_chinese_timeline_runs_have_east_asian_fonts(tmp_path: Path) -> None:
    (slide,) = build_outline(ZH_TIMELINE, tmp_path).prs.slides
    shapes = shapes_of(slide)
    markers = [shapes[f"Marker {n}"] for n in (1, 2, 3)]
    assert markers[0].left < markers[1].left < markers[2].left  # left to right
    r_pr = runs(shapes["Label 2"])[0].find(qn("a:rPr"))
    assert r_pr.get("lang") == "zh-CN" and r_pr.find(qn("a:ea")).get("typeface")
    p_pr = shapes["Label 2"]._element.find(f".//{qn('a:pPr')}")
    assert (p_pr.get("hangingPunct"), p_pr.get("rtl")) == ("0", None)
    # "1987年4月": the digits in the Chinese run; no Latin word split off in English.
    date_runs = [r.find(qn("a:rPr")).get("lang") for r in runs(shapes["Date 1"])]
    assert date_runs == ["zh-CN"]


def test_arabic_process_chevrons_point_left_and_run_right_to_left(tmp_path: Path) -> None:
    row, loop = build_outline(AR_PROCESS, tmp_path).prs.slides
    shapes = shapes_of(row)
    chevrons = [shapes[f"Step {n}"] for n in (1, 2, 3)]
    assert chevrons[0].left > chevrons[1].left > chevrons[2].left
    assert [c._element.spPr.find(qn("a:xfrm")).get("flipH") for c in chevrons] == ["1"] * 3
    for n, chevron in enumerate(chevrons, 1):
        text = shapes[f"Step {n} text"]
        assert chevron.left < text.left + text.width // 2 < chevron.left + chevron.width
        assert text._element.find(f".//{qn('a:pPr')}").get("rtl") == "1"
    boxes = [shapes_of(loop)[f"Step {n}"] for n in (1, 2, 3, 4)]
    centre = [(b.left + b.width // 2, b.top + b.height // 2) for b in boxes]
    # Counter-clockwise from the top: top, left, bottom, right.
    assert centre[0][1] < centre[1][1] < centre[2][1]
    assert centre[1][0] < centre[0][0] < centre[3][0]


@pytest.mark.usefixtures("needs_libreoffice")
def test_chinese_label_is_measured_as_libreoffice_breaks_it(tmp_path: Path) -> None:
    """The long middle label takes two lines in LibreOffice; its box holds two lines, so the
    detail under it is clear of it."""
    from layout_probe import collisions, deck_frames, read_frame
    from test_templates import soffice

    from yamldeck.commands.libreoffice import read_words

    built = build_outline(ZH_TIMELINE, tmp_path)
    soffice("--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(built.path),
            profile=tmp_path / "lo")
    (page,) = read_words(tmp_path / "pdf" / f"{built.path.stem}.pdf")
    frames = {f.name: f for f in deck_frames(str(built.path))}
    assert read_frame(frames["Label 2"], page).lines == [2]
    label = shapes_of(built.prs.slides[0])["Label 2"]
    size_pt = int(label._element.find(f".//{qn('a:rPr')}").get("sz")) / 100
    assert label.height / 12700 >= 2 * size_pt  # room for two lines, not one
    for name in ("Label 1", "Label 2", "Label 3", "Detail 1", "Detail 2"):
        assert read_frame(frames[name], page).missing == 0, name
    assert collisions(page) == []


FOOT = """\
deck:
  title: مصادر
  language: ar
slides:
  - title: التاريخ
    bullets:
      - أنشأته سبعة بلدان في عام 1987[^1]
      - توسيع المبادئ التوجيهية[^2]
    footnotes:
      - "كندا وفرنسا وألمانيا وإيطاليا واليابان والمملكة المتحدة والولايات المتحدة الأمريكية، \
وهي الدول السبع التي أنشأت النظام في نيسان/أبريل 1987 بهدف الحد من انتشار الصواريخ القادرة \
على إيصال الأسلحة النووية"
      - المبادئ التوجيهية لنظام MTCR، 1993
  - title: 历史
    language: zh-CN
    bullets:
      - 由七个国家建立[^1]
    footnotes:
      - 加拿大、法国、德国、意大利、日本、英国和美国于1987年4月建立了该制度，旨在限制能够运载核武器\
的导弹及其相关技术的扩散，此后准则扩大到所有大规模杀伤性武器的运载系统，包括核武器、化学武器和生物武器
"""


@pytest.mark.usefixtures("needs_libreoffice")
def test_arabic_and_chinese_sources_fit_their_box_as_libreoffice_sets_them(
        tmp_path: Path) -> None:
    """The foot box of an Arabic slide is right-aligned and right to left; Arabic and Chinese
    notes take the lines LibreOffice sets (3 and 2 here), and the box holds them all."""
    from layout_probe import deck_frames, read_frame
    from test_templates import soffice

    from yamldeck.commands.libreoffice import read_words

    built = build_outline(FOOT, tmp_path)
    soffice("--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(built.path),
            profile=tmp_path / "lo")
    pages = read_words(tmp_path / "pdf" / f"{built.path.stem}.pdf")
    feet = [f for f in deck_frames(str(built.path)) if f.name == "Sources and footnotes"]
    assert [read_frame(f, pages[f.slide]).lines for f in feet] == [[2, 1], [2]]
    assert [read_frame(f, pages[f.slide]).missing for f in feet] == [0, 0]
    for slide, lines in zip(built.prs.slides, (3, 2), strict=True):
        (foot,) = [s for s in slide.shapes if s.name == "Sources and footnotes"]
        assert lines * 10 <= foot.height / 12700 < (lines + 1) * 10 * 1.25
    arabic = [s for s in built.prs.slides[0].shapes if s.name == "Sources and footnotes"][0]
    for p in arabic.text_frame.paragraphs:
        assert (p._p.pPr.get("algn"), p._p.pPr.get("rtl")) == ("r", "1")
