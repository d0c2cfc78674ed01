import { idNumberHash, type FieldCipher } from './field-cipher.js';
import type { Db } from './open.js';

/** The migration after which the clear columns are sealed (its step), before 008 drops them. */
export const SEAL_AFTER_MIGRATION = 'personal_data_sealed';

/** Columns that held personal data in clear up to schema version 6, and where 007 seals them. */
const CLEAR_COLUMNS = [
  { table: 'appointments', from: 'name', to: 'name_enc' },
  { table: 'appointments', from: 'id_number', to: 'id_number_enc', hash: 'id_number_hash' },
  { table: 'applications', from: 'applicant_id_number', to: 'applicant_id_number_enc', hash: 'applicant_id_hash' },
  { table: 'applications', from: 'form_json', to: 'form_enc' },
  { table: 'print_jobs', from: 'data', to: 'data_enc' },
  { table: 'conversation_messages', from: 'text', to: 'text_enc' },
] as const;

export class KeyRequiredError extends Error {
  override name = 'KeyRequiredError';
}

/**
 * Migration 007's step, inside the migration's transaction: seals every clear value into its new
 * column. Needs the key, which only the host holds; a database without such rows (a new one, a
 * test's) migrates without it. Returns how many values it sealed.
 */
export function sealClearColumns(db: Db, cipher: FieldCipher | undefined): number {
  let n = 0;
  for (const c of CLEAR_COLUMNS) {
    const rows = db.prepare<[], { rid: number; v: string }>(`SELECT rowid AS rid, ${c.from} AS v FROM ${c.table} WHERE ${c.from} IS NOT NULL`).all();
    if (rows.length === 0) continue;
    if (!cipher) throw new KeyRequiredError('The database holds personal data in clear from an older version; the host seals it at start with its key.');
    const seal = db.prepare<[Buffer, number]>(`UPDATE ${c.table} SET ${c.to} = ? WHERE rowid = ?`);
    const hash = 'hash' in c ? db.prepare<[Buffer, number]>(`UPDATE ${c.table} SET ${c.hash} = ? WHERE rowid = ?`) : null;
    for (const r of rows) {
      seal.run(cipher.seal(c.table, c.to, r.v), r.rid);
      hash?.run(idNumberHash(cipher, r.v), r.rid);
      n++;
    }
  }
  return n;
}
