import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { QueueState } from '@domain/contract/schemas.js';
import type { ConnectionStatus, EventOf, EventType } from './host-connection.js';
import { useHost } from './host-context.js';

/** The page's connection state, for screens that change what they offer while it is down. */
export function useConnectionStatus(): ConnectionStatus {
  const { connection } = useHost();
  const subscribe = useCallback((fn: () => void) => connection.onChange(fn), [connection]);
  return useSyncExternalStore(subscribe, () => connection.status);
}

/** The hall's queue as last pushed (null until the first hello). */
export function useQueue(): QueueState | null {
  const { connection } = useHost();
  const subscribe = useCallback((fn: () => void) => connection.onChange(fn), [connection]);
  return useSyncExternalStore(subscribe, () => connection.queue);
}

/** Call `handler` for every push of this type; the handler may change between renders. */
export function useHostEvent<T extends EventType>(type: T, handler: (e: EventOf<T>) => void): void {
  const { connection } = useHost();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => connection.on(type, (e) => latest.current(e)), [connection, type]);
}

/**
 * Follow one window's private pushes (笔谈) on the page's socket while mounted. `onWatching` runs
 * each time the host confirms (also after every reconnect): re-read what was missed then.
 */
export function useWatchWindow(windowId: number | null, onWatching: () => void): void {
  const { connection } = useHost();
  useHostEvent('watching', (e) => {
    if (e.window === windowId) onWatching();
  });
  useEffect(() => {
    connection.watchWindow(windowId);
    return () => connection.watchWindow(null);
  }, [connection, windowId]);
}

/** The hub's clock (epoch ms), read now: terminals show the hall's time, not their own. */
export function useHostClock(): () => number {
  const { connection } = useHost();
  return useCallback(() => connection.now(), [connection]);
}
