/**
 * Keyboard-wedge scanners type a code a few milliseconds per key and finish with Enter or Tab; a
 * person types far slower. The detector keeps only a run of fast keys, so a person who types six
 * characters and presses Enter never looks like a scan (hardware.md §4).
 */
export interface WedgeOptions {
  /** Longest gap between two keys of one scan. */
  maxGapMs: number;
  minLength: number;
  maxLength: number;
}

export const DEFAULT_WEDGE: WedgeOptions = { maxGapMs: 50, minLength: 6, maxLength: 1024 };

export interface KeyStroke {
  /** KeyboardEvent.key */
  key: string;
  /** Milliseconds, monotonic (KeyboardEvent.timeStamp). */
  time: number;
}

export type WedgeVerdict = { kind: 'scan'; text: string } | { kind: 'typing' } | { kind: 'pending' };

const TERMINATORS = new Set(['Enter', 'Tab']);

export interface WedgeDetector {
  feed(stroke: KeyStroke): WedgeVerdict;
  /** Characters of the current fast run (the caller may swallow them once a scan is certain). */
  readonly buffered: number;
}

export function createWedgeDetector(options: WedgeOptions = DEFAULT_WEDGE): WedgeDetector {
  let run = '';
  let last = -Infinity;
  return {
    feed({ key, time }) {
      const gap = time - last;
      if (TERMINATORS.has(key)) {
        const verdict: WedgeVerdict = run.length >= options.minLength && gap <= options.maxGapMs ? { kind: 'scan', text: run } : { kind: 'typing' };
        run = '';
        last = -Infinity;
        return verdict;
      }
      // Shift and other modifiers come with a scanner's capitals; they neither add nor break a run.
      if (Array.from(key).length !== 1) return { kind: 'pending' };
      if (gap > options.maxGapMs || run.length >= options.maxLength) run = '';
      run += key;
      last = time;
      return { kind: 'pending' };
    },
    get buffered() {
      return run.length;
    },
  };
}

/** The same rule over a recorded sequence: every scan found in it. */
export function findWedgeScans(strokes: readonly KeyStroke[], options: WedgeOptions = DEFAULT_WEDGE): string[] {
  const d = createWedgeDetector(options);
  const scans: string[] = [];
  for (const s of strokes) {
    const v = d.feed(s);
    if (v.kind === 'scan') scans.push(v.text);
  }
  return scans;
}
