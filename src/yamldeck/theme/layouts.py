"""The built-in theme's layouts: which slide kinds use them, and where each placeholder sits."""

from __future__ import annotations

from .drawing import (
    BODY_BOX,
    COLUMN_W,
    GUTTER,
    MARGIN,
    SLIDE_W,
    Box,
    _content_frame,
    _dark_opening,
    _footer_shapes,
    _layout,
    _level,
    _line,
    _placeholder,
    _plain,
    _rect,
)
from .spec import ThemeSpec, inches

LAYOUT_NAMES = {
    "title": "Title Slide",
    "bullets": "Title and Content",
    "section": "Section Header",
    "columns": "Two Content",
    "comparison": "Comparison",
    "statement": "Statement",
    "number": "Big Number",
    "closing": "Closing",
    "picture": "Picture",
    "quote": "Quote",
    "number_chart": "Big Number and Chart",
    # Kinds drawn into the frames of layouts above (as PowerPoint puts tables, charts and
    # pictures into content placeholders).
    "picture_text": "Two Content",
    "table": "Title and Content",
    "chart": "Title and Content",
    "agenda": "Title and Content",
}


def _layouts(spec: ThemeSpec) -> dict[str, str]:
    left = Box(MARGIN, BODY_BOX.y, COLUMN_W, BODY_BOX.h)
    right = Box(MARGIN + COLUMN_W + GUTTER, BODY_BOX.y, COLUMN_W, BODY_BOX.h)
    head_h = inches(0.6)
    body_ph = '<p:ph idx="1"/>'
    wide = inches(11.5)
    xml = {}
    xml["title"] = _layout(
        LAYOUT_NAMES["title"],
        "title",
        _dark_opening(spec, Box(inches(0.9), inches(1.5), wide, inches(2.3)), 3.95, 44)
        + _placeholder(
            4,
            "Subtitle",
            '<p:ph type="subTitle" idx="1"/>',
            Box(inches(0.9), inches(4.2), wide, inches(0.75)),
            lst=_plain(24, spec.on_dark_muted),
            prompt="Click to edit subtitle",
        )
        + _placeholder(
            5,
            "Presenter",
            '<p:ph type="body" sz="quarter" idx="13"/>',
            Box(inches(0.9), inches(5.05), wide, inches(1.3)),
            lst=_plain(18, spec.on_dark),
            prompt="Presenter",
        ),
        background=spec.primary,
    )
    xml["bullets"] = _layout(
        LAYOUT_NAMES["bullets"],
        "obj",
        _content_frame(spec)
        + _placeholder(4, "Content", body_ph, BODY_BOX)
        + _footer_shapes(spec, 5),
    )
    xml["section"] = _layout(
        LAYOUT_NAMES["section"],
        "secHead",
        _dark_opening(spec, Box(inches(0.9), inches(1.9), wide, inches(2.0)), 4.05, 40)
        + _placeholder(
            4,
            "Section subtitle",
            '<p:ph type="body" idx="1"/>',
            Box(inches(0.9), inches(4.3), wide, inches(1.2)),
            lst=_plain(22, spec.on_dark_muted),
            prompt="Click to edit subtitle",
        ),
        background=spec.primary,
    )
    xml["columns"] = _layout(
        LAYOUT_NAMES["columns"],
        "twoObj",
        _content_frame(spec)
        + _placeholder(4, "Left content", '<p:ph sz="half" idx="1"/>', left)
        + _placeholder(5, "Right content", '<p:ph sz="half" idx="2"/>', right)
        + _footer_shapes(spec, 6),
    )
    heading = _plain(22, spec.primary, bold=True)
    below = Box(0, BODY_BOX.y + head_h + inches(0.1), COLUMN_W, BODY_BOX.h - head_h - inches(0.1))
    xml["comparison"] = _layout(
        LAYOUT_NAMES["comparison"],
        "twoTxTwoObj",
        _content_frame(spec)
        + _placeholder(
            4,
            "Left heading",
            '<p:ph type="body" sz="quarter" idx="3"/>',
            Box(left.x, left.y, COLUMN_W, head_h),
            lst=heading,
            anchor="b",
        )
        + _placeholder(
            5,
            "Left content",
            '<p:ph sz="quarter" idx="1"/>',
            Box(left.x, below.y, COLUMN_W, below.h),
        )
        + _placeholder(
            6,
            "Right heading",
            '<p:ph type="body" sz="quarter" idx="4"/>',
            Box(right.x, right.y, COLUMN_W, head_h),
            lst=heading,
            anchor="b",
        )
        + _placeholder(
            7,
            "Right content",
            '<p:ph sz="quarter" idx="2"/>',
            Box(right.x, below.y, COLUMN_W, below.h),
        )
        + _footer_shapes(spec, 8),
    )
    xml["statement"] = _layout(
        LAYOUT_NAMES["statement"],
        "obj",
        _content_frame(spec)
        + _rect(
            4,
            "Statement bar",
            Box(inches(0.9), inches(2.35), inches(0.09), inches(3.4)),
            spec.accent,
        )
        + _placeholder(
            5,
            "Statement",
            '<p:ph type="body" idx="1"/>',
            Box(inches(1.3), inches(2.05), inches(10.6), inches(4.0)),
            lst=_plain(36, spec.primary, line=100),
            anchor="ctr",
            prompt="Click to edit statement",
        )
        + _footer_shapes(spec, 6),
    )
    number_w = inches(4.3)
    details_x = MARGIN + number_w + inches(0.6)
    xml["number"] = _layout(
        LAYOUT_NAMES["number"],
        "obj",
        _content_frame(spec)
        + _placeholder(
            4,
            "Number",
            '<p:ph type="body" sz="quarter" idx="1"/>',
            Box(MARGIN, inches(1.75), number_w, inches(2.55)),
            lst=_plain(138, spec.accent, bold=True, line=90, face="+mj-lt"),
            anchor="b",
            prompt="00",
        )
        + _placeholder(
            5,
            "Caption",
            '<p:ph type="body" sz="quarter" idx="2"/>',
            Box(MARGIN, inches(4.35), number_w, inches(2.2)),
            lst=_plain(24, spec.text),
            prompt="Caption",
        )
        + _line(
            6, "Divider", Box(details_x - inches(0.3), inches(1.95), 0, inches(4.55)), spec.hairline
        )
        + _placeholder(
            7,
            "Details",
            '<p:ph type="body" sz="half" idx="3"/>',
            Box(details_x, inches(1.85), SLIDE_W - MARGIN - details_x, inches(4.75)),
            lst=_plain(20, spec.text, before=0, line=100),
            prompt="Details",
        )
        + _footer_shapes(spec, 8),
    )
    xml["closing"] = _layout(
        LAYOUT_NAMES["closing"],
        "cust",
        _dark_opening(spec, Box(inches(0.9), inches(1.3), wide, inches(2.5)), 3.95, 44)
        + _placeholder(
            4,
            "Closing subtitle",
            '<p:ph type="body" sz="quarter" idx="13"/>',
            Box(inches(0.9), inches(4.2), wide, inches(0.7)),
            lst=_plain(24, spec.on_dark_muted),
            prompt="Click to edit subtitle",
        )
        + _placeholder(
            5,
            "Contacts",
            '<p:ph type="body" idx="1"/>',
            Box(inches(0.9), inches(4.95), wide, inches(1.7)),
            lst=_plain(22, spec.on_dark, before=6),
            prompt="Contacts",
        ),
        background=spec.primary,
    )
    return {LAYOUT_NAMES[k]: v for k, v in xml.items()}


