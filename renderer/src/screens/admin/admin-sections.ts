/**
 * The admin screen's sections, each at its own address (/admin/<id>): what a supervisor moves
 * between. `supervisor`: the section is for supervisors and administrators; a clerk signed in on
 * the admin screen sees only the others (booking appointments).
 */
export const ADMIN_SECTIONS = [
  { id: 'cases', supervisor: true },
  { id: 'hall', supervisor: true },
  { id: 'windows', supervisor: true },
  { id: 'staff', supervisor: true },
  { id: 'terminals', supervisor: true },
  { id: 'printers', supervisor: true },
  { id: 'catalog', supervisor: true },
  { id: 'calendar', supervisor: true },
  { id: 'appointments', supervisor: false },
  { id: 'audit', supervisor: true },
  { id: 'backoffice', supervisor: true },
  // 好差评: each 差评's rectification item (issue 14).
  { id: 'ratings', supervisor: true },
  // The live hall dashboard (issue 14).
  { id: 'dashboard', supervisor: true },
  { id: 'reports', supervisor: true },
  { id: 'city', supervisor: true },
] as const;

export type AdminSectionId = (typeof ADMIN_SECTIONS)[number]['id'];
