import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { TerminalRole } from '../electron/domain/roles.js';
import type { Terminal } from '../electron/domain/contract/schemas.js';
import type { Db } from './open.js';

interface TerminalRow {
  id: number;
  name: string;
  role: TerminalRole;
  paired_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
}

const COLUMNS = 'id, name, role, paired_at, last_seen_at, revoked_at';
const TOUCH_INTERVAL_MS = 60_000;
// Crockford base32 without I, L, O, U: nothing a person can misread when copying a code by hand.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function toTerminal(r: TerminalRow): Terminal {
  return { id: r.id, name: r.name, role: r.role, pairedAt: r.paired_at, lastSeenAt: r.last_seen_at, revoked: r.revoked_at !== null };
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** XXXX-XXXX from the unambiguous alphabet: pairing, staff enrolment and setup codes. */
export function newOneTimeCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/**
 * Terminal credentials and pairing codes. Secrets leave this module once, at creation; only their
 * SHA-256 is stored (they are 256-bit random, so a slow hash adds nothing).
 */
export function terminalStore(db: Db) {
  const insertTerminal = db.prepare<[string, string, Buffer, number], TerminalRow>(
    `INSERT INTO terminals (name, role, token_hash, paired_at) VALUES (?, ?, ?, ?) RETURNING ${COLUMNS}`,
  );
  const byToken = db.prepare<[Buffer], TerminalRow>(`SELECT ${COLUMNS} FROM terminals WHERE token_hash = ? AND revoked_at IS NULL`);
  const touch = db.prepare<[number, number]>(`UPDATE terminals SET last_seen_at = ? WHERE id = ?`);
  /** When each terminal's last_seen_at was last written, so that most requests only read. */
  const lastTouched = new Map<number, number>();
  const list = db.prepare<[], TerminalRow>(`SELECT ${COLUMNS} FROM terminals ORDER BY id`);
  const revoke = db.prepare<[number, number], TerminalRow>(`UPDATE terminals SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? RETURNING ${COLUMNS}`);
  const rotateLocal = db.prepare<[Buffer, number, string, string], TerminalRow>(
    `UPDATE terminals SET token_hash = ?, paired_at = ? WHERE id =
       (SELECT max(id) FROM terminals WHERE role = ? AND name = ? AND revoked_at IS NULL)
     RETURNING ${COLUMNS}`,
  );
  const insertCode = db.prepare<[Buffer, string, string, number, number]>(
    `INSERT INTO pairing_codes (code_hash, role, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const takeCode = db.prepare<[number, Buffer, number], { role: TerminalRole; name: string }>(
    `UPDATE pairing_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING role, name`,
  );
  const linkCode = db.prepare<[number, Buffer]>(`UPDATE pairing_codes SET terminal_id = ? WHERE code_hash = ?`);
  const purgeCodes = db.prepare<[number]>(`DELETE FROM pairing_codes WHERE used_at IS NULL AND expires_at <= ?`);

  function create(role: TerminalRole, name: string, now: number): { terminal: Terminal; token: string } {
    const token = randomBytes(32).toString('base64url');
    const row = insertTerminal.get(name, role, sha256(token), now);
    if (!row) throw new Error('terminal insert returned no row');
    return { terminal: toTerminal(row), token };
  }

  const redeem = db.transaction((code: string, now: number) => {
    const hash = sha256(code);
    const granted = takeCode.get(now, hash, now);
    if (!granted) return null;
    const created = create(granted.role, granted.name, now);
    linkCode.run(created.terminal.id, hash);
    return created;
  });

  const enrollLocal = db.transaction((role: TerminalRole, name: string, now: number) => {
    // A single-machine shell enrols itself at every start with a new secret (it keeps none on
    // disk). Rotating the secret on its existing row keeps one row per local screen, and the old
    // secret stops working at once.
    const token = randomBytes(32).toString('base64url');
    const rotated = rotateLocal.get(sha256(token), now, role, name);
    return rotated ? { terminal: toTerminal(rotated), token } : create(role, name, now);
  });

  return {
    issueCode(role: TerminalRole, name: string, now: number, ttlMs: number): { code: string; expiresAt: number } {
      purgeCodes.run(now);
      const code = newOneTimeCode();
      const expiresAt = now + ttlMs;
      insertCode.run(sha256(code), role, name, now, expiresAt);
      return { code, expiresAt };
    },
    /** Consumes a one-time code; null when unknown, used or expired (one answer for all three, so a
     * guesser learns nothing). */
    redeem(code: string, now: number): { terminal: Terminal; token: string } | null {
      return redeem.immediate(code, now);
    },
    enrollLocal(role: TerminalRole, name: string, now: number): { terminal: Terminal; token: string } {
      return enrollLocal.immediate(role, name, now);
    },
    authenticate(token: string, now: number): Terminal | null {
      const row = byToken.get(sha256(token));
      if (!row) return null;
      // Record activity at most once a minute: a write statement per request would take the
      // database's write lock on every read-only call.
      if (now - (lastTouched.get(row.id) ?? -Infinity) >= TOUCH_INTERVAL_MS) {
        touch.run(now, row.id);
        lastTouched.set(row.id, now);
        row.last_seen_at = now;
      }
      return toTerminal(row);
    },
    list(): Terminal[] {
      return list.all().map(toTerminal);
    },
    revoke(id: number, now: number): Terminal | null {
      const row = revoke.get(now, id);
      return row ? toTerminal(row) : null;
    },
  };
}

export type TerminalStore = ReturnType<typeof terminalStore>;
