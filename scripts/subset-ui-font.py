#!/usr/bin/python3
"""Regenerates renderer/src/assets/fonts/NotoSansSC-UI.woff2, the Chinese web font of the screens.

The full Noto Sans SC (build/fonts/NotoSansHans-Regular.otf, 8 MB, kept for the PDF printer) would
make every screen load 8 MB; the screens need far less. The subset holds GB 2312 (6,763 hanzi and
its symbols), ASCII, Latin-1, common punctuation, and every character of the UI catalogs and the
service catalog, so anything the app itself says is in it. Rarer characters (a citizen's name such
as 喆 or 堃) fall back to the system CJK fonts listed in renderer/src/styles/base.css.

Needs fontTools with brotli (Debian: apt-get install -y fonttools python3-brotli). Run from the
repository root after changing the catalogs: /usr/bin/python3 scripts/subset-ui-font.py
"""
import pathlib
import sys

from fontTools import subset

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / 'build' / 'fonts' / 'NotoSansHans-Regular.otf'
TARGET = ROOT / 'renderer' / 'src' / 'assets' / 'fonts' / 'NotoSansSC-UI.woff2'
TEXT_FILES = [
    *sorted((ROOT / 'renderer' / 'src' / 'i18n' / 'locales').glob('*.json')),
    *sorted((ROOT / 'electron' / 'domain' / 'catalog').glob('*.ts')),
]
# Mongolian spacing controls belong to the Mongolian font: taking them from this one would split
# a word's shaping run at a case suffix.
EXCLUDED = {0x202F, 0x180E, 0x180B, 0x180C, 0x180D}


def gb2312() -> set[int]:
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode('gb2312')))
            except UnicodeDecodeError:
                pass
    return chars


def main() -> int:
    codepoints = gb2312()
    codepoints |= set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    codepoints |= set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    for path in TEXT_FILES:
        codepoints |= {ord(c) for c in path.read_text(encoding='utf-8') if ord(c) >= 0x80}
    codepoints = {c for c in codepoints if c not in EXCLUDED and not 0x1800 <= c <= 0x18AF}

    options = subset.Options()
    options.flavor = 'woff2'
    options.layout_features = ['*']
    options.name_IDs = ['*']  # keeps the copyright and OFL licence names
    options.notdef_outline = True
    options.hinting = False  # screens are large and anti-aliased; hints cost a third of the size
    font = subset.load_font(str(SOURCE), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(TARGET), options)
    print(f'{TARGET.relative_to(ROOT)}: {len(codepoints)} code points, {TARGET.stat().st_size} bytes')
    return 0


if __name__ == '__main__':
    sys.exit(main())
