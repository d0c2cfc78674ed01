import { useEffect, useState } from 'react';
import { useHostClock } from '../../../data/use-host-events.js';

/** Minutes, rounded down, for waits and service times. */
export const minutes = (ms: number) => Math.max(0, Math.floor(ms / 60_000));

/** The host's clock, ticking once a second on screen (service times run on between pushes). */
export function useTick(): number {
  const now = useHostClock();
  const [at, setAt] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setAt(now()), 1000);
    return () => clearInterval(timer);
  }, [now]);
  return at;
}
