import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallDashboard } from '../../electron/domain/contract/dashboard-api.js';
import { idNumber, startCaseHost, type CaseHost } from '../support/case-host.js';

/** The supervisor's live dashboard through the real host: its figures, its alerts, who may read it. */
// Tuesday 24 November 2026, 10:00 in Asia/Shanghai.
const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);
const form = { name: '张晓明', idNumber: idNumber('19850312'), phone: '13800138000', newAddress: '锡林浩特市额尔敦路12号', moveReason: 'work' };
const PAPERS = ['id_card', 'hukou_booklet', 'transfer_consent'];

const hosts: CaseHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

describe('the hall dashboard', () => {
  it('shows waiting, windows, served today against yesterday, and alerts past the target wait', async () => {
    const h = await startCaseHost(NOW);
    hosts.push(h);
    const sup = await h.supervisor();
    const clerk = await h.clerkAt(1, 'C601');
    // Refused: a clerk terminal, and a clerk signed in on it.
    expect((await h.get('/api/dashboard', clerk)).status).toBe(403);
    expect((await h.get('/api/dashboard', { token: h.kiosk })).status).toBe(403);

    await h.submit('hukou_transfer', form, PAPERS);
    await h.submit('hukou_transfer', form, PAPERS);
    h.setNow(NOW + 31 * 60_000);
    let d = (await h.get('/api/dashboard', sup)).body as HallDashboard;
    expect(d.waiting).toEqual([{ line: 'household', ticketClass: 'normal', count: 2, oldestIssuedAt: NOW }]);
    expect(d.longestWait).toMatchObject({ number: 'A001', issuedAt: NOW });
    expect(d.alerts).toContainEqual({ kind: 'wait_over_target', count: 2, subject: '' });

    for (const step of ['call-next', 'start']) expect((await h.post(`/api/windows/1/${step}`, clerk, {})).status).toBe(200);
    d = (await h.get('/api/dashboard', sup)).body as HallDashboard;
    const w1 = d.windows.find((w) => w.number === 1);
    expect(w1).toMatchObject({ status: 'open', staffName: 'Clerk C601', current: { number: 'A001', status: 'serving', startedAt: NOW + 31 * 60_000 } });
    expect(d.windows.find((w) => w.number === 2)).toMatchObject({ status: 'closed', current: null });
    await h.post('/api/windows/1/finish', clerk, {});
    d = (await h.get('/api/dashboard', sup)).body as HallDashboard;
    expect(d.served).toEqual({ today: 1, yesterdayByNow: 0 });
    expect(d.alerts.filter((a) => a.kind === 'wait_over_target')).toEqual([{ kind: 'wait_over_target', count: 1, subject: '' }]);
  });

  it('reads its figures through indexes', async () => {
    const h = await startCaseHost(NOW);
    hosts.push(h);
    const db = new Database(join(h.dataDir, 'yizhan.sqlite'), { readonly: true });
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    try {
      expect(
        plan(
          `SELECT line, ticket_class, count(*), min(issued_at) FROM tickets WHERE service_day = '2026-11-24' AND status = 'waiting' GROUP BY line, ticket_class`,
        ),
      ).toMatch(/SEARCH tickets USING COVERING INDEX tickets_waiting/);
      expect(plan(`SELECT count(*) FROM tickets WHERE service_day = '2026-11-24' AND status = 'waiting' AND issued_at < 5`)).toMatch(/INDEX tickets_waiting/);
      expect(plan(`SELECT count(*) FROM ticket_events WHERE service_day = '2026-11-24' AND kind = 'finished' AND at <= 5`)).toMatch(
        // The reports' covering index (migration 015) serves it best; the day-and-kind index would do.
        /SEARCH ticket_events USING (COVERING )?INDEX ticket_events_(report|day_kind) \(service_day=\? AND kind=\?/,
      );
      expect(plan(`SELECT count(*) FROM rating_rectifications WHERE status = 'open'`)).toMatch(/INDEX rating_rectifications_open/);
    } finally {
      db.close();
    }
  });
});
