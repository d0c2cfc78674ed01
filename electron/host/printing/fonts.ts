import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../../../db/app-root.js';

/**
 * Noto Sans SC (as "Noto Sans Hans", the region subset of Noto Sans CJK, OFL-1.1): full GB 18030
 * BMP coverage (30,888 glyphs, so rare name characters such as 喆 堃 镕 print), Latin included, one
 * 8.4 MB OTF. OTF/CFF is parsed lazily by fontkit; woff/woff2 would be decompressed whole for every
 * document. pdfkit embeds only the glyphs a document uses (a subset), so a slip stays small.
 */
export const CJK_FONT_FILE = join('build', 'fonts', 'NotoSansHans-Regular.otf');

/** What a document is set in: the shipped CJK font, or pdfkit's built-in Helvetica (Latin only;
 * the benchmark's baseline and nothing else). */
export type FontChoice = 'cjk' | 'builtin';

const parsed = new Map<string, unknown>();

/**
 * A font file (relative to the app root) parsed once and shared by every document of this process:
 * parsing the tables is the cold cost (see the benchmark), and fontkit keeps its glyph cache on
 * the font object. pdfkit accepts a fontkit font object as a source but exposes no loader of its
 * own, so one throwaway document loads it (fontkit is pdfkit's dependency, not ours).
 */
export function parsedFont(file: string): unknown {
  let font = parsed.get(file);
  if (font === undefined) {
    const probe = new PDFDocument({ autoFirstPage: false });
    probe.font(readFileSync(join(appRoot(), file)));
    font = (probe as unknown as { _font: { font: unknown } })._font.font;
    parsed.set(file, font);
  }
  return font;
}

export function cjkFont(): unknown {
  return parsedFont(CJK_FONT_FILE);
}

/** For the benchmark's cold measurement. */
export function forgetCjkFont(): void {
  parsed.delete(CJK_FONT_FILE);
}

export function applyFont(doc: PDFKit.PDFDocument, choice: FontChoice): void {
  if (choice === 'builtin') doc.font('Helvetica');
  else doc.font(cjkFont() as PDFKit.Mixins.PDFFontSource);
}
