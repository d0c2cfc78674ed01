import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { idNumber, startCaseHost, type CaseHost } from '../support/case-host.js';
import { TEST_PIN } from '../support/test-host.js';

/**
 * 好差评 through the real host: the counter screen asks after 办结, one rating per service, a 差评
 * opens its rectification item due in working days, the receipt's case number rates later at a
 * kiosk, and each step of the item is the supervisor's (or its assignee's) alone.
 */
// Tuesday 24 November 2026, 10:00 in Asia/Shanghai.
const TUESDAY = Date.UTC(2026, 10, 24, 2, 0, 0);
// Friday 27 November 2026, 10:00: five working days run over the weekend.
const FRIDAY = Date.UTC(2026, 10, 27, 2, 0, 0);
// Wednesday 30 September 2026: National Day (1–7 October) and the 调休 Saturday 10 October.
const BEFORE_NATIONAL_DAY = Date.UTC(2026, 8, 30, 2, 0, 0);
const APPLICANT = idNumber('19850312');
const form = { name: '张晓明', idNumber: APPLICANT, phone: '13800138000', newAddress: '锡林浩特市额尔敦路12号', moveReason: 'work' };
const PAPERS = ['id_card', 'hukou_booklet', 'transfer_consent'];

const hosts: CaseHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});
async function hall(at = TUESDAY): Promise<CaseHost> {
  const h = await startCaseHost(at);
  hosts.push(h);
  return h;
}
const errorOf = (r: { body: unknown }) => (r.body as { error: { code: string; message: string } }).error;
type Ask = { ask: { ticketId: number; number: string; askUntil: number } | null };
type Item = {
  id: number;
  status: string;
  dueDay: string;
  version: number;
  overdue: boolean;
  rating: { level: number; reasons: string[]; windowNumber: number };
};

