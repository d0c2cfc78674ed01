import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open.js';
import { staffStore } from '../../db/staff.js';
import { ticketEventLog, type TicketEventRow } from '../../db/ticket-events.js';
import { ticketStore } from '../../db/tickets.js';
import { windowStore } from '../../db/windows.js';
import { DEFAULT_POLICY } from '../../electron/domain/queue/calling-policy.js';
import { TICKET_EVENT_KINDS } from '../../electron/domain/queue/ticket-events.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Every step of a ticket, and every change of a window, leaves one row in ticket_events, written
 * in the step's own transaction, through the real stores on a real SQLite file.
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const DAY = '2026-11-24';
const WINDOW_1 = { id: 1, primary: ['household'] as const, backup: [] as const };

function setUp() {
  const d = tempDir();
  const { db } = openDatabase(d.path);
  cleanups.push(() => {
    db.close();
    d.remove();
  });
  const clerk = staffStore(db).createWithPin('C101', '王芳', 'clerk', Buffer.alloc(32), Buffer.alloc(16), 0);
  const windows = windowStore(db);
  windows.setStatus(1, 'open', clerk.id, { kind: 'window_opened', staffId: clerk.id, serviceDay: DAY, at: 5 });
  return { db, clerk, tickets: ticketStore(db), windows, events: ticketEventLog(db) };
}

/** The parts of an event a report relies on, in a form easy to compare. */
const brief = (e: TicketEventRow) => ({
  kind: e.kind,
  at: e.at,
  window: e.window_number,
  staff: e.staff_id,
  line: e.line,
  class: e.class,
  detail: JSON.parse(e.detail) as unknown,
});

function count(db: Db): number {
  return db.prepare('SELECT count(*) FROM ticket_events').pluck().get() as number;
}

