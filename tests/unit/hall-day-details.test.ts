import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceCatalog } from '../../electron/domain/catalog/catalog.js';
import { checkField } from '../../electron/domain/catalog/field-check.js';
import { formSchema } from '../../electron/domain/catalog/form-schema.js';
import { isPersonName } from '../../electron/domain/contract/text-rules.js';
import { idCheckChar } from '../../electron/domain/identity/id-number.js';
import { checkHolder } from '../../electron/domain/queue/appointment-holder.js';
import { estimatedWaitMinutes, waitWords } from '../../electron/domain/queue/estimate.js';
import { BANNER_TERMINAL_NAMES, pairingBanner } from '../../electron/host/pairing-banner.js';
import { renderDocument } from '../../electron/host/printing/documents/index.js';
import { SAMPLE_DOCUMENTS } from '../../electron/host/printing/documents/samples.js';
import type { DocumentRequest } from '../../electron/host/printing/documents/types.js';
import { noticeContent } from '../../electron/host/printing/notice-content.js';
import { tempDir } from '../support/temp-dir.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

/**
 * Issue 11 point 6: the small things that mislead a person on the screens and papers of a hall day.
 * (The printed wording itself is read back from the PDFs in print-documents.test.ts.)
 */
const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 24, 2, 0, 0); // Tuesday 10:00 in the hall
const idNumber = (birth: string, seq = '123') => `110105${birth}${seq}` + idCheckChar(`110105${birth}${seq}`);

describe('one wait estimate', () => {
  it('never says 0 minutes while anyone is ahead, and says the same three things everywhere', () => {
    for (const open of [1, 2, 3, 5]) for (const ahead of [1, 2, 7]) expect(estimatedWaitMinutes(ahead, open, 1 * MIN)).toBeGreaterThan(0);
    expect(estimatedWaitMinutes(0, 2, 6 * MIN)).toBe(0);
    expect(waitWords(null)).toEqual({ say: 'no_window' });
    expect(waitWords(0)).toEqual({ say: 'no_wait' });
    expect(waitWords(4)).toEqual({ say: 'about', minutes: 4 });
  });
});

describe('an appointment booked for a named person', () => {
  it('needs that person’s card or number, never the code alone', () => {
    expect(checkHolder(null, undefined)).toBe('ok');
    expect(checkHolder('11010519491231002X', undefined)).toBe('identity_required');
    expect(checkHolder('11010519491231002X', '11010519491231002x')).toBe('ok');
    expect(checkHolder('11010519491231002X', '110105194912310011')).toBe('not_yours');
  });
});

describe('names', () => {
  it('hold letters of any script, never emoji or other symbols', () => {
    for (const ok of ['张三', '𠀾娜', 'Anna-Maria O’Neil'.replace('’', "'"), '阿卜杜·热合曼', 'ᠪᠠᠲᠤ', 'José Müller', 'J. R. Smith'])
      expect(isPersonName(ok), ok).toBe(true);
    for (const bad of ['张😊', '👍', '王★', '李\u200d四', '', '  ', 'A<B>', '张三\ufe0f']) expect(isPersonName(bad), bad).toBe(false);
  });

  it('a form’s name field: the kiosk says why, the host refuses the same', () => {
    const catalog = serviceCatalog();
    const service = catalog.services.find((s) => s.code === 'household_certificate')!;
    const field = service.fields.find((f) => f.key === 'name')!;
    const ports = catalog.ports.map((p) => p.value);
    expect(checkField(field, '张😊', {}, { today: '2026-11-24', ports })).toBe('personName');
    const host = formSchema(service, ports, '2026-11-24').safeParse({ name: '张😊' });
    expect(host.success ? [] : host.error.issues.filter((i) => i.path[0] === 'name').map((i) => i.message)).toEqual([
      'a name holds letters only (no emoji or other symbols)',
    ]);
  });
});

