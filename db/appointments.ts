import type { BusinessLine } from '../electron/domain/business-lines.js';
import type { Db } from './open.js';

export interface AppointmentRow {
  id: number;
  code: string;
  line: BusinessLine;
  slot_start: number;
  /** Personal data, both optional: for the kiosk's identification from the appointment's QR code. */
  name: string | null;
  id_number: string | null;
  used_at: number | null;
}

const COLUMNS = 'id, code, line, slot_start, name, id_number, used_at';

export interface NewAppointment {
  code: string;
  line: BusinessLine;
  slotStart: number;
  name: string | null;
  /** Normalised (upper-case X) and validated by the caller. */
  idNumber?: string | null;
}

export function appointmentStore(db: Db) {
  const insert = db.prepare<[string, string, number, string | null, string | null, number], AppointmentRow>(
    `INSERT INTO appointments (code, line, slot_start, name, id_number, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
  );
  const byCode = db.prepare<[string], AppointmentRow>(`SELECT ${COLUMNS} FROM appointments WHERE code = ?`);
  const use = db.prepare<[number, number]>(`UPDATE appointments SET used_at = ? WHERE id = ? AND used_at IS NULL`);
  return {
    create: (a: NewAppointment, now: number): AppointmentRow => {
      const r = insert.get(a.code, a.line, a.slotStart, a.name, a.idNumber ?? null, now);
      if (!r) throw new Error('appointment insert returned no row');
      return r;
    },
    byCode: (code: string): AppointmentRow | null => byCode.get(code) ?? null,
    /** Marks the appointment used; false when it already was (one ticket per booking). */
    use: (id: number, now: number): boolean => use.run(now, id).changes === 1,
  };
}

export type AppointmentStore = ReturnType<typeof appointmentStore>;
