import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../electron/domain/identity/id-number.js';
import { lookupLimiter } from '../../electron/host/queue/lookup-limiter.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

// Tuesday 2026-11-24, 10:00 in Asia/Shanghai.
const START = Date.UTC(2026, 10, 24, 2, 0, 0);
const MIN = 60_000;

function idNumber(birth: string, seq = '123'): string {
  const first17 = `110105${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

describe('sliding-window lookup limiter', () => {
  it('refuses after max failures within the window, until the oldest of them ages out', () => {
    const l = lookupLimiter({ max: 3, windowMs: 10 * MIN });
    l.fail('k', 0);
    l.fail('k', 4 * MIN);
    expect(l.blockedUntil('k', 5 * MIN)).toBeNull();
    l.fail('k', 6 * MIN);
    expect(l.blockedUntil('k', 6 * MIN)).toBe(10 * MIN);
    expect(l.blockedUntil('other', 6 * MIN)).toBeNull();
    // At 10 min the first failure is out of the window: two remain, one more try is allowed …
    expect(l.blockedUntil('k', 10 * MIN)).toBeNull();
    l.fail('k', 10 * MIN);
    // … and the window slides: blocked again until the failure at 4 min is 10 min old.
    expect(l.blockedUntil('k', 10 * MIN)).toBe(14 * MIN);
  });
});

describe('progress query rate limit (per terminal, injected clock)', () => {
  let t: TestHost;
  let now = START;
  let kiosk: string;
  let caseNumber: string;
  const id = idNumber('19800101', '457');
  const wrongLast4 = id.slice(-4) === '0000' ? '1111' : '0000';
  const query = (last4: string, token = kiosk) => t.request(`/api/applications/progress?case=${caseNumber}&last4=${last4}`, { token });

  beforeAll(async () => {
    t = await startTestHost({ clock: () => now });
    kiosk = await t.pair('kiosk');
    const form = { name: '张三', idNumber: id, phone: '13800138000', purpose: 'employment' };
    const res = await t.request('/api/applications', {
      method: 'POST',
      token: kiosk,
      body: { requestId: randomUUID(), serviceCode: 'household_certificate', form, materials: ['id_card'] },
    });
    expect(res.status).toBe(200);
    caseNumber = (res.body as { application: { caseNumber: string } }).application.caseNumber;
  });
  afterAll(() => t.stop());

  it('answers 429 too_many_attempts after 10 failed lookups in 10 minutes, right answers included, until the window passes', async () => {
    const other = await t.pair('booth');
    // Successes do not count, nor reset the count.
    expect((await query(id.slice(-4))).status).toBe(200);
    for (let i = 0; i < 10; i++) {
      now += 30_000;
      expect((await query(wrongLast4)).status).toBe(404);
    }
    const refused = await query(wrongLast4);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'too_many_attempts' } });
    // The first failure was at +30 s and it is now +5 min: free again at +10 min 30 s, 330 s on.
    expect(refused.headers.get('retry-after')).toBe('330');
    expect((await query(id.slice(-4))).status).toBe(429);

    // Another terminal is not affected.
    expect((await query(id.slice(-4), other)).status).toBe(200);

    // Still refused just before the first failure leaves the window, allowed at that moment.
    now = START + 30_000 + 10 * MIN - 1;
    expect((await query(id.slice(-4))).status).toBe(429);
    now = START + 30_000 + 10 * MIN;
    expect((await query(id.slice(-4))).status).toBe(200);
    // Nine failures remain in the window: one more wrong guess blocks again.
    expect((await query(wrongLast4)).status).toBe(404);
    expect((await query(wrongLast4)).status).toBe(429);

    // Once ten minutes pass with no failures, the terminal starts afresh.
    now += 10 * MIN;
    for (let i = 0; i < 10; i++) expect((await query(wrongLast4)).status).toBe(404);
    expect((await query(wrongLast4)).status).toBe(429);
  });
});