describe('the one-time notice’s content', () => {
  const service = serviceCatalog().services.find((s) => s.code === 'household_certificate')!;
  it('printed before the materials were asked: the fee, and nothing said about what is missing', () => {
    const before = noticeContent(service, undefined, 'zh-CN');
    expect(before.missing).toBeUndefined();
    expect(before.feeYuan).toBe(service.fee.yuan);
  });
  it('printed after: what is missing, data-shared papers never among it', () => {
    const all = service.materials.map((m) => m.code);
    const after = noticeContent(service, all, 'zh-CN');
    const shared = service.materials.filter((m) => m.requirement === 'data_sharing').map((m) => m.name['zh-CN']);
    expect(after.missing?.map((m) => m.name).some((n) => shared.includes(n))).toBe(false);
  });
});

describe('one name for the case number', () => {
  it('申请编号 on every citizen screen and paper, never 办件编号', () => {
    const zh = readFileSync(new URL('../../renderer/src/i18n/locales/zh-CN.json', import.meta.url), 'utf8');
    const texts = readFileSync(new URL('../../electron/host/printing/documents/text.ts', import.meta.url), 'utf8');
    const header = readFileSync(new URL('../../electron/host/printing/documents/case-header.ts', import.meta.url), 'utf8');
    for (const source of [zh, texts, header]) expect(source).not.toContain('办件编号');
    expect(zh).toContain('申请编号');
  });
});

