import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open.js';
import { ticketStore } from '../../db/tickets.js';
import { DEFAULT_POLICY } from '../../electron/domain/queue/calling-policy.js';
import { serviceDay } from '../../electron/domain/service-day.js';
import { formatTicketNumber } from '../../electron/domain/ticket-number.js';
import { tempDir } from '../support/temp-dir.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function open(): Db {
  const d = tempDir();
  const { db } = openDatabase(d.path);
  cleanups.push(() => {
    db.close();
    d.remove();
  });
  return db;
}

// 2026-11-24 23:59:59.999 and 2026-11-25 00:00:00.000 in Asia/Shanghai (UTC+8).
const BEFORE_MIDNIGHT = Date.UTC(2026, 10, 24, 15, 59, 59, 999);
const AFTER_MIDNIGHT = BEFORE_MIDNIGHT + 1;

describe('ticket numbers', () => {
  it('formats a letter per business line and three digits, growing past 999', () => {
    expect(formatTicketNumber('household', 1)).toBe('A001');
    expect(formatTicketNumber('traffic', 42)).toBe('B042');
    expect(formatTicketNumber('exit_entry', 999)).toBe('C999');
    expect(formatTicketNumber('household', 1000)).toBe('A1000');
    expect(() => formatTicketNumber('household', 0)).toThrow(RangeError);
  });

  it('takes the service day from the hall time zone, not the machine', () => {
    expect(serviceDay(BEFORE_MIDNIGHT)).toBe('2026-11-24');
    expect(serviceDay(AFTER_MIDNIGHT)).toBe('2026-11-25');
    expect(serviceDay(AFTER_MIDNIGHT, 'UTC')).toBe('2026-11-24');
  });

  it('numbers each line separately and counts the people ahead', () => {
    const t = ticketStore(open());
    const day = serviceDay(BEFORE_MIDNIGHT);
    const a1 = t.issue({ line: 'household', terminalId: null }, day, BEFORE_MIDNIGHT - 10);
    const a2 = t.issue({ line: 'household', terminalId: null }, day, BEFORE_MIDNIGHT - 9);
    const b1 = t.issue({ line: 'traffic', terminalId: null }, day, BEFORE_MIDNIGHT - 8);
    const c1 = t.issue({ line: 'exit_entry', terminalId: null }, day, BEFORE_MIDNIGHT - 7);
    expect([a1, a2, b1, c1].map((x) => x.ticket.number)).toEqual(['A001', 'A002', 'B001', 'C001']);
    expect([a1, a2, b1, c1].map((x) => x.ahead)).toEqual([0, 1, 0, 0]);
    expect(t.waiting(day)).toEqual({ household: 2, traffic: 1, exit_entry: 1 });
  });

  it('restarts at local midnight and never repeats a number within a day', () => {
    const t = ticketStore(open());
    const late = t.issue({ line: 'household', terminalId: null }, serviceDay(BEFORE_MIDNIGHT), BEFORE_MIDNIGHT);
    const early = t.issue({ line: 'household', terminalId: null }, serviceDay(AFTER_MIDNIGHT), AFTER_MIDNIGHT);
    const next = t.issue({ line: 'household', terminalId: null }, serviceDay(AFTER_MIDNIGHT), AFTER_MIDNIGHT + 1);
    expect(late.ticket).toMatchObject({ number: 'A001', serviceDay: '2026-11-24' });
    expect(early.ticket).toMatchObject({ number: 'A001', serviceDay: '2026-11-25' });
    expect(next.ticket.number).toBe('A002');
    // Yesterday's waiting ticket is not "ahead" of today's first.
    expect(early.ahead).toBe(0);
  });

  it('issues a batch in one transaction with numbers and people ahead in request order', () => {
    const t = ticketStore(open());
    const day = '2026-11-24';
    t.issue({ line: 'household', terminalId: null }, day, 1);
    t.issue({ line: 'household', terminalId: null }, day, 2);
    const batch = t.issueMany(
      [
        { line: 'household', terminalId: null },
        { line: 'traffic', terminalId: null },
        { line: 'household', terminalId: null },
      ],
      day,
      3,
    );
    expect(batch.map((b) => [b.ticket.number, b.ahead])).toEqual([
      ['A003', 2],
      ['B001', 0],
      ['A004', 3],
    ]);
  });

  it('allocates 1,000 numbers in a day without a gap or a repeat', () => {
    const t = ticketStore(open());
    const day = '2026-11-24';
    const numbers = Array.from({ length: 1000 }, (_, i) => t.issue({ line: 'traffic', terminalId: null }, day, i).ticket.number);
    expect(new Set(numbers).size).toBe(1000);
    expect(numbers[0]).toBe('B001');
    expect(numbers[998]).toBe('B999');
    expect(numbers[999]).toBe('B1000');
  });
});

