"""A picture slide: the picture fitted to its frame, or beside bullets, with its caption."""

from __future__ import annotations

from ...outline import model as m
from ..context import SlideContext
from ..pictures import place_picture
from .bullets import bullet_paras


def render_picture(ctx: SlideContext, slide: m.PictureSlide) -> None:
    ctx.fill_title(slide.title)
    picture = ctx.assets.pictures[slide.image]
    options = {
        "alt": slide.alt,
        "decorative": slide.decorative,
        "fit": slide.fit,
        "caption": slide.caption,
    }
    if slide.bullets:
        # 'side' is where the picture is seen (frame 1 is on the right of mirrored layouts)
        text_idx, picture_idx = (1, 2) if (slide.side == "right") != ctx.mirrored else (2, 1)
        ctx.fill(text_idx, bullet_paras(slide.bullets), what="bullets")
        area = ctx.box(picture_idx)
        middle = False  # level with the top of the text beside it
    else:
        area, middle = ctx.box(1), True
    if area is not None:
        place_picture(ctx, area, picture, middle=middle, **options)
