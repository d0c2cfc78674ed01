import { createHash } from 'node:crypto';
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
export function auditStore(db: Db) {
  const last = db.prepare<[], { hash: Buffer }>(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  const insert = db.prepare<[number, string, string, string, string, Buffer, Buffer]>(
    `INSERT INTO audit_log (at, actor, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const recent = db.prepare<[number], AuditEntry>(`SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?`);
  const all = db.prepare<[], AuditEntry & { prev_hash: Buffer; hash: Buffer }>(
    `SELECT id, at, actor, action, target, detail, prev_hash, hash FROM audit_log ORDER BY id`,
  );

  const append = db.transaction((e: Omit<AuditEntry, 'id'>) => {
    const prev = last.get()?.hash ?? GENESIS;
    insert.run(e.at, e.actor, e.action, e.target, e.detail, prev, entryHash(prev, e));
  });

  return {
    /** Appends in its own transaction, or inside the caller's when called within one. */
    append: (e: Omit<AuditEntry, 'id'>): void => append.immediate(e),
    recent: (limit: number): AuditEntry[] => recent.all(limit),
    /** Recomputes the whole chain. */
    verify(): boolean {
      let prev: Buffer = GENESIS;
      for (const row of all.iterate()) {
        if (!row.prev_hash.equals(prev) || !row.hash.equals(entryHash(prev, row))) return false;
        prev = row.hash;
      }
      return true;
    },
  };
}

export type AuditStore = ReturnType<typeof auditStore>;
