import { classifyError, deviceLink, toU8, TransportError, type Transport } from './transport.js';

type SerialPortInstance = import('serialport').SerialPort;

/**
 * A reader on a UART (or a USB-serial adapter): 8N1 at the configured rate, 115200 by default.
 * serialport is loaded when first used, so a host without serial devices never loads its binding.
 */
export function serialTransport(path: string, baudRate: number): Transport {
  const link = deviceLink<SerialPortInstance>('serial port is not open', async (p) => {
    if (p.isOpen) await new Promise<void>((resolve) => p.close(() => resolve()));
  });

  return {
    description: `serial ${path} @ ${baudRate}`,
    async open() {
      const { SerialPort } = await import('serialport');
      const p = new SerialPort({ path, baudRate, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false, lock: true });
      await new Promise<void>((resolve, reject) => p.open((err) => (err ? reject(classifyError(err)) : resolve())));
      link.handle = p;
      p.on('data', (chunk: Buffer) => link.data.emit(toU8(chunk)));
      p.on('error', (err: Error) => {
        if (!link.closing) link.closed.emit(classifyError(err));
      });
      // An unplugged adapter closes the port with `disconnected: true`.
      p.on('close', (err: (Error & { disconnected?: boolean }) | null) => {
        if (link.closing) return;
        link.closed.emit(err?.disconnected ? new TransportError('disconnected', 'serial port disconnected') : classifyError(err ?? new Error('port closed')));
      });
    },
    write: (bytes) =>
      link.write(
        (p) => new Promise<void>((resolve, reject) => p.write(Buffer.from(bytes), (err) => (err ? reject(err) : p.drain((e) => (e ? reject(e) : resolve()))))),
      ),
    ...link.members,
  };
}
