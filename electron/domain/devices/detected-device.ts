import { z } from 'zod';
import { DeviceKindSchema, DeviceSchema, type DeviceConfig } from './device-contract.js';

/**
 * What the hub's machine finds attached (serial ports, USB and HID devices), offered on the admin
 * screen so that a device is added by choosing it rather than by knowing its path or ids.
 */
export const DETECTED_TRANSPORTS = ['serial', 'usb', 'hid'] as const;
const UsbId = z.number().int().min(0).max(0xffff);
const Text = z.string().max(120).nullable();

export const DetectedDeviceSchema = z.object({
  transport: z.enum(DETECTED_TRANSPORTS),
  /** A serial port's path (/dev/ttyUSB0, COM3, the simulator's pseudo-terminal); null for USB and HID. */
  path: z.string().max(200).nullable(),
  vendorId: UsbId.nullable(),
  productId: UsbId.nullable(),
  /** As the device names itself (USB string descriptors), or the vendor's name from the ids. */
  manufacturer: Text,
  product: Text,
  /** What it most likely is, from its ids or usage page; null when the ids say nothing. */
  kindHint: DeviceKindSchema.nullable(),
  /** The simulator's reader (a host started with --simulate-devices). */
  simulated: z.boolean(),
  /** A device already set up on this address. */
  usedBy: DeviceSchema.shape.id.nullable(),
});
export type DetectedDevice = z.infer<typeof DetectedDeviceSchema>;

/** Each way of looking: whether it answered (a machine without USB access says so, not nothing). */
export const DetectionSourceSchema = z.object({
  transport: z.enum(DETECTED_TRANSPORTS),
  ok: z.boolean(),
  /** Stable code when it did not: 'unavailable', 'permission', 'timeout'. */
  problem: z.enum(['unavailable', 'permission', 'timeout']).nullable(),
});
export type DetectionSource = z.infer<typeof DetectionSourceSchema>;

/** hardware.md §1 and §4: the common GA 467 USB reader and the scanner makers' vendor ids. */
const ID_READER_USB = { vendorId: 0x0400, productId: 0xc35a };
const SCANNER_VENDORS: ReadonlyMap<number, string> = new Map([
  [0x0c2e, 'Honeywell / Metrologic'],
  [0x0536, 'Hand Held Products'],
  [0x05e0, 'Zebra / Symbol'],
  [0x080c, 'Datalogic'],
  [0x1eab, 'Newland'],
]);
export const HID_POS_USAGE_PAGE = 0x8c;

/** What a device with these ids (and HID usage page) most likely is. */
export function kindHint(vendorId: number | null, productId: number | null, usagePage?: number): DetectedDevice['kindHint'] {
  if (vendorId === ID_READER_USB.vendorId && productId === ID_READER_USB.productId) return 'id_reader';
  if (usagePage === HID_POS_USAGE_PAGE) return 'scanner';
  if (vendorId !== null && SCANNER_VENDORS.has(vendorId)) return 'scanner';
  return null;
}

/** The vendor's name where the device does not give one itself. */
export function vendorName(vendorId: number | null): string | null {
  if (vendorId === null) return null;
  return SCANNER_VENDORS.get(vendorId) ?? null;
}

/** The configured device that already uses this address, if any (serial by path, USB/HID by ids). */
export function configuredOn(
  d: Pick<DetectedDevice, 'transport' | 'path' | 'vendorId' | 'productId'>,
  devices: readonly (Pick<DeviceConfig, 'transport' | 'portPath' | 'vendorId' | 'productId'> & { id: number })[],
): number | null {
  const hit = devices.find((c) =>
    d.transport === 'serial'
      ? c.transport === 'serial' && c.portPath === d.path
      : c.transport === d.transport && c.vendorId === d.vendorId && c.productId === d.productId,
  );
  return hit?.id ?? null;
}

/** What a press of "test" found: ok, or why not (translated on screen as device.testResult.<code>). */
export const DEVICE_TEST_CODES = ['ok', 'disabled', 'not_connected', 'sam_error', 'reader_error', 'no_answer', 'agent_device'] as const;
export const DeviceTestResultSchema = z.object({
  ok: z.boolean(),
  code: z.enum(DEVICE_TEST_CODES),
  /** The transport's or reader's stable detail code, when there is one. */
  detail: z.string().max(60).nullable(),
});
export type DeviceTestResult = z.infer<typeof DeviceTestResultSchema>;
