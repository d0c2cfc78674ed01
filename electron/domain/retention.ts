import type { ApplicationStatus } from './contract/applications-api.js';

/**
 * The statuses in which a case is over. Its personal data is purged the retention period after it
 * reached one; the rest of the row (service, line, times, status) stays for statistics. A result
 * ready for collection is not finished: its applicant has yet to come (and be checked) for it.
 */
export const FINISHED_APPLICATION_STATUSES = ['completed', 'handed_over', 'rejected', 'withdrawn'] as const satisfies readonly ApplicationStatus[];

/** Days personal data of a finished case is kept, until the supervisor sets otherwise. */
export const DEFAULT_RETENTION_DAYS = 180;
export const MIN_RETENTION_DAYS = 30;
export const MAX_RETENTION_DAYS = 3650;

export const DAY_MS = 86_400_000;
