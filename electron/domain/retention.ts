import type { ApplicationStatus } from './contract/applications-api.js';

/**
 * The statuses in which a case is over. Its personal data is purged the retention period after it
 * reached one; the rest of the row (service, line, times, status) stays for statistics. A later
 * end state (handed over) joins this list, and only this list.
 */
export const FINISHED_APPLICATION_STATUSES = ['completed', 'rejected', 'withdrawn'] as const satisfies readonly ApplicationStatus[];

/** Days personal data of a finished case is kept, until the supervisor sets otherwise. */
export const DEFAULT_RETENTION_DAYS = 180;
export const MIN_RETENTION_DAYS = 30;
export const MAX_RETENTION_DAYS = 3650;

export const DAY_MS = 86_400_000;
