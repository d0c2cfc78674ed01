import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../electron/host/printing/documents/index.js';
import { SAMPLE_DOCUMENTS } from '../../electron/host/printing/documents/samples.js';
import type { DocumentRequest } from '../../electron/host/printing/documents/types.js';
import { runs } from '../../electron/host/printing/mongolian.js';
import { tempDir } from '../support/temp-dir.js';

const poppler = spawnSync('pdftotext', ['-v']).error === undefined;
if (!poppler && process.env['CI']) throw new Error('CI needs poppler-utils (pdftotext, pdffonts): .ci/run installs it');
const dir = tempDir('yizhan-mn-');
afterAll(() => dir.remove());

async function slip(language: 'zh-CN' | 'mn') {
  const base = SAMPLE_DOCUMENTS.ticket_slip;
  if (base.kind !== 'ticket_slip') throw new Error('sample is not a slip');
  const req: DocumentRequest = { kind: 'ticket_slip', data: { ...base.data, language } };
  const out = await renderDocument(req);
  const file = join(dir.path, `slip-${language}.pdf`);
  writeFileSync(file, out.pdf);
  return {
    out,
    text: execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }),
    fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
  };
}

describe('traditional Mongolian on the ticket slip', () => {
  it('sets Mongolian letters in the Mongolian font and digits in the CJK one', () => {
    expect(runs('ᠡᠮᠦᠨ\u180eᠡ 6 ᠬᠦᠮᠦᠨ')).toEqual([
      { text: 'ᠡᠮᠦᠨ\u180eᠡ ', mongolian: true },
      { text: '6 ', mongolian: false },
      { text: 'ᠬᠦᠮᠦᠨ', mongolian: true },
    ]);
  });

  // Skipped only where poppler's pdftotext is missing (a workstation); .ci/run installs it (scripts/test-prerequisites.sh).
  it.skipIf(!poppler)("adds the Mongolian columns for 'mn', with the Mongolian font embedded as a subset", async () => {
    const mn = await slip('mn');
    const zh = await slip('zh-CN');
    // The Chinese slip is all there, plus the columns (so the mn slip is longer).
    expect(mn.text).toContain('前面还有 6 人');
    expect(mn.out.heightMm).toBeGreaterThan(zh.out.heightMm);
    expect(mn.text).toMatch(/[\u1800-\u18af]/);
    expect(mn.fonts).toMatch(/[A-Z]{6}\+NotoSansMongolian-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(zh.fonts).not.toContain('Mongolian');
    expect(zh.text).not.toMatch(/[\u1800-\u18af]/);
  });
});
