import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../electron/domain/identity/id-number.js';
import { cipherOf } from '../support/test-cipher.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

// Tuesday 2026-11-24, 10:00 in Asia/Shanghai.
const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);
const MIN = 60_000;

function idNumber(birth: string, seq = '123'): string {
  const first17 = `110105${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

interface Answer {
  application: { caseNumber: string; greenChannel: boolean };
  ticket: { id: number; number: string; ticketClass: string };
  replayed: boolean;
}
interface ErrorAnswer {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}
interface Lookup {
  code: string;
  line: string;
  slotStart: number;
  name: string | null;
  withIdNumber: boolean;
  used: boolean;
}

describe('appointments: booking with an ID number, lookup, and submitting with the code', () => {
  let t: TestHost;
  let kiosk: string;
  let admin: { token: string; staff: string };
  let db: Database.Database;
  const logs: string[] = [];

  const APPLICANT = idNumber('19800101');
  const form = (id = APPLICANT) => ({ name: '张三', idNumber: id, phone: '13800138000', purpose: 'employment' });
  const submit = (body: Record<string, unknown>) =>
    t.request('/api/applications', {
      method: 'POST',
      token: kiosk,
      body: { requestId: randomUUID(), serviceCode: 'household_certificate', materials: ['id_card'], ...body },
    });
  const book = (body: Record<string, unknown>) =>
    t.request('/api/appointments', { method: 'POST', token: admin.token, staff: admin.staff, body: { line: 'household', slotStart: NOW + 5 * MIN, ...body } });
  async function booked(body: Record<string, unknown> = {}): Promise<string> {
    const res = await book(body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body as { appointment: { code: string } }).appointment.code;
  }
  const lookup = (code: string, token = kiosk) => t.request(`/api/appointments/${encodeURIComponent(code)}`, { token });
  const usedAt = (code: string) => (db.prepare(`SELECT used_at FROM appointments WHERE code = ?`).get(code) as { used_at: number | null }).used_at;
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  beforeAll(async () => {
    t = await startTestHost({ clock: () => NOW, log: (l) => logs.push(l) });
    kiosk = await t.pair('kiosk');
    admin = await t.supervisor();
    db = new Database(t.host.databasePath, { readonly: true });
  });
  afterAll(async () => {
    db.close();
    await t.stop();
  });

  it('appointments hold a nullable ID number, sealed, with its keyed hash (migrations 006 to 008)', () => {
    expect(t.host.schemaVersion).toBeGreaterThanOrEqual(8);
    const cols = db.prepare(`SELECT name, type, "notnull" AS nn FROM pragma_table_info('appointments') WHERE name LIKE 'id_number%' ORDER BY name`).all();
    expect(cols).toEqual([
      { name: 'id_number_enc', type: 'BLOB', nn: 0 },
      { name: 'id_number_hash', type: 'BLOB', nn: 0 },
    ]);
  });

  it('books with an optional ID number, validated, stored upper-case and never answered or audited', async () => {
    const bad = await book({ idNumber: `${APPLICANT.slice(0, 17)}${APPLICANT.endsWith('0') ? '1' : '0'}` });
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorAnswer).error.issues?.[0]?.path).toBe('body.idNumber');
    const other = idNumber('19900305', '002');
    const res = await book({ idNumber: other.toLowerCase(), name: '李四' });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(other.slice(0, 14));
    const code = (res.body as { appointment: { code: string } }).appointment.code;
    const row = db.prepare(`SELECT id_number_enc, name_enc FROM appointments WHERE code = ?`).get(code) as { id_number_enc: Buffer; name_enc: Buffer };
    const cipher = cipherOf(t.dataDir);
    expect([cipher.open('appointments', 'id_number_enc', row.id_number_enc), cipher.open('appointments', 'name_enc', row.name_enc)]).toEqual([other, '李四']);
    expect(JSON.stringify(db.prepare(`SELECT * FROM audit_log`).all())).not.toContain(other.slice(0, 14));
  });

  it('looks an appointment up by code for kiosks and booths: 404 unknown, 409 used', async () => {
    const code = await booked({ idNumber: APPLICANT, name: '张三' });
    const res = await lookup(code.toLowerCase());
    expect(res.status).toBe(200);
    // Never the ID number: a code alone identifies nobody (issue 11); the kiosk checks the card.
    expect(res.body as Lookup).toEqual({ code, line: 'household', slotStart: NOW + 5 * MIN, name: '张三', withIdNumber: true, used: false });
    expect(JSON.stringify(res.body)).not.toContain(APPLICANT.slice(6, 14));
    expect((await lookup(code, await t.pair('booth'))).status).toBe(200);
    expect((await lookup(code, await t.pair('display'))).status).toBe(403);
    expect((await lookup('NOSUCHCODE')).status).toBe(404);
    expect((await submit({ form: form(), appointmentCode: code })).status).toBe(200);
    const used = await lookup(code);
    expect(used.status).toBe(409);
    expect(JSON.stringify(used.body)).not.toContain(APPLICANT);
  });

  it('answers null name and no ID number for a booking without them', async () => {
    const code = await booked();
    expect((await lookup(code)).body).toMatchObject({ name: null, withIdNumber: false, used: false });
  });

  it('submitting with the code issues an appointment ticket and uses the appointment in the same transaction', async () => {
    const code = await booked({ idNumber: APPLICANT });
    const res = await submit({ form: form(), appointmentCode: code });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const a = res.body as Answer;
    expect(a.ticket.ticketClass).toBe('appointment');
    expect(usedAt(code)).toBe(NOW);
    const row = db.prepare(`SELECT t.appointment_id AS aid, t.appointment_slot AS slot FROM tickets t WHERE t.id = ?`).get(a.ticket.id);
    const appt = db.prepare(`SELECT id, slot_start FROM appointments WHERE code = ?`).get(code) as { id: number; slot_start: number };
    expect(row).toEqual({ aid: appt.id, slot: appt.slot_start });
  });

  it('a repeated request with the same code replays the first answer', async () => {
    const code = await booked();
    const body = { requestId: randomUUID(), serviceCode: 'household_certificate', materials: ['id_card'], form: form(), appointmentCode: code };
    const first = await t.request('/api/applications', { method: 'POST', token: kiosk, body });
    const again = await t.request('/api/applications', { method: 'POST', token: kiosk, body });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect((again.body as Answer).replayed).toBe(true);
    expect((again.body as Answer).ticket.id).toBe((first.body as Answer).ticket.id);
  });

  it.each([
    ['an unknown code', async () => 'NOSUCHCODE', /unknown/],
    ['a code for another business line', async () => booked({ line: 'traffic' }), /another business line/],
  ])('refuses %s with appointment_invalid and creates nothing', async (_, make, message) => {
    const code = await make();
    const [apps, tickets] = [count('applications'), count('tickets')];
    const res = await submit({ form: form(), appointmentCode: code });
    expect(res.status).toBe(400);
    const err = (res.body as ErrorAnswer).error;
    expect(err.code).toBe('appointment_invalid');
    expect(err.message).toMatch(message);
    expect(err.issues?.[0]?.path).toBe('body.appointmentCode');
    expect([count('applications'), count('tickets')]).toEqual([apps, tickets]);
    if (code !== 'NOSUCHCODE') expect(usedAt(code)).toBeNull();
    // Saying whose booking it is would tell a stranger an ID number.
    expect(JSON.stringify(res.body)).not.toMatch(/19700707/);
  });

  it('refuses a code booked for another person with appointment_not_yours, naming nobody', async () => {
    const code = await booked({ idNumber: idNumber('19700707', '456') });
    const [apps, tickets] = [count('applications'), count('tickets')];
    const res = await submit({ form: form(), appointmentCode: code });
    expect(res.status).toBe(409);
    expect((res.body as ErrorAnswer).error).toMatchObject({ code: 'appointment_not_yours', issues: [{ path: 'body.appointmentCode' }] });
    expect([count('applications'), count('tickets')]).toEqual([apps, tickets]);
    expect(usedAt(code)).toBeNull();
    // Saying whose booking it is would tell a stranger an ID number.
    expect(JSON.stringify(res.body)).not.toMatch(/19700707/);
  });

  it('refuses a used code', async () => {
    const code = await booked();
    expect((await submit({ form: form(), appointmentCode: code })).status).toBe(200);
    const second = await submit({ form: form(), appointmentCode: code });
    expect(second.status).toBe(400);
    expect((second.body as ErrorAnswer).error.message).toMatch(/used already/);
  });

  it('a booking without an ID number serves whoever holds the code', async () => {
    const code = await booked();
    const res = await submit({ form: form(idNumber('19750505', '789')), appointmentCode: code });
    expect(res.status).toBe(200);
    expect((res.body as Answer).ticket.ticketClass).toBe('appointment');
  });

  it('arriving long after the slot gives a normal ticket, as issueTicket does, and uses the appointment', async () => {
    const code = await booked({ slotStart: NOW - 3 * 60 * MIN });
    const res = await submit({ form: form(), appointmentCode: code });
    expect(res.status).toBe(200);
    expect((res.body as Answer).ticket.ticketClass).toBe('normal');
    expect(usedAt(code)).toBe(NOW);
  });

  it('the green channel still wins for an applicant who qualifies', async () => {
    const elder = idNumber('19501124', '321');
    const code = await booked({ idNumber: elder });
    const res = await submit({ form: form(elder), appointmentCode: code });
    expect(res.status).toBe(200);
    expect((res.body as Answer).ticket.ticketClass).toBe('green');
    expect((res.body as Answer).application.greenChannel).toBe(true);
    expect(usedAt(code)).toBe(NOW);
  });

  it('never logs an ID number', () => {
    expect(logs.join('\n')).not.toContain(APPLICANT);
  });
});
