import { z } from 'zod';
import { CARD_TYPES } from './id-card-text.js';
import { READ_FAILURES } from './sam-status.js';
import { IsoDateSchema } from '../contract/schemas.js';

/** Shapes of devices as they cross the API and the event channel (referenced from contract/). */
export const DEVICE_KINDS = ['id_reader', 'scanner'] as const;
export const DEVICE_TRANSPORTS = ['serial', 'usb', 'hid', 'simulated'] as const;
export const DEVICE_STATES = ['connected', 'connecting', 'disconnected', 'error', 'disabled', 'unavailable'] as const;

export const DeviceKindSchema = z.enum(DEVICE_KINDS);
export const DeviceTransportSchema = z.enum(DEVICE_TRANSPORTS);
export const ReadFailureSchema = z.enum(READ_FAILURES);

/** What a serial device is called: /dev/ttyUSB0, /dev/ttyACM1, /dev/ttyS0, a stable udev name under
 * /dev/serial/by-id or by-path, COM1–COM256 on Windows, or a pseudo-terminal /dev/pts/N (the
 * simulator's reader; the host accepts one only where it announced it, see PSEUDO_TERMINAL_PATTERN).
 * Nothing else the host could be pointed at. */
export const SERIAL_PORT_PATTERN =
  /^(\/dev\/tty[A-Za-z0-9._-]{1,32}|\/dev\/serial\/by-(id|path)\/[A-Za-z0-9._:+-]{1,160}|COM([1-9]\d?|1\d\d|2[0-4]\d|25[0-6])|\/dev\/pts\/\d{1,4})$/;
/** A pseudo-terminal: someone's shell may sit on it, so only one the host itself offers is opened. */
export const PSEUDO_TERMINAL_PATTERN = /^\/dev\/pts\/\d{1,4}$/;

const UsbId = z.number().int().min(0).max(0xffff);
export const BAUD_RATES = [115200, 57600, 38400, 19200, 9600] as const;

const DeviceFields = z.object({
  name: z.string().trim().min(1).max(60),
  kind: DeviceKindSchema,
  transport: DeviceTransportSchema,
  vendorId: UsbId.nullable().default(null),
  productId: UsbId.nullable().default(null),
  /** Serial port, e.g. /dev/ttyUSB0 or COM3: only a serial device, never any other file. */
  portPath: z
    .string()
    .trim()
    .max(200)
    .regex(SERIAL_PORT_PATTERN, 'a serial port: /dev/tty…, /dev/serial/by-id/…, COMn or the simulator’s /dev/pts/N')
    .nullable()
    .default(null),
  baudRate: z.union(BAUD_RATES.map((b) => z.literal(b))).default(115200),
  /** The terminal that receives this device's reads; personal data goes nowhere else. */
  terminalId: z.number().int().positive().nullable().default(null),
  enabled: z.boolean().default(true),
});

function addressed(d: { transport: string; vendorId: number | null; productId: number | null; portPath: string | null }): boolean {
  if (d.transport === 'serial') return d.portPath !== null;
  if (d.transport === 'usb' || d.transport === 'hid') return d.vendorId !== null && d.productId !== null;
  return true;
}
const ADDRESS_MESSAGE = 'a serial device needs portPath; a USB or HID device needs vendorId and productId';

export const DeviceConfigSchema = DeviceFields.strict().refine(addressed, { message: ADDRESS_MESSAGE, path: ['transport'] });
export type DeviceConfigInput = z.input<typeof DeviceConfigSchema>;
export type DeviceConfig = z.output<typeof DeviceConfigSchema>;

// Without the fields' defaults: a patch changes what it names and nothing else (with them, a
// patch of `enabled` alone would also unbind the device and clear its port).
export const DevicePatchSchema = z
  .object({
    name: DeviceFields.shape.name,
    portPath: DeviceFields.shape.portPath.unwrap(),
    baudRate: DeviceFields.shape.baudRate.unwrap(),
    terminalId: DeviceFields.shape.terminalId.unwrap(),
    enabled: DeviceFields.shape.enabled.unwrap(),
  })
  .partial()
  .strict();

export const DeviceHealthSchema = z.object({
  state: z.enum(DEVICE_STATES),
  /** Stable code of the last problem (a ReadFailure or a transport code); translated on screen. */
  problem: z.string().max(40).nullable(),
  lastSeenAt: z.number().int().nullable(),
  reads: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  reconnects: z.number().int().nonnegative(),
});
export type DeviceHealth = z.infer<typeof DeviceHealthSchema>;

export const DeviceSchema = DeviceFields.extend({
  id: z.number().int().positive(),
  health: DeviceHealthSchema,
  /** Set when the terminal's own agent runs this device on its machine (the hall shape): it is
   * bound to that terminal for good, and the agent, not the hub, opens it. */
  agentKey: z.string().nullable().default(null),
});
export type Device = z.infer<typeof DeviceSchema>;

export const CardViewSchema = z.object({
  cardType: z.enum(CARD_TYPES),
  name: z.string().max(60),
  nameEn: z.string().max(60).nullable(),
  gender: z.enum(['unknown', 'male', 'female', 'unstated']),
  nationCode: z.string().max(2).nullable(),
  nationality: z.string().max(3).nullable(),
  birthDate: IsoDateSchema,
  address: z.string().max(35).nullable(),
  idNumber: z.string().max(18),
  permitNumber: z.string().max(9).nullable(),
  issueCount: z.string().max(2).nullable(),
  authority: z.string().max(15),
  validFrom: IsoDateSchema,
  validUntil: z.union([IsoDateSchema, z.literal('long_term')]),
  hasPhoto: z.boolean(),
  /** What a public screen may show: 张*明 and ************002X. */
  masked: z.object({ name: z.string(), idNumber: z.string() }),
});
export type CardView = z.infer<typeof CardViewSchema>;

export const CardReadSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ok'), card: CardViewSchema }),
  /** `detail` is a stable code (an SW3 name, or the card field that failed its check). */
  z.object({
    outcome: z.literal('failed'),
    failure: ReadFailureSchema,
    detail: z.string().max(60),
    /** card_expired only: the card's data, for a kiosk whose citizen came to renew exactly this card. */
    card: CardViewSchema.optional(),
  }),
]);
export type CardRead = z.infer<typeof CardReadSchema>;

export const ScanSchema = z.object({ text: z.string().max(4096), symbology: z.string().max(3) });
