import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CardFixtureSchema } from '../../electron/domain/devices/card-fixture.js';
import { startReaderLoop, type CardOutcome } from '../../electron/host/devices/id-reader-loop.js';
import { serialTransport } from '../../electron/host/devices/serial-transport.js';
import { hasSocat, ptyPair, serialDeviceEnd } from '../../electron/host/devices/simulator/pty-pair.js';
import { simulatedReader } from '../../electron/host/devices/simulator/sim-reader.js';
import { tempDir } from '../support/temp-dir.js';

const fixture = (name: string) =>
  CardFixtureSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../scripts/sim/fixtures', `${name}.json`), 'utf8')));

// Needs socat (Debian: apt-get install socat); without it, on a developer's machine, the
// in-process fake covers the loop. CI must run it: .ci/run installs socat.
if (!hasSocat() && process.env['CI']) throw new Error('CI needs socat for the serial pseudo-terminal test: .ci/run installs it');
// Skipped only without socat (a workstation); .ci/run installs it (scripts/test-prerequisites.sh).
describe.skipIf(!hasSocat())('serial transport over a pseudo-terminal pair', () => {
  it('reads a card through serialport, the real polling loop and the simulated reader', async () => {
    const dir = tempDir();
    const pty = await ptyPair(dir.path);
    const device = await serialDeviceEnd(pty.devicePath);
    const reader = simulatedReader(device);
    const transport = serialTransport(pty.hostPath, 115200);
    await transport.open();
    const cards: CardOutcome[] = [];
    const loop = startReaderLoop({
      transport,
      today: () => '2026-11-24',
      onCard: (c) => cards.push(c),
      onProblem: () => undefined,
      timings: { findEveryMs: 20, statusEveryMs: 200, responseTimeoutMs: 1000 },
    });
    try {
      reader.put(fixture('foreign-i'));
      const end = Date.now() + 5000;
      while (cards.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(cards[0]).toMatchObject({ outcome: 'ok', card: { cardType: 'foreign_permanent', nameEn: 'SMITH, JOHN' } });
      await new Promise((r) => setTimeout(r, 150));
      expect(reader.reads).toBe(1);
    } finally {
      await loop.stop();
      await transport.close();
      await device.close();
      pty.close();
      dir.remove();
    }
  });
});
