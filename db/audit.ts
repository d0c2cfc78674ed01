import { createHash } from 'node:crypto';
import type { AuditAction } from '../electron/domain/audit-actions.js';
import type { AuditEntry } from '../electron/domain/contract/schemas.js';
import type { Db } from './open.js';

const GENESIS: Buffer = Buffer.alloc(32);

function entryHash(prev: Buffer, e: Omit<AuditEntry, 'id'>): Buffer {
  return createHash('sha256')
    .update(prev)
    .update(JSON.stringify([e.at, e.actor, e.action, e.target, e.detail]))
    .digest();
}

/**
 * The append-only audit log (who did what, when). Each entry's hash covers the previous hash, so
 * removing, reordering or editing an entry breaks the chain; the table's triggers refuse UPDATE and
 * DELETE. Never record personal data here: targets are ticket numbers, window and staff numbers.
 */
export interface AuditFilter {
  before?: number | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function auditStore(db: Db) {
  const last = db.prepare<[], { hash: Buffer }>(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  const insert = db.prepare<[number, string, string, string, string, Buffer, Buffer]>(
    `INSERT INTO audit_log (at, actor, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const recent = db.prepare<[number], AuditEntry>(`SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?`);
  const all = db.prepare<[], AuditEntry & { prev_hash: Buffer; hash: Buffer }>(
    `SELECT id, at, actor, action, target, detail, prev_hash, hash FROM audit_log ORDER BY id`,
  );

  let verdict: boolean | null = null;

  const append = db.transaction((e: Omit<AuditEntry, 'id'>) => {
    const prev = last.get()?.hash ?? GENESIS;
    insert.run(e.at, e.actor, e.action, e.target, e.detail, prev, entryHash(prev, e));
  });

  /** Recomputes the whole chain, and remembers the verdict. */
  function verify(): boolean {
    let prev: Buffer = GENESIS;
    verdict = true;
    for (const row of all.iterate()) {
      if (!row.prev_hash.equals(prev) || !row.hash.equals(entryHash(prev, row))) {
        verdict = false;
        break;
      }
      prev = row.hash;
    }
    return verdict;
  }

  return {
    /** Appends in its own transaction, or inside the caller's when called within one. */
    append: (e: Omit<AuditEntry, 'id'> & { action: AuditAction }): void => append.immediate(e),
    recent: (limit: number): AuditEntry[] => recent.all(limit),
    /** Newest first, filtered; one row more than `limit` is read to know whether a next page exists. */
    find(f: AuditFilter, limit: number): { entries: AuditEntry[]; next: number | null } {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (clause: string, ...values: (string | number)[]) => {
        where.push(clause);
        args.push(...values);
      };
      if (f.before !== undefined) add('id < ?', f.before);
      if (f.from !== undefined) add('at >= ?', f.from);
      if (f.to !== undefined) add('at < ?', f.to);
      // A family (every window.* action) or one action.
      if (f.action?.includes('.')) add('action = ?', f.action);
      else if (f.action !== undefined) add(`action LIKE ? ESCAPE '\\'`, `${escapeLike(f.action)}.%`);
      // An actor is a staff number (at any terminal) or a terminal: staff:S001@terminal:4.
      if (f.actor !== undefined)
        add(`(actor = ? OR actor LIKE ? ESCAPE '\\' OR actor LIKE ? ESCAPE '\\')`, f.actor, `${escapeLike(f.actor)}@%`, `%@${escapeLike(f.actor)}`);
      const sql = `SELECT id, at, actor, action, target, detail FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
      const rows = db.prepare<(string | number)[], AuditEntry>(sql).all(...args, limit + 1);
      const entries = rows.slice(0, limit);
      return { entries, next: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
    },
    /** Recomputes the whole chain. */
    verify,
    /** The last full verification's verdict, for the later pages of one reading of the log (a
     * year of entries is hashed once for the first page, not again for each page after it). */
    lastVerdict: (): boolean => verdict ?? verify(),
  };
}

export type AuditStore = ReturnType<typeof auditStore>;
