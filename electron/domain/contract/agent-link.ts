import { z } from 'zod';
import {
  CardReadSchema,
  DeviceHealthSchema,
  DeviceKindSchema,
  DeviceTransportSchema,
  ScanSchema,
  SERIAL_PORT_PATTERN,
  BAUD_RATES,
} from '../devices/device-contract.js';
import { PrinterConfigSchema, PrinterStatusSchema } from './print-api.js';
import { TerminalRoleSchema } from './schemas.js';

/**
 * The link between a hall terminal's local agent and the hub (issue 15): one WebSocket per agent
 * at AGENT_PATH, opened with the terminal's own credential (the same one its screen uses). The
 * agent owns the devices and the printer attached to its machine; the hub holds the queue and the
 * durable print queue. Both sides parse every message with these schemas; anything else is
 * answered with an `error` and never crashes either side.
 */
export const AGENT_PATH = '/api/agent';
export const AgentQuerySchema = z.object({ role: TerminalRoleSchema }).strict();

/** The largest message an agent sends (a scan of 4,096 characters fits several times). */
export const MAX_AGENT_MESSAGE_BYTES = 32 * 1024;
/** The agent pings this often; the hub drops a link silent for AGENT_SILENCE_MS (and so does the agent). */
export const AGENT_PING_MS = 2_000;
export const AGENT_SILENCE_MS = 6_000;

/** The agent's own stable name for a device on its machine ("reader-1", "sim-reader"). */
export const AgentDeviceKeySchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,59}$/, 'a device key: lower-case letters, digits, . _ -');

/** A device attached to the agent's machine, as the agent found or was told it. */
export const AgentDeviceSchema = z
  .object({
    key: AgentDeviceKeySchema,
    name: z.string().trim().min(1).max(60),
    kind: DeviceKindSchema,
    transport: DeviceTransportSchema,
    vendorId: z.number().int().min(0).max(0xffff).nullable(),
    productId: z.number().int().min(0).max(0xffff).nullable(),
    portPath: z.string().max(200).regex(SERIAL_PORT_PATTERN).nullable(),
    baudRate: z.union(BAUD_RATES.map((b) => z.literal(b))),
  })
  .strict()
  .refine((d) => (d.transport === 'serial' ? d.portPath !== null : d.transport === 'simulated' || (d.vendorId !== null && d.productId !== null)), {
    message: 'a serial device needs portPath; a USB or HID device needs vendorId and productId',
    path: ['transport'],
  });
export type AgentDevice = z.infer<typeof AgentDeviceSchema>;

const Text = (max: number) => z.string().max(max);
const CallId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** What a printer said about a job, as the hub's print queue understands it (printing/printer.ts). */
export const SubmittedSchema = z.object({ externalId: Text(300).min(1), held: z.boolean() }).strict();
export const JobProgressSchema = z.union([
  z.object({ state: z.enum(['held', 'pending', 'completed']) }).strict(),
  z.object({ state: z.literal('failed'), reason: Text(300) }).strict(),
]);

/** Agent → hub. */
export const AgentMessageSchema = z.discriminatedUnion('type', [
  /** First message on every connection: the machine, its devices and its printer. */
  z
    .object({
      type: z.literal('hello'),
      version: z.string().min(1).max(40),
      machine: z.string().min(1).max(100),
      devices: z.array(AgentDeviceSchema).max(16),
      /** The printer attached to this machine; null: it prints nothing. */
      printer: PrinterConfigSchema.nullable(),
      printerStatus: PrinterStatusSchema,
      printerDetail: Text(300),
    })
    .strict(),
  z.object({ type: z.literal('device.status'), key: AgentDeviceKeySchema, health: DeviceHealthSchema }).strict(),
  /** Personal data: the hub sends it to this terminal's screens only, and logs nothing of it. */
  z.object({ type: z.literal('device.card'), key: AgentDeviceKeySchema, read: CardReadSchema }).strict(),
  z.object({ type: z.literal('device.scan'), key: AgentDeviceKeySchema, scan: ScanSchema }).strict(),
  z.object({ type: z.literal('printer.status'), status: PrinterStatusSchema, detail: Text(300) }).strict(),
  /** The answer to a `print` call: its result, or why the printer refused. */
  z
    .object({
      type: z.literal('reply'),
      call: CallId,
      result: z.union([SubmittedSchema, JobProgressSchema, z.object({ released: z.literal(true) }).strict(), z.null()]),
    })
    .strict(),
  z.object({ type: z.literal('failed'), call: CallId, error: Text(300) }).strict(),
]);
export type AgentMessage = z.infer<typeof AgentMessageSchema>;

/** One step of the hub's print queue, carried out on the agent's printer (see printing/printer.ts). */
export const PrintCallSchema = z.discriminatedUnion('op', [
  z
    .object({
      op: z.literal('submit'),
      title: Text(120).min(1),
      /** The rendered PDF, base64. */
      pdf: z.string().max(8 * 1024 * 1024),
      widthMm: z.number().positive().max(1000),
      heightMm: z.number().positive().max(5000),
      media: Text(60),
    })
    .strict(),
  z.object({ op: z.literal('release'), externalId: Text(300).min(1) }).strict(),
  z.object({ op: z.literal('find'), title: Text(120).min(1) }).strict(),
  z.object({ op: z.literal('progress'), externalId: Text(300) }).strict(),
]);
export type PrintCall = z.infer<typeof PrintCallSchema>;

/** The hub's id of each of the agent's devices, and whether the hall has it switched on. */
const AgentDeviceIdsSchema = z.array(z.object({ key: AgentDeviceKeySchema, id: z.number().int().positive(), enabled: z.boolean() }).strict()).max(16);

/** Hub → agent. */
export const HubMessageSchema = z.discriminatedUnion('type', [
  /** The answer to `hello`: who this terminal is, the hub's clock, and the id each device got. */
  z
    .object({
      type: z.literal('welcome'),
      serverTime: z.number().int(),
      /** The hall's IANA zone: a card's validity is judged on the hall's day. */
      timeZone: z.string().min(1).max(60),
      terminal: z.object({ id: z.number().int().positive(), name: z.string(), role: TerminalRoleSchema }),
      devices: AgentDeviceIdsSchema,
    })
    .strict(),
  /** A supervisor switched one of this agent's devices on or off on the admin screen. */
  z.object({ type: z.literal('devices'), devices: AgentDeviceIdsSchema }).strict(),
  z.object({ type: z.literal('print'), call: CallId, request: PrintCallSchema }).strict(),
  z.object({ type: z.literal('error'), code: z.enum(['bad_message', 'not_ready']), message: z.string() }).strict(),
]);
export type HubMessage = z.infer<typeof HubMessageSchema>;
