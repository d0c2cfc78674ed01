import { afterEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../scripts/backoffice-sim/control.js';
import { startBackOfficeHall, until, type BackOfficeHall } from '../support/back-office-hall.js';
import { startSimProcess, type SimProcess } from '../support/backoffice-sim.js';

// Tuesday 29 September 2026, 10:00 in Asia/Shanghai.
const NOW = Date.UTC(2026, 8, 29, 2, 0, 0);

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});
async function sim(): Promise<SimProcess> {
  const s = await startSimProcess();
  open.push({ close: s.stop });
  return s;
}
async function hall(): Promise<BackOfficeHall> {
  const h = await startBackOfficeHall(NOW);
  open.push(h);
  return h;
}

/** Each case's messages as the back office received them, in arrival order. */
function byCase(ledger: Ledger): Map<string, { sequence: number; kind: string }[]> {
  const m = new Map<string, { sequence: number; kind: string }[]>();
  for (const e of ledger.entries) m.set(e.caseNumber, [...(m.get(e.caseNumber) ?? []), { sequence: e.sequence, kind: e.kind }]);
  return m;
}

describe('delivery to the back office through the outbox (real host, simulator process)', () => {
  it('500 cases accepted and completed while the traffic platform is down arrive once each, in order, after it returns', async () => {
    const s = await sim();
    const h = await hall();
    await s.mode({ mode: 'down' });
    await h.link('traffic', s.url);
    const cases: string[] = [];
    for (let i = 0; i < 500; i++) {
      const { caseNumber } = await h.renewal(i);
      await h.accept(caseNumber);
      await h.complete(caseNumber);
      cases.push(caseNumber);
    }
    const down = await until(
      'outage line',
      async () => (await h.get('/api/back-office/status', h.desk)).body as { links: { system: string; state: string; waiting: number }[] },
      (b) => b.links.some((l) => l.system === 'traffic' && l.state === 'unreachable'),
    );
    expect(down.links.find((l) => l.system === 'traffic')?.waiting).toBeGreaterThan(900);
    expect((await s.ledger()).entries).toHaveLength(0);

    await s.mode({ mode: 'up' });
    const ledger = await until(
      'all delivered',
      () => s.ledger(),
      (l) => l.entries.length >= 1000,
      90_000,
    );
    await new Promise((r) => setTimeout(r, 300));
    const final = await s.ledger();
    expect(final.entries).toHaveLength(1000);
    const arrived = byCase(ledger);
    expect([...arrived.keys()].sort()).toEqual([...cases].sort());
    for (const c of cases)
      expect(arrived.get(c)).toEqual([
        { sequence: 1, kind: 'submit' },
        { sequence: 2, kind: 'status' },
      ]);
    expect(h.outbox().every((r) => r.state === 'delivered')).toBe(true);
    const up = await until(
      'outage over',
      async () => (await h.get('/api/back-office/status', h.desk)).body as { links: { system: string; state: string; waiting: number }[] },
      (b) => b.links.some((l) => l.system === 'traffic' && l.state === 'up' && l.waiting === 0),
    );
    expect(up.links.find((l) => l.system === 'traffic')).toMatchObject({ since: null, dead: 0 });
  }, 240_000);

  it('a case whose connection dropped after the back office recorded it is delivered once, not twice', async () => {
    const s = await sim();
    const h = await hall();
    await h.link('traffic', s.url);
    await s.mode({ mode: 'drop_after_receive', count: 1, system: 'traffic', on: 'cases' });
    const { caseNumber } = await h.renewal(1);
    await h.accept(caseNumber);
    await until(
      'delivered',
      () => h.outbox(),
      (rows) => rows.length === 1 && rows[0]?.state === 'delivered',
    );
    const ledger = await s.ledger();
    expect(ledger.entries.map((e) => [e.caseNumber, e.sequence])).toEqual([[caseNumber, 1]]);
    expect(ledger.repeats).toBe(1);
    expect(h.outbox()[0]?.attempts).toBe(2);
  });

  it('answers 429 with Retry-After are waited out, and an answer sent twice does not confuse the worker', async () => {
    const s = await sim();
    const h = await hall();
    await h.link('traffic', s.url);
    await s.mode({ mode: 'error', status: 429, retryAfter: 1, count: 1, system: 'traffic', on: 'cases' });
    const t0 = Date.now();
    const a = await h.renewal(1);
    await h.accept(a.caseNumber);
    await until(
      'delivered after Retry-After',
      () => h.outbox(),
      (rows) => rows[0]?.state === 'delivered',
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1_000);
    await s.mode({ mode: 'answer_twice', system: 'traffic' });
    const b = await h.renewal(2);
    await h.accept(b.caseNumber);
    await h.complete(b.caseNumber);
    await until(
      'delivered',
      () => h.outbox(),
      (rows) => rows.length === 3 && rows.every((r) => r.state === 'delivered'),
    );
    expect(byCase(await s.ledger()).get(b.caseNumber)).toEqual([
      { sequence: 1, kind: 'submit' },
      { sequence: 2, kind: 'status' },
    ]);
  });
});
