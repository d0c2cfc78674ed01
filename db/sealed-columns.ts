import { idNumberHash, type FieldCipher } from './field-cipher.js';
import type { Db } from './open.js';

/** A column of sealed values, and the keyed hash kept beside it when the host looks the value up. */
export interface SealedColumn {
  table: string;
  column: string;
  idNumberHash?: string;
}

/** Every column that holds personal data: all sealed (migrations 007, 011 and 018). Add a new one here. */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'appointments', column: 'name_enc' },
  { table: 'appointments', column: 'id_number_enc', idNumberHash: 'id_number_hash' },
  { table: 'applications', column: 'applicant_id_number_enc', idNumberHash: 'applicant_id_hash' },
  { table: 'applications', column: 'form_enc' },
  { table: 'print_jobs', column: 'data_enc' },
  { table: 'conversation_messages', column: 'text_enc' },
  // Case work (011): a refusal's wording and who collected a result; a clerk's corrections.
  { table: 'application_events', column: 'detail_enc' },
  { table: 'case_form_changes', column: 'old_value_enc' },
  { table: 'case_form_changes', column: 'new_value_enc' },
  // The back offices' API credentials (014): secrets, sealed like personal data.
  { table: 'back_office_links', column: 'credential_enc' },
  // 好差评 (013): what a citizen wrote beside a 差评.
  { table: 'service_ratings', column: 'comment_enc' },
  // 差评 rectification notes (018): staff's words about a citizen.
  { table: 'rating_rectifications', column: 'callback_result_enc' },
  { table: 'rating_rectifications', column: 'fix_enc' },
  { table: 'rating_rectifications', column: 'answer_enc' },
  { table: 'rating_rectifications', column: 'appeal_reason_enc' },
  // The hall's credential with the city (016): not personal data, but a secret kept the same way.
  { table: 'city_link', column: 'credential_enc' },
];

const BATCH = 500;

function present(db: Db, c: SealedColumn): boolean {
  return db.prepare(`SELECT 1 FROM pragma_table_info(?) WHERE name = ?`).get(c.table, c.column) !== undefined;
}

/** How many values each key id sealed (a database before 007 has none). */
export function keyIdsInUse(db: Db): Map<number, number> {
  const used = new Map<number, number>();
  for (const c of SEALED_COLUMNS) {
    if (!present(db, c)) continue;
    const rows = db
      .prepare<[], { id: Buffer; n: number }>(`SELECT substr(${c.column}, 2, 4) AS id, count(*) AS n FROM ${c.table} WHERE ${c.column} IS NOT NULL GROUP BY 1`)
      .all();
    for (const r of rows) {
      const id = r.id.length === 4 ? r.id.readUInt32BE(0) : -1;
      used.set(id, (used.get(id) ?? 0) + r.n);
    }
  }
  return used;
}

/**
 * Seals again, under the current key, every value sealed under another one, and recomputes the
 * lookup hashes beside them. After a rotation that is every value; at start, whatever a crash in
 * the middle of one or a restored older backup left. One transaction: all, or none.
 * Returns how many values were sealed again.
 */
export function resealStale(db: Db, cipher: FieldCipher): number {
  return db
    .transaction(() => {
      let n = 0;
      for (const c of SEALED_COLUMNS) {
        const page = db.prepare<[number, Buffer], { rid: number; v: Buffer }>(
          `SELECT rowid AS rid, ${c.column} AS v FROM ${c.table}
           WHERE rowid > ? AND ${c.column} IS NOT NULL AND substr(${c.column}, 2, 4) <> ? ORDER BY rowid LIMIT ${BATCH}`,
        );
        const seal = db.prepare<[Buffer, number]>(`UPDATE ${c.table} SET ${c.column} = ? WHERE rowid = ?`);
        const sealAndHash = c.idNumberHash
          ? db.prepare<[Buffer, Buffer, number]>(`UPDATE ${c.table} SET ${c.column} = ?, ${c.idNumberHash} = ? WHERE rowid = ?`)
          : null;
        const current = Buffer.alloc(4);
        current.writeUInt32BE(cipher.currentKeyId, 0);
        let after = 0;
        for (let rows = page.all(after, current); rows.length > 0; rows = page.all(after, current)) {
          for (const r of rows) {
            const clear = cipher.open(c.table, c.column, r.v);
            const sealed = cipher.seal(c.table, c.column, clear);
            if (sealAndHash) sealAndHash.run(sealed, idNumberHash(cipher, clear), r.rid);
            else seal.run(sealed, r.rid);
            after = r.rid;
            n++;
          }
        }
      }
      return n;
    })
    .immediate();
}
