"""The built-in theme's layouts as data: the slide kinds each is for, and what it draws where."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .drawing import (
    BODY_BOX,
    COLUMN_W,
    GUTTER,
    MARGIN,
    SLIDE_W,
    Box,
    connector,
    content_frame,
    dark_opening,
    footer_shapes,
    level_style,
    placeholder,
    rect,
    slide_layout,
)
from .spec import ThemeSpec, inches

# A colour of the theme, by its name in ThemeSpec (so deck: theme: overrides reach the layouts).
Colour = Literal[
    "primary", "accent", "text", "muted", "on_dark", "on_dark_muted", "highlight", "hairline"
]


@dataclass(frozen=True)
class TextStyle:
    """How a placeholder's text looks on one list level."""

    size: int  # points
    color: Colour
    bold: bool = False
    before: int = 0  # points of space before each paragraph
    line: int = 100  # line spacing, per cent
    face: str = "+mn-lt"  # the theme's body font; "+mj-lt" is its heading font

    def xml(self, lvl: int, spec: ThemeSpec) -> str:
        return level_style(
            lvl,
            self.size,
            getattr(spec, self.color),
            bold=self.bold,
            before=self.before,
            line=self.line,
            face=self.face,
        )


@dataclass(frozen=True)
class Placeholder:
    """A placeholder; without ``text`` its text looks as the master's body text does."""

    name: str
    idx: int
    box: Box
    type: str | None = None  # None: a content placeholder (text, table, chart or picture)
    sz: str | None = None
    # One style for all nine levels, or one per level from level 1 (the last also styles the
    # levels after it).
    text: TextStyle | tuple[TextStyle, ...] = ()
    anchor: str = "t"
    prompt: str = "Click to edit text"

    def xml(self, shape_id: int, spec: ThemeSpec) -> str:
        kind = f' type="{self.type}"' if self.type else ""
        size = f' sz="{self.sz}"' if self.sz else ""
        ph = f'<p:ph{kind}{size} idx="{self.idx}"/>'
        return placeholder(
            shape_id,
            self.name,
            ph,
            self.box,
            lst=self._list_style(spec),
            anchor=self.anchor,
            prompt=self.prompt,
        )

    def _list_style(self, spec: ThemeSpec) -> str:
        styles = (self.text,) if isinstance(self.text, TextStyle) else self.text
        if not styles:
            return ""
        styles += (styles[-1],) * (9 - len(styles))
        return "".join(style.xml(lvl, spec) for lvl, style in enumerate(styles, 1))


@dataclass(frozen=True)
class Bar:
    """A filled rectangle drawn on the layout."""

    name: str
    box: Box
    color: Colour

    def xml(self, shape_id: int, spec: ThemeSpec) -> str:
        return rect(shape_id, self.name, self.box, getattr(spec, self.color))


@dataclass(frozen=True)
class Rule:
    """A hairline drawn on the layout."""

    name: str
    box: Box
    color: Colour

    def xml(self, shape_id: int, spec: ThemeSpec) -> str:
        return connector(shape_id, self.name, self.box, getattr(spec, self.color))


@dataclass(frozen=True)
class Opening:
    """The frame of a dark slide: where its title sits, the top of the rule under the title in
    inches, and the title's size in points. Dark slides have the primary colour behind them and
    no footer."""

    title: Box
    rule_y: float
    size: int


@dataclass(frozen=True)
class Layout:
    """One layout: a frame (the title and its rule), its own shapes, and on light slides the
    footer. Shapes are numbered in order after the frame's, which are 2 and 3."""

    name: str
    kinds: tuple[str, ...]  # the slide kinds it is for
    type: str  # PowerPoint's type of layout
    shapes: tuple[Placeholder | Bar | Rule, ...]
    opening: Opening | None = None  # None: a light content slide


