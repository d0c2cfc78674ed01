import { api, pathFor } from '@domain/contract/api.js';
import type { RequestOf, ResponseOf, RouteName, RouteSpec } from '@domain/contract/api.js';
import { ErrorBodySchema } from '@domain/contract/schemas.js';
import type { ErrorCode } from '@domain/contract/schemas.js';

/** Codes the client adds to the host's own: the request never got an answer, or an answer we
 * could not trust, or input we refused to send. Each has an `error.<code>` translation. */
export type ClientErrorCode = ErrorCode | 'network' | 'bad_response' | 'invalid_input' | 'aborted';

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    readonly status: number,
    message: string,
    /** The fields the host refused (path like "body.form.phone"), when it named them. */
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type CallArgs<N extends RouteName> = Partial<RequestOf<N>> & { signal?: AbortSignal };

const TIMEOUT_MS = 10_000;

/** Route → the terminal role that screen acts as (/counter faces an applicant: a display). */
const SCREEN_ROLE: Record<string, string> = { kiosk: 'kiosk', booth: 'booth', clerk: 'clerk', display: 'display', counter: 'display', admin: 'admin' };

/**
 * Which role this page acts as, sent as X-Yizhan-Role: on a single machine one browser may hold
 * the credentials of several screens, and the host must answer the clerk screen as the clerk and
 * the admin screen as the admin.
 */
function screenRole(): string | null {
  return SCREEN_ROLE[window.location.pathname.split('/')[1] ?? ''] ?? null;
}

/**
 * Call one route of the contract. Inputs are checked against the route's schemas before anything
 * is sent, and the answer is parsed with the response schema, so a screen only ever sees data of
 * the agreed shape; anything else becomes an ApiError with a translatable code.
 */
export async function callApi<N extends RouteName>(name: N, args: CallArgs<N> = {}): Promise<ResponseOf<N>> {
  const spec = api[name] as RouteSpec;
  const params = spec.params.safeParse(args.params ?? {});
  const query = spec.query.safeParse(args.query ?? {});
  const hasBody = spec.method === 'POST' || spec.method === 'PUT';
  const body = hasBody ? spec.body.safeParse(args.body ?? {}) : null;
  if (!params.success || !query.success || (body && !body.success)) {
    throw new ApiError('invalid_input', 0, `invalid input for ${name}`);
  }

  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query.data as Record<string, unknown>)) search.set(k, String(v));
  const qs = search.toString();
  const url = pathFor(spec.path, params.data as Record<string, string | number>) + (qs ? `?${qs}` : '');

  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const signal = args.signal ? AbortSignal.any([args.signal, timeout]) : timeout;
  const headers: Record<string, string> = hasBody ? { accept: 'application/json', 'content-type': 'application/json' } : { accept: 'application/json' };
  const role = screenRole();
  if (role) headers['x-yizhan-role'] = role;
  const init: RequestInit = { method: spec.method, credentials: 'same-origin', headers, signal };
  if (body) init.body = JSON.stringify(body.data);

  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    if (args.signal?.aborted) throw new ApiError('aborted', 0, `${name} aborted`);
    throw new ApiError('network', 0, `${name}: no answer from host`);
  }

  let json: unknown;
  try {
    json = await res.json();
  } catch {
    if (args.signal?.aborted) throw new ApiError('aborted', 0, `${name} aborted`);
    throw new ApiError(res.ok ? 'bad_response' : statusCode(res.status), res.status, `${name}: body is not JSON`);
  }

  if (!res.ok) {
    const err = ErrorBodySchema.safeParse(json);
    if (err.success) throw new ApiError(err.data.error.code, res.status, err.data.error.message, err.data.error.issues ?? []);
    throw new ApiError(statusCode(res.status), res.status, `${name}: HTTP ${res.status}`);
  }
  const parsed = spec.response.safeParse(json);
  if (!parsed.success) throw new ApiError('bad_response', res.status, `${name}: response does not match the contract`);
  return parsed.data as ResponseOf<N>;
}

function statusCode(status: number): ClientErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'too_many_requests';
    // A hub stopping (503 while it closes) or a proxy without it: no answer from the hub itself.
    case 502:
    case 503:
    case 504:
      return 'network';
    default:
      return 'internal';
  }
}

/** The i18n key for any thrown value, so screens never show a raw English message. */
export function errorKey(e: unknown): string {
  return e instanceof ApiError ? `error.${e.code}` : 'error.internal';
}

export function isAborted(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'aborted';
}