def _rich_layouts(spec: ThemeSpec) -> dict[str, str]:
    """Layouts for pictures, quotes, and a big number with a chart."""
    frame, xml = _content_frame(spec), {}
    picture = _placeholder(4, "Picture", '<p:ph type="pic" idx="1"/>', BODY_BOX, prompt="Picture")
    xml["picture"] = _layout(
        LAYOUT_NAMES["picture"], "obj", frame + picture + _footer_shapes(spec, 5)
    )
    # The quote is level 1 of the body; its attribution is level 2, smaller and muted.
    levels = (
        _level(1, 32, spec.primary)
        + _level(2, 20, spec.muted, before=18)
        + "".join(_level(i, 20, spec.muted) for i in range(3, 10))
    )
    bar = _rect(
        4, "Quote bar", Box(inches(0.9), inches(2.35), inches(0.09), inches(3.4)), spec.accent
    )
    quote = _placeholder(
        5,
        "Quote",
        '<p:ph type="body" idx="1"/>',
        Box(inches(1.3), inches(2.05), inches(10.6), inches(4.0)),
        lst=levels,
        anchor="ctr",
        prompt="Click to edit the quote",
    )
    xml["quote"] = _layout(
        LAYOUT_NAMES["quote"], "obj", frame + bar + quote + _footer_shapes(spec, 6)
    )
    xml["number_chart"] = _layout(
        LAYOUT_NAMES["number_chart"],
        "obj",
        frame + _number_chart_shapes(spec) + _footer_shapes(spec, 9),
    )
    return {LAYOUT_NAMES[k]: v for k, v in xml.items()}


def _number_chart_shapes(spec: ThemeSpec) -> str:
    """Big Number's column, shortened to make room for a chart under the number and caption."""
    number_w = inches(4.3)
    details_x = MARGIN + number_w + inches(0.6)
    number = _plain(96, spec.accent, bold=True, line=90, face="+mj-lt")
    return (
        _placeholder(
            4,
            "Number",
            '<p:ph type="body" sz="quarter" idx="1"/>',
            Box(MARGIN, inches(1.7), number_w, inches(1.55)),
            lst=number,
            anchor="b",
            prompt="00",
        )
        + _placeholder(
            5,
            "Caption",
            '<p:ph type="body" sz="quarter" idx="2"/>',
            Box(MARGIN, inches(3.25), number_w, inches(0.8)),
            lst=_plain(20, spec.text),
            prompt="Caption",
        )
        + _placeholder(
            6,
            "Chart",
            '<p:ph type="chart" sz="quarter" idx="4"/>',
            Box(MARGIN, inches(4.2), number_w, inches(2.45)),
            prompt="Chart",
        )
        + _line(
            7, "Divider", Box(details_x - inches(0.3), inches(1.95), 0, inches(4.55)), spec.hairline
        )
        + _placeholder(
            8,
            "Details",
            '<p:ph type="body" sz="half" idx="3"/>',
            Box(details_x, inches(1.85), SLIDE_W - MARGIN - details_x, inches(4.75)),
            lst=_plain(20, spec.text, before=0, line=100),
            prompt="Details",
        )
    )