describe('ticket events', () => {
  it('a ticket issued, called, recalled, started and finished leaves those five rows in order', () => {
    const { tickets, events, clerk } = setUp();
    const { ticket } = tickets.issue({ line: 'household', terminalId: null, ticketClass: 'green' }, DAY, 10);
    expect(tickets.callNext(WINDOW_1, DAY, 20, DEFAULT_POLICY).ticket?.id).toBe(ticket.id);
    tickets.recall(1, 30, 3);
    tickets.start(1, 40);
    tickets.finish(1, 50);
    const staff = clerk.id;
    expect(events.ofTicket(ticket.id).map(brief)).toEqual([
      { kind: 'issued', at: 10, window: null, staff: null, line: 'household', class: 'green', detail: { terminalId: null } },
      { kind: 'called', at: 20, window: 1, staff, line: 'household', class: 'green', detail: { reason: 'green' } },
      { kind: 'recalled', at: 30, window: 1, staff, line: 'household', class: 'green', detail: { recallCount: 1 } },
      { kind: 'started', at: 40, window: 1, staff, line: 'household', class: 'green', detail: {} },
      { kind: 'finished', at: 50, window: 1, staff, line: 'household', class: 'green', detail: { started: true } },
    ]);
    expect(events.ofTicket(ticket.id).every((e) => e.service_day === DAY)).toBe(true);
  });

  it('calling the next ticket finishes the one being served: both steps are written', () => {
    const { tickets, events } = setUp();
    const first = tickets.issue({ line: 'household', terminalId: null }, DAY, 10).ticket;
    const second = tickets.issue({ line: 'household', terminalId: null }, DAY, 11).ticket;
    tickets.callNext(WINDOW_1, DAY, 20, DEFAULT_POLICY);
    tickets.start(1, 21);
    tickets.callNext(WINDOW_1, DAY, 30, DEFAULT_POLICY);
    expect(events.ofTicket(first.id).map((e) => [e.kind, e.at])).toEqual([
      ['issued', 10],
      ['called', 20],
      ['started', 21],
      ['finished', 30],
    ]);
    expect(events.ofTicket(second.id).map((e) => [e.kind, e.at])).toEqual([
      ['issued', 11],
      ['called', 30],
    ]);
  });

  it('a no-show reinstated waits again for the window that marked it, and is called again', () => {
    const { tickets, events } = setUp();
    const { ticket } = tickets.issue({ line: 'household', terminalId: null }, DAY, 10);
    tickets.callNext(WINDOW_1, DAY, 20, DEFAULT_POLICY);
    tickets.noShow(1, 25);
    expect(tickets.reinstate(ticket.id, 0, 40)).toMatchObject({ status: 'waiting', targetWindowId: 1 });
    tickets.callNext(WINDOW_1, DAY, 50, DEFAULT_POLICY);
    expect(events.ofTicket(ticket.id).map((e) => [e.kind, e.at, e.window_number])).toEqual([
      ['issued', 10, null],
      ['called', 20, 1],
      ['no_show', 25, 1],
      ['reinstated', 40, 1],
      ['called', 50, 1],
    ]);
  });

  it('a transfer records where the ticket came from and where it goes, in the new line', () => {
    const { tickets, events } = setUp();
    const { ticket } = tickets.issue({ line: 'household', terminalId: null }, DAY, 10);
    tickets.callNext(WINDOW_1, DAY, 20, DEFAULT_POLICY);
    tickets.start(1, 21);
    tickets.transfer(1, 'traffic', 3, 30);
    const last = events.ofTicket(ticket.id).at(-1)!;
    expect(brief(last)).toMatchObject({
      kind: 'transferred',
      at: 30,
      window: 1,
      line: 'traffic',
      detail: { fromLine: 'household', toLine: 'traffic', toWindowId: 3 },
    });
    expect(events.ofTicket(ticket.id).map((e) => e.kind)).toEqual(['issued', 'called', 'started', 'transferred']);
  });

  it('a window paused and resumed writes window events without a ticket', () => {
    const { windows, events, clerk } = setUp();
    windows.setStatus(1, 'paused', clerk.id, { kind: 'window_paused', staffId: clerk.id, serviceDay: DAY, at: 100 });
    windows.setStatus(1, 'open', clerk.id, { kind: 'window_resumed', staffId: clerk.id, serviceDay: DAY, at: 200 });
    windows.setStatus(1, 'closed', null, { kind: 'window_closed', staffId: clerk.id, serviceDay: DAY, at: 300 });
    expect(events.ofDay(DAY).map((e) => [e.kind, e.ticket_id, e.window_number, e.staff_id, e.at, JSON.parse(e.detail)])).toEqual([
      ['window_opened', null, 1, clerk.id, 5, { status: 'open' }],
      ['window_paused', null, 1, clerk.id, 100, { status: 'paused' }],
      ['window_resumed', null, 1, clerk.id, 200, { status: 'open' }],
      // Closing clears the window's holder; the event still names who closed it.
      ['window_closed', null, 1, clerk.id, 300, { status: 'closed' }],
    ]);
  });

  it('a step that does not happen, or whose transaction fails, writes no event', () => {
    const { db, tickets } = setUp();
    const before = count(db);
    expect(tickets.start(1, 10)).toBeNull(); // nothing called at the window
    expect(tickets.recall(1, 10, 3)).toBeNull();
    expect(tickets.finish(1, 10)).toBeNull();
    expect(count(db)).toBe(before);
    // A ticket whose print job (the after-insert hook) fails is not issued, nor is its event.
    expect(() =>
      tickets.issue({ line: 'household', terminalId: null }, DAY, 10, () => {
        throw new Error('printer job refused');
      }),
    ).toThrow('printer job refused');
    expect(count(db)).toBe(before);
    // The caller's transaction (the handler's audit line) fails after the step: both roll back.
    tickets.issue({ line: 'household', terminalId: null }, DAY, 11);
    tickets.callNext(WINDOW_1, DAY, 20, DEFAULT_POLICY);
    const afterCall = count(db);
    expect(() =>
      db.transaction(() => {
        tickets.start(1, 30);
        throw new Error('audit failed');
      })(),
    ).toThrow('audit failed');
    expect(count(db)).toBe(afterCall);
    expect(tickets.current(1)?.status).toBe('called');
  });

  it('the database refuses a kind outside the list, and the list is the domain one', () => {
    const { db } = setUp();
    const sql = db.prepare<[], { sql: string }>(`SELECT sql FROM sqlite_master WHERE name = 'ticket_events'`).get()!.sql;
    const checked = [...(/kind\s+TEXT\s+NOT NULL CHECK \(kind IN \(([^)]*)\)\)/.exec(sql)?.[1] ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(checked).toEqual([...TICKET_EVENT_KINDS]);
    expect(() => db.prepare(`INSERT INTO ticket_events (ticket_id, kind, at, service_day) VALUES (1, 'cancelled', 1, ?)`).run(DAY)).toThrow(/CHECK/);
    // A ticket step must name its ticket; a window event must not.
    expect(() => db.prepare(`INSERT INTO ticket_events (kind, window_id, at, service_day) VALUES ('called', 1, 1, ?)`).run(DAY)).toThrow(/CHECK/);
  });

  it('reads by day and kind, and by ticket, through the indexes', () => {
    const { db } = setUp();
    const plan = (sql: string, ...args: unknown[]) =>
      db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...args)
        .map((r) => r.detail)
        .join(' | ');
    expect(plan(`SELECT * FROM ticket_events WHERE service_day = ? AND kind = ?`, DAY, 'called')).toMatch(
      /SEARCH ticket_events USING INDEX ticket_events_day_kind \(service_day=\? AND kind=\?\)/,
    );
    expect(plan(`SELECT * FROM ticket_events WHERE service_day BETWEEN ? AND ? AND kind = 'finished'`, DAY, DAY)).toMatch(/INDEX ticket_events_day_kind/);
    expect(plan(`SELECT * FROM ticket_events WHERE ticket_id = ? ORDER BY id`, 1)).toMatch(
      /SEARCH ticket_events USING INDEX ticket_events_ticket \(ticket_id=\?\)/,
    );
  });
});
