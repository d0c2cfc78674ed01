import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open.js';
import { ticketStore } from '../../db/tickets.js';
import { BUSINESS_LINES, type BusinessLine } from '../../electron/domain/business-lines.js';
import { chooseNext, type PolicySettings, type TicketClass } from '../../electron/domain/queue/calling-policy.js';
import { tempDir } from '../support/temp-dir.js';
import { seededRandom } from '../../scripts/lib/seeded-random.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function open(): Db {
  const d = tempDir();
  const { db } = openDatabase(d.path);
  cleanups.push(() => {
    db.close();
    d.remove();
  });
  return db;
}

class RollBack extends Error {}
const MIN = 60_000;

describe('call-next reads only candidate rows', () => {
  it('chooses exactly what the policy chooses over the whole queue (randomised)', () => {
    const db = open();
    const store = ticketStore(db);
    const rnd = seededRandom(20261124);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const day = '2026-11-24';
    const now = Date.UTC(2026, 10, 24, 4);
    const classes: TicketClass[] = ['normal', 'normal', 'green', 'appointment', 'group'];
    let checked = 0;
    let called = 0;
    for (let round = 0; round < 60; round++) {
      const runRound = db.transaction(() => {
        // A fresh random queue in this transaction; rolled back at the end of the round.
        db.prepare(`DELETE FROM tickets`).run();
        db.prepare(`DELETE FROM daily_counters`).run();
        const n = 1 + Math.floor(rnd() * 40);
        for (let i = 0; i < n; i++) {
          const ticketClass = pick(classes);
          const slot = ticketClass === 'appointment' ? now + Math.round((rnd() * 80 - 40) * MIN) : null;
          store.issue(
            { line: pick(BUSINESS_LINES), terminalId: null, ticketClass, groupSize: ticketClass === 'group' ? 3 : 1, appointmentSlot: slot },
            day,
            now - Math.floor(rnd() * 90) * MIN,
          );
        }
        // Some tickets transferred to a particular window.
        db.prepare(`UPDATE tickets SET target_window_id = ? WHERE id % 7 = 0`).run(1 + Math.floor(rnd() * 6));
        for (let k = 0; k < 5; k++) {
          const primary = [pick(BUSINESS_LINES)];
          const backup = BUSINESS_LINES.filter((l) => !primary.includes(l) && rnd() < 0.5) as BusinessLine[];
          const window = { id: 1 + Math.floor(rnd() * 6), primary, backup };
          const settings: PolicySettings = {
            backupWaitLimitMs: Math.floor(rnd() * 60) * MIN,
            appointmentEarlyMs: 15 * MIN,
            appointmentLateMs: 15 * MIN,
            priorityStreakLimit: 1 + Math.floor(rnd() * 3),
            normalStarvationMs: Math.floor(rnd() * 40) * MIN,
          };
          const streak = Math.floor(rnd() * 4);
          db.prepare(`UPDATE windows SET priority_streak = ? WHERE id = ?`).run(streak, window.id);
          const expected = chooseNext(store.allWaiting(day), window, streak, settings, now);
          try {
            db.transaction(() => {
              const got = store.callNext(window, day, now, settings);
              expect({ round, k, id: got.ticket?.id ?? null, reason: got.choice?.reason ?? null }).toEqual({
                round,
                k,
                id: expected?.ticket.id ?? null,
                reason: expected?.reason ?? null,
              });
              throw new RollBack();
            })();
          } catch (e) {
            if (!(e instanceof RollBack)) throw e;
          }
          checked++;
          if (expected) called++;
        }
        throw new RollBack();
      });
      try {
        runRound.immediate();
      } catch (e) {
        if (!(e instanceof RollBack)) throw e;
      }
    }
    expect(checked).toBe(300);
    expect(called).toBeGreaterThan(150);
  });
});
