import type { ApplicationStatus } from '../contract/applications-api.js';

/**
 * What a clerk (or a supervisor) can do with a case (办件), and which status each action leads
 * to. One table, read by the host to refuse an illegal transition (409) and by the clerk's screen
 * to offer only the buttons that would succeed.
 *
 *   submitted ─受理→ accepted ─办结→ completed (on-the-spot services, in the same visit)
 *       │                 └────办结→ ready_for_collection ─领取→ handed_over
 *       ├─容缺受理→ supplement_pending ─补正→ accepted
 *       │                 ├─延期 (supervisor)→ supplement_pending
 *       │                 └─逾期关闭 (supervisor, past its date)→ withdrawn
 *       ├─不予受理→ rejected
 *       └─撤回 (also from accepted and supplement_pending)→ withdrawn
 */
export const CASE_ACTIONS = ['accept', 'accept_deferred', 'supplement', 'refuse', 'complete', 'hand_over', 'withdraw', 'extend', 'close_overdue'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

interface Rule {
  from: readonly ApplicationStatus[];
  /** 'by_service': completed for an on-the-spot (即办) service, else ready for collection. */
  to: ApplicationStatus | 'by_service';
  /** Only a supervisor decides it (extending or closing someone's overdue supplement). */
  supervisor?: boolean;
  /** Only once the supplement date has passed. */
  overdueOnly?: boolean;
}

export const CASE_RULES: Readonly<Record<CaseAction, Rule>> = {
  accept: { from: ['submitted'], to: 'accepted' },
  accept_deferred: { from: ['submitted'], to: 'supplement_pending' },
  supplement: { from: ['supplement_pending'], to: 'accepted' },
  refuse: { from: ['submitted'], to: 'rejected' },
  complete: { from: ['accepted'], to: 'by_service' },
  hand_over: { from: ['ready_for_collection'], to: 'handed_over' },
  withdraw: { from: ['submitted', 'accepted', 'supplement_pending'], to: 'withdrawn' },
  extend: { from: ['supplement_pending'], to: 'supplement_pending', supervisor: true },
  close_overdue: { from: ['supplement_pending'], to: 'withdrawn', supervisor: true, overdueOnly: true },
};

/** What the decision depends on besides the status. */
export interface CaseFacts {
  /** The service is done on the spot (即办, time limit 0). */
  instant: boolean;
  /** The supplement date has passed (today is after it). */
  overdue: boolean;
  /** The person acting is a supervisor (or admin). */
  supervisor: boolean;
}

export type Refusal = 'wrong_status' | 'supervisor_only' | 'not_overdue';
export type Verdict = { ok: true; to: ApplicationStatus } | { ok: false; refusal: Refusal };

export function decide(status: ApplicationStatus, action: CaseAction, facts: CaseFacts): Verdict {
  const rule = CASE_RULES[action];
  if (!rule.from.includes(status)) return { ok: false, refusal: 'wrong_status' };
  if (rule.supervisor && !facts.supervisor) return { ok: false, refusal: 'supervisor_only' };
  if (rule.overdueOnly && !facts.overdue) return { ok: false, refusal: 'not_overdue' };
  const to = rule.to === 'by_service' ? (facts.instant ? 'completed' : 'ready_for_collection') : rule.to;
  return { ok: true, to };
}

/** The actions that would succeed now, in the table's order. */
export function allowedActions(status: ApplicationStatus, facts: CaseFacts): CaseAction[] {
  return CASE_ACTIONS.filter((a) => decide(status, a, facts).ok);
}

/** Statuses in which a case is still being worked on (it appears in the deadline lists). */
export const OPEN_CASE_STATUSES = ['accepted', 'supplement_pending', 'ready_for_collection'] as const satisfies readonly ApplicationStatus[];
