import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { PEOPLE } from '../../scripts/backoffice-sim/data.js';
import { validateIdNumber } from '../../electron/domain/identity/id-number.js';
import { startSimProcess, type SimProcess } from '../support/backoffice-sim.js';

const sims: SimProcess[] = [];
afterEach(async () => {
  for (const s of sims.splice(0)) await s.stop();
});
async function sim(args: string[] = []): Promise<SimProcess> {
  const s = await startSimProcess(args);
  sims.push(s);
  return s;
}

const message = (caseNumber: string, sequence: number) => ({ caseNumber, sequence, kind: 'submit', serviceCode: 'hukou_transfer', status: 'accepted', at: 1 });
async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: r.status, headers: r.headers, body: (await r.json()) as Record<string, unknown> };
}

describe('the back-office simulator (its own process)', () => {
  it('ships fake people whose ID numbers pass the hall’s validation, and answers queries per system', async () => {
    for (const id of Object.values(PEOPLE)) expect(validateIdNumber(id)).toMatchObject({ ok: true });
    const s = await sim();
    expect((await post(`${s.url}/household/query`, { idNumber: PEOPLE.complete })).body).toMatchObject({ found: true, record: { residenceRegistered: true } });
    expect((await post(`${s.url}/traffic/query`, { idNumber: PEOPLE.suspended })).body).toMatchObject({
      found: true,
      record: { licence: { status: 'suspended', points: 12 } },
    });
    expect((await post(`${s.url}/exit-entry/query`, { idNumber: PEOPLE.unknown })).body).toEqual({ found: false, record: null });
    expect((await post(`${s.url}/household/query`, { nope: 1 })).status).toBe(400);
  });

  it('records a case once per Idempotency-Key and gives the same answer to a repeat', async () => {
    const s = await sim();
    const first = await post(`${s.url}/traffic/cases`, message('C1', 1), { 'idempotency-key': 'key-0001-a' });
    const again = await post(`${s.url}/traffic/cases`, message('C1', 1), { 'idempotency-key': 'key-0001-a' });
    expect(first.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await post(`${s.url}/traffic/cases`, message('C1', 2), {})).status).toBe(400);
    const ledger = await s.ledger();
    expect(ledger.entries).toMatchObject([{ system: 'traffic', caseNumber: 'C1', sequence: 1, key: 'key-0001-a' }]);
    expect(ledger).toMatchObject({ requests: 2, repeats: 1 });
  });

  it('requires the credential when started with one', async () => {
    const s = await sim(['--credential', 'secret-token']);
    expect((await post(`${s.url}/household/query`, { idNumber: PEOPLE.complete })).status).toBe(401);
    expect((await post(`${s.url}/household/query`, { idNumber: PEOPLE.complete }, { authorization: 'Bearer secret-token' })).status).toBe(200);
  });

  it('goes down, answers 429 with Retry-After, is slow, and comes back after `count` requests', async () => {
    const s = await sim();
    await s.mode({ mode: 'down' });
    await expect(post(`${s.url}/household/query`, { idNumber: PEOPLE.complete })).rejects.toThrow();
    await s.mode({ mode: 'error', status: 429, retryAfter: 7, count: 1 });
    const limited = await post(`${s.url}/household/query`, { idNumber: PEOPLE.complete });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    expect((await post(`${s.url}/household/query`, { idNumber: PEOPLE.complete })).status).toBe(200);
    await s.mode({ mode: 'slow', ms: 300, system: 'traffic' });
    const t0 = Date.now();
    await post(`${s.url}/traffic/query`, { idNumber: PEOPLE.complete });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    const t1 = Date.now();
    await post(`${s.url}/household/query`, { idNumber: PEOPLE.complete });
    expect(Date.now() - t1).toBeLessThan(290);
  });

  it('drops the connection after recording a case, and never answers in timeout mode', async () => {
    const s = await sim();
    await s.mode({ mode: 'drop_after_receive', count: 1 });
    await expect(post(`${s.url}/exit-entry/cases`, message('C2', 1), { 'idempotency-key': 'key-0002-a' })).rejects.toThrow();
    expect((await s.ledger()).entries).toMatchObject([{ caseNumber: 'C2' }]);
    const retried = await post(`${s.url}/exit-entry/cases`, message('C2', 1), { 'idempotency-key': 'key-0002-a' });
    expect(retried.status).toBe(200);
    expect((await s.ledger()).entries).toHaveLength(1);

    await s.mode({ mode: 'timeout' });
    const ac = new AbortController();
    const pending = fetch(`${s.url}/household/query`, { method: 'POST', body: JSON.stringify({ idNumber: PEOPLE.complete }), signal: ac.signal });
    const raced = await Promise.race([pending.then(() => 'answered'), new Promise((r) => setTimeout(() => r('waiting'), 400))]);
    ac.abort();
    await pending.catch(() => {});
    expect(raced).toBe('waiting');
  });

  it('answers twice on one connection in answer_twice mode', async () => {
    const s = await sim();
    await s.mode({ mode: 'answer_twice' });
    const raw = await new Promise<string>((resolve, reject) => {
      const u = new URL(`${s.url}/household/query`);
      const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json' } });
      let text = '';
      req.on('socket', (sock) => {
        sock.on('data', (c: Buffer) => void (text += c.toString()));
        sock.on('close', () => resolve(text));
        setTimeout(() => sock.destroy(), 400);
      });
      req.on('error', (e) => (text ? resolve(text) : reject(e)));
      req.end(JSON.stringify({ idNumber: PEOPLE.complete }));
    });
    expect(raw.match(/HTTP\/1\.1 200/g)).toHaveLength(2);
  });
});
