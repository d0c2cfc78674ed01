import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError } from './api-error.js';

/** Fastify's own errors (bad JSON, wrong content type, oversized body) mapped to the contract. */
function fromFastify(err: FastifyError): ApiError | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('unsupported_media_type', 'Send JSON with Content-Type: application/json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('payload_too_large', 'Request body too large');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('bad_request', 'Empty body with Content-Type: application/json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError('bad_request', 'Content-Length does not match the body');
    default:
      break;
  }
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return new ApiError('bad_request', 'Body is not valid JSON');
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) return new ApiError('bad_request', err.message);
  return null;
}

export function installErrorHandler(app: FastifyInstance, log: (line: string) => void): void {
  app.setErrorHandler<FastifyError>((err, req, reply) => {
    const known = err instanceof ApiError ? err : fromFastify(err);
    if (known) return reply.code(known.status).send(known.body());
    // A bug, not bad input: log the route (never the body, which may hold personal data).
    log(`error: ${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}: ${err.stack ?? err.message}`);
    const internal = new ApiError('internal', 'Internal error; the host logged it');
    return reply.code(500).send(internal.body());
  });
}
