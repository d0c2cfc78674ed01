import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../electron/domain/identity/id-number.js';
import { cipherOf } from '../support/test-cipher.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

// Tuesday 2026-11-24, 10:00 in Asia/Shanghai.
const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);

function idNumber(birth: string, seq = '123'): string {
  const first17 = `110105${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

interface Answer {
  application: { caseNumber: string; status: string; greenChannel: boolean; supplementBy: string | null; missingMaterials: string[] };
  applications: { caseNumber: string }[];
  ticket: { id: number; number: string; ticketClass: string; groupSize: number };
  ahead: number;
  estimatedWaitMinutes: number | null;
  replayed: boolean;
}
interface ErrorAnswer {
  error: { code: string; issues?: { path: string; message: string }[] };
}

describe('applications over the real host', () => {
  let t: TestHost;
  let kiosk: string;
  let db: Database.Database;
  const logs: string[] = [];

  const certificateForm = (id = idNumber('19800101')) => ({ name: '张三', idNumber: id, phone: '13800138000', purpose: 'employment' });
  const submit = (body: unknown, token = kiosk) => t.request('/api/applications', { method: 'POST', token, body });
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  beforeAll(async () => {
    t = await startTestHost({ clock: () => NOW, log: (l) => logs.push(l) });
    kiosk = await t.pair('kiosk');
    db = new Database(t.host.databasePath, { readonly: true });
  });
  afterAll(async () => {
    db.close();
    await t.stop();
  });

  it('serves the catalog to every terminal role, and not unpaired callers', async () => {
    const res = await t.request('/api/catalog', { token: await t.pair('display') });
    expect(res.status).toBe(200);
    expect((res.body as { services: unknown[] }).services.length).toBeGreaterThanOrEqual(13);
    expect((await t.request('/api/catalog')).status).toBe(401);
  });

  it('stores the application as submitted and issues its ticket together', async () => {
    const [apps, tickets] = [count('applications'), count('tickets')];
    const res = await submit({ requestId: randomUUID(), serviceCode: 'household_certificate', form: certificateForm(), materials: ['id_card'] });
    expect(res.status).toBe(200);
    const a = res.body as Answer;
    expect(a.application).toMatchObject({ status: 'submitted', greenChannel: false, supplementBy: null });
    expect(a.application.caseNumber).toMatch(/^YZ20261124-\d{4}$/);
    expect(a.ticket).toMatchObject({ ticketClass: 'normal', groupSize: 1 });
    expect(a.ticket.number).toMatch(/^A\d{3}$/);
    expect(a.replayed).toBe(false);
    expect(count('applications')).toBe(apps + 1);
    expect(count('tickets')).toBe(tickets + 1);
    const row = db.prepare(`SELECT ticket_id, applicant_id_number_enc AS id, status FROM applications WHERE case_number = ?`).get(a.application.caseNumber) as {
      ticket_id: number;
      id: Buffer;
      status: string;
    };
    expect({ ...row, id: cipherOf(t.dataDir).open('applications', 'applicant_id_number_enc', row.id) }).toEqual({
      ticket_id: a.ticket.id,
      id: idNumber('19800101'),
      status: 'submitted',
    });
    expect(
      db
        .prepare(`SELECT count(*) AS n FROM application_events e JOIN applications a ON a.id = e.application_id WHERE a.case_number = ?`)
        .get(a.application.caseNumber),
    ).toEqual({ n: 1 });
  });

  it('pressing submit twice (same requestId) gives one application and one ticket', async () => {
    const body = { requestId: randomUUID(), serviceCode: 'household_certificate', form: certificateForm(), materials: ['id_card'] };
    const [apps, tickets] = [count('applications'), count('tickets')];
    const [first, second] = await Promise.all([submit(body), submit(body)]);
    const third = await submit(body);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    const answers = [first, second, third].map((r) => r.body as Answer);
    expect(new Set(answers.map((a) => a.application.caseNumber)).size).toBe(1);
    expect(new Set(answers.map((a) => a.ticket.id)).size).toBe(1);
    expect(answers.filter((a) => a.replayed)).toHaveLength(2);
    expect(count('applications')).toBe(apps + 1);
    expect(count('tickets')).toBe(tickets + 1);
  });

  it('a missing mandatory material stores nothing and lists what is missing', async () => {
    const [apps, tickets] = [count('applications'), count('tickets')];
    const res = await submit({ requestId: randomUUID(), serviceCode: 'household_certificate', form: certificateForm(), materials: [] });
    expect(res.status).toBe(409);
    const e = res.body as ErrorAnswer;
    expect(e.error.code).toBe('conflict');
    expect(e.error.issues?.map((i) => i.path)).toEqual(['body.materials.id_card']);
    expect([count('applications'), count('tickets')]).toEqual([apps, tickets]);
  });

  it('a missing 容缺 material is accepted with a supply-by date in working days', async () => {
    const form = {
      name: '李四',
      idNumber: idNumber('19900315'),
      gender: 'male',
      nation: '蒙古',
      birthDate: '1990-03-15',
      address: '呼伦贝尔市海拉尔区',
      phone: '15904700000',
    };
    const res = await submit({ requestId: randomUUID(), serviceCode: 'id_card_renewal', form, materials: ['old_id_card'] });
    expect(res.status).toBe(200);
    const a = res.body as Answer;
    // Tuesday + 5 working days skips Saturday and Sunday: the next Tuesday.
    expect(a.application).toMatchObject({ status: 'submitted', supplementBy: '2026-12-01', missingMaterials: ['photo_receipt'] });
  });

  it('an applicant aged 70 or over gets a green-channel ticket; 69 does not', async () => {
    const seventy = await submit({
      requestId: randomUUID(),
      serviceCode: 'household_certificate',
      form: certificateForm(idNumber('19561124')),
      materials: ['id_card'],
    });
    expect((seventy.body as Answer).ticket.ticketClass).toBe('green');
    expect((seventy.body as Answer).application.greenChannel).toBe(true);
    const younger = await submit({
      requestId: randomUUID(),
      serviceCode: 'household_certificate',
      form: certificateForm(idNumber('19561125')),
      materials: ['id_card'],
    });
    expect((younger.body as Answer).ticket.ticketClass).toBe('normal');
  });

  it('an expedite service is always green channel', async () => {
    const form = {
      name: '王五',
      pinyinName: { surname: 'WANG', givenName: 'WU' },
      idNumber: idNumber('19850601'),
      phone: '18647000000',
      documentType: 'passport',
      travelDate: '2026-11-26',
    };
    const res = await submit({
      requestId: randomUUID(),
      serviceCode: 'expedited_document',
      form,
      materials: ['id_card', 'urgent_travel_proof', 'photo_receipt'],
    });
    expect(res.status).toBe(200);
    expect((res.body as Answer).ticket).toMatchObject({ ticketClass: 'green' });
    expect((res.body as Answer).ticket.number).toMatch(/^C\d{3}$/);
  });

  it('a tour group of 3 gets one ticket for 3 people and a case each', async () => {
    const member = (birth: string, seq: string, name: string) => ({
      form: {
        name,
        pinyinName: { surname: 'ZHAO', givenName: 'YI' },
        idNumber: idNumber(birth, seq),
        phone: '13947000000',
        port: 'manzhouli',
        travelDate: '2026-11-25',
        travelMode: 'agency_tour',
        groupCode: 'MZL-2026-118',
      },
      materials: ['id_card'],
    });
    const tickets = count('tickets');
    const body = {
      requestId: randomUUID(),
      serviceCode: 'border_tour_pass',
      members: [member('19700101', '011', '赵一'), member('19720202', '022', '赵二'), member('20000303', '033', '赵三')],
    };
    const res = await t.request('/api/applications/group', { method: 'POST', token: kiosk, body });
    expect(res.status).toBe(200);
    const a = res.body as Answer;
    expect(a.ticket).toMatchObject({ ticketClass: 'group', groupSize: 3 });
    expect(new Set(a.applications.map((x) => x.caseNumber)).size).toBe(3);
    expect(count('tickets')).toBe(tickets + 1);
    const again = await t.request('/api/applications/group', { method: 'POST', token: kiosk, body });
    expect((again.body as Answer).ticket.id).toBe(a.ticket.id);
    expect(count('tickets')).toBe(tickets + 1);
  });

  it('refuses the same person twice in a group, and groups for services that take none', async () => {
    const m = {
      form: {
        name: '赵一',
        pinyinName: { surname: 'ZHAO', givenName: 'YI' },
        idNumber: idNumber('19700101'),
        phone: '13947000000',
        port: 'manzhouli',
        travelDate: '2026-11-25',
        travelMode: 'individual',
      },
      materials: ['id_card'],
    };
    const twice = await t.request('/api/applications/group', {
      method: 'POST',
      token: kiosk,
      body: { requestId: randomUUID(), serviceCode: 'border_tour_pass', members: [m, m] },
    });
    expect(twice.status).toBe(400);
    expect((twice.body as ErrorAnswer).error.issues?.map((i) => i.path)).toEqual(['body.members.1.form.idNumber']);
    const notGroup = await t.request('/api/applications/group', {
      method: 'POST',
      token: kiosk,
      body: { requestId: randomUUID(), serviceCode: 'household_certificate', members: [m, m] },
    });
    expect(notGroup.status).toBe(400);
  });

  it('a booth takes only booth-eligible services', async () => {
    const booth = await t.pair('booth');
    const form = {
      name: '李四',
      idNumber: idNumber('19900315'),
      gender: 'male',
      nation: '汉',
      birthDate: '1990-03-15',
      address: '满洲里市',
      phone: '15904700000',
    };
    expect((await submit({ requestId: randomUUID(), serviceCode: 'id_card_renewal', form, materials: ['old_id_card'] }, booth)).status).toBe(403);
    expect(
      (await submit({ requestId: randomUUID(), serviceCode: 'household_certificate', form: certificateForm(), materials: ['id_card'] }, booth)).status,
    ).toBe(200);
  });

  it('the progress query needs the right last 4 and leaks nothing otherwise', async () => {
    const id = idNumber('19800101', '457');
    const res = await submit({ requestId: randomUUID(), serviceCode: 'household_certificate', form: certificateForm(id), materials: ['id_card'] });
    const caseNumber = (res.body as Answer).application.caseNumber;
    const booth = await t.pair('booth');
    const ok = await t.request(`/api/applications/progress?case=${caseNumber}&last4=${id.slice(-4)}`, { token: booth });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      caseNumber,
      serviceCode: 'household_certificate',
      status: 'submitted',
      nextStep: 'application.next.await_call',
      supplementBy: null,
      promisedBy: '2026-11-24',
      missingMaterials: [],
      history: [{ status: 'submitted', at: NOW }],
    });
    expect(JSON.stringify(ok.body)).not.toContain(id);
    expect(JSON.stringify(ok.body)).not.toContain('张三');
    const wrongLast4 = id.slice(-4) === '0000' ? '1111' : '0000';
    const wrong = await t.request(`/api/applications/progress?case=${caseNumber}&last4=${wrongLast4}`, { token: booth });
    const unknown = await t.request(`/api/applications/progress?case=YZ20261124-9999&last4=${wrongLast4}`, { token: booth });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
    expect((await t.request(`/api/applications/progress?case=${caseNumber}&last4=${id.slice(-4)}`, { token: await t.pair('display') })).status).toBe(403);
  });

  it.each([
    ['a bad ID check digit', { idNumber: idNumber('19800101').slice(0, 17) + (idNumber('19800101').endsWith('0') ? '1' : '0') }, 'body.form.idNumber'],
    ['a bad phone number', { phone: '12345678901' }, 'body.form.phone'],
    ['an empty required field', { name: '  ' }, 'body.form.name'],
    ['an unknown select option', { purpose: 'fun' }, 'body.form.purpose'],
  ])('refuses %s with 400 naming the field', async (_label, change, path) => {
    const apps = count('applications');
    const res = await submit({
      requestId: randomUUID(),
      serviceCode: 'household_certificate',
      form: { ...certificateForm(), ...change },
      materials: ['id_card'],
    });
    expect(res.status).toBe(400);
    expect((res.body as ErrorAnswer).error.issues?.map((i) => i.path)).toContain(path);
    expect(count('applications')).toBe(apps);
  });

  it('refuses a birth date in the future and a travel date in the past', async () => {
    const form = {
      name: '李四',
      idNumber: idNumber('19900315'),
      gender: 'male',
      nation: '汉',
      birthDate: '2026-12-01',
      address: '满洲里市',
      phone: '15904700000',
    };
    const birth = await submit({ requestId: randomUUID(), serviceCode: 'id_card_renewal', form, materials: ['old_id_card'] });
    expect(birth.status).toBe(400);
    expect((birth.body as ErrorAnswer).error.issues?.map((i) => i.path)).toEqual(['body.form.birthDate']);
    const travel = await submit({
      requestId: randomUUID(),
      serviceCode: 'border_tour_pass',
      form: {
        name: '赵一',
        pinyinName: { surname: 'ZHAO', givenName: 'YI' },
        idNumber: idNumber('19700101'),
        phone: '13947000000',
        port: 'erenhot',
        travelDate: '2026-11-23',
        travelMode: 'individual',
      },
      materials: ['id_card'],
    });
    expect(travel.status).toBe(400);
    expect((travel.body as ErrorAnswer).error.issues?.map((i) => i.path)).toEqual(['body.form.travelDate']);
  });

  it('refuses a requestId that is not a UUID and callers that are not kiosks or booths', async () => {
    const bad = await submit({ requestId: 'twice', serviceCode: 'household_certificate', form: certificateForm(), materials: ['id_card'] });
    expect(bad.status).toBe(400);
    const clerk = await t.pair('clerk');
    expect(
      (await submit({ requestId: randomUUID(), serviceCode: 'household_certificate', form: certificateForm(), materials: ['id_card'] }, clerk)).status,
    ).toBe(403);
  });

  it('writes no ID number to the log or the audit trail', () => {
    const audit = db.prepare(`SELECT target, detail FROM audit_log WHERE action = 'application.submit'`).all() as { target: string; detail: string }[];
    expect(audit.length).toBeGreaterThan(0);
    const cipher = cipherOf(t.dataDir);
    const ids = (db.prepare(`SELECT applicant_id_number_enc AS id FROM applications`).all() as { id: Buffer }[]).map((r) =>
      cipher.open('applications', 'applicant_id_number_enc', r.id),
    );
    for (const id of ids) {
      expect(logs.join('\n')).not.toContain(id);
      expect(JSON.stringify(audit)).not.toContain(id);
    }
  });
});