FIRST_ID = 4  # the first shape after the frame's title (2) and rule (3)
WIDE = inches(11.5)  # text on dark slides
HEAD_H = inches(0.6)  # the headings over Comparison's columns
LEFT = Box(MARGIN, BODY_BOX.y, COLUMN_W, BODY_BOX.h)
RIGHT = Box(MARGIN + COLUMN_W + GUTTER, BODY_BOX.y, COLUMN_W, BODY_BOX.h)
BELOW_Y = BODY_BOX.y + HEAD_H + inches(0.1)  # Comparison's content, under its headings
BELOW_H = BODY_BOX.h - HEAD_H - inches(0.1)
BAR = Box(inches(0.9), inches(2.35), inches(0.09), inches(3.4))  # beside a statement or quote
BARRED = Box(inches(1.3), inches(2.05), inches(10.6), inches(4.0))
NUMBER_W = inches(4.3)  # the big number's column
DETAILS_X = MARGIN + NUMBER_W + inches(0.6)
DIVIDER = Rule("Divider", Box(DETAILS_X - inches(0.3), inches(1.95), 0, inches(4.55)), "hairline")
DETAILS = Placeholder(
    "Details", 3, Box(DETAILS_X, inches(1.85), SLIDE_W - MARGIN - DETAILS_X, inches(4.75)),
    type="body", sz="half", text=TextStyle(20, "text"), prompt="Details",
)
SUBTITLE = "Click to edit subtitle"
HEADING = TextStyle(22, "primary", bold=True)
NUMBER = TextStyle(138, "accent", bold=True, line=90, face="+mj-lt")

