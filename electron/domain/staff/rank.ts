import type { StaffRole } from '../contract/schemas.js';

/** Who outranks whom: an administrator over a supervisor over a clerk. */
const RANK: Readonly<Record<StaffRole, number>> = { clerk: 1, supervisor: 2, admin: 3 };

/**
 * Whether a staff member may reset, disable, re-enable or change the role of an account of
 * `target`'s role, or give an account the role `target`: never above their own, so that nobody
 * can make themselves (or a friend) more than they are.
 */
export function mayManage(actor: StaffRole, target: StaffRole): boolean {
  return RANK[actor] >= RANK[target];
}

/** The roles this staff member may give. */
export function grantableRoles(actor: StaffRole, all: readonly StaffRole[]): StaffRole[] {
  return all.filter((r) => mayManage(actor, r));
}
