import { z } from 'zod';
import { ADMIN, CLERK, SUPERVISORS } from './access.js';
import { IdParam, None, readRoute, route, windowAction } from './route-spec.js';
import { BusinessLineSchema, TicketSchema, WaitingCountsSchema, WindowSchema } from './schemas.js';

const WindowResult = z.object({ window: WindowSchema });
const WindowInput = z
  .object({
    number: z.number().int().min(1).max(999),
    name: z.string().trim().min(1).max(40),
    primary: z.array(BusinessLineSchema).min(1),
    backup: z.array(BusinessLineSchema),
  })
  .strict()
  .refine((w) => new Set(w.primary).size === w.primary.length, { message: 'a line is listed twice', path: ['primary'] })
  .refine((w) => new Set(w.backup).size === w.backup.length, { message: 'a line is listed twice', path: ['backup'] })
  .refine((w) => !w.backup.some((l) => w.primary.includes(l)), { message: 'a line cannot be both primary and backup', path: ['backup'] });

/**
 * The hall's windows: the list, one window's state for its clerk, the clerk opening, pausing and
 * closing it, and the supervisor creating and changing windows and their A/B business lines.
 */
export const windowsApi = {
  listWindows: readRoute('/api/windows', ['clerk', 'admin', 'display'], z.object({ windows: z.array(WindowSchema) })),

  windowState: route({
    method: 'GET',
    path: '/api/windows/:id',
    access: CLERK,
    // The window's holder only: any signed-in staff member here, the holder checked by the handler.
    staff: 'any',
    params: IdParam,
    query: None,
    body: None,
    response: z.object({
      window: WindowSchema,
      current: TicketSchema.nullable(),
      waiting: WaitingCountsSchema,
      recallLimit: z.number().int(),
      /** Today's no-shows at this window that may still be reinstated. */
      noShows: z.array(TicketSchema),
    }),
  }),

  openWindow: windowAction('open', WindowResult),
  pauseWindow: windowAction('pause', WindowResult),
  resumeWindow: windowAction('resume', WindowResult),
  closeWindow: windowAction('close', WindowResult),
  takeOverWindow: windowAction('take-over', WindowResult),

  createWindow: route({
    method: 'POST',
    path: '/api/windows',
    access: ADMIN,
    staff: SUPERVISORS,
    params: None,
    query: None,
    body: WindowInput,
    response: WindowResult,
  }),

  putWindow: route({
    method: 'PUT',
    path: '/api/windows/:id',
    access: ADMIN,
    staff: SUPERVISORS,
    params: IdParam,
    query: None,
    body: WindowInput,
    response: WindowResult,
  }),
} as const;
