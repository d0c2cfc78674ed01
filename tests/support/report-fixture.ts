import { openDatabase, type Db } from '../../db/open.js';
import { staffStore } from '../../db/staff.js';
import { ticketStore } from '../../db/tickets.js';
import { windowStore } from '../../db/windows.js';
import type { BusinessLine } from '../../electron/domain/business-lines.js';
import { DEFAULT_POLICY } from '../../electron/domain/queue/calling-policy.js';
import type { WindowEventKind } from '../../electron/domain/queue/ticket-events.js';
import { hallInstant } from '../../electron/domain/service-day.js';
import { tempDir } from './temp-dir.js';

export const ZONE = 'Asia/Shanghai';
const WINDOW_LINES: Record<number, BusinessLine[]> = { 1: ['household'], 2: ['household'], 3: ['traffic'], 4: ['traffic'], 5: ['exit_entry'] };

/** The instant of a hall date and time ('2026-11-24', '09:05'). */
export function hallAt(day: string, time: string): number {
  const t = hallInstant(day, time, ZONE);
  if (t === null) throw new Error(`no such hall time ${day} ${time}`);
  return t;
}

/**
 * Builds a hall's history through the real stores on a real SQLite file, so the events under test
 * are the rows the host writes (ticket steps and window changes in their own transactions). Cases
 * and ratings, whose writers live in other handlers, are inserted as those handlers store them.
 */
export function reportFixture() {
  const dir = tempDir('yizhan-report-');
  const { db } = openDatabase(dir.path);
  const staff = staffStore(db);
  const tickets = ticketStore(db);
  const windows = windowStore(db);
  let cases = 0;

  return {
    db: db as Db,
    close() {
      db.close();
      dir.remove();
    },
    clerk(staffNo: string, name: string): number {
      return staff.createWithPin(staffNo, name, 'clerk', Buffer.alloc(32), Buffer.alloc(16), 0).id;
    },
    window(id: number, kind: WindowEventKind, staffId: number, day: string, time: string): void {
      const status = kind === 'window_paused' ? 'paused' : kind === 'window_closed' ? 'closed' : 'open';
      windows.setStatus(id, status, status === 'closed' ? null : staffId, { kind, staffId, serviceDay: day, at: hallAt(day, time) });
    },
    /** A ticket of `day` issued at `time` (possibly another date's clock time); its id. */
    issue(line: BusinessLine, day: string, time: string, clockDay = day): number {
      return tickets.issue({ line, terminalId: null }, day, hallAt(clockDay, time)).ticket.id;
    },
    /** 呼叫下一位 at window `id` for service day `day`; the called ticket's id. */
    call(id: number, day: string, time: string, clockDay = day): number {
      const r = tickets.callNext({ id, primary: WINDOW_LINES[id] ?? [], backup: [] }, day, hallAt(clockDay, time), DEFAULT_POLICY);
      if (!r.ticket) throw new Error(`nothing to call at window ${id} at ${time}`);
      return r.ticket.id;
    },
    recall: (id: number, day: string, time: string) => tickets.recall(id, hallAt(day, time), 5),
    start: (id: number, day: string, time: string, clockDay = day) => tickets.start(id, hallAt(clockDay, time)),
    finish: (id: number, day: string, time: string, clockDay = day) => tickets.finish(id, hallAt(clockDay, time)),
    noShow: (id: number, day: string, time: string) => tickets.noShow(id, hallAt(day, time)),
    transfer: (id: number, toLine: BusinessLine, toWindow: number, day: string, time: string) => tickets.transfer(id, toLine, toWindow, hallAt(day, time)),
    reinstate: (ticketId: number, day: string, time: string) => tickets.reinstate(ticketId, 0, hallAt(day, time)),

    /** An application (办件) of `serviceCode` for a ticket (or none); its id. */
    application(serviceCode: string, line: BusinessLine, day: string, ticketId: number | null, promisedBy: string | null = null): number {
      const seq = ++cases;
      const info = db
        .prepare(
          `INSERT INTO applications (case_number, service_day, case_seq, request_id, service_code, line, materials_provided_json,
             materials_missing_json, status, ticket_id, created_at, updated_at, promised_by)
           VALUES (?, ?, ?, ?, ?, ?, '[]', '[]', 'submitted', ?, 0, 0, ?)`,
        )
        .run(`YZ${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`, day, seq, `request-${seq}-0000`, serviceCode, line, ticketId, promisedBy);
      return Number(info.lastInsertRowid);
    },
    /** A case step as the case store writes it (action, who, where, when). */
    caseStep(applicationId: number, action: string, toStatus: string, staffId: number, windowId: number | null, day: string, time: string): void {
      db.prepare(
        `INSERT INTO application_events (application_id, at, actor, from_status, to_status, action, staff_id, window_id)
         VALUES (?, ?, 'staff', NULL, ?, ?, ?, ?)`,
      ).run(applicationId, hallAt(day, time), toStatus, action, staffId, windowId);
    },
    /** A rating (level null: skipped) of a ticket's service, and for a 差评 its rectification item. */
    rate(
      r: { ticketId: number; level: number | null; staffId: number; window: number; line: BusinessLine; service: string | null; serviceDay: string },
      clockDay: string,
      time: string,
      rectification?: string,
    ): void {
      const info = db
        .prepare(
          `INSERT INTO service_ratings (ticket_id, window_id, window_number, staff_id, line, service_code, level, skipped, channel, at, service_day)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'counter', ?, ?)`,
        )
        .run(r.ticketId, r.window, r.window, r.staffId, r.line, r.service, r.level, r.level === null ? 1 : 0, hallAt(clockDay, time), r.serviceDay);
      if (rectification) {
        db.prepare(`INSERT INTO rating_rectifications (rating_id, status, due_day, opened_at, updated_at) VALUES (?, ?, ?, 0, 0)`).run(
          info.lastInsertRowid,
          rectification,
          '2026-12-01',
        );
      }
    },
  };
}

export type ReportFixture = ReturnType<typeof reportFixture>;
