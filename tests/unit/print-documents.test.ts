import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../electron/host/printing/documents/index.js';
import { SAMPLE_DOCUMENTS } from '../../electron/host/printing/documents/samples.js';
import type { DocumentRequest } from '../../electron/host/printing/documents/types.js';
import { tempDir } from '../support/temp-dir.js';

// poppler-utils reads the PDFs back: what a person would see, not what we meant to draw.
const poppler = spawnSync('pdftotext', ['-v']).error === undefined;
if (!poppler && process.env['CI']) throw new Error('CI needs poppler-utils (pdftotext, pdffonts): .ci/run installs it');
const dir = tempDir('yizhan-docs-');
afterAll(() => dir.remove());

async function rendered(req: DocumentRequest) {
  const out = await renderDocument(req);
  const file = join(dir.path, `${req.kind}.pdf`);
  writeFileSync(file, out.pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return {
    out,
    text: text.replace(/[ \t]+/g, ' '),
    widthPt: Number(size?.[1]),
    heightPt: Number(size?.[2]),
    fonts,
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
  };
}

const FULL_ID = '150102198807153017';
const A4 = { w: 595.28, h: 841.89 };

// Skipped only where poppler's pdftotext is missing (a workstation); .ci/run installs it (scripts/test-prerequisites.sh).
describe.skipIf(!poppler)('printed documents (read back with poppler)', () => {
  it('ticket slip: 80 mm wide, fitted height, number, line, people ahead, wait, hall, kiosk, time', async () => {
    const r = await rendered(SAMPLE_DOCUMENTS.ticket_slip);
    expect(r.widthPt).toBeCloseTo(226.77, 1);
    expect(r.heightPt).toBeGreaterThan(200);
    expect(r.heightPt).toBeLessThan(600);
    expect(r.pages).toBe(1);
    for (const s of ['C007', '出入境业务', '前面还有 6 人', '预计等候约 18 分钟', '一站式公安政务服务大厅', '1号自助取号机', '2026-05-18 09:30'])
      expect(r.text).toContain(s);
    expect(r.out.widthMm).toBe(80);
  });

  it('ticket slip in English, and without an estimate', async () => {
    const base = SAMPLE_DOCUMENTS.ticket_slip;
    if (base.kind !== 'ticket_slip') throw new Error('sample');
    const data = { ...base.data, language: 'en' as const, ahead: 1 };
    delete data.estimatedWaitMinutes;
    const r = await rendered({ kind: 'ticket_slip', data });
    for (const s of ['C007', 'Exit and entry', '1 person ahead of you', 'Please watch the call display']) expect(r.text).toContain(s);
  });

  it('embeds the CJK font as a subset', async () => {
    const r = await rendered(SAMPLE_DOCUMENTS.ticket_slip);
    const line = r.fonts.split('\n').find((l) => /NotoSansHans/.test(l));
    expect(line, r.fonts).toBeDefined();
    // pdffonts: name starts with a six-letter subset tag; columns emb and sub are "yes".
    expect(line).toMatch(/^[A-Z]{6}\+NotoSansHans-Regular\s.*\byes\s+yes\s+yes\b/);
    // A subset: a slip is tens of kilobytes, the font file is 8 MB.
    expect(r.out.pdf.length).toBeLessThan(80_000);
  });

  const caseDocs: [DocumentRequest, string[]][] = [
    [SAMPLE_DOCUMENTS.one_time_notice, ['一次性告知书', '边境旅游通行证', '近期免冠彩色照片', '尚缺材料', 'YZ-20260518-0042', '当场办结']],
    [
      SAMPLE_DOCUMENTS.acceptance_receipt,
      ['受理回执', '普通护照首次申领', '巴特尔', '7 个工作日', '承诺办结日期', '2026年5月27日前', '120.00 元', '5号窗口', '王警官', 'YZ-20260518-0042'],
    ],
    [SAMPLE_DOCUMENTS.supplement_notice, ['容缺补正告知单', '第一联 申请人留存', '房屋所有权证复印件', '2026年5月25日前', 'YZ-20260518-0043', '申请人签字']],
    [SAMPLE_DOCUMENTS.kinship_pledge, ['亲属关系承诺书', '乌云其其格', '母子', '**************4527', '承诺人签字']],
    [SAMPLE_DOCUMENTS.rejection_notice, ['不予受理告知书', '暂扣状态', '行政复议', 'YZ-20260518-0045']],
    [SAMPLE_DOCUMENTS.collection_receipt, ['证件领取签收单', '乌云其其格（受托人）', '**************4527', '领取人签字', 'YZ-20260518-0042']],
    [SAMPLE_DOCUMENTS.withdrawal_notice, ['撤回申请确认书', '自愿撤回', '申请人签字', 'YZ-20260518-0046']],
  ];
  it.each(caseDocs)('$kind: content, paper, masked ID', async (req, expected) => {
    const r = await rendered(req);
    for (const s of expected) expect(r.text).toContain(s);
    expect(r.text).not.toContain(FULL_ID);
    expect(r.text).toContain('**************3017');
    expect(r.text).toContain('一站式公安政务服务大厅');
    if (req.kind === 'one_time_notice') expect(r.widthPt).toBeCloseTo(226.77, 1);
    else {
      expect(r.widthPt).toBeCloseTo(A4.w, 0);
      expect(r.heightPt).toBeCloseTo(A4.h, 0);
      expect(r.pages).toBe(1);
    }
  });

  it('renders the same bytes for the same job (a retry prints the same paper)', async () => {
    const a = await renderDocument(SAMPLE_DOCUMENTS.acceptance_receipt);
    const b = await renderDocument(SAMPLE_DOCUMENTS.acceptance_receipt);
    expect(a.pdf.equals(b.pdf)).toBe(true);
  });
});
