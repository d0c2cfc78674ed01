import { createContext, useCallback, useContext } from 'react';
import { ApiError, errorKey } from '../../api/client.js';

/** Lets a supervisor panel hand the admin screen back to the sign-in form when the host says the
 * staff session is gone (signed out elsewhere, expired, locked). */
export const SessionExpiredContext = createContext<(() => void) | null>(null);

/** The i18n key for an error, after sending the screen to sign-in if the session ended. */
export function useStaffErrorKey(): (e: unknown) => string {
  const expired = useContext(SessionExpiredContext);
  return useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.code === 'staff_sign_in_required') expired?.();
      return errorKey(e);
    },
    [expired],
  );
}
