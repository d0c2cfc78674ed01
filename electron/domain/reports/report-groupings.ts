/** How a report's rows are cut. 'total' gives one row for the whole range. (Its own module: the
 * contract needs the list, and every screen's bundle carries the contract, not the figures code.) */
export const REPORT_GROUPINGS = ['total', 'day', 'line', 'service', 'window', 'staff', 'hour'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];
