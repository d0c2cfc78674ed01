import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  chooseNext,
  classAtArrival,
  isDueAppointment,
  nextStreak,
  type PolicySettings,
  type TicketClass,
  type WaitingTicket,
  type WindowProfile,
} from '../../electron/domain/queue/calling-policy.js';
import type { BusinessLine } from '../../electron/domain/business-lines.js';
import { averageServiceMs, estimatedWaitMinutes } from '../../electron/domain/queue/estimate.js';

const MIN = 60_000;
const NOW = 10_000 * MIN;
const S: PolicySettings = {
  backupWaitLimitMs: 30 * MIN,
  appointmentEarlyMs: 15 * MIN,
  appointmentLateMs: 15 * MIN,
  priorityStreakLimit: 3,
  normalStarvationMs: 20 * MIN,
};

let nextId = 1;
/** A waiting ticket issued `waitedMin` minutes before NOW. */
function t(line: BusinessLine, cls: TicketClass, waitedMin: number, extra: Partial<WaitingTicket> = {}): WaitingTicket {
  return { id: nextId++, line, ticketClass: cls, issuedAt: NOW - waitedMin * MIN, appointmentSlot: null, targetWindowId: null, ...extra };
}
const HOUSEHOLD_WINDOW: WindowProfile = { id: 1, primary: ['household'], backup: [] };
const AB_WINDOW: WindowProfile = { id: 2, primary: ['household'], backup: ['traffic'] };

interface Case {
  name: string;
  window: WindowProfile;
  waiting: WaitingTicket[];
  streak?: number;
  /** Index into `waiting` of the expected choice, or null for nobody. */
  expect: number | null;
  reason?: string;
}

const slotIn = (min: number) => NOW + min * MIN;

const cases: Case[] = [
  { name: 'nobody waiting', window: HOUSEHOLD_WINDOW, waiting: [], expect: null },
  {
    name: 'first come first served among normal tickets',
    window: HOUSEHOLD_WINDOW,
    waiting: [t('household', 'normal', 5), t('household', 'normal', 9), t('household', 'normal', 1)],
    expect: 1,
    reason: 'normal',
  },
  {
    name: 'equal issue times: the lower id first',
    window: HOUSEHOLD_WINDOW,
    waiting: [t('household', 'normal', 5, { id: 900 }), t('household', 'normal', 5, { id: 899 })],
    expect: 1,
  },
  {
    name: 'green before an older normal ticket',
    window: HOUSEHOLD_WINDOW,
    waiting: [t('household', 'normal', 30), t('household', 'green', 1)],
    expect: 1,
    reason: 'green',
  },
  {
    name: 'green before a due appointment',
    window: HOUSEHOLD_WINDOW,
    waiting: [t('household', 'appointment', 10, { appointmentSlot: slotIn(0) }), t('household', 'green', 1)],
    expect: 1,
    reason: 'green',
  },
  {
    name: 'a due appointment before normal',
    window: HOUSEHOLD_WINDOW,
    waiting: [t('household', 'normal', 30), t('household', 'appointment', 2, { appointmentSlot: slotIn(5) })],
    expect: 1,
    reason: 'appointment',
  },
  {
    name: 'appointment due exactly N minutes before its slot',
    window: HOUSEHOLD_WINDOW,
    waiting: [t('household', 'normal', 30), t('household', 'appointment', 2, { appointmentSlot: slotIn(15) })],
    expect: 1,
    reason: 'appointment',
  },
  {
    name: 'appointment one minute earlier than N is not yet due: served as normal',
    window: HOUSEHOLD_WINDOW,
    waiting: [t('household', 'normal', 30), t('household', 'appointment', 2, { appointmentSlot: slotIn(16) })],
    expect: 0,
    reason: 'normal',
  },
  {
    name: 'an appointment still waiting long after its slot stays due (not their fault)',
    window: HOUSEHOLD_WINDOW,
    waiting: [t('household', 'normal', 60), t('household', 'appointment', 40, { appointmentSlot: slotIn(-45) })],
    expect: 1,
    reason: 'appointment',
  },
  { name: 'first come first served within green', window: HOUSEHOLD_WINDOW, waiting: [t('household', 'green', 2), t('household', 'green', 4)], expect: 1 },
  {
    name: 'a group ticket is served in normal order',
    window: HOUSEHOLD_WINDOW,
    waiting: [t('household', 'normal', 3), t('household', 'group', 5)],
    expect: 1,
    reason: 'normal',
  },
  {
    name: 'lines the window does not serve are ignored',
    window: HOUSEHOLD_WINDOW,
    waiting: [t('traffic', 'green', 50), t('household', 'normal', 1)],
    expect: 1,
  },
  { name: 'AB: primary before backup', window: AB_WINDOW, waiting: [t('traffic', 'normal', 20), t('household', 'normal', 1)], expect: 1, reason: 'normal' },
  {
    name: 'AB: backup when primary is empty',
    window: AB_WINDOW,
    waiting: [t('traffic', 'normal', 2), t('exit_entry', 'normal', 50)],
    expect: 0,
    reason: 'backup',
  },
  {
    name: 'AB: a backup ticket over the limit goes before primary normal',
    window: AB_WINDOW,
    waiting: [t('household', 'normal', 10), t('traffic', 'normal', 31)],
    expect: 1,
    reason: 'backup_overdue',
  },
  {
    name: 'AB: a backup ticket exactly at the limit does not',
    window: AB_WINDOW,
    waiting: [t('household', 'normal', 10), t('traffic', 'normal', 30)],
    expect: 0,
  },
  {
    name: 'AB: an overdue backup ticket does not beat primary green',
    window: AB_WINDOW,
    waiting: [t('household', 'green', 1), t('traffic', 'normal', 45)],
    expect: 0,
    reason: 'green',
  },
  {
    name: 'AB: backup green when primary is empty',
    window: AB_WINDOW,
    waiting: [t('traffic', 'normal', 9), t('traffic', 'green', 1)],
    expect: 1,
    reason: 'green',
  },
  {
    name: 'transfer to another window: invisible here',
    window: HOUSEHOLD_WINDOW,
    waiting: [t('household', 'normal', 30, { targetWindowId: 7 }), t('household', 'normal', 1)],
    expect: 1,
  },
  {
    name: 'transfer to this window: served even for a line it does not serve, in its original place',
    window: HOUSEHOLD_WINDOW,
    waiting: [t('household', 'normal', 10), t('traffic', 'normal', 20, { targetWindowId: 1 })],
    expect: 1,
  },
  {
    name: 'anti-starvation: after K priority calls a normal ticket waiting longer than T goes next',
    window: HOUSEHOLD_WINDOW,
    streak: 3,
    waiting: [t('household', 'green', 1), t('household', 'normal', 21)],
    expect: 1,
    reason: 'anti_starvation',
  },
  {
    name: 'anti-starvation: not before K priority calls',
    window: HOUSEHOLD_WINDOW,
    streak: 2,
    waiting: [t('household', 'green', 1), t('household', 'normal', 21)],
    expect: 0,
    reason: 'green',
  },
  {
    name: 'anti-starvation: not for a normal ticket that has not waited T',
    window: HOUSEHOLD_WINDOW,
    streak: 5,
    waiting: [t('household', 'green', 1), t('household', 'normal', 20)],
    expect: 0,
    reason: 'green',
  },
  {
    name: 'anti-starvation picks the longest-waiting normal ticket',
    window: HOUSEHOLD_WINDOW,
    streak: 3,
    waiting: [t('household', 'green', 1), t('household', 'normal', 25), t('household', 'group', 40)],
    expect: 2,
    reason: 'anti_starvation',
  },
];

