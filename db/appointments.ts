import type { BusinessLine } from '../electron/domain/business-lines.js';
import { idNumberHash, type FieldCipher } from './field-cipher.js';
import type { Db } from './open.js';

export interface AppointmentRow {
  id: number;
  code: string;
  line: BusinessLine;
  slot_start: number;
  /** Personal data, both optional, stored sealed: for the kiosk's identification from the
   * appointment's QR code. Null when booked without, and once the retention purge cleared them. */
  name: string | null;
  id_number: string | null;
  used_at: number | null;
  cancelled_at: number | null;
}

interface StoredRow extends Omit<AppointmentRow, 'name' | 'id_number'> {
  name_enc: Buffer | null;
  id_number_enc: Buffer | null;
}

const COLUMNS = 'id, code, line, slot_start, name_enc, id_number_enc, used_at, cancelled_at';

export interface NewAppointment {
  code: string;
  line: BusinessLine;
  slotStart: number;
  name: string | null;
  /** Normalised (upper-case X) and validated by the caller. */
  idNumber?: string | null;
}

export function appointmentStore(db: Db, cipher: FieldCipher) {
  const insert = db.prepare<[string, string, number, Buffer | null, Buffer | null, Buffer | null, number], StoredRow>(
    `INSERT INTO appointments (code, line, slot_start, name_enc, id_number_enc, id_number_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
  );
  const byCode = db.prepare<[string], StoredRow>(`SELECT ${COLUMNS} FROM appointments WHERE code = ?`);
  const byIdHash = db.prepare<[Buffer], StoredRow>(`SELECT ${COLUMNS} FROM appointments WHERE id_number_hash = ? ORDER BY slot_start`);
  const use = db.prepare<[number, number]>(`UPDATE appointments SET used_at = ? WHERE id = ? AND used_at IS NULL AND cancelled_at IS NULL`);
  const byId = db.prepare<[number], StoredRow>(`SELECT ${COLUMNS} FROM appointments WHERE id = ?`);
  const between = db.prepare<[number, number], StoredRow>(
    `SELECT ${COLUMNS} FROM appointments WHERE slot_start >= ? AND slot_start < ? ORDER BY slot_start, id`,
  );
  const cancel = db.prepare<[number, number]>(`UPDATE appointments SET cancelled_at = ? WHERE id = ? AND used_at IS NULL AND cancelled_at IS NULL`);
  const move = db.prepare<[string, number, number]>(
    `UPDATE appointments SET line = ?, slot_start = ? WHERE id = ? AND used_at IS NULL AND cancelled_at IS NULL`,
  );
  const seal = (column: string, v: string | null | undefined) => (v ? cipher.seal('appointments', column, v) : null);
  const open = ({ name_enc, id_number_enc, ...r }: StoredRow): AppointmentRow => ({
    ...r,
    name: name_enc ? cipher.open('appointments', 'name_enc', name_enc) : null,
    id_number: id_number_enc ? cipher.open('appointments', 'id_number_enc', id_number_enc) : null,
  });
  return {
    create: (a: NewAppointment, now: number): AppointmentRow => {
      const id = a.idNumber ?? null;
      const r = insert.get(a.code, a.line, a.slotStart, seal('name_enc', a.name), seal('id_number_enc', id), id ? idNumberHash(cipher, id) : null, now);
      if (!r) throw new Error('appointment insert returned no row');
      return open(r);
    },
    byCode: (code: string): AppointmentRow | null => {
      const r = byCode.get(code);
      return r ? open(r) : null;
    },
    /** A citizen's bookings, found by the keyed hash of the ID number (no row is opened to search). */
    byIdNumber: (idNumber: string): AppointmentRow[] => byIdHash.all(idNumberHash(cipher, idNumber)).map(open),
    /** Marks the appointment used; false when it already was, or was cancelled (one ticket per booking). */
    use: (id: number, now: number): boolean => use.run(now, id).changes === 1,
    byId: (id: number): AppointmentRow | null => {
      const r = byId.get(id);
      return r ? open(r) : null;
    },
    /** Bookings whose slot starts in [from, to), in slot order. */
    between: (from: number, to: number): AppointmentRow[] => between.all(from, to).map(open),
    /** False when it was used or cancelled already. */
    cancel: (id: number, now: number): boolean => cancel.run(now, id).changes === 1,
    /** Another line or slot for a booking not yet used; false when it was used or cancelled. */
    move: (id: number, line: BusinessLine, slotStart: number): boolean => move.run(line, slotStart, id).changes === 1,
  };
}

export type AppointmentStore = ReturnType<typeof appointmentStore>;
