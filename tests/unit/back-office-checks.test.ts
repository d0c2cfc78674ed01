import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { PEOPLE } from '../../scripts/backoffice-sim/data.js';
import { QUICK_DELIVERY, startBackOfficeHall, until, type BackOfficeHall } from '../support/back-office-hall.js';
import { startSimProcess, type SimProcess } from '../support/backoffice-sim.js';

const NOW = Date.UTC(2026, 8, 29, 2, 0, 0);
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});
async function sim(args: string[] = []): Promise<SimProcess> {
  const s = await startSimProcess(args);
  open.push({ close: s.stop });
  return s;
}
async function hall(options: Parameters<typeof startBackOfficeHall>[1] = {}): Promise<BackOfficeHall> {
  const h = await startBackOfficeHall(NOW, options);
  open.push(h);
  return h;
}
type Material = { code: string; verification: string | null };
const checkOf = async (h: BackOfficeHall, caseNumber: string) =>
  ((await h.get(`/api/cases/${caseNumber}`, h.desk)).body as { case: { materials: Material[] } }).case.materials.find(
    (m) => m.code === 'medical_certificate_online',
  )?.verification;

describe('online checks (数据跑路) and the back office seen from the hall', () => {
  it('shows the clerk what the traffic platform found, and retries a check that could not be asked until it is answered', async () => {
    const s = await sim();
    const h = await hall();
    await h.link('traffic', s.url);
    const found = await h.renewal(1, PEOPLE.complete);
    expect(await checkOf(h, found.caseNumber)).toBe('verified');
    const notFound = await h.renewal(2, PEOPLE.suspended);
    expect(await checkOf(h, notFound.caseNumber)).toBe('not_verified');

    await s.mode({ mode: 'error', status: 503, on: 'query' });
    const later = await h.renewal(3, PEOPLE.complete);
    expect(await checkOf(h, later.caseNumber)).toBe('pending');
    await s.mode({ mode: 'up' });
    await until(
      'retried to success',
      () => checkOf(h, later.caseNumber),
      (v) => v === 'verified',
      10_000,
    );
  });

  it('a back office answering in 10 s slows neither ticket issuance nor the kiosk, which moves on after its limit', async () => {
    const s = await sim();
    const h = await hall();
    await h.link('traffic', s.url, 15_000);
    const limit = await h.request('/api/back-office/verify-limit', { method: 'PUT', ...h.sup, body: { verifyLimitMs: 1_000 } });
    expect(limit.body).toMatchObject({ verifyLimitMs: 1_000 });
    await s.mode({ mode: 'slow', ms: 10_000 });

    // Deliveries pile up behind the slow platform …
    for (let i = 0; i < 5; i++) {
      const { caseNumber } = await h.renewal(i);
      await h.accept(caseNumber);
    }
    // … while the kiosk's journey waits at most its limit, and tickets come at once.
    const { caseNumber, ms } = await h.renewal(9, PEOPLE.complete);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(2_500);
    expect(await checkOf(h, caseNumber)).toBe('pending');
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const r = await h.post('/api/tickets', { token: h.kiosk }, { line: 'traffic' });
      times.push(performance.now() - t0);
      expect(r.status).toBe(200);
    }
    expect(Math.max(...times)).toBeLessThan(500);
    expect(h.outbox().filter((r) => r.state === 'sending').length).toBeGreaterThan(0);
  }, 60_000);

  it('dead-letters after the set attempts; a supervisor sees it, retries one and cancels another (audited); a clerk may not', async () => {
    const s = await sim();
    const h = await hall({ backOffice: { ...QUICK_DELIVERY, policy: { baseMs: 20, maxMs: 50, maxAttempts: 2 } } });
    await h.link('traffic', s.url);
    await s.mode({ mode: 'error', status: 500, on: 'cases' });
    const a = await h.renewal(1);
    await h.accept(a.caseNumber);
    await h.complete(a.caseNumber);
    const b = await h.renewal(2);
    await h.accept(b.caseNumber);
    const dead = await until(
      'two dead letters',
      async () =>
        (await h.get('/api/back-office/dead-letters', h.sup)).body as {
          deadLetters: { id: number; caseNumber: string; lastError: string; attempts: number }[];
        },
      (d) => d.deadLetters.length === 2,
    );
    expect(dead.deadLetters[0]).toMatchObject({ caseNumber: a.caseNumber, kind: 'submit', attempts: 2, lastError: 'HTTP 500' });
    // The dead submit holds its case's status change back: the order stays right.
    expect(
      h
        .outbox()
        .filter((r) => r.case_number === a.caseNumber)
        .map((r) => r.state),
    ).toEqual(['dead', 'pending']);
    expect((await h.get('/api/back-office/dead-letters', h.desk)).status).toBe(403);
    expect((await h.post(`/api/back-office/dead-letters/${dead.deadLetters[0]?.id}/retry`, h.desk, {})).status).toBe(403);

    await s.mode({ mode: 'up' });
    const [first, second] = dead.deadLetters;
    const retried = await h.post(`/api/back-office/dead-letters/${first?.id}/retry`, h.sup, {});
    expect(retried.status).toBe(200);
    expect((await h.post(`/api/back-office/dead-letters/${second?.id}/cancel`, h.sup, {})).body).toEqual({ deadLetters: [] });
    expect((await h.post(`/api/back-office/dead-letters/${second?.id}/cancel`, h.sup, {})).status).toBe(409);
    await until(
      'retried and sent in order',
      () => s.ledger(),
      (l) => l.entries.length === 2,
    );
    expect((await s.ledger()).entries.map((e) => [e.caseNumber, e.sequence])).toEqual([
      [a.caseNumber, 1],
      [a.caseNumber, 2],
    ]);
    expect(h.audit('back_office.retry')).toMatchObject([{ target: a.caseNumber, detail: 'traffic submit #1' }]);
    expect(h.audit('back_office.cancel')).toMatchObject([{ target: b.caseNumber }]);
  });

  it('keeps the credential sealed: used on the wire, never shown back, logged or audited', async () => {
    const secret = 'top-secret-credential-42';
    const s = await sim(['--credential', secret]);
    const logged: string[] = [];
    const h = await hall({ log: (l) => void logged.push(l) });
    const put = await h.request('/api/back-office/links/traffic', { method: 'PUT', ...h.sup, body: { baseUrl: s.url, timeoutMs: 2_000, credential: secret } });
    expect(put.status).toBe(200);
    expect(JSON.stringify(put.body)).not.toContain(secret);
    expect((put.body as { links: unknown[] }).links).toContainEqual({ system: 'traffic', baseUrl: s.url, timeoutMs: 2_000, credentialSet: true });
    const { caseNumber } = await h.renewal(1, PEOPLE.complete);
    expect(await checkOf(h, caseNumber)).toBe('verified');
    await h.accept(caseNumber);
    await until(
      'delivered with the credential',
      () => s.ledger(),
      (l) => l.entries.length === 1,
    );

    // Keeping the URL without sending the credential again keeps it.
    const kept = await h.request('/api/back-office/links/traffic', { method: 'PUT', ...h.sup, body: { baseUrl: s.url, timeoutMs: 3_000 } });
    expect((kept.body as { links: { system: string; credentialSet: boolean }[] }).links.find((l) => l.system === 'traffic')?.credentialSet).toBe(true);
    expect((await h.get('/api/back-office/settings', h.desk)).status).toBe(403);
    const bad = await h.request('/api/back-office/links/traffic', { method: 'PUT', ...h.sup, body: { baseUrl: 'ftp://x', timeoutMs: 1 } });
    expect(bad.status).toBe(400);

    expect(JSON.stringify(h.audit('back_office.link'))).not.toContain(secret);
    expect(h.audit('back_office.link')).toHaveLength(2);
    expect(logged.join('\n')).not.toContain(secret);
    const raw = new Database(h.host.databasePath, { readonly: true });
    const row = raw.prepare(`SELECT credential_enc FROM back_office_links WHERE system = 'traffic'`).get() as { credential_enc: Buffer };
    raw.close();
    expect(row.credential_enc.toString('latin1')).not.toContain(secret);
  });
});
