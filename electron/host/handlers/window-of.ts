import type { WindowWithStaff } from '../../domain/queue/public-window.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';

/** The window a route names by id, or the 404 every window route answers for an unknown one. */
export function windowOrThrow(ctx: Pick<HostContext, 'windows'>, id: number): WindowWithStaff {
  const w = ctx.windows.get(id);
  if (!w) throw new ApiError('not_found', `No window with id ${id}`);
  return w;
}
