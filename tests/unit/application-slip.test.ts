import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findService } from '../../electron/domain/catalog/catalog.js';
import { idCheckChar } from '../../electron/domain/identity/id-number.js';
import { progressRef } from '../../electron/host/printing/documents/types.js';
import { startTestHost, type TestHost } from '../support/test-host.js';
import { tempDir } from '../support/temp-dir.js';
import { cipherOf } from '../support/test-cipher.js';

// An application's ticket gets its slip like any ticket (stored in the submission's transaction),
// and the slip also carries the case number (text and QR), the service name in the citizen's
// language and the ID number's last four characters — never the whole number. Read back with
// poppler: what the citizen holds, not what we meant to draw.
// The read-back tests are skipped only on a workstation without poppler; under CI=true its
// absence fails the run instead (.ci/run installs it), so CI always runs them.
const poppler = spawnSync('pdftotext', ['-v']).error === undefined;
if (!poppler && process.env['CI']) throw new Error('CI needs poppler-utils (pdftotext)');

// Tuesday 2026-11-24, 10:00 in Asia/Shanghai.
const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);

function idNumber(birth: string, seq = '123'): string {
  const first17 = `110105${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

interface Answer {
  application: { caseNumber: string };
  applications: { caseNumber: string }[];
  ticket: { id: number; number: string };
}
interface SlipData {
  language: string;
  number: string;
  application?: { serviceName: string; serviceNameMn?: string; cases: { caseNumber: string; idNumber: string }[] };
}

async function until<T>(f: () => T | undefined | null | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the slip of an application ticket (folder printer)', () => {
  let t: TestHost;
  let kiosk: string;
  let db: Database.Database;
  const out = tempDir();
  const logs: string[] = [];
  const service = findService('household_certificate');

  const form = (id: string) => ({ name: '张三', idNumber: id, phone: '13800138000', purpose: 'employment' });
  const submit = (body: Record<string, unknown>) =>
    t.request('/api/applications', {
      method: 'POST',
      token: kiosk,
      body: { requestId: randomUUID(), serviceCode: 'household_certificate', materials: ['id_card'], ...body },
    });
  const jobOf = (ticketId: number) => {
    const j = db.prepare(`SELECT state, external_id AS file, data_enc FROM print_jobs WHERE idempotency_key = ?`).get(`ticket:${ticketId}`) as
      { state: string; file: string | null; data_enc: Buffer } | undefined;
    return j && { state: j.state, file: j.file, data: cipherOf(t.dataDir).open('print_jobs', 'data_enc', j.data_enc) };
  };
  /** The printed slip's text, once the folder printer has written it. */
  async function printed(ticketId: number): Promise<{ text: string; data: SlipData }> {
    const job = await until(() => {
      const j = jobOf(ticketId);
      // The folder printer has written the file once the job is sent (the fixed test clock
      // never reaches the next progress check that would mark it completed).
      return j && (j.state === 'sent' || j.state === 'completed') && j.file ? j : null;
    }).catch((err: unknown) => {
      throw new Error(
        `${(err as Error).message}: ${JSON.stringify(db.prepare(`SELECT state, attempts, last_error, external_id FROM print_jobs WHERE idempotency_key = ?`).get(`ticket:${ticketId}`))} ${logs.join('\n')}`,
      );
    });
    const text = execFileSync('pdftotext', ['-layout', job.file ?? '', '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    return { text, data: JSON.parse(job.data) as SlipData };
  }

  beforeAll(async () => {
    t = await startTestHost({ clock: () => NOW, log: (l) => logs.push(l), defaultPrinter: { kind: 'folder', target: out.path, media: '' } });
    kiosk = await t.pair('kiosk');
    db = new Database(t.host.databasePath, { readonly: true });
  });
  afterAll(async () => {
    db.close();
    await t.stop();
    out.remove();
  });

  // Skipped only where poppler's pdftotext is missing (a workstation); .ci/run installs it (scripts/test-prerequisites.sh).
  it.skipIf(!poppler)('prints the case number, the service in Chinese and only the last 4 of the ID number', async () => {
    const id = idNumber('19800101', '017');
    const res = await submit({ form: form(id) });
    expect(res.status).toBe(200);
    const a = res.body as Answer;
    const { text, data } = await printed(a.ticket.id);
    expect(text).toContain(a.ticket.number);
    expect(text).toContain(a.application.caseNumber);
    expect(text).toContain(service?.name['zh-CN']);
    expect(text).toContain(`**************${id.slice(-4)}`);
    expect(text).not.toContain(id);
    expect(text).not.toContain(id.slice(0, 10));
    // The job itself holds the number masked: no full ID number is stored for printing.
    expect(data.application).toEqual({
      serviceName: service?.name['zh-CN'],
      cases: [{ caseNumber: a.application.caseNumber, idNumber: `**************${id.slice(-4)}` }],
    });
    const cipher = cipherOf(t.dataDir);
    const stored = (db.prepare(`SELECT data_enc FROM print_jobs`).pluck().all() as Buffer[]).map((d) => cipher.open('print_jobs', 'data_enc', d));
    expect(stored.join('\n')).not.toContain(id.slice(0, 10));
  });

  // Skipped only where poppler's pdftotext is missing (a workstation); .ci/run installs it (scripts/test-prerequisites.sh).
  it.skipIf(!poppler)('prints the service name in the citizen language', async () => {
    const id = idNumber('19810202', '028');
    const res = await submit({ form: form(id), language: 'en' });
    const a = res.body as Answer;
    const { text } = await printed(a.ticket.id);
    expect(text).toContain('Case number');
    expect(text).toContain(a.application.caseNumber);
    expect(text).toContain(service?.name.en);
    expect(text).toContain(id.slice(-4));
    expect(text).not.toContain(id);
  });

  it('a Mongolian slip carries the Chinese name and the Mongolian one for the vertical columns', async () => {
    const res = await submit({ form: form(idNumber('19820303', '039')), language: 'mn' });
    const a = res.body as Answer;
    const job = await until(() => jobOf(a.ticket.id));
    const data = JSON.parse(job.data) as SlipData;
    expect(data.application).toMatchObject({ serviceName: service?.name['zh-CN'], serviceNameMn: service?.name.mn });
  });

  it('the QR code holds only the case number, as its progress reference', () => {
    // What the slip encodes: the case (the progress query asks for the ID ending separately).
    expect(progressRef('case', 'YZ20261124-0001')).toBe('YZ:C:YZ20261124-0001');
  });

  // Skipped only where poppler's pdftotext is missing (a workstation); .ci/run installs it (scripts/test-prerequisites.sh).
  it.skipIf(!poppler)('a tour group: one slip for the ticket, each member with their case and masked ID', async () => {
    const ids = [idNumber('19700101', '011'), idNumber('19720202', '022')];
    const member = (id: string, name: string) => ({
      form: {
        name,
        pinyinName: { surname: 'ZHAO', givenName: 'YI' },
        idNumber: id,
        phone: '13947000000',
        port: 'manzhouli',
        travelDate: '2026-11-25',
        travelMode: 'agency_tour',
        groupCode: 'MZL-2026-118',
      },
      materials: ['id_card'],
    });
    const body = { requestId: randomUUID(), serviceCode: 'border_tour_pass', members: [member(ids[0] ?? '', '赵一'), member(ids[1] ?? '', '赵二')] };
    const res = await t.request('/api/applications/group', { method: 'POST', token: kiosk, body });
    expect(res.status).toBe(200);
    const a = res.body as Answer;
    const { text } = await printed(a.ticket.id);
    for (const c of a.applications) expect(text).toContain(c.caseNumber);
    for (const id of ids) {
      expect(text).toContain(id.slice(-4));
      expect(text).not.toContain(id);
    }
    expect(text).toContain(findService('border_tour_pass')?.name['zh-CN']);
    // A replayed request prints nothing new.
    await t.request('/api/applications/group', { method: 'POST', token: kiosk, body });
    expect(db.prepare(`SELECT count(*) AS n FROM print_jobs WHERE idempotency_key = ?`).get(`ticket:${a.ticket.id}`)).toEqual({ n: 1 });
  });

  it('when the slip cannot be stored, nothing is: no application, no ticket, and the appointment stays unused', async () => {
    const admin = await t.supervisor();
    const booking = await t.request('/api/appointments', {
      method: 'POST',
      token: admin.token,
      staff: admin.staff,
      body: { line: 'household', slotStart: NOW },
    });
    const code = (booking.body as { appointment: { code: string } }).appointment.code;
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const before = [count('applications'), count('tickets'), count('print_jobs')];
    // A real failing insert (as a full disk would give), from another connection to the same file.
    const writer = new Database(t.host.databasePath);
    writer.exec(`CREATE TRIGGER no_print BEFORE INSERT ON print_jobs BEGIN SELECT RAISE(ABORT, 'print insert failed'); END`);
    try {
      const res = await submit({ form: form(idNumber('19830404', '041')), appointmentCode: code });
      expect(res.status).toBe(500);
    } finally {
      writer.exec(`DROP TRIGGER no_print`);
      writer.close();
    }
    expect([count('applications'), count('tickets'), count('print_jobs')]).toEqual(before);
    expect(db.prepare(`SELECT used_at FROM appointments WHERE code = ?`).get(code)).toEqual({ used_at: null });
    const retry = await submit({ form: form(idNumber('19830404', '041')), appointmentCode: code });
    expect(retry.status).toBe(200);
  });

  it('never logs an ID number', () => {
    expect(logs.join('\n')).not.toMatch(/110105\d{8}/);
  });
});
