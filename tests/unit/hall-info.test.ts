import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../electron/domain/identity/id-number.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

// Tuesday 2026-11-24, 10:00 in Asia/Shanghai.
const TUESDAY_10 = Date.UTC(2026, 10, 24, 2, 0, 0);
/** Shanghai wall time → epoch ms (UTC+8). */
const sh = (m: number, d: number, h: number, min = 0) => Date.UTC(2026, m - 1, d, h - 8, min);

function idNumber(birth: string, seq = '123'): string {
  const first17 = `110105${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

interface HallInfo {
  hallName: string;
  openingHours: { days: number[]; open: string; close: string };
  greenChannelAge: number;
  openNow: boolean;
  nextOpening: number | null;
}

describe('hall info and the hall settings behind it', () => {
  let t: TestHost;
  let now = TUESDAY_10;
  let kiosk: string;
  let sup: { token: string; staff: string };
  const info = async (token = kiosk) => {
    const res = await t.request('/api/hall-info', { token });
    expect(res.status).toBe(200);
    return res.body as HallInfo;
  };
  const settings = async () => (await t.request('/api/settings', sup)).body as Record<string, unknown>;
  const putSettings = (patch: Record<string, unknown>) =>
    settings().then((s) => t.request('/api/settings', { method: 'PUT', ...sup, body: { ...s, ...patch } }));

  beforeAll(async () => {
    t = await startTestHost({ clock: () => now, timeZone: 'Asia/Shanghai' });
    kiosk = await t.pair('kiosk');
    sup = await t.supervisor();
  });
  afterAll(() => t.stop());

  it('defaults: Monday to Friday 09:00–17:00, green channel from 70, open on a Tuesday morning', async () => {
    expect(await settings()).toMatchObject({ greenChannelAge: 70, openingHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' } });
    expect(await info()).toEqual({
      hallName: '一站式公安政务服务大厅',
      openingHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' },
      greenChannelAge: 70,
      openNow: true,
      nextOpening: null,
    });
  });

  it('after closing on Friday and at the weekend: closed, next opening Monday 09:00 hall time', async () => {
    now = sh(11, 27, 17, 30);
    expect(await info()).toMatchObject({ openNow: false, nextOpening: sh(11, 30, 9) });
    now = sh(11, 29, 12);
    expect(await info()).toMatchObject({ openNow: false, nextOpening: sh(11, 30, 9) });
    now = TUESDAY_10;
  });

  it('serves kiosks and booths only', async () => {
    await info(await t.pair('booth'));
    expect((await t.request('/api/hall-info', { token: await t.pair('display') })).status).toBe(403);
    expect((await t.request('/api/hall-info')).status).toBe(401);
  });

  it('a supervisor changes the hours and the green-channel age; kiosks and submissions follow at once', async () => {
    const res = await putSettings({ greenChannelAge: 60, openingHours: { days: [2, 4, 6], open: '10:30', close: '15:00' } });
    expect(res.status).toBe(200);
    expect(await info()).toMatchObject({
      greenChannelAge: 60,
      openingHours: { days: [2, 4, 6], open: '10:30', close: '15:00' },
      openNow: false,
      nextOpening: sh(11, 24, 10, 30),
    });

    // Born 1961: 65 on 2026-11-24, under the default 70 but over the new 60.
    const form = { name: '李四', idNumber: idNumber('19610101', '231'), phone: '13800138000', purpose: 'employment' };
    const sub = await t.request('/api/applications', {
      method: 'POST',
      token: kiosk,
      body: { requestId: randomUUID(), serviceCode: 'household_certificate', form, materials: ['id_card'] },
    });
    expect(sub.status).toBe(200);
    expect(sub.body).toMatchObject({ application: { greenChannel: true }, ticket: { ticketClass: 'green' } });
  });

  it.each([
    ['an age under 50', { greenChannelAge: 49 }, 'body.greenChannelAge'],
    ['an age over 120', { greenChannelAge: 121 }, 'body.greenChannelAge'],
    ['closing before opening', { openingHours: { days: [1], open: '17:00', close: '09:00' } }, 'body.openingHours.close'],
    ['no opening day', { openingHours: { days: [], open: '09:00', close: '17:00' } }, 'body.openingHours.days'],
    ['a weekday twice', { openingHours: { days: [1, 1], open: '09:00', close: '17:00' } }, 'body.openingHours.days'],
    ['a day 8', { openingHours: { days: [8], open: '09:00', close: '17:00' } }, 'body.openingHours.days.0'],
    ['a time not HH:MM', { openingHours: { days: [1], open: '9:00', close: '17:00' } }, 'body.openingHours.open'],
  ])('refuses %s', async (_, patch, path) => {
    const res = await putSettings(patch);
    expect(res.status).toBe(400);
    expect((res.body as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toContain(path);
  });
});
