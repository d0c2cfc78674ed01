/**
 * The hall's three business lines. The letter prefixes ticket numbers so that a citizen can tell
 * from the slip alone which queue they are in (A001 household, B001 traffic, C001 exit-entry).
 */
export const BUSINESS_LINES = ['household', 'traffic', 'exit_entry'] as const;
export type BusinessLine = (typeof BUSINESS_LINES)[number];

export const LINE_LETTER: Readonly<Record<BusinessLine, string>> = {
  household: 'A',
  traffic: 'B',
  exit_entry: 'C',
};

export function isBusinessLine(value: string): value is BusinessLine {
  return (BUSINESS_LINES as readonly string[]).includes(value);
}
