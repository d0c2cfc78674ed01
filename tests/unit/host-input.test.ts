import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../support/test-host.js';

let t: TestHost;
let kiosk: string;
beforeAll(async () => {
  t = await startTestHost();
  kiosk = await t.pair('kiosk');
});
afterAll(() => t.stop());

describe('malformed requests get a 4xx with a clear body, never a 500', () => {
  const cases: { name: string; body?: unknown; headers?: Record<string, string>; status: number; code: string }[] = [
    { name: 'unknown business line', body: { line: 'casino' }, status: 400, code: 'bad_request' },
    { name: 'missing field', body: {}, status: 400, code: 'bad_request' },
    { name: 'extra field', body: { line: 'household', admin: true }, status: 400, code: 'bad_request' },
    { name: 'wrong type', body: { line: 7 }, status: 400, code: 'bad_request' },
    { name: 'array body', body: [1, 2], status: 400, code: 'bad_request' },
    { name: 'null body', body: 'null', status: 400, code: 'bad_request' },
    { name: 'broken JSON', body: '{"line": ', status: 400, code: 'bad_request' },
    {
      name: 'form encoding',
      body: 'line=household',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      status: 415,
      code: 'unsupported_media_type',
    },
    { name: 'oversized body', body: JSON.stringify({ line: 'x'.repeat(100_000) }), status: 413, code: 'payload_too_large' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const res = await t.request('/api/tickets', { method: 'POST', token: kiosk, body: c.body, ...(c.headers ? { headers: c.headers } : {}) });
      expect(res.status).toBe(c.status);
      expect(res.body).toMatchObject({ error: { code: c.code, message: expect.any(String) } });
    });
  }

  it('a bad path parameter', async () => {
    const clerk = await t.clerk();
    for (const id of ['abc', '-1', '0', '1.5', '99999999999999999999']) {
      const res = await t.request(`/api/windows/${id}/call-next`, { method: 'POST', ...clerk });
      expect({ id, status: res.status }).toEqual({ id, status: 400 });
    }
    const missing = await t.request('/api/windows/999/call-next', { method: 'POST', ...clerk });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('an unexpected query parameter', async () => {
    const res = await t.request('/api/queue?drop=1', { token: kiosk });
    expect(res.status).toBe(400);
  });

  it('an unknown API route is a JSON 404', async () => {
    const res = await t.request('/api/nothing-here', { token: kiosk });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('still serves after all that', async () => {
    const res = await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'traffic' } });
    expect(res.status).toBe(200);
  });
});

describe('DNS rebinding and cross-site requests', () => {
  it('refuses a foreign Host name', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(t.host.url);
      const req = request({ host: url.hostname, port: url.port, path: '/api/health', headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('refuses a state-changing request from another origin', async () => {
    const res = await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'household' }, headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
    const same = await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'household' }, headers: { origin: t.host.url } });
    expect(same.status).toBe(200);
  });

  it('sends a strict Content-Security-Policy and no-store on the API', async () => {
    const res = await t.request('/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
