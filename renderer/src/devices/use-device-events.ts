import { useCallback, useState } from 'react';
import type { CardRead, DeviceHealth } from '@domain/devices/device-contract.js';
import { useHostEvent } from '../data/use-host-events.js';

export interface CardNotice {
  deviceId: number;
  at: number;
  read: CardRead;
}
export interface ScanNotice {
  source: 'scanner' | 'wedge';
  deviceId: number | null;
  at: number;
  text: string;
}

export interface DeviceEvents {
  lastCard: CardNotice | null;
  lastScan: ScanNotice | null;
  /** Health pushed since mount, by device id (newer than the last list fetched). */
  health: Record<number, DeviceHealth>;
  /** Forget the last read and scan (a screen wipes personal data when a session ends). */
  clearCard: () => void;
}

/**
 * Device pushes for this screen, on the page's one connection: card reads and scans of the
 * devices bound to this terminal (the host sends them to no one else), and device health.
 */
export function useDeviceEvents(): DeviceEvents {
  const [lastCard, setLastCard] = useState<CardNotice | null>(null);
  const [lastScan, setLastScan] = useState<ScanNotice | null>(null);
  const [health, setHealth] = useState<Record<number, DeviceHealth>>({});
  useHostEvent('device.card', (ev) => setLastCard({ deviceId: ev.deviceId, at: ev.at, read: ev.read }));
  useHostEvent('device.scan', (ev) => setLastScan({ source: 'scanner', deviceId: ev.deviceId, at: ev.at, text: ev.scan.text }));
  useHostEvent('device.status', (ev) => setHealth((h) => ({ ...h, [ev.deviceId]: ev.health })));
  const clearCard = useCallback(() => {
    setLastCard(null);
    setLastScan(null);
  }, []);
  return { lastCard, lastScan, health, clearCard };
}
