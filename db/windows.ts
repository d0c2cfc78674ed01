import type { BusinessLine } from '../electron/domain/business-lines.js';
import type { ServiceWindow } from '../electron/domain/contract/schemas.js';
import type { WindowWithStaff } from '../electron/domain/queue/public-window.js';
import type { WindowEventKind } from '../electron/domain/queue/ticket-events.js';
import type { Db } from './open.js';
import { ticketEventLog } from './ticket-events.js';

interface WindowRow {
  id: number;
  number: number;
  name: string;
  status: ServiceWindow['status'];
  staff_name: string | null;
  staff_id: number | null;
  primary_lines: string;
  backup_lines: string;
}

export interface WindowInput {
  number: number;
  name: string;
  primary: readonly BusinessLine[];
  backup: readonly BusinessLine[];
}

/** The window event a status change writes: who did it, on which service day, when. */
export interface WindowEvent {
  kind: WindowEventKind;
  staffId: number | null;
  serviceDay: string;
  at: number;
}

export function windowStore(db: Db) {
  const select = `SELECT w.id, w.number, w.name, w.status, w.staff_id, s.name AS staff_name,
      coalesce((SELECT json_group_array(line) FROM window_lines WHERE window_id = w.id AND duty = 'A'), '[]') AS primary_lines,
      coalesce((SELECT json_group_array(line) FROM window_lines WHERE window_id = w.id AND duty = 'B'), '[]') AS backup_lines
    FROM windows w LEFT JOIN staff s ON s.id = w.staff_id`;
  const all = db.prepare<[], WindowRow>(`${select} ORDER BY w.number`);
  const one = db.prepare<[number], WindowRow>(`${select} WHERE w.id = ?`);
  const setStatus = db.prepare<[string, number | null, number]>(`UPDATE windows SET status = ?, staff_id = ? WHERE id = ?`);
  const insert = db.prepare<[number, string], { id: number }>(`INSERT INTO windows (number, name) VALUES (?, ?) RETURNING id`);
  const update = db.prepare<[number, string, number]>(`UPDATE windows SET number = ?, name = ? WHERE id = ?`);
  const clearLines = db.prepare<[number]>(`DELETE FROM window_lines WHERE window_id = ?`);
  const addLine = db.prepare<[number, string, string]>(`INSERT INTO window_lines (window_id, line, duty) VALUES (?, ?, ?)`);

  const events = ticketEventLog(db);
  const setStatusTx = db.transaction((id: number, status: string, staffId: number | null, event: WindowEvent) => {
    setStatus.run(status, staffId, id);
    events.window(event.kind, id, event.staffId, event.serviceDay, event.at, { status });
  });

  const toWindow = (r: WindowRow): WindowWithStaff => {
    const primary = JSON.parse(r.primary_lines) as BusinessLine[];
    const backup = JSON.parse(r.backup_lines) as BusinessLine[];
    return {
      id: r.id,
      number: r.number,
      name: r.name,
      lines: [...primary, ...backup],
      primary,
      backup,
      status: r.status,
      staffName: r.staff_name,
      staffId: r.staff_id,
    };
  };

  function writeLines(id: number, w: WindowInput): void {
    clearLines.run(id);
    for (const l of w.primary) addLine.run(id, l, 'A');
    for (const l of w.backup) addLine.run(id, l, 'B');
  }

  const create = db.transaction((w: WindowInput) => {
    const row = insert.get(w.number, w.name);
    if (!row) throw new Error('window insert returned no row');
    writeLines(row.id, w);
    return row.id;
  });
  const save = db.transaction((id: number, w: WindowInput) => {
    update.run(w.number, w.name, id);
    writeLines(id, w);
  });

  // The list is read for every estimate (each ticket, each push) but changes only when a clerk
  // opens, pauses or closes a window or a supervisor edits one, all through this store; the host
  // is the database's only writer, so the cache is dropped on those writes. A write inside a
  // transaction that rolls back leaves a stale cache only until the next write: never used for
  // decisions, only for estimates and screens.
  let cached: WindowWithStaff[] | null = null;
  const changed = () => {
    cached = null;
  };

  return {
    list: (): WindowWithStaff[] => (cached ??= all.all().map(toWindow)),
    get(id: number): WindowWithStaff | null {
      const r = one.get(id);
      return r ? toWindow(r) : null;
    },
    /** Changes the window's state and writes its event in one transaction (a savepoint in the caller's). */
    setStatus(id: number, status: ServiceWindow['status'], staffId: number | null, event: WindowEvent): void {
      setStatusTx(id, status, staffId, event);
      changed();
    },
    create: (w: WindowInput): number => {
      const id = create.immediate(w);
      changed();
      return id;
    },
    save: (id: number, w: WindowInput): void => {
      save.immediate(id, w);
      changed();
    },
  };
}

export type WindowStore = ReturnType<typeof windowStore>;
