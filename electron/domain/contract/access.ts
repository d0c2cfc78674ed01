import type { TerminalRole } from '../roles.js';
import type { StaffRole } from './schemas.js';

/**
 * Who may call a route, by the names the contract files use: one list each, so that widening a
 * group (a new self-service terminal, say) is one edit and every route of that group follows.
 */
export const EVERY_TERMINAL: readonly TerminalRole[] = ['kiosk', 'booth', 'clerk', 'display', 'admin'];
/** Citizens' own terminals: the kiosk and the 24-hour booth. */
export const SELF_SERVICE: readonly TerminalRole[] = ['kiosk', 'booth'];
export const CLERK: readonly TerminalRole[] = ['clerk'];
export const ADMIN: readonly TerminalRole[] = ['admin'];
/** Terminals where staff sign in with their number and PIN. */
export const STAFF_TERMINALS: readonly TerminalRole[] = ['clerk', 'admin'];

/** Signed-in staff roles that may change how the hall runs (settings, staff, windows, prices). */
export const SUPERVISORS: readonly StaffRole[] = ['supervisor', 'admin'];
