import { z } from 'zod';
import type { TerminalRole } from '../roles.js';
import { IdParam, None, route } from './route-spec.js';
import { ConversationMessageSchema } from './schemas.js';

/** The clerk's console and the applicant-facing counter screen (a display terminal) of one window. */
const WINDOW_SCREENS: readonly TerminalRole[] = ['clerk', 'display'];

/** Who takes part: the clerk side is the window's holder's (the handler checks the hold), the counter
 * screen signs in no one. */
const AT_THE_WINDOW = { access: WINDOW_SCREENS, staff: 'any', staffOn: ['clerk'], params: IdParam } as const;

/** 笔谈: the written conversation between a clerk and a deaf applicant at one window. */
export const conversationApi = {
  conversation: route({
    method: 'GET',
    path: '/api/windows/:id/conversation',
    ...AT_THE_WINDOW,
    query: None,
    body: None,
    response: z.object({ messages: z.array(ConversationMessageSchema) }),
  }),

  sendConversation: route({
    method: 'POST',
    path: '/api/windows/:id/conversation',
    ...AT_THE_WINDOW,
    query: None,
    body: z.object({ text: z.string().trim().min(1).max(500), from: z.enum(['clerk', 'applicant']) }).strict(),
    response: z.object({ message: ConversationMessageSchema }),
  }),
} as const;
