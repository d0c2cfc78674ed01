import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ResponseOf, RouteName } from '@domain/contract/api.js';
import { callApi, isAborted, type CallArgs } from '../api/client.js';
import type { EventType } from './host-connection.js';
import { toCommandError, type CommandError } from './errors.js';
import { HostContext } from './host-context.js';

export interface QueryOptions {
  /** Read again when one of these is pushed (the host tells us the data changed). */
  refetchOn?: readonly EventType[];
  /** Read again when this changes, though the arguments did not (the ticket being served). */
  key?: string | number | null;
}

export interface Query<N extends RouteName> {
  /** The last answer; kept while a newer one is read, so a screen does not flash empty. */
  data: ResponseOf<N> | undefined;
  /** The last read failed (and there may still be older data). */
  error: CommandError | null;
  /** True until the first answer or error. */
  loading: boolean;
  /** When `data` arrived (this page's clock), for what is judged against the time it was read. */
  updatedAt: number;
  refetch: () => void;
}

interface State<N extends RouteName> {
  data: ResponseOf<N> | undefined;
  error: CommandError | null;
  loading: boolean;
  updatedAt: number;
}

/**
 * Reads one route of the contract while the component is mounted: again whenever its arguments
 * change, after each reconnect (pushes missed while the link was down are not replayed), on the
 * pushes named in `refetchOn`, and when a command invalidates it. One read in flight: asking
 * again meanwhile reads once more after it, so a burst of pushes costs two reads, not twenty, and
 * a steady stream of them cannot starve the answer. `args` null = do not read (yet).
 * Outside a HostProvider (the pairing gate, before the page may open its socket) it simply reads.
 */
export function useQuery<N extends RouteName>(name: N, args: CallArgs<N> | null = {}, options: QueryOptions = {}): Query<N> {
  const host = useContext(HostContext);
  const key = args === null ? null : JSON.stringify([args, options.key ?? null]);
  const [state, setState] = useState<State<N>>({ data: undefined, error: null, loading: key !== null, updatedAt: 0 });
  const current = useRef<{ key: string | null; args: CallArgs<N> | null }>({ key, args });
  const inFlight = useRef<AbortController | null>(null);
  const again = useRef(false);

  const load = useCallback((): void => {
    const go = (): void => {
      const { key: k, args: a } = current.current;
      if (k === null || a === null) return;
      if (inFlight.current) {
        again.current = true;
        return;
      }
      const ctl = new AbortController();
      inFlight.current = ctl;
      callApi(name, { ...a, signal: ctl.signal })
        .then((data) => {
          if (!ctl.signal.aborted) setState({ data, error: null, loading: false, updatedAt: Date.now() });
        })
        .catch((e: unknown) => {
          if (isAborted(e) || ctl.signal.aborted) return;
          setState((s) => ({ ...s, error: toCommandError(e, host), loading: false }));
        })
        .finally(() => {
          if (inFlight.current !== ctl) return;
          inFlight.current = null;
          if (again.current) {
            again.current = false;
            go();
          }
        });
    };
    go();
  }, [name, host]);

  // New arguments: whatever was in flight answers an old question.
  useEffect(() => {
    current.current = { key, args: key === null ? null : (JSON.parse(key) as [CallArgs<N>])[0] };
    inFlight.current?.abort();
    inFlight.current = null;
    again.current = false;
    if (key === null) return;
    load();
    return () => {
      inFlight.current?.abort();
      inFlight.current = null;
    };
  }, [key, load]);

  // Registered for commands' `invalidates`.
  useEffect(() => {
    if (!host) return;
    let set = host.queries.get(name);
    if (!set) {
      set = new Set();
      host.queries.set(name, set);
    }
    set.add(load);
    return () => void set.delete(load);
  }, [host, name, load]);

  // Every hello too: a push sent before this page's socket (re)opened is never replayed, so what
  // was read before it may be stale (at page start this costs one extra read).
  const events = (options.refetchOn ?? []).join(' ');
  useEffect(() => {
    if (!host) return;
    const types = ['hello', ...events.split(' ').filter(Boolean)] as EventType[];
    const offs = types.map((type) => host.connection.on(type, load));
    return () => offs.forEach((off) => off());
  }, [host, events, load]);

  return { ...state, refetch: load };
}
