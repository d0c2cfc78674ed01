import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, TEST_PIN, type TestHost } from '../support/test-host.js';

/**
 * Nobody may reset, disable or change the role of an account with more rights than their own, or
 * give a role above their own; a reset or a disable signs the account out everywhere at once.
 */
let t: TestHost;
let admin: { token: string; staff: string };
type StaffAnswer = { staff: { id: number; staffNo: string; role: string; disabled: boolean }; enrollmentCode?: string };

/** A staff member of `role` with a PIN set, signed in on a terminal of `terminal` kind. */
async function member(staffNo: string, role: 'clerk' | 'supervisor' | 'admin', terminal: 'admin' | 'clerk') {
  const created = await t.request('/api/staff', { method: 'POST', ...admin, body: { staffNo, name: staffNo, role } });
  expect(created.status).toBe(200);
  const { staff, enrollmentCode } = created.body as StaffAnswer;
  const token = await t.pair(terminal);
  const enrolled = await t.request('/api/staff/enroll', { method: 'POST', token, body: { staffNo, code: enrollmentCode, pin: TEST_PIN } });
  expect(enrolled.status).toBe(200);
  const session = /yz_staff_[a-z]+=([^;]+)/.exec(enrolled.headers.get('set-cookie') ?? '')?.[1] ?? '';
  return { id: staff.id, token, staff: session };
}

beforeAll(async () => {
  t = await startTestHost();
  admin = await t.supervisor();
});
afterAll(() => t.stop());

describe('staff rank', () => {
  it('a supervisor cannot reset, disable or demote an administrator, nor create or promote one', async () => {
    const sup = await member('S100', 'supervisor', 'admin');
    const adminId = ((await t.request('/api/staff/me', admin)).body as { staff: { id: number } }).staff.id;
    const tries = [
      await t.request(`/api/staff/${adminId}/reset`, { method: 'POST', ...sup }),
      await t.request(`/api/staff/${adminId}/disable`, { method: 'POST', ...sup }),
      await t.request(`/api/staff/${adminId}/role`, { method: 'PUT', ...sup, body: { role: 'clerk' } }),
      await t.request('/api/staff', { method: 'POST', ...sup, body: { staffNo: 'A900', name: 'x', role: 'admin' } }),
    ];
    expect(tries.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    for (const r of tries) expect(r.body).toMatchObject({ error: { code: 'staff_outranks' } });
    const clerk = await member('C100', 'clerk', 'clerk');
    const promote = await t.request(`/api/staff/${clerk.id}/role`, { method: 'PUT', ...sup, body: { role: 'admin' } });
    expect(promote.status).toBe(403);
    // The administrator is untouched and still signed in.
    expect((await t.request('/api/staff/me', admin)).body).toMatchObject({ staff: { role: 'admin', disabled: false } });
  });

  it('a supervisor manages clerks and other supervisors; a reset signs the account out at once', async () => {
    const sup = await member('S200', 'supervisor', 'admin');
    const other = await member('S201', 'supervisor', 'admin');
    const clerk = await member('C200', 'clerk', 'clerk');
    expect((await t.request('/api/staff/me', clerk)).body).toMatchObject({ staff: { staffNo: 'C200' } });
    const reset = await t.request(`/api/staff/${clerk.id}/reset`, { method: 'POST', ...sup });
    expect(reset.status).toBe(200);
    expect((await t.request('/api/staff/me', clerk)).body).toMatchObject({ staff: null });
    expect((await t.request('/api/windows/1/open', { method: 'POST', ...clerk })).status).toBe(401);
    expect((await t.request(`/api/staff/${other.id}/reset`, { method: 'POST', ...sup })).status).toBe(200);
  });

  it('disabling ends every session and refuses the next sign-in; re-enabling lets the account back', async () => {
    const clerk = await member('C300', 'clerk', 'clerk');
    const disabled = await t.request(`/api/staff/${clerk.id}/disable`, { method: 'POST', ...admin });
    expect(disabled.body).toMatchObject({ staff: { staffNo: 'C300', disabled: true } });
    expect((await t.request('/api/staff/me', clerk)).body).toMatchObject({ staff: null });
    const signIn = await t.request('/api/staff/sign-in', { method: 'POST', token: clerk.token, body: { staffNo: 'C300', pin: TEST_PIN } });
    expect(signIn.status).toBe(401);
    expect((await t.request(`/api/staff/${clerk.id}/enable`, { method: 'POST', ...admin })).body).toMatchObject({ staff: { disabled: false } });
    const again = await t.request('/api/staff/sign-in', { method: 'POST', token: clerk.token, body: { staffNo: 'C300', pin: TEST_PIN } });
    expect(again.status).toBe(200);
  });

  it('nobody disables or demotes themselves, and the last administrator stays one', async () => {
    const me = ((await t.request('/api/staff/me', admin)).body as { staff: { id: number } }).staff.id;
    expect((await t.request(`/api/staff/${me}/disable`, { method: 'POST', ...admin })).status).toBe(409);
    expect((await t.request(`/api/staff/${me}/role`, { method: 'PUT', ...admin, body: { role: 'clerk' } })).status).toBe(409);
    const second = await member('A300', 'admin', 'admin');
    expect((await t.request(`/api/staff/${me}/role`, { method: 'PUT', ...second, body: { role: 'supervisor' } })).status).toBe(200);
    // Now `second` is the only administrator: the demoted one, signed out, cannot take it back.
    expect((await t.request('/api/staff/me', admin)).body).toMatchObject({ staff: null });
    expect((await t.request(`/api/staff/${second.id}/disable`, { method: 'POST', ...second })).status).toBe(409);
  });

  it('every change is in the audit log, with who did it and to whom', async () => {
    const second = await t.request('/api/staff/sign-in', { method: 'POST', token: admin.token, body: { staffNo: 'A300', pin: TEST_PIN } });
    const session = /yz_staff_[a-z]+=([^;]+)/.exec(second.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const audit = await t.request('/api/audit?limit=100', { token: admin.token, staff: session });
    const actions = (audit.body as { entries: { action: string; target: string }[] }).entries.map((e) => `${e.action} ${e.target}`);
    for (const expected of ['staff.disable staff:C300', 'staff.enable staff:C300', 'staff.reset_pin staff:C200', 'staff.role staff:S001'])
      expect(actions).toContain(expected);
  });
});

describe('one PIN tried across many staff numbers', () => {
  it('is stopped per terminal after 10 wrong PINs, whatever the staff numbers, before any account locks', async () => {
    const h = await startTestHost();
    try {
      const pc = await h.pair('clerk');
      const tries: number[] = [];
      for (let i = 0; i < 12; i++)
        tries.push((await h.request('/api/staff/sign-in', { method: 'POST', token: pc, body: { staffNo: `X${100 + i}`, pin: '123456' } })).status);
      expect(tries.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(tries.slice(10)).toEqual([429, 429]);
      const refused = await h.request('/api/staff/sign-in', { method: 'POST', token: pc, body: { staffNo: 'X999', pin: '123456' } });
      expect(refused.body).toMatchObject({ error: { code: 'too_many_sign_ins' } });
      // Another terminal is not held up by this one's guessing.
      const other = await h.pair('clerk');
      expect((await h.request('/api/staff/sign-in', { method: 'POST', token: other, body: { staffNo: 'X100', pin: '123456' } })).status).toBe(401);
    } finally {
      await h.stop();
    }
  });
});
