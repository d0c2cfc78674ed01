import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { idCheckChar } from '../../electron/domain/identity/id-number.js';
import { cipherOf } from './test-cipher.js';
import type { HostOptions } from '../../electron/host/host-api.js';
import { startTestHost, TEST_PIN, type TestHost } from './test-host.js';
import { tempDir } from './temp-dir.js';

/** A GB 11643 number with a valid check digit, born on `birth` (YYYYMMDD). */
export function idNumber(birth: string, seq = '123'): string {
  const first17 = `150102${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

export interface CaseHost extends TestHost {
  kiosk: string;
  /** Moves the host's clock (epoch ms). Staff sessions end after hours idle: sign in again after. */
  setNow(ms: number): void;
  /** A fresh staff session on the same terminal (after the clock moved on by days). */
  signInAgain(who: { token: string; staff: string }, staffNo: string): Promise<void>;
  /** Submits a pre-filled application at the kiosk; returns its case number and ticket. */
  submit(serviceCode: string, form: Record<string, unknown>, materials: string[]): Promise<{ caseNumber: string; ticket: string }>;
  /** A clerk signed in at an open window. */
  clerkAt(windowId: number, staffNo: string): Promise<{ token: string; staff: string; windowId: number }>;
  post(path: string, who: { token: string; staff?: string }, body: unknown): Promise<{ status: number; body: unknown; headers: Headers }>;
  get(path: string, who: { token: string; staff?: string }): Promise<{ status: number; body: unknown }>;
  /** The window documents' print jobs stored (not the kiosk's slips), their data opened. */
  jobs(): { id: number; kind: string; terminal_id: number; data: Record<string, unknown> }[];
  audit(action: string): { target: string; detail: string; actor: string }[];
  close(): Promise<void>;
}

/** A real host whose windows print into a folder, with a kiosk paired and a movable clock. */
export async function startCaseHost(start: number, options: Partial<HostOptions> = {}): Promise<CaseHost> {
  let now = start;
  const printed = tempDir('yizhan-cases-print-');
  const t = await startTestHost({ clock: () => now, defaultPrinter: { kind: 'folder', target: printed.path, media: '' }, ...options });
  const kiosk = await t.pair('kiosk');
  const db = new Database(join(t.dataDir, 'yizhan.sqlite'), { readonly: true });
  const cipher = cipherOf(t.dataDir);
  const post = (path: string, who: { token: string; staff?: string }, body: unknown) => t.request(path, { method: 'POST', ...who, body });
  return {
    ...t,
    kiosk,
    setNow: (ms) => void (now = ms),
    async submit(serviceCode, form, materials) {
      const r = await post('/api/applications', { token: kiosk }, { requestId: randomUUID(), serviceCode, form, materials });
      if (r.status !== 200) throw new Error(`submit: ${r.status} ${JSON.stringify(r.body)}`);
      const b = r.body as { application: { caseNumber: string }; ticket: { number: string } };
      return { caseNumber: b.application.caseNumber, ticket: b.ticket.number };
    },
    async clerkAt(windowId, staffNo) {
      const c = await t.clerk(staffNo);
      const opened = await post(`/api/windows/${windowId}/open`, c, {});
      if (opened.status !== 200) throw new Error(`open window: ${opened.status} ${JSON.stringify(opened.body)}`);
      return { ...c, windowId };
    },
    async signInAgain(who, staffNo) {
      const r = await post('/api/staff/sign-in', { token: who.token }, { staffNo, pin: TEST_PIN });
      const session = /yz_staff_[a-z]+=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
      if (r.status !== 200 || !session) throw new Error(`sign-in: ${r.status} ${JSON.stringify(r.body)}`);
      who.staff = session;
    },
    post,
    get: (path, who) => t.request(path, who),
    jobs: () =>
      (
        db.prepare(`SELECT id, kind, terminal_id, data_enc FROM print_jobs WHERE kind <> 'ticket_slip' ORDER BY id`).all() as {
          id: number;
          kind: string;
          terminal_id: number;
          data_enc: Buffer;
        }[]
      ).map(({ data_enc, ...j }) => ({ ...j, data: JSON.parse(cipher.open('print_jobs', 'data_enc', data_enc)) as Record<string, unknown> })),
    audit: (action) =>
      db.prepare(`SELECT target, detail, actor FROM audit_log WHERE action = ? ORDER BY id`).all(action) as { target: string; detail: string; actor: string }[],
    async close() {
      db.close();
      await t.stop();
      printed.remove();
    },
  };
}
