/**
 * `npm run render-docs -- <folder>`: every printed document, from the sample data, as PDF and as
 * PNG (poppler's pdftoppm, 150 dpi) for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderDocument } from '../electron/host/printing/documents/index.js';
import { SAMPLE_DOCUMENTS } from '../electron/host/printing/documents/samples.js';
import type { DocumentRequest } from '../electron/host/printing/documents/types.js';

async function main(): Promise<void> {
  const folder = process.argv[2];
  if (!folder) {
    process.stderr.write('Usage: npm run render-docs -- <output folder>\n');
    process.exit(2);
  }
  const out = resolve(folder);
  mkdirSync(out, { recursive: true });
  const slip = SAMPLE_DOCUMENTS.ticket_slip;
  // The slip again for a Mongolian speaker (its traditional-Mongolian columns, to be looked at).
  const mn: DocumentRequest | null = slip.kind === 'ticket_slip' ? { kind: 'ticket_slip', data: { ...slip.data, language: 'mn' } } : null;
  const all: [string, DocumentRequest][] = [
    ...Object.values(SAMPLE_DOCUMENTS).map((r): [string, DocumentRequest] => [r.kind, r]),
    ...(mn ? [['ticket_slip_mn', mn] as [string, DocumentRequest]] : []),
  ];
  for (const [name, req] of all) {
    const doc = await renderDocument(req);
    const pdf = join(out, `${name}.pdf`);
    writeFileSync(pdf, doc.pdf);
    try {
      execFileSync('pdftoppm', ['-png', '-r', '150', pdf, join(out, name)]);
    } catch {
      process.stderr.write('pdftoppm not found (apt-get install poppler-utils): PDFs only\n');
    }
    process.stdout.write(`${name}: ${doc.widthMm}×${doc.heightMm} mm, ${(doc.pdf.length / 1024).toFixed(1)} KiB → ${pdf}\n`);
  }
}

void main();
