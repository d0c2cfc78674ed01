import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { idNumber, startCaseHost, type CaseHost } from '../support/case-host.js';

// Tuesday 24 November 2026, 10:00 in Asia/Shanghai.
const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);
const APPLICANT = idNumber('19850312');
const form = { name: '张晓明', idNumber: APPLICANT, phone: '13800138000', newAddress: '锡林浩特市额尔敦路12号', moveReason: 'work' };
const ALL_PAPERS = ['id_card', 'hukou_booklet', 'transfer_consent'];

const hosts: CaseHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});
async function hall(): Promise<CaseHost> {
  const h = await startCaseHost(NOW);
  hosts.push(h);
  return h;
}
const errorOf = (r: { body: unknown }) => (r.body as { error: { code: string; message: string } }).error;

describe('who may work on a case', () => {
  it('refuses a kiosk, a clerk terminal without a signed-in clerk, and a clerk at someone else’s window', async () => {
    const h = await hall();
    const { caseNumber } = await h.submit('hukou_transfer', form, ALL_PAPERS);
    const a = await h.clerkAt(1, 'C601');
    const b = await h.clerkAt(2, 'C602');
    const body = { windowId: 1, version: 0, received: ALL_PAPERS };
    expect((await h.post(`/api/cases/${caseNumber}/accept`, { token: h.kiosk }, body)).status).toBe(403);
    expect((await h.get(`/api/cases/${caseNumber}`, { token: h.kiosk })).status).toBe(403);
    expect(errorOf(await h.post(`/api/cases/${caseNumber}/accept`, { token: a.token }, body)).code).toBe('staff_sign_in_required');
    // B names A's window: the window's actions are A's.
    const foreign = await h.post(`/api/cases/${caseNumber}/accept`, b, body);
    expect(foreign.status).toBe(403);
    expect(errorOf(foreign).message).toMatch(/Only the staff member serving at 1号窗口/);
    // Window 3 serves traffic, not household.
    const c = await h.clerkAt(3, 'C603');
    expect(errorOf(await h.post(`/api/cases/${caseNumber}/accept`, c, { ...body, windowId: 3 })).message).toMatch(/does not serve household/);
    // A supervisor's decisions are not a clerk's, nor made at a clerk terminal.
    expect((await h.post(`/api/cases/${caseNumber}/extend`, a, { version: 0, days: 2, reason: 'x' })).status).toBe(403);
    expect((await h.get('/api/cases/deadlines', a)).status).toBe(403);
    // Unknown and malformed case numbers: 404 and 400, never a 500.
    expect((await h.get('/api/cases/YZ20261124-9999', a)).status).toBe(404);
    expect((await h.get('/api/cases/not-a-case', a)).status).toBe(400);
    expect((await h.post(`/api/cases/${caseNumber}/refuse`, a, { windowId: 1, version: 0, reason: 'bogus', text: '' })).status).toBe(400);
    expect((await h.post(`/api/cases/${caseNumber}/refuse`, a, { windowId: 1, version: 0, reason: 'other', text: '理由\u0007' })).status).toBe(400);
  });

  it('tells the second clerk who has the case: its ticket is served at another window', async () => {
    const h = await hall();
    const { caseNumber } = await h.submit('hukou_transfer', form, ALL_PAPERS);
    const a = await h.clerkAt(1, 'C601');
    const b = await h.clerkAt(2, 'C602');
    await h.post('/api/windows/1/call-next', a, {});
    const taken = await h.post(`/api/cases/${caseNumber}/accept`, b, { windowId: 2, version: 0, received: ALL_PAPERS });
    expect(taken.status).toBe(409);
    expect(errorOf(taken).message).toBe('This case is being served at 1号窗口 by staff C601');
    expect((await h.get(`/api/cases/${caseNumber}`, b)).body).toMatchObject({ case: { holder: { windowName: '1号窗口', staff: { staffNo: 'C601' } } } });
  });

  it('lets one of two clerks acting at the same moment win, and tells the other who did', async () => {
    const h = await hall();
    const a = await h.clerkAt(1, 'C601');
    const b = await h.clerkAt(2, 'C602');
    // A walk-in at window 1 with no ticket called: nobody holds it, both clerks open it.
    const walkIn = await h.post('/api/cases/walk-in', a, { requestId: randomUUID(), windowId: 1, serviceCode: 'hukou_transfer', form, materials: ALL_PAPERS });
    expect(walkIn.status, JSON.stringify(walkIn.body)).toBe(200);
    const caseNumber = (walkIn.body as { case: { caseNumber: string; status: string } }).case.caseNumber;
    const [ra, rb] = await Promise.all([
      h.post(`/api/cases/${caseNumber}/accept`, a, { windowId: 1, version: 0, received: ALL_PAPERS }),
      h.post(`/api/cases/${caseNumber}/refuse`, b, { windowId: 2, version: 0, reason: 'duplicate', text: '' }),
    ]);
    const statuses = [ra.status, rb.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = ra.status === 200 ? [ra, rb] : [rb, ra];
    const winner = won === ra ? 'C601' : 'C602';
    expect(errorOf(lost).message).toMatch(new RegExp(`changed meanwhile: it is now (accepted|rejected) \\(last: (accept|refuse) by staff ${winner}`));
    // Exactly one step, one audit line, one set of papers.
    const view = (await h.get(`/api/cases/${caseNumber}`, a)).body as { case: { history: unknown[]; version: number } };
    expect(view.case.version).toBe(1);
    expect(view.case.history).toHaveLength(2);
    expect([...h.audit('case.accept'), ...h.audit('case.refuse')]).toHaveLength(1);
    expect(h.jobs()).toHaveLength(1);
  });

  it('transfers a case only by its owner or a supervisor, audited, and lists it among the new owner’s cases', async () => {
    const h = await hall();
    const { caseNumber } = await h.submit('hukou_transfer', form, ALL_PAPERS);
    const a = await h.clerkAt(1, 'C601');
    const b = await h.clerkAt(2, 'C602');
    expect((await h.post(`/api/cases/${caseNumber}/transfer`, a, { version: 0, toStaffNo: 'C602', reason: '休假' })).status).toBe(409);
    await h.post(`/api/cases/${caseNumber}/accept`, a, { windowId: 1, version: 0, received: ALL_PAPERS });
    expect((await h.get('/api/cases/mine', a)).body).toMatchObject({ cases: [{ caseNumber, applicant: '张*明', urgency: 'on_track' }] });
    expect((await h.post(`/api/cases/${caseNumber}/transfer`, b, { version: 1, toStaffNo: 'C602', reason: '休假' })).status).toBe(403);
    expect((await h.post(`/api/cases/${caseNumber}/transfer`, a, { version: 1, toStaffNo: 'C999', reason: '休假' })).status).toBe(400);
    const moved = await h.post(`/api/cases/${caseNumber}/transfer`, a, { version: 1, toStaffNo: 'C602', reason: '休假' });
    expect(moved.body).toMatchObject({ case: { owner: { staffNo: 'C602' }, status: 'accepted', version: 2 } });
    expect(h.audit('case.transfer')).toMatchObject([{ target: caseNumber, detail: 'staff C601 → C602' }]);
    expect((await h.get('/api/cases/mine', a)).body).toMatchObject({ cases: [] });
    expect((await h.get('/api/cases/mine', b)).body).toMatchObject({ cases: [{ caseNumber }] });
    // A supervisor may hand it back.
    const sup = await h.supervisor();
    expect((await h.post(`/api/cases/${caseNumber}/transfer`, sup, { version: 2, toStaffNo: 'C601', reason: '销假' })).status).toBe(200);
  });

  it('starts a walk-in from the window with the kiosk’s checks, on the ticket being served', async () => {
    const h = await hall();
    const a = await h.clerkAt(1, 'C601');
    await h.request('/api/tickets', { method: 'POST', token: h.kiosk, body: { line: 'household' } });
    await h.post('/api/windows/1/call-next', a, {});
    const requestId = randomUUID();
    const body = { requestId, windowId: 1, serviceCode: 'hukou_transfer', form, materials: ['id_card'] };
    const missing = await h.post('/api/cases/walk-in', a, body);
    expect(missing.status).toBe(409);
    expect(errorOf(missing).message).toMatch(/Mandatory materials missing: hukou_booklet/);
    expect((await h.post('/api/cases/walk-in', a, { ...body, form: { ...form, phone: '12' } })).status).toBe(400);
    const ok = await h.post('/api/cases/walk-in', a, { ...body, materials: ['id_card', 'hukou_booklet'] });
    expect(ok.body).toMatchObject({ replayed: false, case: { status: 'submitted', ticket: { number: 'A001' }, idNumber: APPLICANT } });
    expect((await h.post('/api/cases/walk-in', a, { ...body, materials: ['id_card', 'hukou_booklet'] })).body).toMatchObject({ replayed: true });
    expect((await h.get('/api/windows/1/applications', a)).body).toMatchObject({
      applications: [{ caseNumber: (ok.body as { case: { caseNumber: string } }).case.caseNumber }],
    });
    // Found again by the applicant's ID number (a card on the reader), without the number in the audit.
    const found = await h.post('/api/cases/find', a, { idNumber: APPLICANT });
    expect(found.body).toMatchObject({ cases: [{ status: 'submitted', applicant: '张*明' }] });
    expect(JSON.stringify(h.audit('case.find'))).not.toContain(APPLICANT);
    expect((await h.post('/api/cases/find', a, { idNumber: '123' })).status).toBe(400);
  });

  it('lets a supervisor correct the calendar, which moves the dates promised from then on', async () => {
    const h = await hall();
    const sup = await h.supervisor();
    const a = await h.clerkAt(1, 'C601');
    expect((await h.request('/api/calendar/2026-11-25', { method: 'PUT', ...a, body: { kind: 'holiday', name: '本地假日' } })).status).toBe(403);
    const put = await h.request('/api/calendar/2026-11-25', { method: 'PUT', ...sup, body: { kind: 'holiday', name: '本地假日' } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      overrides: [{ day: '2026-11-25', kind: 'holiday', name: '本地假日' }],
      years: [
        { year: 2026, published: true },
        { year: 2027, published: false },
      ],
    });
    expect(h.audit('calendar.set')).toMatchObject([{ target: '2026-11-25', detail: 'holiday 本地假日' }]);
    const { caseNumber } = await h.submit('hukou_transfer', form, ALL_PAPERS);
    // 3 working days from Tuesday 24 Nov, Wednesday off: Thu 26, Fri 27, Mon 30.
    const accepted = await h.post(`/api/cases/${caseNumber}/accept`, a, { windowId: 1, version: 0, received: ALL_PAPERS });
    expect(accepted.body).toMatchObject({ case: { promisedBy: '2026-11-30' } });
    const calendar = await h.get('/api/calendar', { token: h.kiosk });
    expect((calendar.body as { days: { day: string }[] }).days.some((d) => d.day === '2026-11-25')).toBe(true);
  });
});
