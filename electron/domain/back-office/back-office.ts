import { z } from 'zod';
import type { ApplicationStatus } from '../contract/applications-api.js';
import type { BusinessLine } from '../business-lines.js';

/**
 * The hall's side of the back offices: one interface for the household register, the traffic
 * platform and the exit-entry system. Adapters (electron/host/back-office/adapters) turn these
 * into each system's wire format, so a province's real API is fitted by writing an adapter.
 */
export const BACK_OFFICE_SYSTEMS = ['household', 'traffic', 'exit_entry'] as const;
export type BackOfficeSystem = (typeof BACK_OFFICE_SYSTEMS)[number];
export const BackOfficeSystemSchema = z.enum(BACK_OFFICE_SYSTEMS);

/** Each business line's cases go to its own system. */
export const SYSTEM_OF_LINE: Readonly<Record<BusinessLine, BackOfficeSystem>> = { household: 'household', traffic: 'traffic', exit_entry: 'exit_entry' };

/** What the outbox keeps for a message: codes and dates only, never personal data. */
export const OutboxPayloadSchema = z
  .object({
    serviceCode: z.string().min(1).max(60),
    status: z.string().min(1).max(40),
    action: z.string().min(1).max(40),
    at: z.number().int(),
    promisedBy: z.string().nullable(),
  })
  .strict();
export type OutboxPayload = z.infer<typeof OutboxPayloadSchema>;

/** One message as a connector delivers it. */
export const DeliverySchema = z
  .object({
    caseNumber: z.string().min(1).max(40),
    sequence: z.number().int().min(1),
    kind: z.enum(['submit', 'status']),
    idempotencyKey: z.string().min(8).max(80),
    applicantIdNumber: z.string().max(18).nullable(),
    payload: OutboxPayloadSchema,
  })
  .strict();
export type Delivery = z.infer<typeof DeliverySchema>;

/** What became of one attempt: delivered, or failed (retry later, maybe not before retryAfterMs). */
export type DeliveryResult =
  { ok: true; receipt: string } | { ok: false; retryable: boolean; error: string; retryAfterMs: number | null; unreachable: boolean };

/** What an online check of a data-shared material found (the material_verifications states). */
export type LookupResult = 'verified' | 'not_verified' | 'pending';

export interface BackOfficeConnector {
  readonly system: BackOfficeSystem;
  /** Looks the material up for the applicant; 'pending' when the system could not be asked. */
  verify(idNumber: string, materialCode: string, signal: AbortSignal): Promise<LookupResult>;
  deliver(d: Delivery, signal: AbortSignal): Promise<DeliveryResult>;
}

/**
 * Which step of a case owes the back office a message: the case is handed over (submit) when it
 * is first accepted, with or without missing material; every later step of a submitted case is a
 * status change. A case refused or withdrawn before acceptance never reached the back office.
 */
export function messageKind(to: ApplicationStatus, submitted: boolean): 'submit' | 'status' | null {
  if (submitted) return 'status';
  return to === 'accepted' || to === 'supplement_pending' ? 'submit' : null;
}
