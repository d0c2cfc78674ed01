import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../electron/domain/identity/id-number.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

/**
 * A 24-hour booth takes applications at any hour, but a queue ticket only while the hall is
 * open: a ticket taken at 22:00 would belong to a service day whose windows never open again.
 */
const sh = (d: number, h: number, min = 0) => Date.UTC(2026, 10, d, h - 8, min); // Shanghai wall time, November 2026
const TUESDAY_10 = sh(24, 10);
const TUESDAY_22 = sh(24, 22);

function idNumber(seq: string): string {
  const first17 = `110105198001011${seq}`;
  return first17 + idCheckChar(first17);
}

const certificate = (id: string, requestId = randomUUID()) => ({
  requestId,
  serviceCode: 'household_certificate',
  form: { name: '王五', idNumber: id, phone: '13912345678', purpose: 'employment' },
  materials: ['id_card'],
});

interface Answer {
  ticket: { number: string } | null;
  ahead: number | null;
  hallOpensAt: number | null;
  application: { caseNumber: string; status: string };
  replayed: boolean;
}

describe('a booth while the hall is closed', () => {
  let t: TestHost;
  let now = TUESDAY_22;
  let booth: string;
  let kiosk: string;

  beforeAll(async () => {
    t = await startTestHost({ clock: () => now, timeZone: 'Asia/Shanghai' });
    booth = await t.pair('booth');
    kiosk = await t.pair('kiosk');
  });
  afterAll(() => t.stop());

  it('stores the application without a ticket and says when the hall opens', async () => {
    now = TUESDAY_22;
    const body = certificate(idNumber('01'));
    const res = await t.request('/api/applications', { method: 'POST', token: booth, body });
    expect(res.status).toBe(200);
    const a = res.body as Answer;
    expect(a).toMatchObject({ ticket: null, ahead: null, hallOpensAt: sh(25, 9), replayed: false, application: { status: 'submitted' } });
    // The same request again: the same answer, still no ticket, nothing new stored.
    const again = (await t.request('/api/applications', { method: 'POST', token: booth, body })).body as Answer;
    expect(again).toMatchObject({ ticket: null, replayed: true, application: { caseNumber: a.application.caseNumber } });
    const progress = await t.request(`/api/applications/progress?case=${a.application.caseNumber}&last4=${idNumber('01').slice(-4)}`, { token: booth });
    expect(progress.body).toMatchObject({ status: 'submitted' });
    const queue = (await t.request('/api/queue', { token: kiosk })).body as { waiting: Record<string, number> };
    expect(queue.waiting.household).toBe(0);
  });

  it('a clerk opens a ticketless application by its case number, and the lookup is audited', async () => {
    now = TUESDAY_22;
    const id = idNumber('04');
    const a = (await t.request('/api/applications', { method: 'POST', token: booth, body: certificate(id) })).body as Answer;
    const caseNumber = a.application.caseNumber;
    now = sh(25, 9, 30);
    const clerk = await t.clerk();
    const res = await t.request(`/api/cases/${caseNumber.toLowerCase()}`, clerk);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ case: { caseNumber, idNumber: id, serviceCode: 'household_certificate', ticket: null, form: { purpose: 'employment' } } });
    expect((await t.request('/api/cases/YZ20991231-9999', clerk)).status).toBe(404);
    // The full record is for signed-in staff only.
    expect((await t.request(`/api/cases/${caseNumber}`, { token: booth })).status).toBe(403);
    expect((await t.request(`/api/cases/${caseNumber}`, { token: clerk.token })).status).toBe(401);
    const audit = (await t.request('/api/audit', await t.supervisor())).body as { entries: { action: string; target: string; detail: string }[] };
    const views = audit.entries.filter((e) => e.action === 'case.view');
    expect(views.map((e) => e.target)).toEqual([caseNumber]);
    expect(JSON.stringify(views)).not.toContain(id);
  });

  it('a passport application reaches the clerk with its pinyin name (the stored form holds an object)', async () => {
    now = TUESDAY_10;
    const id = idNumber('05');
    const body = {
      requestId: randomUUID(),
      serviceCode: 'passport_first',
      form: {
        name: '单文杰',
        pinyinName: { surname: 'SHAN', givenName: 'WENJIE' },
        idNumber: id,
        gender: 'male',
        nation: '汉',
        birthDate: '1980-01-01',
        phone: '13912345678',
        address: '呼和浩特市',
      },
      materials: ['id_card', 'photo_receipt'],
    };
    const a = (await t.request('/api/applications', { method: 'POST', token: kiosk, body })).body as Answer;
    const res = await t.request(`/api/cases/${a.application.caseNumber}`, await t.clerk());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ case: { form: { pinyinName: { surname: 'SHAN', givenName: 'WENJIE' } } } });
  });

  it('a kiosk in the hall, and a booth while the hall is open, issue tickets as usual', async () => {
    now = TUESDAY_22;
    const fromKiosk = (await t.request('/api/applications', { method: 'POST', token: kiosk, body: certificate(idNumber('02')) })).body as Answer;
    expect(fromKiosk.ticket?.number).toMatch(/^A\d{3}$/);
    expect(fromKiosk.hallOpensAt).toBeNull();
    now = TUESDAY_10;
    const fromBooth = (await t.request('/api/applications', { method: 'POST', token: booth, body: certificate(idNumber('03')) })).body as Answer;
    expect(fromBooth.ticket?.number).toMatch(/^A\d{3}$/);
    expect(fromBooth.hallOpensAt).toBeNull();
  });
});
