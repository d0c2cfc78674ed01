import { z } from 'zod';

/**
 * The simulator's control surface (POST /_sim/mode), the faults a real back office shows: down
 * (connections dropped), slow, an error status with Retry-After, no answer at all, the connection
 * dropped after the request was recorded (the hall cannot know it arrived), or the answer sent
 * twice. `count` limits a fault to the next N requests, after which the back office is up again.
 */
export const SimModeSchema = z
  .object({
    mode: z.enum(['up', 'down', 'slow', 'error', 'timeout', 'drop_after_receive', 'answer_twice']),
    /** slow: the delay before answering. */
    ms: z.number().int().min(0).max(600_000).optional(),
    /** slow: record the case first, then wait (the answer is what is late, not the arrival). */
    afterRecord: z.boolean().optional(),
    /** error: 500, 503 or 429. */
    status: z.union([z.literal(500), z.literal(503), z.literal(429)]).optional(),
    /** error: the Retry-After header, in seconds. */
    retryAfter: z.number().int().min(0).max(3600).optional(),
    count: z.number().int().min(1).optional(),
    /** Only requests to this system (household, traffic, exit-entry); all when absent. */
    system: z.enum(['household', 'traffic', 'exit-entry']).optional(),
    /** Only lookups ('query') or only deliveries ('cases'); both when absent. */
    on: z.enum(['query', 'cases']).optional(),
  })
  .strict();
export type SimMode = z.infer<typeof SimModeSchema>;

export const SIM_SYSTEMS = ['household', 'traffic', 'exit-entry'] as const;
export type SimSystem = (typeof SIM_SYSTEMS)[number];

/** One message the simulator accepted, once per idempotency key, in arrival order. */
export interface LedgerEntry {
  system: SimSystem;
  key: string;
  caseNumber: string;
  kind: 'submit' | 'status';
  sequence: number;
  status: string;
  receipt: string;
  at: number;
}

export interface Ledger {
  entries: LedgerEntry[];
  /** Every delivery request seen, repeats included (a retry after a lost answer shows here). */
  requests: number;
  /** Requests whose key had been seen before: answered from the store, not recorded again. */
  repeats: number;
}

/** The simulator's wire format for delivering a case or a status change. */
export const SimCaseMessageSchema = z
  .object({
    caseNumber: z.string().min(1).max(40),
    sequence: z.number().int().min(1),
    kind: z.enum(['submit', 'status']),
    serviceCode: z.string().min(1).max(60),
    status: z.string().min(1).max(40),
    at: z.number().int(),
    applicantIdNumber: z.string().max(18).optional(),
  })
  .strict();

export const SimQuerySchema = z.object({ idNumber: z.string().min(15).max(18) }).strict();
