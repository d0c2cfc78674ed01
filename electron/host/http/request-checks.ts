import { isIP } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';

/**
 * Defence against DNS rebinding and cross-site requests. The API is reachable over HTTP even from
 * the local window, so a web page elsewhere must not be able to drive it through the citizen's or
 * clerk's browser. A rebinding attack needs a domain name, so IP literals and localhost are safe
 * Host values; any other name must be configured for the hall.
 */
export function hostChecker(allowedNames: readonly string[]) {
  const allowed = new Set(['localhost', ...allowedNames.map((n) => n.toLowerCase())]);
  return function isAllowedHost(hostHeader: string | undefined): boolean {
    if (!hostHeader) return false;
    let name = hostHeader.toLowerCase();
    if (name.startsWith('[')) name = name.slice(1, name.indexOf(']'));
    else name = name.replace(/:\d+$/, '');
    return isIP(name) !== 0 || allowed.has(name);
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A browser always sends Origin on a cross-origin or state-changing request; it must be our own. */
export function isSameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') return false;
  if (origin === undefined) return true;
  return origin === `http://${req.headers.host ?? ''}` || origin === `https://${req.headers.host ?? ''}`;
}

export function requestChecks(isAllowedHost: (h: string | undefined) => boolean) {
  return async function onRequest(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!isAllowedHost(req.headers.host)) {
      const err = new ApiError('forbidden', 'Host header not allowed; add it with --allowed-host');
      await reply.code(err.status).send(err.body());
      return;
    }
    const upgrading = req.headers.upgrade?.toLowerCase() === 'websocket';
    if ((upgrading || !SAFE_METHODS.has(req.method)) && !isSameOrigin(req)) {
      const err = new ApiError('forbidden', 'Cross-origin request refused');
      await reply.code(err.status).send(err.body());
    }
  };
}

/**
 * The renderer is our own code served from our own origin: nothing inline, nothing remote. The
 * WebSocket is covered by connect-src 'self' (CSP3 matches ws: on the same host).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(reply: FastifyReply, isApi: boolean): void {
  reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()');
  if (isApi) reply.header('Cache-Control', 'no-store');
}
