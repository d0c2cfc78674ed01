import { waitWords } from '@domain/queue/estimate.js';

type T = (key: string, values?: Record<string, string | number>) => string;

/**
 * A wait in words, the same way on the kiosk, the display and the slip (the rule is the domain's
 * waitWords): `prefix` names the screen's catalog keys (<prefix>.estimate, .estimateZero,
 * .estimateNone), each screen having its own phrasing of the same three cases.
 */
export function waitText(t: T, prefix: 'kiosk' | 'display', minutes: number | null | undefined): string {
  const w = waitWords(minutes);
  if (w.say === 'no_window') return t(`${prefix}.estimateNone`);
  if (w.say === 'no_wait') return t(`${prefix}.estimateZero`);
  return t(`${prefix}.estimate`, { n: w.minutes });
}
