import { z } from 'zod';
import type { BackOfficeConnector, Delivery, DeliveryResult, LookupResult } from '../../../domain/back-office/back-office.js';
import { postJson, type LinkConfig } from '../http-json.js';

/**
 * The wire format the three systems share here (the one npm run backoffice:sim speaks): POST
 * <base>/<path>/query {idNumber} → {found, record}, POST <base>/<path>/cases with Idempotency-Key
 * → {receipt}. Each adapter names its path and reads its own record; a province whose API differs
 * gets its own adapter beside these.
 */
const QueryAnswer = z.object({ found: z.boolean(), record: z.unknown() });
const CaseAnswer = z.object({ receipt: z.string().min(1).max(100) });

export function simWireConnector(
  system: BackOfficeConnector['system'],
  path: string,
  link: LinkConfig,
  /** Whether the system's record for the applicant proves the material; null: not this system's. */
  proves: (record: unknown, materialCode: string) => boolean | null,
): BackOfficeConnector {
  return {
    system,
    async verify(idNumber, materialCode, signal): Promise<LookupResult> {
      const r = await postJson(link, `${path}/query`, { idNumber }, signal);
      if (!r.ok) return 'pending';
      const a = QueryAnswer.safeParse(r.body);
      if (!a.success) return 'pending';
      if (!a.data.found) return 'not_verified';
      const p = proves(a.data.record, materialCode);
      return p === null ? 'pending' : p ? 'verified' : 'not_verified';
    },
    async deliver(d: Delivery, signal): Promise<DeliveryResult> {
      const body = {
        caseNumber: d.caseNumber,
        sequence: d.sequence,
        kind: d.kind,
        serviceCode: d.payload.serviceCode,
        status: d.payload.status,
        at: d.payload.at,
        ...(d.applicantIdNumber ? { applicantIdNumber: d.applicantIdNumber } : {}),
      };
      const r = await postJson(link, `${path}/cases`, body, signal, { 'idempotency-key': d.idempotencyKey });
      if (!r.ok) return r;
      const a = CaseAnswer.safeParse(r.body);
      return a.success
        ? { ok: true, receipt: a.data.receipt }
        : { ok: false, retryable: true, unreachable: false, retryAfterMs: null, error: 'answer without a receipt' };
    },
  };
}
