import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { idNumber, startCaseHost, type CaseHost } from '../support/case-host.js';
import { TEST_PIN } from '../support/test-host.js';

// Tuesday 24 November 2026, 10:00 in Asia/Shanghai.
const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);
const DAY = '2026-11-24';
const MIN = 60_000;
const form = { name: '张晓明', idNumber: idNumber('19850312'), phone: '13800138000', newAddress: '锡林浩特市额尔敦路12号', moveReason: 'work' };
const PAPERS = ['id_card', 'hukou_booklet', 'transfer_consent'];

const hosts: CaseHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

type File = { filename: string; mime: string; base64: string };
const errorOf = (r: { body: unknown }) => (r.body as { error: { code: string } }).error.code;

/** A real host where one ticket is issued at 10:00, called at 10:12 (a 12-minute wait), served
 * 10:13–10:21 at window 1, and its case accepted; a second ticket waits. */
async function servedDay() {
  let now = NOW;
  const h = await startCaseHost(NOW);
  hosts.push(h);
  const at = (minutes: number) => h.setNow((now = NOW + minutes * MIN));
  const { caseNumber } = await h.submit('hukou_transfer', form, PAPERS);
  await h.submit('hukou_transfer', { ...form, idNumber: idNumber('19900101', '456') }, PAPERS);
  const clerk = await h.clerkAt(1, 'C601');
  at(12);
  await h.post('/api/windows/1/call-next', clerk, {});
  at(13);
  await h.post('/api/windows/1/start', clerk, {});
  expect((await h.post(`/api/cases/${caseNumber}/accept`, clerk, { windowId: 1, version: 0, received: PAPERS })).status).toBe(200);
  at(21);
  await h.post('/api/windows/1/finish', clerk, {});
  const sup = await h.supervisor();
  return { h, clerk, sup, now: () => now };
}

const fileOf = (r: { status: number; body: unknown }) => {
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const f = r.body as File;
  return { ...f, bytes: Buffer.from(f.base64, 'base64') };
};

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) {
      field += c;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    }
  }
  return rows;
}