const poppler = spawnSync('pdftotext', ['-v']).error === undefined;
// Skipped only where poppler's pdftotext is missing (a workstation); .ci/run installs it (scripts/test-prerequisites.sh).
describe.skipIf(!poppler)('the papers, read back as a person reads them', () => {
  const dir = tempDir('yizhan-details-');
  afterAll(() => dir.remove());
  async function text(req: DocumentRequest): Promise<string> {
    const file = join(dir.path, `${req.kind}-${randomUUID()}.pdf`);
    writeFileSync(file, (await renderDocument(req)).pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  }
  const slip = SAMPLE_DOCUMENTS.ticket_slip;
  const notice = SAMPLE_DOCUMENTS.one_time_notice;
  if (slip.kind !== 'ticket_slip' || notice.kind !== 'one_time_notice') throw new Error('samples');

  it('a slip with nobody ahead says no wait, never "about 0 minutes"', async () => {
    const zero = await text({ kind: 'ticket_slip', data: { ...slip.data, ahead: 0, estimatedWaitMinutes: 0 } });
    expect(zero).toContain('无需等候');
    expect(zero).not.toContain('约0分钟');
  });

  it('a notice printed before the materials were asked: fee, and no 材料齐全; after: what is missing', async () => {
    const data = { ...notice.data, missing: undefined };
    const before = await text({ kind: 'one_time_notice', data: { ...data, feeYuan: 20, feeNote: '工本费' } });
    expect(before).toContain('收费：20.00元（工本费）');
    expect(before).not.toContain('材料齐全');
    expect(before).not.toContain('尚缺材料');
    const complete = await text({ kind: 'one_time_notice', data: { ...data, missing: [], feeYuan: 0 } });
    expect(complete).toContain('材料齐全');
    expect(complete).toContain('收费：不收费');
  });
});

describe('through the host', () => {
  let t: TestHost;
  let kiosk: string;
  let db: Database.Database;
  beforeAll(async () => {
    t = await startTestHost({ clock: () => NOW });
    kiosk = await t.pair('kiosk');
    db = new Database(t.host.databasePath, { readonly: true });
  });
  afterAll(async () => {
    db.close();
    await t.stop();
  });

  it('the start banner names its terminals in words a slip may print, not "kiosk (local)"', async () => {
    const banner = pairingBanner(t.host);
    const code = /kiosk\s+\S+\/pair\?code=([A-Z0-9-]+)/.exec(banner)?.[1];
    expect(code).toBeDefined();
    const res = await fetch(`${t.host.url}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    expect(res.status).toBe(200);
    const names = (db.prepare(`SELECT name FROM terminals`).all() as { name: string }[]).map((r) => r.name);
    expect(names).toContain(BANNER_TERMINAL_NAMES.kiosk);
    expect(names.join()).not.toMatch(/local/);
  });

  it('the kiosk’s wait is the one the display showed for that line the moment before', async () => {
    const clerk = await t.clerk();
    const windows = (await t.request('/api/windows', { token: clerk.token })).body as { windows: { id: number; number: number; primary: string[] }[] };
    const w = windows.windows.find((x) => x.number === 1)!;
    expect((await t.request(`/api/windows/${w.id}/open`, { method: 'POST', ...clerk })).status).toBe(200);
    const line = w.primary[0]!;
    for (let i = 0; i < 2; i++) expect((await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line } })).status).toBe(200);
    const shown = ((await t.request('/api/queue', { token: kiosk })).body as { estimates: Record<string, number | null> }).estimates[line];
    const answer = (await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line } })).body as { ahead: number; estimatedWaitMinutes: number };
    expect(answer.ahead).toBe(2);
    expect(answer.estimatedWaitMinutes).toBe(shown);
    expect(answer.estimatedWaitMinutes).toBeGreaterThan(0);
  });

  it('已带材料 holds what the citizen brought, never what the hall fetches online', async () => {
    const service = serviceCatalog().services.find((s) => s.code === 'household_certificate')!;
    const shared = service.materials.filter((m) => m.requirement === 'data_sharing').map((m) => m.code);
    expect(shared.length).toBeGreaterThan(0);
    const res = await t.request('/api/applications', {
      method: 'POST',
      token: kiosk,
      body: {
        requestId: randomUUID(),
        serviceCode: service.code,
        form: { name: '张三', idNumber: idNumber('19800101'), phone: '13800138000', purpose: 'employment' },
        materials: ['id_card'],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const caseNumber = (res.body as { application: { caseNumber: string } }).application.caseNumber;
    const row = db.prepare(`SELECT materials_provided_json AS p FROM applications WHERE case_number = ?`).get(caseNumber) as { p: string };
    expect(JSON.parse(row.p)).toEqual(['id_card']);
  });

  it('a quick ticket from an appointment booked for a named person: their number first, checked', async () => {
    const sup = await t.supervisor();
    const booked = idNumber('19700707', '456');
    const made = await t.request('/api/appointments', { method: 'POST', ...sup, body: { line: 'household', slotStart: NOW + 5 * MIN, idNumber: booked } });
    const code = (made.body as { appointment: { code: string } }).appointment.code;
    const take = (extra: Record<string, unknown>) =>
      t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'household', ticketClass: 'appointment', appointmentCode: code, ...extra } });
    const bare = await take({});
    expect([bare.status, (bare.body as { error: { code: string } }).error.code]).toEqual([409, 'appointment_identity_required']);
    const wrong = await take({ idNumber: idNumber('19800101') });
    expect([wrong.status, (wrong.body as { error: { code: string } }).error.code]).toEqual([409, 'appointment_not_yours']);
    expect(JSON.stringify(wrong.body)).not.toContain('19700707');
    const check = await t.request('/api/appointments/check', { method: 'POST', token: kiosk, body: { code, idNumber: booked } });
    expect(check.body).toEqual({ ok: true });
    const right = await take({ idNumber: booked.toLowerCase() });
    expect(right.status, JSON.stringify(right.body)).toBe(200);
    expect((right.body as { ticket: { ticketClass: string } }).ticket.ticketClass).toBe('appointment');
    expect((await take({ idNumber: booked })).status).toBe(400); // used
  });

  it('refuses emoji in a staff member’s and a booked name', async () => {
    const sup = await t.supervisor();
    const staff = await t.request('/api/staff', { method: 'POST', ...sup, body: { staffNo: 'C900', name: '小王😊', role: 'clerk' } });
    expect([staff.status, (staff.body as { error: { issues: { path: string }[] } }).error.issues[0]?.path]).toEqual([400, 'body.name']);
    const booking = await t.request('/api/appointments', { method: 'POST', ...sup, body: { line: 'household', slotStart: NOW + MIN, name: '🙂' } });
    expect(booking.status).toBe(400);
  });
});
