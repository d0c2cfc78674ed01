import { randomUUID } from 'node:crypto';
import type { BackOfficeSystem, OutboxPayload } from '../electron/domain/back-office/back-office.js';
import type { FieldCipher } from './field-cipher.js';
import type { Db } from './open.js';

export type OutboxState = 'pending' | 'sending' | 'delivered' | 'dead' | 'cancelled';

export interface OutboxRow {
  id: number;
  application_id: number;
  case_number: string;
  system: BackOfficeSystem;
  kind: 'submit' | 'status';
  sequence: number;
  idempotency_key: string;
  payload: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  receipt: string | null;
  created_at: number;
  updated_at: number;
}

export interface LinkRow {
  system: BackOfficeSystem;
  baseUrl: string;
  timeoutMs: number;
  /** Opened only for the connector; the API says "set" or "not set". */
  credential: string | null;
}

/** The outbox's hot reads, exported so a test holds each to its index (EXPLAIN QUERY PLAN). */
export const OUTBOX_SQL = {
  due: `SELECT o.* FROM back_office_outbox o
     WHERE o.system = ? AND o.state IN ('pending', 'sending') AND o.next_attempt_at <= ?
       AND NOT EXISTS (SELECT 1 FROM back_office_outbox p
                       WHERE p.application_id = o.application_id AND p.sequence < o.sequence AND p.state IN ('pending', 'sending', 'dead'))
     ORDER BY o.next_attempt_at, o.id LIMIT ?`,
  waiting: `SELECT system, sum(state IN ('pending', 'sending')) AS n, min(CASE WHEN state IN ('pending', 'sending') THEN created_at END) AS oldest,
            sum(state = 'dead') AS dead
     FROM back_office_outbox WHERE state IN ('pending', 'sending', 'dead') GROUP BY system`,
  pendingChecks: `SELECT v.application_id, v.material_code FROM material_verifications v JOIN applications a ON a.id = v.application_id
     WHERE v.state = 'pending' AND a.status IN ('submitted', 'accepted', 'supplement_pending') ORDER BY v.checked_at LIMIT ?`,
  dead: `SELECT * FROM back_office_outbox WHERE state = 'dead' ORDER BY id LIMIT 200`,
  deliveredSince: `SELECT count(*) AS n FROM back_office_outbox WHERE system = ? AND state = 'delivered' AND updated_at >= ?`,
} as const;

/** When a system stopped answering and when it answered again (migration 020). */
export interface LinkTimesRow {
  system: BackOfficeSystem;
  downSince: number | null;
  upSince: number | null;
}

