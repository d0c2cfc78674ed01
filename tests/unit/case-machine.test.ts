import { describe, expect, it } from 'vitest';
import { allowedActions, CASE_ACTIONS, decide, type CaseAction, type CaseFacts } from '../../electron/domain/cases/case-machine.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../electron/domain/contract/applications-api.js';

/**
 * Every status × every action, written out: what a clerk (not a supervisor) on a case not past
 * its supplement date gets. '—' is refused (409 wrong status); a status is where it leads.
 * A new status or action makes the table incomplete and the test says so.
 */
const R = '—';
const CLERK: CaseFacts = { instant: false, overdue: false, supervisor: false };
const TABLE: Record<ApplicationStatus, Record<CaseAction, ApplicationStatus | typeof R>> = {
  draft: { accept: R, accept_deferred: R, supplement: R, refuse: R, complete: R, hand_over: R, withdraw: R, extend: R, close_overdue: R },
  submitted: {
    accept: 'accepted',
    accept_deferred: 'supplement_pending',
    supplement: R,
    refuse: 'rejected',
    complete: R,
    hand_over: R,
    withdraw: 'withdrawn',
    extend: R,
    close_overdue: R,
  },
  accepted: {
    accept: R,
    accept_deferred: R,
    supplement: R,
    refuse: R,
    complete: 'ready_for_collection',
    hand_over: R,
    withdraw: 'withdrawn',
    extend: R,
    close_overdue: R,
  },
  supplement_pending: {
    accept: R,
    accept_deferred: R,
    supplement: 'accepted',
    refuse: R,
    complete: R,
    hand_over: R,
    withdraw: 'withdrawn',
    // Supervisors only: a clerk is refused (see below for the supervisor's answers).
    extend: R,
    close_overdue: R,
  },
  ready_for_collection: {
    accept: R,
    accept_deferred: R,
    supplement: R,
    refuse: R,
    complete: R,
    hand_over: 'handed_over',
    withdraw: R,
    extend: R,
    close_overdue: R,
  },
  completed: { accept: R, accept_deferred: R, supplement: R, refuse: R, complete: R, hand_over: R, withdraw: R, extend: R, close_overdue: R },
  handed_over: { accept: R, accept_deferred: R, supplement: R, refuse: R, complete: R, hand_over: R, withdraw: R, extend: R, close_overdue: R },
  rejected: { accept: R, accept_deferred: R, supplement: R, refuse: R, complete: R, hand_over: R, withdraw: R, extend: R, close_overdue: R },
  withdrawn: { accept: R, accept_deferred: R, supplement: R, refuse: R, complete: R, hand_over: R, withdraw: R, extend: R, close_overdue: R },
};

describe('the case state machine', () => {
  it('has a row for every status and a column for every action', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...APPLICATION_STATUSES].sort());
    for (const row of Object.values(TABLE)) expect(Object.keys(row).sort()).toEqual([...CASE_ACTIONS].sort());
  });

  for (const status of APPLICATION_STATUSES) {
    for (const action of CASE_ACTIONS) {
      const expected = TABLE[status][action];
      it(`${status} + ${action} → ${expected === R ? 'refused' : expected}`, () => {
        const v = decide(status, action, CLERK);
        if (expected === R) expect(v.ok).toBe(false);
        else expect(v).toEqual({ ok: true, to: expected });
      });
    }
  }

  it('completes an on-the-spot service at once, any other into ready for collection', () => {
    expect(decide('accepted', 'complete', { ...CLERK, instant: true })).toEqual({ ok: true, to: 'completed' });
    expect(decide('accepted', 'complete', CLERK)).toEqual({ ok: true, to: 'ready_for_collection' });
  });

  it('leaves extending and closing a supplement to a supervisor, and closing only past its date', () => {
    expect(decide('supplement_pending', 'extend', CLERK)).toEqual({ ok: false, refusal: 'supervisor_only' });
    expect(decide('supplement_pending', 'close_overdue', { ...CLERK, overdue: true })).toEqual({ ok: false, refusal: 'supervisor_only' });
    const supervisor = { ...CLERK, supervisor: true };
    expect(decide('supplement_pending', 'extend', supervisor)).toEqual({ ok: true, to: 'supplement_pending' });
    expect(decide('supplement_pending', 'close_overdue', supervisor)).toEqual({ ok: false, refusal: 'not_overdue' });
    expect(decide('supplement_pending', 'close_overdue', { ...supervisor, overdue: true })).toEqual({ ok: true, to: 'withdrawn' });
    // A supervisor's rank changes nothing else: a finished case stays finished.
    for (const status of ['completed', 'handed_over', 'rejected', 'withdrawn'] as const)
      expect(allowedActions(status, { instant: true, overdue: true, supervisor: true })).toEqual([]);
  });

  it('offers exactly the actions decide() allows', () => {
    expect(allowedActions('submitted', CLERK)).toEqual(['accept', 'accept_deferred', 'refuse', 'withdraw']);
    expect(allowedActions('supplement_pending', { ...CLERK, supervisor: true, overdue: true })).toEqual(['supplement', 'withdraw', 'extend', 'close_overdue']);
  });
});
