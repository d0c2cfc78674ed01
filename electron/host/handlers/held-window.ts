import type { StaffRecord } from '../../../db/staff.js';
import type { WindowWithStaff } from '../../domain/queue/public-window.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';
import { windowOrThrow } from './window-of.js';

/**
 * The window a clerk acts on, if they hold it: a window's calls, tickets, state and 笔谈 belong to
 * the staff member who opened it until they close it or a colleague takes it over (an explicit,
 * audited step). Anyone else is refused, so one clerk cannot serve, pause or read another's window.
 */
export function heldWindow(ctx: Pick<HostContext, 'windows'>, id: number, staff: StaffRecord | null): WindowWithStaff {
  const w = windowOrThrow(ctx, id);
  if (!staff) throw new ApiError('staff_sign_in_required', 'Sign in with your staff number and PIN first');
  if (w.staffId === staff.id) return w;
  if (w.staffId === null) throw new ApiError('conflict', `Window ${w.number} is closed: open it first`);
  throw new ApiError('window_held', `Window ${w.number} is held by ${w.staffName ?? 'another staff member'}; take it over explicitly`);
}
