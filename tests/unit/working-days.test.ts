import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR } from '../../electron/domain/calendar/holiday-data.js';
import { addWorkingDays, isWorkingDay, shippedDays, workingCalendar, workingDaysBetween } from '../../electron/domain/calendar/working-days.js';
import { urgencyOf } from '../../electron/domain/cases/case-deadlines.js';

const cal = workingCalendar();

describe('working days with the statutory holidays and 调休', () => {
  it('knows the 2026 arrangement as the State Council published it', () => {
    // 国庆节 2026: 10月1日（周四）至7日（周三）放假调休；9月20日（周日）、10月10日（周六）上班.
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(`2026-10-0${d}`, cal)).toBe(false);
    expect(isWorkingDay('2026-09-20', cal)).toBe(true); // a Sunday worked
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // the make-up Saturday
    expect(isWorkingDay('2026-10-11', cal)).toBe(false); // an ordinary Sunday
    expect(isWorkingDay('2026-10-09', cal)).toBe(true);
    // 春节: 2月15日至23日放假, 2月14日（周六）、2月28日（周六）上班.
    expect(isWorkingDay('2026-02-14', cal)).toBe(true);
    expect(isWorkingDay('2026-02-23', cal)).toBe(false); // a Monday off
    expect(isWorkingDay('2026-02-28', cal)).toBe(true);
    expect(shippedDays().filter((d) => d.kind === 'holiday' && d.day.startsWith('2026'))).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
  });

  it('counts a time limit across the National Day holiday and its make-up Saturday', () => {
    // Accepted Tuesday 29 September: 30 Sep is day 1; 1–7 Oct off; 8 Oct = 2, 9 Oct = 3,
    // Saturday 10 Oct (调休上班) = 4, Sunday 11 Oct off, Monday 12 Oct = 5.
    expect(addWorkingDays('2026-09-29', 1, cal)).toBe('2026-09-30');
    expect(addWorkingDays('2026-09-29', 2, cal)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-29', 4, cal)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-29', 5, cal)).toBe('2026-10-12');
    // The Sunday worked on 20 Sep counts: Friday 18 Sep + 3 is 20, 21, 22 → Tuesday 22 Sep.
    expect(addWorkingDays('2026-09-18', 3, cal)).toBe('2026-09-22');
    expect(addWorkingDays('2026-09-24', 1, cal)).toBe('2026-09-28');
    // Accepted on a weekend with extended hours: counting starts on the next working day.
    expect(addWorkingDays('2026-10-04', 1, cal)).toBe('2026-10-08');
    // 0 = on the spot: the day itself.
    expect(addWorkingDays('2026-10-03', 0, cal)).toBe('2026-10-03');
  });

  it('counts working days between two dates, backwards as well', () => {
    expect(workingDaysBetween('2026-09-29', '2026-10-12', cal)).toBe(5);
    expect(workingDaysBetween('2026-10-12', '2026-09-29', cal)).toBe(-5);
    expect(workingDaysBetween('2026-10-01', '2026-10-07', cal)).toBe(0);
    expect(workingDaysBetween('2026-10-09', '2026-10-09', cal)).toBe(0);
  });

  it('tells due today, at risk and overdue by working days', () => {
    // On 30 Sep, a case due 8 Oct is one working day away (the holiday does not count): at risk.
    expect(urgencyOf('2026-10-08', '2026-09-30', cal)).toBe('at_risk');
    expect(urgencyOf('2026-10-12', '2026-09-30', cal)).toBe('on_track');
    expect(urgencyOf('2026-09-30', '2026-09-30', cal)).toBe('due_today');
    expect(urgencyOf('2026-09-29', '2026-09-30', cal)).toBe('overdue');
  });

  it('takes the supervisor’s corrections over the shipped data', () => {
    const edited = workingCalendar([
      { day: '2026-10-10', kind: 'normal', name: '' },
      { day: '2026-12-31', kind: 'holiday', name: '本地假日' },
    ]);
    expect(isWorkingDay('2026-10-10', edited)).toBe(false);
    expect(isWorkingDay('2026-12-31', edited)).toBe(false);
    expect(addWorkingDays('2026-09-29', 5, edited)).toBe('2026-10-13');
  });

  it('ships 2026 as published and 2027 as its statutory days, marked unpublished', () => {
    expect(SHIPPED_CALENDAR.map((y) => [y.year, y.published])).toEqual([
      [2026, true],
      [2027, false],
    ]);
    expect(isWorkingDay('2027-02-08', cal)).toBe(false); // 初三
    expect(isWorkingDay('2027-10-04', cal)).toBe(true); // the arrangement (and any bridge) is not known yet
  });
});
