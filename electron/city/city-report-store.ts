import type { PoolClient } from 'pg';
import type { FeedRecord } from '../domain/city/feed.js';
import { parseReportDay } from '../domain/city/report-day.js';
import { addEncodedSummary, emptySummary, encodeSummary, summarizeDay, type Summary } from '../domain/city/report-summary.js';

const MIN = 60_000;

/** A report_day record whose payload is not a day's cells: the batch is refused whole (400). */
export class BadReportDay extends Error {}

function parsed(r: FeedRecord) {
  try {
    return parseReportDay(r.day, r.payload);
  } catch (err) {
    throw new BadReportDay(`record ${r.seq}: report_day payload is not a day's report cells (${(err as Error).message.slice(0, 200)})`);
  }
}

/**
 * Puts newly received report_day records in force, inside the ingest's transaction: the record
 * with the highest seq of a hall day wins (a redelivered or older one changes nothing), and its
 * summaries replace the day's previous ones. The cells themselves stay in feed_records' payload.
 */
export async function storeReportDays(c: PoolClient, hallId: string, records: readonly FeedRecord[]): Promise<void> {
  const months = new Set<string>();
  for (const r of records) {
    if (r.kind !== 'report_day') continue;
    const day = parsed(r);
    const won = await c.query(
      `INSERT INTO report_days (hall_id, day, seq, target_wait_min) VALUES ($1, $2, $3, $4)
       ON CONFLICT (hall_id, day) DO UPDATE SET seq = EXCLUDED.seq, target_wait_min = EXCLUDED.target_wait_min
       WHERE report_days.seq < EXCLUDED.seq`,
      [hallId, r.day, r.seq, day.targetWaitMin],
    );
    if (won.rowCount === 0) continue;
    months.add(`${r.day.slice(0, 7)}-01`);
    await c.query('DELETE FROM report_summaries WHERE hall_id = $1 AND day = $2', [hallId, r.day]);
    const rows = summarizeDay(day.cells, day.targetWaitMin * MIN);
    if (rows.length === 0) continue;
    await c.query(
      `INSERT INTO report_summaries (hall_id, day, dim, val, figures)
       SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::bytea[])`,
      [hallId, r.day, rows.map(([dim]) => dim), rows.map(([, v]) => (v === null ? '' : String(v))), rows.map(([, , s]) => Buffer.from(encodeSummary(s)))],
    );
  }
  for (const month of months) await refoldMonth(c, hallId, month);
}

/** A month's summaries again from its days' (once per month a batch touched, not once per day). */
async function refoldMonth(c: PoolClient, hallId: string, month: string): Promise<void> {
  const days = await c.query<{ dim: string; val: string; figures: Buffer }>(
    `SELECT dim, val, figures FROM report_summaries WHERE hall_id = $1 AND day >= $2::date AND day < $2::date + interval '1 month'`,
    [hallId, month],
  );
  const folded = new Map<string, { dim: string; val: string; s: Summary }>();
  for (const row of days.rows) {
    const k = `${row.dim}\u0001${row.val}`;
    let f = folded.get(k);
    if (!f) folded.set(k, (f = { dim: row.dim, val: row.val, s: emptySummary() }));
    addEncodedSummary(f.s, row.figures);
  }
  await c.query('DELETE FROM report_month_summaries WHERE hall_id = $1 AND month = $2', [hallId, month]);
  const rows = [...folded.values()];
  if (rows.length === 0) return;
  await c.query(
    `INSERT INTO report_month_summaries (hall_id, month, dim, val, figures)
     SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::bytea[])`,
    [hallId, month, rows.map((r) => r.dim), rows.map((r) => r.val), rows.map((r) => Buffer.from(encodeSummary(r.s)))],
  );
}
