import type { StaffRecord } from '../../../db/staff.js';
import type { Terminal } from '../../domain/contract/schemas.js';

/** How the audit log names who acted: the staff number and the terminal, never a person's name. */
export function actorOf(staff: StaffRecord | null, terminal: Terminal | null): string {
  const where = `terminal:${terminal?.id ?? '?'}`;
  return staff ? `staff:${staff.staff_no}@${where}` : where;
}
