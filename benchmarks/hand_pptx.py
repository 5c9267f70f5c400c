"""The hand-written python-pptx baseline: the same content and notes, the straightforward way.

Usage: python hand_pptx.py CONTENT.json OUT.pptx (CONTENT.json is written by synth.write_json).
"""

from __future__ import annotations

import json
import sys

from pptx import Presentation
from pptx.util import Inches


def main(content_path: str, out_path: str) -> None:
    with open(content_path, encoding="utf-8") as handle:
        content = json.load(handle)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    title_layout, body_layout = prs.slide_layouts[0], prs.slide_layouts[1]
    for item in content["slides"]:
        if item["kind"] == "title":
            slide = prs.slides.add_slide(title_layout)
            slide.shapes.title.text = item["title"]
            lines = [item["subtitle"]] + [text for text, _ in item["lines"]]
            slide.placeholders[1].text = "\n".join(lines)
        else:
            slide = prs.slides.add_slide(body_layout)
            slide.shapes.title.text = item["title"]
            frame = slide.placeholders[1].text_frame
            for i, (text, level) in enumerate(item["lines"]):
                paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
                paragraph.text = text
                paragraph.level = level
        if item["notes"]:
            slide.notes_slide.notes_text_frame.text = item["notes"]
    prs.save(out_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
