import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { applyFont, type FontChoice } from './fonts.js';
import { drawVertical, verticalHeight } from './mongolian.js';

/**
 * A tiny block layout shared by every document: a document module says what to print as a list
 * of blocks, and this draws them on an 80 mm roll (page height fitted to the content) or on A4.
 * Measuring before drawing is what lets a roll slip be exactly as long as its content.
 */
export type Paper = 'roll80' | 'a4';

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'text'; text: string; align?: 'left' | 'center'; size?: 'small' | 'normal' | 'large' }
  | { kind: 'huge'; text: string }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'list'; items: readonly string[] }
  | { kind: 'qr'; data: string; caption: string }
  | { kind: 'rule' }
  | { kind: 'gap' }
  | { kind: 'signature'; label: string }
  /** Traditional Mongolian columns, written top to bottom (see mongolian.ts). */
  | { kind: 'vertical'; columns: readonly string[] };

export interface PageSpec {
  widthPt: number;
  /** Fixed height; null = fitted to the content (roll paper). */
  heightPt: number | null;
  margin: number;
  /** Font sizes: small, normal, large, title, huge. */
  sizes: { small: number; normal: number; large: number; title: number; huge: number };
  qrPt: number;
}

const MM = 72 / 25.4;

export const PAPERS: Readonly<Record<Paper, PageSpec>> = {
  // 80 mm rolls print about 72 mm wide; 4 mm a side keeps text off the unprintable edge.
  roll80: { widthPt: 80 * MM, heightPt: null, margin: 4 * MM, sizes: { small: 7.5, normal: 9, large: 11, title: 12.5, huge: 40 }, qrPt: 30 * MM },
  a4: { widthPt: 210 * MM, heightPt: 297 * MM, margin: 20 * MM, sizes: { small: 9, normal: 11, large: 13, title: 18, huge: 40 }, qrPt: 28 * MM },
};

export function pageSizeMm(paper: Paper, heightPt: number): { widthMm: number; heightMm: number } {
  return { widthMm: Math.round(PAPERS[paper].widthPt / MM), heightMm: Math.ceil(heightPt / MM) };
}

export interface DocumentMeta {
  title: string;
  /** Fixed creation time (the job's), so the same job renders the same bytes on a retry. */
  createdAt: number;
}

export interface RenderedPdf {
  pdf: Buffer;
  paper: Paper;
  widthMm: number;
  heightMm: number;
}

const LINE_GAP = 2;

function textSize(spec: PageSpec, b: Block): number {
  switch (b.kind) {
    case 'title':
      return spec.sizes.title;
    case 'huge':
      return spec.sizes.huge;
    case 'text':
      return spec.sizes[b.size ?? 'normal'];
    default:
      return spec.sizes.normal;
  }
}

/** Full-width colon after Chinese labels, ASCII after Latin ones (and for the built-in font). */
const sep = (label: string) => (/[\x20-\x7e]$/.test(label) ? ': ' : '：');

function blockText(b: Block): string {
  switch (b.kind) {
    case 'title':
    case 'text':
    case 'huge':
      return b.text;
    case 'field':
      return `${b.label}${sep(b.label)}${b.value}`;
    case 'list':
      return b.items.map((item, i) => `${i + 1}. ${item}`).join('\n');
    case 'signature':
      return `${b.label}${sep(b.label)}________________`;
    default:
      return '';
  }
}

function blockHeight(doc: PDFKit.PDFDocument, spec: PageSpec, width: number, b: Block): number {
  if (b.kind === 'rule') return 8;
  if (b.kind === 'gap') return spec.sizes.normal;
  if (b.kind === 'vertical') return verticalHeight(doc, spec.sizes.large, b.columns);
  if (b.kind === 'qr') return spec.qrPt + 4 + doc.fontSize(spec.sizes.small).heightOfString(b.caption, { width, lineGap: LINE_GAP }) + 4;
  const extra = b.kind === 'signature' ? spec.sizes.normal * 2 : b.kind === 'title' ? 4 : 2;
  return doc.fontSize(textSize(spec, b)).heightOfString(blockText(b), { width, lineGap: LINE_GAP }) + extra;
}

/** Draws the QR symbol as vector squares (one path, runs merged): sharp on any printer and far
 * lighter than an embedded bitmap. */
