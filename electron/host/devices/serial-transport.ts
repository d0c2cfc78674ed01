import { classifyError, listeners, toU8, TransportError, type Transport } from './transport.js';

type SerialPortInstance = import('serialport').SerialPort;

/**
 * A reader on a UART (or a USB-serial adapter): 8N1 at the configured rate, 115200 by default.
 * serialport is loaded when first used, so a host without serial devices never loads its binding.
 */
export function serialTransport(path: string, baudRate: number): Transport {
  const data = listeners<Uint8Array>();
  const closed = listeners<TransportError>();
  let port: SerialPortInstance | null = null;
  let closing = false;

  return {
    description: `serial ${path} @ ${baudRate}`,
    async open() {
      const { SerialPort } = await import('serialport');
      const p = new SerialPort({ path, baudRate, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false, lock: true });
      await new Promise<void>((resolve, reject) => p.open((err) => (err ? reject(classifyError(err)) : resolve())));
      port = p;
      p.on('data', (chunk: Buffer) => data.emit(toU8(chunk)));
      p.on('error', (err: Error) => {
        if (!closing) closed.emit(classifyError(err));
      });
      // An unplugged adapter closes the port with `disconnected: true`.
      p.on('close', (err: (Error & { disconnected?: boolean }) | null) => {
        if (closing) return;
        closed.emit(err?.disconnected ? new TransportError('disconnected', 'serial port disconnected') : classifyError(err ?? new Error('port closed')));
      });
    },
    async write(bytes) {
      const p = port;
      if (!p) throw new TransportError('disconnected', 'serial port is not open');
      await new Promise<void>((resolve, reject) => {
        p.write(Buffer.from(bytes), (err) => (err ? reject(classifyError(err)) : p.drain((e) => (e ? reject(classifyError(e)) : resolve()))));
      });
    },
    onData: data.add,
    onClosed: closed.add,
    async close() {
      closing = true;
      const p = port;
      port = null;
      if (p?.isOpen) await new Promise<void>((resolve) => p.close(() => resolve()));
      data.clear();
      closed.clear();
    },
  };
}
