import { useEffect, useState } from 'react';
import { ServerEventSchema } from '@domain/contract/events.js';
import type { CardRead, DeviceHealth } from '@domain/devices/device-contract.js';
import type { TerminalRole } from '@domain/roles.js';
import { eventsUrl } from '../api/events.js';

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

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

/**
 * Device events for this screen: card reads and scans of the devices bound to this terminal, and
 * device health. Its own socket on the one event channel, so that the queue screens' hook stays
 * as it is; every message is validated and anything else is ignored.
 */
export function useDeviceEvents(role: TerminalRole): DeviceEvents {
  const [lastCard, setLastCard] = useState<CardNotice | null>(null);
  const [lastScan, setLastScan] = useState<ScanNotice | null>(null);
  const [health, setHealth] = useState<Record<number, DeviceHealth>>({});

  useEffect(() => {
    let socket: WebSocket | null = null;
    let stopped = false;
    let failures = 0;
    let timer: number | undefined;
    const connect = () => {
      if (stopped) return;
      const s = new WebSocket(eventsUrl(role));
      socket = s;
      s.onmessage = (msg) => {
        let data: unknown;
        try {
          data = JSON.parse(typeof msg.data === 'string' ? msg.data : '');
        } catch {
          return;
        }
        const parsed = ServerEventSchema.safeParse(data);
        if (!parsed.success) return;
        const ev = parsed.data;
        if (ev.type === 'hello') failures = 0;
        else if (ev.type === 'device.card') setLastCard({ deviceId: ev.deviceId, at: ev.at, read: ev.read });
        else if (ev.type === 'device.scan') setLastScan({ source: 'scanner', deviceId: ev.deviceId, at: ev.at, text: ev.scan.text });
        else if (ev.type === 'device.status') setHealth((h) => ({ ...h, [ev.deviceId]: ev.health }));
      };
      s.onclose = () => {
        if (stopped) return;
        timer = window.setTimeout(connect, Math.min(FIRST_DELAY_MS * 2 ** failures++, MAX_DELAY_MS));
      };
    };
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      if (socket) {
        socket.onclose = socket.onmessage = null;
        socket.close();
      }
    };
  }, [role]);

  return {
    lastCard,
    lastScan,
    health,
    clearCard: () => {
      setLastCard(null);
      setLastScan(null);
    },
  };
}
