import { z } from 'zod';

/**
 * The wire contract between a hall's hub and the city (issue 16): the records a hall forwards, in
 * batches, each numbered by the hall (seq, from 1, never reused). The city keeps (hall, seq) unique,
 * so a batch sent twice after a lost answer changes nothing.
 */
export const FEED_KINDS = ['ticket_event', 'case_status', 'rating', 'rectification', 'audit_head', 'report_day'] as const;
export const FeedKindSchema = z.enum(FEED_KINDS);
export type FeedKind = z.infer<typeof FeedKindSchema>;

/** An event's payload is small; a report_day's (a whole day's report cells, report-day.ts) is not. */
export const MAX_EVENT_PAYLOAD = 4_000;
export const MAX_REPORT_DAY_PAYLOAD = 2_000_000;
/** A batch is cut at this many payload characters too (at least one record): report_day records are large. */
export const MAX_BATCH_CHARS = 1_000_000;

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD');
export const HallIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a hall id is lower-case letters, digits and dashes');

export const FeedRecordSchema = z
  .object({
    seq: z.number().int().positive(),
    kind: FeedKindSchema,
    at: z.number().int().nonnegative(),
    day: DAY,
    /** The record's JSON text exactly as the hall wrote it: the checksum covers these bytes. */
    payload: z.string().max(MAX_REPORT_DAY_PAYLOAD),
  })
  .strict()
  .refine((r) => r.kind === 'report_day' || r.payload.length <= MAX_EVENT_PAYLOAD, {
    message: `an event's payload is at most ${MAX_EVENT_PAYLOAD} characters`,
    path: ['payload'],
  });
export type FeedRecord = z.infer<typeof FeedRecordSchema>;

/** Enough for a busy hall's minute in one request, small enough for the city's body limit. */
export const MAX_BATCH = 500;

export const FeedBatchSchema = z
  .object({
    hallId: HallIdSchema,
    records: z.array(FeedRecordSchema).min(1).max(MAX_BATCH),
  })
  .strict();
export type FeedBatch = z.infer<typeof FeedBatchSchema>;

/** The city's answer: how far it holds this hall's records without a gap (the hall resumes after it). */
export const FeedAckSchema = z.object({ hallId: HallIdSchema, ackedSeq: z.number().int().nonnegative(), inserted: z.number().int().nonnegative() });
export type FeedAck = z.infer<typeof FeedAckSchema>;

/** What the hall shows on the city's overview, sent with every sync (not part of the feed: it is replaced, not kept). */
export const HallStateSchema = z
  .object({
    hallId: HallIdSchema,
    waiting: z.number().int().nonnegative(),
    longestWaitSeconds: z.number().int().nonnegative(),
    windowsOpen: z.number().int().nonnegative(),
    /** Devices or printers out of order, by kind (no names or addresses). */
    outages: z.array(z.string().max(40)).max(20),
    at: z.number().int().nonnegative(),
  })
  .strict();
export type HallState = z.infer<typeof HallStateSchema>;

/** The longest prefix of `records` within MAX_BATCH_CHARS of payload (never empty when records are not). */
export function cutBatch<R extends { payload: string }>(records: readonly R[]): R[] {
  let chars = 0;
  let n = 0;
  for (const r of records) {
    chars += r.payload.length;
    if (n > 0 && chars > MAX_BATCH_CHARS) break;
    n += 1;
  }
  return records.slice(0, n);
}

export function assertBatchInOrder(records: readonly FeedRecord[]): void {
  for (let i = 1; i < records.length; i++) {
    if ((records[i]?.seq ?? 0) <= (records[i - 1]?.seq ?? 0)) throw new Error('records must be in increasing seq order');
  }
}
