import { ApiError, errorKey } from '../api/client.js';
import type { HostContextValue } from './host-context.js';

export interface CommandError {
  /** i18n key of the message for the person at the screen. */
  key: string;
  /** The host's error code ('network', 'conflict', …), for screens that act on one. */
  code: string;
  /** Fields the host refused ("body.form.phone"), when it named them. */
  issues: readonly { path: string; message: string }[];
}

/** Turns anything thrown by a call into what a screen shows, and tells the staff gate when the
 * host has forgotten the signed-in staff member (their screen goes back to sign-in). */
export function toCommandError(e: unknown, host: HostContextValue | null): CommandError {
  const code = e instanceof ApiError ? e.code : 'internal';
  if (code === 'staff_sign_in_required' && host) for (const fn of host.sessionLost) fn();
  return { key: errorKey(e), code, issues: e instanceof ApiError ? e.issues : [] };
}
