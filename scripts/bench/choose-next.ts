import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/open.js';
import { ticketStore } from '../../db/tickets.js';
import { DEFAULT_POLICY, chooseNext, type TicketClass, type WaitingTicket } from '../../electron/domain/queue/calling-policy.js';
import { BUSINESS_LINES } from '../../electron/domain/business-lines.js';

export interface ChoiceResult {
  waiting: number;
  /** The pure policy over every waiting ticket. */
  policyUs: number;
  /** What call-next does to choose: read the candidates, apply the policy. */
  choiceUs: number;
  /** The whole call-next transaction (choose, finish, mark called), rolled back each time. */
  callNextUs: number;
  /** Baseline: one indexed earliest-ticket lookup. */
  lookupUs: number;
}

const CLASSES: TicketClass[] = ['normal', 'normal', 'normal', 'normal', 'green', 'appointment', 'group'];

/**
 * The cost of choosing the next ticket with `waiting` tickets waiting: the pure policy alone; the
 * whole call-next transaction (read the waiting tickets, choose, mark called, roll back so the
 * queue stays the same size); and, as the baseline, a plain first-come query on the same table.
 */
export function benchChooseNext(waiting = 5000, rounds = 200): ChoiceResult {
  const now = Date.UTC(2026, 10, 24, 4);
  const day = '2026-11-24';
  const tickets: WaitingTicket[] = Array.from({ length: waiting }, (_, i) => {
    const cls = CLASSES[i % CLASSES.length] ?? 'normal';
    return {
      id: i + 1,
      line: BUSINESS_LINES[i % 3] ?? 'household',
      ticketClass: cls,
      issuedAt: now - (waiting - i) * 1000,
      appointmentSlot: cls === 'appointment' ? now + ((i % 90) - 45) * 60_000 : null,
      targetWindowId: null,
    };
  });
  const window = { id: 2, primary: ['household'] as const, backup: ['exit_entry'] as const };
  let t0 = performance.now();
  for (let r = 0; r < rounds; r++) chooseNext(tickets, window, r % 5, DEFAULT_POLICY, now);
  const policyUs = ((performance.now() - t0) * 1000) / rounds;

  const dir = mkdtempSync(join(tmpdir(), 'yizhan-bench-choose-'));
  const { db } = openDatabase(dir);
  try {
    const store = ticketStore(db);
    store.issueMany(
      tickets.map((t) => ({
        line: t.line,
        terminalId: null,
        ticketClass: t.ticketClass,
        groupSize: t.ticketClass === 'group' ? 3 : 1,
        appointmentSlot: t.appointmentSlot,
      })),
      day,
      now - waiting * 1000,
    );
    const probe = db.transaction(() => {
      store.callNext(window, day, now, DEFAULT_POLICY);
      throw new RollBack();
    });
    class RollBack extends Error {}
    t0 = performance.now();
    for (let r = 0; r < rounds; r++) {
      try {
        probe();
      } catch (e) {
        if (!(e instanceof RollBack)) throw e;
      }
    }
    const callNextUs = ((performance.now() - t0) * 1000) / rounds;
    t0 = performance.now();
    for (let r = 0; r < rounds; r++) store.peekNext(window, day, now, DEFAULT_POLICY);
    const choiceUs = ((performance.now() - t0) * 1000) / rounds;
    const lookup = db.prepare(
      `SELECT * FROM tickets WHERE service_day = ? AND status = 'waiting' AND line = 'household' AND ticket_class = 'normal' ORDER BY issued_at, id LIMIT 1`,
    );
    t0 = performance.now();
    for (let r = 0; r < rounds; r++) lookup.get(day);
    const lookupUs = ((performance.now() - t0) * 1000) / rounds;
    return { waiting, policyUs, choiceUs, callNextUs, lookupUs };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
