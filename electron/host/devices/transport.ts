/**
 * A byte pipe to a device. Transports deliver bytes in whatever chunks the OS hands over (a serial
 * read, a 64-byte USB packet, a HID report); framing is the codec's business, never the
 * transport's. `closed` fires once, on unplug or error, with the reason.
 */
export interface Transport {
  readonly description: string;
  open(): Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): () => void;
  onClosed(listener: (reason: TransportError) => void): () => void;
  close(): Promise<void>;
}

export type TransportErrorCode = 'not_found' | 'busy' | 'permission' | 'disconnected' | 'io';

export class TransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** Sorts an OS or library error into what the admin screen can act on. */
export function classifyError(err: unknown): TransportError {
  if (err instanceof TransportError) return err;
  const e = err as { code?: unknown; errno?: unknown; message?: unknown } | null;
  const text = `${String(e?.code ?? '')} ${String(e?.message ?? err)}`;
  if (/EBUSY|LIBUSB_ERROR_BUSY|Resource busy|Cannot lock port/i.test(text)) return new TransportError('busy', 'device is in use by another program');
  if (/EACCES|EPERM|LIBUSB_ERROR_ACCESS|Permission denied|cannot open device/i.test(text))
    return new TransportError('permission', 'no permission to open the device (udev rule?)');
  if (/ENOENT|LIBUSB_ERROR_NO_DEVICE|LIBUSB_ERROR_NOT_FOUND|No such file|could not find|not found|errno 2\b/i.test(text))
    return new TransportError('not_found', 'device not found');
  // node-hid reports an unplug as a failed read.
  if (/disconnected|could not read from HID|ENXIO|EIO|LIBUSB_ERROR_IO|LIBUSB_ERROR_PIPE/i.test(text))
    return new TransportError('disconnected', 'device disconnected');
  return new TransportError('io', e?.message !== undefined ? String(e.message) : 'device error');
}

/** Listener bookkeeping shared by the transports. */
export function listeners<T>() {
  const set = new Set<(value: T) => void>();
  return {
    add(fn: (value: T) => void): () => void {
      set.add(fn);
      return () => set.delete(fn);
    },
    emit(value: T): void {
      for (const fn of [...set]) fn(value);
    },
    clear(): void {
      set.clear();
    },
  };
}

export const toU8 = (b: Uint8Array): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** A USB vendor or product id as lsusb shows it (0400:c35a). */
export const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/**
 * What every transport keeps around its open device: the listeners, the handle, and the `closing`
 * flag that silences the errors its own close() causes. Writes are guarded and their errors sorted
 * the same way everywhere; close() releases the handle (each transport says how) and drops the
 * listeners. Spread `members` into the Transport.
 */
export function deviceLink<H>(notOpen: string, release: (handle: H) => Promise<void>) {
  const data = listeners<Uint8Array>();
  const closed = listeners<TransportError>();
  let handle: H | null = null;
  let closing = false;
  return {
    data,
    closed,
    get handle(): H | null {
      return handle;
    },
    set handle(h: H | null) {
      handle = h;
    },
    get closing(): boolean {
      return closing;
    },
    /** Sends through the open handle; any failure comes out as a TransportError. */
    async write(send: (handle: H) => Promise<unknown>): Promise<void> {
      const h = handle;
      if (!h) throw new TransportError('disconnected', notOpen);
      try {
        await send(h);
      } catch (err) {
        throw classifyError(err);
      }
    },
    members: {
      onData: data.add,
      onClosed: closed.add,
      async close(): Promise<void> {
        closing = true;
        const h = handle;
        handle = null;
        if (h) await release(h);
        data.clear();
        closed.clear();
      },
    },
  };
}
