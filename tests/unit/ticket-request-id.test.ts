import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../support/test-host.js';

/** A kiosk's plain ticket carries its own key: asked again (the answer was lost), no second ticket. */
const hosts: TestHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});

type Answer = { ticket: { id: number; number: string }; replayed: boolean };

describe('issueTicket with a requestId', () => {
  it('issues at most once per key, also when the repeat arrives while the first is in flight', async () => {
    const t = await startTestHost();
    hosts.push(t);
    const kiosk = await t.pair('kiosk');
    const requestId = randomUUID();
    const ask = () => t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'household', requestId } });
    const [a, b] = await Promise.all([ask(), ask()]);
    const c = await ask();
    const answers = [a, b, c].map((r) => r.body as Answer);
    expect([a, b, c].map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((x) => x.ticket.id)).size).toBe(1);
    expect(answers.map((x) => x.replayed).sort()).toEqual([false, true, true]);
    // Another key is another ticket; no key at all still works as before.
    const d = (await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'household', requestId: randomUUID() } })).body as Answer;
    const e = (await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'household' } })).body as Answer;
    expect(new Set([answers[0]?.ticket.number, d.ticket.number, e.ticket.number]).size).toBe(3);
    const state = (await t.request('/api/queue', { token: kiosk })).body as { waiting: Record<string, number> };
    expect(state.waiting['household']).toBe(3);
  });

  it("refuses another terminal's key and a key that is no UUID", async () => {
    const t = await startTestHost();
    hosts.push(t);
    const [k1, k2] = [await t.pair('kiosk'), await t.pair('kiosk')];
    const requestId = randomUUID();
    expect((await t.request('/api/tickets', { method: 'POST', token: k1, body: { line: 'traffic', requestId } })).status).toBe(200);
    expect((await t.request('/api/tickets', { method: 'POST', token: k2, body: { line: 'traffic', requestId } })).status).toBe(409);
    expect((await t.request('/api/tickets', { method: 'POST', token: k1, body: { line: 'traffic', requestId: 'again' } })).status).toBe(400);
  });
});
