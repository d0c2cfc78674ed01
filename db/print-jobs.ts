import type { FieldCipher } from './field-cipher.js';
import type { Db } from './open.js';

export type PrintJobState = 'queued' | 'sending' | 'held' | 'sent' | 'completed' | 'failed';

export interface PrintJobRow {
  id: number;
  terminal_id: number | null;
  kind: string;
  /** The document's data as JSON, stored sealed (names, full ID numbers); null once purged. */
  data: string | null;
  idempotency_key: string;
  state: PrintJobState;
  attempts: number;
  next_attempt_at: number;
  printer: string | null;
  external_id: string | null;
  last_error: string | null;
  reprint_of: number | null;
  created_at: number;
  updated_at: number;
}

interface StoredRow extends Omit<PrintJobRow, 'data'> {
  data_enc: Buffer | null;
}

export interface NewPrintJob {
  terminalId: number | null;
  kind: string;
  data: unknown;
  idempotencyKey: string;
  reprintOf?: number;
}

/**
 * Durable print jobs. Every state change is its own committed transaction (synchronous=FULL), and
 * the worker writes `sending` before it calls a printer: after a crash, a job in `sending` may or
 * may not have reached the printer, and only that state needs asking the printer about.
 */
export function printJobStore(db: Db, cipher: FieldCipher) {
  const insert = db.prepare<[number | null, string, Buffer, string, number | null, number, number, number], { id: number }>(
    `INSERT INTO print_jobs (terminal_id, kind, data_enc, idempotency_key, reprint_of, next_attempt_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
  );
  const due = db.prepare<[number], StoredRow>(
    `SELECT * FROM print_jobs WHERE state IN ('queued', 'sending', 'held', 'sent') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 20`,
  );
  const nextDue = db.prepare<[], { at: number | null }>(
    `SELECT min(next_attempt_at) AS at FROM print_jobs WHERE state IN ('queued', 'sending', 'held', 'sent')`,
  );
  const get = db.prepare<[number], StoredRow>(`SELECT * FROM print_jobs WHERE id = ?`);
  const setState = db.prepare<{
    id: number;
    state: PrintJobState;
    next: number;
    now: number;
    ext: string | null;
    printer: string | null;
    err: string | null;
    bump: number;
  }>(
    `UPDATE print_jobs SET state = @state, next_attempt_at = @next, updated_at = @now, attempts = attempts + @bump,
       external_id = coalesce(@ext, external_id), printer = coalesce(@printer, printer), last_error = @err WHERE id = @id`,
  );
  const resetInFlight = db.prepare<[number]>(`UPDATE print_jobs SET next_attempt_at = ? WHERE state = 'sending'`);
  const wake = db.prepare<[number, number, number]>(
    `UPDATE print_jobs SET next_attempt_at = ? WHERE terminal_id = ? AND state IN ('queued', 'sending', 'held', 'sent') AND next_attempt_at > ?`,
  );
  const recent = db.prepare<[number, number], StoredRow>(`SELECT * FROM print_jobs WHERE terminal_id = ? ORDER BY id DESC LIMIT ?`);
  const reprints = db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM print_jobs WHERE reprint_of = ?`);

  const open = ({ data_enc, ...r }: StoredRow): PrintJobRow => ({ ...r, data: data_enc ? cipher.open('print_jobs', 'data_enc', data_enc) : null });
  const enqueueMany = db.transaction((jobs: readonly NewPrintJob[], now: number) =>
    jobs.map(
      (j) =>
        insert.get(j.terminalId, j.kind, cipher.seal('print_jobs', 'data_enc', JSON.stringify(j.data)), j.idempotencyKey, j.reprintOf ?? null, now, now, now)
          ?.id ?? null,
    ),
  );

  return {
    /** Returns the new ids, null where the idempotency key already had a job. */
    enqueueMany(jobs: readonly NewPrintJob[], now: number): (number | null)[] {
      return enqueueMany.immediate(jobs, now);
    },
    due: (now: number) => due.all(now).map(open),
    /** At start: jobs left `sending` by a previous process are looked at now, not at their in-flight deadline. */
    resetInFlight: (now: number) => resetInFlight.run(now).changes,
    nextDueAt: () => nextDue.get()?.at ?? null,
    /** A terminal's printer is back within reach: its waiting jobs are due now. */
    wake: (terminalId: number, now: number) => wake.run(now, terminalId, now).changes,
    get: (id: number) => {
      const r = get.get(id);
      return r ? open(r) : null;
    },
    recent: (terminalId: number, limit: number) => recent.all(terminalId, limit).map(open),
    reprintCount: (id: number) => reprints.get(id)?.n ?? 0,
    /** Move a job on. `attempt` counts a try at the printer; `next` is when to look at it again. */
    update(
      id: number,
      state: PrintJobState,
      now: number,
      o: { next?: number; externalId?: string; printer?: string; error?: string | null; attempt?: boolean } = {},
    ) {
      setState.run({
        id,
        state,
        next: o.next ?? now,
        now,
        ext: o.externalId ?? null,
        printer: o.printer ?? null,
        err: o.error ?? null,
        bump: o.attempt ? 1 : 0,
      });
    },
  };
}
export type PrintJobStore = ReturnType<typeof printJobStore>;
