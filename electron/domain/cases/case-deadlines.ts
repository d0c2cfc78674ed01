import { workingDaysBetween, type WorkingCalendar } from '../calendar/working-days.js';
import type { ApplicationStatus } from '../contract/applications-api.js';

/**
 * How urgent an open case is: past its date, due today, due within AT_RISK_WORKING_DAYS working
 * days, or on track. The date is the supplement date while material is awaited (待补正), else the
 * promised completion date (承诺办结日期); a result waiting for collection has no deadline left.
 */
export const URGENCIES = ['overdue', 'due_today', 'at_risk', 'on_track'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** "At risk": due within this many working days after today. */
export const AT_RISK_WORKING_DAYS = 2;

export interface Deadline {
  date: string;
  kind: 'supplement' | 'promised';
}

export function deadlineOf(c: { status: ApplicationStatus; promisedBy: string | null; supplementBy: string | null }): Deadline | null {
  if (c.status === 'supplement_pending' && c.supplementBy) return { date: c.supplementBy, kind: 'supplement' };
  if (c.status === 'accepted' && c.promisedBy) return { date: c.promisedBy, kind: 'promised' };
  return null;
}

export function urgencyOf(deadline: string, today: string, cal: WorkingCalendar): Urgency {
  if (deadline < today) return 'overdue';
  if (deadline === today) return 'due_today';
  return workingDaysBetween(today, deadline, cal) <= AT_RISK_WORKING_DAYS ? 'at_risk' : 'on_track';
}
