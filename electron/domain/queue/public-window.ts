import type { ServiceWindow } from '../contract/schemas.js';

/** A window as the host knows it: with the internal id of the staff member signed in there. */
export type WindowWithStaff = ServiceWindow & { staffId: number | null };

/** What screens see of a window: who is signed in by name, not by internal id. */
export function publicWindow({ staffId: _staffId, ...w }: WindowWithStaff): ServiceWindow {
  return w;
}
