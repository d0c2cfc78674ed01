import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CardFixtureSchema } from '../../electron/domain/devices/card-fixture.js';
import { startReaderLoop, type CardOutcome, type ReaderLoop } from '../../electron/host/devices/id-reader-loop.js';
import { fakeLink, type Chunking } from '../../electron/host/devices/simulator/fake-link.js';
import { simulatedReader } from '../../electron/host/devices/simulator/sim-reader.js';

const fixture = (name: string) =>
  CardFixtureSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../scripts/sim/fixtures', `${name}.json`), 'utf8')));
const FAST = { findEveryMs: 10, statusEveryMs: 50, responseTimeoutMs: 300, backoffBaseMs: 10, backoffMaxMs: 40, absentPolls: 2 };
const loops: ReaderLoop[] = [];
afterEach(async () => {
  for (const l of loops.splice(0)) await l.stop();
});

async function setup(chunking: Chunking = 'serial') {
  const link = fakeLink('sim', chunking);
  const reader = simulatedReader(link.device);
  await link.host.open();
  const cards: CardOutcome[] = [];
  const problems: (string | null)[] = [];
  const loop = startReaderLoop({
    transport: link.host,
    today: () => '2026-11-24',
    onCard: (c) => cards.push(c),
    onProblem: (p) => problems.push(p ? `${p.failure}:${p.detail}` : null),
    timings: FAST,
  });
  loops.push(loop);
  return { link, reader, cards, problems, loop };
}

const until = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ID reader polling loop against the simulated reader', () => {
  it.each(['serial', 'usb64'] as const)('reads a card once, and again after it was taken away and put back (%s chunks)', async (chunking) => {
    const { reader, cards } = await setup(chunking);
    reader.put(fixture('resident'));
    await until(() => cards.length === 1);
    expect(cards[0]).toMatchObject({ outcome: 'ok', card: { name: '张晓明', idNumber: '11010519491231002X' } });
    expect((cards[0] as { photo: Uint8Array }).photo.length).toBe(1024);
    // The card stays on the reader: many find cycles, no second read.
    await settle(150);
    expect(cards).toHaveLength(1);
    expect(reader.reads).toBe(1);
    reader.remove();
    await settle(80);
    reader.put(fixture('resident'));
    await until(() => cards.filter((c) => c.outcome === 'ok').length === 2);
    expect(reader.reads).toBe(2);
  });

  it('reports each failing card with its own status', async () => {
    const { reader, cards } = await setup();
    for (const [name, failure, detail] of [
      ['expired', 'card_expired', 'validUntil'],
      ['bad-check-digit', 'card_invalid', 'bad_id_number.idNumber'],
      ['unknown-type', 'card_invalid', 'unknown_card_type.cardType'],
      ['bad-date', 'card_invalid', 'bad_date.birthDate'],
    ] as const) {
      reader.put(fixture(name));
      await until(() => cards.length > 0);
      const got = cards.shift();
      expect(got).toMatchObject({ outcome: 'failed', failure, detail });
      // Only an expired card keeps its text (a renewal needs it); a card that fails its checks does not.
      const kept = got?.outcome === 'failed' ? got.expired?.card.idNumber : undefined;
      expect(kept).toBe(failure === 'card_expired' ? '110102198003150048' : undefined);
      reader.remove();
      await settle(60);
    }
    reader.setFault('read_failure', true);
    reader.put(fixture('resident'));
    await until(() => cards.length > 0);
    expect(cards.shift()).toEqual({ outcome: 'failed', failure: 'card_unreadable', detail: 'read_failed' });
  });

  it('backs off on SAM failure, checksum errors and silence, and recovers', async () => {
    const { reader, cards, problems } = await setup();
    reader.setFault('sam_failure', true);
    await until(() => problems.includes('sam_error:sam_self_test_failed'));
    reader.setFault('sam_failure', false);
    reader.setFault('bad_checksum', true);
    await until(() => problems.some((p) => p === 'reader_error:bad_checksum'));
    reader.setFault('bad_checksum', false);
    reader.setFault('silence', true);
    await until(() => problems.some((p) => p === 'reader_error:timeout'), 2000);
    const during = reader.commandsReceived;
    await settle(100);
    // Backoff: far fewer commands than the 10 ms find interval would send.
    expect(reader.commandsReceived - during).toBeLessThan(6);
    reader.setFault('silence', false);
    reader.setFault('truncated', true);
    await until(() => problems.some((p) => p === 'reader_error:truncated'), 2000);
    reader.setFault('truncated', false);
    reader.setFault('oversized', true);
    await until(() => problems.some((p) => p === 'reader_error:bad_length'), 2000);
    reader.setFault('oversized', false);
    reader.setFault('garbage', true);
    reader.put(fixture('hmt-j'));
    await until(() => cards.length === 1);
    expect(cards[0]).toMatchObject({ outcome: 'ok', card: { cardType: 'hmt_residence' } });
    expect(problems.at(-1)).toBeNull();
  });

  it('ends when the reader is unplugged', async () => {
    const { link, loop } = await setup();
    await settle(30);
    link.device.unplug();
    await expect(loop.done).resolves.toBeUndefined();
  });
});