describe('calling policy (table)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const choice = chooseNext(c.waiting, c.window, c.streak ?? 0, S, NOW);
      if (c.expect === null) {
        expect(choice).toBeNull();
        return;
      }
      expect(choice?.ticket.id).toBe(c.waiting[c.expect]?.id);
      if (c.reason) expect(choice?.reason).toBe(c.reason);
    });
  }
});

describe('streaks and starvation over a day', () => {
  it('a stream of green tickets never starves a normal ticket for more than K calls once it has waited T', () => {
    const window = HOUSEHOLD_WINDOW;
    const normal = t('household', 'normal', 25);
    let waiting: WaitingTicket[] = [normal, ...Array.from({ length: 20 }, (_, i) => t('household', 'green', 1 - i / 100))];
    let streak = 0;
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      const choice = chooseNext(waiting, window, streak, S, NOW);
      if (!choice) break;
      order.push(choice.ticket === normal ? 'N' : 'G');
      streak = nextStreak(streak, choice);
      waiting = waiting.filter((w) => w !== choice.ticket);
    }
    expect(order).toEqual(['G', 'G', 'G', 'N', 'G', 'G']);
  });

  it('defaults are the documented ones', () => {
    expect(DEFAULT_POLICY).toMatchObject({ priorityStreakLimit: 3, appointmentEarlyMs: 15 * MIN, appointmentLateMs: 15 * MIN });
  });
});

describe('appointments', () => {
  it('a citizen arriving after the late limit is served as normal', () => {
    expect(classAtArrival('appointment', slotIn(-15), NOW, S)).toBe('appointment');
    expect(classAtArrival('appointment', slotIn(-16), NOW, S)).toBe('normal');
    expect(classAtArrival('appointment', slotIn(60), NOW, S)).toBe('appointment');
    expect(classAtArrival('green', null, NOW, S)).toBe('green');
  });

  it('is due from N minutes before the slot', () => {
    const a = t('household', 'appointment', 1, { appointmentSlot: slotIn(15) });
    expect(isDueAppointment(a, NOW, S)).toBe(true);
    expect(isDueAppointment(a, NOW - 1, S)).toBe(false);
  });
});

describe('estimated wait', () => {
  it('shares the people ahead among the open windows, never 0 with anyone ahead', () => {
    expect(estimatedWaitMinutes(0, 2, 6 * MIN)).toBe(0);
    expect(estimatedWaitMinutes(1, 2, 6 * MIN)).toBe(3);
    expect(estimatedWaitMinutes(1, 3, 1 * MIN)).toBe(1);
    expect(estimatedWaitMinutes(2, 2, 6 * MIN)).toBe(6);
    expect(estimatedWaitMinutes(9, 3, 5 * MIN)).toBe(15);
    expect(estimatedWaitMinutes(3, 0, 5 * MIN)).toBeNull();
  });

  it('averages recent service times and ignores nonsense', () => {
    expect(averageServiceMs([])).toBe(6 * MIN);
    expect(averageServiceMs([4 * MIN, 8 * MIN, -5, 10 * 3600_000])).toBe(6 * MIN);
  });
});
