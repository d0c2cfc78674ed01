/**
 * How long a client may take on the hall LAN. A screen sends a few KB and gets its answer in
 * milliseconds; a client that trickles its headers or body (or opens a socket and says nothing)
 * is cut off rather than holding a socket for minutes, so that a few hundred of them cannot starve
 * the kiosks. Idle keep-alive sockets are closed soon: browsers reopen one in a millisecond.
 */
export interface HttpTimeouts {
  /** From the connection to the end of the request headers. */
  headersMs: number;
  /** From the connection to the end of the whole request (headers and body). */
  requestMs: number;
  /** An idle keep-alive connection between two requests. */
  keepAliveMs: number;
  /** How often Node checks the two limits above (it enforces them only at these ticks). */
  checkEveryMs: number;
}

export const HALL_HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 20_000, keepAliveMs: 10_000, checkEveryMs: 2_000 };

/** Fastify's options for these limits (the WebSocket, once upgraded, has its own heartbeat). */
export function fastifyTimeouts(t: HttpTimeouts) {
  return {
    requestTimeout: t.requestMs,
    keepAliveTimeout: t.keepAliveMs,
    http: { headersTimeout: Math.min(t.headersMs, t.requestMs), connectionsCheckingInterval: t.checkEveryMs },
  };
}
