#!/usr/bin/python3
"""Regenerates the Simplified Chinese font subsets shipped in src/SkillsAcademy.Infrastructure/Pdf/Fonts.

Needs Debian's fonts-noto-cjk and python3-fonttools (apt-get install fonts-noto-cjk python3-fonttools) and runs
with Debian's /usr/bin/python3 (a few minutes per weight). Only needed to regenerate: the build and CI use the
committed .ttf files. See the README.md in that folder for what the subsets hold and why.

The subsets keep only the cmap entries asked for here, so no glyph is shared with a Kangxi radical or CJK
compatibility code point, and their outlines are converted from CFF (cubic) to TrueType (quadratic): Skia
embeds TrueType as a CID font (the renderer subsets it per document with HarfBuzz), which is smaller and
faster to write than the Type 3 fonts it makes from CFF, and extracts exactly. See docs/performance.md.
"""
import os
import pathlib
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

ROOT = pathlib.Path(__file__).resolve().parents[2]
# FONTS_OUT=<folder> writes the fonts elsewhere (to compare before replacing the shipped ones).
OUT = pathlib.Path(os.environ.get("FONTS_OUT", ROOT / "src" / "SkillsAcademy.Infrastructure" / "Pdf" / "Fonts"))
SOURCES = {
    "NotoSansSC-Regular-Han.ttf": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "NotoSansSC-Bold-Han.ttf": "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
}
# Han ideographs: the CJK Unified Ideographs block (U+4E00-U+9FFF, 20,976 of them in the source font: all of GBK's
# hanzi and most of the 通用规范汉字表, so rare name characters such as 堃 犇 喆 昇 玥 珺 垚 赟 旻). Extension A
# (U+3400-U+4DBF, e.g. 䶮) would add 6,582 glyphs and about 2 MB per weight (regular 9.2 MB, over the 8 MB the
# repository allows a weight), so it is left out, like Extensions B and later; those characters draw as a box.
# Not the CJK Compatibility Ideographs or the Kangxi radicals either, see above.
HAN_BLOCKS = [(0x4E00, 0x9FFF)]
FACE = "Noto Sans CJK SC"

# Characters the certificate and learning-record templates draw (kept whatever the blocks above hold).
TEMPLATE_TEXT = (
    "工匠学堂结业证书兹证明身份证号参加课程学习考核合格准予结业特发此证职业工种代码技能等级学时"
    "完成日期发证日期证书编号发证机构扫码验证真伪学习记录学员生成时间事件详情哈希第页共"
    "·•—–…‘’“”《》〈〉「」『』【】〔〕（），。、；：？！￥№℃‰§°±×÷←→↑↓■□▲△◆◇○●★☆"
)


def gb2312_characters():
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def code_points():
    points = set(range(0x20, 0x7F))          # ASCII
    points.update(range(0xA0, 0x100))        # Latin-1 (×, ÷, ·, ©, °, accented names)
    points.update(range(0x2010, 0x2060))     # general punctuation
    points.update(range(0x3000, 0x3040))     # CJK symbols and punctuation
    points.update(range(0xFF01, 0xFF5F))     # full-width forms
    points.update(range(0xFFE0, 0xFFE7))     # full-width signs (￥)
    points.update(ord(c) for c in gb2312_characters())
    for first, last in HAN_BLOCKS:
        points.update(range(first, last + 1))
    points.update(ord(c) for c in TEMPLATE_TEXT)
    return sorted(points)


def to_truetype(font):
    """Replaces the CFF outlines with quadratic TrueType ones (max error 1 unit of 1000)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    font.sfntVersion = "\0\1\0\0"
    font["head"].glyphDataFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and nothing reads them


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    points = code_points()
    hanzi = sum(1 for p in points if any(first <= p <= last for first, last in HAN_BLOCKS))
    print(f"{len(points)} code points asked for, {hanzi} of them Han ideographs")
    for name, source in SOURCES.items():
        collection = TTCollection(source)
        font = next(f for f in collection.fonts if f["name"].getDebugName(1) == FACE)
        options = subset.Options()
        # Horizontal Simplified Chinese only: no locl (JP/KR/TC forms) and no vertical alternates.
        options.layout_features = ["ccmp", "kern", "liga", "calt", "mark", "mkmk"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.hinting = False
        options.drop_tables += ["VORG", "vhea", "vmtx"]  # horizontal text only
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=points)
        subsetter.subset(font)
        print(f"{name}: {len(font.getBestCmap())} code points kept (the others are not in the source font)")
        to_truetype(font)
        target = OUT / name
        font.save(target)
        print(f"{target}: {target.stat().st_size:,} bytes, {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    sys.exit(main())