function drawQr(doc: PDFKit.PDFDocument, data: string, x: number, y: number, sizePt: number): void {
  const qr = QRCode.create(data, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = sizePt / (n + quiet * 2);
  for (let row = 0; row < n; row++) {
    let runStart = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && qr.modules.data[row * n + col] === 1;
      if (dark && runStart < 0) runStart = col;
      if (!dark && runStart >= 0) {
        doc.rect(x + (quiet + runStart) * cell, y + (quiet + row) * cell, (col - runStart) * cell, cell);
        runStart = -1;
      }
    }
  }
  doc.fillColor('black').fill();
}

function drawBlock(doc: PDFKit.PDFDocument, spec: PageSpec, width: number, b: Block): void {
  const x = spec.margin;
  if (b.kind === 'rule') {
    const y = doc.y + 3;
    doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(0.6)
      .dash(2, { space: 2 })
      .stroke()
      .undash();
    doc.y += 8;
    return;
  }
  if (b.kind === 'gap') {
    doc.y += spec.sizes.normal;
    return;
  }
  if (b.kind === 'vertical') return drawVertical(doc, x, width, spec.sizes.large, b.columns);
  if (b.kind === 'qr') {
    const y = doc.y;
    drawQr(doc, b.data, x + (width - spec.qrPt) / 2, y, spec.qrPt);
    doc.y = y + spec.qrPt + 4;
    doc.fontSize(spec.sizes.small).text(b.caption, x, doc.y, { width, align: 'center', lineGap: LINE_GAP });
    doc.y += 4;
    return;
  }
  const align = b.kind === 'title' || b.kind === 'huge' ? 'center' : b.kind === 'text' ? (b.align ?? 'left') : 'left';
  if (b.kind === 'signature') doc.y += spec.sizes.normal * 2;
  doc.fontSize(textSize(spec, b)).text(blockText(b), x, doc.y, { width, align, lineGap: LINE_GAP });
  doc.y += b.kind === 'title' ? 4 : 2;
}

/** The built-in font has no CJK glyphs: for the benchmark's baseline, every other character
 * becomes a Latin one, so the layout (lines, wrapping, page size) stays the same. */
function latinize(blocks: readonly Block[]): Block[] {
  const l = (s: string) => s.replace(/[^\x20-\x7e\n]/g, 'W');
  return blocks.map((b): Block => {
    switch (b.kind) {
      case 'title':
      case 'text':
      case 'huge':
        return { ...b, text: l(b.text) };
      case 'field':
        return { ...b, label: l(b.label), value: l(b.value) };
      case 'list':
        return { ...b, items: b.items.map(l) };
      case 'qr':
        return { ...b, caption: l(b.caption) };
      case 'signature':
        return { ...b, label: l(b.label) };
      case 'vertical':
        return { kind: 'text', text: l(b.columns.join('\n')) };
      default:
        return b;
    }
  });
}

/** Renders blocks into a PDF with the chosen font; the result carries its page size in mm. */
export function renderBlocks(paper: Paper, meta: DocumentMeta, input: readonly Block[], font: FontChoice = 'cjk'): Promise<RenderedPdf> {
  const blocks = font === 'builtin' ? latinize(input) : input;
  const spec = PAPERS[paper];
  const width = spec.widthPt - spec.margin * 2;
  const created = new Date(meta.createdAt);
  const doc = new PDFDocument({
    autoFirstPage: false,
    info: { Title: meta.title, Creator: 'Yizhan', Producer: 'Yizhan', CreationDate: created, ModDate: created },
  });
  applyFont(doc, font);
  let height = spec.heightPt;
  if (height === null) {
    let content = 0;
    for (const b of blocks) content += blockHeight(doc, spec, width, b);
    height = Math.ceil(content + spec.margin * 2);
  }
  doc.addPage({ size: [spec.widthPt, height], margin: spec.margin });
  for (const b of blocks) {
    // A4 documents may run over a page; a QR or signature is never split from its caption.
    if (spec.heightPt !== null && (b.kind === 'qr' || b.kind === 'signature') && doc.y + blockHeight(doc, spec, width, b) > height - spec.margin) {
      doc.addPage({ size: [spec.widthPt, height], margin: spec.margin });
    }
    drawBlock(doc, spec, width, b);
  }
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('error', reject);
    doc.on('end', () => resolve({ pdf: Buffer.concat(chunks), paper, ...pageSizeMm(paper, height) }));
    doc.end();
  });
}
