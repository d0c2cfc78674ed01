import { describe, expectTypeOf, it } from 'vitest';
import type { ResponseOf } from '../../electron/domain/contract/api.js';
import type { ServiceWindow, Ticket } from '../../electron/domain/contract/schemas.js';

/**
 * Routes built by a helper (windowAction) keep their own response types, so a screen needs no
 * casts. Checked by the compiler (tsc -b type-checks tests); the run itself asserts nothing more.
 */
describe('contract types', () => {
  it('keeps the response type of each window action', () => {
    expectTypeOf<ResponseOf<'recall'>>().toEqualTypeOf<{ ticket: Ticket }>();
    expectTypeOf<ResponseOf<'markNoShow'>>().toEqualTypeOf<{ ticket: Ticket }>();
    expectTypeOf<ResponseOf<'callNext'>>().toEqualTypeOf<{ ticket: Ticket | null; finished: Ticket | null }>();
    expectTypeOf<ResponseOf<'openWindow'>>().toEqualTypeOf<{ window: ServiceWindow }>();
  });
});
