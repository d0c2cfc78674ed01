import { randomUUID } from 'node:crypto';
import type { HostOptions } from '../../electron/host/host-api.js';
import { idNumber, startCaseHost, type CaseHost } from './case-host.js';

/** Fast backoff and breaker, so an outage of seconds is ridden out in a test's time. */
export const QUICK_DELIVERY: NonNullable<HostOptions['backOffice']> = {
  policy: { baseMs: 50, maxMs: 1_500, maxAttempts: 1000 },
  breaker: { threshold: 3, coolDownMs: 200 },
  concurrency: 8,
  recheckMs: 300,
};

export interface BackOfficeHall extends CaseHost {
  desk: { token: string; staff: string; windowId: number };
  sup: { token: string; staff: string };
  link(system: 'household' | 'traffic' | 'exit_entry', baseUrl: string, timeoutMs?: number): Promise<void>;
  /** A licence renewal (traffic, on the spot) submitted at the kiosk; the submit's duration too. */
  renewal(n: number, applicant?: string): Promise<{ caseNumber: string; ms: number }>;
  accept(caseNumber: string): Promise<void>;
  complete(caseNumber: string): Promise<void>;
  /** The outbox rows (read-only), for what the hall thinks it delivered. */
  outbox(): { case_number: string; sequence: number; state: string; attempts: number }[];
}

/** A real host with a traffic clerk at window 3 and a signed-in supervisor. */
export async function startBackOfficeHall(now: number, options: Partial<HostOptions> = {}): Promise<BackOfficeHall> {
  const h = await startCaseHost(now, { backOffice: QUICK_DELIVERY, ...options });
  const clerk = await h.clerkAt(3, 'C301');
  const sup = await h.supervisor();
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(h.host.databasePath, { readonly: true });
  return {
    ...h,
    desk: clerk,
    sup,
    async link(system, baseUrl, timeoutMs = 2_000) {
      const r = await h.request(`/api/back-office/links/${system}`, { method: 'PUT', ...sup, body: { baseUrl, timeoutMs } });
      if (r.status !== 200) throw new Error(`link: ${r.status} ${JSON.stringify(r.body)}`);
    },
    async renewal(n, applicant = idNumber('19850312', String(100 + (n % 900)).padStart(3, '0'))) {
      const t0 = performance.now();
      const r = await h.post(
        '/api/applications',
        { token: h.kiosk },
        {
          requestId: randomUUID(),
          serviceCode: 'licence_renewal',
          form: { name: '测试甲', idNumber: applicant, phone: '13800138000' },
          materials: ['id_card', 'driving_licence'],
        },
      );
      const ms = performance.now() - t0;
      if (r.status !== 200) throw new Error(`submit: ${r.status} ${JSON.stringify(r.body)}`);
      return { caseNumber: (r.body as { application: { caseNumber: string } }).application.caseNumber, ms };
    },
    async accept(caseNumber) {
      const r = await h.post(`/api/cases/${caseNumber}/accept`, clerk, { windowId: 3, version: 0, received: ['id_card', 'driving_licence'] });
      if (r.status !== 200) throw new Error(`accept: ${r.status} ${JSON.stringify(r.body)}`);
    },
    async complete(caseNumber) {
      const r = await h.post(`/api/cases/${caseNumber}/complete`, clerk, { windowId: 3, version: 1 });
      if (r.status !== 200) throw new Error(`complete: ${r.status} ${JSON.stringify(r.body)}`);
    },
    outbox: () =>
      db.prepare(`SELECT case_number, sequence, state, attempts FROM back_office_outbox ORDER BY id`).all() as {
        case_number: string;
        sequence: number;
        state: string;
        attempts: number;
      }[],
    async close() {
      db.close();
      await h.close();
    },
  };
}

/** Polls until `check` holds (or throws after `ms`). */
export async function until<T>(what: string, read: () => Promise<T> | T, check: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: not reached within ${ms} ms (last: ${JSON.stringify(v).slice(0, 300)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
