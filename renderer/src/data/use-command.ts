import { useCallback, useContext, useRef, useState, useSyncExternalStore } from 'react';
import type { ResponseOf, RouteName } from '@domain/contract/api.js';
import { ApiError, callApi, type CallArgs } from '../api/client.js';
import { toCommandError, type CommandError } from './errors.js';
import type { HostConnection } from './host-connection.js';
import { HostContext } from './host-context.js';

export interface Runner<K extends string> {
  /** Runs `work` unless something of this runner is in flight (then returns undefined at once:
   * a double tap sends one request). Resolves to the result, or undefined after an error. While
   * the link to the hub is lost it sends nothing and says so (error `offline`). */
  run: <T>(key: K, work: () => Promise<T>) => Promise<T | undefined>;
  /** As `run`, for work whose request carries its own idempotency key: when its answer is lost
   * with the link, it is sent again once the hub is back (see resendUntilAnswered). */
  runResending: <T>(key: K, work: () => Promise<T>) => Promise<T | undefined>;
  /** Which action is running, for its button's label. */
  busy: K | null;
  /** The link to the hub is lost: actions that need it are not offered (buttons disabled). */
  offline: boolean;
  error: CommandError | null;
  clearError: () => void;
}

/** How long a request with its own key is kept to be sent again: the citizen is still there. */
const RESEND_FOR_MS = 3 * 60_000;
const RESEND_PAUSE_MS = 1_000;

/** The request went out but no answer came (the link dropped, or the hub restarted). */
function answerLost(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'network';
}

/**
 * Sends `work` until it is answered: safe only for a request that carries its own idempotency key
 * (a kiosk's submission, its ticket), which the hub answers a second time with what the first
 * made. While it waits, the connection counts it (the banner says the request will complete once
 * the link is back, and that it was done once when it is).
 */
export async function resendUntilAnswered<T>(connection: HostConnection | null, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + RESEND_FOR_MS;
  let waiting = false;
  let answered = false;
  try {
    for (;;) {
      try {
        const result = await work();
        answered = true;
        return result;
      } catch (e) {
        if (!connection || !answerLost(e) || Date.now() > deadline) throw e;
        if (!waiting) connection.beginWaiting();
        waiting = true;
        await new Promise((r) => window.setTimeout(r, RESEND_PAUSE_MS));
        await connection.whenOpen(Math.max(0, deadline - Date.now()));
      }
    }
  } finally {
    if (waiting) connection?.endWaiting(answered);
  }
}

const noSubscribe = () => () => undefined;

/** Whether the page's link to the hub is lost now (false outside a HostProvider). */
function useOffline(connection: HostConnection | null): boolean {
  const subscribe = useCallback((fn: () => void) => (connection ? connection.onChange(fn) : noSubscribe()), [connection]);
  return useSyncExternalStore(subscribe, () => connection?.status === 'reconnecting');
}

/**
 * One action at a time for a group of buttons (a clerk's console: call, recall, start …). The ref
 * is checked synchronously, so two clicks within one frame cannot both send.
 */
export function useRunner<K extends string = string>(): Runner<K> {
  // Null on the pairing pages, which run before the page may open its connection.
  const host = useContext(HostContext);
  const connection = host?.connection ?? null;
  const offline = useOffline(connection);
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const inFlight = useRef(false);
  const start = useCallback(
    async <T>(key: K, work: () => Promise<T>): Promise<T | undefined> => {
      if (inFlight.current) return undefined;
      // Nothing is sent into a link known to be down: the screen says why instead.
      if (connection?.status === 'reconnecting') {
        setError({ key: 'error.offline', code: 'offline', issues: [] });
        return undefined;
      }
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
    [host, connection],
  );
  const runResending = useCallback(<T>(key: K, work: () => Promise<T>) => start(key, () => resendUntilAnswered(connection, work)), [start, connection]);
  const clearError = useCallback(() => setError(null), []);
  return { run: start, runResending, busy, offline, error, clearError };
}

export interface CommandOptions {
  /** Queries to read again after success (the lists this command changed). */
  invalidates?: readonly RouteName[];
  /** The request carries its own idempotency key (requestId): send it again when its answer was
   * lost with the link, once the hub is back. */
  resend?: boolean;
}

export interface Command<N extends RouteName> {
  run: (args?: CallArgs<N>) => Promise<ResponseOf<N> | undefined>;
  busy: boolean;
  /** The link to the hub is lost: the action is not offered. */
  offline: boolean;
  error: CommandError | null;
  clearError: () => void;
}

/** One route as a command: one request in flight, its error in the user's language, and the
 * queries it changed read again once it succeeded. */
export function useCommand<N extends RouteName>(name: N, options: CommandOptions = {}): Command<N> {
  const host = useContext(HostContext);
  const runner = useRunner<N>();
  const invalidates = (options.invalidates ?? []).join(' ');
  const { run: runWork, runResending } = runner;
  const resend = options.resend === true;
  const run = useCallback(
    (args: CallArgs<N> = {}) =>
      (resend ? runResending : runWork)(name, async () => {
        const result = await callApi(name, args);
        for (const route of invalidates.split(' ').filter(Boolean)) for (const refetch of host?.queries.get(route as RouteName) ?? []) refetch();
        return result;
      }),
    [runWork, runResending, resend, name, invalidates, host],
  );
  return { run, busy: runner.busy !== null, offline: runner.offline, error: runner.error, clearError: runner.clearError };
}