/** A citizen's case served to the end at window 1 (called, started, finished). */
async function served(h: CaseHost, clerk: { token: string; staff: string }) {
  const { caseNumber } = await h.submit('hukou_transfer', form, PAPERS);
  for (const step of ['call-next', 'start', 'finish']) {
    const r = await h.post(`/api/windows/1/${step}`, clerk, {});
    expect(r.status, `${step}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  return caseNumber;
}

async function signedInAtAdmin(h: CaseHost, staffNo: string) {
  await h.clerk(staffNo);
  const token = await h.pair('admin');
  const r = await h.post('/api/staff/sign-in', { token }, { staffNo, pin: TEST_PIN });
  const staff = /yz_staff_[a-z]+=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
  if (r.status !== 200 || !staff) throw new Error(`sign-in: ${r.status}`);
  return { token, staff };
}

function rows(h: CaseHost, sql: string): Record<string, unknown>[] {
  const db = new Database(join(h.dataDir, 'yizhan.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('the counter screen asks after 办结', () => {
  it('asks once, takes one rating per service, and opens a rectification item for a 差评', async () => {
    const h = await hall();
    const clerk = await h.clerkAt(1, 'C601');
    const counter = { token: await h.pair('display') };
    expect(((await h.get('/api/windows/1/rating', counter)).body as Ask).ask).toBeNull();
    await served(h, clerk);
    const ask = ((await h.get('/api/windows/1/rating', counter)).body as Ask).ask;
    expect(ask).toMatchObject({ number: expect.any(String) as string, askUntil: TUESDAY + 60_000 });
    const ticketId = ask?.ticketId ?? 0;

    // A 差评 names a reason; reasons go with a 差评 only; no control characters.
    expect((await h.post('/api/windows/1/rating', counter, { ticketId, level: 2 })).status).toBe(400);
    expect((await h.post('/api/windows/1/rating', counter, { ticketId, level: 5, reasons: ['slow'] })).status).toBe(400);
    expect((await h.post('/api/windows/1/rating', counter, { ticketId, level: 9 })).status).toBe(400);
    // Only the service just finished at this window.
    expect(errorOf(await h.post('/api/windows/1/rating', counter, { ticketId: ticketId + 100, level: 5 })).code).toBe('conflict');

    const rated = await h.post('/api/windows/1/rating', counter, { ticketId, level: 2, reasons: ['slow', 'unclear'], comment: '等了很久' });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect(rated.body).toEqual({ stored: 'rated', answerWithinDays: 5 });
    // 一次一评: the second is refused, and the screen no longer asks.
    const again = await h.post('/api/windows/1/rating', counter, { ticketId, level: 5 });
    expect([again.status, errorOf(again).code]).toEqual([409, 'already_rated']);
    expect(((await h.get('/api/windows/1/rating', counter)).body as Ask).ask).toBeNull();

    // Tied to ticket, case, window and clerk; never the citizen; the citizen's words sealed.
    const [r] = rows(h, `SELECT * FROM service_ratings`);
    expect(r).toMatchObject({ ticket_id: ticketId, window_number: 1, level: 2, skipped: 0, channel: 'counter', reasons: '["slow","unclear"]' });
    expect(r?.application_id).not.toBeNull();
    expect(r?.staff_id).not.toBeNull();
    expect(JSON.stringify(r)).not.toContain(APPLICANT);
    expect(Buffer.from(r?.comment_enc as Buffer).toString('utf8')).not.toContain('等了很久');
    // Tuesday + 5 working days = the next Tuesday.
    expect(rows(h, `SELECT status, due_day FROM rating_rectifications`)).toEqual([{ status: 'open', due_day: '2026-12-01' }]);
    expect(h.audit('rectification.open')).toHaveLength(1);
  });

  it('stores a skip, which a later rating from the receipt replaces; refuses guesses and a second rating', async () => {
    const h = await hall();
    const clerk = await h.clerkAt(1, 'C601');
    const counter = { token: await h.pair('display') };
    const caseNumber = await served(h, clerk);
    const ask = ((await h.get('/api/windows/1/rating', counter)).body as Ask).ask;
    expect((await h.post('/api/windows/1/rating', counter, { ticketId: ask?.ticketId, level: null })).body).toEqual({
      stored: 'skipped',
      answerWithinDays: null,
    });
    expect(rows(h, `SELECT level, skipped FROM service_ratings`)).toEqual([{ level: null, skipped: 1 }]);

    const last4 = APPLICANT.slice(-4);
    expect((await h.post('/api/ratings/by-case', counter, { case: caseNumber, last4, level: 4 })).status).toBe(403);
    expect(errorOf(await h.post('/api/ratings/by-case', { token: h.kiosk }, { case: caseNumber, last4: '0000', level: 4 })).code).toBe('not_found');
    const later = await h.post('/api/ratings/by-case', { token: h.kiosk }, { case: caseNumber, last4, level: 1, reasons: ['attitude'] });
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    expect(rows(h, `SELECT level, skipped, channel FROM service_ratings`)).toEqual([{ level: 1, skipped: 0, channel: 'kiosk' }]);
    expect(errorOf(await h.post('/api/ratings/by-case', { token: h.kiosk }, { case: caseNumber, last4, level: 5 })).code).toBe('already_rated');
    expect(rows(h, `SELECT count(*) AS n FROM rating_rectifications`)).toEqual([{ n: 1 }]);
  });

  it('stops asking after the timeout', async () => {
    const h = await hall();
    const clerk = await h.clerkAt(1, 'C601');
    const counter = { token: await h.pair('display') };
    await served(h, clerk);
    h.setNow(TUESDAY + 61_000);
    expect(((await h.get('/api/windows/1/rating', counter)).body as Ask).ask).toBeNull();
  });

  it.each([
    [FRIDAY, '2026-12-04'],
    [BEFORE_NATIONAL_DAY, '2026-10-13'],
  ])('a 差评 given at %s is due %s (working days: weekends, holidays and 调休)', async (at, due) => {
    const h = await hall(at);
    const clerk = await h.clerkAt(1, 'C601');
    const counter = { token: await h.pair('display') };
    await served(h, clerk);
    const ask = ((await h.get('/api/windows/1/rating', counter)).body as Ask).ask;
    await h.post('/api/windows/1/rating', counter, { ticketId: ask?.ticketId, level: 1, reasons: ['rules'] });
    expect(rows(h, `SELECT due_day FROM rating_rectifications`)).toEqual([{ due_day: due }]);
  });

  it('refuses the rating routes to other terminals', async () => {
    const h = await hall();
    const clerk = await h.clerkAt(1, 'C601');
    expect((await h.get('/api/windows/1/rating', { token: h.kiosk })).status).toBe(403);
    expect((await h.get('/api/windows/1/rating', clerk)).status).toBe(403);
    expect((await h.request('/api/windows/1/rating')).status).toBe(401);
    expect((await h.get('/api/windows/99/rating', { token: await h.pair('display') })).status).toBe(404);
  });
});

describe('差评 handling', () => {
  async function withItem() {
    const h = await hall();
    const clerk = await h.clerkAt(1, 'C601');
    const counter = { token: await h.pair('display') };
    await served(h, clerk);
    const ask = ((await h.get('/api/windows/1/rating', counter)).body as Ask).ask;
    await h.post('/api/windows/1/rating', counter, { ticketId: ask?.ticketId, level: 2, reasons: ['slow'], comment: '太慢' });
    const sup = await h.supervisor();
    const list = (await h.get('/api/rectifications?filter=open', sup)).body as { items: Item[] };
    expect(list.items).toHaveLength(1);
    return { h, sup, clerk, item: list.items[0] as Item };
  }

  it('is the supervisor’s: a clerk terminal, a missing sign-in and a clerk who is not assigned are refused', async () => {
    const { h, clerk, item } = await withItem();
    expect((await h.get('/api/rectifications', clerk)).status).toBe(403);
    const adminTerminal = { token: await h.pair('admin') };
    expect(errorOf(await h.get('/api/rectifications', adminTerminal)).code).toBe('staff_sign_in_required');
    const other = await signedInAtAdmin(h, 'C777');
    expect(((await h.get('/api/rectifications?filter=all', other)).body as { items: Item[] }).items).toEqual([]);
    expect((await h.get(`/api/rectifications/${item.id}`, other)).status).toBe(403);
    expect((await h.post(`/api/rectifications/${item.id}`, other, { step: 'callback', version: item.version, text: '已回访' })).status).toBe(403);
    expect((await h.get('/api/rectifications?filter=bogus', await h.supervisor())).status).toBe(400);
    expect((await h.get('/api/rectifications/999', await h.supervisor())).status).toBe(404);
  });

  it('is assigned, called back, put right, answered and closed, every step audited', async () => {
    const { h, sup, item } = await withItem();
    const assignee = await signedInAtAdmin(h, 'C778');
    const staffId = (rows(h, `SELECT id FROM staff WHERE staff_no = 'C778'`)[0] as { id: number }).id;
    const step = async (who: { token: string; staff: string }, body: Record<string, unknown>) => {
      const current = ((await h.get(`/api/rectifications/${item.id}`, sup)).body as { item: Item }).item;
      return h.post(`/api/rectifications/${item.id}`, who, { version: current.version, ...body });
    };
    // The clerk may not assign, and no one closes an item before it is answered.
    expect((await step(assignee, { step: 'assign', staffId })).status).toBe(403);
    expect((await step(sup, { step: 'close' })).status).toBe(409);
    expect((await step(sup, { step: 'assign', staffId })).status).toBe(200);
    // Now the assignee sees it (and the citizen's words), and records the handling.
    const seen = (await h.get(`/api/rectifications/${item.id}`, assignee)).body as { item: Item; comment: string };
    expect(seen.comment).toBe('太慢');
    expect((await step(assignee, { step: 'callback', text: '电话回访，群众认可' })).status).toBe(200);
    expect((await step(assignee, { step: 'fix', text: '高峰期加开窗口' })).status).toBe(200);
    expect((await step(sup, { step: 'close' })).status).toBe(409);
    expect((await step(assignee, { step: 'answer', text: '已答复群众' })).status).toBe(200);
    expect((await step(assignee, { step: 'close' })).status).toBe(403);
    // A stale version is refused.
    expect((await h.post(`/api/rectifications/${item.id}`, sup, { step: 'close', version: 0 })).status).toBe(409);
    const closed = await step(sup, { step: 'close' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect((closed.body as { item: Item }).item.status).toBe('closed');
    expect(((await h.get('/api/rectifications?filter=open', sup)).body as { items: Item[] }).items).toEqual([]);
    for (const a of ['assign', 'callback', 'fix', 'answer', 'close']) expect(h.audit(`rectification.${a}`), a).toHaveLength(1);
  });

  it('appeals a malicious rating; overdue items are listed and counted', async () => {
    const { h, sup, item } = await withItem();
    const appealed = await h.post(`/api/rectifications/${item.id}`, sup, { step: 'appeal', version: item.version, text: '恶意差评，有录像' });
    expect(appealed.status).toBe(200);
    const v = (appealed.body as { item: Item }).item.version;
    expect((await h.post(`/api/rectifications/${item.id}`, sup, { step: 'reject_appeal', version: v })).status).toBe(200);
    // Past its due day (Tuesday 1 December) it is overdue.
    h.setNow(Date.UTC(2026, 11, 2, 2, 0, 0));
    await h.signInAgain(sup, 'S001');
    const overdue = (await h.get('/api/rectifications?filter=overdue', sup)).body as { items: Item[]; overdue: number };
    expect(overdue.overdue).toBe(1);
    expect(overdue.items.map((i) => [i.status, i.overdue])).toEqual([['appeal_rejected', true]]);
  });
});

describe('the ratings’ queries use their indexes', () => {
  it('EXPLAIN QUERY PLAN', async () => {
    const h = await hall();
    const db = new Database(join(h.dataDir, 'yizhan.sqlite'), { readonly: true });
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    try {
      expect(plan(`SELECT id FROM tickets WHERE window_id = 1 AND finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1`)).toMatch(
        /SEARCH tickets USING (COVERING )?INDEX tickets_window_finished/,
      );
      expect(plan(`SELECT id FROM service_ratings WHERE ticket_id = 1`)).toMatch(
        /SEARCH service_ratings USING (COVERING )?INDEX sqlite_autoindex_service_ratings/,
      );
      expect(plan(`SELECT id FROM rating_rectifications r WHERE r.status IN ('open', 'assigned') AND r.due_day < '2026-12-01' ORDER BY r.due_day`)).toMatch(
        /SEARCH r USING (COVERING )?INDEX rating_rectifications_open/,
      );
      expect(plan(`SELECT id FROM rating_rectifications r WHERE r.assignee_staff_id = 3 ORDER BY r.due_day`)).toMatch(
        /SEARCH r USING (COVERING )?INDEX rating_rectifications_assignee/,
      );
      expect(plan(`SELECT max(id) FROM ticket_events WHERE ticket_id = 1 AND kind = 'finished'`)).toMatch(/INDEX ticket_events_ticket/);
    } finally {
      db.close();
    }
  });
});
