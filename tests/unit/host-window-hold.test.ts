import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEvents, startTestHost, type TestHost } from '../support/test-host.js';

/**
 * A window belongs to the staff member who opened it: a colleague signed in on another clerk
 * terminal is refused every action on it, its state and its 笔谈, until they take it over, which
 * is explicit, allowed by role, audited, and ends the first clerk's hold.
 */
let t: TestHost;
let first: { token: string; staff: string };
let second: { token: string; staff: string };
beforeAll(async () => {
  t = await startTestHost();
  first = await t.clerk('C0001');
  second = await t.clerk('C0002');
  const kiosk = await t.pair('kiosk');
  for (const line of ['household', 'household']) expect((await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line } })).status).toBe(200);
  expect((await t.request('/api/windows/1/open', { method: 'POST', ...first })).status).toBe(200);
  expect((await t.request('/api/windows/1/call-next', { method: 'POST', ...first })).status).toBe(200);
});
afterAll(() => t.stop());

const ACTIONS = ['call-next', 'recall', 'start', 'finish', 'no-show', 'pause', 'resume', 'close', 'open'];

describe('a window is its holder’s', () => {
  it('refuses a colleague every action, the state, the applications and the 笔谈 of a window held by another', async () => {
    const refused: Record<string, number> = {};
    for (const a of ACTIONS) refused[a] = (await t.request(`/api/windows/1/${a}`, { method: 'POST', ...second })).status;
    refused['transfer'] = (await t.request('/api/windows/1/transfer', { method: 'POST', ...second, body: { toLine: 'traffic' } })).status;
    refused['state'] = (await t.request('/api/windows/1', second)).status;
    refused['applications'] = (await t.request('/api/windows/1/applications', second)).status;
    refused['conversation'] = (await t.request('/api/windows/1/conversation', second)).status;
    refused['say'] = (await t.request('/api/windows/1/conversation', { method: 'POST', ...second, body: { text: '你好', from: 'clerk' } })).status;
    expect(Object.values(refused).every((s) => s === 403)).toBe(true);
    const once = await t.request('/api/windows/1/call-next', { method: 'POST', ...second });
    expect(once.body).toMatchObject({ error: { code: 'window_held' } });
    // The holder is untouched and still serving.
    expect((await t.request('/api/windows/1', first)).body).toMatchObject({
      window: { status: 'open', staffName: 'Clerk C0001' },
      current: { status: 'called' },
    });
  });

  it('a colleague cannot follow the window’s 笔谈 on their socket either', async () => {
    const events = await openEvents(t.host.url, 'clerk', second.token);
    try {
      await events.next('hello');
      events.socket.send(JSON.stringify({ type: 'watch', window: 1 }));
      expect(await events.next('error')).toMatchObject({ code: 'forbidden' });
    } finally {
      events.socket.close();
    }
  });

  it('a clerk takes over only a paused window; the holder loses it at once; the log names both', async () => {
    const whileServing = await t.request('/api/windows/1/take-over', { method: 'POST', ...second });
    expect(whileServing.status).toBe(403);
    const holderEvents = await openEvents(t.host.url, 'clerk', first.token);
    await holderEvents.next('hello');
    holderEvents.socket.send(JSON.stringify({ type: 'watch', window: 1 }));
    expect(await holderEvents.next('watching')).toEqual({ type: 'watching', window: 1 });

    expect((await t.request('/api/windows/1/pause', { method: 'POST', ...first })).status).toBe(200);
    const taken = await t.request('/api/windows/1/take-over', { method: 'POST', ...second });
    expect(taken.body).toMatchObject({ window: { status: 'paused', staffName: 'Clerk C0002' } });
    // The former holder stops following the window's 笔谈 and is refused from now on.
    expect(await holderEvents.next('watching')).toEqual({ type: 'watching', window: null });
    holderEvents.socket.close();
    expect((await t.request('/api/windows/1/resume', { method: 'POST', ...first })).status).toBe(403);
    expect((await t.request('/api/windows/1/resume', { method: 'POST', ...second })).status).toBe(200);

    const sup = await t.supervisor();
    const audit = await t.request('/api/audit?limit=50', sup);
    const line = (audit.body as { entries: { action: string; actor: string; detail: string }[] }).entries.find((e) => e.action === 'window.take_over');
    expect(line).toMatchObject({ actor: expect.stringContaining('staff:C0002'), detail: expect.stringContaining('paused') });
  });

  it('a supervisor may take over a window in service (its clerk is called away)', async () => {
    const sup = await t.supervisor();
    const created = await t.request('/api/staff', { method: 'POST', ...sup, body: { staffNo: 'S0009', name: 'Supervisor S0009', role: 'supervisor' } });
    const code = (created.body as { enrollmentCode: string }).enrollmentCode;
    const pc = await t.pair('clerk');
    const enrolled = await t.request('/api/staff/enroll', { method: 'POST', token: pc, body: { staffNo: 'S0009', code, pin: '246810' } });
    const supervisor = { token: pc, staff: /yz_staff_[a-z]+=([^;]+)/.exec(enrolled.headers.get('set-cookie') ?? '')?.[1] ?? '' };
    expect((await t.request('/api/windows/1', second)).body).toMatchObject({ window: { status: 'open' } });
    const taken = await t.request('/api/windows/1/take-over', { method: 'POST', ...supervisor });
    expect(taken.body).toMatchObject({ window: { status: 'open', staffName: 'Supervisor S0009' } });
    expect((await t.request('/api/windows/1/call-next', { method: 'POST', ...second })).status).toBe(403);
  });
});
