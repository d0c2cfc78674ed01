import type { DetectedDevice } from '@domain/devices/detected-device.js';
import type { Device } from '@domain/devices/device-contract.js';

type T = (key: string, values?: Record<string, string | number>) => string;

/** A USB vendor or product id as lsusb shows it (0c2e). */
export const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** Where a configured device sits: its port and speed, or its USB ids. */
export function deviceAddress(d: Pick<Device, 'transport' | 'portPath' | 'baudRate' | 'vendorId' | 'productId'>): string {
  if (d.transport === 'serial') return `${d.portPath ?? ''} @ ${d.baudRate}`;
  if (d.vendorId !== null && d.productId !== null) return `${hex4(d.vendorId)}:${hex4(d.productId)}`;
  return '';
}

/** A detected device in one line: how it is attached, its address, and what it calls itself. */
export function detectedLabel(d: DetectedDevice, t: T): string {
  const where = d.transport === 'serial' ? (d.path ?? '') : d.vendorId !== null && d.productId !== null ? `${hex4(d.vendorId)}:${hex4(d.productId)}` : '';
  const what = d.simulated
    ? t('device.detect.simulated')
    : [d.manufacturer, d.product].filter((x): x is string => x !== null).join(' ') ||
      (d.kindHint ? t(`device.kind.${d.kindHint}`) : t('device.detect.unknown'));
  return `${t(`device.transport.${d.transport}`)} ${where} · ${what}`;
}

/** A name to start from when a detected device is chosen: what it calls itself, or its kind. */
export function suggestedName(d: DetectedDevice, t: T): string {
  if (d.simulated) return t('device.detect.simulated');
  const own = d.product ?? d.manufacturer;
  return (own ?? t(`device.kind.${d.kindHint ?? 'id_reader'}`)).slice(0, 60);
}
