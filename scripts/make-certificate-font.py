#!/usr/bin/python3
"""Makes the font that e-certificates embed: Noto Serif CJK SC, cut down to what Chinese
certificates print, with TrueType outlines.

Run once when the character set changes, with Debian's fonts-noto-cjk and fonttools installed
(apt-get install fonts-noto-cjk fonttools), and commit the result:

    /usr/bin/python3 scripts/make-certificate-font.py

Why each step:
- The subset keeps the 6,763 hanzi of GB 2312 (every character of the national standard for
  names and addresses in everyday use), the hanzi of GBK that names often use beyond it,
  Latin, punctuation and full-width forms. The whole font is 25 MB; the subset is what a
  jar can carry.
- The outlines are converted from CFF (cubic) to TrueType (quadratic): OpenPDF subsets
  TrueType glyf fonts reliably and embeds them as CIDFontType2 (Identity-H, FontFile2), the
  form that poppler, mupdf, PDFBox, Acrobat and PDF/A validators all read.
"""
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

SOURCE = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SC = 2  # the collection's Simplified Chinese face
TARGET = "src/main/resources/org/onestop/certificate/font/NotoSerifCJKsc-Certificate.ttf"


def gb2312():
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def characters(extended):
    chars = set(chr(c) for c in range(0x20, 0x7F))  # ASCII
    chars |= set(chr(c) for c in range(0xA0, 0x180))  # Latin-1 and Latin Extended-A
    chars |= set(chr(c) for c in range(0x2000, 0x2070))  # general punctuation
    chars |= set(chr(c) for c in range(0x3000, 0x3040))  # CJK symbols and punctuation
    chars |= set(chr(c) for c in range(0xFF00, 0xFFF0))  # full-width forms
    chars |= set("№℃™←→↑↓√×÷·")
    chars |= gb2312()
    if extended:
        for high in range(0x81, 0xFF):
            for low in range(0x40, 0xFF):
                try:
                    c = bytes([high, low]).decode("gbk")
                except UnicodeDecodeError:
                    continue
                if 0x4E00 <= ord(c) <= 0x9FFF:
                    chars.add(c)
    return "".join(sorted(chars))


def to_truetype(font):
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    font.sfntVersion = "\x00\x01\x00\x00"


def main():
    extended = "--gb2312-only" not in sys.argv
    target = sys.argv[-1] if sys.argv[-1].endswith(".ttf") else TARGET
    font = TTCollection(SOURCE).fonts[SC]
    options = subset.Options()
    options.layout_features = []  # no OpenType layout: OpenPDF does not shape
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters(extended))
    subsetter.subset(font)
    to_truetype(font)
    font.save(target)
    print(target, len(font.getGlyphOrder()), "glyphs")


if __name__ == "__main__":
    main()
