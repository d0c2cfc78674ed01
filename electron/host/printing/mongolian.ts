import { join } from 'node:path';
import { cjkFont, parsedFont } from './fonts.js';

/**
 * Traditional Mongolian (ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ) on slips: Noto Sans Mongolian (OFL-1.1, from Debian's
 * fonts-noto-core, see build/fonts/README.md). The script is cursive and written top to bottom,
 * columns left to right. fontkit shapes it (its Arabic-type shaper applies the font's
 * init/medi/fina forms, so letters join) along a horizontal line; each column is then turned 90°
 * clockwise, which is how vertical Mongolian is set from a horizontal font. The font has no
 * digits, so digits and Latin in a column are set in the CJK font, turned with the column as
 * Mongolian typesetting does.
 */
export const MONGOLIAN_FONT_FILE = join('build', 'fonts', 'NotoSansMongolian-Regular.ttf');

/** Parsed once per process, as the CJK font is. */
const mongolianFont = () => parsedFont(MONGOLIAN_FONT_FILE);

type Source = PDFKit.Mixins.PDFFontSource;

/** Mongolian letters, its format controls (FVS, MVS) and the narrow no-break space before suffixes. */
const MONGOLIAN = /[\u1800-\u18af\u202f]/;

/** Splits a column into runs set in one font each (a space stays with the run before it). */
export function runs(text: string): { text: string; mongolian: boolean }[] {
  const out: { text: string; mongolian: boolean }[] = [];
  for (const ch of text) {
    const mongolian = ch === ' ' ? (out.at(-1)?.mongolian ?? true) : MONGOLIAN.test(ch);
    const last = out.at(-1);
    if (last && last.mongolian === mongolian) last.text += ch;
    else out.push({ text: ch, mongolian });
  }
  return out;
}

const fontOf = (mongolian: boolean) => (mongolian ? mongolianFont() : cjkFont()) as Source;

/** How long a column is when set (its height on the page once turned). */
function columnLength(doc: PDFKit.PDFDocument, size: number, text: string): number {
  let len = 0;
  for (const r of runs(text)) len += doc.font(fontOf(r.mongolian)).fontSize(size).widthOfString(r.text);
  return len;
}

/** Column pitch: one line of the font plus a little air between columns. */
const pitch = (size: number) => size * 1.6;
const PAD = 6;

export function verticalHeight(doc: PDFKit.PDFDocument, size: number, columns: readonly string[]): number {
  const len = Math.max(0, ...columns.map((c) => columnLength(doc, size, c)));
  doc.font(cjkFont() as Source);
  return len + PAD * 2;
}

/** Draws the columns centred across `width` from the current y; leaves the CJK font selected. */
export function drawVertical(doc: PDFKit.PDFDocument, x: number, width: number, size: number, columns: readonly string[]): void {
  const top = doc.y + PAD;
  const height = verticalHeight(doc, size, columns);
  const left = x + (width - pitch(size) * columns.length) / 2;
  columns.forEach((column, i) => {
    doc.save();
    // After the turn, the line's top faces right: the column's box is [left + i·pitch, +pitch].
    doc.translate(left + (i + 1) * pitch(size) - size * 0.3, top).rotate(90);
    let along = 0;
    for (const r of runs(column)) {
      doc.font(fontOf(r.mongolian)).fontSize(size);
      doc.text(r.text, along, 0, { lineBreak: false, baseline: 'middle' });
      along += doc.widthOfString(r.text);
    }
    doc.restore();
  });
  doc.font(cjkFont() as Source);
  doc.x = x;
  doc.y = top - PAD + height;
}
