import { useCallback, useRef, useState } from 'react';

/**
 * Runs one console action at a time. The ref is checked synchronously so a double click inside one
 * frame cannot send the same action twice; `busy` names the running action for its button.
 */
export function useActionRunner<K extends string>() {
  const [busy, setBusy] = useState<K | null>(null);
  const inFlight = useRef(false);
  const run = useCallback((key: K, work: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(key);
    void work().finally(() => {
      inFlight.current = false;
      setBusy(null);
    });
  }, []);
  return { busy, run };
}