# In the order of the template's layouts.
LAYOUTS = (
    Layout("Title Slide", ("title",), "title", opening=Opening(
        Box(inches(0.9), inches(1.5), WIDE, inches(2.3)), 3.95, 44), shapes=(
        Placeholder("Subtitle", 1, Box(inches(0.9), inches(4.2), WIDE, inches(0.75)),
                    type="subTitle", text=TextStyle(24, "on_dark_muted"), prompt=SUBTITLE),
        Placeholder("Presenter", 13, Box(inches(0.9), inches(5.05), WIDE, inches(1.3)),
                    type="body", sz="quarter", text=TextStyle(18, "on_dark"), prompt="Presenter"),
    )),
    # Tables, charts, agendas and diagrams are drawn into its content frame, as PowerPoint puts
    # them into content placeholders.
    Layout("Title and Content", ("bullets", "table", "chart", "agenda", "timeline", "process"),
           "obj", shapes=(
        Placeholder("Content", 1, BODY_BOX),
    )),
    Layout("Section Header", ("section",), "secHead", opening=Opening(
        Box(inches(0.9), inches(1.9), WIDE, inches(2.0)), 4.05, 40), shapes=(
        Placeholder("Section subtitle", 1, Box(inches(0.9), inches(4.3), WIDE, inches(1.2)),
                    type="body", text=TextStyle(22, "on_dark_muted"), prompt=SUBTITLE),
    )),
    Layout("Two Content", ("columns", "picture_text"), "twoObj", shapes=(
        Placeholder("Left content", 1, LEFT, sz="half"),
        Placeholder("Right content", 2, RIGHT, sz="half"),
    )),
    Layout("Comparison", ("comparison",), "twoTxTwoObj", shapes=(
        Placeholder("Left heading", 3, Box(LEFT.x, LEFT.y, COLUMN_W, HEAD_H), type="body",
                    sz="quarter", text=HEADING, anchor="b"),
        Placeholder("Left content", 1, Box(LEFT.x, BELOW_Y, COLUMN_W, BELOW_H), sz="quarter"),
        Placeholder("Right heading", 4, Box(RIGHT.x, RIGHT.y, COLUMN_W, HEAD_H), type="body",
                    sz="quarter", text=HEADING, anchor="b"),
        Placeholder("Right content", 2, Box(RIGHT.x, BELOW_Y, COLUMN_W, BELOW_H), sz="quarter"),
    )),
    Layout("Statement", ("statement",), "obj", shapes=(
        Bar("Statement bar", BAR, "accent"),
        Placeholder("Statement", 1, BARRED, type="body", text=TextStyle(36, "primary"),
                    anchor="ctr", prompt="Click to edit statement"),
    )),
    Layout("Big Number", ("number",), "obj", shapes=(
        Placeholder("Number", 1, Box(MARGIN, inches(1.75), NUMBER_W, inches(2.55)), type="body",
                    sz="quarter", text=NUMBER, anchor="b", prompt="00"),
        Placeholder("Caption", 2, Box(MARGIN, inches(4.35), NUMBER_W, inches(2.2)), type="body",
                    sz="quarter", text=TextStyle(24, "text"), prompt="Caption"),
        DIVIDER,
        DETAILS,
    )),
    Layout("Closing", ("closing",), "cust", opening=Opening(
        Box(inches(0.9), inches(1.3), WIDE, inches(2.5)), 3.95, 44), shapes=(
        Placeholder("Closing subtitle", 13, Box(inches(0.9), inches(4.2), WIDE, inches(0.7)),
                    type="body", sz="quarter", text=TextStyle(24, "on_dark_muted"),
                    prompt=SUBTITLE),
        Placeholder("Contacts", 1, Box(inches(0.9), inches(4.95), WIDE, inches(1.7)),
                    type="body", text=TextStyle(22, "on_dark", before=6), prompt="Contacts"),
    )),
    Layout("Picture", ("picture",), "obj", shapes=(
        Placeholder("Picture", 1, BODY_BOX, type="pic", prompt="Picture"),
    )),
    Layout("Quote", ("quote",), "obj", shapes=(
        Bar("Quote bar", BAR, "accent"),
        # The quote is level 1 of the body; its attribution is level 2, smaller and muted.
        Placeholder("Quote", 1, BARRED, type="body", text=(
            TextStyle(32, "primary"), TextStyle(20, "muted", before=18), TextStyle(20, "muted"),
        ), anchor="ctr", prompt="Click to edit the quote"),
    )),
    # Big Number's column, shortened to make room for a chart under the number and caption.
    Layout("Big Number and Chart", ("number_chart",), "obj", shapes=(
        Placeholder("Number", 1, Box(MARGIN, inches(1.7), NUMBER_W, inches(1.55)), type="body",
                    sz="quarter", text=TextStyle(96, "accent", bold=True, line=90, face="+mj-lt"),
                    anchor="b", prompt="00"),
        Placeholder("Caption", 2, Box(MARGIN, inches(3.25), NUMBER_W, inches(0.8)), type="body",
                    sz="quarter", text=TextStyle(20, "text"), prompt="Caption"),
        Placeholder("Chart", 4, Box(MARGIN, inches(4.2), NUMBER_W, inches(2.45)), type="chart",
                    sz="quarter", prompt="Chart"),
        DIVIDER,
        DETAILS,
    )),
)

# The built-in layout each slide kind uses.
LAYOUT_NAMES = {kind: layout.name for layout in LAYOUTS for kind in layout.kinds}


def layout_xml(layout: Layout, spec: ThemeSpec) -> str:
    """One layout's part: its frame, its shapes, and on light slides the footer."""
    opening = layout.opening
    if opening is None:
        frame = content_frame(spec)
    else:
        frame = dark_opening(spec, opening.title, opening.rule_y, opening.size)
    shapes = "".join(
        shape.xml(shape_id, spec) for shape_id, shape in enumerate(layout.shapes, FIRST_ID)
    )
    if opening is None:
        shapes += footer_shapes(spec, FIRST_ID + len(layout.shapes))
    background = None if opening is None else spec.primary
    return slide_layout(layout.name, layout.type, frame + shapes, background=background)


def layouts_xml(spec: ThemeSpec) -> dict[str, str]:
    """Every layout's part by the layout's name, in the template's order."""
    return {layout.name: layout_xml(layout, spec) for layout in LAYOUTS}
