import { z } from 'zod';
import { BackOfficeLinkStatusSchema } from './back-office-api.js';
import { PrinterStatusSchema } from './print-api.js';
import { TerminalPresenceSchema } from './terminals-api.js';
import { CallSchema, ConversationMessageSchema, QueueStateSchema } from './schemas.js';
import { ApplicationStatusSchema } from './applications-api.js';
import { CaseOutcomeSchema } from './cases-api.js';
import { CityLinkStatusSchema } from './city-link-api.js';
import { HallDashboardSchema } from './dashboard-api.js';
import { CardReadSchema, DeviceHealthSchema, ScanSchema } from '../devices/device-contract.js';

/** What a screen may follow on its socket: the host pushes its whole state on every change. */
export const FOLLOWED_VIEWS = ['dashboard'] as const;
export type FollowedView = (typeof FOLLOWED_VIEWS)[number];

/**
 * Messages pushed by the host over the one WebSocket channel. Each carries the whole small state a
 * screen needs rather than a delta, so a screen that missed a message (a reconnect, a slow tab)
 * is right again after the next one.
 */
export const ServerEventSchema = z.discriminatedUnion('type', [
  /** First message on every connection: the state to draw before any change arrives. */
  z.object({ type: z.literal('hello'), serverTime: z.number().int(), queue: QueueStateSchema }),
  z.object({ type: z.literal('queue.state'), queue: QueueStateSchema }),
  /** A call to announce (voice and flash); `recall` when the clerk calls the same ticket again.
   * Sent before the queue.state that includes it: the call is what the hall is waiting for. */
  z.object({ type: z.literal('ticket.called'), call: CallSchema, recall: z.boolean() }),
  /** 笔谈: a line of the written conversation at a window, sent only to that window's screens. */
  z.object({ type: z.literal('conversation.message'), windowId: z.number().int().positive(), message: ConversationMessageSchema }),
  /** The conversation ended with the ticket (wiped from the applicant-facing screen). */
  z.object({ type: z.literal('conversation.cleared'), windowId: z.number().int().positive() }),
  /** A device's health changed (admin screens and the device's own terminal). */
  z.object({ type: z.literal('device.status'), deviceId: z.number().int().positive(), health: DeviceHealthSchema }),
  /** A terminal's printer changed state (paper out, offline …): its kiosk and the admin screen show it. */
  z.object({ type: z.literal('printer.status'), terminalId: z.number().int().positive(), status: PrinterStatusSchema, detail: z.string().max(300) }),
  /** Print jobs were queued or moved on: the admin screen's job lists read again (no data in it). */
  z.object({ type: z.literal('print.jobs') }),
  /** An ID card read or failed: personal data, sent only to the terminal the reader is bound to. */
  z.object({ type: z.literal('device.card'), deviceId: z.number().int().positive(), at: z.number().int(), read: CardReadSchema }),
  /** A code from a HID POS scanner, sent only to the scanner's terminal. */
  z.object({ type: z.literal('device.scan'), deviceId: z.number().int().positive(), at: z.number().int(), scan: ScanSchema }),
  /** A terminal's screens or agent came or went (admin screens: the terminal list). */
  z.object({ type: z.literal('terminal.presence'), presence: TerminalPresenceSchema }),
  /** A case moved on (or its answers or owner changed): clerk and admin lists read again. No
   * personal data: the case number, its status and version. */
  z.object({ type: z.literal('case.changed'), caseNumber: z.string(), status: ApplicationStatusSchema, version: z.number().int() }),
  /** What a clerk decided at a window, for the counter screen facing the applicant (that window's
   * screens only): 受理成功 / 请在 … 前补交 … / 不予受理：… */
  z.object({ type: z.literal('case.outcome'), windowId: z.number().int().positive(), outcome: CaseOutcomeSchema }),
  /** The back offices' state for the outage line (clerks and admins), pushed when it changes. */
  z.object({ type: z.literal('backoffice.status'), links: z.array(BackOfficeLinkStatusSchema) }),
  /** 好差评: a service just finished at a window; its counter screen asks the applicant (that window's screens only). */
  z.object({ type: z.literal('rating.asked'), windowId: z.number().int().positive() }),
  /** A 差评's rectification item was opened or moved on (admin screens). No personal data. */
  z.object({ type: z.literal('rectification.changed'), id: z.number().int().positive(), status: z.string() }),
  z.object({ type: z.literal('pong'), nonce: z.string().max(64) }),
  /** The city link's status line changed (admin screens). */
  z.object({ type: z.literal('city.link'), status: CityLinkStatusSchema }),
  /** The answer to a `watch`: from now on this socket gets that window's private pushes (or none).
   * The screen re-reads what it shows of the window after this, so nothing falls between. */
  z.object({ type: z.literal('watching'), window: z.number().int().positive().nullable() }),
  /** The hall dashboard as it is now, to the admin screens that follow it (a supervisor is signed
   * in there): computed once per change and sent whole, so 200 screens do not each read it again. */
  z.object({ type: z.literal('dashboard.state'), dashboard: HallDashboardSchema }),
  /** The answer to a `follow` (null: followed nothing, or the host stopped, e.g. nobody may see it there now). */
  z.object({ type: z.literal('following'), view: z.enum(FOLLOWED_VIEWS).nullable() }),
  z.object({ type: z.literal('error'), code: z.enum(['bad_message', 'forbidden']), message: z.string() }),
]);
export type ServerEvent = z.infer<typeof ServerEventSchema>;

/** What a client may send. Anything else is answered with an `error` event, never a crash. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), nonce: z.string().max(64) }).strict(),
  /** One socket per page: a clerk console or counter screen says which window's 笔谈 it follows. */
  z.object({ type: z.literal('watch'), window: z.number().int().positive().max(1_000_000).nullable() }).strict(),
  /** Follow one view (answered with `following` and the view's state), or none (null). */
  z.object({ type: z.literal('follow'), view: z.enum(FOLLOWED_VIEWS).nullable() }).strict(),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

/** Largest client message the host reads; larger frames close the socket. */
export const MAX_CLIENT_MESSAGE_BYTES = 4096;
