/**
 * A 差评's rectification item moves through these states. `open` until the supervisor assigns it;
 * the assignee records the callback (回访), the fix and the answer to the citizen, then it is
 * closed. A rating the hall thinks malicious may be appealed (申诉): upheld removes it from the
 * clerk's figures, rejected sends it back to be handled.
 */
export const RECTIFICATION_STATUSES = [
  'open',
  'assigned',
  'called_back',
  'rectified',
  'answered',
  'closed',
  'appealed',
  'appeal_upheld',
  'appeal_rejected',
] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** The steps a person takes on an item. */
export const RECTIFICATION_STEPS = ['assign', 'callback', 'fix', 'answer', 'close', 'appeal', 'uphold_appeal', 'reject_appeal'] as const;
export type RectificationStep = (typeof RECTIFICATION_STEPS)[number];

/** States in which the item is finished: no longer due, never overdue. */
export const FINISHED_STATUSES: readonly RectificationStatus[] = ['closed', 'appeal_upheld'];

const HANDLING: readonly RectificationStatus[] = ['assigned', 'called_back', 'rectified', 'answered', 'appeal_rejected'];

/** Which state a step leads to from `from`, or null when the step does not apply there. */
export function nextStatus(from: RectificationStatus, step: RectificationStep): RectificationStatus | null {
  switch (step) {
    case 'assign':
      return FINISHED_STATUSES.includes(from) || from === 'appealed' ? null : from === 'open' ? 'assigned' : from;
    case 'callback':
      return HANDLING.includes(from) ? 'called_back' : null;
    case 'fix':
      return HANDLING.includes(from) ? 'rectified' : null;
    case 'answer':
      return HANDLING.includes(from) ? 'answered' : null;
    case 'close':
      return HANDLING.includes(from) ? 'closed' : null;
    case 'appeal':
      return from === 'open' || HANDLING.includes(from) ? (from === 'appeal_rejected' ? null : 'appealed') : null;
    case 'uphold_appeal':
      return from === 'appealed' ? 'appeal_upheld' : null;
    case 'reject_appeal':
      return from === 'appealed' ? 'appeal_rejected' : null;
  }
}

/**
 * 100 % 回访: an item closes only with its callback, its fix and its answer to the citizen written;
 * the callback may be waived only by the city's published rules (callbackRequired false).
 */
export function missingForClose(item: { callbackResult: string; fix: string; answer: string }, callbackRequired = true): ('callback' | 'fix' | 'answer')[] {
  const missing: ('callback' | 'fix' | 'answer')[] = [];
  if (callbackRequired && item.callbackResult.trim() === '') missing.push('callback');
  if (item.fix.trim() === '') missing.push('fix');
  if (item.answer.trim() === '') missing.push('answer');
  return missing;
}

/** Overdue: not finished (nor waiting on an appeal) and its due day has passed. */
export function isOverdue(status: RectificationStatus, dueDay: string, today: string): boolean {
  return !FINISHED_STATUSES.includes(status) && status !== 'appealed' && dueDay < today;
}