describe('report routes over the real host', () => {
  it('gives a supervisor the day’s figures from the events', async () => {
    const { h, sup } = await servedDay();
    const r = await h.get(`/api/reports/figures?from=${DAY}&to=${DAY}&groupBy=window`, sup);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const body = r.body as {
      total: Record<string, unknown>;
      rows: { key: unknown; served: number }[];
      targetWaitMinutes: number;
      charts: { daily: unknown[] };
    };
    expect(body.total).toMatchObject({ issued: 2, called: 1, served: 1, accepted: 1, withinTarget: 1 });
    expect(body.total).toMatchObject({ wait: { count: 1, mean: 12 * MIN, max: 12 * MIN }, service: { count: 1, mean: 8 * MIN } });
    expect(body.targetWaitMinutes).toBe(30);
    // Window 1 called and served the first; the second, never called, has no window.
    expect(body.rows.map((x) => [x.key, x.served])).toEqual([
      [1, 1],
      [null, 0],
    ]);
    expect(body.charts.daily).toEqual([{ day: DAY, issued: 2, served: 1, noShows: 0, satisfactionRate: null, ratings: 0 }]);
  });

  it('exports CSV (BOM, quoted, parsed back) and XLSX (read back with exceljs), audited', async () => {
    const { h, sup } = await servedDay();
    const csv = fileOf(await h.get(`/api/reports/export?from=${DAY}&to=${DAY}&groupBy=line&format=csv`, sup));
    expect(csv.filename).toBe(`report-${DAY}-line.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
    expect(rows[0]!.slice(0, 4)).toEqual(['业务类别', '取号数', '办结服务数', '平均等候（分钟）']);
    expect(rows.slice(1).map((x) => x.slice(0, 4))).toEqual([
      ['户政业务', '2', '1', '12'],
      ['合计', '2', '1', '12'],
    ]);

    const xlsx = fileOf(await h.get(`/api/reports/export?from=${DAY}&to=${DAY}&groupBy=window&format=xlsx&lang=en`, sup));
    expect(xlsx.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe(`Period ${DAY}`);
    expect([ws.getCell('A2').value, ws.getCell('B2').value, ws.getCell('D2').value]).toEqual(['Window', 'Tickets issued', 'Mean wait (min)']);
    expect([ws.getCell('A3').value, ws.getCell('B3').value, ws.getCell('C3').value, ws.getCell('D3').value]).toEqual(['Window 1', 1, 1, 12]);
    expect([ws.getCell('A4').value, ws.getCell('B4').value, ws.getCell('D4').value]).toEqual(['(none)', 1, '']);
    expect([ws.getCell('A5').value, ws.getCell('B5').value]).toEqual(['Total', 2]);
    expect(h.audit('report.export').map((a) => a.detail)).toEqual(['csv by line', 'xlsx by window']);
  });

  it('makes the A4 daily report as a PDF, and prints it on the admin terminal’s printer', async () => {
    const { h, sup } = await servedDay();
    const pdf = fileOf(await h.get(`/api/reports/daily-pdf?day=${DAY}`, sup));
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.filename).toBe(`daily-report-${DAY}.pdf`);
    const printed = await h.post('/api/reports/daily-print', sup, { day: DAY });
    expect(printed.status, JSON.stringify(printed.body)).toBe(200);
    const job = h.jobs().find((j) => j.kind === 'daily_report');
    expect(job?.data).toMatchObject({
      day: DAY,
      summary: expect.arrayContaining([
        { label: '取号数', value: '2' },
        { label: '平均等候', value: '12.0 分钟' },
      ]),
    });
    expect(h.audit('report.print')).toHaveLength(1);
  });

  it('shows a clerk only their own figures of today', async () => {
    const { h, clerk } = await servedDay();
    const other = await h.clerkAt(2, 'C602');
    const mine = await h.get('/api/reports/mine', clerk);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ day: DAY, figures: { issued: 1, served: 1, accepted: 1, wait: { mean: 12 * MIN } } });
    expect((await h.get('/api/reports/mine', other)).body).toMatchObject({ figures: { issued: 0, served: 0 } });
    // No parameter names anyone else: asking for another clerk is refused as bad input.
    expect((await h.get('/api/reports/mine?staff=1', clerk)).status).toBe(400);
  });

  it('refuses everyone else: clerks, the unsigned, other terminals, bad ranges', async () => {
    const { h, clerk, sup } = await servedDay();
    const figures = `/api/reports/figures?from=${DAY}&to=${DAY}`;
    // A clerk terminal asking for the hall's report, or another clerk's figures.
    expect((await h.get(figures, clerk)).status).toBe(403);
    expect((await h.get(`${figures}&staff=1`, clerk)).status).toBe(403);
    expect((await h.get(`/api/reports/export?from=${DAY}&to=${DAY}&format=csv`, clerk)).status).toBe(403);
    // A clerk signed in on the admin screen is not a supervisor.
    const adminPc = await h.pair('admin');
    const signIn = await h.post('/api/staff/sign-in', { token: adminPc }, { staffNo: 'C601', pin: TEST_PIN });
    const session = /yz_staff_[a-z]+=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1];
    expect(session).toBeTruthy();
    const clerkOnAdmin = await h.get(figures, { token: adminPc, staff: session! });
    expect([clerkOnAdmin.status, errorOf(clerkOnAdmin)]).toEqual([403, 'forbidden']);
    // The admin terminal with nobody signed in; a kiosk; a display; nobody at all.
    expect(errorOf(await h.get(figures, { token: sup.token }))).toBe('staff_sign_in_required');
    expect((await h.get(figures, { token: h.kiosk })).status).toBe(403);
    expect((await h.get('/api/reports/mine', { token: h.kiosk })).status).toBe(403);
    expect((await h.get('/api/reports/mine', { token: await h.pair('display') })).status).toBe(403);
    expect((await h.get(figures, { token: '' })).status).toBe(401);
    expect(errorOf(await h.get('/api/reports/mine', { token: clerk.token }))).toBe('staff_sign_in_required');
    expect((await h.post('/api/reports/daily-print', clerk, { day: DAY })).status).toBe(403);
    // Bad input: a range backwards, too long, a date that does not exist, an unknown grouping.
    expect((await h.get(`/api/reports/figures?from=${DAY}&to=2026-11-01`, sup)).status).toBe(400);
    expect((await h.get(`/api/reports/figures?from=2025-01-01&to=2026-11-24`, sup)).status).toBe(400);
    expect((await h.get(`/api/reports/figures?from=2026-02-30&to=2026-03-01`, sup)).status).toBe(400);
    expect((await h.get(`${figures}&groupBy=citizen`, sup)).status).toBe(400);
    expect((await h.get(`/api/reports/export?from=${DAY}&to=${DAY}&format=pdf`, sup)).status).toBe(400);
  });
});

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks, and keeps a spreadsheet from running a formula', async () => {
    const { csvField } = await import('../../electron/host/reports/report-files.js');
    expect([csvField('户政业务'), csvField(12.5), csvField(null)]).toEqual(['户政业务', '12.5', '']);
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(parseCsv(`${csvField('a,"b"')},${csvField('x')}\r\n`)).toEqual([['a,"b"', 'x']]);
  });
});
