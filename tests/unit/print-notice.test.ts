import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../support/test-host.js';
import { tempDir } from '../support/temp-dir.js';

// poppler-utils reads the PDF back: what the citizen would read, not what we meant to draw.
// The read-back tests are skipped only on a workstation without poppler; under CI=true its
// absence fails the run instead (.ci/run installs it), so CI always runs them.
const poppler = spawnSync('pdftotext', ['-v']).error === undefined;
if (!poppler && process.env['CI']) throw new Error('CI needs poppler-utils (pdftotext, pdffonts): .ci/run installs it');

/** Waits for the queue to write the job's PDF into the folder printer's folder. */
async function pdfIn(folder: string, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const found = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.pdf')) : [];
    if (found[0]) return join(folder, found[0]);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no PDF in ${folder} within ${timeoutMs} ms`);
}

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');

interface ErrorAnswer {
  error: { code: string; issues?: { path: string; message: string }[] };
}

describe('the one-time notice printed at a kiosk', () => {
  let t: TestHost;
  let sup: { token: string; staff: string };
  const out = tempDir('yizhan-notice-');

  /** A kiosk paired and, when given a folder, printing into it. */
  async function kioskWith(folder: string | null): Promise<string> {
    const token = await t.pair('kiosk');
    const session = await t.request('/api/session?role=kiosk', { token });
    const id = (session.body as { terminal: { id: number } }).terminal.id;
    if (folder) {
      const set = await t.request(`/api/printers/${id}`, { method: 'PUT', ...sup, body: { setting: { kind: 'folder', target: folder, media: '' } } });
      expect(set.status).toBe(200);
    }
    return token;
  }
  const printNotice = (token: string, body: unknown) => t.request('/api/print/notice', { method: 'POST', token, body });

  beforeAll(async () => {
    // Folder printers set on screens write only under the folder the operator named at start.
    t = await startTestHost({ printerRoot: out.path });
    sup = await t.supervisor();
  });
  afterAll(async () => {
    await t.stop();
    out.remove();
  });

  // Skipped only where poppler's pdftotext is missing (a workstation); .ci/run installs it (scripts/test-prerequisites.sh).
  it.skipIf(!poppler)('queues a durable job whose PDF names the service, every material and the one missing', async () => {
    const folder = join(out.path, 'zh');
    const kiosk = await kioskWith(folder);
    const res = await printNotice(kiosk, { serviceCode: 'id_card_renewal', language: 'zh-CN', missing: ['photo_receipt'] });
    expect(res.status).toBe(200);
    const { jobId } = res.body as { jobId: number };
    expect(jobId).toBeGreaterThan(0);
    const printed = text(await pdfIn(folder));
    for (const s of ['一次性告知书', '居民身份证换领', '原居民身份证', '尚缺材料', '10 个工作日']) expect(printed).toContain(s);
    // The missing material is listed twice: among those required and among those missing.
    expect(printed.split('照相回执').length - 1).toBe(2);
    // Lines wrap anywhere in Chinese: compare without the breaks.
    expect(printed.replace(/\s+/g, '')).toContain('照相回执（可现场采集）（可容缺，5个工作日内补交）');
  });

  // Skipped only where poppler's pdftotext is missing (a workstation); .ci/run installs it (scripts/test-prerequisites.sh).
  it.skipIf(!poppler)('in English, with nothing missing', async () => {
    const folder = join(out.path, 'en');
    const kiosk = await kioskWith(folder);
    expect((await printNotice(kiosk, { serviceCode: 'id_card_renewal', language: 'en', missing: [] })).status).toBe(200);
    const printed = text(await pdfIn(folder));
    for (const s of ['One-time notice of materials', 'Resident ID card renewal', 'Your current ID card', 'All materials present']) expect(printed).toContain(s);
  });

  // Skipped only where poppler's pdftotext is missing (a workstation); .ci/run installs it (scripts/test-prerequisites.sh).
  it.skipIf(!poppler)('from the service page, before the citizen said what they brought: neither missing nor complete', async () => {
    const folder = join(out.path, 'unasked');
    const kiosk = await kioskWith(folder);
    expect((await printNotice(kiosk, { serviceCode: 'id_card_renewal', language: 'en' })).status).toBe(200);
    const printed = text(await pdfIn(folder));
    expect(printed).toContain('Your current ID card');
    expect(printed).not.toContain('All materials present');
    expect(printed).not.toContain('Materials still missing');
  });

  it('409 no_printer when the terminal has no printer', async () => {
    const res = await printNotice(await kioskWith(null), { serviceCode: 'id_card_renewal', language: 'zh-CN' });
    expect(res.status).toBe(409);
    expect((res.body as ErrorAnswer).error.code).toBe('no_printer');
  });

  it('400 for an unknown service or a material the service does not have', async () => {
    const kiosk = await kioskWith(join(out.path, 'refused'));
    const noService = await printNotice(kiosk, { serviceCode: 'no_such_service', language: 'zh-CN' });
    expect(noService.status).toBe(400);
    expect((noService.body as ErrorAnswer).error.issues?.[0]?.path).toBe('body.serviceCode');
    const badMaterial = await printNotice(kiosk, { serviceCode: 'id_card_renewal', language: 'zh-CN', missing: ['passport'] });
    expect(badMaterial.status).toBe(400);
    expect((badMaterial.body as ErrorAnswer).error.issues?.[0]?.message).toContain('passport');
    expect((await printNotice(kiosk, { serviceCode: 'id_card_renewal', language: 'fr' })).status).toBe(400);
    // Nothing was printed for refused requests.
    expect(existsSync(join(out.path, 'refused')) ? readdirSync(join(out.path, 'refused')).filter((f) => f.endsWith('.pdf')) : []).toEqual([]);
  });

  it('kiosks and booths only', async () => {
    const clerk = await t.clerk();
    expect(
      (await t.request('/api/print/notice', { method: 'POST', token: clerk.token, body: { serviceCode: 'id_card_renewal', language: 'zh-CN' } })).status,
    ).toBe(403);
  });
});