/** The outbox and the links to the back offices. Writes run inside the caller's transaction. */
export function backOfficeStore(db: Db, cipher: FieldCipher) {
  const insert = db.prepare<[number, string, string, string, number, string, string, number, number, number]>(
    `INSERT INTO back_office_outbox (application_id, case_number, system, kind, sequence, idempotency_key, payload, next_attempt_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const lastOf = db.prepare<[number], { sequence: number; submitted: number }>(
    `SELECT max(sequence) AS sequence, max(kind = 'submit') AS submitted FROM back_office_outbox WHERE application_id = ?`,
  );
  // The head of each case's line only: nothing is sent while an earlier message of its case waits
  // or lies dead, so a case's messages arrive in order.
  const due = db.prepare<[string, number, number], OutboxRow>(OUTBOX_SQL.due);
  const nextDue = db.prepare<[string, number], { at: number | null }>(
    `SELECT min(next_attempt_at) AS at FROM back_office_outbox WHERE system = ? AND state IN ('pending', 'sending') AND next_attempt_at > ?`,
  );
  const sending = db.prepare<[number, number]>(`UPDATE back_office_outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?`);
  const delivered = db.prepare<[string, number, number]>(
    `UPDATE back_office_outbox SET state = 'delivered', receipt = ?, last_error = NULL, updated_at = ? WHERE id = ? AND state = 'sending'`,
  );
  const failed = db.prepare<[string, string, number, number, number]>(
    `UPDATE back_office_outbox SET state = ?, last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'sending'`,
  );
  const byId = db.prepare<[number], OutboxRow>(`SELECT * FROM back_office_outbox WHERE id = ?`);
  const revive = db.prepare<[number, number, number]>(
    `UPDATE back_office_outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'dead'`,
  );
  const cancel = db.prepare<[number, number]>(`UPDATE back_office_outbox SET state = 'cancelled', updated_at = ? WHERE id = ? AND state = 'dead'`);
  const dead = db.prepare<[], OutboxRow>(OUTBOX_SQL.dead);
  const waiting = db.prepare<[], { system: BackOfficeSystem; n: number; oldest: number | null; dead: number }>(OUTBOX_SQL.waiting);
  // Verifications still pending for cases not yet decided or done: asked again in the background.
  const pendingChecks = db.prepare<[number], { application_id: number; material_code: string }>(OUTBOX_SQL.pendingChecks);
  const deliveredSince = db.prepare<[string, number], { n: number }>(OUTBOX_SQL.deliveredSince);
  const linkTimes = db.prepare<[], { system: BackOfficeSystem; down_since: number | null; up_since: number | null }>(
    `SELECT system, down_since, up_since FROM back_office_link_state`,
  );
  const putLinkTimes = db.prepare<[string, number | null, number | null, number]>(
    `INSERT INTO back_office_link_state (system, down_since, up_since, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (system) DO UPDATE SET down_since = excluded.down_since, up_since = excluded.up_since, updated_at = excluded.updated_at`,
  );
  const links = db.prepare<[], { system: BackOfficeSystem; base_url: string; timeout_ms: number; credential_enc: Buffer | null }>(
    `SELECT system, base_url, timeout_ms, credential_enc FROM back_office_links`,
  );
  const putLink = db.prepare<{ system: string; url: string; timeout: number; cred: Buffer | null; now: number; setCred: number }>(
    `INSERT INTO back_office_links (system, base_url, timeout_ms, credential_enc, updated_at) VALUES (@system, @url, @timeout, @cred, @now)
     ON CONFLICT (system) DO UPDATE SET base_url = excluded.base_url, timeout_ms = excluded.timeout_ms,
       credential_enc = CASE WHEN @setCred THEN excluded.credential_enc ELSE back_office_links.credential_enc END, updated_at = excluded.updated_at`,
  );

  return {
    /** Queues the message a case's step owes its back office, in the step's own transaction; due at
     * once (next_attempt_at 0: the worker's backoff runs on real time, the hall's clock may not). */
    enqueue(m: { applicationId: number; caseNumber: string; system: BackOfficeSystem; kind: 'submit' | 'status'; payload: OutboxPayload; now: number }): void {
      const seq = (lastOf.get(m.applicationId)?.sequence ?? 0) + 1;
      insert.run(m.applicationId, m.caseNumber, m.system, m.kind, seq, `yz-${randomUUID()}`, JSON.stringify(m.payload), 0, m.now, m.now);
    },
    /** Whether the case was already handed to its back office (later steps are status changes). */
    submitted: (applicationId: number): boolean => (lastOf.get(applicationId)?.submitted ?? 0) === 1,
    due: (system: BackOfficeSystem, now: number, limit: number): OutboxRow[] => due.all(system, now, limit),
    /** The next time a message waiting for its backoff falls due (after `now`). */
    nextDue: (system: BackOfficeSystem, now: number): number | null => nextDue.get(system, now)?.at ?? null,
    markSending: (id: number, now: number) => void sending.run(now, id),
    markDelivered: (id: number, receipt: string, now: number) => void delivered.run(receipt, now, id),
    markFailed: (id: number, state: 'pending' | 'dead', error: string, nextAt: number, now: number) =>
      void failed.run(state, error.slice(0, 500), nextAt, now, id),
    byId: (id: number): OutboxRow | null => byId.get(id) ?? null,
    /** A dead letter sent again from the start (the supervisor's retry); false when not dead. */
    retry: (id: number, now: number): boolean => revive.run(now, now, id).changes === 1,
    cancel: (id: number, now: number): boolean => cancel.run(now, id).changes === 1,
    dead: (): OutboxRow[] => dead.all(),
    waiting: () => waiting.all(),
    pendingVerifications: (limit: number) => pendingChecks.all(limit),
    /** Messages of a system delivered at or after `since` (the worker's clock), for its pace. */
    deliveredSince: (system: BackOfficeSystem, since: number): number => deliveredSince.get(system, since)?.n ?? 0,
    linkTimes: (): LinkTimesRow[] => linkTimes.all().map((r) => ({ system: r.system, downSince: r.down_since, upSince: r.up_since })),
    /** Inside the transaction that records the attempt which changed them. */
    putLinkTimes: (system: BackOfficeSystem, downSince: number | null, upSince: number | null, now: number) =>
      void putLinkTimes.run(system, downSince, upSince, now),
    links(): LinkRow[] {
      return links.all().map((l) => ({
        system: l.system,
        baseUrl: l.base_url,
        timeoutMs: l.timeout_ms,
        credential: l.credential_enc ? cipher.open('back_office_links', 'credential_enc', l.credential_enc) : null,
      }));
    },
    /** Saves a link; the credential is replaced only when given (undefined keeps it, null clears it). */
    putLink(system: BackOfficeSystem, baseUrl: string, timeoutMs: number, credential: string | null | undefined, now: number): void {
      const sealed = typeof credential === 'string' ? cipher.seal('back_office_links', 'credential_enc', credential) : null;
      putLink.run({ system, url: baseUrl, timeout: timeoutMs, cred: sealed, now, setCred: credential === undefined ? 0 : 1 });
    },
  };
}

export type BackOfficeStore = ReturnType<typeof backOfficeStore>;
