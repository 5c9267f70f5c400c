"""Extract the small font metric files yamldeck measures non-Latin text with (run once, by hand).

LibreOffice draws a deck's Chinese, Japanese and Korean text in Noto Sans CJK, its Arabic in
DejaVu Sans (Urdu in Noto Kufi Arabic) and the spaces, digits and Hebrew around them in Liberation
Sans (Arial's metrics), when the theme names the fonts PowerPoint has (see docs/outline.md).
yamldeck does not bundle those fonts (Noto Sans CJK alone is 40 MB): it bundles what measuring
needs, written by this script into src/yamldeck/fonts/metrics/:

- unicode-scripts.json: the Unicode Script property (from fontTools' copy of the Unicode
  Character Database), as range starts and script codes;
- noto-sans-cjk.json: advance widths of Noto Sans CJK Regular and Bold (1000 units per em), as
  runs of code points with one advance, and the few code points whose width differs by region;
- liberation-sans.json: advance widths of Liberation Sans Regular and Bold (2048 units), and
  the kerning of Hebrew letters;
- dejavu-sans-arabic*.ttf, noto-kufi-arabic*.ttf: the Arabic part of those fonts with every glyph
  outline removed, which HarfBuzz shapes to measure a word's width (cursive forms, ligatures).

Needs fontTools and uharfbuzz, and the Debian packages fonts-noto-cjk, fonts-noto-core,
fonts-dejavu-core and fonts-liberation2. Usage: python scripts/extract_font_metrics.py
"""

from __future__ import annotations

import json
from pathlib import Path

from fontTools import subset
from fontTools import unicodedata as ucd
from fontTools.ttLib import TTCollection, TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

OUT = Path(__file__).resolve().parent.parent / "src" / "yamldeck" / "fonts" / "metrics"
NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-{}.ttc"
LIBERATION = "/usr/share/fonts/truetype/liberation2/LiberationSans-{}.ttf"
ARABIC = {
    "dejavu-sans-arabic": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "dejavu-sans-arabic-bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "noto-kufi-arabic": "/usr/share/fonts/truetype/noto/NotoKufiArabic-Regular.ttf",
    "noto-kufi-arabic-bold": "/usr/share/fonts/truetype/noto/NotoKufiArabic-Bold.ttf",
}
ARABIC_UNICODES = "U+0600-06FF,U+0750-077F,U+0870-08FF,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F"
# LibreOffice sets letters of these blocks in the Latin font (Carlito), never in the CJK one.
LATIN_BLOCKS = ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x370, 0x58F), (0x1E00, 0x1FFF))


def _runs(advances: dict[int, int]) -> list[list[int]]:
    """[start, count, advance] for each run of consecutive code points with one advance."""
    runs: list[list[int]] = []
    for cp in sorted(advances):
        if runs and runs[-1][0] + runs[-1][1] == cp and runs[-1][2] == advances[cp]:
            runs[-1][1] += 1
        else:
            runs.append([cp, 1, advances[cp]])
    return runs


def _advances(font: TTFont, keep: object = None) -> dict[int, int]:
    metrics = font["hmtx"].metrics
    return {
        cp: metrics[glyph][0]
        for cp, glyph in font.getBestCmap().items()
        if keep is None or keep(cp)  # type: ignore[operator]
    }


def _not_latin(cp: int) -> bool:
    return not any(low <= cp <= high for low, high in LATIN_BLOCKS)


def scripts() -> dict[str, object]:
    table = ucd.Scripts
    return {"source": "Unicode Scripts.txt via fontTools", "starts": list(table.RANGES),
            "scripts": list(table.VALUES)}


def noto_cjk() -> dict[str, object]:
    """The Japanese face's advances (what LibreOffice drew for every CJK language here) and
    the regional faces' differences (quotation marks and middle dots are full width)."""
    result: dict[str, object] = {"source": "Noto Sans CJK (fonts-noto-cjk)", "upem": 1000}
    for weight in ("Regular", "Bold"):
        faces = {f["name"].getDebugName(1): f for f in TTCollection(NOTO_CJK.format(weight)).fonts}
        base = _advances(faces["Noto Sans CJK JP"], _not_latin)
        result[weight.lower()] = _runs(base)
        regional = {}
        for region, name in (("Hans", "SC"), ("Hant", "TC"), ("Hang", "KR")):
            other = _advances(faces[f"Noto Sans CJK {name}"], _not_latin)
            regional[region] = {str(cp): adv for cp, adv in other.items() if base.get(cp) != adv}
        result[weight.lower() + "-regional"] = regional
    return result


def liberation() -> dict[str, object]:
    """Advances, and the kerning pairs of Hebrew letters and the punctuation beside them (what
    HarfBuzz applies in LibreOffice: half a per cent of a Hebrew line)."""
    import uharfbuzz

    result: dict[str, object] = {"source": "Liberation Sans 2 (fonts-liberation2)", "upem": 2048}
    chars = [chr(c) for c in range(0x5D0, 0x5EB)] + list(" .,:;!?'\"()-0123456789")
    for weight in ("Regular", "Bold"):
        path = LIBERATION.format(weight)
        advances = _advances(TTFont(path), _not_latin)
        result[weight.lower()] = _runs(advances)
        font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(path)))
        kerning = {}
        for a in chars:
            for b in chars:
                buffer = uharfbuzz.Buffer()
                buffer.add_str(a + b)
                buffer.guess_segment_properties()
                uharfbuzz.shape(font, buffer, {})
                shaped = sum(p.x_advance for p in buffer.glyph_positions)
                delta = shaped - advances[ord(a)] - advances[ord(b)]
                if delta:
                    kerning[a + b] = delta
        result[weight.lower() + "-kerning"] = kerning
    return result


def arabic_subset(source: str, target: Path) -> None:
    """The Arabic glyphs and their OpenType layout, without outlines (widths only)."""
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.hinting = False
    options.notdef_outline = False
    options.drop_tables += ["FFTM", "DSIG", "kern"]
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(ARABIC_UNICODES))
    subsetter.subset(font)
    glyf = font["glyf"]
    for name in glyf.keys():  # advances stay in hmtx; outlines go
        glyf[name] = Glyph()
    font.save(str(target))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in (("unicode-scripts", scripts()), ("noto-sans-cjk", noto_cjk()),
                       ("liberation-sans", liberation())):
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=True)
        (OUT / f"{name}.json").write_text(text + "\n", encoding="ascii")
    for name, source in ARABIC.items():
        arabic_subset(source, OUT / f"{name}.ttf")
    for path in sorted(OUT.iterdir()):
        print(f"{path.name}: {path.stat().st_size / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
