import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../electron/domain/calendar/working-days.js';
import { isBadRating, levelCode, rectificationDueDay } from '../../electron/domain/ratings/rating-levels.js';
import { isOverdue, missingForClose, nextStatus, RECTIFICATION_STATUSES } from '../../electron/domain/ratings/rectification-steps.js';

/** The rules of 好差评 in the domain: which levels are 差评, when an item is due, how it moves on. */
describe('好差评 rules', () => {
  it('counts 不满意 and 非常不满意 as 差评', () => {
    expect([5, 4, 3, 2, 1].map(isBadRating)).toEqual([false, false, false, true, true]);
    expect(levelCode(3)).toBe('basically_satisfied');
    expect(levelCode(7)).toBeNull();
  });

  it('counts due days in working days: a weekend, National Day and its 调休 Saturday', () => {
    const cal = workingCalendar();
    expect(rectificationDueDay('2026-11-24', 5, cal)).toBe('2026-12-01');
    expect(rectificationDueDay('2026-11-27', 5, cal)).toBe('2026-12-04');
    expect(rectificationDueDay('2026-09-30', 5, cal)).toBe('2026-10-13');
    // A hall that corrects its calendar (a local holiday) moves the day on.
    expect(rectificationDueDay('2026-11-24', 5, workingCalendar([{ day: '2026-11-30', kind: 'holiday', name: '本地假日' }]))).toBe('2026-12-02');
  });

  it('moves an item only by the steps that apply', () => {
    expect(nextStatus('open', 'assign')).toBe('assigned');
    expect(nextStatus('open', 'callback')).toBeNull();
    expect(nextStatus('assigned', 'answer')).toBe('answered');
    expect(nextStatus('answered', 'close')).toBe('closed');
    expect(nextStatus('closed', 'assign')).toBeNull();
    expect(nextStatus('assigned', 'appeal')).toBe('appealed');
    expect(nextStatus('appealed', 'callback')).toBeNull();
    expect(nextStatus('appealed', 'uphold_appeal')).toBe('appeal_upheld');
    expect(nextStatus('appealed', 'reject_appeal')).toBe('appeal_rejected');
    // A rejected appeal is handled like any 差评, and not appealed twice.
    expect(nextStatus('appeal_rejected', 'fix')).toBe('rectified');
    expect(nextStatus('appeal_rejected', 'appeal')).toBeNull();
    for (const s of RECTIFICATION_STATUSES) expect(nextStatus(s, 'uphold_appeal') === null).toBe(s !== 'appealed');
  });

  it('closes only with the callback, the fix and the answer; overdue only while still being handled', () => {
    expect(missingForClose({ callbackResult: ' ', fix: 'x', answer: '' })).toEqual(['callback', 'answer']);
    expect(missingForClose({ callbackResult: 'a', fix: 'b', answer: 'c' })).toEqual([]);
    expect(isOverdue('assigned', '2026-12-01', '2026-12-02')).toBe(true);
    expect(isOverdue('assigned', '2026-12-01', '2026-12-01')).toBe(false);
    expect(isOverdue('closed', '2026-12-01', '2026-12-09')).toBe(false);
    expect(isOverdue('appealed', '2026-12-01', '2026-12-09')).toBe(false);
  });
});
