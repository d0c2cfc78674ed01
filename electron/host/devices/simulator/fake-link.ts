import { listeners, TransportError, type Transport } from '../transport.js';

/**
 * An in-process cable: the host end is a Transport like any other, the device end is what a
 * simulated device reads commands from and writes replies to. `chunking` cuts what the device sends
 * the way its real transport would (64-byte USB packets, arbitrary serial reads).
 */
export interface DeviceEnd {
  onCommand(listener: (chunk: Uint8Array) => void): () => void;
  send(bytes: Uint8Array): void;
  /** Pull the plug: the host end closes with `disconnected`. */
  unplug(): void;
  /** Plug back in: opening the host end works again. */
  plug(): void;
  readonly plugged: boolean;
}

export type Chunking = 'whole' | 'usb64' | 'serial';

export function fakeLink(description: string, chunking: Chunking = 'serial'): { host: Transport; device: DeviceEnd } {
  const toHost = listeners<Uint8Array>();
  const toDevice = listeners<Uint8Array>();
  const closed = listeners<TransportError>();
  let open = false;
  let plugged = true;
  let seed = 7;
  const nextSize = () => {
    // Deterministic pseudo-random read sizes, 1…300 bytes, as a UART driver might deliver.
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return 1 + (seed % 300);
  };

  const host: Transport = {
    description,
    async open() {
      if (!plugged) throw new TransportError('not_found', `${description} is unplugged`);
      open = true;
    },
    async write(bytes) {
      if (!open) throw new TransportError('disconnected', `${description} is not open`);
      const copy = bytes.slice();
      queueMicrotask(() => toDevice.emit(copy));
    },
    onData: toHost.add,
    onClosed: closed.add,
    async close() {
      open = false;
      // The cable outlives a connection: the next open brings its own listeners.
      toHost.clear();
      closed.clear();
    },
  };

  const device: DeviceEnd = {
    onCommand: toDevice.add,
    send(bytes) {
      if (!open) return;
      const size = chunking === 'whole' ? bytes.length : chunking === 'usb64' ? 64 : 0;
      // Each chunk is delivered in its own macrotask, as separate reads from the OS would be.
      for (let at = 0, i = 0; at < bytes.length; i++) {
        const n = size || nextSize();
        const chunk = bytes.slice(at, at + n);
        at += n;
        setTimeout(() => open && toHost.emit(chunk), 0);
      }
    },
    unplug() {
      plugged = false;
      if (open) {
        open = false;
        closed.emit(new TransportError('disconnected', `${description} unplugged`));
      }
    },
    plug() {
      plugged = true;
    },
    get plugged() {
      return plugged;
    },
  };
  return { host, device };
}
