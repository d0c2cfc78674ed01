import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { renderDocument } from '../../electron/host/printing/documents/index.js';
import { DocumentRequestSchema } from '../../electron/host/printing/documents/types.js';
import { fieldCipher } from '../../db/field-cipher.js';
import { keyringOf, parseKeyFile } from '../../electron/host/keys/key-file.js';
import { defaultKeyFile } from '../../electron/host/keys/key-store.js';
import { readFileSync } from 'node:fs';
import { redeemLink, startHubProcess, type HubProcess } from '../lib/hub-process.js';
import { percentile } from './machine.js';

const SAMPLES = 30;
const RENDERS = 30;
const PIN = '246810';
const ID_NUMBER = '150102198506150311';

type Json = Record<string, unknown>;

async function call(
  hub: HubProcess,
  path: string,
  token: string,
  body?: unknown,
  staff?: string,
  method = 'POST',
): Promise<{ status: number; json: Json; headers: Headers }> {
  const res = await fetch(`${hub.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(staff ? { 'x-yizhan-staff': staff } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Json, headers: res.headers };
}

const session = (h: Headers) => /yz_staff_[a-z]+=([^;]+)/.exec(h.get('set-cookie') ?? '')?.[1] ?? '';

async function pair(hub: HubProcess, admin: string, role: string): Promise<string> {
  const r = await call(hub, '/api/pairing-codes', admin, { role, name: `bench ${role}` });
  return redeemLink(`${hub.url}/pair?code=${String(r.json['code'])}&role=${role}`);
}

/** A clerk signed in at window 1 of a fresh hub printing to CUPS, and a kiosk to apply with. */
async function setUp(hub: HubProcess): Promise<{ kiosk: string; clerk: { token: string; staff: string } }> {
  const admin = await redeemLink(hub.links.admin ?? '');
  const sup = await call(hub, '/api/staff/setup', admin, { setupCode: hub.setupCode, staffNo: 'S001', name: '管理员', pin: '135790' });
  const created = await call(hub, '/api/staff', admin, { staffNo: 'C901', name: '压测警官', role: 'clerk' }, session(sup.headers));
  const clerkToken = await pair(hub, admin, 'clerk');
  const enrolled = await call(hub, '/api/staff/enroll', clerkToken, { staffNo: 'C901', code: created.json['enrollmentCode'], pin: PIN });
  const clerk = { token: clerkToken, staff: session(enrolled.headers) };
  const opened = await call(hub, '/api/windows/1/open', clerk.token, {}, clerk.staff);
  if (opened.status !== 200) throw new Error(`open window: ${JSON.stringify(opened.json)}`);
  return { kiosk: await pair(hub, admin, 'kiosk'), clerk };
}

/**
 * The accept action with its document: from the clerk's request to the receipt's job handed to
 * CUPS (`lp` answered with its job id, read from the hub's database), one case at a time with the
 * print queue idle in between; against rendering the same receipt alone, in this process, in the
 * same run. Needs the CUPS queue "PDF" (cups-pdf); without it the section says so.
 */
export async function caseAcceptSection(): Promise<string> {
  if (spawnSync('lpstat', ['-p', 'PDF']).status !== 0) return '\n## Case acceptance with its receipt\n\nSkipped: no CUPS queue "PDF" on this machine.\n';
  const hub = await startHubProcess({ args: ['--printer', 'cups:PDF'] });
  const db = new Database(join(hub.dataDir, 'yizhan.sqlite'), { readonly: true });
  const job = db.prepare<[], { id: number; state: string; external_id: string | null; data_enc: Buffer }>(
    `SELECT id, state, external_id, data_enc FROM print_jobs WHERE kind = 'acceptance_receipt' ORDER BY id DESC LIMIT 1`,
  );
  const pending = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM print_jobs WHERE state NOT IN ('completed', 'failed')`);
  const idle = async () => {
    while ((pending.get()?.n ?? 0) > 0) await new Promise((res) => setTimeout(res, 20));
  };
  const answered: number[] = [];
  const handed: number[] = [];
  let lastJob: { data_enc: Buffer } | undefined;
  try {
    const { kiosk, clerk } = await setUp(hub);
    for (let i = 0; i < SAMPLES + 3; i++) {
      const submitted = await call(hub, '/api/applications', kiosk, {
        requestId: randomUUID(),
        serviceCode: 'household_certificate',
        form: { name: '单文杰', idNumber: ID_NUMBER, phone: '13800138000', purpose: 'employment' },
        materials: ['id_card'],
      });
      const caseNumber = String((submitted.json['application'] as Json)['caseNumber']);
      // The kiosk's slip printed first: the receipt does not queue behind it.
      await idle();
      const t0 = performance.now();
      const r = await call(hub, `/api/cases/${caseNumber}/accept`, clerk.token, { windowId: 1, version: 0, received: ['id_card'] }, clerk.staff);
      const t1 = performance.now();
      if (r.status !== 200) throw new Error(`accept: ${r.status} ${JSON.stringify(r.json)}`);
      const printed = ((r.json['printed'] as { jobId: number }[])[0] ?? { jobId: 0 }).jobId;
      let row = job.get();
      while (!(row?.id === printed && row.external_id)) {
        await new Promise((res) => setTimeout(res, 1));
        row = job.get();
      }
      const t2 = performance.now();
      // Three warm-up cases (the hub's first PDF parses the font), then the measured ones.
      if (i >= 3) {
        answered.push(t1 - t0);
        handed.push(t2 - t0);
      }
      lastJob = row;
      // The queue idle again before the next case: each sample is one case alone.
      await idle();
    }
  } finally {
    db.close();
    await hub.stop();
  }
  // The same receipt, rendered alone here (its data as the hub stored it).
  const keyPath = defaultKeyFile(hub.dataDir);
  const cipher = fieldCipher(keyringOf(parseKeyFile(readFileSync(keyPath, 'utf8'), keyPath)));
  const data = JSON.parse(cipher.open('print_jobs', 'data_enc', lastJob?.data_enc ?? Buffer.alloc(0))) as unknown;
  hub.removeDataDir();
  const req = DocumentRequestSchema.parse({ kind: 'acceptance_receipt', data });
  const renders: number[] = [];
  await renderDocument(req);
  for (let i = 0; i < RENDERS; i++) {
    const s = performance.now();
    await renderDocument(req);
    renders.push(performance.now() - s);
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const [a, h, rd] = [sorted(answered), sorted(handed), sorted(renders)];
  const ms = (xs: number[], p: number) => percentile(xs, p).toFixed(1);
  process.stderr.write(`case accept: handed to CUPS p50 ${ms(h, 50)} ms, render alone p50 ${ms(rd, 50)} ms\n`);
  return `
## Case acceptance with its receipt (request → job handed to CUPS)

Method: the built hub in its own process, printing to the CUPS queue "PDF" (cups-pdf). For each of
${SAMPLES} cases (after 3 warm-up cases) a kiosk submits an application, and the clerk's
\`POST /api/cases/:case/accept\` is timed from the request until the receipt's print job holds CUPS's
job id (\`lp\` answered; read from the hub's database, polled every millisecond); the queue is idle
before each accept (the kiosk's slip printed). The answer to the request comes first: the step, its audit line and the job are
one durable commit; rendering and \`lp\` follow in the print worker. Baseline, in the same run: the
same receipt rendered alone in the benchmark process (${RENDERS} renders after a warm-up).

| measure | p50 ms | p95 ms |
| --- | --- | --- |
| accept answered (step + audit + job, one commit) | ${ms(a, 50)} | ${ms(a, 95)} |
| accept → receipt handed to CUPS | ${ms(h, 50)} | ${ms(h, 95)} |
| receipt rendered alone | ${ms(rd, 50)} | ${ms(rd, 95)} |
`;
}
