import { useEffect, useRef } from 'react';
import { createWedgeDetector, DEFAULT_WEDGE, type WedgeOptions } from '@domain/devices/wedge.js';

/** Fields where a person types on purpose: keys typed there are theirs, not a scanner's. */
function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}

/**
 * Keyboard-wedge capture: listens to keys on the page and calls `onScan` when a fast run of keys
 * ends in Enter or Tab (a scanner), never for a person typing (domain/devices/wedge.ts). The Enter
 * that ends a scan is swallowed so it does not also press a focused button.
 */
export function useWedgeScanner(onScan: (text: string) => void, options: WedgeOptions = DEFAULT_WEDGE): void {
  const callback = useRef(onScan);
  useEffect(() => {
    callback.current = onScan;
  }, [onScan]);

  useEffect(() => {
    const detector = createWedgeDetector(options);
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.ctrlKey || e.altKey || e.metaKey || isEditable(e.target)) return;
      const verdict = detector.feed({ key: e.key, time: e.timeStamp });
      if (verdict.kind === 'scan') {
        e.preventDefault();
        callback.current(verdict.text);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [options]);
}
