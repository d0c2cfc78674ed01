/**
 * The admin screen's sections, each at its own address (/admin/<id>): what a supervisor moves
 * between. `supervisor`: the section is for supervisors and administrators; a clerk signed in on
 * the admin screen sees only the others (booking appointments).
 */
export const ADMIN_SECTIONS = [
  // The supervisor's day first: the live hall (their landing page), what is due, 差评 to handle, reports.
  { id: 'dashboard', supervisor: true },
  { id: 'cases', supervisor: true },
  // 好差评: each 差评's rectification item (issue 14).
  { id: 'ratings', supervisor: true },
  { id: 'reports', supervisor: true },
  { id: 'appointments', supervisor: false },
  // Then how the hall is set up.
  { id: 'hall', supervisor: true },
  { id: 'windows', supervisor: true },
  { id: 'staff', supervisor: true },
  { id: 'terminals', supervisor: true },
  { id: 'printers', supervisor: true },
  { id: 'catalog', supervisor: true },
  { id: 'calendar', supervisor: true },
  { id: 'backoffice', supervisor: true },
  { id: 'city', supervisor: true },
  { id: 'audit', supervisor: true },
] as const;

export type AdminSectionId = (typeof ADMIN_SECTIONS)[number]['id'];
