import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { classifyError, listeners, toU8 } from '../transport.js';
import type { DeviceEnd } from './fake-link.js';

/** socat is how a pseudo-terminal pair is made without a native module; Debian: apt-get install socat. */
export function hasSocat(): boolean {
  return spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
}

/**
 * Two linked pseudo-terminals: the host opens `hostPath` with the real serial transport, the
 * simulated reader answers on `devicePath`. Raw mode, no echo, as a UART is.
 */
export async function ptyPair(dir: string, opts: { tiedToParent?: boolean } = {}): Promise<{ hostPath: string; devicePath: string; close: () => void }> {
  const hostPath = join(dir, 'ttyHOST');
  const devicePath = join(dir, 'ttyDEVICE');
  const args = [`pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`];
  // Tied: a shell holds socat and waits on a pipe from us; when this process dies, even by
  // SIGKILL, the pipe closes and the shell ends socat, so no pseudo-terminal outlives its host.
  const child: ChildProcess = opts.tiedToParent
    ? spawn('sh', ['-c', 'socat "$1" "$2" & pid=$!; trap \'kill $pid 2>/dev/null\' EXIT TERM; cat >/dev/null; kill $pid 2>/dev/null', 'sh', ...args], {
        stdio: ['pipe', 'ignore', 'ignore'],
      })
    : spawn('socat', args, { stdio: 'ignore' });
  const deadline = Date.now() + 5000;
  while (!(existsSync(hostPath) && existsSync(devicePath))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error('socat did not create the pseudo-terminal pair');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { hostPath, devicePath, close: () => (child.stdin?.end(), child.kill()) };
}

/** The device's side of a serial line as a DeviceEnd, so the same simulated reader serves it. */
export async function serialDeviceEnd(path: string): Promise<DeviceEnd & { close: () => Promise<void> }> {
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(classifyError(err)) : resolve())));
  const commands = listeners<Uint8Array>();
  port.on('data', (chunk: Buffer) => commands.emit(toU8(chunk)));
  return {
    onCommand: commands.add,
    send: (bytes) => void port.write(Buffer.from(bytes)),
    unplug: () => void port.close(),
    plug: () => undefined,
    get plugged() {
      return port.isOpen;
    },
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}
