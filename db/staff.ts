import type { Staff, StaffRole } from '../electron/domain/contract/schemas.js';
import type { Db } from './open.js';

interface StaffRow {
  id: number;
  staff_no: string;
  name: string;
  role: StaffRole;
  pin_hash: Buffer | null;
  pin_salt: Buffer | null;
  enroll_code_hash: Buffer | null;
  enroll_expires_at: number | null;
  failed_attempts: number;
  locked_until: number | null;
  disabled_at: number | null;
}

export type StaffRecord = StaffRow;
const COLUMNS = 'id, staff_no, name, role, pin_hash, pin_salt, enroll_code_hash, enroll_expires_at, failed_attempts, locked_until, disabled_at';

export function toStaff(r: StaffRow, now: number): Staff {
  return {
    id: r.id,
    staffNo: r.staff_no,
    name: r.name,
    role: r.role,
    enrolled: r.pin_hash !== null,
    lockedUntil: r.locked_until !== null && r.locked_until > now ? r.locked_until : null,
    disabled: r.disabled_at !== null,
  };
}

/** Staff records and their sessions. PIN hashing (slow, async) happens in the host, not here. */
export function staffStore(db: Db) {
  const count = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM staff`);
  const byNo = db.prepare<[string], StaffRow>(`SELECT ${COLUMNS} FROM staff WHERE staff_no = ?`);
  const byId = db.prepare<[number], StaffRow>(`SELECT ${COLUMNS} FROM staff WHERE id = ?`);
  const list = db.prepare<[], StaffRow>(`SELECT ${COLUMNS} FROM staff ORDER BY staff_no`);
  const insert = db.prepare<[string, string, string, Buffer | null, Buffer | null, Buffer | null, number | null, number], StaffRow>(
    `INSERT INTO staff (staff_no, name, role, pin_hash, pin_salt, enroll_code_hash, enroll_expires_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
  );
  const setEnrollment = db.prepare<[Buffer, number, number], StaffRow>(
    `UPDATE staff SET enroll_code_hash = ?, enroll_expires_at = ?, pin_hash = NULL, pin_salt = NULL, failed_attempts = 0, locked_until = NULL
     WHERE id = ? RETURNING ${COLUMNS}`,
  );
  const setPin = db.prepare<[Buffer, Buffer, number], StaffRow>(
    `UPDATE staff SET pin_hash = ?, pin_salt = ?, enroll_code_hash = NULL, enroll_expires_at = NULL, failed_attempts = 0, locked_until = NULL
     WHERE id = ? RETURNING ${COLUMNS}`,
  );
  const failure = db.prepare<[number, number, number, number], StaffRow>(
    `UPDATE staff SET failed_attempts = failed_attempts + 1,
       locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END
     WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?) RETURNING ${COLUMNS}`,
  );
  const success = db.prepare<[number]>(`UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?`);
  const insertSession = db.prepare<[Buffer, number, number, number, number]>(
    `INSERT INTO staff_sessions (token_hash, staff_id, terminal_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const sessionStaff = db.prepare<[Buffer, number, number, number], StaffRow & { last_seen_at: number }>(
    `SELECT ${COLUMNS.split(', ')
      .map((c) => `s.${c}`)
      .join(', ')}, x.last_seen_at FROM staff_sessions x JOIN staff s ON s.id = x.staff_id
     WHERE x.token_hash = ? AND x.terminal_id = ? AND x.ended_at IS NULL AND x.last_seen_at > ? AND x.created_at > ? AND s.disabled_at IS NULL`,
  );
  const touchSession = db.prepare<[number, Buffer]>(`UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?`);
  const endSession = db.prepare<[number, Buffer]>(`UPDATE staff_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL`);
  const endSessionsOf = db.prepare<[number, number]>(`UPDATE staff_sessions SET ended_at = ? WHERE staff_id = ? AND ended_at IS NULL`);
  const setDisabled = db.prepare<[number | null, number], StaffRow>(`UPDATE staff SET disabled_at = ? WHERE id = ? RETURNING ${COLUMNS}`);
  const setRole = db.prepare<[string, number], StaffRow>(`UPDATE staff SET role = ? WHERE id = ? RETURNING ${COLUMNS}`);
  const activeAdmins = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM staff WHERE role = 'admin' AND disabled_at IS NULL`);
  const liveSessionOn = db.prepare<[number, number, number, number], { n: number }>(
    `SELECT count(*) AS n FROM staff_sessions WHERE staff_id = ? AND terminal_id = ? AND ended_at IS NULL AND last_seen_at > ? AND created_at > ?`,
  );
  // Only sessions seen within the idle limit: the index on last_seen_at (migration 018) keeps this
  // to the hall's live sessions, however many ended ones the table holds.
  const liveTerminals = db.prepare<[number, number, string], { terminal_id: number }>(
    `SELECT DISTINCT x.terminal_id FROM staff_sessions x JOIN staff s ON s.id = x.staff_id
     WHERE x.last_seen_at > ? AND x.ended_at IS NULL AND x.created_at > ? AND s.disabled_at IS NULL
       AND s.role IN (SELECT value FROM json_each(?))`,
  );

  return {
    count: (): number => count.get()?.n ?? 0,
    byNo: (staffNo: string): StaffRecord | null => byNo.get(staffNo) ?? null,
    byId: (id: number): StaffRecord | null => byId.get(id) ?? null,
    list: (now: number): Staff[] => list.all().map((r) => toStaff(r, now)),
    /** A staff member with a PIN already set (the first administrator). */
    createWithPin(staffNo: string, name: string, role: StaffRole, pinHash: Buffer, salt: Buffer, now: number): StaffRecord {
      const r = insert.get(staffNo, name, role, pinHash, salt, null, null, now);
      if (!r) throw new Error('staff insert returned no row');
      return r;
    },
    /** A staff member who sets their own PIN with a one-time enrolment code: no default password. */
    createWithEnrollment(staffNo: string, name: string, role: StaffRole, codeHash: Buffer, expiresAt: number, now: number): StaffRecord {
      const r = insert.get(staffNo, name, role, null, null, codeHash, expiresAt, now);
      if (!r) throw new Error('staff insert returned no row');
      return r;
    },
    resetEnrollment: (id: number, codeHash: Buffer, expiresAt: number): StaffRecord | null => setEnrollment.get(codeHash, expiresAt, id) ?? null,
    setPin: (id: number, pinHash: Buffer, salt: Buffer): StaffRecord | null => setPin.get(pinHash, salt, id) ?? null,
    /** Counts a wrong PIN; the `lockAfter`-th in a row locks the account until `lockUntil`. */
    recordFailure: (id: number, now: number, lockAfter: number, lockUntil: number): StaffRecord | null => failure.get(lockAfter, lockUntil, id, now) ?? null,
    recordSuccess: (id: number): void => void success.run(id),
    createSession: (tokenHash: Buffer, staffId: number, terminalId: number, now: number): void =>
      void insertSession.run(tokenHash, staffId, terminalId, now, now),
    /** The staff member behind a session on this terminal, if it is live (not idle too long, not too old). */
    sessionStaff(tokenHash: Buffer, terminalId: number, now: number, idleMs: number, maxAgeMs: number): StaffRecord | null {
      const r = sessionStaff.get(tokenHash, terminalId, now - idleMs, now - maxAgeMs);
      if (!r) return null;
      if (now - r.last_seen_at > 60_000) touchSession.run(now, tokenHash);
      return r;
    },
    endSession: (tokenHash: Buffer, now: number): void => void endSession.run(now, tokenHash),
    /** Signs a staff member out everywhere (PIN reset, account disabled); returns how many sessions ended. */
    endSessionsOf: (staffId: number, now: number): number => endSessionsOf.run(now, staffId).changes,
    setDisabled: (id: number, at: number | null): StaffRecord | null => setDisabled.get(at, id) ?? null,
    setRole: (id: number, role: StaffRole): StaffRecord | null => setRole.get(role, id) ?? null,
    activeAdmins: (): number => activeAdmins.get()?.n ?? 0,
    /** Whether this staff member is signed in, live, on that terminal (the one their window's screens are on). */
    signedInOn(staffId: number, terminalId: number, now: number, idleMs: number, maxAgeMs: number): boolean {
      return (liveSessionOn.get(staffId, terminalId, now - idleMs, now - maxAgeMs)?.n ?? 0) > 0;
    },
    /** The terminals where someone with one of these roles is signed in, live, now. */
    terminalsWithLive(roles: readonly StaffRole[], now: number, idleMs: number, maxAgeMs: number): Set<number> {
      return new Set(liveTerminals.all(now - idleMs, now - maxAgeMs, JSON.stringify(roles)).map((r) => r.terminal_id));
    },
  };
}

export type StaffStore = ReturnType<typeof staffStore>;
