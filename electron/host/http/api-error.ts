import type { ErrorBody, ErrorCode } from '../../domain/contract/schemas.js';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  pairing_code_invalid: 400,
  staff_sign_in_required: 401,
  pin_invalid: 401,
  staff_locked: 423,
  code_invalid: 400,
  appointment_invalid: 400,
  appointment_identity_required: 409,
  appointment_not_yours: 409,
  too_many_requests: 429,
  too_many_attempts: 429,
  too_many_sign_ins: 429,
  no_printer: 409,
  printer_folder_not_allowed: 403,
  window_held: 403,
  staff_outranks: 403,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
  already_rated: 409,
  internal: 500,
};

/** An error a handler throws on purpose; becomes a response with the contract's error body. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.status = STATUS[code];
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}
