import { LINE_LETTER, type BusinessLine } from './business-lines.js';

/** A ticket number as printed and announced: the line's letter and at least three digits. */
export const TICKET_NUMBER_PATTERN = /^[A-Z]\d{3,}$/;

/**
 * A001 … A999, then A1000: three digits keep slips and announcements short on a normal day, and a
 * busy day simply grows a digit rather than wrapping round to a number already handed out.
 */
export function formatTicketNumber(line: BusinessLine, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`ticket sequence must be a positive integer, got ${seq}`);
  return `${LINE_LETTER[line]}${String(seq).padStart(3, '0')}`;
}
