import { describe, expectTypeOf, it } from 'vitest';
import type { RequestOf, ResponseOf } from '../../electron/domain/contract/api.js';
import type { ApplicationSummary } from '../../electron/domain/contract/applications-api.js';
import type { ServiceWindow, Ticket } from '../../electron/domain/contract/schemas.js';

/**
 * Routes built by a helper (windowAction, readRoute, submission) keep their own types, so a screen
 * needs no casts. Checked by the compiler (tsc -b type-checks tests); the run asserts nothing more.
 */
describe('contract types', () => {
  it('keeps the response type of each window action', () => {
    expectTypeOf<ResponseOf<'recall'>>().toEqualTypeOf<{ ticket: Ticket }>();
    expectTypeOf<ResponseOf<'markNoShow'>>().toEqualTypeOf<{ ticket: Ticket }>();
    expectTypeOf<ResponseOf<'callNext'>>().toEqualTypeOf<{ ticket: Ticket | null; finished: Ticket | null }>();
    expectTypeOf<ResponseOf<'openWindow'>>().toEqualTypeOf<{ window: ServiceWindow }>();
  });

  it('keeps the request and response types of routes built by helpers', () => {
    expectTypeOf<ResponseOf<'submitApplication'>['application']>().toEqualTypeOf<ApplicationSummary>();
    expectTypeOf<ResponseOf<'submitGroupApplication'>['ticket']>().toEqualTypeOf<Ticket | null>();
    expectTypeOf<RequestOf<'submitGroupApplication'>['body']['requestId']>().toEqualTypeOf<string>();
    expectTypeOf<RequestOf<'submitApplication'>['body']['appointmentCode']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ResponseOf<'listWindows'>>().toEqualTypeOf<{ windows: ServiceWindow[] }>();
  });
});
