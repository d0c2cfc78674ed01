import { DAY_MS, FINISHED_APPLICATION_STATUSES } from '../electron/domain/retention.js';
import type { Db } from './open.js';

/** What one purge cleared: counts only, for the audit line. */
export interface PurgeCounts {
  applications: number;
  appointments: number;
  printJobs: number;
  conversation: number;
}

/** A 笔谈 line is deleted when its ticket is finished; one left behind (a no-show) goes after a day. */
const CONVERSATION_MAX_AGE_MS = DAY_MS;

const FINISHED = FINISHED_APPLICATION_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * Clears the personal data that is past the retention period, in the caller's transaction:
 * - a finished case's ID number, its hash and its form answers, `retentionDays` after it was
 *   finished (its last change into a finished status), with its steps' sealed details and the
 *   clerk's corrections of its answers; service, line, status, times, window and staff stay in
 *   the case, its events and its ticket, for statistics;
 * - an appointment's name and ID number, that long after its slot (or its use);
 * - the document data of print jobs made that long ago (printed or not: nothing prints that late);
 *   a reprint is then refused;
 * - 笔谈 lines a day old.
 * With secure_delete on, the cleared values are zeroed in the file; the caller then checkpoints
 * the WAL so that no earlier page keeps them.
 */
export function purgeExpired(db: Db, now: number, retentionDays: number): PurgeCounts {
  const cutoff = now - retentionDays * DAY_MS;
  const applications = db
    .prepare<{ now: number; cutoff: number }>(
      `UPDATE applications SET applicant_id_number_enc = NULL, applicant_id_hash = NULL, form_enc = NULL, purged_at = @now
       WHERE purged_at IS NULL AND status IN (${FINISHED})
         AND coalesce((SELECT max(e.at) FROM application_events e WHERE e.application_id = applications.id AND e.to_status IN (${FINISHED})),
                      updated_at) <= @cutoff`,
    )
    .run({ now, cutoff }).changes;
  // What case work kept of a purged case's people: the steps' sealed details (a refusal's wording,
  // who collected) and the clerk's corrections of its answers.
  db.prepare(
    `UPDATE application_events SET detail_enc = NULL
     WHERE detail_enc IS NOT NULL AND application_id IN (SELECT id FROM applications WHERE purged_at IS NOT NULL)`,
  ).run();
  db.prepare(`DELETE FROM case_form_changes WHERE application_id IN (SELECT id FROM applications WHERE purged_at IS NOT NULL)`).run();
  const appointments = db
    .prepare<{ now: number; cutoff: number }>(
      `UPDATE appointments SET name_enc = NULL, id_number_enc = NULL, id_number_hash = NULL, purged_at = @now
       WHERE purged_at IS NULL AND coalesce(used_at, slot_start) <= @cutoff`,
    )
    .run({ now, cutoff }).changes;
  const printJobs = db
    .prepare<{ cutoff: number }>(`UPDATE print_jobs SET data_enc = NULL WHERE data_enc IS NOT NULL AND created_at <= @cutoff`)
    .run({ cutoff }).changes;
  const conversation = db.prepare<[number]>(`DELETE FROM conversation_messages WHERE at <= ?`).run(now - CONVERSATION_MAX_AGE_MS).changes;
  return { applications, appointments, printJobs, conversation };
}
