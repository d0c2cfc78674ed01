/**
 * How a screen (and a terminal's agent) finds the hub again after losing it: the first retry soon,
 * then doubling up to a few seconds, with jitter so that a hall of screens does not knock all at
 * the same instant after a hub restart. One policy, used by the renderer's connection and by the
 * benchmark's screens (scripts/bench/lan.ts), so that what is measured is what runs.
 */
export const RECONNECT_FIRST_MS = 250;
export const RECONNECT_MAX_MS = 4_000;

/** The wait before retry number `failures` (0 = the first retry); `random` in [0, 1). */
export function reconnectDelayMs(failures: number, random: number): number {
  const base = Math.min(RECONNECT_FIRST_MS * 2 ** failures, RECONNECT_MAX_MS);
  return Math.round(base * (0.75 + random * 0.5));
}

/** A screen pings this often, and takes this much silence for a dead link (a cut cable sends no close). */
export const SCREEN_PING_MS = 2_000;
export const SCREEN_SILENCE_MS = 6_000;
