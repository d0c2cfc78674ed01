import { useCallback, useContext, useRef, useState } from 'react';
import type { ResponseOf, RouteName } from '@domain/contract/api.js';
import { callApi, type CallArgs } from '../api/client.js';
import { toCommandError, type CommandError } from './errors.js';
import { HostContext } from './host-context.js';

export interface Runner<K extends string> {
  /** Runs `work` unless something of this runner is in flight (then returns undefined at once:
   * a double tap sends one request). Resolves to the result, or undefined after an error. */
  run: <T>(key: K, work: () => Promise<T>) => Promise<T | undefined>;
  /** Which action is running, for its button's label. */
  busy: K | null;
  error: CommandError | null;
  clearError: () => void;
}

/**
 * One action at a time for a group of buttons (a clerk's console: call, recall, start …). The ref
 * is checked synchronously, so two clicks within one frame cannot both send.
 */
export function useRunner<K extends string = string>(): Runner<K> {
  // Null on the pairing pages, which run before the page may open its connection.
  const host = useContext(HostContext);
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const inFlight = useRef(false);
  const run = useCallback(
    async <T>(key: K, work: () => Promise<T>): Promise<T | undefined> => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      setBusy(key);
      setError(null);
      try {
        return await work();
      } catch (e) {
        setError(toCommandError(e, host));
        return undefined;
      } finally {
        inFlight.current = false;
        setBusy(null);
      }
    },
    [host],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}

export interface CommandOptions {
  /** Queries to read again after success (the lists this command changed). */
  invalidates?: readonly RouteName[];
}

export interface Command<N extends RouteName> {
  run: (args?: CallArgs<N>) => Promise<ResponseOf<N> | undefined>;
  busy: boolean;
  error: CommandError | null;
  clearError: () => void;
}

/** One route as a command: one request in flight, its error in the user's language, and the
 * queries it changed read again once it succeeded. */
export function useCommand<N extends RouteName>(name: N, options: CommandOptions = {}): Command<N> {
  const host = useContext(HostContext);
  const runner = useRunner<N>();
  const invalidates = (options.invalidates ?? []).join(' ');
  const { run: runWork } = runner;
  const run = useCallback(
    (args: CallArgs<N> = {}) =>
      runWork(name, async () => {
        const result = await callApi(name, args);
        for (const route of invalidates.split(' ').filter(Boolean)) for (const refetch of host?.queries.get(route as RouteName) ?? []) refetch();
        return result;
      }),
    [runWork, name, invalidates, host],
  );
  return { run, busy: runner.busy !== null, error: runner.error, clearError: runner.clearError };
}
