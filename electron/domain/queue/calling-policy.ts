import type { BusinessLine } from '../business-lines.js';

/**
 * The calling policy: which waiting ticket a window calls next. Pure, so every rule is
 * table-tested without a database; the host feeds it the day's waiting tickets inside the same
 * transaction that marks the choice as called.
 *
 * The rules, in order:
 * 1. A window serves its primary (A) lines first. It takes a backup (B) ticket when no A ticket
 *    waits, or when a B ticket has waited longer than `backupWaitLimitMs` (the hall's AB角: the
 *    backup post must not leave its own people stranded behind a busy primary).
 * 2. A ticket transferred to a named window is called only by that window; it keeps its class and
 *    its original issue time, so it does not go to the back of the queue.
 * 3. Within the pool: green channel, then appointments that are due, then everyone else (normal,
 *    group, appointments not yet due); first come, first served within each.
 * 4. Anti-starvation: after `priorityStreakLimit` consecutive priority calls at this window, the
 *    longest-waiting non-priority ticket goes next if it has waited longer than
 *    `normalStarvationMs`.
 */

export const TICKET_CLASSES = ['normal', 'green', 'appointment', 'group'] as const;
export type TicketClass = (typeof TICKET_CLASSES)[number];

export interface WaitingTicket {
  id: number;
  line: BusinessLine;
  ticketClass: TicketClass;
  /** Original issue time (epoch ms); a transfer or reinstatement keeps it. */
  issuedAt: number;
  /** Start of the booked slot, for appointment tickets. */
  appointmentSlot: number | null;
  /** Set when a clerk transferred the ticket to one particular window. */
  targetWindowId: number | null;
}

export interface WindowProfile {
  id: number;
  primary: readonly BusinessLine[];
  backup: readonly BusinessLine[];
}

export interface PolicySettings {
  /** A backup ticket waiting longer than this is called ahead of primary tickets. */
  backupWaitLimitMs: number;
  /** An appointment is due from this long before its slot … */
  appointmentEarlyMs: number;
  /** … to this long after it; a citizen arriving later than that is served as normal. */
  appointmentLateMs: number;
  /** K: consecutive priority calls at one window before a long-waiting normal ticket goes next. */
  priorityStreakLimit: number;
  /** T: how long a normal ticket must have waited for the anti-starvation rule to pick it. */
  normalStarvationMs: number;
}

export const DEFAULT_POLICY: PolicySettings = {
  backupWaitLimitMs: 30 * 60_000,
  appointmentEarlyMs: 15 * 60_000,
  appointmentLateMs: 15 * 60_000,
  priorityStreakLimit: 3,
  normalStarvationMs: 20 * 60_000,
};

/** Why a ticket was the one called (kept in the audit detail of each call). */
export const CHOICE_REASONS = ['green', 'appointment', 'normal', 'anti_starvation', 'backup_overdue', 'backup'] as const;
export type ChoiceReason = (typeof CHOICE_REASONS)[number];

export interface Choice {
  ticket: WaitingTicket;
  reason: ChoiceReason;
  /** Whether this call counts towards the window's streak of priority calls. */
  priority: boolean;
}

/** An appointment ticket is due from N before its slot onwards (its holder arrived in time). */
export function isDueAppointment(t: WaitingTicket, now: number, s: PolicySettings): boolean {
  return t.ticketClass === 'appointment' && t.appointmentSlot !== null && now >= t.appointmentSlot - s.appointmentEarlyMs;
}

/**
 * The class a ticket is issued with: an appointment holder who arrives after the late limit is
 * served as normal, since their slot has gone to others.
 */
export function classAtArrival(requested: TicketClass, slot: number | null, arrivedAt: number, s: PolicySettings): TicketClass {
  if (requested !== 'appointment') return requested;
  if (slot === null || arrivedAt > slot + s.appointmentLateMs) return 'normal';
  return 'appointment';
}

/** 0 = green, 1 = due appointment, 2 = everything else. */
function rank(t: WaitingTicket, now: number, s: PolicySettings): 0 | 1 | 2 {
  if (t.ticketClass === 'green') return 0;
  if (isDueAppointment(t, now, s)) return 1;
  return 2;
}

function earlier(a: WaitingTicket, b: WaitingTicket): number {
  return a.issuedAt - b.issuedAt || a.id - b.id;
}

function pickByClass(pool: readonly WaitingTicket[], now: number, s: PolicySettings, streak: number): Choice | null {
  let best: WaitingTicket | null = null;
  let bestRank = 3;
  let oldestNormal: WaitingTicket | null = null;
  for (const t of pool) {
    const r = rank(t, now, s);
    if (r < bestRank || (r === bestRank && best && earlier(t, best) < 0)) {
      best = t;
      bestRank = r;
    }
    if (r === 2 && (!oldestNormal || earlier(t, oldestNormal) < 0)) oldestNormal = t;
  }
  if (!best) return null;
  if (bestRank < 2 && streak >= s.priorityStreakLimit && oldestNormal && now - oldestNormal.issuedAt > s.normalStarvationMs) {
    return { ticket: oldestNormal, reason: 'anti_starvation', priority: false };
  }
  const reason: ChoiceReason = bestRank === 0 ? 'green' : bestRank === 1 ? 'appointment' : 'normal';
  return { ticket: best, reason, priority: bestRank < 2 };
}

/**
 * Chooses the next ticket for `window`, or null when nobody it may serve is waiting.
 * `priorityStreak` is the number of consecutive priority calls this window has just made.
 */
export function chooseNext(
  waiting: readonly WaitingTicket[],
  window: WindowProfile,
  priorityStreak: number,
  settings: PolicySettings,
  now: number,
): Choice | null {
  // One pass: a ticket transferred to this window joins its primary pool; one transferred
  // elsewhere is not ours.
  const primary: WaitingTicket[] = [];
  const backup: WaitingTicket[] = [];
  const overdue = new Set<WaitingTicket>();
  for (const t of waiting) {
    if (t.targetWindowId !== null && t.targetWindowId !== window.id) continue;
    if (t.targetWindowId === window.id || window.primary.includes(t.line)) primary.push(t);
    else if (window.backup.includes(t.line)) {
      backup.push(t);
      if (now - t.issuedAt > settings.backupWaitLimitMs) overdue.add(t);
    }
  }

  if (overdue.size > 0) {
    // A backup ticket past its limit goes before primary normal tickets, but not before the
    // primary green channel: the pool is primary plus the overdue backups, ranked as usual.
    const choice = pickByClass([...primary, ...overdue], now, settings, priorityStreak);
    if (choice && overdue.has(choice.ticket) && choice.reason === 'normal') return { ...choice, reason: 'backup_overdue' };
    return choice;
  }
  const fromPrimary = pickByClass(primary, now, settings, priorityStreak);
  if (fromPrimary) return fromPrimary;
  const fromBackup = pickByClass(backup, now, settings, priorityStreak);
  return fromBackup && fromBackup.reason === 'normal' ? { ...fromBackup, reason: 'backup' } : fromBackup;
}

/** The streak after a call: priority calls extend it, any other call ends it. */
export function nextStreak(streak: number, choice: Choice): number {
  return choice.priority ? streak + 1 : 0;
}
