import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open.js';
import { ticketStore } from '../../db/tickets.js';
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
    const a1 = t.issue('household', day, BEFORE_MIDNIGHT - 10, null);
    const a2 = t.issue('household', day, BEFORE_MIDNIGHT - 9, null);
    const b1 = t.issue('traffic', day, BEFORE_MIDNIGHT - 8, null);
    const c1 = t.issue('exit_entry', day, BEFORE_MIDNIGHT - 7, null);
    expect([a1, a2, b1, c1].map((x) => x.ticket.number)).toEqual(['A001', 'A002', 'B001', 'C001']);
    expect([a1, a2, b1, c1].map((x) => x.ahead)).toEqual([0, 1, 0, 0]);
    expect(t.waiting(day)).toEqual({ household: 2, traffic: 1, exit_entry: 1 });
  });

  it('restarts at local midnight and never repeats a number within a day', () => {
    const t = ticketStore(open());
    const late = t.issue('household', serviceDay(BEFORE_MIDNIGHT), BEFORE_MIDNIGHT, null);
    const early = t.issue('household', serviceDay(AFTER_MIDNIGHT), AFTER_MIDNIGHT, null);
    const next = t.issue('household', serviceDay(AFTER_MIDNIGHT), AFTER_MIDNIGHT + 1, null);
    expect(late.ticket).toMatchObject({ number: 'A001', serviceDay: '2026-11-24' });
    expect(early.ticket).toMatchObject({ number: 'A001', serviceDay: '2026-11-25' });
    expect(next.ticket.number).toBe('A002');
    // Yesterday's waiting ticket is not "ahead" of today's first.
    expect(early.ahead).toBe(0);
  });

  it('issues a batch in one transaction with numbers and people ahead in request order', () => {
    const t = ticketStore(open());
    const day = '2026-11-24';
    t.issue('household', day, 1, null);
    t.issue('household', day, 2, null);
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
    const numbers = Array.from({ length: 1000 }, (_, i) => t.issue('traffic', day, i, null).ticket.number);
    expect(new Set(numbers).size).toBe(1000);
    expect(numbers[0]).toBe('B001');
    expect(numbers[998]).toBe('B999');
    expect(numbers[999]).toBe('B1000');
  });
});

describe('call next (first come, first served)', () => {
  it('calls the oldest waiting ticket in the window lines and closes the previous one', () => {
    const db = open();
    const t = ticketStore(db);
    const day = '2026-11-24';
    t.issue('traffic', day, 1, null);
    t.issue('household', day, 2, null);
    t.issue('household', day, 3, null);
    const first = t.callNext(1, ['household'], day, 10);
    expect(first.ticket).toMatchObject({ number: 'A001', status: 'called', windowId: 1, calledAt: 10 });
    expect(first.finished).toBeNull();
    const second = t.callNext(1, ['household'], day, 20);
    expect(second.ticket?.number).toBe('A002');
    expect(second.finished).toMatchObject({ number: 'A001', status: 'done' });
    expect(t.current(1)?.number).toBe('A002');
    const none = t.callNext(1, ['household'], day, 30);
    expect(none.ticket).toBeNull();
    expect(none.finished?.number).toBe('A002');
    expect(t.state(day).recentCalls.map((c) => [c.number, c.windowNumber])).toEqual([
      ['A002', 1],
      ['A001', 1],
    ]);
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
    const oldest = plan(
      `SELECT id FROM tickets WHERE service_day = ? AND status = 'waiting' AND line IN (SELECT value FROM json_each(?)) ORDER BY issued_at, id LIMIT 1`,
      '2026-11-24',
      '["household"]',
    );
    expect(oldest).toMatch(/USING (COVERING )?INDEX tickets_waiting/);
    expect(oldest).not.toMatch(/SCAN tickets\b(?! USING)/);
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