describe('call next', () => {
  const WINDOW_1 = { id: 1, primary: ['household'] as const, backup: [] as const };
  it('calls by the policy, finishes the ticket being served, and lists recent calls', () => {
    const db = open();
    const t = ticketStore(db);
    const day = '2026-11-24';
    t.issue({ line: 'traffic', terminalId: null }, day, 1);
    t.issue({ line: 'household', terminalId: null }, day, 2);
    t.issue({ line: 'household', terminalId: null, ticketClass: 'green' }, day, 3);
    const first = t.callNext(WINDOW_1, day, 10, DEFAULT_POLICY);
    expect(first.ticket).toMatchObject({ number: 'A002', status: 'called', windowId: 1, calledAt: 10, ticketClass: 'green' });
    expect(first.choice?.reason).toBe('green');
    expect(first.finished).toBeNull();
    expect(t.start(1, 15)).toMatchObject({ number: 'A002', status: 'serving', startedAt: 15 });
    const second = t.callNext(WINDOW_1, day, 20, DEFAULT_POLICY);
    expect(second.ticket?.number).toBe('A001');
    expect(second.finished).toMatchObject({ number: 'A002', status: 'done', finishedAt: 20 });
    expect(t.current(1)?.number).toBe('A001');
    expect(t.recentCalls(day).map((c) => [c.number, c.windowNumber])).toEqual([
      ['A001', 1],
      ['A002', 1],
    ]);
    expect(t.waiting(day)).toEqual({ household: 0, traffic: 1, exit_entry: 0 });
    expect(t.recentServiceDurations(day, 'household')).toEqual([5]);
  });

  it('recalls up to the limit, marks no-show, and reinstates in the original place', () => {
    const db = open();
    const t = ticketStore(db);
    const day = '2026-11-24';
    t.issue({ line: 'household', terminalId: null }, day, 1);
    t.issue({ line: 'household', terminalId: null }, day, 2);
    t.callNext(WINDOW_1, day, 10, DEFAULT_POLICY);
    expect(t.recall(1, 11, 2)?.recallCount).toBe(1);
    expect(t.recall(1, 12, 2)?.recallCount).toBe(2);
    expect(t.recall(1, 13, 2)).toBeNull();
    expect(t.start(1, 14)).toMatchObject({ status: 'serving' });
    expect(t.noShow(1, 15)).toBeNull(); // only a called (not started) ticket can be a no-show
    expect(t.finish(1, 16)).toMatchObject({ status: 'done' });
    const next = t.callNext(WINDOW_1, day, 20, DEFAULT_POLICY).ticket!;
    expect(t.noShow(1, 21)).toMatchObject({ number: next.number, status: 'no_show' });
    expect(t.noShowsAt(1, day, 0).map((x) => x.number)).toEqual([next.number]);
    expect(t.reinstate(next.id, 22, 30)).toBeNull(); // outside the reinstatement window
    const back = t.reinstate(next.id, 0, 30)!;
    expect(back).toMatchObject({ status: 'waiting', issuedAt: 2, targetWindowId: 1 });
  });

  it('a transfer keeps the issue time and class', () => {
    const t = ticketStore(open());
    const day = '2026-11-24';
    t.issue({ line: 'household', terminalId: null, ticketClass: 'group', groupSize: 4 }, day, 1);
    t.callNext(WINDOW_1, day, 10, DEFAULT_POLICY);
    const moved = t.transfer(1, 'traffic', null, 30)!;
    expect(moved).toMatchObject({ status: 'waiting', line: 'traffic', issuedAt: 1, ticketClass: 'group', groupSize: 4, windowId: null, number: 'A001' });
    expect(t.waiting(day)).toEqual({ household: 0, traffic: 1, exit_entry: 0 });
  });

  it('uses indexes for the queue queries (no full table scan)', () => {
    const db = open();
    const plan = (sql: string, ...args: unknown[]) =>
      db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...args)
        .map((r) => r.detail)
        .join(' | ');
    const waitingRows = plan(`SELECT * FROM tickets WHERE service_day = ? AND status = 'waiting'`, '2026-11-24');
    expect(waitingRows).toMatch(/USING (COVERING )?INDEX tickets_waiting/);
    expect(waitingRows).not.toMatch(/SCAN tickets\b(?! USING)/);
    const durations = plan(
      `SELECT finished_at FROM tickets WHERE service_day = ? AND line = ? AND finished_at IS NOT NULL AND status = 'done' ORDER BY finished_at DESC LIMIT 20`,
      'd',
      'household',
    );
    expect(durations).toMatch(/INDEX tickets_finished/);
    // The calling policy's candidate reads: one indexed row each, never the whole queue.
    const earliest = plan(
      `SELECT id FROM tickets WHERE service_day = ? AND status = 'waiting' AND line = ? AND ticket_class = ? AND target_window_id IS NULL ORDER BY issued_at, id LIMIT 1`,
      'd',
      'household',
      'green',
    );
    expect(earliest).toMatch(/SEARCH tickets USING INDEX tickets_waiting \(service_day=\? AND status=\? AND line=\? AND ticket_class=\?\)/);
    expect(earliest).not.toMatch(/TEMP B-TREE/);
    const applicant = plan(`SELECT a.form_enc FROM applications a WHERE a.ticket_id = ? ORDER BY a.member_no LIMIT 1`, 1);
    expect(applicant).toMatch(/INDEX applications_ticket/);
    const targeted = plan(`SELECT id FROM tickets WHERE service_day = ? AND status = 'waiting' AND target_window_id = ?`, 'd', 1);
    expect(targeted).toMatch(/INDEX tickets_targeted/);
    const waiting = plan(`SELECT line, count(*) FROM tickets WHERE service_day = ? AND status = 'waiting' GROUP BY line`, 'd');
    expect(waiting).toMatch(/USING (COVERING )?INDEX tickets_waiting/);
    const recent = plan(
      `SELECT t.id FROM tickets t JOIN windows w ON w.id = t.window_id WHERE t.service_day = ? AND t.called_at IS NOT NULL ORDER BY t.called_at DESC, t.id DESC LIMIT 8`,
      'd',
    );
    expect(recent).toMatch(/INDEX tickets_called/);
    const current = plan(`SELECT id FROM tickets WHERE window_id = ? AND status IN ('called', 'serving') ORDER BY called_at DESC LIMIT 1`, 1);
    expect(current).toMatch(/INDEX tickets_window/);
  });
});

describe('transfer across lines', () => {
  it('keeps the slip number even when the target line has the same sequence', () => {
    const db = openDatabase(tempDir().path).db;
    const t = ticketStore(db);
    const day = '2026-11-24';
    t.issue({ line: 'household', terminalId: null }, day, 1);
    t.issue({ line: 'traffic', terminalId: null }, day, 2);
    t.callNext({ id: 1, primary: ['household'], backup: [] }, day, 10, DEFAULT_POLICY);
    const moved = t.transfer(1, 'traffic', null, 30);
    expect(moved).toMatchObject({ number: 'A001', line: 'traffic', status: 'waiting', issuedAt: 1 });
    // It keeps its place: it was issued before B001.
    expect(t.callNext({ id: 3, primary: ['traffic'], backup: [] }, day, 20, DEFAULT_POLICY).ticket?.number).toBe('A001');
    db.close();
  });
});
