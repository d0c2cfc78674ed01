import { z } from 'zod';
import { CallSchema, QueueStateSchema } from './schemas.js';

/**
 * Messages pushed by the host over the one WebSocket channel. Each carries the whole small state a
 * screen needs rather than a delta, so a screen that missed a message (a reconnect, a slow tab)
 * is right again after the next one.
 */
export const ServerEventSchema = z.discriminatedUnion('type', [
  /** First message on every connection: the state to draw before any change arrives. */
  z.object({ type: z.literal('hello'), serverTime: z.number().int(), queue: QueueStateSchema }),
  z.object({ type: z.literal('queue.state'), queue: QueueStateSchema }),
  /** A call to announce (display flash, later voice). Sent after the queue.state it belongs to. */
  z.object({ type: z.literal('ticket.called'), call: CallSchema }),
  z.object({ type: z.literal('pong'), nonce: z.string().max(64) }),
  z.object({ type: z.literal('error'), code: z.enum(['bad_message']), message: z.string() }),
]);
export type ServerEvent = z.infer<typeof ServerEventSchema>;

/** What a client may send. Anything else is answered with an `error` event, never a crash. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), nonce: z.string().max(64) }).strict(),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

/** Largest client message the host reads; larger frames close the socket. */
export const MAX_CLIENT_MESSAGE_BYTES = 4096;
