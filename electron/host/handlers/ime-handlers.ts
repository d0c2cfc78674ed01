import type { imeApi } from '../../domain/contract/ime-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';
import { RecogniserError } from '../ime/zinnia-process.js';

/**
 * The on-screen input's recognisers (see host/ime/). What a citizen writes or types is personal:
 * it is answered and dropped, never logged, stored or put in an error message.
 */
export function imeHandlers(ctx: HostContext): HandlersFor<typeof imeApi> {
  return {
    imeStatus: () => ctx.ime.status(),

    recogniseHandwriting: async ({ body }) => {
      const work = ctx.ime.recognise(body);
      if (!work) throw new ApiError('unavailable', 'This host has no handwriting recogniser (zinnia and its Chinese model)');
      try {
        return { candidates: await work };
      } catch (err) {
        if (err instanceof RecogniserError && err.reason === 'busy') throw new ApiError('too_many_requests', 'The handwriting recogniser is busy; try again');
        throw new ApiError('unavailable', 'The handwriting recogniser did not answer; try again');
      }
    },

    pinyinCandidates: async ({ body }) => ctx.ime.pinyin(body.letters, body.context, body.offset, body.limit),
  };
}
