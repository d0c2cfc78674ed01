import type { BusinessLine } from '../electron/domain/business-lines.js';
import type { Db } from './open.js';

export interface AppointmentRow {
  id: number;
  code: string;
  line: BusinessLine;
  slot_start: number;
  used_at: number | null;
}

export function appointmentStore(db: Db) {
  const insert = db.prepare<[string, string, number, string | null, number], AppointmentRow>(
    `INSERT INTO appointments (code, line, slot_start, name, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id, code, line, slot_start, used_at`,
  );
  const byCode = db.prepare<[string], AppointmentRow>(`SELECT id, code, line, slot_start, used_at FROM appointments WHERE code = ?`);
  const use = db.prepare<[number, number]>(`UPDATE appointments SET used_at = ? WHERE id = ? AND used_at IS NULL`);
  return {
    create: (code: string, line: BusinessLine, slotStart: number, name: string | null, now: number): AppointmentRow => {
      const r = insert.get(code, line, slotStart, name, now);
      if (!r) throw new Error('appointment insert returned no row');
      return r;
    },
    byCode: (code: string): AppointmentRow | null => byCode.get(code) ?? null,
    /** Marks the appointment used; false when it already was (one ticket per booking). */
    use: (id: number, now: number): boolean => use.run(now, id).changes === 1,
  };
}

export type AppointmentStore = ReturnType<typeof appointmentStore>;
