import type { FieldCipher } from './field-cipher.js';
import type { Db } from './open.js';
import { KeyRequiredError } from './seal-clear-columns.js';

/** The migration after which the rectification notes are sealed (its step). */
export const SEAL_NOTES_AFTER_MIGRATION = 'live_sessions_sealed_notes';

/** The notes' clear columns up to schema version 17, and where 018 seals them. */
export const RECTIFICATION_NOTES = [
  { from: 'callback_result', to: 'callback_result_enc' },
  { from: 'fix', to: 'fix_enc' },
  { from: 'answer', to: 'answer_enc' },
  { from: 'appeal_reason', to: 'appeal_reason_enc' },
] as const;

/**
 * Migration 018's step, inside the migration's transaction: seals every note written so far into
 * its new column, then drops the clear columns (secure_delete zeroes the pages; the caller scrubs
 * the file and the WAL when anything was sealed). A database without notes needs no key.
 * Returns how many notes it sealed.
 */
export function sealRectificationNotes(db: Db, cipher: FieldCipher | undefined): number {
  let n = 0;
  for (const c of RECTIFICATION_NOTES) {
    const rows = db.prepare<[], { rid: number; v: string }>(`SELECT rowid AS rid, ${c.from} AS v FROM rating_rectifications WHERE ${c.from} <> ''`).all();
    if (rows.length > 0 && !cipher)
      throw new KeyRequiredError('The database holds 差评 notes in clear from an older version; the host seals them at start with its key.');
    const seal = db.prepare<[Buffer, number]>(`UPDATE rating_rectifications SET ${c.to} = ? WHERE rowid = ?`);
    for (const r of rows) {
      if (!cipher) break;
      seal.run(cipher.seal('rating_rectifications', c.to, r.v), r.rid);
      n++;
    }
  }
  for (const c of RECTIFICATION_NOTES) db.exec(`ALTER TABLE rating_rectifications DROP COLUMN ${c.from}`);
  return n;
}
