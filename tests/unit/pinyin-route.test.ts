import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../support/test-host.js';

// The kiosk asks the host for the pinyin proposal: the renderer does not bundle the dictionary.
describe('POST /api/pinyin', () => {
  let t: TestHost;
  let kiosk: string;
  const logs: string[] = [];
  const propose = (body: unknown, token = kiosk) => t.request('/api/pinyin', { method: 'POST', token, body });

  beforeAll(async () => {
    t = await startTestHost({ log: (l) => logs.push(l) });
    kiosk = await t.pair('kiosk');
  });
  afterAll(() => t.stop());

  it.each([
    ['单雄信', 'SHAN', 'XIONGXIN'],
    ['曾国藩', 'ZENG', 'GUOFAN'],
    ['欧阳修', 'OUYANG', 'XIU'],
    ['吕布', 'LYU', 'BU'],
    ['张三丰', 'ZHANG', 'SANFENG'],
    [' 李 白 ', 'LI', 'BAI'],
  ])('%s → %s / %s', async (name, surname, givenName) => {
    const res = await propose({ name });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ surname, givenName });
  });

  it('serves booths too, and no other terminal or unpaired caller', async () => {
    expect((await propose({ name: '单雄信' }, await t.pair('booth'))).status).toBe(200);
    expect((await propose({ name: '单雄信' }, await t.pair('display'))).status).toBe(403);
    expect((await t.request('/api/pinyin', { method: 'POST', body: { name: '单雄信' } })).status).toBe(401);
  });

  it.each([['Zhang San'], ['12345'], ['张san'], ['']])('refuses %j with 400 and a clear message', async (name) => {
    const res = await propose({ name });
    expect(res.status).toBe(400);
    const body = res.body as { error: { code: string; message: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.issues[0]?.path).toBe('body.name');
    if (name !== '') expect(body.error.message).toMatch(/Chinese characters/);
  });

  it('refuses a name over 40 characters and other fields', async () => {
    expect((await propose({ name: '张'.repeat(41) })).status).toBe(400);
    expect((await propose({ name: '张三', idNumber: 'x' })).status).toBe(400);
  });

  it('is a POST: the name is never in a URL, and never in the log', async () => {
    expect((await t.request('/api/pinyin?name=单雄信', { token: kiosk })).status).toBe(404);
    await propose({ name: '单雄信' });
    expect(logs.join('\n')).not.toContain('单雄信');
  });
});
