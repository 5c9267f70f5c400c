"""A bullets slide: a title and bullet points, each level a paragraph level."""

from __future__ import annotations

from ...outline import model as m
from ...outline.fields import Bullet
from ..context import SlideContext
from ..text import Para


def bullet_paras(bullets: tuple[Bullet, ...], level: int = 0) -> list[Para]:
    paras: list[Para] = []
    for bullet in bullets:
        paras.append(Para(bullet.text, level))
        paras.extend(bullet_paras(bullet.children, level + 1))
    return paras


def render_bullets(ctx: SlideContext, slide: m.BulletsSlide) -> None:
    ctx.fill_title(slide.title)
    ctx.fill(1, bullet_paras(slide.bullets), what="bullets")
