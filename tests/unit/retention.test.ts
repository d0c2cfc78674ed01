import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_DAYS } from '../../electron/domain/retention.js';
import { dailyTask } from '../../electron/host/maintenance/daily-task.js';
import { startHost } from '../../electron/host/start-host.js';
import { tempDir } from '../support/temp-dir.js';
import { startTestHost, TEST_PIN } from '../support/test-host.js';

const DAY = 86_400_000;
// Tuesday 2026-01-06, 10:00 in Asia/Shanghai.
const DAY0 = Date.UTC(2026, 0, 6, 2, 0, 0);
const ID = '440304199001011233';
const OTHER_ID = '150103197811200137';
const NAME = '区志强';

/** Timers the test fires by hand: the host's daily work runs when the test says an hour has passed. */
function manualTimers() {
  const pending: (() => Promise<void>)[] = [];
  return {
    schedule: (_ms: number, fn: () => Promise<void>) => {
      pending.push(fn);
      return () => {
        const i = pending.indexOf(fn);
        if (i >= 0) pending.splice(i, 1);
      };
    },
    async fire(): Promise<void> {
      for (const fn of pending.splice(0)) await fn();
    },
  };
}

describe('retention: personal data of finished cases is purged after the period the supervisor sets', () => {
  let now = DAY0;
  const day = () => Math.floor((now - DAY0) / DAY);
  const printed = tempDir('yizhan-slips-');
  afterAll(() => printed.remove());

  it('over a simulated half year and more: day 180 by default, sooner once the supervisor shortens it; statistics stay', async () => {
    let timers = manualTimers();
    const logs: string[] = [];
    const t = await startTestHost({
      clock: () => now,
      schedule: timers.schedule,
      log: (l) => logs.push(l),
      defaultPrinter: { kind: 'folder', target: printed.path, media: '' },
    });
    try {
      const sup = await t.supervisor();
      const kiosk = await t.pair('kiosk');
      const clerk = await t.clerk();
      expect(((await t.request('/api/settings', sup)).body as { retentionDays: number }).retentionDays).toBe(DEFAULT_RETENTION_DAYS);
      const book = async (slotStart: number, idNumber: string) =>
        (
          (await t.request('/api/appointments', { method: 'POST', ...sup, body: { line: 'household', slotStart, idNumber, name: NAME } })).body as {
            appointment: { code: string };
          }
        ).appointment.code;
      const used = await book(DAY0 + 3_600_000, ID);
      const later = await book(DAY0 + 100 * DAY, OTHER_ID);
      const submit = async (idNumber: string, appointmentCode?: string) => {
        const res = await t.request('/api/applications', {
          method: 'POST',
          token: kiosk,
          body: {
            requestId: randomUUID(),
            serviceCode: 'household_certificate',
            form: { name: NAME, idNumber, phone: '13912345678', purpose: 'employment' },
            materials: ['id_card'],
            ...(appointmentCode ? { appointmentCode } : {}),
          },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return (res.body as { application: { caseNumber: string } }).application.caseNumber;
      };
      const completed = await submit(ID, used);
      const rejected = await submit(OTHER_ID);
      const open = await submit('11010519491231002X');
      await t.request('/api/windows/1/open', { method: 'POST', ...clerk });
      await t.request('/api/windows/1/conversation', { method: 'POST', ...clerk, body: { from: 'clerk', text: `${NAME}您好` } });

      const db = new Database(t.host.databasePath);
      db.pragma('busy_timeout = 5000');
      /** What the window's case work (issue 12) will do: move a case into a finished status at a time. */
      const finish = (caseNumber: string, status: string, at: number) => {
        const a = db.prepare(`SELECT id, status FROM applications WHERE case_number = ?`).get(caseNumber) as { id: number; status: string };
        db.prepare(`UPDATE applications SET status = ?, updated_at = ? WHERE id = ?`).run(status, at, a.id);
        db.prepare(`INSERT INTO application_events (application_id, at, actor, from_status, to_status) VALUES (?, ?, 'staff C001', ?, ?)`).run(
          a.id,
          at,
          a.status,
          status,
        );
      };
      const caseRow = (caseNumber: string) =>
        db
          .prepare(
            `SELECT status, service_code, line, created_at, ticket_id, purged_at, applicant_id_number_enc IS NULL AS noId, applicant_id_hash IS NULL AS noHash, form_enc IS NULL AS noForm
             FROM applications WHERE case_number = ?`,
          )
          .get(caseNumber) as Record<string, unknown>;
      const purgedCase = (caseNumber: string) => caseRow(caseNumber)['purged_at'] !== null;
      const purgedBooking = (code: string) => db.prepare(`SELECT purged_at IS NOT NULL FROM appointments WHERE code = ?`).pluck().get(code) === 1;
      const count = (sql: string) => db.prepare(sql).pluck().get() as number;
      finish(completed, 'completed', DAY0);

      // Day by day, the host's daily work is due once per simulated day (fired as its hourly check).
      const purgedOn: Record<string, number> = {};
      const watch = {
        conversation: () => count(`SELECT count(*) FROM conversation_messages`) === 0,
        completed: () => purgedCase(completed),
        booking: () => purgedBooking(used),
        printJobs: () => count(`SELECT count(*) FROM print_jobs WHERE data_enc IS NOT NULL`) === 0,
      };
      while (day() < 181) {
        now += DAY;
        await timers.fire();
        for (const [k, done] of Object.entries(watch)) if (purgedOn[k] === undefined && done()) purgedOn[k] = day();
      }
      expect(purgedOn).toEqual({ conversation: 1, completed: 180, booking: 180, printJobs: 180 });
      // A case still open keeps its data, whatever its age; so does a booking whose slot is to come.
      expect(purgedCase(open)).toBe(false);
      expect(purgedCase(rejected)).toBe(false);
      expect(purgedBooking(later)).toBe(false);
      // The purged case keeps what statistics need; only its personal fields are gone.
      expect(caseRow(completed)).toMatchObject({
        status: 'completed',
        service_code: 'household_certificate',
        line: 'household',
        created_at: DAY0,
        noId: 1,
        noHash: 1,
        noForm: 1,
      });
      const ticketId = caseRow(completed)['ticket_id'] as number;
      expect(db.prepare(`SELECT number, line, ticket_class, issued_at FROM tickets WHERE id = ?`).get(ticketId)).toMatchObject({
        line: 'household',
        issued_at: DAY0,
      });
      expect(count(`SELECT count(*) FROM application_events`)).toBeGreaterThanOrEqual(4);

      // Audited with counts, never with whose data.
      const audit = db.prepare(`SELECT at, actor, detail FROM audit_log WHERE action = 'retention.purge' ORDER BY id`).all() as {
        at: number;
        actor: string;
        detail: string;
      }[];
      expect(audit.map((a) => Math.round((a.at - DAY0) / DAY))).toEqual([1, 180]);
      expect(audit[1]).toMatchObject({ actor: 'system', detail: expect.stringMatching(/older than 180 days: applications 1, appointments 1, print jobs \d+/) });
      expect(JSON.stringify(audit) + logs.join('\n')).not.toMatch(new RegExp(`${ID}|${NAME}|${completed}`));

      // The clerk can no longer read it; the progress query treats it as unknown.
      const signIn = await t.request('/api/staff/sign-in', { method: 'POST', token: clerk.token, body: { staffNo: 'C001', pin: TEST_PIN } });
      const staff = /yz_staff_[a-z]+=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
      const read = await t.request(`/api/cases/${completed}`, { token: clerk.token, staff });
      expect(read.status).toBe(404);
      expect(JSON.stringify(read.body)).toContain('purged after the retention period');
      expect((await t.request(`/api/applications/progress?case=${completed}&last4=${ID.slice(-4)}`, { token: kiosk })).status).toBe(404);

      // The supervisor shortens the period to 30 days; a case rejected on day 150 is then due.
      const adminSignIn = await t.request('/api/staff/sign-in', { method: 'POST', token: sup.token, body: { staffNo: 'S001', pin: TEST_PIN } });
      const supStaff = /yz_staff_[a-z]+=([^;]+)/.exec(adminSignIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
      const settings = (await t.request('/api/settings', { token: sup.token, staff: supStaff })).body as Record<string, unknown>;
      expect((await t.request('/api/settings', { method: 'PUT', token: sup.token, staff: supStaff, body: { ...settings, retentionDays: 29 } })).status).toBe(
        400,
      );
      expect((await t.request('/api/settings', { method: 'PUT', token: sup.token, staff: supStaff, body: { ...settings, retentionDays: 30 } })).status).toBe(
        200,
      );
      finish(rejected, 'rejected', DAY0 + 150 * DAY);
      db.close();

      // Stopped for a few days; the purge runs at the next start.
      await t.host.close();
      now += 2 * DAY;
      timers = manualTimers();
      const restarted = await startHost({ dataDir: t.dataDir, host: '127.0.0.1', port: 0, log: () => {}, clock: () => now, schedule: timers.schedule });
      await restarted.close();
      const after = new Database(t.host.databasePath, { readonly: true });
      try {
        const rows = after.prepare(`SELECT case_number, purged_at FROM applications ORDER BY id`).all() as { case_number: string; purged_at: number | null }[];
        expect(rows.map((r) => [r.case_number, r.purged_at])).toEqual([
          [completed, DAY0 + 180 * DAY],
          [rejected, DAY0 + 183 * DAY],
          [open, null],
        ]);
        expect(after.prepare(`SELECT purged_at FROM appointments WHERE code = ?`).pluck().get(later)).toBe(DAY0 + 183 * DAY);
        expect(after.prepare(`SELECT detail FROM audit_log WHERE action = 'retention.purge' ORDER BY id DESC LIMIT 1`).pluck().get()).toMatch(
          /^older than 30 days: applications 1, appointments 1/,
        );
      } finally {
        after.close();
      }
    } finally {
      await t.stop();
    }
  });
});

describe('the daily task', () => {
  it('runs once a day by the host clock, checked hourly; never twice at once; catches up after the clock jumps', async () => {
    let now = DAY0;
    const runs: number[] = [];
    const fns: (() => Promise<void>)[] = [];
    let release: () => void = () => {};
    const task = dailyTask({
      name: 'test',
      clock: () => now,
      log: () => {},
      lastRunAt: now,
      run: () => {
        runs.push(now);
        return new Promise<void>((r) => (release = r));
      },
      schedule: (_ms, fn) => (fns.push(fn), () => {}),
    });
    const tick = () => fns.splice(0).map((fn) => fn());
    now += 23 * 3_600_000;
    await Promise.all(tick());
    expect(runs).toEqual([]);
    now += 3_600_000;
    const pending = tick();
    // While that run is in progress, another look does not start a second one.
    void task.check();
    expect(runs).toHaveLength(1);
    release();
    await Promise.all(pending);
    now += 40 * DAY;
    const p = tick();
    release();
    await Promise.all(p);
    expect(runs.map((r) => (r - DAY0) / 3_600_000)).toEqual([24, 24 + 960]);
    await task.stop();
  });
});
