import type { DeliveryResult } from '../../domain/back-office/back-office.js';
import { parseRetryAfter } from '../../domain/delivery/retry-policy.js';

export interface LinkConfig {
  baseUrl: string;
  credential: string | null;
  timeoutMs: number;
}

export type HttpOutcome = { ok: true; status: number; body: unknown } | Extract<DeliveryResult, { ok: false }>;

/**
 * One JSON POST to a back office, bounded by the link's timeout (and the caller's signal). Every
 * failure becomes a value: unreachable (no connection, reset, timeout), or the status the other
 * side answered, retryable for 408/429/5xx with its Retry-After. The credential goes only into the
 * Authorization header; errors never carry it nor the body (it may hold an ID number).
 */
export async function postJson(link: LinkConfig, path: string, body: unknown, signal: AbortSignal, headers: Record<string, string> = {}): Promise<HttpOutcome> {
  const timeout = AbortSignal.timeout(link.timeoutMs);
  let res: Response;
  try {
    res = await fetch(new URL(path, link.baseUrl.endsWith('/') ? link.baseUrl : `${link.baseUrl}/`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(link.credential ? { authorization: `Bearer ${link.credential}` } : {}), ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.any([signal, timeout]),
    });
  } catch (err) {
    const timedOut = timeout.aborted || signal.aborted;
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return {
      ok: false,
      retryable: true,
      unreachable: true,
      retryAfterMs: null,
      error: timedOut ? `no answer within ${link.timeoutMs} ms` : `unreachable (${cause ?? (err as Error).name})`,
    };
  }
  let parsed: unknown = null;
  try {
    parsed = await res.json();
  } catch {
    if (res.ok) return { ok: false, retryable: true, unreachable: false, retryAfterMs: null, error: `HTTP ${res.status} without a JSON answer` };
  }
  if (res.ok) return { ok: true, status: res.status, body: parsed };
  const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
  return {
    ok: false,
    retryable,
    unreachable: retryable,
    retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), Date.now()),
    error: `HTTP ${res.status}`,
  };
}
