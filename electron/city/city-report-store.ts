import type { PoolClient } from 'pg';
import type { FeedRecord } from '../domain/city/feed.js';
import { parseReportDay } from '../domain/city/report-day.js';
import { encodeSummary, summarizeDay } from '../domain/city/report-summary.js';

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
    await c.query('DELETE FROM report_summaries WHERE hall_id = $1 AND day = $2', [hallId, r.day]);
    const rows = summarizeDay(day.cells, day.targetWaitMin * MIN);
    if (rows.length === 0) continue;
    await c.query(
      `INSERT INTO report_summaries (hall_id, day, dim, val, figures)
       SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::bytea[])`,
      [hallId, r.day, rows.map(([dim]) => dim), rows.map(([, v]) => (v === null ? '' : String(v))), rows.map(([, , s]) => Buffer.from(encodeSummary(s)))],
    );
  }
}
