import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEvents, startTestHost, type TestHost } from '../support/test-host.js';

/**
 * One socket per page: a clerk console or counter screen follows a window's 笔谈 by a `watch`
 * message on its open socket, not by a second socket.
 */
describe('watching a window on the page socket', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => t.stop());

  it('a display that watches window 1 gets its 笔谈, one that watches nothing or window 2 does not', async () => {
    const clerk = await t.clerk();
    const display = await t.pair('display');
    const watching = await openEvents(t.host.url, 'display', display);
    const other = await openEvents(t.host.url, 'display', display);
    const idle = await openEvents(t.host.url, 'display', display);
    try {
      await Promise.all([watching.next('hello'), other.next('hello'), idle.next('hello')]);
      watching.socket.send(JSON.stringify({ type: 'watch', window: 1 }));
      other.socket.send(JSON.stringify({ type: 'watch', window: 2 }));
      expect(await watching.next('watching')).toEqual({ type: 'watching', window: 1 });
      expect(await other.next('watching')).toEqual({ type: 'watching', window: 2 });

      const opened = await t.request('/api/windows/1/open', { method: 'POST', token: clerk.token, staff: clerk.staff });
      expect(opened.status).toBe(200);
      const sent = await t.request('/api/windows/1/conversation', {
        method: 'POST',
        token: clerk.token,
        staff: clerk.staff,
        body: { text: '请出示身份证', from: 'clerk' },
      });
      expect(sent.status).toBe(200);
      const pushed = (await watching.next('conversation.message')) as { windowId: number; message: { text: string } };
      expect(pushed.windowId).toBe(1);
      expect(pushed.message.text).toBe('请出示身份证');

      // Unwatching stops the pushes.
      watching.socket.send(JSON.stringify({ type: 'watch', window: null }));
      expect(await watching.next('watching')).toEqual({ type: 'watching', window: null });
      await t.request('/api/windows/1/conversation', { method: 'POST', token: clerk.token, staff: clerk.staff, body: { text: '第二句', from: 'clerk' } });
      await new Promise((r) => setTimeout(r, 300));
      for (const s of [watching, other, idle]) expect(s.messages.filter((m) => (m as { type: string }).type === 'conversation.message')).toEqual([]);
    } finally {
      for (const s of [watching, other, idle]) s.socket.close();
    }
  });

  it('a kiosk may not follow a window, and a malformed watch is answered, not fatal', async () => {
    const kiosk = await t.pair('kiosk');
    const events = await openEvents(t.host.url, 'kiosk', kiosk);
    try {
      await events.next('hello');
      events.socket.send(JSON.stringify({ type: 'watch', window: 1 }));
      expect(await events.next('error')).toMatchObject({ code: 'forbidden' });
      events.socket.send(JSON.stringify({ type: 'watch', window: 'one' }));
      expect(await events.next('error')).toMatchObject({ code: 'bad_message' });
      events.socket.send(JSON.stringify({ type: 'ping', nonce: 'still-here' }));
      expect(await events.next('pong')).toEqual({ type: 'pong', nonce: 'still-here' });
    } finally {
      events.socket.close();
    }
  });
});
