/**
 * Terminal roles. A terminal (a kiosk, a window PC, a display, the supervisor's PC) is paired with
 * exactly one role, and every API route names the roles that may call it.
 */
export const TERMINAL_ROLES = ['kiosk', 'booth', 'clerk', 'display', 'admin'] as const;
export type TerminalRole = (typeof TERMINAL_ROLES)[number];

/** The screens a person can open; each is served to the terminal paired with that role. */
export const SCREEN_ROLES = ['kiosk', 'booth', 'clerk', 'display', 'admin'] as const satisfies readonly TerminalRole[];

export function isTerminalRole(value: string): value is TerminalRole {
  return (TERMINAL_ROLES as readonly string[]).includes(value);
}

/** Name of the HttpOnly cookie holding a terminal credential for a role. One cookie per role lets a
 * single-machine install open every screen in one browser without the pairings overwriting each other. */
export function credentialCookieName(role: TerminalRole): string {
  return `yz_${role}`;
}
