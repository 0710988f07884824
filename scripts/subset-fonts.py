"""Makes the PDF report's embedded fonts from Liberation Sans: the characters a report can hold
(Latin with its extensions and Vietnamese, Greek, Cyrillic, punctuation, currency, arrows, maths
and shapes), without hinting and with only the kerning table genpdf reads, so each embedded font
is about a quarter of the original.

The SIL Open Font License reserves the name "Liberation" for the original fonts, so the subsets
are renamed "Interview Coach Sans" (the licence stays beside them).

Usage (fonttools from PyPI): python scripts/subset-fonts.py
"""

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "app" / "assets" / "fonts"
FAMILY = "Interview Coach Sans"
UNICODES = (
    "U+0020-007E,U+00A0-024F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2000-206F,"
    "U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+FB01-FB02"
)


def make(style):
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["kern"]
    options.legacy_kern = True
    options.name_IDs = ["*"]
    options.drop_tables += ["DSIG", "FFTM"]
    font = TTFont(FONTS / f"LiberationSans-{style}.ttf")
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    names = font["name"]
    postscript = f"InterviewCoachSans-{style}"
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (3, 4):
            names.setName(f"{FAMILY} {style}", record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(postscript, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 5:
            continue
        elif record.nameID == 0:
            text = record.toUnicode()
            names.setName(
                f"{text} Subset of Liberation Sans, renamed as the SIL Open Font License requires.",
                record.nameID, record.platformID, record.platEncID, record.langID,
            )
    font.save(FONTS / f"{postscript}.ttf")


if __name__ == "__main__":
    for style in ("Regular", "Bold"):
        make(style)
